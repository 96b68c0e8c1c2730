"""The word lists behind the wording check, each loaded once per process.

- The general dictionary: pyspellchecker's US English word list with word
  frequencies, read straight from the package's data (building its
  `SpellChecker` object costs half a second of bookkeeping this check does not
  use).
- The skin-clinic word list, `kit/wording/words/skin.txt`, written for this project:
  conditions, actives, medicines, procedures, anatomy, abbreviations and brand
  names that general dictionaries lack (FIELD-NOTES: medical lists in Debian
  and cspell are GPL-3, so none is copied).
- The long tail, derived from public-domain lists by scripts/derive_word_lists.py:
  `medicines.txt` (US FDA UNII names: official and brand names) and
  `conditions.txt` (US CDC ICD-10-CM: the words of condition names). They only
  accept words; a typo's suggestion looks there last (kit/wording/spelling.py).
- British/American spelling pairs: the `eng` package's list (MIT) plus
  `kit/wording/words/variants.yml` (kit/wording/variants.py decides which form a site writes).

Large lists are loaded with the garbage collector paused and then frozen, so
neither loading nor later collections walk 160,000 strings again (FIELD-NOTES).
"""

from __future__ import annotations

import gc
import gzip
import importlib.util
import json
import pkgutil
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from kit.data.collector import collector_paused

WORDS = Path(__file__).parent / "words"
SKIN_WORDS = WORDS / "skin.txt"
VARIANT_DATA = WORDS / "variants.yml"
MEDICINE_WORDS = WORDS / "medicines.txt"
CONDITION_WORDS = WORDS / "conditions.txt"


@cache
def english_words() -> frozenset[str]:
    """The US English word list (lower case): what every check needs."""
    with collector_paused():
        words = frozenset(_alphabetical()[0])
    gc.freeze()
    return words


def word_frequency(word: str) -> int:
    """How common a dictionary word is (0 when it is not one); only suggestions need it, for a few words each."""
    words, counts = _alphabetical()
    index = bisect_left(words, word)
    return int(counts[index].strip(' :,}\n"')) if index < len(words) and words[index] == word else 0


@cache
def _alphabetical() -> tuple[list[str], list[str]]:
    """The words in the list's (alphabetical) order, and each one's count as written (": 123, ").

    The list is a JSON object of "word": count pairs; splitting its text on
    quotation marks reads it four times faster than parsing it, and leaves the
    counts unparsed until a suggestion compares a few of them.
    """
    text = _dictionary_text()
    with collector_paused():
        if "\\" in text:  # an escaped character: parse it properly (the pinned list has none)
            parsed: dict[str, int] = json.loads(text)
            return sorted(parsed), [str(parsed[word]) for word in sorted(parsed)]
        parts = text.split('"')
        return parts[1::2], parts[2::2]


def english_words_of_length(shortest: int, longest: int) -> list[str]:
    """The dictionary's words of `shortest` to `longest` letters: a suggestion searches only lengths a few edits away."""
    words, lengths = _english_words_by_length()
    return words[bisect_left(lengths, shortest) : bisect_right(lengths, longest)]


@cache
def _english_words_by_length() -> tuple[list[str], list[int]]:
    """The words sorted by length (sorting in C is fast), beside their lengths for bisecting."""
    words = sorted(english_words(), key=len)
    return words, list(map(len, words))


@cache
def _dictionary_text() -> str:
    data = pkgutil.get_data("spellchecker", "resources/en.json.gz")
    assert data is not None, "pyspellchecker is installed without its word lists"
    return gzip.decompress(data).decode("utf-8")


@cache
def skin_words() -> tuple[str, ...]:
    """Every word of kit/wording/words/skin.txt, as written (capitals mean "only so")."""
    return tuple(_words_of_lines(SKIN_WORDS.read_text(encoding="utf-8")))


@cache
def long_tail_words() -> tuple[str, ...]:
    """Every word of the derived lists (medicines.txt, conditions.txt), as written: read on the first word the others lack."""
    with collector_paused():
        return tuple(word for path in (MEDICINE_WORDS, CONDITION_WORDS) for word in _words_of_lines(path.read_text(encoding="utf-8")))


def _words_of_lines(text: str) -> Iterator[str]:
    for line in text.splitlines():
        yield from line.split("#", 1)[0].split()


@dataclass(frozen=True)
class VariantData:
    """British/American pairs, and where a variant writes a form outside the general rule."""

    general_pairs: tuple[tuple[str, str], ...]  # (British, American), lower case, from eng
    own_pairs: tuple[tuple[str, str], ...]  # the same, from variants.yml
    not_variants: frozenset[str]
    also_correct: dict[str, frozenset[str]]


@cache
def variant_data() -> VariantData:
    """The eng package's pairs first, then this project's additions from variants.yml."""
    own = yaml.load(VARIANT_DATA.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return VariantData(
        general_pairs=tuple(_eng_pairs()),
        own_pairs=tuple((british, american) for british, american in own["pairs"]),
        not_variants=frozenset(own["not_variants"]),
        also_correct={variant: frozenset(words) for variant, words in own["also_correct"].items()},
    )


def _eng_pairs() -> Iterator[tuple[str, str]]:
    """eng's words.txt: "British<TAB>American" lines. Read as data: importing eng itself is not needed."""
    spec = importlib.util.find_spec("eng")
    assert spec is not None and spec.submodule_search_locations, "the eng package is not installed (requirements.txt)"
    text = (Path(next(iter(spec.submodule_search_locations))) / "words.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        british, _, american = line.partition("\t")
        if american.strip():
            yield british.strip().lower(), american.strip().lower()
