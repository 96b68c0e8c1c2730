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
from collections import Counter
from pathlib import Path

import pytest
import yaml
from conftest import DEMO, DOCS, ROOT, SOURCE_TEXT, Build, FixtureSite, new_fixture_site
from fixturesite import FIXTURE_TERMINOLOGY
from hypothesis import example, given
from hypothesis import strategies as st

from kit.report.findings import Finding, StopBuild
from kit.wording.termcheck import WordingCheck
from kit.wording.terminology import load_terminology

FINDING_LINE = re.compile(
    r"termcheck: (?P<path>\S+?):(?P<line>\d+):(?P<column>\d+): (?:\"(?P<word>[^\"]+)\" is (?:not|the|an)|Avoid \"(?P<phrase>[^\"]+)\")"
)


@pytest.fixture(scope="module")
def checker(tmp_path_factory: pytest.TempPathFactory) -> WordingCheck:
    """The check with the fixture clinic's wording rules (tests/fixturesite.py), whatever the clinic's own say."""
    terminology = tmp_path_factory.mktemp("wording") / "terminology.yml"
    terminology.write_text(FIXTURE_TERMINOLOGY.format(variant="en-US"), encoding="utf-8")
    return WordingCheck(load_terminology(terminology))


def check(checker: WordingCheck, text: str) -> list[Finding]:
    return checker.check_text("docs/page.md", textwrap.dedent(text))


def flagged(findings: list[Finding]) -> list[tuple[str, int, int]]:
    """(word or phrase, line, column) of each finding, read back from its message."""
    result = []
    for finding in findings:
        match = FINDING_LINE.search("termcheck: " + finding.located)
        assert match, finding.located
        result.append((match["word"] or match["phrase"], int(match["line"]), int(match["column"])))
    return result


def position_of(text: str, needle: str) -> tuple[int, int]:
    """Where an editor's cursor would be on `needle`, counted independently of the checker."""
    offset = text.index(needle)
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


# -- Typos -------------------------------------------------------------------


def test_the_source_texts_typos_are_found_and_nothing_else(checker: WordingCheck) -> None:
    source = SOURCE_TEXT.read_text(encoding="utf-8")
    findings = checker.check_text("microneedling.txt", source)
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
    text = "---\ntitle: Our serum\naccepted_words: [Lumisera, dermaroller]\n---\n\nA Lumisera or a dermaroller.\n"
    assert check(checker, text) == []
    assert [word for word, *_ in flagged(check(checker, "A Lumisera.\n"))] == ["Lumisera"]


def test_a_page_accepted_words_that_is_not_a_list_is_reported_at_its_line(checker: WordingCheck) -> None:
    text = "---\ntitle: Devices\naccepted_words:\n  device: Dermapen\n---\n\nText.\n"
    (finding,) = check(checker, text)
    assert finding.located.startswith("docs/page.md:3:1: `accepted_words` must be a list of words.")


# -- Clinic prose: the field's words, inflections, units, abbreviations, variants ----


def clinic_checker(tmp_path: Path, spelling: str = "", accepted: str = "") -> WordingCheck:
    """A checker for a fixture clinic: its own terminology.yml, so a fork's choices never change these tests."""
    file = tmp_path / "terminology.yml"
    file.write_text(f"accepted_words: [{accepted}]\nspelling:\n  level: error\n{spelling}", encoding="utf-8")
    return WordingCheck(load_terminology(file))


def words_flagged(checker: WordingCheck, text: str) -> list[str]:
    return [word for word, *_ in flagged(check(checker, text))]


def test_correct_medical_words_abbreviations_and_brand_names_are_not_reported(tmp_path: Path) -> None:
    text = (
        "Stop retinoids such as tretinoin, adapalene and retinol, and tell us about isotretinoin (Accutane, Absorica).\n"
        "We may prescribe valacyclovir if you get cold sores (HSV). Rosacea, melasma, milia and erythema are common.\n"
        "Glycolic and lactic acids (AHAs) and salicylic acid (BHA) are exfoliants; niacinamide soothes the skin.\n"
        "Use SPF 30 against UVA and UVB. PRP, Botox, Retin-A and dermal fillers; ask your GP or the FDA label.\n"
    )
    assert check(clinic_checker(tmp_path), text) == []


def test_listed_and_accepted_words_are_accepted_in_their_plural_possessive_and_verb_forms(tmp_path: Path) -> None:
    checker = clinic_checker(tmp_path, accepted="microblade, Glowderm")
    text = "Keloids, a keloid's edge, exfoliants, microblades, microbladed and microblading; Glowderm's serums and GPs' advice.\n"
    assert check(checker, text) == []


def test_an_irregular_looking_inflection_is_still_a_typo_with_the_right_suggestion(tmp_path: Path) -> None:
    findings = check(clinic_checker(tmp_path), "Some bruiseing and new exfoliantes.\n")
    assert [(word, finding.rule) for (word, *_), finding in zip(flagged(findings), findings, strict=True)] == [
        ("bruiseing", "termcheck.spelling"),
        ("exfoliantes", "termcheck.spelling"),
    ]
    assert 'Did you mean "bruising"?' in findings[0].message
    assert 'Did you mean "exfoliants"?' in findings[1].message


def test_numbers_with_units_times_ordinals_ranges_and_doses_are_never_reported(tmp_path: Path) -> None:
    text = (
        "Needles of 0.5 mm to 2.5mm; 10 ml of serum; a 2 cm patch; 500 mg twice daily; 1,000 IU a day; 30% of people.\n"
        "Store below 25°C (77°F). Open 9am to 5pm, or 9 am to 5 pm; a 24-hour line; the 1st and 2nd visit; 3-5 days; 1–2 ml.\n"
    )
    assert check(clinic_checker(tmp_path), text) == []


def test_an_unknown_abbreviation_gets_its_own_message_at_the_clinics_level_and_no_guess(tmp_path: Path) -> None:
    (finding,) = check(clinic_checker(tmp_path), "Ask about QXR before treatment.\n")
    assert (finding.rule, finding.level) == ("termcheck.abbreviation", "suggestion")
    assert '"QXR" is an abbreviation the clinic\'s lists do not know' in finding.message
    assert "spell it out on first use" in finding.message and "Did you mean" not in finding.message
    (strict,) = check(clinic_checker(tmp_path, spelling="  abbreviations: error\n"), "Ask about QXRs before treatment.\n")
    assert (strict.rule, strict.level) == ("termcheck.abbreviation", "error")


def test_a_long_word_in_capitals_is_a_shouted_word_checked_as_a_word(tmp_path: Path) -> None:
    (finding,) = check(clinic_checker(tmp_path, accepted="microneedling"), "# MICRONEEDLNG AFTERCARE\n")
    assert finding.rule == "termcheck.spelling" and 'Did you mean "MICRONEEDLING"?' in finding.message


def test_a_suggestion_keeps_the_inflection_and_a_word_far_from_everything_gets_no_guess(tmp_path: Path) -> None:
    checker = clinic_checker(tmp_path)
    (plural, nonsense) = check(checker, "Avoid exfolients and zqxwvkjh.\n")
    assert 'Did you mean "exfoliants"?' in plural.message
    assert "Check its spelling." in nonsense.message and "Did you mean" not in nonsense.message


BRITISH_PROSE = "The colour of oedema; a moisturiser and an anaesthetic cream; the centre; haemophilia; organise an ageing check.\n"


def test_a_british_site_accepts_british_spellings_and_reports_american_ones_with_the_british_form(tmp_path: Path) -> None:
    checker = clinic_checker(tmp_path, spelling="  variant: en-GB\n")
    assert check(checker, BRITISH_PROSE) == []
    (finding,) = check(checker, "A color change.\n")
    assert (finding.rule, finding.level) == ("termcheck.variant", "error")
    assert '"color" is the American spelling; this site writes British English' in finding.message
    assert 'Write "colour"' in finding.message


def test_a_us_site_reports_british_spellings_with_the_us_form(tmp_path: Path) -> None:
    findings = check(clinic_checker(tmp_path), "The colour of oedema after an anaesthetic.\n")
    assert [(finding.rule, re.search(r'Write "(\w+)"', finding.message)[1]) for finding in findings] == [  # type: ignore[index]
        ("termcheck.variant", "color"),
        ("termcheck.variant", "edema"),
        ("termcheck.variant", "anesthetic"),
    ]


def test_mixed_variants_accept_lets_both_spellings_through(tmp_path: Path) -> None:
    checker = clinic_checker(tmp_path, spelling="  variant: en-GB\n  mixed_variants: accept\n")
    assert check(checker, "The colour and the color.\n") == []


@pytest.mark.parametrize(
    ("variant", "accepted", "reported"),
    [
        ("en-CA", "colour centre organize anesthetic edema", "organise"),
        ("en-AU", "colour centre organise anaesthetic oedema program", "organize"),
        ("en-US", "color center organize anesthetic edema aesthetic", "colour"),
    ],
)
def test_each_variant_accepts_its_own_spellings(tmp_path: Path, variant: str, accepted: str, reported: str) -> None:
    checker = clinic_checker(tmp_path, spelling=f"  variant: {variant}\n")
    assert check(checker, accepted + ".\n") == []
    assert words_flagged(checker, reported + ".\n") == [reported]


def test_suggestions_follow_the_sites_variant(tmp_path: Path) -> None:
    british = clinic_checker(tmp_path, spelling="  variant: en-GB\n")
    american = clinic_checker(tmp_path / "..", spelling="  variant: en-US\n")
    assert 'Did you mean "moisturiser"?' in check(british, "A moisturisr.\n")[0].message
    assert 'Did you mean "moisturizer"?' in check(american, "A moisturisr.\n")[0].message


def test_an_unknown_spelling_variant_stops_with_its_line_and_the_choices(tmp_path: Path) -> None:
    with pytest.raises(
        StopBuild, match=r"terminology.yml:4:\d+: `en-NZ` is not a spelling variant. Use one of: en-US, en-GB, en-CA, en-AU"
    ):
        clinic_checker(tmp_path, spelling="  variant: en-NZ\n")


# Arbitrary Markdown: syntax pieces and any Unicode text, in any order.
MARKDOWN_PIECES = [
    "\n",
    "\n\n",
    "# ",
    "- ",
    "> ",
    "**",
    "_",
    "`",
    "```\n",
    "~~~\n",
    '!!! note "',
    '"\n',
    "    ",
    "[",
    "](",
    ")",
    "<!--",
    "-->",
    "<div>",
    "</div>",
    "{ .x }",
    "---\n",
    "’",
    "'",
    "-",
    "—",
    "0.5 mm",
    "SPF",
    "colour",
    "keloids",
    "exfolients",
    "https://x.y/z",
]
markdown = st.lists(st.one_of(st.sampled_from(MARKDOWN_PIECES), st.text(max_size=12)), max_size=40).map("".join)


FRONT_MATTER_END = re.compile(r"(?:---|\.\.\.)[ \t]*")


def front_matter_lines(source: str) -> tuple[str, int] | None:
    """The text between a first-line `---` and the next `---` or `...` line, and that line's number (None: no front matter)."""
    lines = source.split("\n")
    if len(lines) < 2 or not re.fullmatch(r"---[ \t]*", lines[0]):
        return None
    # As MkDocs reads it: at least one line of YAML before the closing line, when there is one later on
    # (`---`, `---`, `,`, `---` is the YAML `---` and `,`); an immediate closing line is an empty front matter.
    ends = [number for number, line in enumerate(lines[1:], start=2) if FRONT_MATTER_END.fullmatch(line)]
    closing = next((number for number in ends if number > 2), ends[0] if ends else None)
    return None if closing is None else ("\n".join(lines[1 : closing - 1]) + "\n", closing)


def is_name_value_lines(yaml_text: str) -> bool:
    """YAML that is empty or a mapping: the front matter MkDocs reads as the page's data."""
    try:
        node = yaml.compose(yaml_text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return False
    return node is None or isinstance(node, yaml.MappingNode) or (isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null"))


# A front matter that is not YAML `name: value` lines (MkDocs would silently show it as page text and drop the
# page's data) stops the check, the build and `python -m kit check` alike, at a line inside the front matter.
# The examples below are ones the random search found; `make fuzz` adds more here.
@given(source=markdown)
@example(source="---\n```\n---\n")  # a code fence inside the front matter: not YAML, a located stop
@example(source="---\n---\n---\n")  # a front matter that is only a YAML document marker: empty, as MkDocs reads it
@example(source="---\n\nSome text\n\n---\n")  # prose between two rules at the top: not name: value lines
@example(source="---\n0\x1f\n---\n")  # a control character YAML refuses: a located stop, not a traceback
@example(source="---\n\x1f\n---\n")  # the same character alone: Python calls it blank, YAML refuses it
@example(source="---\n---\n,\n---\n")  # the front matter runs to the last `---`, as MkDocs reads it: not YAML
def test_any_markdown_never_crashes_the_check_and_every_finding_points_at_its_word(checker: WordingCheck, source: str) -> None:
    lines = source.split("\n")
    front_matter = front_matter_lines(source)
    try:
        findings = checker.check_text("docs/page.md", source)
    except StopBuild as stop:
        assert front_matter is not None, f"only a front matter stops the check: {stop}"
        located = re.match(r"docs/page\.md:(\d+):(\d+): ", str(stop))
        assert located and 1 <= int(located[1]) <= front_matter[1], stop
        assert "front matter" in str(stop), stop
        return
    assert front_matter is None or is_name_value_lines(front_matter[0]), "a front matter that is not YAML must stop the check"
    for finding in findings:
        assert 1 <= finding.line <= len(lines), finding
        assert 1 <= finding.column <= len(lines[finding.line - 1]) + 1, finding
        quoted = re.match(r'[^:]+:\d+:\d+: "([^"]+)" is', finding.located)
        if quoted:
            assert lines[finding.line - 1][finding.column - 1 :].startswith(quoted[1]), finding


def test_a_page_whose_front_matter_is_not_yaml_stops_the_build_and_the_check_at_its_line(fixture_site: FixtureSite) -> None:
    page = fixture_site.write("docs/index.md", "---\n```\n---\n\n# Welcome\n\nThe clinic's fixture page.\n")
    expected = "docs/index.md:2:1: The page's front matter (the lines between the two `---`) is not valid YAML"
    build = fixture_site.build("--no-strict")  # not even a lenient build shows a page whose data it cannot read
    check = run_cli(str(page.relative_to(fixture_site.root)), cwd=fixture_site.root)
    assert build.returncode != 0 and expected in build.output, build.output
    assert check.returncode != 0 and expected in check.stdout, check.stdout + check.stderr
    assert "Traceback" not in build.output + check.stdout + check.stderr


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
    assert flagged(checker.check_text("docs/page.md", EVERY_PLACE)) == EXPECTED_IN_EVERY_PLACE


def test_words_in_a_termcheck_off_region_are_skipped_until_it_is_switched_on(checker: WordingCheck) -> None:
    text = "<!-- termcheck off -->\nDermapen worx.\n<!-- termcheck on -->\nThis worx.\n"
    assert flagged(check(checker, text)) == [("worx", 4, 6)]


# -- Real builds -----------------------------------------------------------------


def test_the_real_site_has_no_wording_findings(real_site: Build) -> None:
    """Each language's build checks its own pages: `page.md` in the first language, `page.<code>.md` in the others."""
    languages = Counter(path.suffixes[0] if len(path.suffixes) == 2 else "" for path in DOCS.glob("*.md"))
    for count in languages.values():
        assert f"Wording check: {count} page{'s' if count != 1 else ''}, " in real_site.output, real_site.output
    assert "0 errors, 0 warnings, 0 suggestions." in real_site.output
    assert not FINDING_LINE.search(real_site.output), real_site.output


@pytest.fixture(scope="module")
def every_place(tmp_path_factory: pytest.TempPathFactory) -> tuple[FixtureSite, Build]:
    """A fixture site whose page has a typo in every place a page can hold words, built once (tests only read it)."""
    site = new_fixture_site(tmp_path_factory.mktemp("every-place"))
    site.write("docs/index.md", EVERY_PLACE)
    return site, site.build("--no-strict")


def test_a_build_reports_each_typo_with_its_place_in_the_file(every_place: tuple[FixtureSite, Build]) -> None:
    _, build = every_place
    assert build.returncode == 0, build.output  # a non-strict build completes
    found = [(m["word"], int(m["line"]), int(m["column"])) for m in FINDING_LINE.finditer(build.output)]
    assert found == EXPECTED_IN_EVERY_PLACE, build.output
    assert all(m["path"] == "docs/index.md" for m in FINDING_LINE.finditer(build.output))
    assert "Wording check: 1 page, " in build.output
    assert f"{len(EXPECTED_IN_EVERY_PLACE)} errors, 0 warnings, 0 suggestions" in build.output


# Pages about wording only: no review dates or Key points, so only the wording check speaks.
NOT_A_HEALTH_PAGE = "---\ndescription: A page the wording tests build.\nhealth_page: false\n---\n"


def test_a_strict_build_stops_on_a_typo_and_on_an_avoided_phrase(fixture_site: FixtureSite) -> None:
    fixture_site.write("docs/index.md", NOT_A_HEALTH_PAGE + "# Aftercare\n\nThis prompts the\nderma to rebuild; it adapouts.\n")
    build = fixture_site.build("--strict")
    assert build.returncode != 0
    assert 'ERROR   -  termcheck: docs/index.md:7:14: Avoid "the derma"' in build.output, build.output
    assert 'ERROR   -  termcheck: docs/index.md:8:22: "adapouts" is not' in build.output
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
    assert 'INFO    -  termcheck: docs/index.md:7:7: Avoid "client": The clinic writes "patient". Write "patient" instead.' in build.output
    assert "0 errors, 0 warnings, 1 suggestion." in build.output


def test_a_clinic_accepts_a_word_by_adding_it_to_terminology_yml(fixture_site: FixtureSite) -> None:
    fixture_site.write("docs/index.md", NOT_A_HEALTH_PAGE + "# Our serum\n\nWe make Lumisera.\n")
    assert '"Lumisera" is not' in fixture_site.build("--no-strict").output
    terminology = (fixture_site.root / "terminology.yml").read_text(encoding="utf-8")
    fixture_site.write("terminology.yml", terminology.replace("accepted_words:\n", "accepted_words:\n  - Lumisera\n", 1))
    build = fixture_site.build("--strict")
    assert build.returncode == 0, build.output


CLINIC_PROSE = """\
# Before your treatment

Stop retinoids such as tretinoin, adapalene and retinol 5 to 7 days before your visit.
If you took isotretinoin (Accutane) in the last 6 months, tell us: we wait.
We do not treat active rosacea, eczema, keloids or cold sores (HSV).
A numbing cream of lidocaine and tetracaine stays on for 30 to 45 minutes.
Use a broad-spectrum SPF 30 sunscreen with zinc oxide; reapply every 2 hours.
Pause glycolic acid, other AHAs and BHAs, and vitamin C for 5 days.
Hyaluronic acid, ceramides and niacinamide soothe the skin after 0.5 mm needling.
"""
CLINIC_PROSE_TYPOS = {
    "retinoids": "retinods",
    "isotretinoin": "isotretinion",
    "rosacea": "rosacia",
    "lidocaine": "lidocane",
    "sunscreen": "sunscreeen",
}


def with_spelling(fixture_site: FixtureSite, spelling: str) -> None:
    """The fixture's terminology.yml with its `spelling:` settings replaced."""
    text = (fixture_site.root / "terminology.yml").read_text(encoding="utf-8")
    text = re.sub(r"^spelling:\n(?:[ \t]+.*\n|[ \t]*\n)*", "", text, flags=re.M)
    fixture_site.write("terminology.yml", text + "\nspelling:\n" + spelling)


def test_a_page_of_clinic_prose_builds_clean_and_its_typos_stop_the_build_each_with_line_and_suggestion(fixture_site: FixtureSite) -> None:
    with_spelling(fixture_site, "  level: error\n  variant: en-US\n")
    fixture_site.write("docs/index.md", NOT_A_HEALTH_PAGE + CLINIC_PROSE)
    clean = fixture_site.build("--strict")
    assert clean.returncode == 0, clean.output
    assert "0 errors, 0 warnings, 0 suggestions." in clean.output

    typed = NOT_A_HEALTH_PAGE + CLINIC_PROSE
    for word, typo in CLINIC_PROSE_TYPOS.items():
        typed = typed.replace(word, typo, 1)
    fixture_site.write("docs/index.md", typed)
    build = fixture_site.build("--strict")
    assert build.returncode != 0
    for word, typo in CLINIC_PROSE_TYPOS.items():
        line, column = position_of(typed, typo)
        assert f'docs/index.md:{line}:{column}: "{typo}" is not in the US English dictionary' in build.output, build.output
        assert f'Did you mean "{word}"?' in build.output


def test_a_british_clinic_site_accepts_british_spellings_and_reports_american_ones(fixture_site: FixtureSite) -> None:
    with_spelling(fixture_site, "  level: error\n  variant: en-GB\n  mixed_variants: warning\n")
    page = NOT_A_HEALTH_PAGE + "# Aftercare\n\n" + BRITISH_PROSE + "Your GP or the NHS can help.\nA color change.\n"
    fixture_site.write("docs/index.md", page)
    build = fixture_site.build("--strict")
    assert build.returncode != 0
    findings = [line for line in build.output.splitlines() if "termcheck: docs/" in line]
    line, column = position_of(page, "color")
    assert findings == [
        f'WARNING -  termcheck: docs/index.md:{line}:{column}: "color" is the American spelling; this site writes British English '
        '(spelling: variant: en-GB). Write "colour", or set `mixed_variants: accept` under `spelling:` in terminology.yml '
        "to allow both spellings."
    ], build.output


# -- The pre-commit command --------------------------------------------------------


def run_cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kit", "check", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


@pytest.mark.site
def test_the_commit_check_passes_the_real_pages() -> None:
    result = run_cli(*sorted(str(page.relative_to(ROOT)) for page in DOCS.rglob("*.md")))
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"\b0 errors, 0 warnings, \d+ suggestions?\.", result.stdout), result.stdout
    if DEMO:  # the demonstration's own pages leave the editor nothing to consider; a clinic's may (an unknown abbreviation)
        assert "0 errors, 0 warnings, 0 suggestions." in result.stdout


def test_the_commit_check_prints_the_builds_messages_and_fails(every_place: tuple[FixtureSite, Build]) -> None:
    site, build = every_place
    result = run_cli("docs/index.md", cwd=site.root)
    assert result.returncode == 1
    build_lines = [line for line in build.output.splitlines() if FINDING_LINE.search(line)]
    cli_lines = [line for line in result.stdout.splitlines() if FINDING_LINE.search(line)]
    assert cli_lines == build_lines and len(cli_lines) == len(EXPECTED_IN_EVERY_PLACE)


def test_the_commit_check_stops_on_a_bad_terminology_file(fixture_site: FixtureSite) -> None:
    fixture_site.write("terminology.yml", "terms:\n  - term: dermis\n    avoid:\n      - phrase: the derma\n        level: fatal\n")
    result = run_cli("docs/index.md", cwd=fixture_site.root)
    assert result.returncode == 2
    assert "config: terminology.yml:5:9: `fatal` is not a level. Use one of: error, warning, suggestion." in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


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


def test_a_front_matter_that_is_only_a_yaml_document_marker_is_empty_not_an_error(checker: WordingCheck) -> None:
    # Found by the Markdown fuzz test above: `---` / `---` / `---` is an empty front matter to MkDocs.
    assert checker.check_text("docs/page.md", "---\n---\n---\n") == []
