"""Which words are typos, and what the editor probably meant.

The dictionary is pyspellchecker's US English word list, read straight from
the package's data: building its `SpellChecker` object costs half a second of
bookkeeping this check does not use. It is loaded once per process, with the
garbage collector paused and then told the words are permanent, so neither
loading nor later collections walk 160,000 strings again (FIELD-NOTES).

Suggestions try the clinic's own words first (Jaro-Winkler): a general
dictionary turns "micronelean" into "Micronesian". That is done only for
words the dictionary rejects, since fuzzy-matching every word would flag real
words that look like terms (lasting/elastin).
"""

from __future__ import annotations

import gc
import gzip
import json
import pkgutil
import re
from collections.abc import Iterable
from functools import cache

from rapidfuzz import process
from rapidfuzz.distance import OSA, JaroWinkler

# A word: letters (any alphabet) and digits, with inner apostrophes
# (you're, skin’s) and hyphens (fragrance-free) kept inside it.
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*(?:-[^\W_]+(?:['’][^\W_]+)*)*")
CLINIC_TERM_SIMILARITY = 0.88
DICTIONARY_MAX_EDITS = 2
# Prefixes English writes before a hyphen (pre-treatment, co-author) that a
# dictionary does not list as words of their own.
HYPHEN_PREFIXES = frozenset(
    {
        "anti",
        "co",
        "counter",
        "de",
        "inter",
        "micro",
        "mid",
        "multi",
        "non",
        "over",
        "post",
        "pre",
        "re",
        "self",
        "semi",
        "sub",
        "super",
        "ultra",
        "un",
        "under",
    }
)


@cache
def english_words() -> dict[str, int]:
    """The US English word list (lower case) with word frequencies, loaded once per process."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        data = pkgutil.get_data("spellchecker", "resources/en.json.gz")
        assert data is not None, "pyspellchecker is installed without its word lists"
        words: dict[str, int] = json.loads(gzip.decompress(data))
    finally:
        if collecting:
            gc.enable()
    gc.freeze()
    return words


@cache
def _english_word_list() -> list[str]:
    return list(english_words())


class Speller:
    """The dictionary plus the clinic's words, with this build's answers cached.

    One Speller lives for one build (terminology.yml may change between
    `mkdocs serve` rebuilds); the word list itself is shared by all of them.
    """

    def __init__(self, accepted_words: Iterable[str], clinic_words: Iterable[str] = ()) -> None:
        accepted = {_straight(word) for word in accepted_words}
        # "microneedling" is accepted as Microneedling too; "UV" only as UV.
        self._any_case = frozenset(word for word in accepted if word == word.lower())
        self._exact_case = frozenset(accepted - self._any_case)
        self._all_caps = frozenset(word.upper() for word in self._exact_case)  # Botox in a heading: BOTOX
        self._suggestion_pool = tuple(sorted({_straight(word).lower() for word in (*accepted, *clinic_words)}))
        self._words = english_words()
        self._verdicts: dict[str, tuple[tuple[int, str], ...]] = {}
        self._known_tokens: set[str] = set()
        self._suggestions: dict[str, str | None] = {}

    def unknown_tokens(self, tokens: Iterable[str]) -> set[str]:
        """The tokens with a misspelled part; set arithmetic, as almost every token is known."""
        unknown = set(tokens) - self._known_tokens
        for token in list(unknown):
            if not self.unknown_parts(token):
                self._known_tokens.add(token)
                unknown.discard(token)
        return unknown

    def unknown_parts(self, token: str) -> tuple[tuple[int, str], ...]:
        """The misspelled parts of one token, with their offsets in it (usually none)."""
        verdict = self._verdicts.get(token)
        if verdict is None:
            verdict = self._verdicts[token] = self._judge(token)
        return verdict

    def knows(self, word: str) -> bool:
        """Whether one word (no hyphen) is a dictionary word, an accepted word, or not a word at all."""
        if len(word) < 2 or "-" not in word and any(ch.isdigit() for ch in word):
            return True  # vitamins A, C and E; 2026; 3D; the 12 of 12-week (week is checked)
        word = _straight(word)
        lower = word.lower()
        if lower in self._words or lower in self._any_case or word in self._exact_case or (word.isupper() and word in self._all_caps):
            return True
        if lower.endswith("'s") and len(word) > 2:
            return self.knows(word[:-2])  # the skin's, UV's
        return False

    def suggest(self, word: str) -> str | None:
        """The clinic's nearest own word, else the nearest dictionary word; cached per build."""
        if word not in self._suggestions:
            self._suggestions[word] = _same_case(word, self._nearest(_straight(word).lower()))
        return self._suggestions[word]

    def _judge(self, token: str) -> tuple[tuple[int, str], ...]:
        if self.knows(token):
            return ()
        if "-" not in token:
            return ((0, token),)
        unknown = []
        offset = 0
        parts = token.split("-")
        for number, part in enumerate(parts):
            is_prefix = number < len(parts) - 1 and part.lower() in HYPHEN_PREFIXES
            if not is_prefix and not self.knows(part):
                unknown.append((offset, part))
            offset += len(part) + 1
        return tuple(unknown)

    def _nearest(self, word: str) -> str | None:
        clinic = process.extractOne(
            word, self._suggestion_pool, scorer=JaroWinkler.normalized_similarity, score_cutoff=CLINIC_TERM_SIMILARITY
        )
        if clinic is not None:
            return clinic[0]
        close = process.extract(word, _english_word_list(), scorer=OSA.distance, score_cutoff=DICTIONARY_MAX_EDITS, limit=None)
        if not close:
            return None
        # Fewest edits first (swapping two letters is one edit), then the most common word.
        best = min(close, key=lambda match: (match[1], -self._words[match[0]]))
        return best[0]


def words_of(terms: Iterable[str]) -> set[str]:
    """The single words inside the clinic's terms ("collagen induction therapy")."""
    return {word for term in terms for word in WORD.findall(term)} | set(terms)


def _straight(word: str) -> str:
    return word.replace("’", "'")


def _same_case(original: str, suggestion: str | None) -> str | None:
    """Microneedling at a sentence start is suggested as Microneedling."""
    if suggestion is None:
        return None
    if original.isupper() and len(original) > 1:
        return suggestion.upper()
    if original[:1].isupper():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion
