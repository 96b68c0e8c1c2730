"""Patients search in their own words: `patient_words` in terminology.yml puts them in the search index.

Fixture sites (a page with a "Staying out of the sun" section) and real builds;
the real site's words are searched in Chromium in tests/test_browser.py.
"""

from __future__ import annotations

import json

from conftest import FIXTURE_PAGE, FixtureSite

SUN_PAGE = (
    FIXTURE_PAGE
    + """
## Staying out of the sun

Keep out of direct sunlight for a week.

## Washing

Wash with lukewarm water.
"""
)


def with_patient_words(fixture_site: FixtureSite, entries: str) -> str:
    """The fixture's terminology.yml with a `patient_words:` list appended; returns the file's text."""
    text = (fixture_site.root / "terminology.yml").read_text(encoding="utf-8") + "patient_words:\n" + entries
    fixture_site.write("terminology.yml", text)
    return text


def line_and_column_of(text: str, needle: str) -> tuple[int, int]:
    before = text[: text.index(needle)]
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


def search_index(fixture_site: FixtureSite) -> dict:
    return json.loads((fixture_site.root / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))


def test_a_patients_word_is_indexed_for_the_section_that_answers_it(fixture_site: FixtureSite) -> None:
    fixture_site.write("docs/index.md", SUN_PAGE)
    with_patient_words(fixture_site, "  - words: [sunscreen, sun cream]\n    page: index.md#staying-out-of-the-sun\n")
    build = fixture_site.build("--strict")
    assert build.returncode == 0, build.output

    index = search_index(fixture_site)
    assert "patient_words" in index["config"]["fields"], index["config"]
    by_location = {doc["location"]: doc for doc in index["docs"]}
    assert by_location["#staying-out-of-the-sun"]["patient_words"] == ["sunscreen", "sun cream"]
    assert by_location["#staying-out-of-the-sun"]["title"] == "Staying out of the sun"
    assert [doc["location"] for doc in index["docs"] if "patient_words" in doc] == ["#staying-out-of-the-sun"]
    # The words are not added to the text patients read in the results.
    assert "sunscreen" not in json.dumps([doc["text"] for doc in index["docs"]])


def test_a_patients_word_for_a_page_that_does_not_exist_stops_the_build_at_its_line(fixture_site: FixtureSite) -> None:
    text = with_patient_words(fixture_site, "  - words: [price, cost]\n    page: prices.md\n")
    build = fixture_site.build("--strict")
    assert build.returncode != 0
    line, column = line_and_column_of(text, "page: prices.md")
    assert f'terminology.yml:{line}:{column}: `patient_words` names "prices.md", which is not a page of this site' in build.output
    assert "Use one of: " in build.output and "index.md" in build.output.split("Use one of: ")[-1]
    assert "Traceback" not in build.output


def test_a_patients_word_for_a_heading_the_page_lacks_stops_the_build_at_its_line(fixture_site: FixtureSite) -> None:
    fixture_site.write("docs/index.md", SUN_PAGE)
    text = with_patient_words(fixture_site, "  - words: [sunscreen]\n    page: index.md#sun-protection\n")
    build = fixture_site.build("--strict")
    assert build.returncode != 0
    line, column = line_and_column_of(text, "page: index.md#sun-protection")
    assert f'terminology.yml:{line}:{column}: `patient_words` names "index.md#sun-protection", but index.md has no heading' in build.output
    assert "index.md#staying-out-of-the-sun" in build.output, "the message lists the headings to choose from"
    assert "Traceback" not in build.output


def test_the_wording_check_accepts_the_clinics_patient_words_on_pages(fixture_site: FixtureSite) -> None:
    fixture_site.write("docs/index.md", SUN_PAGE + "\nSome patients call the device a dermastamp.\n")
    unmapped = fixture_site.build("--strict")
    assert '"dermastamp" is not in the US English dictionary' in unmapped.output, unmapped.output

    with_patient_words(fixture_site, "  - words: [dermastamp, derma stamp]\n    page: index.md\n")
    mapped = fixture_site.build("--strict")
    assert mapped.returncode == 0, mapped.output
    assert '"dermastamp"' not in mapped.output
