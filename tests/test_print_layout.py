"""What an editor controls in print, shown on one small fixture site built once.

Its pages are made for these tests (no clinic's real text): a section for the
screen only, a box for paper only, links whose words are not their address,
short chapters that run on, and a heading where the editor asks for a new page.
"""

from __future__ import annotations

import shutil

import pytest
from bs4 import BeautifulSoup
from conftest import FIXTURE_CONFIG, FIXTURE_PAGE, PRINT_SITE_PLUGIN, ROOT, Build, new_fixture_site
from pdftext import read_pdf, top_level_bookmarks

PAGES = {
    "index.md": FIXTURE_PAGE
    + """
## Only on screen {.web-only}

Use the menu to move between the pages of this fixture site.

## Always shown

Book a visit at [our booking page](https://example.org/book) or read <https://example.org/>.

<div class="print-only" markdown>
Keep this leaflet with your notes.
</div>
""",
    "second.md": "---\nhealth_page: false\n---\n\n# Second chapter\n\nA short chapter that runs on after the first one.\n",
    "third.md": "---\nhealth_page: false\n---\n\n# Third chapter\n\nAnother short chapter.\n\n"
    "## Start a new page here {.new-page}\n\nThe editor asked for this section on a fresh page.\n",
}

CONFIG = (
    FIXTURE_CONFIG
    + """\
nav:
  - Welcome: index.md
  - Second: second.md
  - Third: third.md
extra:
  brochure:
    paper: [a4]
"""
    + PRINT_SITE_PLUGIN
)


@pytest.fixture(scope="module")
def layout_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = tmp_path_factory.mktemp("print-layout")
    site = new_fixture_site(root, pages=[])  # the fixture clinic's own clinic.yml, terminology.yml and logo
    site.write("mkdocs.yml", CONFIG.format(hooks=ROOT / "hooks.py"))
    shutil.copytree(ROOT / "brochure", root / "brochure")
    for name, text in PAGES.items():
        site.write(f"docs/{name}", text)
    build = site.build()
    assert build.returncode == 0, build.output
    return build


def brochure_text(build: Build) -> str:
    reader, pages = read_pdf(build.site / "fixture-clinic-site-brochure-a4.pdf")
    return " ".join(page.body_text for page in pages)


def test_a_section_marked_web_only_is_on_the_site_but_not_on_paper(layout_site: Build) -> None:
    page = BeautifulSoup(layout_site.page(""), "html.parser")
    section = page.select_one("div.web-only")
    assert section is not None and "Use the menu" in section.get_text()
    assert "Always shown" not in section.get_text(), "the section ends at the next heading of its level"
    text = brochure_text(layout_site)
    assert "Only on screen" not in text and "Use the menu" not in text
    assert "Always shown" in text


def test_text_marked_print_only_is_on_paper_and_kept_out_of_the_site_search(layout_site: Build) -> None:
    block = BeautifulSoup(layout_site.page(""), "html.parser").select_one("div.print-only")
    assert block is not None and block.has_attr("data-search-exclude")
    assert "Keep this leaflet with your notes." in brochure_text(layout_site)
    site_css = (ROOT / "docs" / "assets" / "stylesheets" / "site.css").read_text(encoding="utf-8")
    assert ".print-only { display: none; }" in site_css


def test_a_link_whose_words_are_not_its_address_prints_the_address_after_them(layout_site: Build) -> None:
    text = brochure_text(layout_site)
    assert "our booking page (example.org/book)" in text
    assert "https://example.org/ (" not in text, "a link that shows its address is not repeated"


def test_short_chapters_run_on_and_a_heading_marked_new_page_starts_one(layout_site: Build) -> None:
    reader, pages = read_pdf(layout_site.site / "fixture-clinic-site-brochure-a4.pdf")
    starts = dict(top_level_bookmarks(reader))
    assert starts["Welcome"] == starts["Second"] == starts["Third"], starts
    fresh = next(page for page in pages if "Start a new page here" in page.body_text)
    assert fresh.body_text.startswith("Start a new page here") and fresh.number == starts["Third"] + 1
