"""Patients can read the key points and the aftercare steps; every page says it is not advice."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import textstat
from bs4 import BeautifulSoup
from conftest import HEALTH_PAGES, NAV_PAGES, Build, FixtureSite, url_of
from textutil import normalize

MAX_GRADE = 8  # NIH: patient material at US school grade 8 or below


def as_sentence(text: str) -> str:
    return text if text.endswith((".", "!", "?")) else text + "."


def key_points(html: str) -> list[str]:
    """The bullets of the Key points box that opens the page's article."""
    article = BeautifulSoup(html, "html.parser").select_one("article")
    title = article.find("h1")
    # The home page's design (overrides/home.html) puts the title in a hero and topic cards after it:
    # the first block the editor wrote follows them.
    first_block = (title.find_parent(class_="home-hero") or title).find_next_sibling(True)
    while first_block is not None and "home-topics" in first_block.get("class", []):
        first_block = first_block.find_next_sibling(True)
    assert "abstract" in first_block.get("class", []), f"the page opens with {first_block.name}.{first_block.get('class')}"
    assert normalize(first_block.select_one(".admonition-title").get_text()) == "Key points"
    return [normalize(item.get_text(" ")) for item in first_block.select("li")]


def fk_grade(text: str) -> float:
    return textstat.flesch_kincaid_grade(text)


@pytest.mark.parametrize("source", HEALTH_PAGES)
def test_each_page_opens_with_three_to_five_key_points_at_grade_8_or_below(real_site: Build, source: str) -> None:
    bullets = key_points(real_site.page(url_of(source)))
    assert 3 <= len(bullets) <= 5, bullets
    assert all(len(bullet.split()) <= 15 for bullet in bullets), bullets
    assert fk_grade(" ".join(as_sentence(b) for b in bullets)) <= MAX_GRADE


def test_each_checklist_step_is_a_short_instruction_at_grade_8_or_below(real_site: Build) -> None:
    steps = [
        normalize(item.get_text(" "))
        for source in NAV_PAGES
        for item in BeautifulSoup(real_site.page(url_of(source)), "html.parser").select(".admonition .task-list-item")
    ]
    if not steps:
        pytest.skip("no page of this site has a checklist")
    for step in steps:
        assert len(step.split()) <= 12, step
        assert fk_grade(as_sentence(step)) <= MAX_GRADE, step


def test_the_build_prints_each_pages_words_and_grades(real_site: Build) -> None:
    """Each language's build prints its own table; the first language's grades are Flesch-Kincaid, checked here."""
    rows = dict(re.findall(r"readability: (\S+\.md)\s+(\d+\s+[\d.]+\s+[\d.]+)\n", real_site.output))
    first_language = {source: row for source, row in rows.items() if len(Path(source).suffixes) == 1}
    assert set(first_language) == set(HEALTH_PAGES), real_site.output
    translated = set(rows) - set(first_language)
    assert {source.split(".", 1)[0] + ".md" for source in translated} <= set(HEALTH_PAGES), real_site.output
    assert "Reading grades (Flesch-Kincaid;" in real_site.output
    for source, row in first_language.items():
        words, key_grade, page_grade = row.split()
        assert int(words) > 0
        bullets = key_points(real_site.page(url_of(source)))
        assert float(key_grade) == pytest.approx(fk_grade(" ".join(as_sentence(b) for b in bullets)), abs=0.06)
        assert float(page_grade) > float(key_grade)


HARD_KEY_POINTS = """\
---
reviewed: 2026-11-01
next_review: 2027-11-01
description: A page whose Key points are hard to read.
---

# Welcome

!!! abstract "Key points"

    - Microneedling stimulates the production of collagen and elastin.
    - The treatment creates microscopic punctures in the dermatological layers.
    - Protecting the treated area from sunlight is essential.

The clinic's fixture page.
"""


def test_key_points_above_the_grade_limit_warn_and_stop_the_strict_build(fixture_site: FixtureSite) -> None:
    fixture_site.write("docs/index.md", HARD_KEY_POINTS)
    build = fixture_site.build("--strict")
    assert build.returncode != 0
    line = HARD_KEY_POINTS.splitlines().index('!!! abstract "Key points"') + 1
    assert re.search(rf"docs/index\.md:{line}:1: The Key points read at grade \d+\.\d, above the limit of 8\. ", build.output), build.output


def test_the_grade_limit_is_set_in_mkdocs_yml(fixture_site: FixtureSite) -> None:
    fixture_site.write("docs/index.md", HARD_KEY_POINTS)
    config = fixture_site.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "extra:\n  readability:\n    key_points_max_grade: 13\n", encoding="utf-8")
    build = fixture_site.build("--strict")
    assert build.returncode == 0, build.output
    assert "Key points and checklist steps must be 13 or below" in build.output


def test_a_page_without_key_points_warns(fixture_site: FixtureSite) -> None:
    front_matter = "---\ndescription: A page without Key points.\nreviewed: 2026-11-01\nnext_review: 2027-11-01\n---\n"
    fixture_site.write("docs/index.md", front_matter + "\n# Welcome\n\nNo summary here.\n")
    build = fixture_site.build("--strict")
    assert build.returncode != 0
    assert 'docs/index.md:1:1: This page has no "Key points" box' in build.output, build.output


def test_every_health_page_says_it_does_not_replace_the_patients_clinician(real_site: Build) -> None:
    pages = [real_site.site / (source.removesuffix(".md") if source != "index.md" else "") / "index.html" for source in HEALTH_PAGES]
    for html_file in [*pages, real_site.site / "glossary" / "index.html"]:
        disclaimer = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser").select_one("article .clinic-disclaimer")
        assert disclaimer is not None, html_file
        assert "does not replace advice from your own clinician" in normalize(disclaimer.get_text(" "))


def test_a_grade_limit_that_is_not_a_number_stops_the_build_at_its_line(fixture_site: FixtureSite) -> None:
    config = fixture_site.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "extra:\n  readability:\n    key_points_max_grade: eight\n", encoding="utf-8")
    build = fixture_site.build()
    assert build.returncode != 0
    line = config.read_text(encoding="utf-8").splitlines().index("    key_points_max_grade: eight") + 1
    column = "    key_points_max_grade: eight".index("key_points_max_grade") + 1
    expected = f"mkdocs.yml:{line}:{column}: `key_points_max_grade` must be a school grade from 1 to 20, not 'eight'"
    assert expected in build.output, build.output


def test_sub_bullets_under_a_key_point_are_not_counted_as_more_key_points(fixture_site: FixtureSite) -> None:
    page = """\
---
reviewed: 2026-11-01
next_review: 2027-11-01
description: A page whose Key points have sub-points.
---

# Welcome

!!! abstract "Key points"

    - Rest for a day.
    - Keep out of the sun. Use:
        - a hat,
        - shade,
        - sun cream.
    - Call us if it hurts.

The clinic's fixture page.
"""
    fixture_site.write("docs/index.md", page)
    build = fixture_site.build("--strict")
    assert build.returncode == 0, build.output
    assert "The Key points box has" not in build.output
    six = page.replace("    - Call us if it hurts.\n", "    - Call us if it hurts.\n    - Rest.\n    - Sleep.\n    - Eat well.\n")
    fixture_site.write("docs/index.md", six)
    assert "The Key points box has 6 bullets" in fixture_site.build().output
