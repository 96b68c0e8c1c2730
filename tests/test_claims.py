"""The claims check as a clinic meets it: what a careful reviewer would stop before it reaches a patient.

Fixture pages and a claims.yml written here from scratch (never the clinic's
own files): every kind of claim is reported at its phrase, careful prose that
names the same words to deny or qualify them is not, a clinician can keep a
sentence on purpose, and a live site cannot publish a claim no named reviewer
has kept while a demonstration site only reports it.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import DEMO, FIXTURE_CONFIG, FIXTURE_TODAY, ROOT, Build, FixtureSite

from kit.pages.prose import extract_prose
from kit.report.findings import StopBuild
from kit.wording.claims import ClaimsCheck, load_claims, start_claims_check
from kit.wording.languages import page_language

# A claims file of the test's own: one or two rules per kind, the mechanism's settings as the kit documents them.
CLAIMS_YML = """\
negation:
  window: 6
  before: [not, no, never, cannot, can't, aren't, rarely, little]
  after: [is not, are not, cannot be]
  questions: [is, can, does]
kinds:
  - kind: promise
    title: Absolute promise
    level: error
    rules:
      - phrases: [permanent, permanently]
        about: [result, results, effect]
        reason: Results fade with time
        instead: say how long results usually last
      - phrases: [instant]
        about: [result, results, glow]
        reason: Collagen takes weeks
        instead: say when results show
      - phrases: [guaranteed, guarantee]
        reason: No treatment gives everyone the same result
        instead: say what most people can expect
  - kind: risk
    title: Risk made to sound trivial
    level: error
    rules:
      - phrases: [painless, pain-free, doesn't hurt]
        reason: Most people feel some discomfort
        instead: say what it feels like
      - phrases: [completely safe, completely free of risk, no downtime]
        reason: Every treatment has risks
        instead: name the risks and how rare they are
  - kind: regulatory
    title: Regulatory wording
    level: error
    rules:
      - phrases: [FDA approved]
        reason: The FDA clears these devices
        instead: write "FDA-cleared" and for what
      - phrases: [clinically proven]
        unless: sources
        reason: Proof needs its source
        instead: name the study in `sources:`
  - kind: superlative
    title: Superlative
    level: warning
    rules:
      - phrases: [miracle]
        reason: It promises more than a treatment gives
        instead: describe the effect plainly
      - phrases: [best]
        about: [treatment, clinic]
        reason: A claim to be the best cannot be substantiated
        instead: say what it does
  - kind: pressure
    title: Pressure to book
    level: error
    rules:
      - phrases: [only <number> places left, limited time]
        reason: Pressure rushes a medical decision
        instead: give patients time to decide
  - kind: colour
    title: Symptom described by colour alone
    level: warning
    explained_by: [brown or black skin, darker skin]
    rules:
      - phrases: [redness]
        reason: Redness is hard to see on brown and black skin
        instead: say how it looks on darker skin
  - kind: term
    title: Medical term without a plain explanation
    level: suggestion
    explained_after: ["(", " means"]
    explained_before: ["("]
    rules:
      - terms: {erythema: redness, oedema: swelling, keloid: a raised scar, anticoagulant: a blood thinner, anticoagulants: blood thinners}
        reason: Patients may not know this word
        instead: write "{term} ({plain})"
"""


@pytest.fixture(scope="module")
def rules(tmp_path_factory: pytest.TempPathFactory) -> ClaimsCheck:
    path = tmp_path_factory.mktemp("claims") / "claims.yml"
    path.write_text(CLAIMS_YML, encoding="utf-8")
    return ClaimsCheck(load_claims(path), glossary_terms=["keloid"])


def flagged(rules: ClaimsCheck, text: str, has_sources: bool = False) -> list[tuple[str, str, int, int]]:
    """(kind, phrase as written, line, column) of each claim on a page's text."""
    text = textwrap.dedent(text)
    prose = extract_prose(text)
    return [(flag.kind, flag.as_written, *prose.position(flag.start)) for flag in rules.flags(prose, has_sources)]


def position_of(text: str, needle: str) -> tuple[int, int]:
    """Where an editor's cursor would be on `needle`, counted independently of the checker."""
    text = textwrap.dedent(text)
    offset = text.index(needle)
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


# -- Every kind is found at its phrase --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "text", "phrase"),
    [
        ("promise", "Your results are permanent.\n", "permanent"),
        ("promise", "See instant results after one session.\n", "instant"),
        ("promise", "We guarantee you will love your skin.\n", "guarantee"),
        ("risk", "The treatment is painless.\n", "painless"),
        ("risk", "It is completely safe for you.\n", "completely safe"),
        ("risk", "There is no downtime at all.\n", "no downtime"),
        ("regulatory", "Our pen is FDA approved.\n", "FDA approved"),
        ("regulatory", "A clinically proven way to smooth skin.\n", "clinically proven"),
        ("superlative", "A miracle for tired skin.\n", "miracle"),
        ("superlative", "The best treatment in town.\n", "best"),
        ("pressure", "Only 3 places left this month!\n", "Only 3 places left"),
        ("pressure", "Book in our limited time offer.\n", "limited time"),
        ("colour", "You may notice redness for a day.\n", "redness"),
        ("term", "Some erythema is expected.\n", "erythema"),
    ],
)
def test_every_kind_of_claim_is_reported_at_its_phrase(rules: ClaimsCheck, kind: str, text: str, phrase: str) -> None:
    assert flagged(rules, text) == [(kind, phrase, *position_of(text, phrase))]


def test_a_phrase_split_by_a_line_break_and_emphasis_is_found_where_it_starts(rules: ClaimsCheck) -> None:
    text = """\
    ---
    title: Results
    ---

    # Results

    After three sessions the results are
    **permanent**, and the session is *pain-*
    *free* with our completely
    _safe_ method.
    """
    assert flagged(rules, text) == [
        ("promise", "permanent", *position_of(text, "permanent")),
        ("risk", "pain- free", *position_of(text, "pain-")),
        ("risk", "completely safe", *position_of(text, "completely")),
    ]


def test_a_curly_apostrophe_matches_the_rules_straight_one(rules: ClaimsCheck) -> None:
    text = "It doesn’t hurt, and it is pain free.\n"
    assert flagged(rules, text) == [
        ("risk", "doesn’t hurt", *position_of(text, "doesn’t")),
        ("risk", "pain free", *position_of(text, "pain free")),
    ]


def test_a_links_words_are_prose_but_its_address_code_and_comments_are_not(rules: ClaimsCheck) -> None:
    text = """\
    See [our guide](https://example.org/painless) or `painless`.
    <!-- results are permanent -->
    Read [why it is painless](guide.md).
    """
    assert flagged(rules, text) == [("risk", "painless", *position_of(text, "painless]"))]


# -- Careful prose is not a claim -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Results are not permanent, and it is rarely painful.",
        "We cannot guarantee results.",
        "No treatment is completely free of risk.",
        "It is not painless, but numbing cream helps.",
        "Permanent results are not promised by anyone honest.",
        "Expect little to no downtime.",
        "We hand you an instant cold pack for the drive home.",
        "Microneedling can cause permanent scarring if done badly.",
        "Our pen is FDA-cleared for facial acne scars.",
        "For best results, wear sunscreen every day.",
        "This is no miracle: it takes several sessions.",
        "There are never only 3 places left: book when you are ready.",
        "Redness lasts a day or two; on brown or black skin it may look darker or purple.",
        "Oedema (swelling) is common.",
        "Results aren’t permanent.",
        "We can’t call it painless.",
        "Is it painless?",
        "Can it give permanent results? Not for everyone.",
        "A keloid can form in people who scar easily.",
    ],
)
def test_negated_qualified_or_explained_wording_is_not_a_claim(rules: ClaimsCheck, sentence: str) -> None:
    assert flagged(rules, sentence + "\n") == []


def test_a_negation_in_another_clause_does_not_excuse_the_claim(rules: ClaimsCheck) -> None:
    text = "We do not rush anyone, but results are permanent.\n"
    assert flagged(rules, text) == [("promise", "permanent", *position_of(text, "permanent"))]


def test_a_question_that_sells_is_still_a_claim_and_a_symptom_in_a_question_still_needs_skin_tones(rules: ClaimsCheck) -> None:
    text = "Want a miracle for your skin? Is redness normal?\n"
    assert flagged(rules, text) == [
        ("superlative", "miracle", *position_of(text, "miracle")),
        ("colour", "redness", *position_of(text, "redness")),
    ]


def test_a_skin_tone_explanation_counts_only_in_the_same_passage(rules: ClaimsCheck) -> None:
    text = """\
    - redness for a few days, which on darker skin may look brown or purple
    - redness around the eyes

    Some redness is expected.

    On darker skin the signs can be harder to see.
    """
    assert flagged(rules, text) == [
        ("colour", "redness", *position_of(text, "redness around")),
        ("colour", "redness", *position_of(text, "redness is")),
    ]


def test_a_medical_term_is_reported_at_its_first_unexplained_use_only(rules: ClaimsCheck) -> None:
    text = """\
    Oedema can follow treatment. Oedema means swelling.

    Later, oedema goes down. Erythema (a rash) may last a day.

    Ask before you stop an anticoagulant. Anticoagulants thin the blood.
    """
    assert flagged(rules, text) == [("term", "Oedema", 1, 1), ("term", "anticoagulant", *position_of(text, "anticoagulant."))]


def test_a_proof_claim_passes_on_a_page_that_lists_its_sources(rules: ClaimsCheck) -> None:
    text = "A clinically proven way to smooth skin.\n"
    assert flagged(rules, text, has_sources=True) == []
    assert [kind for kind, *_ in flagged(rules, text)] == ["regulatory"]


# -- claims.yml itself ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("broken", "fixed", "at"),
    [
        (
            "    level: error\n    rules:\n      - phrases: [permanent",
            "    level: fatal\n    rules:\n      - phrases: [permanent",
            "level: fatal",
        ),
        ("        reason: Results fade with time\n", "        reasons: Results fade with time\n", "reasons:"),
        ("  window: 6\n", "  window: lots\n", "window: lots"),
        ("      - phrases: [miracle]\n", "      - phrases: miracle: yes\n", "phrases: miracle"),
    ],
)
def test_a_mistake_in_claims_yml_stops_at_its_line(tmp_path: Path, broken: str, fixed: str, at: str) -> None:
    path = tmp_path / "claims.yml"
    assert broken in CLAIMS_YML
    text = CLAIMS_YML.replace(broken, fixed, 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(StopBuild) as stop:
        load_claims(path)
    line, column = position_of(text, at)
    assert str(stop.value).startswith(f"{path}:{line}:"), stop.value
    assert f":{line}:{column}: " in str(stop.value) or "YAML is not valid" in str(stop.value)


def test_a_language_without_its_claims_file_is_not_checked_with_the_english_rules(tmp_path: Path) -> None:
    (tmp_path / "claims.yml").write_text(CLAIMS_YML, encoding="utf-8")
    assert start_claims_check(tmp_path, "es", []) is None
    assert start_claims_check(tmp_path, "en-GB", []) is not None
    assert page_language("aftercare.es.md", "en") == "es"
    assert page_language("aftercare.md", "en") == "en"


# -- The build: live, demonstration, reviewed -------------------------------------------------------------------

REVIEWER = "Dr Ada Lovell, Consultant dermatologist"
CLINIC_YML = """\
mode: {mode}
name: Harbour Lane Dermatology
logo: assets/logo.svg
phone: "+44 20 3318 4400"
email: reception@harbourlane-dermatology.co.uk
address:
  - 14 Harbour Lane
  - Bristol BS1 4RW
website: https://harbourlane-dermatology.co.uk/
booking_url: https://harbourlane-dermatology.co.uk/book
opening_hours: Monday to Friday, 9am to 5pm
reviewer_role: Clinical lead
"""
TERMINOLOGY_YML = """\
accepted_words: [microneedling]
terms:
  - term: keloid
    definition: A thick, raised scar that grows beyond the wound.
"""
LOGO = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>\n'


def page(title: str, body: str, extra: str = "") -> str:
    """A health page that passes every other check: reviewed by a named clinician, a plain Key points box."""
    return (
        f"---\ndescription: A page about {title.lower()} the tests build.\nreviewed: 2026-11-01\nnext_review: 2027-11-01\n"
        f"reviewer: {REVIEWER}\n{extra}---\n\n# {title}\n\n"
        '!!! abstract "Key points"\n\n    - This is a short page.\n    - It has three points.\n    - Each is easy to read.\n\n'
        f"{body}\n"
    )


BAD = page("Results", "Results are permanent and the treatment is painless.")
CLEAN = page("Careful", "Results are not permanent, and it is rarely painful.")
KEPT = page(
    "Kept",
    "Most patients find it painless with numbing cream.",
    f"reviewed_claims:\n  - claim: find it painless with numbing cream\n    reviewer: {REVIEWER}\n    date: 2026-10-30\n",
)


def claims_site(root: Path, mode: str) -> FixtureSite:
    """A three-page site of the test's own: a page of claims, a careful page, and a page whose claim a clinician kept."""
    site = FixtureSite(root)
    site.write(
        "mkdocs.yml",
        FIXTURE_CONFIG.format(hooks=ROOT / "hooks.py").replace(
            "site_url: https://fixture-clinic.github.io/fixture/", "site_url: https://harbourlane-dermatology.github.io/skin/"
        )
        # These pages test the claims check: they cite no sources, which the sources check (tests/test_trust.py) would report.
        + "extra:\n  sources:\n    missing: off\n",
    )
    site.write("clinic.yml", CLINIC_YML.format(mode=mode))
    site.write("terminology.yml", TERMINOLOGY_YML)
    site.write("claims.yml", CLAIMS_YML)
    site.write("docs/assets/logo.svg", LOGO)
    site.write("docs/index.md", CLEAN)
    site.write("docs/results.md", BAD)
    site.write("docs/kept.md", KEPT)
    return site


@pytest.fixture(scope="module")
def live_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[FixtureSite, Build]:
    site = claims_site(tmp_path_factory.mktemp("claims-live"), "live")
    github = {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(site.root / "summary.md")}
    return site, site.build("--strict", env={"CLINIC_KIT_PDF": "off", **github})


def test_a_live_site_with_a_promise_and_trivialised_pain_does_not_build_and_names_both_at_their_place(
    live_build: tuple[FixtureSite, Build],
) -> None:
    site, build = live_build
    assert build.returncode != 0
    for phrase in ("permanent", "painless"):
        line, column = position_of(BAD, phrase)
        assert f"ERROR   -  claims: docs/results.md:{line}:{column}: " in build.output
        (message,) = [row for row in build.output.splitlines() if f"docs/results.md:{line}:{column}: " in row]
        assert f'"{phrase}"' in message and "Instead, say " in message and "reviewed_claims" in message
        assert f"::error file=docs/results.md,line={line},col={column},title=claims." in build.output  # on its line in the pull request


def test_careful_wording_and_a_kept_claim_are_not_findings_and_the_kept_claim_is_listed(live_build: tuple[FixtureSite, Build]) -> None:
    site, build = live_build
    assert "claims: docs/index.md" not in build.output
    assert "claims: docs/kept.md" not in build.output
    assert "Claims check (claims.yml): 3 pages, 2 reported, 1 kept by a named reviewer, in " in build.output
    summary = (site.root / "summary.md").read_text(encoding="utf-8")
    kept_line = KEPT.split("\n").index("  - claim: find it painless with numbing cream") + 1
    row = f"| `docs/kept.md:{kept_line}` | find it painless with numbing cream | painless | {REVIEWER} | 2026-10-30 |"
    assert row in summary, summary
    check = subprocess.run(
        [sys.executable, "-m", "kit", "check", "docs/index.md", "docs/kept.md"],
        cwd=site.root,
        env={"PYTHONPATH": str(ROOT), "CLINIC_KIT_TODAY": FIXTURE_TODAY, "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stdout + check.stderr


def test_a_live_site_of_careful_wording_and_kept_claims_builds_clean(tmp_path: Path) -> None:
    site = claims_site(tmp_path, "live")
    (site.root / "docs" / "results.md").unlink()
    build = site.build("--strict", env={"CLINIC_KIT_PDF": "off"})
    assert build.returncode == 0, build.output
    assert "claims: docs/" not in build.output
    assert "Claims check (claims.yml): 2 pages, 0 reported, 1 kept by a named reviewer, in " in build.output


def test_a_kept_claim_without_a_reviewer_or_no_longer_on_the_page_is_reported(tmp_path: Path) -> None:
    site = claims_site(tmp_path, "live")
    site.write("docs/kept.md", KEPT.replace(f"    reviewer: {REVIEWER}\n", "").replace("claim: find it", "claim: finds it"))
    site.write("docs/other.md", KEPT.replace("Most patients find it painless", "Most patients say it is painless"))
    check = subprocess.run(
        [sys.executable, "-m", "kit", "check", "docs/kept.md", "docs/other.md"],
        cwd=site.root,
        env={"PYTHONPATH": str(ROOT), "CLINIC_KIT_TODAY": FIXTURE_TODAY, "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
    )
    assert check.returncode == 1
    assert 'claims: docs/kept.md:7:5: The kept claim "finds it painless with numbing cream" names no reviewer.' in check.stdout
    assert 'claims: docs/other.md:7:5: The kept claim "find it painless with numbing cream" is not on the page' in check.stdout
    assert "ERROR   -  claims: docs/other.md:" in check.stdout  # its painless is reported, as nobody kept it


def test_a_demonstration_site_reports_every_claim_and_still_builds(tmp_path: Path) -> None:
    site = claims_site(tmp_path, "demo")
    build = site.build("--strict", env={"CLINIC_KIT_PDF": "off"})
    assert build.returncode == 0, build.output
    for phrase in ("permanent", "painless"):
        line, column = position_of(BAD, phrase)
        (message,) = [row for row in build.output.splitlines() if f"claims: docs/results.md:{line}:{column}: " in row]
        assert message.startswith("INFO") and "a live site does not publish it" in message


@pytest.mark.skipif(not DEMO, reason="the demonstration's own sentences: clinic.yml is not in demo mode")
def test_the_demonstration_lists_its_own_flagged_sentences_in_its_build(real_site: Build) -> None:
    """Whatever claims `python -m kit check` finds on the real pages, the real (passing) build reports too."""
    check = subprocess.run([sys.executable, "-m", "kit", "check"], cwd=ROOT, capture_output=True, text=True)
    found = [line.split("-  ", 1)[1] for line in check.stdout.splitlines() if "-  claims: docs/" in line]
    assert found, "the demonstration's source text has claims a clinician should look at"
    for line in found:
        assert line in real_site.output
