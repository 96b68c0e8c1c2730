"""A table on a page prints as an accessible table: each header cell says whether it heads a column or a row.

A clinic's prices page is a Markdown table. In the PDFs its header cells must
carry their scope (PDF/UA-1 7.5), or a screen reader cannot tell which price
belongs to which treatment, and the PDF/UA checker (PyPI `pdfua`, rule
UA-15-003) rejects the brochure. The fixture site is written here from
scratch (its own mkdocs.yml, clinic.yml, terminology.yml and pages); one
build makes the brochure and the handout the tests open.
"""

from __future__ import annotations

import shutil

import pikepdf
import pytest
from conftest import FIXTURE_CONFIG, PRINT_SITE_PLUGIN, ROOT, Build, FixtureSite
from pdfcheck import structure_elements
from pdfua.validator import validate

CLINIC = """\
mode: demo
name: Tidewater Skin Rooms
logo: assets/mark.svg
email: desk@tidewater-skin.example
address:
  - 8 Quay Street
  - Portside PT4 9QS
"""
TERMINOLOGY = """\
accepted_words: [microneedling]
"""
MARK = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"/></svg>\n'
PRICES = """\
---
reviewed: 2026-11-01
next_review: 2027-11-01
description: What each treatment costs at the clinic.
---

# Prices

!!! abstract "Key points"

    - Each session is priced on its own.
    - A course of three costs less.
    - The consultation is free.

| Treatment | One session | Course of three |
| --- | --- | --- |
| Face | $250 | $650 |
| Face and neck | $320 | $850 |

The prices include numbing cream and aftercare advice.

<table>
<tr><th scope="col">Area</th><th scope="col">Minutes</th></tr>
<tr><th>Face</th><td>45</td></tr>
<tr><th>Neck</th><td>20</td></tr>
</table>
"""
AFTERCARE = """\
---
reviewed: 2026-11-01
next_review: 2027-11-01
description: How to care for the skin after a session.
---

# Aftercare

!!! abstract "Key points"

    - Keep the skin clean.
    - Use a gentle moisturizer.
    - Wear sunscreen every day.

| Day | What to do |
| --- | --- |
| 1 | Rinse with cool water |
| 2 | Start a gentle moisturizer |
"""
CONFIG = (
    FIXTURE_CONFIG
    + """\
nav:
  - Prices: index.md
  - Aftercare: aftercare.md
extra:
  brochure:
    paper: [a4]
    handout: aftercare.md
  # The prices page's HTML table, reviewed as a clinic must (kit/pages/rawhtml.py refuses unreviewed HTML).
  html_exceptions:
    - page: index.md
      tag: table
      reviewed_by: Dr Ada Lovell, 2026-11-20
    - page: index.md
      tag: tr
      reviewed_by: Dr Ada Lovell, 2026-11-20
    - page: index.md
      tag: th
      reviewed_by: Dr Ada Lovell, 2026-11-20
    - page: index.md
      tag: td
      reviewed_by: Dr Ada Lovell, 2026-11-20
"""
    + PRINT_SITE_PLUGIN
)
# The PDFs are named after mkdocs.yml's site_name ("Fixture clinic site").
BROCHURE = "fixture-clinic-site-brochure-a4.pdf"
HANDOUT = "fixture-clinic-site-aftercare-handout-a4.pdf"


@pytest.fixture(scope="module")
def tables_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    site = FixtureSite(tmp_path_factory.mktemp("pdf-tables"))
    site.write("mkdocs.yml", CONFIG.format(hooks=ROOT / "hooks.py"))
    site.write("clinic.yml", CLINIC)
    site.write("terminology.yml", TERMINOLOGY)
    site.write("docs/assets/mark.svg", MARK)
    site.write("docs/index.md", PRICES)
    site.write("docs/aftercare.md", AFTERCARE)
    shutil.copytree(ROOT / "brochure", site.root / "brochure")
    build = site.build("--strict")
    assert build.returncode == 0, build.output
    return build


def header_scopes(path) -> list[str]:
    """The /Scope of each TH tag of a PDF, in tag order ("" for a TH without one)."""
    with pikepdf.open(path) as pdf:
        scopes = []
        for element in structure_elements(pdf):
            if element.get("/S") == "/TH":
                attributes = element.get("/A")
                scopes.append(str(attributes.get("/Scope", "")) if isinstance(attributes, pikepdf.Dictionary) else "")
        return scopes


@pytest.mark.parametrize("pdf_name", [BROCHURE, HANDOUT])
def test_a_pdf_with_a_table_passes_the_pdfua_checker(tables_site: Build, pdf_name: str) -> None:
    report = validate(str(tables_site.site / pdf_name))
    table_rule = [outcome for outcome in report.outcomes if outcome.rule_id == "UA-15-003"]
    assert table_rule and not table_rule[0].skipped_reason, "the table rule ran"
    findings = [f"{outcome.rule_id}: {finding}" for outcome in report.outcomes for finding in outcome.findings]
    assert not findings, "\n".join(findings)


def test_a_markdown_tables_header_cells_head_their_columns_in_the_brochure(tables_site: Build) -> None:
    scopes = header_scopes(tables_site.site / BROCHURE)
    # Prices: 3 column headers; the HTML table: 2 column headers and 2 row labels; aftercare: 2 column headers.
    assert len(scopes) == 9, scopes
    assert scopes.count("/Column") == 7 and scopes.count("/Row") == 2, scopes


def test_a_row_label_written_in_html_heads_its_row_and_its_cells_name_it(tables_site: Build) -> None:
    """`<th>Face</th><td>45</td>`: "Face" heads its row, and the 45 minutes cell lists it among its headers."""
    with pikepdf.open(tables_site.site / BROCHURE) as pdf:
        elements = list(structure_elements(pdf))
        ids = {bytes(element.ID): element for element in elements if element.get("/S") == "/TH" and "/ID" in element}
        row_labels = {key for key, element in ids.items() if str(element.A.get("/Scope")) == "/Row"}
        assert len(row_labels) == 2
        data_cells = [element for element in elements if element.get("/S") == "/TD"]
        named = [{bytes(key) for key in element.A.Headers} for element in data_cells if "/Headers" in element.A]
        assert sum(1 for headers in named if headers & row_labels) == 2, "each minutes cell names its row's label"


def test_the_handouts_table_head_is_scoped_too(tables_site: Build) -> None:
    assert header_scopes(tables_site.site / HANDOUT) == ["/Column", "/Column"]


def test_a_scope_written_in_the_pages_html_is_kept_and_the_site_html_is_unchanged(tables_site: Build) -> None:
    html = tables_site.page("")
    assert '<th scope="col">Area</th>' in html
    assert "<th>Face</th>" in html, "the web page keeps the editor's HTML; only the printed copy gains scopes"
