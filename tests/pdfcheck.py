"""Looking inside a real PDF the way assistive technology, a viewer and a printer do.

pikepdf reads the structure tree (tags), annotations and named destinations;
pypdfium2 (Chrome's PDF engine) places each line of text and renders pages
as images, for the QR code and the booklet's halves.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium


@dataclass(frozen=True)
class Line:
    """One line of text on a page, in points from the page's top-left corner."""

    text: str
    left: float
    right: float
    top: float
    bottom: float


def text_lines(path: Path, page_number: int, left: float = 0, right: float | None = None) -> list[Line]:
    """The lines of text on a page (1-based), top to bottom; optionally only those between `left` and `right`."""
    document = pdfium.PdfDocument(path)
    try:
        page = document[page_number - 1]
        height = page.get_height()
        right = page.get_width() if right is None else right
        textpage = page.get_textpage()
        rows: dict[int, list[tuple[float, float, float, float, str]]] = {}
        for index in range(textpage.count_chars()):
            char = textpage.get_text_range(index, 1)
            x0, y0, x1, y1 = textpage.get_charbox(index, loose=True)
            if not char.strip() or x0 < left or x1 > right + 0.5:
                continue
            rows.setdefault(round(y0), []).append((x0, x1, height - y1, height - y0, char))
        lines = []
        for key in sorted(rows, reverse=True):
            chars = sorted(rows[key])
            words, previous_right = [], None
            for x0, x1, _, _, char in chars:
                if previous_right is not None and x0 - previous_right > 1.5:
                    words.append(" ")
                words.append(char)
                previous_right = x1
            lines.append(Line("".join(words), chars[0][0], max(c[1] for c in chars), min(c[2] for c in chars), max(c[3] for c in chars)))
        return lines
    finally:
        document.close()


def page_image(path: Path, page_number: int, dpi: int = 150):
    """A page (1-based) rendered as a PIL image, as a printer or a phone camera sees it."""
    document = pdfium.PdfDocument(path)
    try:
        return document[page_number - 1].render(scale=dpi / 72).to_pil()
    finally:
        document.close()


def structure_elements(pdf: pikepdf.Pdf) -> Iterator[pikepdf.Dictionary]:
    """Every element of the tag tree, depth first: the order a screen reader reads them in."""
    root = pdf.Root.get("/StructTreeRoot")
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if node.get("/S") is not None:
            yield node
        kids = node.get("/K")
        if kids is None:
            continue
        kids = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
        stack.extend(reversed([kid for kid in kids if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") not in ("/OBJR", "/MCR")]))


def named_destinations(pdf: pikepdf.Pdf) -> dict[str, pikepdf.Object]:
    """The /Dests name tree: destination name -> [page, /XYZ, x, y, zoom]."""
    names = pdf.Root.get("/Names")
    if names is None or "/Dests" not in names:
        return {}
    return {str(name): destination for name, destination in pikepdf.NameTree(names.Dests).items()}


def link_annotations(pdf: pikepdf.Pdf) -> Iterator[tuple[int, pikepdf.Dictionary]]:
    """(1-based page number, annotation) of every link annotation."""
    for number, page in enumerate(pdf.pages, start=1):
        for annotation in page.get("/Annots", []):
            if annotation.get("/Subtype") == "/Link":
                yield number, annotation


def page_numbers(pdf: pikepdf.Pdf) -> dict[tuple[int, int], int]:
    """Object id of each page -> its 1-based number."""
    return {page.obj.objgen: number for number, page in enumerate(pdf.pages, start=1)}
