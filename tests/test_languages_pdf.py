"""The Spanish PDFs of a bilingual site: in Spanish throughout (cover, contents, footer, metadata), tagged like the
English ones, in the Spanish folder, and offered by the Spanish pages. One small fixture build, A4 only."""

from __future__ import annotations

import shutil
from pathlib import Path

import pikepdf
import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, Build, FixtureSite
from languages_fixture import write_bilingual_site
from pdftext import read_pdf, top_level_bookmarks
from pdfua.validator import validate

from kit.data.patient_text import strings

ES = strings("es")
BROCHURE = "  brochure:\n    paper: [a4]\n    handout: care.md\n"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = write_bilingual_site(tmp_path_factory.mktemp("bilingual-pdf"), print_site=True, extra=BROCHURE)
    shutil.copytree(ROOT / "brochure", root / "brochure")  # the kit's print stylesheet and fonts
    build = FixtureSite(root).build("--strict")
    assert build.returncode == 0, build.output
    return build


def pdf(build: Build, name: str) -> Path:
    path = build.site / name
    assert path.is_file(), sorted(p.name for p in path.parent.iterdir())
    return path


def test_the_spanish_brochure_is_in_spanish_from_cover_to_footer(built: Build) -> None:
    brochure = pdf(built, "es/piel-harbour-brochure-a4.pdf")
    reader, pages = read_pdf(brochure)
    assert reader.metadata.title == ES["translation"]["brochure_title"].format(site="Piel Harbour")
    assert "Piel Harbour" in pages[0].body_text  # the cover: the Spanish site_name
    assert ES["demo"]["cover_title"] in pages[0].body_text
    last = len(pages)
    assert ES["print"]["page_of"].format(page=last, pages=last) in pages[-1].margin_text
    assert [title for title, _ in top_level_bookmarks(reader)] == ["Inicio", "Cuidados", ES["glossary"]["title"]]  # nav_translations
    assert ES["disclaimer"]["text"] in " ".join(page.body_text for page in pages)
    # The English brochure stays English, in the site's root.
    english_reader, english = read_pdf(pdf(built, "harbour-skin-brochure-a4.pdf"))
    assert strings("en")["print"]["page_of"].format(page=len(english), pages=len(english)) in english[-1].margin_text
    assert [title for title, _ in top_level_bookmarks(english_reader)] == ["Home", "Care", "Prices", "Glossary"]
    assert "Harbour skin" in english[0].body_text and "Piel Harbour" not in " ".join(page.body_text for page in english)


@pytest.mark.parametrize("name", ["es/piel-harbour-brochure-a4.pdf", "es/piel-harbour-care-handout-a4.pdf"])
def test_the_spanish_pdfs_are_tagged_and_declare_spanish(built: Build, name: str) -> None:
    with pikepdf.open(pdf(built, name)) as document:
        assert str(document.Root.Lang) == "es"
        assert "/StructTreeRoot" in document.Root and document.Root.MarkInfo.Marked
        assert document.open_metadata().get("pdfuaid:part") == "1"
    report = validate(str(pdf(built, name)))  # the same PDF/UA rule checker as the English PDFs pass
    findings = [f"{outcome.rule_id}: {finding}" for outcome in report.outcomes for finding in outcome.findings]
    assert not findings, "\n".join(findings)
    with pikepdf.open(pdf(built, name.replace("es/piel-harbour", "harbour-skin"))) as english:
        assert str(english.Root.Lang) == "en"


def test_the_spanish_pages_offer_the_spanish_pdfs(built: Build) -> None:
    page = BeautifulSoup(built.page("es/care"), "html.parser")
    links = [a["href"] for a in page.select(".brochure-download a[href]")]
    assert links == [
        "../piel-harbour-brochure-a4.pdf",
        "../piel-harbour-brochure-large-print-a4.pdf",
        "../piel-harbour-booklet-a4.pdf",
        "../piel-harbour-care-handout-a4.pdf",
        "../piel-harbour-care-handout-large-print-a4.pdf",
    ]
    assert ES["site"]["download_brochure"] in page.select_one(".brochure-download").get_text(" ")
    for link in links:
        assert (built.site / "es" / link.removeprefix("../")).is_file()
