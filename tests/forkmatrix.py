"""The fork matrix (`make test-fork`): copies of the project made into other clinics' sites, each passing the site tests.

A clinic forks the kit and makes it its own: its details, spelling, paper, logo, pages and
menu. The site tests (tests marked `site`: the ones that read the real built site) check
invariants that hold for any valid site, with expected values read from the site's own
files, so they must pass on every such fork as they do on the kit itself. Each fork here is
a fresh copy of the checkout's tracked files (as a clone has them), changed the way a
clinic's editor changes it -- by editing its files and following the build's messages --
then built strictly and tested by its own copy of the tests:

- `uk-clinic`: a British clinic in live mode: en-GB spelling (the pages rewritten where the
  check says so), A4 only, no phone, its address typed as one block, a PNG logo, named
  reviewers on every health page;
- `reshaped`: a clinic that renames one demo page, removes another (and the links to it),
  and prints its handout from another page;
- `extended`: a clinic that adds pages (one a Markdown table of prices) in a nav section.

Each is live, so each releases its first version (`make release`) before its site is built.

Usage: `python tests/forkmatrix.py [fork ...]` (all by default); `KEEP_FORKS=1` keeps the
copies and prints where they are. Each fork's tests run in one pytest process with two
workers, one file per worker, as `make test` runs them.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(HERE), str(ROOT)]

from conftest import FixtureSite, copy_tracked_files, front_matter, read_clinic  # noqa: E402
from fixturesite import png_logo  # noqa: E402

REVIEWER = "Dr Priya Natarajan, Consultant dermatologist"
TRANSLATOR = "Lucía Ortega, medical translator"
# The `kit check` finding that names a spelling of the other variant, and the word to write instead.
OTHER_VARIANT = re.compile(
    r'termcheck: (?P<path>\S+):(?P<line>\d+):(?P<column>\d+): "(?P<word>[^"]+)" is the \w+ spelling;.*?Write "(?P<fix>[^"]+)"'
)


def kit_check(project: Path) -> str:
    """`python -m kit check` on the fork, as an editor runs it before committing: its messages."""
    env = {**os.environ, "PYTHONPATH": str(project), "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "kit", "check"], cwd=project, env=env, capture_output=True, text=True, timeout=300)
    return result.stdout + result.stderr


def respell_as_asked(project: Path) -> None:
    """Rewrite each word the check reports as the other variant's spelling, where it says, until it reports none."""
    for _ in range(5):
        fixes = list(OTHER_VARIANT.finditer(kit_check(project)))
        if not fixes:
            return
        for path in {fix["path"] for fix in fixes}:
            lines = (project / path).read_text(encoding="utf-8").split("\n")
            # Right to left on each line, so earlier columns stay where the check found them.
            for fix in sorted((f for f in fixes if f["path"] == path), key=lambda f: (int(f["line"]), -int(f["column"]))):
                number, column = int(fix["line"]) - 1, int(fix["column"]) - 1
                line = lines[number]
                assert line[column:].startswith(fix["word"]), (path, fix[0])
                lines[number] = line[:column] + fix["fix"] + line[column + len(fix["word"]) :]
            (project / path).write_text("\n".join(lines), encoding="utf-8")
    raise AssertionError(f"the check still reports other-variant spellings in {project}")


def edit(path: Path, change: Callable[[str], str]) -> None:
    text = path.read_text(encoding="utf-8")
    changed = change(text)
    assert changed != text, f"the edit changed nothing in {path}"
    path.write_text(changed, encoding="utf-8")


def set_line(key: str, value: str) -> Callable[[str], str]:
    """Replace the first top-level `key: ...` line of a YAML file (mkdocs.yml keeps its comments and tags)."""
    return lambda text: re.sub(rf"(?m)^{re.escape(key)}:.*$", f"{key}: {value}", text, count=1)


def set_brochure(project: Path, **values: str) -> None:
    """Change lines under mkdocs.yml's `extra: brochure:` (paper, handout)."""
    config = project / "mkdocs.yml"
    for key, value in values.items():
        edit(config, lambda text, key=key, value=value: re.sub(rf"(?m)^(    {key}:).*$", rf"\1 {value}", text, count=1))


class _ClinicDumper(yaml.SafeDumper):
    """clinic.yml as an editor types it: a text of several lines as a `|` block."""


_ClinicDumper.add_representer(
    str, lambda dumper, text: dumper.represent_scalar("tag:yaml.org,2002:str", text, style="|" if "\n" in text else None)
)


def go_live(project: Path, details: dict[str, object], site_url: str) -> None:
    """Live mode with the clinic's own details and address, a named reviewer on every health page, claims reviewed."""
    site = FixtureSite(project)
    clinic = read_clinic(project) | {"mode": "live"} | details
    kept = {key: value for key, value in clinic.items() if value is not None}
    (project / "clinic.yml").write_text(yaml.dump(kept, Dumper=_ClinicDumper, sort_keys=False, width=120), encoding="utf-8")
    edit(project / "mkdocs.yml", set_line("site_url", site_url))
    # The clinic has not yet gathered the sources of each page (and the kit invents none): listed, not stopping.
    edit(project / "mkdocs.yml", lambda text: re.sub(r"(?m)^(  sources:\n    missing:) \w+$", r"\1 suggestion", text, count=1))
    for translation in sorted((project / "docs").rglob("*.??.md")):  # each translation names who made and checked it
        head, separator, rest = translation.read_text(encoding="utf-8").partition("\n---\n")
        if "\ntranslator:" not in head:
            names = f"\ntranslator: {TRANSLATOR}\ntranslation_reviewer: {REVIEWER}"
            translation.write_text(f"{head}{names}{separator}{rest}", encoding="utf-8")
    for page in sorted((project / "docs").rglob("*.md")):
        meta = front_matter(page)
        if meta and meta.get("health_page") is not False and "reviewer" not in meta:
            head, separator, rest = page.read_text(encoding="utf-8").partition("\n---\n")
            page.write_text(f"{head}\nreviewer: {REVIEWER}{separator}{rest}", encoding="utf-8")
        site.keep_flagged_claims(page, REVIEWER)


def nav_entries(project: Path) -> list[str]:
    return re.findall(r"(?m)^  - .*$", (project / "mkdocs.yml").read_text(encoding="utf-8").split("\nnav:\n", 1)[1].split("\n\n", 1)[0])


def uk_clinic(project: Path) -> None:
    edit(project / "terminology.yml", lambda text: re.sub(r"(?m)^(\s+variant:).*$", r"\1 en-GB", text, count=1))
    respell_as_asked(project)
    set_brochure(project, paper="[a4]")
    (project / "docs" / "assets" / "harbour-lane-logo.png").write_bytes(png_logo())
    (project / "docs" / "assets" / "logo.svg").unlink()
    edit(project / "mkdocs.yml", lambda text: text.replace("assets/logo.svg", "assets/harbour-lane-logo.png"))
    details = {
        "name": "Harbour Lane Dermatology",
        "logo": "assets/harbour-lane-logo.png",
        "phone": None,  # patients reach this clinic by e-mail and its booking page
        "email": "reception@harbourlane-dermatology.co.uk",
        "address": "14 Harbour Lane\nClifton\nBristol BS8 4RW\n",
        "website": "https://harbourlane-dermatology.co.uk/",
        "booking_url": "https://harbourlane-dermatology.co.uk/book",
        "opening_hours": "Monday to Saturday, 8.30am to 6pm",
        "reviewer_role": "Consultant dermatologist",
    }
    go_live(project, details, "https://harbourlane-dermatology.github.io/skin/")


def translations_of(project: Path, source: str) -> list[Path]:
    """A page's translations beside it: `aftercare.es.md` for `aftercare.md`."""
    return sorted((project / "docs").glob(source.removesuffix(".md") + ".*.md"))


def rename_page(project: Path, old: str, new: str, title: str) -> None:
    """A page renamed (its file, its title in the nav and its front matter, every link to it, patient words that point at it)."""
    (project / "docs" / old).rename(project / "docs" / new)
    for translation in translations_of(project, old):  # its translations (mkdocs-static-i18n: aftercare.es.md) too
        translation.rename(translation.with_name(new.removesuffix(".md") + translation.name.removeprefix(old.removesuffix(".md"))))
    page = project / "docs" / new
    page.write_text(re.sub(r"(?m)^title: .*$", f"title: {title}", page.read_text(encoding="utf-8"), count=1), encoding="utf-8")
    config = project / "mkdocs.yml"
    was = re.search(rf"(?m)^  - ([^:\n]+): {re.escape(old)}$", config.read_text(encoding="utf-8"))
    assert was, f"{old} is not in the nav"
    edit(config, lambda text: text.replace(was[0], f"  - {title}: {new}"))
    # Its title's translations (mkdocs-static-i18n nav_translations) are keyed by the English title.
    config.write_text(re.sub(rf"(?m)^(\s+){re.escape(was[1])}:", rf"\g<1>{title}:", config.read_text(encoding="utf-8")), encoding="utf-8")
    for path in [*(project / "docs").rglob("*.md"), project / "terminology.yml"]:
        text = path.read_text(encoding="utf-8")
        stem, new_stem = re.escape(old.removesuffix(".md")), new.removesuffix(".md")
        renamed = re.sub(rf"(?<![\w-]){stem}(\.[a-z]{{2}})?\.md(?=[#)\s]|$)", rf"{new_stem}\1.md", text, flags=re.M)
        path.write_text(renamed, encoding="utf-8")


def remove_page(project: Path, source: str) -> None:
    """A page removed: its file, its nav line, links to it (their words stay), patient words that point at it."""
    gone = {source, *(path.name for path in translations_of(project, source))}
    (project / "docs" / source).unlink()
    for translation in translations_of(project, source):
        translation.unlink()
    edit(project / "mkdocs.yml", lambda text: re.sub(rf"(?m)^  - [^:\n]+: {re.escape(source)}\n", "", text))
    for page in (project / "docs").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        page.write_text(re.sub(rf"\[([^\]]+)\]\({re.escape(source)}[^)]*\)", r"\1", text), encoding="utf-8")
    terminology = project / "terminology.yml"
    data = yaml.safe_load(terminology.read_text(encoding="utf-8"))
    entries = data.get("patient_words") or []
    data["patient_words"] = [entry for entry in entries if str(entry["page"]).split("#")[0] not in gone]
    terminology.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def reshaped(project: Path) -> None:
    nav = nav_entries(project)
    sources = [entry.rsplit(": ", 1)[1] for entry in nav if entry.endswith(".md")]
    handout = re.search(r"(?m)^    handout: (\S+)$", (project / "mkdocs.yml").read_text(encoding="utf-8"))
    assert handout and "benefits.md" in sources and "who-it-suits.md" in sources, (nav, handout)
    remove_page(project, "benefits.md")
    rename_page(project, "who-it-suits.md", "is-it-right-for-me.md", "Is it right for me?")
    rename_page(project, handout[1], "looking-after-your-skin.md", "Looking after your skin")
    set_brochure(project, handout="how-it-works.md", paper="[letter]")
    details = {
        "name": "Maple Grove Skin Studio",
        "phone": "+1 416 555 2368",
        "email": "care@maplegroveskin.ca",
        "address": ["220 Maple Grove Avenue, Suite 4", "Toronto, ON M4E 2V3"],
        "website": None,  # its only website is this site
        "booking_url": "https://maplegroveskin.ca/appointments",
    }
    go_live(project, details, "https://maplegroveskin.github.io/treatments/")


PRICES = """\
---
title: Prices
description: What each microneedling session and course costs at the clinic, and what the price includes.
health_page: false
---

# Prices

Prices include your consultation, the treatment and a follow-up call.

| Treatment | Sessions | Price |
| --- | --- | --- |
| Consultation | 1 | Free |
| Microneedling, face | 1 | $250 |
| Microneedling, face | 3 | $675 |
| Microneedling, face and neck | 3 | $850 |

You pay at the end of each visit. A course is paid at the first visit.
"""

BEFORE = """\
---
title: Before your treatment
description: How to get ready for microneedling, from your consultation to the day of your treatment.
reviewed: 2026-11-30
next_review: 2027-11-30
reviewer: {reviewer}
---

# Before your treatment

!!! abstract "Key points"

    - Come to a consultation first.
    - Tell us about any medicines you take.
    - Come with clean skin and no makeup.

## Your consultation

At your first visit we look at your skin and ask about your health.
Tell us if you take any medicines or have had cold sores.
We explain what the treatment can and cannot do for you.

## On the day

Come with clean skin and no makeup.
The visit takes about an hour.
"""


def extended(project: Path) -> None:
    go_live(
        project,
        {
            "name": "Riverside Aesthetics",
            "phone": "+1 503 555 7781",
            "email": "hello@riversideaesthetics.com",
            "address": ["88 Water Street", "Portland, OR 97214"],
            "website": "https://riversideaesthetics.com/",
            "booking_url": "https://riversideaesthetics.com/book",
        },
        "https://riversideaesthetics.github.io/microneedling/",
    )
    (project / "docs" / "prices.md").write_text(PRICES, encoding="utf-8")
    (project / "docs" / "before-your-treatment.md").write_text(BEFORE.format(reviewer=REVIEWER), encoding="utf-8")
    nav = nav_entries(project)
    aftercare = next(entry for entry in nav if entry.endswith(": aftercare.md"))
    section = f"  - Your visit:\n      - Before your treatment: before-your-treatment.md\n    {aftercare}\n      - Prices: prices.md\n"
    edit(project / "mkdocs.yml", lambda text: text.replace(aftercare + "\n", section, 1))
    edit(project / "mkdocs.yml", set_line("site_name", "Riverside microneedling"))
    # Its Spanish aftercare handout, with the translator's and checker's names, needs more than one Letter sheet.
    set_brochure(project, handout="how-it-works.md")


FORKS: dict[str, Callable[[Path], None]] = {"uk-clinic": uk_clinic, "reshaped": reshaped, "extended": extended}


def release_first_version(project: Path) -> None:
    """A live clinic publishes released health content: `make release NOTE="First issue"` (kit/release/)."""
    env = {**os.environ, "PYTHONPATH": str(project), "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "kit.release", "--note", "First issue"]
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout + result.stderr


def make_fork(name: str, folder: Path) -> Path:
    project = copy_tracked_files(folder / name)
    axe = ROOT / "node_modules"
    if axe.is_dir():  # the browser tests' axe-core, as `make test` installs it
        (project / "node_modules").symlink_to(axe, target_is_directory=True)
    FORKS[name](project)
    if read_clinic(project).get("mode") == "live":
        release_first_version(project)
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)  # the tests list tracked files with git
    subprocess.run(["git", "add", "-A"], cwd=project, check=True)
    return project


def run_site_tests(project: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "pytest", "-m", "site", "-q", "-p", "no:cacheprovider", "--numprocesses=2", "--dist=loadfile"]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=1800)


def main(names: list[str]) -> int:
    unknown = [name for name in names if name not in FORKS]
    if unknown:
        print(f"No fork named {', '.join(unknown)}. Forks: {', '.join(FORKS)}")
        return 2
    folder = Path(tempfile.mkdtemp(prefix="clinic-forks-"))
    results: dict[str, tuple[int, float, str]] = {}
    try:
        for name in names or list(FORKS):
            started = time.monotonic()
            project = make_fork(name, folder)
            result = run_site_tests(project)
            summary = (result.stdout.strip().splitlines() or ["(no output)"])[-1]
            results[name] = (result.returncode, time.monotonic() - started, summary)
            print(f"fork {name}: {'passed' if result.returncode == 0 else 'FAILED'} in {results[name][1]:.0f} s: {summary}", flush=True)
            if result.returncode != 0:
                print(result.stdout[-20000:], result.stderr[-5000:], sep="\n")
    finally:
        if os.environ.get("KEEP_FORKS"):
            print(f"The forks are kept in {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
    print(json.dumps({name: {"returncode": code, "seconds": round(seconds)} for name, (code, seconds, _) in results.items()}))
    return 0 if all(code == 0 for code, _, _ in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
