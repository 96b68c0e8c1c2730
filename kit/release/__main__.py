"""`python -m kit.release --note "what changed"`: record the next version (what `make release NOTE=...` runs).

It builds the site strictly, as the version it records (so every page and PDF
of that build says "version N"), then keeps that build's PDFs byte for byte in
archive/v<N>/ and adds the version to archive/releases.yml: its number, date,
note, the health pages' reviewers, the fingerprint of the health content, and
each PDF's SHA-256. Nothing is recorded unless all of that succeeded. It does
not commit: the command line prints the git commands; the release workflow
commits in a job of its own.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from kit.data.clinic import load_clinic
from kit.pages.review import today
from kit.release.codes import read_codes
from kit.release.fingerprint import content_hash, file_hash, health_content, read_source_pages
from kit.release.records import ARCHIVE, Document, Release, load_releases, save_releases
from kit.release.state import MANIFEST_VARIABLE, RELEASING_VARIABLE
from kit.report.findings import StopBuild
from kit.wording.terminology import load_terminology

#: A release keeps the PDFs patients are given: a build told to skip them cannot make one.
PDF_SWITCH = "CLINIC_KIT_PDF"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kit.release", description="Record the next version of the site's health content.")
    parser.add_argument("--note", required=True, help="what changed in this version, in a few words (shown in the archive)")
    parser.add_argument("--project", type=Path, default=Path.cwd(), help="the folder of mkdocs.yml (default: here)")
    parser.add_argument("--github-output", action="store_true", help="also write `version=N` to $GITHUB_OUTPUT (the release workflow)")
    args = parser.parse_args(argv)
    try:
        release = make_release(args.project.resolve(), args.note)
    except StopBuild as stop:
        print(f"Nothing was released. {stop}", file=sys.stderr)
        return 1
    folder = f"{ARCHIVE}/{release.folder}"
    print(f"\nReleased version {release.version} ({release.date.isoformat()}): {release.note}")
    for document in release.documents:
        print(f"  {folder}/{document.file}  {document.code} v{release.version}  sha256 {document.sha256}")
    print(
        "\nCommit it so the site publishes it (the archive lives in the repository):\n"
        f'  git add {ARCHIVE} && git commit -m "Release version {release.version}: {release.note}" && git push'
    )
    if args.github_output and (output := os.environ.get("GITHUB_OUTPUT")):
        with open(output, "a", encoding="utf-8") as file:
            file.write(f"version={release.version}\n")
    return 0


def make_release(root: Path, note: str) -> Release:
    """Build the next version, keep its PDFs in archive/v<N>/, record it; on any failure nothing is left behind."""
    note = " ".join(note.split())
    if not note:
        raise StopBuild('Say what changed in this version: make release NOTE="Sun advice rewritten" (the archive lists it)')
    if os.environ.get(PDF_SWITCH, "on").strip().lower() == "off":
        raise StopBuild(f"{PDF_SWITCH}=off skips the PDFs, and a release keeps the PDFs patients are given. Unset it and run again")
    index = load_releases(root)
    clinic = load_clinic(root / "clinic.yml")
    read_codes(root / "clinic.yml")  # a wrong code stops here, before the build
    pages = read_source_pages(root / "docs", clinic)
    parts = health_content(pages, load_terminology(root / "terminology.yml").glossary)
    latest = index.latest
    if latest is not None and latest.content == content_hash(parts):
        raise StopBuild(
            f"The health content is still version {latest.version}'s (released {latest.date.isoformat()}): there is nothing new to release"
        )
    version, date = index.next_version(), today()
    folder = index.root / ARCHIVE / f"v{version}"
    if folder.exists():
        raise StopBuild(
            f"{ARCHIVE}/v{version}/ exists but releases.yml has no version {version}. "
            "Remove the folder (a failed release left it) and run again"
        )
    with tempfile.TemporaryDirectory(prefix="release-") as work:
        manifest = Path(work) / "manifest.json"
        site = Path(work) / "site"
        _build(root, site, {RELEASING_VARIABLE: f"{version}:{date.isoformat()}", MANIFEST_VARIABLE: str(manifest)})
        if not manifest.is_file():
            raise StopBuild("The build wrote no record of what it made (is `hooks.py` still listed under `hooks:` in mkdocs.yml?)")
        made = json.loads(manifest.read_text(encoding="utf-8"))
        try:
            folder.mkdir(parents=True)
            documents = tuple(_keep(site / item["file"], folder, item) for item in made["documents"])
            release = Release(version, date, note, made["content"], made["pages"], tuple(made["reviewers"]), documents)
            save_releases(index, (*index.releases, release))
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
    return release


def _build(root: Path, site: Path, extra_env: dict[str, str]) -> None:
    """The real strict build, in its own process, as `make build` runs it (its messages go to the terminal)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **extra_env}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, (str(root), env.get("PYTHONPATH", ""))))
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)], cwd=root, env=env, check=False)
    if result.returncode != 0:
        raise StopBuild("The build above failed, so there is no version to keep. Fix what it reports, then release again")


def _keep(pdf: Path, folder: Path, item: dict[str, str]) -> Document:
    """Copy one PDF of the build into the version's folder, byte for byte, and record its SHA-256."""
    target = folder / item["file"]
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(pdf, target)
    return Document(item["file"], item["kind"], item["code"], item["title"], item["paper"], file_hash(target))


if __name__ == "__main__":
    sys.exit(main())
