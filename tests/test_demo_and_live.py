"""A demonstration says so; a clinic's live site publishes nothing borrowed from the example.

Every test builds a small fixture site (or reads the kit's own site) with the
project's real hooks; the example values come from kit/data/shipped_examples.yml,
the file the checks read, never from this test.
"""

from __future__ import annotations

import json
import re

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import DEMO, OTHER_REVIEWER, ROOT, Build, FixtureSite, new_fixture_site
from textutil import normalize

from kit.data.patient_text import strings

EXAMPLES = yaml.safe_load((ROOT / "kit" / "data" / "shipped_examples.yml").read_text(encoding="utf-8"))
PRICES_PAGE = """\
---
title: Prices
description: What treatments cost at the clinic.
health_page: false
---

# Prices

A course of three treatments costs less than three single ones.
"""


def soup(build: Build, url: str = "") -> BeautifulSoup:
    return BeautifulSoup(build.page(url), "html.parser")


def json_ld(page: BeautifulSoup) -> dict:
    return json.loads(page.select_one('script[type="application/ld+json"]').string)


def position(site: FixtureSite, file: str, key: str, item: int | None = None) -> str:
    """`line:col` of a setting in a YAML file of the site (or of one item of its list)."""
    node = yaml.compose((site.root / file).read_text(encoding="utf-8"))
    key_node, value = next((k, v) for k, v in node.value if k.value == key)
    mark = key_node.start_mark if item is None else value.value[item].start_mark
    return f"{mark.line + 1}:{mark.column + 1}"


def with_theme(site: FixtureSite) -> FixtureSite:
    """The fixture site with the kit's theme overrides: the demonstration notice, the structured data."""
    config = site.root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("  name: material\n", f"  name: material\n  custom_dir: {ROOT / 'overrides'}\n")
    )
    return site


@pytest.fixture
def themed_site(fixture_site: FixtureSite) -> FixtureSite:
    return with_theme(fixture_site)


@pytest.fixture(scope="module")
def live_site_with_prices(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """A themed fixture site gone live, plus a prices page without health information, built once (tests only read it)."""
    site = with_theme(new_fixture_site(tmp_path_factory.mktemp("live-with-prices")))
    site.go_live()
    site.write("docs/prices.md", PRICES_PAGE)  # no review dates, no Key points box
    return site.build("--strict")


# ---- demo mode --------------------------------------------------------------------------------


def test_a_demonstration_says_so_on_every_page_and_claims_no_review(themed_site: FixtureSite) -> None:
    themed_site.set_clinic(mode="demo")
    themed_site.write("docs/prices.md", PRICES_PAGE)
    build = themed_site.build("--strict")
    assert build.returncode == 0, build.output
    for url in ("", "prices"):
        notice = soup(build, url).select_one("article .demo-notice")
        assert notice is not None and "demonstration" in notice.get_text().lower(), url
    page = soup(build)
    review = normalize(page.select_one("article .page-review").get_text(" "))
    assert "not yet reviewed by a clinician" in review and "demonstration" in review.lower()
    assert "Page last reviewed" not in page.get_text() and "Reviewed by" not in page.get_text()
    assert not {"lastReviewed", "reviewedBy"} & set(json_ld(page)), "a demonstration claims no review"


@pytest.mark.skipif(not DEMO, reason="the kit's own site is a demonstration only while clinic.yml says `mode: demo`")
def test_the_kits_own_site_says_demonstration_on_every_page_and_its_brochure_cover(real_site: Build) -> None:
    from pypdf import PdfReader

    pages = [path for path in real_site.site.rglob("index.html") if "print_page" not in path.parts]
    assert len(pages) > 1
    for path in pages:
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        notice = page.select_one("article .demo-notice")
        words = strings(page.html["lang"])["demo"]["notice_title"]  # in the page's own language (es/: Spanish)
        assert notice is not None and words in notice.get_text(), path
    for pdf in real_site.site.glob("*brochure*.pdf"):
        assert "demonstration" in PdfReader(pdf).pages[0].extract_text().lower(), f"{pdf.name}: no demonstration notice on the cover"


# ---- live mode: what is refused -----------------------------------------------------------------


def test_a_live_site_refuses_every_example_value_at_its_line(fixture_site: FixtureSite) -> None:
    fixture_site.set_clinic(mode="live", **EXAMPLES["clinic"])  # everything else still the kit's example
    config = fixture_site.root / "mkdocs.yml"
    config.write_text(re.sub(r"^site_url:.*$", f"site_url: {EXAMPLES['site_url']}", config.read_text(encoding="utf-8"), flags=re.M))
    build = fixture_site.build("--strict")
    assert build.returncode != 0 and "Traceback" not in build.output
    for key in ("name", "phone", "email", "website", "booking_url"):
        expected = f"clinic.yml:{position(fixture_site, 'clinic.yml', key)}: `{key}` is still the kit's example"
        assert expected in build.output, (expected, build.output)
    for index, _ in enumerate(EXAMPLES["clinic"]["address"]):
        assert f"clinic.yml:{position(fixture_site, 'clinic.yml', 'address', index)}: `address` is still the kit's example" in build.output
    assert f"mkdocs.yml:{position(fixture_site, 'mkdocs.yml', 'site_url')}: `site_url: " in build.output, build.output
    assert "docs/index.md:1:1: This health page names no `reviewer`, and the site is live" in build.output, build.output
    assert "keep `mode: demo` in clinic.yml while the site is not yet your clinic's own" in build.output


# Values a clinic might type that are still examples: each is refused at its own line.
RESERVED = {
    "email": ("info@skin.example", "`email` uses skin.example, an address reserved for examples"),
    "website": ("https://www.example.org/", "`website` uses www.example.org, an address reserved for examples"),
    "booking_url": ("https://book.example-clinic.co.uk/", "`booking_url` uses book.example-clinic.co.uk, an address reserved"),
    "phone": ("+1 (212) 555-0142", "`phone: +1 (212) 555-0142` is in the 555-01xx range reserved for fiction"),
}


def test_a_live_site_refuses_reserved_example_domains_and_fictional_numbers(fixture_site: FixtureSite) -> None:
    fixture_site.go_live()
    fixture_site.set_clinic(**{key: value for key, (value, _) in RESERVED.items()})
    build = fixture_site.build("--strict")
    assert build.returncode != 0
    for key, (_, problem) in RESERVED.items():
        assert f"clinic.yml:{position(fixture_site, 'clinic.yml', key)}: {problem}" in build.output, build.output


def test_a_live_site_on_the_example_address_is_refused(fixture_site: FixtureSite) -> None:
    fixture_site.go_live()
    config = fixture_site.root / "mkdocs.yml"
    config.write_text(re.sub(r"^site_url:.*$", f"site_url: {EXAMPLES['site_url']}", config.read_text(encoding="utf-8"), flags=re.M))
    build = fixture_site.build("--strict")
    assert build.returncode != 0
    assert (
        f"mkdocs.yml:{position(fixture_site, 'mkdocs.yml', 'site_url')}: `site_url: {EXAMPLES['site_url']}` is the kit's example address"
        in (build.output)
    ), build.output


def test_a_live_health_page_without_a_review_date_or_a_named_reviewer_is_refused_naming_the_way_out(fixture_site: FixtureSite) -> None:
    fixture_site.go_live()
    fixture_site.write("docs/new.md", "---\ntitle: New treatment\n---\n\n# New treatment\n\nSome health advice.\n")
    build = fixture_site.build("--strict")
    assert build.returncode != 0
    assert "docs/new.md:1:1: This health page has no review data (`reviewed` and `next_review` missing)" in build.output, build.output
    assert "docs/new.md:1:1: This health page names no `reviewer`, and the site is live" in build.output
    assert "or `health_page: false` if the page gives no health information" in build.output


# ---- live mode: a clinic's own site ------------------------------------------------------------


def test_a_live_site_with_its_own_details_publishes_its_reviews_and_no_demonstration_notice(live_site_with_prices: Build) -> None:
    build = live_site_with_prices
    assert build.returncode == 0, build.output
    page = soup(build)
    assert "demonstration" not in page.get_text().lower()
    assert normalize(page.select_one("article .page-review").get_text(" ")).endswith(f"Reviewed by: {OTHER_REVIEWER}")
    data = json_ld(page)
    assert data["@type"] == "MedicalWebPage" and data["reviewedBy"]["@type"] == "Person" and data["lastReviewed"]


def test_a_page_without_health_information_has_no_review_line_no_disclaimer_and_is_a_plain_web_page(live_site_with_prices: Build) -> None:
    build = live_site_with_prices
    assert build.returncode == 0, build.output
    page = soup(build, "prices")
    assert page.select_one(".page-review") is None and page.select_one(".clinic-disclaimer") is None
    assert json_ld(page)["@type"] == "WebPage"
    assert not {"lastReviewed", "reviewedBy", "medicalAudience"} & set(json_ld(page))
    assert soup(build).select_one(".clinic-disclaimer") is not None, "health pages keep their disclaimer"
