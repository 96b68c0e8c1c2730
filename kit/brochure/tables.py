"""Tables a screen reader can read in the PDFs: every header cell says what it heads.

A Markdown table (a clinic's prices, say) becomes `<th>` cells in a head row.
WeasyPrint 70 tags them as TH structure elements and links each TD to its
headers, but writes no /Scope on a TH, and PDF/UA checkers reject such a table
(PyPI `pdfua`: UA-15-003, "header cells without /Scope or /Headers";
FIELD-NOTES). Two steps fix it, one on each side of WeasyPrint:

- `with_header_scopes` gives every `<th>` of the printed HTML a `scope`: "col"
  in a row of headers only (a table's head), "row" in a row with data cells (a
  row's label). WeasyPrint reads `scope="row"` to link a row's cells to its
  label; a `scope` an editor wrote in HTML is kept.
- `scope_header_tags`, a WeasyPrint finisher, copies each `<th>`'s scope onto
  its TH tag as /Scope (/Column or /Row), so the tag tree says it too.
"""

from __future__ import annotations

import re
from typing import Any

from weasyprint.formatting_structure.boxes import TableCellBox

_ROW = re.compile(r"<tr\b[^>]*>.*?</tr>", re.S | re.I)
_UNSCOPED_HEADER = re.compile(r"<th\b(?![^>]*\bscope\s*=)", re.I)
_DATA_CELL = re.compile(r"<td\b", re.I)
# HTML's scope values and PDF's (ISO 32000-1, 14.8.5.7); a header without one heads its column, as WeasyPrint reads it.
PDF_SCOPES = {"row": "/Row", "rowgroup": "/Row", "col": "/Column", "colgroup": "/Column"}


def with_header_scopes(html: str) -> str:
    """Every `<th>` without a scope gets one: "col" in a row of headers only, "row" in a row that has data cells."""
    if "<th" not in html:
        return html

    def scoped(row: re.Match[str]) -> str:
        scope = "row" if _DATA_CELL.search(row.group(0)) else "col"
        return _UNSCOPED_HEADER.sub(f'<th scope="{scope}"', row.group(0))

    return _ROW.sub(scoped, html)


def scope_header_tags(document: Any, pdf: Any) -> None:
    """After WeasyPrint has tagged the PDF: each header cell's TH tag gets the /Scope its `<th>` has.

    WeasyPrint keeps a table cell's tag on the cell's box (`mark`, set while
    tagging; a cell split across two pages has a tag on each page). A PDF
    without tags has none, and nothing changes.
    """
    for page in document.pages:
        for box in page._page_box.descendants():
            tag = getattr(box, "mark", None)
            if isinstance(box, TableCellBox) and box.element_tag == "th" and isinstance(tag, dict) and isinstance(tag.get("A"), dict):
                tag["A"]["Scope"] = PDF_SCOPES.get(box.element.get("scope", "").strip().lower(), "/Column")
