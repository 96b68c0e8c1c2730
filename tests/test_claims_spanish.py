"""The claims check in Spanish, as a bilingual clinic meets it: a Spanish claim is reported at its line on the Spanish
page, its negated form is not, and Spanish is only data (claims.es.yml beside claims.yml).

The site and both rules files are written here from scratch (tests/languages_fixture.py's small bilingual site,
this test's own claims.yml and claims.es.yml): never the clinic's own files.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from conftest import Build, FixtureSite
from languages_fixture import write_bilingual_site

from kit.pages.prose import extract_prose
from kit.pages.translation import record_fingerprint
from kit.wording.claims import ClaimsCheck, load_claims, start_claims_check

WITHOUT_PDFS = {"CLINIC_KIT_PDF": "off"}

CLAIMS_EN = """\
negation:
  before: ["no", not, never, rarely]
kinds:
  - kind: risk
    title: Risk made to sound trivial
    level: error
    rules:
      - phrases: [painless]
        reason: Most people feel some discomfort
        instead: say what it feels like
"""

# The Spanish rules a clinic would write: Spanish negators (one of two words), Spanish number words and
# conjunctions, adjectives in each form, an English reason for the editor and a Spanish rewrite.
CLAIMS_ES = """\
numbers: [dos, tres, cuatro]
negation:
  window: 6
  before: ["no", nunca, ni, sin, rara vez]
  after: ["no son", "no es"]
  clause_words: [y, pero, porque]
  after_stops_at: [y, pero, que]
  concord: [nada, ningún]
kinds:
  - kind: promise
    title: Absolute promise
    level: error
    rules:
      - phrases: [permanente, permanentes]
        about: [resultado, resultados]
        reason: Results fade
        instead: 'diga cuánto suelen durar los resultados'
  - kind: risk
    title: Risk made to sound trivial
    level: error
    rules:
      - phrases: [indoloro, indolora, nada que temer, sin riesgos]
        reason: Most people feel some discomfort
        instead: 'diga qué se siente, p. ej. "la mayoría nota una molestia leve"'
  - kind: pressure
    title: Pressure to book
    level: error
    rules:
      - phrases: [solo quedan <number> plazas]
        reason: Scarcity pressure rushes a medical decision
        instead: 'diga cómo pedir cita sin prisa'
"""

SPANISH_CLAIM = "Los resultados son permanentes y el tratamiento es indoloro."
SPANISH_CAREFUL = "Los resultados no son permanentes, y el tratamiento rara vez es indoloro."


def line_of(path: Path, text: str) -> int:
    return next(number for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1) if text in line)


@pytest.fixture(scope="module")
def spanish_claims_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Build]:
    root = write_bilingual_site(tmp_path_factory.mktemp("claims-es"))
    (root / "claims.yml").write_text(CLAIMS_EN, encoding="utf-8")
    (root / "claims.es.yml").write_text(CLAIMS_ES, encoding="utf-8")
    care_es = root / "docs" / "care.es.md"
    care_es.write_text(care_es.read_text(encoding="utf-8") + f"\n{SPANISH_CLAIM}\n\n{SPANISH_CAREFUL}\n", encoding="utf-8")
    care = root / "docs" / "care.md"
    care.write_text(care.read_text(encoding="utf-8") + "\nThe treatment is painless.\n", encoding="utf-8")
    record_fingerprint(care_es)  # the translation is up to date with the English page
    return root, FixtureSite(root).build(env=WITHOUT_PDFS)


def test_a_spanish_claim_is_reported_at_its_line_on_the_spanish_page(spanish_claims_build: tuple[Path, Build]) -> None:
    root, build = spanish_claims_build
    assert build.returncode == 0, build.output
    care_es = root / "docs" / "care.es.md"
    line = line_of(care_es, SPANISH_CLAIM)
    for phrase, title in (("permanentes", "Absolute promise"), ("indoloro", "Risk made to sound trivial")):
        column = SPANISH_CLAIM.index(phrase) + 1
        (message,) = [row for row in build.output.splitlines() if f"claims: docs/care.es.md:{line}:{column}: " in row]
        assert f'{title}, "{phrase}"' in message, message
        assert "Instead, diga " in message  # the rewrite the editor copies is Spanish
    assert "Claims check (claims.es.yml): " in build.output


def test_its_negated_form_is_not_a_claim(spanish_claims_build: tuple[Path, Build]) -> None:
    root, build = spanish_claims_build
    line = line_of(root / "docs" / "care.es.md", SPANISH_CAREFUL)
    assert f"claims: docs/care.es.md:{line}:" not in build.output, build.output


def test_each_language_is_checked_with_its_own_rules_only(spanish_claims_build: tuple[Path, Build]) -> None:
    root, build = spanish_claims_build
    line = line_of(root / "docs" / "care.md", "The treatment is painless.")
    assert f"claims: docs/care.md:{line}:18: " in build.output  # English rules on the English page
    assert "Claims check (claims.yml): " in build.output
    reported = [row for row in build.output.splitlines() if "claims: docs/" in row]
    assert len(reported) == 3, reported  # painless; permanentes and indoloro: no Spanish rule on English, no English on Spanish


@pytest.fixture(scope="module")
def spanish_rules(tmp_path_factory: pytest.TempPathFactory) -> ClaimsCheck:
    root = tmp_path_factory.mktemp("claims-es-rules")
    (root / "claims.es.yml").write_text(CLAIMS_ES, encoding="utf-8")
    check = start_claims_check(root, "es", [])
    assert check is not None and check.language == "es"
    return check


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("Solo quedan tres plazas este mes.", ["Solo quedan tres plazas"]),  # a Spanish number word
        ("Solo quedan 3 plazas este mes.", ["Solo quedan 3 plazas"]),
        ("Rara vez es indoloro del todo.", []),  # a negator of two words
        ("No es verdad, pero el tratamiento es indoloro.", ["indoloro"]),  # a comma before "pero" ends the clause
        ("Los resultados nunca son permanentes.", []),
        ("Es una sesión indolora.", ["indolora"]),
        ("Los resultados permanentes no son posibles.", []),  # a negated verb after the phrase
        ("Puede quedar una cicatriz permanente.", []),  # not about results
        ("No hay nada que temer.", ["nada que temer"]),  # a Spanish double negative agrees: still a claim
        ("No es un tratamiento sin riesgos.", []),  # "sin" is no concord word: this denies
    ],
)
def test_spanish_negators_numbers_and_clauses_come_from_the_spanish_file(spanish_rules: ClaimsCheck, sentence: str, found: list) -> None:
    assert [flag.as_written for flag in spanish_rules.flags(extract_prose(sentence + "\n"))] == found


def test_the_english_defaults_stay_when_a_file_does_not_set_them(tmp_path: Path) -> None:
    """claims.yml need not list number words or conjunctions: the English ones are the defaults."""
    path = tmp_path / "claims.yml"
    path.write_text(
        textwrap.dedent("""\
            negation:
              before: ["no", not]
            kinds:
              - kind: pressure
                title: Pressure to book
                rules:
                  - phrases: [only <number> places left]
                    reason: Scarcity pressure
                    instead: say how to book
            """),
        encoding="utf-8",
    )
    check = ClaimsCheck(load_claims(path))
    assert [flag.as_written for flag in check.flags(extract_prose("Only three places left, book today.\n"))] == ["Only three places left"]
    assert check.flags(extract_prose("Only tres places left.\n")) == []
