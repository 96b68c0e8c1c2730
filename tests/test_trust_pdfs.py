"""Sources, publisher and formats statements in the PDFs, and the large-print brochure and handout (issue 22),
on a fixture site written from scratch and built once with its PDFs."""

from __future__ import annotations

import pikepdf
import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import Build
from pdftext import read_pdf, top_level_bookmarks
from textutil import normalize
from trustsite import CLINIC_YML, PAGES, PRINT_SITE, write_site

from kit.data.patient_text import strings

TEXT = strings("en")
CLINIC = yaml.safe_load(CLINIC_YML)
#: RNIB: large print is 16 pt or more.
LARGE_PRINT_MIN_PT = 16
EXTRA = """\
  sources:
    missing: suggestion
  brochure:
    paper: [a4]
    handout: recovery.md
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = tmp_path_factory.mktemp("trust-pdfs")
    site = write_site(root, extra=EXTRA, plugins=PRINT_SITE)
    build = site.build("--strict")
    assert build.returncode == 0, build.output
    return build


def downloads(build: Build, url: str = "recovery/") -> dict[str, str]:
    """The page's PDF links: link words (with their line's first words for the short ones) -> file."""
    html = BeautifulSoup(build.page(url), "html.parser")
    links = {}
    for paragraph in html.select(".brochure-download p"):
        anchors = paragraph.select("a")
        main = anchors[0].get_text(" ", strip=True)
        for anchor in anchors:
            words = anchor.get_text(" ", strip=True)
            links[main if anchor is anchors[0] else f"{main} / {words}"] = anchor["href"].split("/")[-1]
    return links


def large_print(build: Build) -> dict[str, str]:
    words = TEXT["formats"]["download_large_print"]
    return {name: file for name, file in downloads(build).items() if name.endswith(words)}


def text_of(build: Build, file: str) -> str:
    _, pages = read_pdf(build.site / file)
    return normalize(" ".join(page.body_text for page in pages))


def test_the_large_print_brochure_and_handout_are_linked_beside_the_standard_pdfs(site: Build) -> None:
    links = large_print(site)
    brochure = TEXT["site"]["download_brochure"]
    handout = TEXT["site"]["download_handout"]
    assert set(links) == {
        f"{brochure} / {TEXT['formats']['download_large_print']}",
        f"{handout} / {TEXT['formats']['download_large_print']}",
    }
    for file in links.values():
        assert (site.site / file).is_file(), file
    # Pages other than the handout's link only to the large-print brochure.
    others = [name for name in downloads(site, "") if name.endswith(TEXT["formats"]["download_large_print"])]
    assert others == [f"{brochure} / {TEXT['formats']['download_large_print']}"]


def test_every_line_of_the_large_print_pdfs_body_is_at_least_16_pt_and_the_standard_brochures_is_not(site: Build) -> None:
    for file in large_print(site).values():
        reader, pages = read_pdf(site.site / file)
        assert all(abs(float(page.mediabox.width) - 595.3) < 1 for page in reader.pages), "A4"
        sizes = [(size, text) for page in pages for size, text in page.body_sizes]
        assert sizes and min(sizes)[0] >= LARGE_PRINT_MIN_PT - 0.05, (file, sorted(sizes)[:5])
    standard = downloads(site)[TEXT["site"]["download_brochure"]]
    _, pages = read_pdf(site.site / standard)
    assert min(size for page in pages for size, _ in page.body_sizes) < LARGE_PRINT_MIN_PT


def test_the_large_print_brochure_has_the_same_chapters_and_words_as_the_standard_one(site: Build) -> None:
    standard = downloads(site)[TEXT["site"]["download_brochure"]]
    large = large_print(site)[f"{TEXT['site']['download_brochure']} / {TEXT['formats']['download_large_print']}"]
    standard_reader, _ = read_pdf(site.site / standard)
    large_reader, _ = read_pdf(site.site / large)
    assert [title for title, _ in top_level_bookmarks(large_reader)] == [title for title, _ in top_level_bookmarks(standard_reader)]
    assert len(large_reader.pages) > len(standard_reader.pages)
    for source in ("index.md", "recovery.md", "risks.md"):
        sentence = PAGES[source].rstrip().splitlines()[-1]
        assert sentence in text_of(site, large) and sentence in text_of(site, standard)


def test_the_large_print_pdfs_are_tagged_pdf_ua_with_their_own_title(site: Build) -> None:
    for file in large_print(site).values():
        with pikepdf.open(site.site / file) as pdf:
            assert "/StructTreeRoot" in pdf.Root and pdf.Root.MarkInfo.Marked
            with pdf.open_metadata() as meta:
                assert meta.get("pdfuaid:part") == "1"
                assert meta.get("dc:title").endswith(TEXT["formats"]["large_print_title"].format(title="").strip())


def test_the_brochure_lists_each_pages_sources_and_leaves_out_the_about_page(site: Build) -> None:
    for file in (downloads(site)[TEXT["site"]["download_brochure"]], *large_print(site).values()):
        text = text_of(site, file)
        for source in ("index.md", "recovery.md"):
            if file.count("handout") and source != "recovery.md":
                continue
            for entry in yaml.safe_load(PAGES[source].split("---\n")[1])["sources"]:
                assert entry["title"] in text and entry["publisher"] in text, (file, entry)
    reader, _ = read_pdf(site.site / downloads(site)[TEXT["site"]["download_brochure"]])
    assert TEXT["about"]["title"] not in [title for title, _ in top_level_bookmarks(reader)]


def test_the_brochure_the_booklets_back_cover_and_the_handout_say_who_publishes_them_and_offer_other_formats(site: Build) -> None:
    publisher = TEXT["publisher"]["line"].format(clinic=CLINIC["name"])
    formats = normalize(TEXT["formats"]["both"].format(phone=CLINIC["phone"], email=CLINIC["email"]))
    links = downloads(site)
    for words in (TEXT["site"]["download_brochure"], TEXT["site"]["download_handout"], *large_print(site)):
        text = text_of(site, links[words])
        assert publisher in text and formats in text, words
    booklet = text_of(site, links[TEXT["site"]["download_booklet"]])
    assert booklet.count(formats) == 2  # its contents page, and its back cover
    assert booklet.count(publisher) == 1  # the contents page (the back cover names the clinic above its details)
