"""The printed brochure and handout as a clinic expects them, read from the real PDFs.

Every test opens a PDF the real `mkdocs build` wrote (the session's real_site)
or that a small fixture site wrote with the project's hooks.
"""

from __future__ import annotations

import re
import shutil
from functools import cache
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
import yaml
import zxingcpp
from bs4 import BeautifulSoup
from conftest import (
    BROCHURE_TITLE,
    CLINIC,
    DEMO,
    DOCS,
    FIXTURE_CONFIG,
    NAV_PAGES,
    NAV_SECTIONS,
    PRINT_SITE_PLUGIN,
    QR_ADDRESS,
    ROOT,
    SOURCE_TEXT,
    Build,
    FixtureSite,
    demo_content,
    front_matter,
    patient_page_files,
)
from pdfcheck import Line, page_image, text_lines
from pdftext import MARGIN_BAND, NO_HEADER, PrintedPage, read_pdf, top_level_bookmarks
from pypdf import PdfReader
from textutil import normalize, published_pieces, visible_text

from kit.data.patient_text import strings

SETTINGS = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nhooks:")[0])
BROCHURE = SETTINGS["extra"]["brochure"]
PAPERS = BROCHURE["paper"]
STEM = re.sub(r"[^a-z0-9]+", "-", SETTINGS["site_name"].lower()).strip("-")
PAGE_SIZES = {"a4": (595, 842), "letter": (612, 792)}
CHAPTERS = [*NAV_PAGES.values(), "Glossary"]  # the glossary page is generated, last in the nav
WEB_CHROME = (
    "Skip to content",
    "Search",
    "Back to top",
    "Table of contents",
    "On this page",
    "Download the brochure",
    "Permanent link",
    "¶",
)


def brochure_file(paper: str) -> str:
    return f"{STEM}-brochure-{paper}.pdf"


def handout_file(paper: str) -> str:
    return f"{STEM}-{Path(BROCHURE['handout']).stem}-handout-{paper}.pdf"


@cache
def printed(path: Path, header_band: float | None = None) -> tuple[PdfReader, list[PrintedPage]]:
    return read_pdf(path) if header_band is None else read_pdf(path, header_band)


def without_page_references(text: str) -> str:
    """Print adds "(page 12)" after links between chapters; the site does not."""
    return re.sub(r" \(page \d+\)", "", text)


@pytest.fixture(params=PAPERS)
def brochure(request: pytest.FixtureRequest, real_site: Build) -> tuple[str, PdfReader, list[PrintedPage]]:
    """The real brochure on each paper size mkdocs.yml chooses."""
    return (request.param, *printed(real_site.site / brochure_file(request.param)))


def chapter_headings(real_site: Build) -> list[str]:
    """Each chapter's own h1, as the site shows it (the generated glossary last)."""
    headings = []
    for source in [*NAV_PAGES, "glossary.md"]:
        url = "" if source == "index.md" else source.removesuffix(".md")
        h1 = BeautifulSoup(real_site.page(url), "html.parser").select_one("article h1")
        for permalink in h1.select("a.headerlink"):
            permalink.decompose()
        headings.append(normalize(h1.get_text()))
    return headings


def big_text(page: PrintedPage) -> str:
    """The page's text set as large as a chapter's title (24 pt on paper; 18 pt and up here)."""
    return normalize(" ".join(text for size, text in page.body_sizes if size >= 18))


def contents_page_numbers(pages: list[PrintedPage]) -> dict[str, int]:
    """What the contents page says: chapter title -> page number at the end of its dotted line."""
    text = next(page.body_text for page in pages if page.body_text.startswith("Contents")).removeprefix("Contents")
    text = text.split("Important:")[0]  # the disclaimer closes the contents page
    # Each chapter's line is its title from the nav (any characters: "Is it right for me?"), dots, its page number.
    titles = "|".join(re.escape(title) for title in sorted(CHAPTERS, key=len, reverse=True))
    return {title: int(number) for title, number in re.findall(rf"({titles})\s*(?:\.\s*)*(\d+)", text)}


# ---- the files and the paper ---------------------------------------------------------------


@pytest.mark.parametrize("paper", PAPERS)
def test_every_build_writes_the_brochure_and_the_handout_for_each_chosen_paper(real_site: Build, paper: str) -> None:
    for name in (brochure_file(paper), handout_file(paper)):
        assert (real_site.site / name).read_bytes().startswith(b"%PDF"), name


def test_every_page_is_the_paper_size_mkdocs_yml_chooses(brochure) -> None:
    paper, reader, pages = brochure
    expected = PAGE_SIZES[paper]
    sizes = {(round(page.width), round(page.height)) for page in pages}
    assert sizes == {expected}, f"{paper}: {sizes}"


def test_the_brochure_has_a_page_count_that_fits_the_real_content(brochure) -> None:
    paper, reader, pages = brochure
    # A cover, a contents page, then each chapter on 1 to 3 pages. WeasyPrint's way of
    # failing is to drop everything after page 1, which this catches.
    assert len(CHAPTERS) + 2 <= len(pages) <= 3 * len(CHAPTERS) + 2, len(pages)


#: Today's demonstration content, as printed: the page count, and the page each chapter
#: (in nav order) starts on. A change of content or of brochure/print.css that moves a
#: chapter shows here by name: check the new pages, then update the numbers.
TODAYS_LAYOUT = {"a4": (11, [3, 4, 5, 6, 7, 9, 11]), "letter": (12, [3, 4, 5, 6, 8, 10, 12])}


@demo_content
def test_todays_brochure_has_its_known_page_count_and_chapter_starts(brochure) -> None:
    paper, reader, pages = brochure
    expected_pages, expected_starts = TODAYS_LAYOUT[paper]
    starts = [page for _, page in top_level_bookmarks(reader)]
    moved = [
        f"{title!r} starts on page {now}, not {was}"
        for title, now, was in zip(CHAPTERS, starts, expected_starts, strict=True)
        if now != was
    ]
    assert (len(pages), moved) == (expected_pages, []), f"{paper}: {len(pages)} pages, not {expected_pages}; " + "; ".join(moved)


def test_the_a4_brochure_of_todays_content_fits_in_12_pages(real_site: Build) -> None:
    if "a4" not in PAPERS or not DEMO:
        pytest.skip("the 12-page promise is about the demonstration content on A4")
    reader, pages = printed(real_site.site / brochure_file("a4"))
    assert len(pages) <= 12, len(pages)


def test_no_page_but_the_cover_the_contents_and_the_last_is_less_than_half_filled(brochure, real_site: Build) -> None:
    """Chapters run on: measured as how far down its text area each page's body reaches."""
    paper, reader, pages = brochure
    path = real_site.site / brochure_file(paper)
    underfilled = []
    for page in pages[2:-1]:
        body = [line for line in text_lines(path, page.number) if MARGIN_BAND < line.top and line.bottom < page.height - MARGIN_BAND]
        filled = (body[-1].bottom - body[0].top) / (page.height - 2 * MARGIN_BAND) if body else 0
        if filled < 0.5:
            underfilled.append(f"page {page.number}: {filled:.0%} ({page.margin_text[:40]})")
    assert not underfilled, f"{paper}: {underfilled}"


def same_paragraph(line: Line, below: Line) -> bool:
    """The line below continues the same paragraph: same left edge, no paragraph spacing between."""
    return abs(below.left - line.left) < 1 and below.top - line.bottom < 0.25 * (line.bottom - line.top)


def test_no_word_is_left_alone_on_a_line_in_the_middle_of_a_paragraph(real_site: Build) -> None:
    """WeasyPrint can break a line early and leave "and" on its own, the paragraph going on below it."""
    lone = []
    for path in sorted(real_site.site.glob("*.pdf")):
        if "booklet" in path.name:
            continue  # the same pages as the brochure, on smaller paper: test_booklet.py
        for number in range(1, len(PdfReader(path).pages) + 1):
            lines = text_lines(path, number)
            for above, line, below in zip(lines, lines[1:], lines[2:], strict=False):
                if (
                    " " not in line.text.strip()
                    and line.right - line.left < 60
                    and same_paragraph(above, line)
                    and same_paragraph(line, below)
                ):
                    lone.append(f"{path.name} page {number}: {line.text!r} between {above.text[-30:]!r} and {below.text[:30]!r}")
    assert not lone, lone


# ---- chapters, contents and bookmarks ------------------------------------------------------


def test_every_chapter_is_printed_in_nav_order(brochure, real_site: Build) -> None:
    paper, reader, pages = brochure
    text = " ".join(page.body_text for page in pages[2:])
    position = 0
    for heading in chapter_headings(real_site):
        found = text.find(heading, position)
        assert found >= 0, f"{heading!r} is missing, or printed before the chapter above it"
        position = found + len(heading)


def test_the_contents_lists_every_chapter_with_the_page_it_starts_on(brochure, real_site: Build) -> None:
    paper, reader, pages = brochure
    numbers = contents_page_numbers(pages)
    assert list(numbers) == CHAPTERS, numbers
    previous = ""
    for title, heading in zip(CHAPTERS, chapter_headings(real_site), strict=True):
        page = pages[numbers[title] - 1]
        # Chapters run on: a chapter may start part of the way down its page, whose
        # running header then names the chapter the page opens with.
        assert heading in big_text(page), f"contents says {title!r} is on page {page.number}: {page.body_text[:80]}"
        assert heading not in big_text(pages[page.number - 2]), f"{title!r} starts before page {page.number}"
        # print-site prints a nav section's title above its first page: the page still opens with that chapter.
        body = page.body_text
        for section in NAV_SECTIONS:
            body = body.removeprefix(section).lstrip()
        opens_with = title if body.startswith(heading) else previous
        assert page.margin_text.startswith(opens_with), f"running header of page {page.number}: {page.margin_text}"
        previous = title


def test_there_is_one_bookmark_per_chapter_pointing_where_the_contents_says(brochure) -> None:
    paper, reader, pages = brochure
    bookmarks = top_level_bookmarks(reader)
    assert [title for title, _ in bookmarks] == CHAPTERS
    assert dict(bookmarks) == contents_page_numbers(pages)


# ---- header and footer -----------------------------------------------------------------------


def test_each_page_after_the_cover_shows_its_chapter_page_x_of_y_and_the_clinic_phone(brochure) -> None:
    paper, reader, pages = brochure
    chapter = ""
    for page in pages[1:]:
        footer = page.margin_text
        assert f"Page {page.number} of {len(pages)}" in footer, footer
        assert CLINIC["phone"] in footer, footer
        chapter = next((title for title in CHAPTERS if footer.startswith(title)), chapter)
        if page.number > 2:
            assert footer.startswith(chapter), f"page {page.number} header: {footer}"


def test_no_heading_is_left_alone_at_the_bottom_of_a_page(brochure, real_site: Build) -> None:
    paper, reader, pages = brochure
    headings = set()
    for source in NAV_PAGES:
        url = "" if source == "index.md" else source.removesuffix(".md")
        soup = BeautifulSoup(real_site.page(url), "html.parser")
        headings |= {
            normalize(h.get_text()).removesuffix("¶").strip()
            for h in soup.select("article h2, article h3, article .admonition-title, article summary")
        }
    stranded = [(page.number, page.body[-1].strip()) for page in pages[2:] if normalize(page.body[-1]) in headings]
    assert not stranded, stranded


def test_the_cover_has_no_header_or_footer(brochure) -> None:
    paper, reader, pages = brochure
    cover = normalize(reader.pages[0].extract_text())
    assert "Page 1 of" not in cover
    assert not any(cover.startswith(title) for title in CHAPTERS)


# ---- the cover -------------------------------------------------------------------------------


def test_the_cover_shows_the_clinic_title_contact_details_review_date_and_site_address(brochure, real_site: Build) -> None:
    paper, reader, pages = brochure
    cover = normalize(reader.pages[0].extract_text())
    dates = [front_matter(DOCS / source).get("reviewed") for source in NAV_PAGES]
    newest = max(date for date in dates if date)
    for expected in (
        CLINIC["name"],
        SETTINGS["site_name"],
        CLINIC["phone"],
        *CLINIC["address"],
        CLINIC["website"],
        "Demonstration brochure" if CLINIC.get("mode", "demo") == "demo" else f"Content last reviewed: {newest.day} {newest:%B %Y}",
        SETTINGS["site_url"],
    ):
        # A long web address may wrap: compare without the spaces line breaks leave.
        assert normalize(expected).replace(" ", "") in cover.replace(" ", ""), f"{expected!r} not on the cover: {cover}"


def test_the_cover_has_the_clinic_logo_and_a_qr_code_a_phone_reads_as_the_site_address(brochure, real_site: Build) -> None:
    paper, reader, pages = brochure
    resources = reader.pages[0]["/Resources"]
    drawings = resources.get("/XObject", {})
    # The logo and the QR code are both SVG, drawn as form XObjects.
    assert len(drawings) >= 2, list(drawings)
    decoded = [code.text for code in zxingcpp.read_barcodes(page_image(real_site.site / brochure_file(paper), 1))]
    assert decoded == [QR_ADDRESS]


# ---- content ---------------------------------------------------------------------------------


@demo_content
def test_every_source_paragraph_is_in_the_brochure(brochure) -> None:
    paper, reader, pages = brochure
    text = " ".join(page.body_text for page in pages)
    text = without_page_references(text)
    missing = [sentence for sentence, pieces in published_pieces(SOURCE_TEXT) if not all(p in text for p in pieces)]
    assert not missing, "\n".join(missing)


def test_no_web_chrome_is_printed(brochure) -> None:
    paper, reader, pages = brochure
    text = " ".join(normalize(page.extract_text()) for page in reader.pages)
    found = [chrome for chrome in WEB_CHROME if re.search(rf"(?<!\w){re.escape(chrome)}(?!\w)", text)]
    assert not found, found


def test_admonitions_keep_their_titles_and_collapsed_ones_are_printed_open(brochure, real_site: Build) -> None:
    paper, reader, pages = brochure
    text = without_page_references(" ".join(page.body_text for page in pages))
    for source in NAV_PAGES:
        url = "" if source == "index.md" else source.removesuffix(".md")
        soup = BeautifulSoup(real_site.page(url), "html.parser")
        for box in soup.select("article div.admonition, article details"):
            title = box.select_one(".admonition-title, summary")
            assert normalize(title.get_text()) in text, title
            body = visible_text(box.find_all("p")[-1])
            assert body in text, f"{source}: {body}"


def test_body_text_is_at_least_12_pt(brochure) -> None:
    paper, reader, pages = brochure
    small = {(round(size, 1), text) for page in pages for size, text in page.body_sizes if size < 11.95}
    assert not small, sorted(small)[:10]


def test_every_font_is_embedded_and_is_the_bundled_atkinson_hyperlegible(brochure) -> None:
    paper, reader, pages = brochure
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"].get("/Font", {}).values():
            font = font.get_object()
            for descendant in font.get("/DescendantFonts", [font]):
                descendant = descendant.get_object()
                fonts[descendant["/BaseFont"]] = descendant["/FontDescriptor"].get_object()
    assert fonts
    not_embedded = [name for name, descriptor in fonts.items() if not ({"/FontFile2", "/FontFile3"} & set(descriptor))]
    assert not not_embedded, not_embedded
    assert all("Atkinson-Hyperlegible" in name for name in fonts), list(fonts)


def test_the_pdf_is_tagged_titled_and_in_the_site_language_for_screen_readers(brochure) -> None:
    paper, reader, pages = brochure
    catalog = reader.trailer["/Root"]
    assert "/StructTreeRoot" in catalog
    assert bool(catalog["/MarkInfo"]["/Marked"])
    assert catalog["/Lang"] == SETTINGS["theme"].get("language", "en")
    assert reader.metadata.title == BROCHURE_TITLE
    assert bool(catalog["/ViewerPreferences"]["/DisplayDocTitle"])


# ---- the handout -----------------------------------------------------------------------------


@pytest.mark.parametrize("paper", PAPERS)
def test_the_aftercare_handout_fits_on_one_sheet_with_the_clinic_letterhead(real_site: Build, paper: str) -> None:
    reader, pages = printed(real_site.site / handout_file(paper), NO_HEADER)
    assert 1 <= len(pages) <= 2, len(pages)
    first = normalize(reader.pages[0].extract_text())
    assert CLINIC["name"] in first and CLINIC["phone"] in first
    assert reader.pages[0]["/Resources"].get("/XObject"), "no logo on the handout"
    assert {(round(p.width), round(p.height)) for p in pages} == {PAGE_SIZES[paper]}
    text = " ".join(page.body_text for page in pages)
    handout_page = BeautifulSoup(real_site.page(BROCHURE["handout"].removesuffix(".md")), "html.parser")
    if DEMO:
        assert "demonstration" in text.lower(), "the demo handout does not say it is a demonstration"
    # PDF links; the site's demo notice (the handout words its own); the feedback link (paper cannot be clicked: the
    # other-formats line gives the email); a demonstration's "no sources" sentence (the brochure says it once).
    screen_only = ("brochure-download", "demo-notice", "page-feedback", "page-sources-none")
    # Checklist labels come out of the PDF after the text around them, so a paragraph that runs on from the front
    # of the sheet to the back reads whole only without them (each label is a line of its own, found in `text`).
    unlabelled = text
    for item in handout_page.select("li.task-list-item"):
        unlabelled = unlabelled.replace(visible_text(item), " ")
    unlabelled = " ".join(unlabelled.replace("•", " ").split())
    for paragraph in handout_page.select("article p"):
        # Links to the PDFs, and what the page hides until its script shows it (the checklist's tick controls), are screen-only.
        # The page's version line is not printed: the handout says its code and version in its footer and its box.
        if "page-version" in (paragraph.get("class") or []):
            continue
        screen = any(paragraph.find_parent(class_=name) or name in (paragraph.get("class") or []) for name in screen_only)
        if not screen and paragraph.find_parent(attrs={"hidden": True}) is None:
            assert visible_text(paragraph) in text or visible_text(paragraph) in unlabelled, paragraph.get_text()


# ---- on the site -----------------------------------------------------------------------------


def large_print(file: str) -> str:
    """The large-print version of an A4 PDF's file name."""
    return file.replace("-a4.pdf", "-large-print-a4.pdf")


def test_every_page_links_to_the_brochure_with_a_relative_url_that_resolves(real_site: Build) -> None:
    site_path = urlparse(SETTINGS["site_url"]).path
    # Every content page (the 404 page and the print page are not patient pages).
    pages = patient_page_files(real_site.site)  # the archive's pages offer each version's own PDFs
    assert len(pages) >= len(NAV_PAGES)
    for html_file in pages:
        url = site_path + html_file.relative_to(real_site.site).as_posix().removesuffix("index.html")
        soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        words = strings(soup.html["lang"])["site"]["download_brochure"]  # in the page's language
        main = [a for a in soup.select("a[href]") if normalize(a.get_text()) == words]
        assert len(main) == 1, f"{html_file}: {len(main)} download links"
        brochure_links = [main[0], *soup.select(f'a[aria-label^="{words}, "]')]
        targets = []
        for link in brochure_links:
            assert not re.match(r"(?:[a-z]+:)?/", link["href"]), f"{html_file}: {link['href']} is not relative"
            target = urlparse(urljoin("https://host" + url, link["href"])).path
            assert (real_site.site / target.removeprefix(site_path)).is_file(), f"{html_file}: {link['href']}"
            targets.append(target)
        # Each paper's brochure, then the large-print one (always A4: kit/brochure/build.py).
        if soup.html["lang"] == SETTINGS["theme"]["language"]:
            assert targets == [site_path + brochure_file(paper) for paper in PAPERS] + [site_path + large_print(brochure_file("a4"))]
        else:  # a translation's PDFs, in its language's folder (site/es/)
            assert len(targets) == len(PAPERS) + 1 and all(t.startswith(f"{site_path}{soup.html['lang']}/") for t in targets), targets


def test_the_handout_page_also_offers_the_handout(real_site: Build) -> None:
    url = BROCHURE["handout"].removesuffix(".md")
    soup = BeautifulSoup(real_site.page(url), "html.parser")
    hrefs = [a["href"] for a in soup.select(".brochure-download a") if "handout" in (a.get("aria-label") or a.get_text())]
    assert [href.rsplit("/", 1)[-1] for href in hrefs] == [handout_file(paper) for paper in PAPERS] + [large_print(handout_file("a4"))]
    assert all((real_site.site / url / href).resolve().is_file() for href in hrefs)
    other = BeautifulSoup(real_site.page(""), "html.parser").select(".brochure-download a")
    assert not [a for a in other if "handout" in (a.get("aria-label") or a.get_text())]


# ---- builds of small fixture sites: settings, switches and privacy ----------------------------

# The shared fixture site, plus a nav, the brochure settings and the print-site plugin.
BROCHURE_FIXTURE = (
    FIXTURE_CONFIG
    + """\
nav:
  - Welcome: index.md
  - Aftercare: aftercare.md
extra:
  brochure:
    paper: {paper}
    handout: {handout}
"""
    + PRINT_SITE_PLUGIN
)


def line_and_column(site: FixtureSite, text: str, after: str = "") -> str:
    """Where `text` first appears in the fixture's mkdocs.yml, as `line:col`, on a line that starts with `after`.

    The fixture's mkdocs.yml names the hooks by their full path, which may contain any text: a
    test names the setting's key so it never finds its value inside the checkout's path.
    """
    lines = (site.root / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    number, line = next((n, line) for n, line in enumerate(lines, start=1) if line.lstrip().startswith(after) and text in line)
    return f"{number}:{line.index(text) + 1}"


def brochure_fixture(site: FixtureSite, paper: str = "[a4]", handout: str = "aftercare.md") -> None:
    site.write("mkdocs.yml", BROCHURE_FIXTURE.format(paper=paper, handout=handout, hooks=ROOT / "hooks.py"))
    shutil.copytree(ROOT / "brochure", site.root / "brochure")
    site.write("docs/aftercare.md", "# Aftercare\n\nKeep the skin clean.\n")


def assert_build_stops_at(site: FixtureSite, setting: str, message: str, key: str = "") -> None:
    """The build fails with one editor's message pointing at `setting` (on the line of `key`) in mkdocs.yml."""
    build = site.build()
    assert build.returncode != 0 and "Traceback" not in build.output
    assert f"mkdocs.yml:{line_and_column(site, setting, key)}: {message}" in build.output, build.output


def test_a_paper_size_the_kit_does_not_know_stops_the_build_at_its_line(fixture_site: FixtureSite) -> None:
    brochure_fixture(fixture_site, paper="[a4, a5]")
    assert_build_stops_at(fixture_site, "a5", "`a5` is not a paper size the brochure knows. Use `a4` or `letter`.", key="paper:")


def test_a_handout_page_missing_from_the_nav_stops_the_build_with_the_pages_to_choose_from(fixture_site: FixtureSite) -> None:
    brochure_fixture(fixture_site, handout="after-care.md")
    assert_build_stops_at(
        fixture_site,
        "handout:",
        "The handout page `after-care.md` is not in the navigation. Use one of: index.md, aftercare.md; "
        "or remove the `handout:` line to make no handout.",
    )


def test_a_brochure_without_a_handout_links_only_to_the_pdfs_it_made(fixture_site: FixtureSite) -> None:
    brochure_fixture(fixture_site, handout="")
    shutil.copytree(ROOT / "overrides", fixture_site.root / "overrides")  # the download links are the theme's
    config = fixture_site.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  name: material\n", "  name: material\n  custom_dir: overrides\n"))
    build = fixture_site.build()
    assert build.returncode == 0, build.output
    made = {pdf.name for pdf in build.site.glob("*.pdf")}
    for page in ("", "aftercare/"):
        links = {a["href"].rsplit("/", 1)[-1] for a in BeautifulSoup(build.page(page), "html.parser").select(".brochure-download a")}
        assert links and links <= made, (page, links, made)


def test_the_pdf_switch_turns_pdfs_and_their_links_off(fixture_site: FixtureSite) -> None:
    brochure_fixture(fixture_site)
    build = fixture_site.build(env={"CLINIC_KIT_PDF": "off"})
    assert build.returncode == 0, build.output
    assert not list(build.site.glob("*.pdf"))
    assert "Download the brochure" not in (build.site / "index.html").read_text(encoding="utf-8")


def test_the_pdf_never_fetches_anything_from_outside_the_site(fixture_site: FixtureSite) -> None:
    brochure_fixture(fixture_site, paper="[letter]")
    fixture_site.write("docs/index.md", "# Welcome\n\n![A chart](https://example.invalid/chart.png)\n\nThe clinic's fixture page.\n")
    build = fixture_site.build()
    assert build.returncode == 0, build.output
    assert re.search(
        r"WARNING .*docs/index\.md:3:12: The brochure would load https://example\.invalid/chart\.png, which is not part of the site, "
        r"so the PDF leaves it out\. Copy the file into docs/ and link to it there\.",
        build.output,
    ), build.output
    reader, pages = read_pdf(build.site / "fixture-clinic-site-brochure-letter.pdf")
    assert "The clinic's fixture page." in " ".join(page.body_text for page in pages)


def test_a_handout_page_too_long_for_one_sheet_fails_the_strict_build_naming_the_page(fixture_site: FixtureSite) -> None:
    brochure_fixture(fixture_site)
    # A page that passes every other check, so the handout's size is what stops the build.
    front = "---\nhealth_page: false\ndescription: A long page.\n---\n"
    fixture_site.write("docs/aftercare.md", front + "# Aftercare\n\n" + "Keep the treated skin clean and out of the sun.\n\n" * 150)
    build = fixture_site.build("--strict")
    assert build.returncode != 0
    assert re.search(
        r"WARNING .*docs/aftercare\.md:1:1: The handout made from this page needs \d+ pages on A4 paper; "
        r"it must fit on one sheet \(2 pages\)\. Shorten the page, or choose another page",
        build.output,
    ), build.output
