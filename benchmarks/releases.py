"""What an archive of released versions costs a build: the kit's own site with 20 real releases against none.

A copy of the project goes live under another clinic's details, then gets 20
versions from the real `python -m kit.release` (each after a one-sentence
change to a health page), so archive/ holds 20 versions' PDFs and releases.yml
20 entries. Then the same copy is built strictly with that archive and without
it (archive/ moved away; the content then builds as a draft), PDFs on and off,
rounds interleaved, and the median wall times are compared (target: at most
1.10x). `python -m benchmarks releases`.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from kit.pages.prose import extract_prose
from kit.report.findings import FAILING_LEVELS
from kit.wording.claims import start_claims_check

ROOT = Path(__file__).resolve().parent.parent
VERSIONS = 20
ROUNDS = 3
CLINIC = {
    "mode": "live",
    "name": "Harbour Lane Dermatology",
    "phone": "+44 20 3318 4400",
    "email": "reception@harbourlane-dermatology.co.uk",
    "address": ["14 Harbour Lane", "Bristol BS1 4RW"],
    "website": "https://harbourlane-dermatology.co.uk/",
    "booking_url": "https://harbourlane-dermatology.co.uk/book",
}
SITE_URL = "https://harbourlane-dermatology.github.io/skin/"
REVIEWER = "Dr Ada Lovell, Consultant dermatologist"


def _env(**extra: str) -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT), **extra}


def live_copy(folder: Path) -> Path:
    """The project's tracked files, gone live under another clinic's details with a named reviewer on every health page."""
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split("\0")
    for name in filter(None, tracked):
        if (ROOT / name).is_file() and not name.startswith(("archive/", "kit/", "tests/", "benchmarks/")):
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, folder / name)
    clinic = yaml.safe_load((folder / "clinic.yml").read_text(encoding="utf-8")) | CLINIC
    (folder / "clinic.yml").write_text(yaml.safe_dump(clinic, sort_keys=False), encoding="utf-8")
    config = folder / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text("\n".join(f"site_url: {SITE_URL}" if line.startswith("site_url:") else line for line in text.splitlines()) + "\n")
    claims = start_claims_check(folder, "en", [])
    for page in sorted((folder / "docs").glob("*.md")):
        text = page.read_text(encoding="utf-8")
        head, separator, rest = text.partition("\n---\n")
        if "health_page: false" not in head and "reviewer:" not in head:
            head += f"\nreviewer: {REVIEWER}"
        if page.name.endswith(".es.md") and "translator:" not in head:  # a live translation names both people
            head += "\ntranslator: Ana García, medical translator\ntranslation_reviewer: Dr Luis Romero, dermatologist"
        if "health_page: false" not in head and "sources:" not in head:  # a live health page cites its evidence
            source = (
                f"  - title: Microneedling\n    publisher: {CLINIC['name']}\n    url: {CLINIC['website']}\n    checked: {dt.date.today()}"
            )
            head += "\nsources:\n" + source
        # The clinician keeps each claim the claims check stops on a live site, as written (EDITING.md, "Claims a reviewer stops").
        flags = [flag for flag in claims.flags(extract_prose(text)) if flag.level in FAILING_LEVELS] if claims else []
        if flags:
            kept = "".join(f"  - claim: {json.dumps(f.as_written)}\n    reviewer: {REVIEWER}\n    date: {dt.date.today()}\n" for f in flags)
            head += "\nreviewed_claims:\n" + kept.rstrip()
        page.write_text(f"{head}{separator}{rest}", encoding="utf-8")
    return folder


def make_releases(project: Path, count: int) -> float:
    """`count` real releases, each after a sentence added to a health page; the seconds they took."""
    started = time.perf_counter()
    # Not the handout's page: it fills its sheet already, and a longer one stops the build (as it should).
    pages = [
        page
        for page in sorted((project / "docs").glob("*.md"))
        if "health_page: false" not in page.read_text(encoding="utf-8") and page.name != "aftercare.md"
    ]
    for number in range(1, count + 1):
        if number > 1:
            page = pages[number % len(pages)]
            page.write_text(page.read_text(encoding="utf-8").rstrip() + f"\n\nAsk the clinic if anything here is unclear ({number}).\n")
        note = "First issue" if number == 1 else f"Change {number}"
        command = [sys.executable, "-m", "kit.release", "--note", note]
        made = subprocess.run(command, cwd=project, env=_env(), capture_output=True, text=True)
        if made.returncode != 0:
            raise RuntimeError(made.stdout[-3000:] + made.stderr[-3000:])
    return time.perf_counter() - started


def timed_build(project: Path, pdfs: bool, policy: str) -> float:
    site = Path(tempfile.mkdtemp(prefix="bench-site-"))
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=project,
        env=_env(CLINIC_KIT_PDF="on" if pdfs else "off", CLINIC_KIT_UNRELEASED=policy),
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - started
    shutil.rmtree(site, ignore_errors=True)
    if result.returncode != 0:
        raise RuntimeError(result.stdout + result.stderr)
    return seconds


def measure_releases() -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="bench-releases-") as work:
        project = live_copy(Path(work) / "clinic")
        releasing = make_releases(project, VERSIONS)
        archive, parked = project / "archive", Path(work) / "archive-parked"
        size = sum(path.stat().st_size for path in archive.rglob("*") if path.is_file())
        times: dict[str, list[float]] = {}
        for _ in range(ROUNDS):
            for pdfs in (False, True):
                label = "pdf" if pdfs else "no-pdf"
                times.setdefault(f"{label} with {VERSIONS}", []).append(timed_build(project, pdfs, "refuse"))
                archive.rename(parked)
                times.setdefault(f"{label} with none", []).append(timed_build(project, pdfs, "draft"))
                parked.rename(archive)
    medians = {name: statistics.median(values) for name, values in times.items()}
    return {
        "versions": VERSIONS,
        "rounds": ROUNDS,
        "release_seconds_each": releasing / VERSIONS,
        "archive_megabytes": size / 1e6,
        "medians": medians,
        "ratio_no_pdf": medians[f"no-pdf with {VERSIONS}"] / medians["no-pdf with none"],
        "ratio_pdf": medians[f"pdf with {VERSIONS}"] / medians["pdf with none"],
    }


def print_releases(result: dict) -> None:
    versions, each, size = result["versions"], result["release_seconds_each"], result["archive_megabytes"]
    print(f"Releases: {versions} real versions, {each:.1f} s each to make; archive/ {size:.1f} MB")
    heading = f"build (strict, median of {result['rounds']})"
    print(f"{heading:<34} {'none':>8} {str(versions) + ' versions':>12} {'ratio':>7}")
    for label, ratio in (("no-pdf", result["ratio_no_pdf"]), ("pdf", result["ratio_pdf"])):
        none, many = result["medians"][f"{label} with none"], result["medians"][f"{label} with {result['versions']}"]
        print(f"{'PDFs ' + ('off' if label == 'no-pdf' else 'on'):<34} {none:>7.2f}s {many:>11.2f}s {ratio:>6.2f}x")


if __name__ == "__main__":
    print_releases(measure_releases())
