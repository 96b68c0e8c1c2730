"""Patients see who checked a page and when; the build keeps the dates honest."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import DEMO, DOCS, HEALTH_PAGES, WITHOUT_PDFS, Build, FixturePage, FixtureSite, front_matter, new_fixture_site, url_of
from textutil import normalize


def long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def build_after_editing(site: FixtureSite, old: str, new: str, *args: str) -> Build:
    """Build the fixture site after an editor's change to its page."""
    page = site.root / "docs" / "index.md"
    text = page.read_text(encoding="utf-8")
    assert old in text
    page.write_text(text.replace(old, new, 1), encoding="utf-8")
    return site.build(*args)


@pytest.mark.parametrize("source", HEALTH_PAGES)
def test_each_health_page_ends_with_its_review_from_its_front_matter_or_says_it_is_a_demonstration(real_site: Build, source: str) -> None:
    meta = front_matter(DOCS / source)
    review = BeautifulSoup(real_site.page(url_of(source)), "html.parser").select_one("article .page-review")
    assert review is not None
    text = normalize(review.get_text(" "))
    if DEMO:  # the example pages claim no review, whatever their front matter says
        assert "not yet reviewed by a clinician" in text and not review.select("time"), text
        return
    assert f"Page last reviewed: {long_date(meta['reviewed'])} · Next review due: {long_date(meta['next_review'])}" in text
    assert [t["datetime"] for t in review.select("time")] == [meta["reviewed"].isoformat(), meta["next_review"].isoformat()]
    assert text.endswith(f"Reviewed by: {meta['reviewer']}")


def test_the_print_page_for_the_brochure_carries_review_dates_contact_and_disclaimer(real_site: Build) -> None:
    soup = BeautifulSoup((real_site.site / "print_page" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert len(soup.select(".page-review")) == len(HEALTH_PAGES)
    assert len(soup.select(".clinic-contact")) == sum(front_matter(DOCS / source).get("contact") is True for source in HEALTH_PAGES)
    assert len(soup.select(".clinic-disclaimer")) >= len(HEALTH_PAGES)


def test_a_live_sites_named_reviewer_appears_on_the_page_and_in_its_structured_data(tmp_path: Path) -> None:
    pages = [FixturePage("index.md", "Welcome"), FixturePage("aftercare.md", "Aftercare")]
    site = new_fixture_site(tmp_path, pages=pages, theme_overrides=True)  # the structured data is the theme's
    site.go_live(reviewer="Dr Ada Lovell, Consultant dermatologist")
    build = site.build("--strict", env=WITHOUT_PDFS)
    assert build.returncode == 0, build.output
    soup = BeautifulSoup(build.page("aftercare/"), "html.parser")
    assert "Reviewed by: Dr Ada Lovell, Consultant dermatologist" in normalize(soup.select_one(".page-review").get_text(" "))
    reviewer = json.loads(soup.select_one('script[type="application/ld+json"]').string)["reviewedBy"]
    assert reviewer["@type"] == "Person"
    assert (reviewer["name"], reviewer["jobTitle"]) == ("Dr Ada Lovell", "Consultant dermatologist")


def test_an_overdue_review_warns_and_stops_the_strict_build(fixture_site: FixtureSite) -> None:
    build = fixture_site.build("--strict", env={"CLINIC_KIT_TODAY": "2027-11-02"})
    assert build.returncode != 0
    assert (
        "docs/index.md:3:14: This page was due for review on 2027-11-01, and it is now 2027-11-02. "
        "Have a clinician check the page, then update `reviewed` and `next_review`." in build.output
    ), build.output


def test_a_review_due_today_is_not_yet_overdue(fixture_site: FixtureSite) -> None:
    build = fixture_site.build("--strict", env={"CLINIC_KIT_TODAY": "2027-11-01"})
    assert build.returncode == 0, build.output


def test_a_page_without_review_data_warns_and_stops_the_strict_build(fixture_site: FixtureSite) -> None:
    page = fixture_site.root / "docs" / "index.md"
    page.write_text(re.sub(r"^---\n.*?---\n", "", page.read_text(encoding="utf-8"), flags=re.S), encoding="utf-8")
    build = fixture_site.build("--strict")
    assert build.returncode != 0
    assert "docs/index.md:1:1: This health page has no review data (`reviewed` and `next_review` missing)" in build.output, build.output


def test_a_page_missing_only_its_next_review_is_told_which_field_to_add(fixture_site: FixtureSite) -> None:
    build = build_after_editing(fixture_site, "next_review: 2027-11-01\n", "", "--strict")
    assert build.returncode != 0
    assert "docs/index.md:1:1: This health page has no review data (`next_review` missing)" in build.output, build.output


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "reviewed: 2026-13-01",
            "docs/index.md:2:11: `reviewed: 2026-13-01` is not a date. Write it as YYYY-MM-DD, for example `reviewed: 2026-11-24`.",
        ),
        (
            "reviewed: 01/11/2026",
            "docs/index.md:2:11: `reviewed: 01/11/2026` is not a date. Write it as YYYY-MM-DD, for example `reviewed: 2026-11-24`.",
        ),
        ("reviewed: 2026-11-1", "docs/index.md:2:11: `reviewed: 2026-11-1` is not a date."),
    ],
)
def test_a_malformed_review_date_stops_the_build_naming_page_line_and_field(fixture_site: FixtureSite, line: str, expected: str) -> None:
    build = build_after_editing(fixture_site, "reviewed: 2026-11-01", line)  # not even a lenient build publishes a wrong date
    assert build.returncode != 0
    assert expected in build.output, build.output
    assert "Traceback" not in build.output


def test_front_matter_mkdocs_would_silently_ignore_stops_the_build_with_its_line(fixture_site: FixtureSite) -> None:
    build = build_after_editing(fixture_site, "next_review: 2027-11-01", "next_review: 2027-11-01\ntitle: Aftercare: the basics")
    assert build.returncode != 0
    assert "docs/index.md:4:17: The page's front matter (the lines between the two `---`) is not valid YAML" in build.output, build.output
    assert "put quotes around values that contain a colon" in build.output


def test_a_next_review_before_the_review_date_stops_the_build(fixture_site: FixtureSite) -> None:
    build = build_after_editing(fixture_site, "next_review: 2027-11-01", "next_review: 2025-11-01")
    assert build.returncode != 0
    assert "docs/index.md:3:14: `next_review` (2025-11-01) is not after `reviewed` (2026-11-01)" in build.output, build.output


def with_review_settings(site: FixtureSite, settings: str) -> FixtureSite:
    config = site.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "extra:\n  review:\n" + settings, encoding="utf-8")
    return site


def test_a_page_due_for_review_within_the_notice_period_is_listed_and_still_publishes(fixture_site: FixtureSite) -> None:
    build = fixture_site.build("--strict", env={"CLINIC_KIT_TODAY": "2027-09-15"})  # 47 days before next_review
    assert build.returncode == 0, build.output
    assert "docs/index.md:3:14: This page is due for review on 2027-11-01, in 47 days" in build.output, build.output


def test_the_notice_period_is_the_clinics_choice_in_mkdocs_yml(fixture_site: FixtureSite) -> None:
    build = with_review_settings(fixture_site, "    notice_days: 30\n").build("--strict", env={"CLINIC_KIT_TODAY": "2027-09-15"})
    assert build.returncode == 0, build.output
    assert "due for review" not in build.output


def test_an_overdue_page_with_overdue_flag_publishes_tells_patients_and_is_listed(fixture_site: FixtureSite) -> None:
    fixture_site.go_live()
    build = with_review_settings(fixture_site, "    overdue: flag\n").build("--strict", env={"CLINIC_KIT_TODAY": "2027-11-02"})
    assert build.returncode == 0, build.output
    assert "docs/index.md:3:14: This page was due for review on 2027-11-01, and it is now 2027-11-02" in build.output, build.output
    overdue = BeautifulSoup(build.page(""), "html.parser").select_one("article .page-review-overdue")
    assert overdue is not None and "overdue for review" in normalize(overdue.get_text(" ")) and "1 November 2027" in overdue.get_text()


def test_an_overdue_page_with_overdue_block_stops_the_build(fixture_site: FixtureSite) -> None:
    build = with_review_settings(fixture_site, "    overdue: block\n").build("--strict", env={"CLINIC_KIT_TODAY": "2027-11-02"})
    assert build.returncode != 0
    assert "docs/index.md:3:14: This page was due for review on 2027-11-01, and it is now 2027-11-02" in build.output, build.output
