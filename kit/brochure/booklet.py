"""The folded booklet: half-size pages imposed two to a side, in saddle-stitch order.

Staff print the booklet PDF double-sided, flipping on the short edge, fold the
stack in half and staple it on the fold. For that, the A5 (or half-letter)
pages go onto A4 (or Letter) sheets in the order a folded stack reads: the
outer sheet carries the last page and the cover on its front, pages 2 and
n-1 on its back, and so on inwards. A stack is read in fours, so blank pages
are added before the back cover until the count divides by four.

The imposed file is for the printer, not for reading on screen: its pages are
drawings of the tagged pages, so it carries the title and language but no tag
tree and no links, and does not claim PDF/UA. The brochure PDF linked beside
it is the accessible version of the same content.
"""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

import pikepdf

from kit.data.patient_text import strings

#: Pages per folded sheet: two on each side.
PAGES_PER_SHEET = 4
#: The sheets a booklet is printed on, landscape, in points.
SHEET_SIZES = {"a4": (841.89, 595.28), "letter": (792.0, 612.0)}


@dataclass(frozen=True)
class Sheet:
    """The paper a booklet is imposed on, and what its file says about itself."""

    label: str
    width: float
    height: float
    title: str
    language: str


def booklet_length(pages: int) -> int:
    """The page count of the folded booklet: the document's, rounded up to a whole number of sheets."""
    return max(PAGES_PER_SHEET, -(-pages // PAGES_PER_SHEET) * PAGES_PER_SHEET)


def booklet_positions(pages: int) -> list[int | None]:
    """For each booklet page (1 to booklet_length), the document page printed there, or None for a blank.

    The document's last page is the back cover: it stays last, the blanks go before it.
    """
    length = booklet_length(pages)
    inside = list(range(pages - 1)) + [None] * (length - pages)
    return [*inside, pages - 1]


def saddle_stitch_sides(length: int) -> list[tuple[int, int]]:
    """The booklet pages (1-based) on the left and right half of each printed side, sheet by sheet.

    Sheet 0 is the outer one. Its front shows the back cover (left) and the
    cover (right); its back, turned over on the short edge, pages 2 and
    length-1. Each following sheet nests inside the one before.
    """
    sides = []
    for sheet in range(length // PAGES_PER_SHEET):
        sides.append((length - 2 * sheet, 2 * sheet + 1))
        sides.append((2 * sheet + 2, length - 2 * sheet - 1))
    return sides


def impose_booklet(pdf: bytes, sheet: Sheet, target: Path) -> int:
    """Write the booklet of `pdf` (half-size pages) on landscape sheets; return its page count (sides).

    Each page becomes a form XObject drawn on its half of the side, against the
    fold (A5 is a millimetre narrower than half of A4). qpdf copies each page as
    it is: 40 ms for 24 pages, where re-writing the content streams took 4 s. A
    form XObject leaves the page's links behind: paper has nothing to click.
    """
    with pikepdf.open(BytesIO(pdf)) as source, pikepdf.new() as booklet:
        first = source.pages[0].mediabox
        width, height = float(first[2]) - float(first[0]), float(first[3]) - float(first[1])
        fold = sheet.width / 2
        bottom = (sheet.height - height) / 2
        drawings = [booklet.copy_foreign(pikepdf.Page(page).as_form_xobject()) for page in source.pages]
        positions = booklet_positions(len(drawings))
        for left, right in saddle_stitch_sides(len(positions)):
            side = pikepdf.Page(booklet.add_blank_page(page_size=(sheet.width, sheet.height)))
            for start, number in ((fold - width, left), (fold, right)):
                index = positions[number - 1]
                if index is not None:
                    side.add_overlay(drawings[index], pikepdf.Rectangle(start, bottom, start + width, bottom + height))
        booklet.docinfo["/Title"] = sheet.title
        booklet.docinfo["/Subject"] = strings(sheet.language)["print"]["booklet_subject"].format(paper=sheet.label)
        booklet.Root.Lang = pikepdf.String(sheet.language)
        booklet.Root.ViewerPreferences = pikepdf.Dictionary(DisplayDocTitle=True)
        booklet.save(target)
        return len(booklet.pages)
