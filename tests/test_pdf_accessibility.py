"""Every PDF a patient may be given is accessible (PDF/UA-1), and no link in it goes nowhere.

Two checkers, on the PDFs the real `mkdocs build` wrote:

- the `pdfua` package (PyPI), which implements 16 of the 106 machine-checkable
  PDF/UA-1 rules: structure tree, Marked, content tagged or artifact, language,
  Figure alternative text, table structure, link and annotation descriptions,
  headings not empty, title and DisplayDocTitle, the PDF/UA identifier in XMP;
- the tests below, with pikepdf, for what it leaves out: images either artifacts
  or described figures, every Link tag with its annotation, every internal link
  landing on a page, the tag tree in reading order, headings with text (its own
  heading rule crashes on WeasyPrint's files), bookmarks per chapter.

The booklet is for printing and says so honestly: see test_booklet.py.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from pathlib import Path

import pikepdf
import pytest
from bs4 import BeautifulSoup
from conftest import BROCHURE_TITLE, SETTINGS, Build, url_of
from pdfcheck import link_annotations, named_destinations, page_numbers, structure_elements
from pdfua.validator import validate

BROCHURE = SETTINGS["extra"]["brochure"]
PAPERS = BROCHURE["paper"]
STEM = re.sub(r"[^a-z0-9]+", "-", SETTINGS["site_name"].lower()).strip("-")
TAGGED = [f"{STEM}-brochure-{paper}.pdf" for paper in PAPERS] + (
    [f"{STEM}-{Path(BROCHURE['handout']).stem}-handout-{paper}.pdf" for paper in PAPERS] if BROCHURE.get("handout") else []
)
BOOKLETS = [f"{STEM}-booklet-{paper}.pdf" for paper in PAPERS]
#: pdfua 0.1.3's empty-heading rule raises on WeasyPrint's heading tags (a /K array holding
#: an array); test_every_heading_tag_has_text below checks the same thing.
RULES_THAT_CRASH = {"UA-14-001"}


@cache
def pdfua_report(path: Path):
    return validate(str(path))


@pytest.fixture(params=TAGGED)
def tagged(request: pytest.FixtureRequest, real_site: Build) -> Path:
    return real_site.site / request.param


def test_every_pdf_passes_the_pdfua_rule_checker_with_no_finding(tagged: Path) -> None:
    report = pdfua_report(tagged)
    findings = [f"{outcome.rule_id}: {finding}" for outcome in report.outcomes for finding in outcome.findings]
    assert not findings, "\n".join(findings)
    skipped = {outcome.rule_id for outcome in report.outcomes if outcome.skipped_reason}
    assert skipped <= RULES_THAT_CRASH, {o.rule_id: o.skipped_reason for o in report.outcomes if o.skipped_reason}
    # The rules that did run are the ones this file's docstring lists.
    assert len({outcome.rule_id for outcome in report.outcomes} - skipped) >= 11


def test_every_pdf_declares_pdf_ua_1_its_title_and_the_site_language(tagged: Path) -> None:
    with pikepdf.open(tagged) as pdf:
        metadata = pdf.open_metadata()
        assert metadata.get("pdfuaid:part") == "1"
        # The brochure is titled as print-site's `print_page_title`; a handout names the site and its page.
        expected = SETTINGS["site_name"] if tagged.name in TAGGED[len(PAPERS) :] else BROCHURE_TITLE
        assert metadata.get("dc:title") and expected in str(pdf.docinfo["/Title"])
        assert bool(pdf.Root.ViewerPreferences.DisplayDocTitle)
        assert str(pdf.Root.Lang) == SETTINGS["theme"].get("language", "en")
        assert bool(pdf.Root.MarkInfo.Marked)


def test_every_image_is_either_a_described_figure_or_a_decorative_artifact(tagged: Path) -> None:
    """The logo is decoration (an artifact a screen reader skips); the QR code is a Figure that says where it leads."""
    with pikepdf.open(tagged) as pdf:
        figures = {}
        for element in structure_elements(pdf):
            if element.S == "/Figure":
                kids = element.K if isinstance(element.K, pikepdf.Array) else [element.K]
                for mcid in (int(kid) for kid in kids if isinstance(kid, int)):
                    figures[(element.Pg.objgen, mcid)] = str(element.get("/Alt", ""))
        undescribed = []
        for number, page in enumerate(pdf.pages, start=1):
            marks: list[tuple[str, int | None]] = []
            for operands, operator in pikepdf.parse_content_stream(page):
                if str(operator) in ("BMC", "BDC"):
                    mcid = int(operands[1].MCID) if str(operator) == "BDC" and "/MCID" in operands[1] else None
                    marks.append((str(operands[0]), mcid))
                elif str(operator) == "EMC" and marks:
                    marks.pop()
                elif str(operator) == "Do":
                    if any(tag == "/Artifact" for tag, _ in marks):
                        continue
                    mcid = next((m for _, m in reversed(marks) if m is not None), None)
                    alt = figures.get((page.obj.objgen, mcid)) if mcid is not None else None
                    if not alt:
                        undescribed.append(f"page {number}: {operands[0]} in {marks}")
    assert not undescribed, undescribed


def printed_links_expected(pdf: Path, site: Path) -> bool:
    """The brochure links its contents to its chapters; a handout has links when its page links outside the site."""
    if pdf.name not in TAGGED[len(PAPERS) :]:
        return True
    article = BeautifulSoup((site / url_of(BROCHURE["handout"]) / "index.html").read_text(encoding="utf-8"), "html.parser").article
    # Links to other pages of the site become plain text in a handout; web, mail and phone links stay.
    return article is not None and bool(article.select('a[href^="https:"], a[href^="http:"], a[href^="mailto:"], a[href^="tel:"]'))


def test_every_link_tag_has_its_annotation_and_every_annotation_its_tag(tagged: Path, real_site: Build) -> None:
    with pikepdf.open(tagged) as pdf:
        tagged_annotations = set()
        for element in structure_elements(pdf):
            if element.S == "/Link":
                kids = element.K if isinstance(element.K, pikepdf.Array) else [element.K]
                objects = [kid.Obj.objgen for kid in kids if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/OBJR"]
                assert objects, f"a Link tag with no annotation: {element.get('/Alt') or element.objgen}"
                tagged_annotations.update(objects)
        annotations = {annotation.objgen for _, annotation in link_annotations(pdf)}
    assert annotations or not printed_links_expected(tagged, real_site.site), "no links at all"
    assert annotations == tagged_annotations


def test_every_link_annotation_leads_somewhere(tagged: Path) -> None:
    """Inside the PDF, to a destination on one of its pages; outside, to a web, mail or phone address."""
    with pikepdf.open(tagged) as pdf:
        destinations = named_destinations(pdf)
        pages = page_numbers(pdf)
        dead = []
        for number, annotation in link_annotations(pdf):
            if "/Dest" in annotation:
                target = destinations.get(str(annotation.Dest))
                if target is None or target[0].objgen not in pages:
                    dead.append(f"page {number}: #{annotation.Dest}")
            elif "/A" in annotation and annotation.A.get("/S") == "/URI":
                if not re.match(r"(https?://\S+\.\S+|mailto:\S+@\S+|tel:\+?\d+)$", str(annotation.A.URI)):
                    dead.append(f"page {number}: {annotation.A.URI}")
            else:
                dead.append(f"page {number}: a link with no destination")
    assert not dead, dead


def test_the_tag_tree_reads_in_page_order(tagged: Path) -> None:
    """A screen reader follows the tags: their pages must come in order, never back to an earlier page."""
    with pikepdf.open(tagged) as pdf:
        pages = page_numbers(pdf)
        order = [pages[element.Pg.objgen] for element in structure_elements(pdf) if "/Pg" in element]
    backwards = [(before, after) for before, after in zip(order, order[1:], strict=False) if after < before]
    assert order and not backwards, backwards[:5]


def test_every_heading_tag_has_text(tagged: Path) -> None:
    def marks_content(node: pikepdf.Object) -> bool:
        kids = node.get("/K") if isinstance(node, pikepdf.Dictionary) else None
        if kids is None:
            return False
        kids = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
        return any(isinstance(kid, int) or marks_content(kid) for kid in kids)

    with pikepdf.open(tagged) as pdf:
        headings = [element for element in structure_elements(pdf) if re.fullmatch(r"/H[1-6]", str(element.S))]
        assert headings
        assert all(marks_content(heading) for heading in headings)


# ---- the print page the PDFs are made from ---------------------------------------------------


def test_the_print_page_has_no_duplicate_id_and_no_link_or_aria_reference_to_a_missing_one(real_site: Build) -> None:
    soup = BeautifulSoup((real_site.site / "print_page" / "index.html").read_text(encoding="utf-8"), "html.parser")
    ids = Counter(element["id"] for element in soup.select("[id]"))
    assert not [name for name, count in ids.items() if count > 1], ids.most_common(5)
    missing = sorted({a["href"] for a in soup.select('a[href^="#"]') if a["href"] != "#" and a["href"][1:] not in ids})
    assert not missing, missing
    for attribute in ("aria-describedby", "aria-labelledby"):
        dangling = [(e.name, ref) for e in soup.select(f"[{attribute}]") for ref in e[attribute].split() if ref not in ids]
        assert not dangling, (attribute, dangling[:5])
