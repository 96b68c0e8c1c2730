"""The long tail of correct words: medicines, conditions and accents need no clinic's own list, and typos still show.

The clinic's words here come from a terminology.yml the test writes, with no
accepted words: everything accepted below comes from the kit's own lists
(kit/wording/words/: medicines.txt and conditions.txt derived from US FDA and
CDC lists by scripts/derive_word_lists.py, and skin.txt).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import ROOT

from kit.report.findings import Finding
from kit.wording.termcheck import WordingCheck
from kit.wording.terminology import load_terminology
from kit.wording.wordlists import CONDITION_WORDS, MEDICINE_WORDS, english_words

sys.path.insert(0, str(ROOT / "scripts"))
from derive_word_lists import Guard  # noqa: E402 (scripts/ is not a package)


@pytest.fixture(scope="module")
def wording(tmp_path_factory: pytest.TempPathFactory) -> WordingCheck:
    folder = tmp_path_factory.mktemp("long-tail")
    (folder / "terminology.yml").write_text("accepted_words: []\n", encoding="utf-8")
    return WordingCheck(load_terminology(folder / "terminology.yml"))


def findings(wording: WordingCheck, text: str) -> list[Finding]:
    return wording.check_text(Path("docs/page.md"), text + "\n")


def flagged(wording: WordingCheck, text: str) -> list[str]:
    return [finding.message.split('"')[1] for finding in findings(wording, text)]


def test_brand_and_official_names_of_medicines_are_known_without_the_clinics_list(wording: WordingCheck) -> None:
    text = (
        "Tell us if you take apixaban (Eliquis), rivaroxaban (Xarelto), adalimumab (Humira), "
        "methotrexate, semaglutide (Ozempic, Wegovy) or hydrochlorothiazide. ELIQUIS is a blood thinner."
    )
    assert flagged(wording, text) == []


def test_the_latin_and_named_parts_of_condition_names_are_known(wording: WordingCheck) -> None:
    assert flagged(wording, "Keratosis pilaris, pityriasis rubra pilaris and von Willebrand disease are common questions.") == []


def test_a_name_from_the_lists_keeps_its_capital_letter(wording: WordingCheck) -> None:
    """Brand names and eponyms are accepted as written or in capitals, not in lower case."""
    assert flagged(wording, "Ask about eliquis before your visit.") == ["eliquis"]


def test_a_word_written_with_accents_is_known_when_the_lists_know_it_without_them(wording: WordingCheck) -> None:
    assert flagged(wording, "Crêpey skin on the décolletage responds well; use Avène Tolérance afterwards.") == []
    assert flagged(wording, "Crêpy skin responds well.") == ["Crêpy"], "accents do not excuse a misspelling"


def test_a_typo_of_a_medicine_name_is_reported_with_the_name(wording: WordingCheck) -> None:
    for typo, meant in (("Eliqius", "Eliquis"), ("adalimumub", "adalimumab"), ("methotrexte", "methotrexate"), ("pilarus", "pilaris")):
        (finding,) = findings(wording, f"Patients asked about {typo} at the visit.")
        assert f'Did you mean "{meant}"?' in finding.message, finding.message


def test_a_typo_of_an_everyday_word_still_gets_the_everyday_word_not_a_drug(wording: WordingCheck) -> None:
    for typo, meant in (("brusing", "bruising"), ("medecine", "medicine"), ("suppliment", "supplement"), ("asprin", "aspirin")):
        (finding,) = findings(wording, f"Patients asked about {typo} at the visit.")
        assert f'Did you mean "{meant}"?' in finding.message, finding.message


def test_no_derived_word_is_one_slip_from_a_common_word() -> None:
    """A word one edit from a common one ("alive" typed "aleve") would hide that typo: the lists leave such words out."""
    guard = Guard()
    kept = guard.keep(["Aleve", "planus", "Eliquis", "pilaris"])
    assert kept == ["Eliquis", "pilaris"]
    for path in (MEDICINE_WORDS, CONDITION_WORDS):
        words = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
        assert len(words) > 1000 and all(len(word) >= 5 and word.isalpha() for word in words), path
        assert not {word.lower() for word in words} & english_words(), "the dictionary's own words are not repeated"
        # Measured on a sample (the whole list takes the derivation's index): none is one slip from a common word.
        assert not [word for word in words[::97] if guard.one_edit.near(word.lower())], path


def test_the_derived_lists_say_where_they_come_from_and_their_licence() -> None:
    medicines = MEDICINE_WORDS.read_text(encoding="utf-8")
    conditions = CONDITION_WORDS.read_text(encoding="utf-8")
    assert "FDA" in medicines and "public domain" in medicines and "derive_word_lists.py" in medicines
    assert "ICD-10-CM" in conditions and "public domain" in conditions and "derive_word_lists.py" in conditions
