"""Which version did this patient get? Releases made by the real `python -m kit.release`, kept by real git.

One small live clinic site, written here from scratch, goes through a clinic's
history once per module: no release yet (the live build refuses), `make
release NOTE="First issue"`, a change to the aftercare page (refused, with its
message; a preview builds it as a draft), `NOTE="Sun advice"`, then a fresh
`git clone` of the repository built again. The tests read what each step left:
the archive pages, the PDFs byte for byte, their SHA-256, the pages' version
lines and JSON-LD, and the PDFs' cover, footer, box and QR code. One paper size,
three PDFs per release.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
import zxingcpp
from bs4 import BeautifulSoup
from conftest import ROOT, Build, run_mkdocs
from pdfcheck import page_image
from pypdf import PdfReader

SITE_URL = "https://harbour-lane.github.io/skin/"
REVIEWER = "Dr Ada Lovell, Consultant dermatologist"
CODES = {"brochure": "HL-BR", "handout": "HL-AC"}
FIRST_DAY, SECOND_DAY = "2026-12-01", "2026-12-08"
BROCHURE_PDF, HANDOUT_PDF, BOOKLET_PDF = "skin-care-brochure-a4.pdf", "skin-care-aftercare-handout-a4.pdf", "skin-care-booklet-a4.pdf"

CONFIG = f"""\
site_name: Skin care
site_url: {SITE_URL}
nav:
  - Your visit: index.md
  - Aftercare: aftercare.md
theme:
  name: material
  font: false
  custom_dir: {ROOT}/overrides
markdown_extensions:
  - admonition
  - attr_list
  - md_in_html
  - kit.web.markdown_ext
plugins:
  - search
  - print-site:
      add_cover_page: true
      cover_page_template: brochure/cover.html
      add_table_of_contents: false
      enumerate_headings: false
      enumerate_figures: false
extra:
  brochure:
    paper: [a4]
    handout: aftercare.md
hooks:
  - {ROOT}/hooks.py
"""

CLINIC = {
    "mode": "live",
    "name": "Harbour Lane Dermatology",
    "logo": "assets/logo.svg",
    "phone": "+44 20 3318 4400",
    "email": "reception@harbourlane-dermatology.co.uk",
    "address": ["14 Harbour Lane", "Bristol BS1 4RW"],
    "website": "https://harbourlane-dermatology.co.uk/",
    "booking_url": "https://harbourlane-dermatology.co.uk/book",
    "leaflets": CODES,
}

PAGE = """\
---
reviewed: 2026-11-01
next_review: 2027-11-01
reviewer: {reviewer}
description: {description}
sources:
  - title: Skin needling explained
    publisher: Harbour Lane Evidence Service
    url: https://harbourlane-dermatology.co.uk/evidence/skin-needling
    checked: 2026-11-01
---

# {title}

!!! abstract "Key points"

    - Come a little early.
    - Bring your questions.
    - Tell us about your skin.

{body}
"""

LOGO = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><rect width="40" height="40"/></svg>\n'
SUN_ADVICE = "Keep out of direct sunlight for a week after treatment."


def page(title: str, body: str) -> str:
    return PAGE.format(reviewer=REVIEWER, description=f"{title} at the clinic.", title=title, body=body)


def write_site(root: Path) -> None:
    """A live clinic's repository: its own settings, details, words and two health pages; the kit's brochure templates."""
    files = {
        "mkdocs.yml": CONFIG,
        "clinic.yml": yaml.safe_dump(CLINIC, sort_keys=False),
        "terminology.yml": yaml.safe_dump({"terms": [{"term": "dermis", "definition": "The deeper layer of the skin."}]}),
        "docs/assets/logo.svg": LOGO,
        "docs/index.md": page("Your visit", "The nurse looks at your skin first."),
        "docs/aftercare.md": page("Aftercare", "Wash your face gently with cool water."),
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    shutil.copytree(ROOT / "brochure", root / "brochure")  # the kit's print templates, stylesheet and fonts


def git(root: Path, *args: str) -> str:
    identity = ["-c", "user.name=Clinic editor", "-c", "user.email=editor@harbourlane-dermatology.co.uk", "-c", "commit.gpgsign=false"]
    return subprocess.run(["git", *identity, *args], cwd=root, capture_output=True, text=True, check=True).stdout


def release(root: Path, note: str, day: str) -> subprocess.CompletedProcess[str]:
    """`make release NOTE=...` as the Makefile runs it: `python -m kit.release --note`, in the project folder."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CLINIC_KIT_TODAY": day, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("CLINIC_KIT_UNRELEASED", None)
    return subprocess.run(
        [sys.executable, "-m", "kit.release", "--note", note], cwd=root, env=env, capture_output=True, text=True, timeout=600
    )


def build(root: Path, site: str, *, policy: str = "refuse", pdfs: bool = True, day: str = SECOND_DAY) -> Build:
    env = {"CLINIC_KIT_TODAY": day, "CLINIC_KIT_UNRELEASED": policy, "CLINIC_KIT_PDF": "on" if pdfs else "off"}
    return run_mkdocs(root, root.parent / site, "--strict", env=env)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def files_under(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


@dataclass
class History:
    """What each step of the clinic's history left behind."""

    root: Path
    before_any_release: Build
    first_release: subprocess.CompletedProcess[str]
    first_site: Build
    v1_pdfs: dict[str, bytes]
    changed_refused: Build
    changed_preview: Build
    second_release: subprocess.CompletedProcess[str]
    nothing_new: subprocess.CompletedProcess[str]
    final: Build
    clone: Path
    clone_site: Build


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> History:
    work = tmp_path_factory.mktemp("releases")
    root = work / "clinic"
    root.mkdir()
    write_site(root)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "The clinic's site, live")

    before = build(root, "site-0", pdfs=False)
    first = release(root, "First issue", FIRST_DAY)
    assert first.returncode == 0, first.stdout + first.stderr
    git(root, "add", "archive")
    git(root, "commit", "-qm", "Release version 1: First issue")
    first_site = build(root, "site-1", pdfs=False, day=FIRST_DAY)
    v1_pdfs = files_under(root / "archive" / "v1")

    aftercare = root / "docs" / "aftercare.md"
    aftercare.write_text(aftercare.read_text(encoding="utf-8").rstrip() + "\n\n" + SUN_ADVICE + "\n", encoding="utf-8")
    git(root, "commit", "-qam", "Aftercare: sun advice")
    refused = build(root, "site-refused", pdfs=False)
    preview = build(root, "site-preview", policy="draft")
    second = release(root, "Sun advice", SECOND_DAY)
    assert second.returncode == 0, second.stdout + second.stderr
    git(root, "add", "archive")
    git(root, "commit", "-qm", "Release version 2: Sun advice")
    nothing_new = release(root, "Nothing changed", SECOND_DAY)
    final = build(root, "site-2")

    clone = work / "fresh-clone"
    subprocess.run(["git", "clone", "-q", str(root), str(clone)], check=True, capture_output=True)
    clone_site = build(clone, "site-clone", pdfs=False)
    return History(root, before, first, first_site, v1_pdfs, refused, preview, second, nothing_new, final, clone, clone_site)


def soup(built: Build, url: str = "") -> BeautifulSoup:
    return BeautifulSoup(built.page(url), "html.parser")


def releases(root: Path) -> list[dict]:
    return yaml.safe_load((root / "archive" / "releases.yml").read_text(encoding="utf-8"))["releases"]


def json_ld(built: Build, url: str) -> dict:
    return json.loads(soup(built, url).select_one('script[type="application/ld+json"]').string)


def pdf_text(path: Path) -> str:
    return " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(path).pages)


# ---- before any release -----------------------------------------------------------------------


def test_a_live_site_with_no_release_is_not_published_and_says_how_to_release_at_its_mode_line(history: History) -> None:
    built = history.before_any_release
    assert built.returncode != 0 and "Traceback" not in built.output
    mode_line = next(n for n, line in enumerate((history.root / "clinic.yml").read_text().splitlines(), 1) if line.startswith("mode:"))
    expected = f"clinic.yml:{mode_line}:1: The site is live, but no version of its health content has been released"
    assert expected in built.output, built.output
    assert 'make release NOTE="First issue"' in built.output and "Actions > Release a new version" in built.output


# ---- version numbers and the archive ------------------------------------------------------------


def test_each_release_gets_the_next_number_its_date_note_and_reviewers(history: History) -> None:
    recorded = releases(history.root)
    assert [(r["version"], str(r["date"]), r["note"]) for r in recorded] == [(1, FIRST_DAY, "First issue"), (2, SECOND_DAY, "Sun advice")]
    assert all(r["reviewers"] == [REVIEWER] for r in recorded)
    assert recorded[0]["content"] != recorded[1]["content"]
    changed = [name for name, digest in recorded[1]["pages"].items() if recorded[0]["pages"].get(name) != digest]
    assert changed == ["aftercare.md"], "only the changed page has a new fingerprint"


def test_a_release_with_nothing_new_is_refused_and_records_nothing(history: History) -> None:
    assert history.nothing_new.returncode == 1
    assert "still version 2's" in history.nothing_new.stderr and "Nothing was released" in history.nothing_new.stderr
    assert len(releases(history.root)) == 2 and not (history.root / "archive" / "v3").exists()


def test_the_archive_keeps_each_versions_pdfs_exactly_as_released_and_shows_their_sha256(history: History) -> None:
    site = history.final.site
    assert history.final.returncode == 0, history.final.output
    for entry in releases(history.root):
        kept = history.root / "archive" / f"v{entry['version']}"
        assert {BROCHURE_PDF, BOOKLET_PDF, HANDOUT_PDF} <= {d["file"] for d in entry["documents"]}, "and any variant (large print)"
        page = soup(history.final, f"archive/v{entry['version']}")
        for document in entry["documents"]:
            published = site / "archive" / f"v{entry['version']}" / document["file"]
            assert sha256(published) == sha256(kept / document["file"]) == document["sha256"]
            assert page.find("code", string=document["sha256"]) is not None, f"v{entry['version']} page shows {document['file']}'s SHA-256"
            assert page.find("a", href=document["file"]) is not None
    assert files_under(history.root / "archive" / "v1") == history.v1_pdfs, "version 1's files did not change when version 2 was made"


def test_the_archive_page_lists_every_version_newest_first_with_note_reviewers_and_downloads(history: History) -> None:
    rows = soup(history.final, "archive").select("table.archive-versions tbody tr")
    assert [row.find("td").get_text(strip=True) for row in rows] == ["2", "1"]
    newest = rows[0].get_text(" ", strip=True)
    assert "Sun advice" in newest and REVIEWER in newest and "8 December 2026" in newest
    links = {a["href"] for a in rows[1].select("a")}
    assert {"v1/", f"v1/{BROCHURE_PDF}", f"v1/{HANDOUT_PDF}"} <= links
    assert soup(history.final, "archive").select_one("nav.md-nav--primary a[href*='archive']") is None, "not in the menu"


def test_a_superseded_version_says_so_first_and_links_to_the_current_one(history: History) -> None:
    old = soup(history.final, "archive/v1").select_one("article .archive")
    first = old.find("p")
    assert "archive-superseded" in first["class"]
    assert "version 2 replaced it on 8 December 2026" in first.get_text(" ", strip=True)
    assert first.find("a")["href"] == "../v2/"
    current = soup(history.final, "archive/v2").select_one("article .archive p")
    assert "archive-current" in current["class"] and "current version" in current.get_text()


def test_each_version_page_has_one_line_per_document_to_paste_into_the_patients_record(history: History) -> None:
    entry = releases(history.root)[0]
    lines = [li.get_text(strip=True) for li in soup(history.final, "archive/v1").select("ul.archive-record li")]
    handout = next(d for d in entry["documents"] if d["kind"] == "handout")
    assert f"HL-AC v1 (handout, A4), issued {FIRST_DAY}, sha256 {handout['sha256'][:16]}" in lines
    assert len(lines) == len(entry["documents"])


# ---- what pages and PDFs claim --------------------------------------------------------------------


def test_every_health_page_shows_its_code_version_and_issue_date_beside_the_review_line(history: History) -> None:
    for built, version, day in ((history.first_site, 1, "1 December 2026"), (history.final, 2, "8 December 2026")):
        for url, codes in (("", "HL-BR"), ("aftercare", "HL-BR, HL-AC")):
            foot = soup(built, url)
            line = foot.select_one("article .page-version")
            assert line is not None and line.find_previous_sibling("p")["class"] == ["page-review"], url
            assert line.get_text(" ", strip=True).startswith(f"Leaflet {codes}, version {version}, issued {day}."), line.get_text()
            assert line.find("a")["href"] == ("../archive/" if url else "archive/")


def test_the_json_ld_carries_the_version_and_when_each_page_was_published_and_last_changed(history: History) -> None:
    home, aftercare = json_ld(history.final, ""), json_ld(history.final, "aftercare")
    assert (home["version"], home["datePublished"], home["dateModified"]) == (2, FIRST_DAY, FIRST_DAY)
    assert (aftercare["version"], aftercare["datePublished"], aftercare["dateModified"]) == (2, FIRST_DAY, SECOND_DAY)


def test_each_pdf_shows_its_code_and_version_on_the_cover_in_the_footer_and_in_its_information_given_box(history: History) -> None:
    site = history.final.site
    brochure, handout = PdfReader(site / BROCHURE_PDF), PdfReader(site / HANDOUT_PDF)
    cover = " ".join(brochure.pages[0].extract_text().split())
    assert "HL-BR · Version 2 · Issued 8 December 2026" in cover
    for reader, code in ((brochure, "HL-BR"), (handout, "HL-AC")):
        for number, pdf_page in enumerate(reader.pages[1:] if reader is brochure else reader.pages, 2 if reader is brochure else 1):
            assert f"{code} v2 · Page {number} of {len(reader.pages)}" in pdf_page.extract_text(), (code, number)
    content = releases(history.root)[1]["content"][:12]
    for path, code in ((site / HANDOUT_PDF, "HL-AC"), (site / BROCHURE_PDF, "HL-BR"), (site / BOOKLET_PDF, "HL-BR")):
        text = pdf_text(path)
        assert "Information given: " in text and f"{code} v2, issued 8 December 2026, content SHA-256 {content}" in text, path.name
        assert "Patient's name:" in text and "Staff initials:" in text


def test_the_qr_code_on_a_released_pdf_opens_that_versions_own_archive_page(history: History) -> None:
    decoded = [code.text for code in zxingcpp.read_barcodes(page_image(history.final.site / BROCHURE_PDF, 1))]
    assert decoded == [f"{SITE_URL}archive/v2/"]
    archived = history.root / "archive" / "v1" / BROCHURE_PDF
    assert [code.text for code in zxingcpp.read_barcodes(page_image(archived, 1))] == [f"{SITE_URL}archive/v1/"]


# ---- the live-mode policy -----------------------------------------------------------------------


def test_a_changed_health_page_on_a_live_site_is_refused_at_its_file_with_what_to_do(history: History) -> None:
    built = history.changed_refused
    assert built.returncode != 0 and "Traceback" not in built.output
    assert (
        f"docs/aftercare.md:1:1: This health page has changed since version 1 (released {FIRST_DAY}), and the site is live" in built.output
    ), built.output
    assert "docs/index.md:1:1" not in built.output, "the unchanged page is not reported"
    assert 'make release NOTE="what changed"' in built.output and "Actions > Release a new version > Run workflow" in built.output


def test_a_preview_of_unreleased_content_is_a_draft_that_claims_no_version(history: History) -> None:
    built = history.changed_preview
    assert built.returncode == 0, built.output
    line = soup(built, "aftercare").select_one("article .page-version").get_text(" ", strip=True)
    assert line.startswith("Draft: this content has changed since version 1") and "version 1," not in line
    assert not {"version", "datePublished", "dateModified"} & set(json_ld(built, "aftercare"))
    assert "HL-AC draft · Page 1 of" in PdfReader(built.site / HANDOUT_PDF).pages[0].extract_text()
    assert "HL-AC draft (not a released version)" in pdf_text(built.site / HANDOUT_PDF)
    assert "Version 1" not in pdf_text(built.site / BROCHURE_PDF)
    assert [code.text for code in zxingcpp.read_barcodes(page_image(built.site / BROCHURE_PDF, 1))] == [SITE_URL]


# ---- permanence -------------------------------------------------------------------------------------


def test_a_fresh_clone_publishes_the_same_archive_byte_for_byte(history: History) -> None:
    assert history.clone_site.returncode == 0, history.clone_site.output
    assert files_under(history.clone_site.site / "archive") == files_under(history.final.site / "archive")


def test_a_changed_archived_pdf_stops_the_build_at_its_line_in_releases_yml(history: History, tmp_path: Path) -> None:
    copy = tmp_path / "clinic"
    shutil.copytree(history.clone, copy, ignore=shutil.ignore_patterns(".git"))
    tampered = copy / "archive" / "v1" / HANDOUT_PDF
    tampered.write_bytes(tampered.read_bytes() + b"\n%")
    built = build(copy, "site", pdfs=False)
    assert built.returncode != 0 and "Traceback" not in built.output
    text = (copy / "archive" / "releases.yml").read_text(encoding="utf-8")
    recorded = next(d for d in releases(copy)[0]["documents"] if d["file"] == HANDOUT_PDF)["sha256"]
    line = next(n for n, row in enumerate(text.splitlines(), 1) if row.strip() == f"sha256: {recorded}")
    expected = rf"archive/releases.yml:{line}:\d+: archive/v1/{HANDOUT_PDF} is not the file version 1 released"
    assert re.search(expected, built.output), built.output
