"""The booklet staff print double-sided, fold in half and staple: read as a patient holds it.

The page order is checked by folding the printed sheets in a model of the
physical booklet, not by repeating the imposition formula: the sheets are
stacked as the printer delivers them (first sheet outermost), each side is
split into its left and right halves, and the folded stack is read leaf by
leaf. Each half is recognised by what is printed on it (the cover, a running
footer "Page k of n", nothing at all, or the back cover with the clinic's
contact details).
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pikepdf
import pytest
import zxingcpp
from bs4 import BeautifulSoup
from conftest import BROCHURE_TITLE, CLINIC, QR_ADDRESS, SETTINGS, Build, patient_page_files
from pdfcheck import link_annotations, page_image, text_lines

PAPERS = SETTINGS["extra"]["brochure"]["paper"]
#: The printed sheet, landscape, in points: two A5 pages on A4, two half-letter pages on Letter.
SHEETS = {"a4": (842, 595), "letter": (792, 612)}


def booklet_file(paper: str, site_name: str = SETTINGS["site_name"]) -> str:
    """The booklet's file name: the language's site_name, as the kit names its PDFs."""
    stem = re.sub(r"[^a-z0-9]+", "-", site_name.lower()).strip("-")
    return f"{stem}-booklet-{paper}.pdf"


def language_folders() -> dict[str, str]:
    """Each language's folder in the site ("" for the first) and its site_name, from mkdocs.yml's i18n plugin."""
    i18n = next((entry["i18n"] for entry in SETTINGS.get("plugins", []) if isinstance(entry, dict) and "i18n" in entry), None)
    if not i18n:
        return {"": SETTINGS["site_name"]}
    return {
        "" if language.get("default") else f"{language['locale']}/": language.get("site_name") or SETTINGS["site_name"]
        for language in i18n["languages"]
    }


@pytest.fixture(params=PAPERS)
def booklet(request: pytest.FixtureRequest, real_site: Build):
    return request.param, real_site.site / booklet_file(request.param)


def what_is_printed(path: Path, side: int, half: str, sheet_width: float) -> str:
    """What one half of one printed side shows: "cover", "back", "blank", or its footer's "Page k of n"."""
    left, right = (0, sheet_width / 2) if half == "left" else (sheet_width / 2, sheet_width)
    found = text_lines(path, side, left, right)
    lines = [line.text for line in found]
    text = " ".join(lines)
    if not lines:
        return "blank"
    if footer := re.search(r"Page \d+ of \d+", text):
        return footer.group(0)
    # The cover's heading is the site's name in large type (on one line or wrapped); the back cover's
    # "Information given" box may name it too, in ordinary type.
    heights = sorted(line.bottom - line.top for line in found)
    large = "".join(line.text for line in found if line.bottom - line.top > 1.5 * heights[len(heights) // 2])
    if SETTINGS["site_name"].replace(" ", "") in large.replace(" ", ""):
        return "cover"
    if CLINIC["email"] in text.replace(" ", ""):
        return "back"
    return f"unknown: {text[:60]}"


def read_folded(path: Path, sides: int, sheet_width: float) -> list[str]:
    """The folded booklet, page by page, from the outer sheet's front to its back.

    Sheet s is printed on sides 2s+1 (front) and 2s+2 (back, turned over on the
    short edge, so its left half is behind the front's right half). Folded with
    the first sheet outside, the leaves are the right halves of sheets 0..S-1, then
    the left halves of sheets S-1..0; a right-half leaf shows front-right then
    back-left, a left-half leaf back-right then front-left.
    """
    sheets = sides // 2
    order: list[tuple[int, str]] = []
    for sheet in range(sheets):
        order += [(2 * sheet + 1, "right"), (2 * sheet + 2, "left")]
    for sheet in reversed(range(sheets)):
        order += [(2 * sheet + 2, "right"), (2 * sheet + 1, "left")]
    return [what_is_printed(path, side, half, sheet_width) for side, half in order]


def test_each_paper_has_its_booklet_on_landscape_sheets_printed_on_both_sides(booklet) -> None:
    paper, path = booklet
    with pikepdf.open(path) as pdf:
        sizes = {(round(float(page.mediabox[2])), round(float(page.mediabox[3]))) for page in pdf.pages}
        sides = len(pdf.pages)
    assert sizes == {SHEETS[paper]}, sizes
    assert sides % 2 == 0, f"{sides} sides do not make whole sheets"


def test_folded_the_booklet_reads_cover_then_every_page_in_order_then_the_back_cover(booklet) -> None:
    paper, path = booklet
    with pikepdf.open(path) as pdf:
        sides = len(pdf.pages)
    read = read_folded(path, sides, SHEETS[paper][0])
    footer = next(label for label in read if label.startswith("Page "))
    pages = int(footer.rsplit(" ", 1)[1])  # the document's own count: cover, content pages, back cover
    expected = ["cover", *[f"Page {n} of {pages}" for n in range(2, pages)], *["blank"] * (len(read) - pages), "back"]
    assert read == expected, f"{paper}: folded, the booklet reads {read}"
    assert len(read) % 4 == 0 and len(read) - pages < 4, "blank pages only to complete the last sheet"


def test_both_covers_carry_a_qr_code_a_phone_reads_as_the_site_address(booklet) -> None:
    """The outer side of the first sheet: back cover on the left, cover on the right."""
    paper, path = booklet
    decoded = sorted(code.text for code in zxingcpp.read_barcodes(page_image(path, 1, dpi=200)))
    assert decoded == [QR_ADDRESS] * 2


def test_the_back_cover_has_the_clinic_contact_details(booklet) -> None:
    paper, path = booklet
    back = " ".join(line.text for line in text_lines(path, 1, 0, SHEETS[paper][0] / 2)).replace(" ", "")
    for detail in (CLINIC["name"], CLINIC["phone"], CLINIC["email"], *CLINIC["address"], CLINIC["website"]):
        assert detail.replace(" ", "") in back, f"{detail!r} is not on the back cover"


def test_the_booklet_is_for_printing_and_does_not_claim_to_be_accessible(booklet) -> None:
    """Imposed pages are drawings of pages: no tags, no links. It says so, and keeps its title and language."""
    paper, path = booklet
    with pikepdf.open(path) as pdf:
        assert "/StructTreeRoot" not in pdf.Root
        assert pdf.open_metadata().get("pdfuaid:part") is None
        assert not list(link_annotations(pdf))
        assert str(pdf.docinfo["/Title"]) == BROCHURE_TITLE
        assert str(pdf.Root.Lang) == SETTINGS["theme"].get("language", "en")


def test_every_page_offers_the_booklet_beside_the_brochure(real_site: Build) -> None:
    """In every language: a page in a language's folder offers that language's booklets."""
    site_path = urlparse(SETTINGS["site_url"]).path
    folders = language_folders()
    pages = patient_page_files(real_site.site)  # the archive's pages offer each version's own PDFs
    for html_file in pages:
        relative = html_file.relative_to(real_site.site).as_posix()
        folder = next((f for f in folders if f and relative.startswith(f)), "")
        url = site_path + relative.removesuffix("index.html")
        soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        hrefs = [urlparse(urljoin("https://host" + url, a["href"])).path for a in soup.select(".brochure-download a[href]")]
        targets = [href for href in hrefs if re.search(r"-booklet-[a-z0-9]+\.pdf$", href)]
        assert targets == [site_path + folder + booklet_file(paper, folders[folder]) for paper in PAPERS], f"{html_file}: {targets}"
        assert all((real_site.site / target.removeprefix(site_path)).is_file() for target in targets)
