"""A mistake in terminology.yml stops the build with the line to fix, never a traceback."""

from __future__ import annotations

import pytest
from conftest import FixtureSite

BAD_FILES = {
    "YAML syntax": (
        "accepted_words:\n  - keloid\nterms:\n  - term: dermis\n    avoid: [the derma\n",
        "terminology.yml:6:1: The YAML is not valid",
        "Check the indentation and the quotes around values on this line.",
    ),
    "unknown key": (
        "accepted_words:\n  - keloid\nterms:\n  - term: dermis\n    definiton: The deeper layer of the skin.\n",
        "terminology.yml:5:5: `definiton` is not a key this file knows",
        "Use one of: term, definition, avoid, or a language code (es).",
    ),
    "rule without a preferred term": (
        "terms:\n  - term: dermis\n  - definition: The top layer of the skin.\n    avoid:\n      - phrase: the epiderm\n",
        "terminology.yml:3:5: This rule has no preferred term",
        "Add `term: <the word the clinic prefers>` to it.",
    ),
    "bad level": (
        "terms:\n  - term: dermis\n    avoid:\n      - phrase: the derma\n        level: critical\n",
        "terminology.yml:5:9: `critical` is not a level",
        "Use one of: error, warning, suggestion.",
    ),
    "term written twice": (
        "terms:\n  - term: erythema\n    definition: Redness of the skin.\n  - term: Erythema\n    definition: Skin redness.\n",
        "terminology.yml:4:5: `Erythema` is already a term at line 2",
        "Merge the two entries into one",
    ),
    "avoiding the term itself": (
        "terms:\n  - term: erythema\n    avoid:\n      - phrase: Erythema\n",
        'terminology.yml:4:9: The wording to avoid, "Erythema", is what the rule says to write',
        "Write here the wording patients should not see, or remove this entry.",
    ),
}


@pytest.mark.parametrize("mistake", BAD_FILES)
def test_a_bad_terminology_file_stops_the_build_at_the_line_to_fix(fixture_site: FixtureSite, mistake: str) -> None:
    text, where_and_what, advice = BAD_FILES[mistake]
    fixture_site.write("terminology.yml", text)
    build = fixture_site.build("--no-strict")  # even a lenient build must not publish with broken rules
    assert build.returncode != 0
    assert where_and_what in build.output, build.output
    assert advice in build.output
    assert "Traceback" not in build.output
    assert not (fixture_site.root / "site" / "index.html").exists()


def test_a_missing_terminology_file_stops_the_build_with_what_to_do(fixture_site: FixtureSite) -> None:
    (fixture_site.root / "terminology.yml").unlink()
    build = fixture_site.build()
    assert build.returncode != 0
    assert "terminology.yml:1:1: This file is missing. Restore it from the repository." in build.output
    assert "Traceback" not in build.output
