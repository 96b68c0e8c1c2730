"""English spelling variants: which of two spellings (colour, color) a site writes.

A clinic sets `spelling: variant:` in terminology.yml to en-US, en-GB, en-CA or
en-AU. Each pair of spellings is of a kind, and each variant takes one side of
each kind (kit/wording/words/variants.yml says the same for editors):

    kind                           en-US  en-GB          en-CA  en-AU
    -ise/-ize  (moisturise)        -ize   both (-ise)    -ize   -ise
    ae/oe      (anaesthetic)       e      ae/oe          e      ae/oe
    any other  (colour, centre)    US     British        British British

Pairs come from lists (kit/wording/wordlists.py), and, for British words the US
dictionary lacks, from rules that turn them into a US dictionary word
(flavourful -> flavorful): the rules run only on words no list knows, so a
real word is never rewritten.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache, cached_property

from rapidfuzz.distance import OSA

from kit.wording.wordlists import english_words, variant_data

VARIANTS = {"en-US": "US English", "en-GB": "British English", "en-CA": "Canadian English", "en-AU": "Australian English"}
DEFAULT_VARIANT = "en-US"
BRITISH, AMERICAN, BOTH = "British", "American", "both"
_SIDE = {
    "ize": {"en-US": AMERICAN, "en-GB": BOTH, "en-CA": AMERICAN, "en-AU": BRITISH},
    "ae": {"en-US": AMERICAN, "en-GB": BRITISH, "en-CA": AMERICAN, "en-AU": BRITISH},
    "other": {"en-US": AMERICAN, "en-GB": BRITISH, "en-CA": BRITISH, "en-AU": BRITISH},
}
# A pair from the general list counts only when its two words are two
# spellings of one word (not film/movie): a few edits apart.
_MAX_SPELLING_EDITS = 3
# Endings that inflect both spellings alike (colours/colors, centre's/center's);
# the lists spell out the other forms (coloured, centring).
_ENDINGS = ("'s", "s")
# British -> American rewrites for words no list knows; each yields candidates.
_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?<=[iy])s(?=(?:e|es|ed|er|ers|ing|ation|ations|able)$)"), "z"),
    (re.compile(r"our(?=(?:s|ed|ing|ful|less|able|ite|ites|er|ers|ism|ist|ists)?$)"), "or"),
    # anaesthetic, haem, oedema, foetus: the ae/oe before a consonant ("haeals" is a typo of heals, not British).
    (re.compile(r"(?<=[a-z])[ao]e(?=[b-df-hj-np-tv-z])|^[ao]e(?=[b-df-hj-np-tv-z])"), "e"),
    (re.compile(r"tre(?=(?:s|d)?$)"), "ter"),
    (re.compile(r"ll(?=(?:ed|ing|er|ers|or|ors)$)"), "l"),
    (re.compile(r"ence(?=s?$)"), "ense"),
    (re.compile(r"ogue(?=s?$)"), "og"),
)


def pair_kind(british: str, american: str) -> str:
    """ "ize" (moisturise/moisturize), "ae" (anaesthetic/anesthetic) or "other" (colour/color)."""
    if any(british[:index] + british[index + 1 :] == american for index in _ae_positions(british)):
        return "ae"
    if len(british) == len(american) and all(b == a or {b, a} == {"s", "z"} for b, a in zip(british, american, strict=True)):
        return "ize"
    if any(_ae_positions(british)) and "z" in american and _without_ae_and_z(british) == american.replace("z", "s"):
        return "ae"  # anaesthetise/anesthetize
    return "other"


def _ae_positions(word: str) -> Iterator[int]:
    """Where an "a" or "o" stands before an "e" (anaemia, oedema): the letter US English drops."""
    return (index for index in range(len(word) - 1) if word[index] in "ao" and word[index + 1] == "e")


def _without_ae_and_z(word: str) -> str:
    return re.sub(r"([ao])e", "e", word).replace("z", "s")


class SpellingVariant:
    """One site's variant: which words are its own spelling, and the form to write for the others."""

    def __init__(self, variant: str) -> None:
        self.variant = variant
        self.name = VARIANTS[variant]
        self._own, self._write, self._suggest_as = _variant_tables(variant)

    def form_to_write(self, lower: str) -> tuple[str, str] | None:
        """For another variant's spelling: (this site's spelling, whose spelling the word is); else None."""
        found = self._write.get(lower)
        if found is not None:
            return found
        for ending in _ENDINGS:
            base = self._write.get(lower[: -len(ending)]) if lower.endswith(ending) and len(lower) > len(ending) + 3 else None
            if base is not None:
                return base[0] + ending, base[1]
        return None

    def writes(self, lower: str) -> bool:
        """Whether a word is this variant's own spelling of a pair (accepted even where the dictionary lacks it)."""
        return lower in self._own or any(lower.endswith(ending) and lower[: -len(ending)] in self._own for ending in _ENDINGS)

    def by_rule(self, lower: str, known: Callable[[str], bool]) -> tuple[str, str] | None:
        """A British spelling no list has (flavourful): ("", "") when this site writes it, else what to write."""
        for american in _rule_candidates(lower):
            if known(american):
                side = _SIDE[pair_kind(lower, american)][self.variant]
                if side == AMERICAN:
                    return american, BRITISH
                return "", ""
        return None

    @cached_property
    def spellings_beyond_the_dictionary(self) -> dict[str, str]:
        """This variant's own spellings the US dictionary lacks (colour), each with its US form (color) for how common it is."""
        return {preferred: other for other, preferred in self._suggest_as.items() if preferred not in english_words()}

    def as_written_here(self, lower: str) -> str:
        """A suggestion in this site's spelling (moisturizer -> moisturiser on an en-GB site)."""
        return self._suggest_as.get(lower, lower)


def _rule_candidates(word: str) -> Iterator[str]:
    for pattern, replacement in _RULES:
        for match in pattern.finditer(word):
            yield word[: match.start()] + replacement + word[match.end() :]


@cache
def _variant_tables(variant: str) -> tuple[frozenset[str], dict[str, tuple[str, str]], dict[str, str]]:
    """(own spellings, other spelling -> (own spelling, whose), any spelling -> the one to suggest); per process."""
    data = variant_data()
    dictionary = english_words()
    also_correct = data.also_correct.get(variant, frozenset())
    own: set[str] = set()
    write: dict[str, tuple[str, str]] = {}
    suggest_as: dict[str, str] = {}
    # The project's own pairs first: the first British form listed for an American word is the one to write.
    for british, american in (*data.own_pairs, *_spelling_pairs(data.general_pairs, data.not_variants, dictionary)):
        side = _SIDE[pair_kind(british, american)][variant]
        preferred = american if side == AMERICAN else british
        other, whose = (british, BRITISH) if side == AMERICAN else (american, AMERICAN)
        own.add(preferred)
        suggest_as.setdefault(other, preferred)
        if side == BOTH or other in also_correct:
            own.add(other)
            continue
        write.setdefault(other, (preferred, whose))
    return frozenset(own), write, suggest_as


def _spelling_pairs(
    pairs: tuple[tuple[str, str], ...], not_variants: frozenset[str], dictionary: frozenset[str]
) -> Iterator[tuple[str, str]]:
    for british, american in pairs:
        if british in not_variants or not british.replace("-", "").isalpha() or not american.replace("-", "").isalpha():
            continue
        if OSA.distance(british, american) > _MAX_SPELLING_EDITS or american not in dictionary:
            continue  # two different words (film, movie), or a form no US dictionary has
        yield british, american
