"""Reading a real PDF the way a patient does: page by page, body apart from headers and footers.

pypdf reports each piece of text with its transformation matrices; WeasyPrint
draws in CSS pixels scaled by 0.75 from the top of the page, so the position
and size in points come from both matrices. Text in the top or bottom margin
is the running header or footer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import Destination
from textutil import normalize

#: Header and footer text sits within this distance (pt) of the page's top or bottom edge.
MARGIN_BAND = 62
#: The handout has no running header, and a narrower top margin.
NO_HEADER = 0


@dataclass
class PrintedPage:
    """One page: its body text, its header and footer text, and the size of each body run."""

    number: int
    width: float
    height: float
    body: list[str] = field(default_factory=list)
    margins: list[str] = field(default_factory=list)
    body_sizes: list[tuple[float, str]] = field(default_factory=list)

    @property
    def body_text(self) -> str:
        return joined(self.body)

    @property
    def margin_text(self) -> str:
        return joined(self.margins)


def joined(runs: list[str]) -> str:
    """Runs of text as one line; a word broken after its hyphen at a line end is mended."""
    text = normalize(re.sub(r"(?<=\w-)\s*\n\s*(?=\w)", "", "\n".join(runs)))
    return re.sub(r" (?=[,.;:!?])", "", text)  # a link is its own run: "term ," is "term,"


def read_pdf(path: Path, header_band: float = MARGIN_BAND) -> tuple[PdfReader, list[PrintedPage]]:
    reader = PdfReader(path)
    pages = []
    for number, page in enumerate(reader.pages, start=1):
        printed = PrintedPage(number, float(page.mediabox.width), float(page.mediabox.height))

        def visit(text: str, cm: list, tm: list, font: dict, size: float, printed: PrintedPage = printed) -> None:
            if not text.strip():
                return
            scale = abs(cm[3]) or 1
            from_top = tm[5] * scale if cm[3] < 0 else printed.height - (tm[5] * scale + cm[5])
            points = size * abs(tm[3]) * scale
            if from_top < header_band or from_top > printed.height - MARGIN_BAND:
                printed.margins.append(text)
            else:
                printed.body.append(text)
                printed.body_sizes.append((points, text.strip()))

        page.extract_text(visitor_text=visit)
        pages.append(printed)
    return reader, pages


def top_level_bookmarks(reader: PdfReader) -> list[tuple[str, int]]:
    """(title, 1-based page number) of each top-level bookmark, in order."""
    return [(item.title, reader.get_destination_page_number(item) + 1) for item in reader.outline if isinstance(item, Destination)]
