"""The wording check as a clinic editor meets it: in the build, in commits, on the real pages.

Fast tests call the checker on text; a few real `mkdocs build`s prove the hook
reports the same findings with the file's positions and fails a strict build.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import DOCS, ROOT, SOURCE_TEXT, Build, FixtureSite

from kit.termcheck import Finding, WordingCheck
from kit.terminology import load_terminology

FINDING_LINE = re.compile(
    r"termcheck: (?P<path>\S+?):(?P<line>\d+):(?P<column>\d+): (?:\"(?P<word>[^\"]+)\" is (?:not|the|an)|Avoid \"(?P<phrase>[^\"]+)\")"
)


@pytest.fixture(scope="module")
def checker() -> WordingCheck:
    return WordingCheck(load_terminology(ROOT / "terminology.yml"))


def check(checker: WordingCheck, text: str) -> list[Finding]:
    return checker.check("docs/page.md", textwrap.dedent(text))


def flagged(findings: list[Finding]) -> list[tuple[str, int, int]]:
    """(word or phrase, line, column) of each finding, read back from its message."""
    result = []
    for finding in findings:
        match = FINDING_LINE.search("termcheck: " + finding.message)
        assert match, finding.message
        result.append((match["word"] or match["phrase"], int(match["line"]), int(match["column"])))
    return result


def position_of(text: str, needle: str) -> tuple[int, int]:
    """Where an editor's cursor would be on `needle`, counted independently of the checker."""
    offset = text.index(needle)
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


# -- Typos -------------------------------------------------------------------


def test_the_source_texts_typos_are_found_and_nothing_else(checker: WordingCheck) -> None:
    source = SOURCE_TEXT.read_text(encoding="utf-8")
    findings = checker.check("microneedling.txt", source)
    assert flagged(findings) == [
        ("adapouts", *position_of(source, "adapouts")),
        ("micronelean", *position_of(source, "micronelean")),
        ("the derma", *position_of(source, "the derma,")),
    ]


def test_a_typo_of_a_clinic_term_suggests_the_term_not_a_dictionary_word(checker: WordingCheck) -> None:
    (finding,) = check(checker, "Overall, micronelean shooting is versatile.\n")
    assert 'Did you mean "microneedling"?' in finding.message
    assert "Micronesian" not in finding.message


def test_a_common_typo_is_offered_the_nearest_common_word(checker: WordingCheck) -> None:
    (finding,) = check(checker, "An approach that adapouts to your needs.\n")
    assert 'Did you mean "adapts"?' in finding.message
    assert finding.level == "error"
    assert "accepted_words in terminology.yml" in finding.message


def test_a_typo_at_a_sentence_start_is_suggested_with_a_capital(checker: WordingCheck) -> None:
    (finding,) = check(checker, "Micronelean is popular.\n")
    assert 'Did you mean "Microneedling"?' in finding.message


def test_real_words_that_look_like_terms_are_not_flagged(checker: WordingCheck) -> None:
    assert check(checker, "Long-lasting results; infection is rare; elastin and lasting induction.\n") == []


def test_british_spellings_are_typos_on_a_us_english_site(checker: WordingCheck) -> None:
    assert [word for word, *_ in flagged(check(checker, "The colour of skin.\n"))] == ["colour"]


def test_words_are_read_the_way_an_editor_writes_them(checker: WordingCheck) -> None:
    text = (
        "Microneedling helps. The skin’s healing and the body's response; you’re fine, it's fine, don't worry.\n"
        "Eat foods rich in vitamins A, C, and E. Avoid UV rays for 2 weeks after a 12-week course on 3 March 2026.\n"
        "Use fragrance-free, non-comedogenic products pre-treatment and post-treatment; patients’ skin heals.\n"
        "MICRONEEDLING AND HYALURONIC ACID.\n"
    )
    assert check(checker, text) == []


def test_an_accepted_word_with_capitals_must_keep_them(checker: WordingCheck) -> None:
    assert [word for word, *_ in flagged(check(checker, "Avoid uv rays.\n"))] == ["uv"]


def test_a_hyphenated_compound_is_checked_part_by_part(checker: WordingCheck) -> None:
    text = "Use fragrance-freee products.\n"
    assert flagged(check(checker, text)) == [("freee", *position_of(text, "freee"))]


def test_a_number_in_a_compound_does_not_hide_a_typo_beside_it(checker: WordingCheck) -> None:
    text = "A 12-weeek course.\n"
    assert flagged(check(checker, text)) == [("weeek", *position_of(text, "weeek"))]


def test_a_page_can_accept_its_own_words_in_front_matter(checker: WordingCheck) -> None:
    text = "---\ntitle: Devices\naccepted_words: [Dermapen, dermaroller]\n---\n\nA Dermapen or a dermaroller.\n"
    assert check(checker, text) == []
    assert [word for word, *_ in flagged(check(checker, "A Dermapen.\n"))] == ["Dermapen"]


def test_a_page_accepted_words_that_is_not_a_list_is_reported_at_its_line(checker: WordingCheck) -> None:
    text = "---\ntitle: Devices\naccepted_words:\n  device: Dermapen\n---\n\nText.\n"
    (finding,) = check(checker, text)
    assert finding.message.startswith("docs/page.md:3:1: `accepted_words` must be a list of words.")


# -- Avoided phrases ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase", "level", "instead"),
    [
        ("Some call it micro-needling.\n", "micro-needling", "error", "microneedling"),
        ("Some call it micro needling.\n", "micro needling", "error", "microneedling"),
        ("Also called collagen-induction therapy.\n", "collagen-induction therapy", "warning", "collagen induction therapy"),
        ("A collagen induction treatment.\n", "collagen induction treatment", "warning", "collagen induction therapy"),
        ("It prompts the derma to rebuild.\n", "the derma", "error", "the dermis"),
    ],
)
def test_each_avoided_phrase_names_its_level_reason_and_what_to_write(
    checker: WordingCheck, text: str, phrase: str, level: str, instead: str
) -> None:
    (finding,) = check(checker, text)
    rule = next(rule for rule in checker.terminology.avoid_rules if rule.phrase == phrase)
    assert finding.level == level == rule.level
    assert (finding.line, finding.column) == position_of(text, phrase)
    assert f'Avoid "{phrase}": {rule.reason.rstrip(".")}' in finding.message
    assert f'Write "{instead}" instead.' in finding.message


def test_an_avoided_phrase_is_found_in_any_case_across_a_line_break_and_emphasis(checker: WordingCheck) -> None:
    text = "It prompts The\n**Derma** to rebuild. Micro\n  Needling too.\n"
    assert flagged(check(checker, text)) == [("The Derma", 1, 12), ("Micro Needling", 2, 23)]
    assert 'Write "The dermis" instead' in check(checker, text)[0].message


def test_a_hyphenated_avoided_phrase_is_found_when_the_line_breaks_at_its_hyphen(checker: WordingCheck) -> None:
    assert flagged(check(checker, "Some call it micro-\nneedling.\n")) == [("micro- needling", 1, 14)]


def test_longer_words_that_start_like_an_avoided_phrase_are_not_flagged(checker: WordingCheck) -> None:
    assert check(checker, "The dermal layer and the dermis; the dermatologist.\n") == []


# -- What is prose and what is not ---------------------------------------------

EVERY_PLACE = """\
---
title: Fixture
description: Front matter is not checked, even with a tyypo.
---

# A headng with a typo {#an-idd .clss}

!!! note "An admonishun title"

    The body of the admonition has a mispeled word.

??? tipp "Collapsible"

    A collapsible body that will recieve a check.

- A list item with a tpyo.
- A [link txet](https://exampel.com/pathh "Titel") and <https://autolnk.com> and www.exampel.com.

| Column hedder | Other |
| --- | --- |
| a celll | b |

Some `inlin code` and a fenced block:

```python
def fucntion(): pass
```

<div class="wrappr" data-x="zzyzx" markdown>
Text insyde an element.
</div>

<!-- a commment -->
<!-- termcheck off -->
Ignorred region.
<!-- termcheck on -->

--8<-- "snipet.md"

An image: ![A pictur of skin](img/skinn.png){ width=300 loadng=lazy } &nbsp; and an email nurse@clinik.example.
"""

EXPECTED_IN_EVERY_PLACE = [
    ("headng", 6, 5),
    ("admonishun", 8, 14),
    ("mispeled", 10, 38),
    ("recieve", 14, 34),
    ("tpyo", 16, 22),
    ("txet", 17, 11),
    ("hedder", 19, 10),
    ("celll", 21, 5),
    ("insyde", 30, 6),
    ("pictur", 40, 15),
]


def test_typos_are_found_wherever_prose_hides_and_only_there(checker: WordingCheck) -> None:
    for word, line, column in EXPECTED_IN_EVERY_PLACE:
        assert position_of(EVERY_PLACE, word) == (line, column), word  # the table above is right
    assert flagged(checker.check("docs/page.md", EVERY_PLACE)) == EXPECTED_IN_EVERY_PLACE


def test_words_in_a_termcheck_off_region_are_skipped_until_it_is_switched_on(checker: WordingCheck) -> None:
    text = "<!-- termcheck off -->\nDermapen worx.\n<!-- termcheck on -->\nThis worx.\n"
    assert flagged(check(checker, text)) == [("worx", 4, 6)]


# -- Real builds -----------------------------------------------------------------


def test_the_real_site_has_no_wording_findings(real_site: Build) -> None:
    assert f"Wording check: {len(list(DOCS.glob('*.md')))} pages" in real_site.output
    assert "0 errors, 0 warnings, 0 suggestions." in real_site.output
    assert not FINDING_LINE.search(real_site.output), real_site.output


def test_a_build_reports_each_typo_with_its_place_in_the_file(fixture_site: FixtureSite) -> None:
    fixture_site.write("docs/index.md", EVERY_PLACE)
    build = fixture_site.build("--no-strict")
    assert build.returncode == 0, build.output  # a non-strict build completes
    found = [(m["word"], int(m["line"]), int(m["column"])) for m in FINDING_LINE.finditer(build.output)]
    assert found == EXPECTED_IN_EVERY_PLACE, build.output
    assert all(m["path"] == "docs/index.md" for m in FINDING_LINE.finditer(build.output))
    assert "Wording check: 1 page, " in build.output
    assert f"{len(EXPECTED_IN_EVERY_PLACE)} errors, 0 warnings, 0 suggestions" in build.output


# Pages about wording only: no review dates or Key points, so only the wording check speaks.
NOT_A_HEALTH_PAGE = "---\nhealth_page: false\n---\n"


def test_a_strict_build_stops_on_a_typo_and_on_an_avoided_phrase(fixture_site: FixtureSite) -> None:
    fixture_site.write("docs/index.md", NOT_A_HEALTH_PAGE + "# Aftercare\n\nThis prompts the\nderma to rebuild; it adapouts.\n")
    build = fixture_site.build("--strict")
    assert build.returncode != 0
    assert 'ERROR   -  termcheck: docs/index.md:6:14: Avoid "the derma"' in build.output, build.output
    assert 'ERROR   -  termcheck: docs/index.md:7:22: "adapouts" is not' in build.output
    assert "Aborted with 2 errors in strict mode!" in build.output
    assert "Traceback" not in build.output


def test_suggestions_are_printed_but_never_stop_a_strict_build(fixture_site: FixtureSite) -> None:
    terminology = (fixture_site.root / "terminology.yml").read_text(encoding="utf-8")
    fixture_site.write(
        "terminology.yml", terminology + "\n  - term: patient\n    avoid:\n      - phrase: client\n        level: suggestion\n"
    )
    fixture_site.write("docs/index.md", NOT_A_HEALTH_PAGE + "# Care\n\nEvery client is welcome.\n")
    build = fixture_site.build("--strict")
    assert build.returncode == 0, build.output
    assert 'INFO    -  termcheck: docs/index.md:6:7: Avoid "client": The clinic writes "patient". Write "patient" instead.' in build.output
    assert "0 errors, 0 warnings, 1 suggestion." in build.output


def test_a_clinic_accepts_a_word_by_adding_it_to_terminology_yml(fixture_site: FixtureSite) -> None:
    fixture_site.write("docs/index.md", NOT_A_HEALTH_PAGE + "# Devices\n\nWe use a Dermapen.\n")
    assert '"Dermapen" is not' in fixture_site.build("--no-strict").output
    terminology = (fixture_site.root / "terminology.yml").read_text(encoding="utf-8")
    fixture_site.write("terminology.yml", terminology.replace("accepted_words:\n", "accepted_words:\n  - Dermapen\n", 1))
    build = fixture_site.build("--strict")
    assert build.returncode == 0, build.output


# -- The pre-commit command --------------------------------------------------------


def run_cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kit.termcheck", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def test_the_commit_check_passes_the_real_pages() -> None:
    result = run_cli(*sorted(str(page.relative_to(ROOT)) for page in DOCS.glob("*.md")))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 errors, 0 warnings, 0 suggestions." in result.stdout


def test_the_commit_check_prints_the_builds_messages_and_fails(tmp_path: Path, fixture_site: FixtureSite) -> None:
    fixture_site.write("docs/index.md", EVERY_PLACE)
    result = run_cli("docs/index.md", cwd=fixture_site.root)
    assert result.returncode == 1
    build = fixture_site.build("--no-strict")
    build_lines = [line for line in build.output.splitlines() if FINDING_LINE.search(line)]
    cli_lines = [line for line in result.stdout.splitlines() if FINDING_LINE.search(line)]
    assert cli_lines == build_lines and len(cli_lines) == len(EXPECTED_IN_EVERY_PLACE)


def test_the_commit_check_stops_on_a_bad_terminology_file(tmp_path: Path) -> None:
    (tmp_path / "terminology.yml").write_text(
        "terms:\n  - term: dermis\n    avoid:\n      - phrase: the derma\n        level: fatal\n", encoding="utf-8"
    )
    (tmp_path / "page.md").write_text("Text.\n", encoding="utf-8")
    result = run_cli("page.md", cwd=tmp_path)
    assert result.returncode == 2
    assert "terminology.yml:5:9: `fatal` is not a level. Use one of: error, warning, suggestion." in result.stderr
    assert "Traceback" not in result.stderr


def test_a_typo_in_a_glossary_definition_is_reported_at_its_line_in_terminology_yml(fixture_site: FixtureSite) -> None:
    terminology = (fixture_site.root / "terminology.yml").read_text(encoding="utf-8")
    fixture_site.write("terminology.yml", terminology.replace("The top layer of the skin.", "The top layer of the skinn."))
    line = next(number for number, text in enumerate(terminology.splitlines(), 1) if "The top layer of the skin." in text)
    column = terminology.splitlines()[line - 1].index("The top") + len("The top layer of the ") + 1
    build = fixture_site.build("--strict")
    assert build.returncode != 0
    assert f'terminology.yml:{line}:{column}: "skinn" is not' in build.output, build.output


def test_the_real_glossary_definitions_have_no_typos(real_site: Build) -> None:
    assert "terminology.yml:" not in real_site.output
