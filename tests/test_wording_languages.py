"""The wording check in Spanish, and in any language a clinic adds as data.

A Spanish page is checked as Spanish: a missing or wrong accent is a typo with
the accented word suggested, plurals, feminine and verb forms of the clinic's
words are right, numbers and units are never typos, and the clinic's Spanish
terms and avoided variants come from the `es:` blocks of terminology.yml. A
third language needs only data files. Fixture sites and terminology files are
written here from scratch.
"""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import ROOT, Build, FixtureSite
from fixturesite import FixturePage, write_fixture_site

from kit.report.findings import Finding, StopBuild
from kit.wording import readability
from kit.wording.languages import load_language
from kit.wording.readability import DEFAULT_MAX_GRADE
from kit.wording.termcheck import WordingCheck, definitions_only
from kit.wording.terminology import load_terminology

TERMINOLOGY = """\
accepted_words: [Dermalux]
spelling:
  level: error
terms:
  - term: dermis
    definition: The deeper layer of the skin.
    avoid:
      - phrase: the derma
        instead: the dermis
        level: error
    es:
      term: dermis
      definition: La capa más profunda de la piel, bajo la epidermis.
      avoid:
        - phrase: la derma
          reason: '"Derma" no es una capa de la piel.'
          instead: la dermis
          level: error
  - term: collagen
    definition: A protein that keeps the skin firm.
es:
  accepted_words: [lipocánula, dermoestético, microperforar]
  terms:
    - term: tirantez
      definition: La sensación de piel estirada después del tratamiento.
  patient_words:
    - words: [crema solar, bronceado]
      page: cuidados.es.md
"""


def checker_for(tmp_path: Path, terminology: str = TERMINOLOGY, language: str = "en") -> WordingCheck:
    file = tmp_path / "terminology.yml"
    file.write_text(terminology, encoding="utf-8")
    return WordingCheck(load_terminology(file, language))


@pytest.fixture(scope="module")
def spanish(tmp_path_factory: pytest.TempPathFactory) -> WordingCheck:
    return checker_for(tmp_path_factory.mktemp("es"))


def findings(check: WordingCheck, text: str, page: str = "docs/cuidados.es.md") -> list[Finding]:
    return check.check_text(page, textwrap.dedent(text))


def flagged(check: WordingCheck, text: str, page: str = "docs/cuidados.es.md") -> list[str]:
    return [re.match(r'(?:Avoid )?"([^"]+)"', finding.message)[1] for finding in findings(check, text, page)]  # type: ignore[index]


def suggestion(finding: Finding) -> str | None:
    match = re.search(r'(?:Did you mean|Write) "([^"]+)"', finding.message)
    return match[1] if match else None


# -- Accents --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typo", "meant"),
    [
        ("colageno", "colágeno"),  # a missing accent
        ("sésion", "sesión"),  # an accent on the wrong letter
        ("despúes", "después"),
        ("manana", "mañana"),  # a missing tilde
        ("lavese", "lávese"),  # a verb with a pronoun needs its accent
        ("Hialuronico", "Hialurónico"),  # at a sentence start, with its capital
    ],
)
def test_a_missing_or_wrong_accent_is_a_typo_and_the_accented_word_is_suggested(spanish: WordingCheck, typo: str, meant: str) -> None:
    (finding,) = findings(spanish, f"La piel necesita {typo} cada día.\n")
    assert finding.level == "error"
    assert finding.located.startswith(f"docs/cuidados.es.md:1:{len('La piel necesita ') + 1}: ")
    assert suggestion(finding) == meant
    assert "Spanish dictionary" in finding.message


def test_correct_accents_questions_and_field_words_are_not_reported(spanish: WordingCheck) -> None:
    text = """\
        ¿Cómo se siente la piel? ¿Cuándo puedo volver? Después de la sesión, el colágeno y la elastina
        se renuevan. Aplíquese el sérum de ácido hialurónico; evítelo si hay ampollas o herpes labial.
        Los retinoides, la isotretinoína y la lidocaína: coméntelos con su dermatóloga. Día a día, pequeños cambios.
    """
    assert flagged(spanish, text) == []


# -- Inflection -----------------------------------------------------------------


def test_plurals_feminine_and_verb_forms_of_the_clinics_words_are_right(spanish: WordingCheck) -> None:
    text = """\
        Usamos lipocánulas finas. Un cuidado dermoestético, dos tratamientos dermoestéticos,
        una rutina dermoestética y cremas dermoestéticas. Microperforamos la piel; si la microperfora
        con cuidado, microperforándola apenas duele. Microperfórela despacio.
    """
    assert flagged(spanish, text) == []


def test_a_closed_prefix_on_a_known_word_is_right_and_a_typo_after_it_is_not(spanish: WordingCheck) -> None:
    assert flagged(spanish, "Las microheridas, una crema antiarrugas y el cuidado postratamiento.\n") == []
    assert flagged(spanish, "Las microheirdas cierran pronto.\n") == ["microheirdas"]


def test_an_inflected_form_keeps_the_accent_rules(spanish: WordingCheck) -> None:
    """ "lipocanulas" drops the accent "lipocánulas" keeps; "dermoestéticas" wrongly placed is reported."""
    found = findings(spanish, "Usamos lipocanulas y cremas dermoéstéticas.\n")
    assert [suggestion(finding) for finding in found] == ["lipocánulas", "dermoestéticas"]


def test_regular_forms_of_general_words_are_right_and_misspelled_ones_are_not(spanish: WordingCheck) -> None:
    text = "Las sesiones, los exámenes, las cicatrices, los láseres; evitó, aplique, protejan, utilicen, incluyendo.\n"
    assert flagged(spanish, text) == []
    assert flagged(spanish, "Las sesiónes, los examenes, utilize y proteje.\n") == ["sesiónes", "examenes", "utilize", "proteje"]


# -- Numbers and units ----------------------------------------------------------


def test_numbers_units_times_and_ordinals_are_never_typos(spanish: WordingCheck) -> None:
    text = "Agujas de 0,5 mm, 2,5 ml de sérum, FPS 50, 24 h sin maquillaje, a las 10:00, el 1.º día, 3-5 días, 20 °C, 1,5 cm y 30 min.\n"
    assert flagged(spanish, text) == []


# -- The clinic's Spanish terms -------------------------------------------------


def test_a_spanish_avoided_variant_is_reported_with_what_to_write(spanish: WordingCheck) -> None:
    (finding,) = findings(spanish, "Texto.\nLas agujas llegan a la derma.\n")
    assert finding.located.startswith(f"docs/cuidados.es.md:2:{'Las agujas llegan a la derma.'.index('la derma') + 1}: ")
    assert finding.message.startswith('Avoid "la derma": "Derma" no es una capa de la piel.')
    assert 'Write "la dermis" instead' in finding.message


def test_english_rules_stay_on_english_pages_and_spanish_rules_on_spanish_pages(spanish: WordingCheck) -> None:
    assert flagged(spanish, "It reaches the derma.\n", page="docs/aftercare.md") == ["the derma"]
    assert flagged(spanish, "Llega a la derma.\n", page="docs/aftercare.md") != ["la derma"]
    assert flagged(spanish, "Se nota la tirantez y el bronceado; use crema solar.\n") == []


def test_the_spanish_view_of_terminology_has_the_spanish_glossary_and_english_entries_are_unchanged(tmp_path: Path) -> None:
    (tmp_path / "terminology.yml").write_text(TERMINOLOGY, encoding="utf-8")
    english = load_terminology(tmp_path / "terminology.yml")
    spanish = english.for_language("es")
    assert [(term.term, term.definition) for term in english.glossary] == [
        ("collagen", "A protein that keeps the skin firm."),
        ("dermis", "The deeper layer of the skin."),
    ]
    assert [term.term for term in spanish.glossary] == ["dermis", "tirantez"]
    assert spanish.glossary[0].definition == "La capa más profunda de la piel, bajo la epidermis."
    assert [entry.target for entry in spanish.patient_words] == ["cuidados.es.md"]
    assert english.patient_words == ()
    assert "Dermalux" in spanish.accepted_words and "lipocánula" not in english.accepted_words
    assert load_terminology(tmp_path / "terminology.yml", "es") == spanish


def test_spanish_definitions_are_checked_in_spanish_at_their_lines(tmp_path: Path) -> None:
    text = TERMINOLOGY.replace("La capa más profunda", "La capa mas profundda")
    check = checker_for(tmp_path, text, "es")
    found = check.check_definitions(tmp_path / "terminology.yml")
    line = text.split("\n").index(next(line for line in text.split("\n") if "profundda" in line)) + 1
    assert [(finding.line, suggestion(finding)) for finding in found] == [(line, "profunda")]
    assert "deeper layer" not in definitions_only(text, "es") and "profundda" in definitions_only(text, "es")


def test_a_language_block_the_check_has_no_words_for_stops_at_its_line(tmp_path: Path) -> None:
    (tmp_path / "terminology.yml").write_text("accepted_words: [a]\nzz:\n  accepted_words: [b]\n", encoding="utf-8")
    with pytest.raises(StopBuild) as stop:
        load_terminology(tmp_path / "terminology.yml")
    assert "terminology.yml:2:1" in str(stop.value) and "`zz` names a language" in str(stop.value)


def test_a_mistake_inside_a_spanish_block_stops_at_its_line(tmp_path: Path) -> None:
    (tmp_path / "terminology.yml").write_text("terms:\n  - term: dermis\n    es:\n      termino: dermis\n", encoding="utf-8")
    with pytest.raises(StopBuild) as stop:
        load_terminology(tmp_path / "terminology.yml")
    assert "terminology.yml:4:7" in str(stop.value) and "`termino` is not a key" in str(stop.value)


# -- English pays nothing for Spanish -------------------------------------------

ENGLISH_ONLY = """\
import sys
from pathlib import Path
from kit.wording.languages import _load_language
from kit.wording.termcheck import WordingCheck
from kit.wording.terminology import load_terminology
check = WordingCheck(load_terminology(Path(sys.argv[1])))
check.check_text("docs/aftercare.md", "Your skin heals in a few days.\\n")
print(_load_language.cache_info().currsize)
check.check_text("docs/cuidados.es.md", "La piel sana en unos días.\\n")
print(_load_language.cache_info().currsize)
"""


def test_an_english_site_never_loads_the_spanish_word_list(tmp_path: Path) -> None:
    (tmp_path / "terminology.yml").write_text(TERMINOLOGY, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-c", ENGLISH_ONLY, str(tmp_path / "terminology.yml")], cwd=ROOT, capture_output=True, text=True
    )
    assert result.stdout.split() == ["0", "1"], result.stderr


# -- A third language is data ---------------------------------------------------

# A tiny made-up language: a data file and a word list beside terminology.yml, no Python.
TOY_LANGUAGE = """\
name: Toy
dictionary: xx-words.txt
inflect_dictionary: [plural]
accents: {ä: a}
inflections:
  plural:
    match: first
    rules:
      - [o, [oj]]
units: [pk]
"""
TOY_WORDS = "bona 50\nsano 40\nhaŭto 30\nmälsano 10\nkremo 20\n"


def write_toy_language(site: Path) -> None:
    (site / "words").mkdir(exist_ok=True)
    (site / "words" / "xx.yml").write_text(TOY_LANGUAGE, encoding="utf-8")
    (site / "words" / "xx-words.txt").write_text(TOY_WORDS, encoding="utf-8")


def test_a_third_language_needs_only_data_files(tmp_path: Path) -> None:
    write_toy_language(tmp_path)
    check = checker_for(tmp_path, TERMINOLOGY + "xx:\n  accepted_words: [klinik]\n")
    assert flagged(check, "Bona kremoj sano klinik, 5 pk.\n", page="docs/pagxo.xx.md") == []
    (finding,) = findings(check, "Bona malsano.\n", page="docs/pagxo.xx.md")
    assert suggestion(finding) == "mälsano" and "Toy dictionary" in finding.message
    (finding,) = findings(check, "Bona krremo.\n", page="docs/pagxo.xx.md")
    assert suggestion(finding) == "kremo"


# -- In the build ---------------------------------------------------------------

SPANISH_PAGE = """\
---
description: Cuidados después del tratamiento.
health_page: false
accepted_words: [Dermalux]
---

# Cuidados posteriores

Aplíquese el sérum dos veces al día y lávese las manos antes.
Las sesiones son cortas y los queloides, raros.
La piel produce colageno nuevo durante semanas.
Las agujas llegan a la derma.
"""


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Build, FixtureSite]:
    root = tmp_path_factory.mktemp("bilingual-wording")
    write_fixture_site(
        root, pages=[FixturePage("index.md", "Welcome", health_page=False)], terminology=TERMINOLOGY + "xx:\n  accepted_words: [klinik]\n"
    )
    write_toy_language(root)
    site = FixtureSite(root)
    site.write("docs/cuidados.es.md", SPANISH_PAGE)
    site.write("docs/pagxo.xx.md", "---\ndescription: Bona.\nhealth_page: false\n---\n\n# Bona\n\nBona krremo sano haŭto.\n")
    return site.build("--strict"), site


def test_a_spanish_typo_fails_the_strict_build_at_its_line_with_the_right_suggestion(build: tuple[Build, FixtureSite]) -> None:
    result, site = build
    assert result.returncode != 0
    line = SPANISH_PAGE.split("\n").index("La piel produce colageno nuevo durante semanas.") + 1
    assert f"docs/cuidados.es.md:{line}:17: " in result.output
    assert re.search(rf'cuidados\.es\.md:{line}:17: "colageno" is not in the Spanish dictionary.*Did you mean "colágeno"\?', result.output)


def test_the_build_reports_the_spanish_avoided_variant_and_nothing_else_on_the_spanish_page(build: tuple[Build, FixtureSite]) -> None:
    result, _ = build
    line = SPANISH_PAGE.split("\n").index("Las agujas llegan a la derma.") + 1
    column = "Las agujas llegan a la derma.".index("la derma") + 1
    assert f'docs/cuidados.es.md:{line}:{column}: Avoid "la derma"' in result.output
    spanish_findings = re.findall(r"termcheck: docs/cuidados\.es\.md:(\d+):\d+", result.output)
    assert sorted(set(map(int, spanish_findings))) == sorted({line, line - 1})


def test_a_page_in_a_language_added_as_data_is_checked_in_it_by_the_build(build: tuple[Build, FixtureSite]) -> None:
    result, _ = build
    assert re.search(r'docs/pagxo\.xx\.md:8:6: "krremo" is not in the Toy dictionary.*Did you mean "kremo"\?', result.output)


# -- Reading grades of Spanish pages --------------------------------------------


def test_spanish_text_is_graded_with_spanish_syllables_and_a_hard_sentence_still_reads_hard() -> None:
    plain = "Coma alimentos ricos en vitaminas A, C y E."
    assert readability.grade(plain, "en") > DEFAULT_MAX_GRADE  # English syllable rules miscount Spanish words
    assert readability.grade(plain, "es") < DEFAULT_MAX_GRADE
    hard = (
        "La hiperpigmentación posinflamatoria es una complicación infrecuente pero persistente, especialmente en "
        "fototipos altos, que requiere fotoprotección rigurosa."
    )
    assert readability.grade(hard, "es") > DEFAULT_MAX_GRADE


def test_a_language_without_a_grade_formula_gets_no_grade(tmp_path: Path) -> None:
    write_toy_language(tmp_path)
    assert load_language("xx", tmp_path).readability is None
    assert readability.grade("Bona kremo sano.", "xx", tmp_path) is None
    assert readability.grade("Bona kremo sano.", "es") is not None
