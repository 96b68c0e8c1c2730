"""Which words are typos, and what the editor probably meant.

A word is right when it is in the clinic's accepted words, the skin-clinic word
list, the general dictionary, or the long tail of medicine and condition names
derived from public-domain lists (kit/wording/words/medicines.txt and
conditions.txt), in this site's spelling variant; an accepted
or listed word also in its regular plural, possessive and verb forms (keloids,
keloid's, exfoliated), so clinics list base forms only. The general
dictionary already lists its own inflections: stripping endings against it
would accept "thes" and "ising", so that is never done.

A word that is not right is one of three problems, each with its own message:
- "variant": the other variant's spelling ("colour" on a US site), with the
  form this site writes;
- "abbreviation": a short all-capital word no list knows (never a guessed
  correction: "SPF" is not a typo of "SPY");
- "spelling": anything else, with the nearest word or "check its spelling".

Suggestions try words one edit away first, the clinic's and the field's words
before general ones ("brusing" is "bruising", not "brushing"), inflected forms
of listed words included ("exfolients" -> "exfoliants"); then the field's words
by Jaro-Winkler ("micronelean" -> "microneedling", five edits away, where a
general dictionary offers "Micronesian"); then general words two edits away;
the long tail is searched only after general words one edit away, so an
obscure drug name never stands in for the common word a typo most likely
meant;
else no guess. That is done only for words already rejected, since
fuzzy-matching every word would flag real words that look like terms
(lasting/elastin).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Protocol

from rapidfuzz import process
from rapidfuzz.distance import OSA, Indel, JaroWinkler

from kit.wording.languages import ENGLISH, Language, load_language
from kit.wording.variants import DEFAULT_VARIANT, SpellingVariant
from kit.wording.wordlists import english_words, english_words_of_length, long_tail_words, skin_words, word_frequency

# A word: letters (any alphabet) and digits, with inner apostrophes
# (you're, skin’s) and hyphens (fragrance-free) kept inside it.
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*(?:-[^\W_]+(?:['’][^\W_]+)*)*")
FIELD_TERM_SIMILARITY = 0.88
# Below this count in the dictionary's frequency list a word is rare (colure, milan).
COMMON_WORD_FREQUENCY = 500
DICTIONARY_MAX_EDITS = 2
# Longest all-capital word read as an abbreviation (NSAID); longer ones are
# words in a shouted heading, checked as words.
ABBREVIATION_MAX_LETTERS = 5
# The shortest word a closed prefix is written onto (micro + herida), so a prefix never hides a typo of a short word.
MIN_PREFIXED_WORD = 4
ROMAN_NUMERAL = re.compile(r"(?=[MDCLXVI])M{0,3}(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})")
# Units written after a number (0.5 mm, 10 ml, 5 mg, 9 am): never typos there.
UNITS = frozenset(
    "mm cm m km nm µm μm ml mL l L dl cl mg mcg µg μg g kg iu IU u U h hr hrs min mins sec secs s am pm "
    "cc mmol Hz kHz MHz J kJ W mW V oz fl lb lbs ft in yo yrs y".split()
)
# Prefixes English writes before a hyphen (pre-treatment, co-author) that a
# dictionary does not list as words of their own.
HYPHEN_PREFIXES = frozenset("anti co counter de inter micro mid multi non over post pre re self semi sub super ultra un under".split())


@dataclass(frozen=True)
class Problem:
    """What is wrong with one word: its kind (the rule), and the word to write when known."""

    rule: str  # "spelling", "variant" or "abbreviation"
    word: str
    write: str | None = None  # the suggestion, or the variant's form
    whose: str = ""  # for "variant": "British" or "American"


class Speller:
    """The dictionary, the field's words and the clinic's words, with this build's answers cached.

    One Speller lives for one build (terminology.yml may change between
    `mkdocs serve` rebuilds); the word lists themselves are shared by all of them.
    """

    def __init__(
        self,
        accepted_words: Iterable[str],
        clinic_words: Iterable[str] = (),
        variant: str = DEFAULT_VARIANT,
        language: str = ENGLISH,
        site: Path | None = None,
    ) -> None:
        accepted = {_straight(word) for word in accepted_words}
        self._clinic_any_case = frozenset(word for word in accepted if word == word.lower())
        self._clinic_exact = frozenset(accepted - self._clinic_any_case)
        self.lexicon: Lexicon = EnglishLexicon(variant) if language == ENGLISH else LanguageLexicon(load_language(language, site))
        field = {_straight(word) for word in self.lexicon.field_words()}
        # Lower case: any case (Rosacea, ROSACEA); with capitals: as written or all capitals (Botox, BOTOX).
        self._any_case = frozenset(word for word in field if word == word.lower()) | self._clinic_any_case
        self._exact_case = frozenset(word for word in field if word != word.lower()) | self._clinic_exact
        self._all_caps = frozenset(word.upper() for word in self._exact_case)
        self._clinic_words = tuple(sorted({_straight(word).lower() for word in (*accepted, *clinic_words)}))
        self._written_as = {word.lower(): word for word in self._exact_case}  # botox -> Botox
        self.variant = self.lexicon.variant
        self._words = self.lexicon.words()
        self._verdicts: dict[str, tuple[tuple[int, str], ...]] = {}
        self._known_tokens: set[str] = set()
        self._problems: dict[str, Problem] = {}

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
        """Whether one word (no hyphen) is right on this site, or not a word at all (3D, 2026)."""
        return self._problem_kind(word) is None

    def problem(self, word: str) -> Problem:
        """What is wrong with a word `knows` rejected, and what to write; cached per build."""
        if word not in self._problems:
            self._problems[word] = self._describe(word)
        return self._problems[word]

    def suggest(self, word: str) -> str | None:
        """The word the editor most likely meant, in this site's spelling and the word's case; None when nothing is close."""
        suggestion = self._nearest(_straight(word).lower())
        if suggestion is None:
            return None
        written = self._written_as.get(suggestion) or self._brand_name(suggestion)
        return _same_case(word, written or self.variant.as_written_here(suggestion))

    def _brand_name(self, lower: str) -> str | None:
        """How the long tail writes a capitalised name (eliquis -> Eliquis), if it lists one."""
        return lower.capitalize() if lower.capitalize() in self._long_tail[1] else None

    def _describe(self, word: str) -> Problem:
        kind = self._problem_kind(word)
        if kind == "variant":
            found = self._variant_form(_straight(word).lower())
            assert found
            return Problem("variant", word, _same_case(word, found[0]), found[1])
        if kind == "abbreviation":
            return Problem("abbreviation", word)
        return Problem("spelling", word, self.suggest(word))

    def _problem_kind(self, word: str) -> str | None:
        if len(word) < 2 or "-" not in word and any(character.isdigit() for character in word):
            return None  # vitamins A, C and E; 2026; 3D; 1st; 9am; the 12 of 12-week (week is checked)
        word = _straight(word)
        lower = word.lower()
        if lower in self._clinic_any_case or word in self._clinic_exact:
            return None  # the clinic's own words first: its name may be "Skin Centre" on a US site
        variant = self._variant_form(lower)
        if variant == ("", ""):
            return None  # this site's own spelling, known by rule (flavourful on a British site)
        if variant is not None:
            return "variant"
        if lower in self._words or self._is_listed(word) or self.variant.writes(lower):
            return None
        if self.lexicon.is_form_of(word, self._is_listed, self._spelled):
            return None
        if self._in_long_tail(word) or any(self._in_long_tail(base) for base in base_forms(word)):
            return None  # Eliquis, adalimumab, pilaris; Willebrand's
        if (plain := self.lexicon.without_accents(word)) != word and self._problem_kind(plain) is None:
            return None  # crêpey, as crepey: an English writer's accents on a word the lists know without them
        if lower.endswith(("'s", "s'")) and len(word) > 3 and self._problem_kind(word[:-2]) is None:
            return None  # the skin's, UV's, patients'
        if self._is_prefixed_word(word):
            return None  # microheridas: micro + heridas, a prefix written onto a known word (Spanish writes them closed)
        if ROMAN_NUMERAL.fullmatch(word):
            return None  # Fitzpatrick types IV to VI
        if _is_abbreviation(word):
            return "abbreviation"
        return "spelling"

    def _spelled(self, folded: str) -> Iterator[str]:
        """The known words written `folded` without their accents (colageno: colágeno), most common first."""
        yield from self._field_folded.get(folded, ())
        yield from self.lexicon.spelled_as(folded)

    @cached_property
    def _field_folded(self) -> dict[str, tuple[str, ...]]:
        """The field's and the clinic's words by their letters without accents (a few hundred: no need to rank them)."""
        index: dict[str, list[str]] = {}
        for word in self._field_words:
            index.setdefault(self.lexicon.fold(word), []).append(word)
        return {folded: tuple(words) for folded, words in index.items()}

    def is_unit_after_number(self, word: str, text_before: str) -> bool:
        """ "mm" in "0.5 mm", "h" in "24 h": a unit of this language after a number, never a typo there."""
        return is_unit_after_number(word, text_before, self.lexicon.units)

    @cached_property
    def _long_tail(self) -> tuple[frozenset[str], frozenset[str]]:
        """The derived lists' words: lower case ones in any case, capitalised ones (brand names) as written or in capitals."""
        words = self.lexicon.long_tail_words()
        any_case = frozenset(word for word in words if word == word.lower())
        return any_case, frozenset(words) - any_case

    def _in_long_tail(self, word: str) -> bool:
        any_case, exact = self._long_tail
        return word.lower() in any_case or word in exact or (word.isupper() and word.capitalize() in exact)

    @cached_property
    def _long_tail_pool(self) -> tuple[str, ...]:
        """The derived lists in lower case, for the last place a suggestion looks."""
        return tuple(sorted({word.lower() for word in self.lexicon.long_tail_words()}))

    def _is_prefixed_word(self, word: str) -> bool:
        """A known word with one of the language's closed prefixes before it (none in English: its list has them)."""
        lower = word.lower()
        return any(
            lower.startswith(prefix) and len(lower) - len(prefix) >= MIN_PREFIXED_WORD and self._problem_kind(lower[len(prefix) :]) is None
            for prefix in self.lexicon.closed_prefixes
        )

    def _is_listed(self, word: str) -> bool:
        """In the field's or the clinic's lists, in a case they allow."""
        return word.lower() in self._any_case or word in self._exact_case or (word.isupper() and word in self._all_caps)

    def _variant_form(self, lower: str) -> tuple[str, str] | None:
        """(what to write, whose spelling it is) for another variant's spelling; ("", "") for this site's own by rule."""
        listed = self.variant.form_to_write(lower)
        if listed is not None:
            return listed
        if lower in self._words or lower in self._any_case:
            return None  # rules only for words no list knows: they never rewrite a real word
        return self.variant.by_rule(lower, lambda american: american in self._words or american in self._any_case)

    def _judge(self, token: str) -> tuple[tuple[int, str], ...]:
        if self.knows(token):
            return ()
        if "-" not in token:
            return ((0, token),)
        unknown = []
        offset = 0
        parts = token.split("-")
        for number, part in enumerate(parts):
            is_prefix = number < len(parts) - 1 and part.lower() in self.lexicon.hyphen_prefixes
            if not is_prefix and not self.knows(part):
                unknown.append((offset, part))
            offset += len(part) + 1
        return tuple(unknown)

    @cached_property
    def _field_words(self) -> tuple[str, ...]:
        """The field's and the clinic's words, lower case: the first places to look for what was meant."""
        return tuple(sorted({word.lower() for word in (*self._any_case, *self._exact_case, *self._clinic_words) if len(word) > 2}))

    @cached_property
    def _field_pool(self) -> tuple[str, ...]:
        """The same words with their regular inflections (exfoliants, keloids)."""
        words = [word for word in self._field_words if word.isalpha()]
        return tuple(sorted({*self._field_words, *(form for word in words for form in self.lexicon.inflections(word))}))

    def _nearest(self, word: str) -> str | None:
        if len(word) < 3:
            return None
        accented = self.lexicon.with_right_accents(word, self._spelled, self.knows)
        if accented is not None:
            return accented  # colageno -> colágeno, lavese -> lávese: only the accents were wrong
        max_edits = 1 if len(word) <= 4 else DICTIONARY_MAX_EDITS
        field = _within(word, self._field_pool, max_edits)
        in_field = [candidate for candidate, edits in field.items() if edits <= 1]
        if in_field:
            # One edit from a field word: it comes first, no need to search the dictionary. A dropped letter is the
            # commonest slip, so "retinods" is "retinoids" (Indel 1), not "retinols" (Indel 2).
            return min(in_field, key=lambda candidate: (Indel.distance(word, candidate), -self.lexicon.frequency(candidate), candidate))
        misheard = self.lexicon.sounding_alike(word, self._spelled, self.knows)
        if misheard is not None:
            return misheard  # ampoya -> ampolla, not apoya: letters that sound alike, before general words one edit away
        general = _within(word, self.lexicon.words_of_length(len(word) - max_edits, len(word) + max_edits), max_edits)
        # This variant's own spellings count as common as their US forms (colour as color).
        own_spellings = self.variant.spellings_beyond_the_dictionary
        general |= _within(word, tuple(own_spellings), max_edits)

        def how_common(candidate: str) -> int:
            return self.lexicon.frequency(own_spellings.get(candidate, candidate))

        # One edit from general words: a rare word never beats a common one ("colur": "color", not "colure").
        one_edit = [candidate for candidate, edits in general.items() if edits <= 1]
        counts = {candidate: how_common(candidate) for candidate in one_edit}
        common = [candidate for candidate in one_edit if counts[candidate] >= COMMON_WORD_FREQUENCY]
        if common:
            return min(common, key=lambda candidate: (Indel.distance(word, candidate), -counts[candidate], candidate))
        # A medicine or condition name of the long tail one edit away ("Eliqius": "Eliquis"), before a rare
        # general word ("pilarus": "pilaris", not "pilaus"); two edits away only after it, and when no field
        # word is as near ("Pradxa": "Pradaxa").
        long_tail = _within(word, self._long_tail_pool, 1 if field else max_edits)
        for edits, candidates in ((1, long_tail), (1, counts), (2, long_tail)):
            near = [candidate for candidate in candidates if general.get(candidate, long_tail.get(candidate)) == edits]
            if near:
                return min(near, key=lambda candidate: (Indel.distance(word, candidate), -counts.get(candidate, 0), candidate))
        # Further away: the clinic's own words, then the field's, by likeness ("micronelean" -> "microneedling").
        for pool in (self._clinic_words, self._field_pool):
            similar = process.extractOne(word, pool, scorer=JaroWinkler.normalized_similarity, score_cutoff=FIELD_TERM_SIMILARITY)
            if similar is not None:
                return similar[0]
        if field:
            return min(field, key=lambda candidate: (field[candidate], candidate))
        if general:
            # Fewest edits first (swapping two letters is one edit), then the most common word.
            return min(general, key=lambda candidate: (general[candidate], -how_common(candidate), candidate))
        return None


def _within(word: str, pool: Sequence[str], max_edits: int) -> dict[str, int]:
    """The words of a pool at most `max_edits` edits away (swapping two letters is one edit), with their distance."""
    return {match[0]: int(match[1]) for match in process.extract(word, pool, scorer=OSA.distance, score_cutoff=max_edits, limit=None)}


def base_forms(word: str) -> Iterator[str]:
    """The words an inflected form may come from: keloids -> keloid, therapies -> therapy, exfoliated -> exfoliate.

    Only regular English: "es" after s, x, z, ch, sh and o (not "exfoliantes"),
    and a final "e" dropped before "ed" and "ing" (not "bruiseing").
    """
    lower = word.lower()
    if lower.endswith(("'s", "s'")):
        yield word[:-2]
    if lower.endswith("ies") or lower.endswith("ied"):
        yield word[:-3] + "y"
    if lower.endswith("es") and lower[:-2].endswith(("s", "x", "z", "ch", "sh", "o")):
        yield word[:-2]
    if lower.endswith("s") and not lower.endswith(("ss", "es")) or lower.endswith("es") and not lower.endswith("ies"):
        yield word[:-1]
    for ending in ("ed", "ing"):
        if lower.endswith(ending) and len(lower) > len(ending) + 2:
            stem = word[: -len(ending)]
            if not stem.lower().endswith("e") or ending == "ing" and stem.lower().endswith(("ee", "ye", "oe")):
                yield stem
            yield stem + "e"
            if _doubles_its_last_letter(stem[:-1]) and stem[-1] == stem[-2]:
                yield stem[:-1]  # planned -> plan, but not numbbing -> numb


def _doubles_its_last_letter(word: str) -> bool:
    """plan -> planned, peel -> peeled: one vowel then one consonant (not w, x or y) doubles before -ed and -ing."""
    vowels = "aeiou"
    return len(word) > 2 and word[-1] not in vowels + "wxy" and word[-2] in vowels and word[-3] not in vowels


def inflections(word: str) -> Iterator[str]:
    """Regular plural and verb forms of a lower-case word: exfoliant -> exfoliants; the inverse of base_forms."""
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        yield word[:-1] + "ies"
    elif word.endswith(("s", "x", "z", "ch", "sh")):
        yield word + "es"
    else:
        yield word + "s"
    if word.endswith("e"):
        yield word + "d"
        yield word[:-1] + "ing"
    elif not word.endswith("y"):
        yield word + "ed"
        yield word + "ing"


def words_of(terms: Iterable[str]) -> set[str]:
    """The single words inside the clinic's terms ("collagen induction therapy")."""
    return {word for term in terms for word in WORD.findall(term)} | set(terms)


def is_unit_after_number(word: str, text_before: str, units: frozenset[str] = frozenset()) -> bool:
    """ "mm" in "0.5 mm", "ml" in "5-10 ml": a unit, never a typo there."""
    return (word in UNITS or word in units) and re.search(r"\d[%]?[ \t\u00a0\u202f]*$", text_before) is not None


def _is_abbreviation(word: str) -> bool:
    """SPF, PRP, AHAs, GP's: capitals (a plural "s" allowed), up to ABBREVIATION_MAX_LETTERS of them."""
    letters = word[:-2] if word.endswith("'s") else word[:-1] if word.endswith("s") else word
    return letters.isupper() and letters.isalpha() and 2 <= len(letters) <= ABBREVIATION_MAX_LETTERS


def _without_accents(word: str) -> str:
    """crêpey -> crepey, Avène -> Avene: the letters without their accents."""
    return "".join(character for character in unicodedata.normalize("NFD", word) if not unicodedata.combining(character))


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


class NoVariant:
    """A language without spelling variants: every word is either right or a typo."""

    def __init__(self, language: Language) -> None:
        self.variant = language.code
        self.name = language.name
        self.spellings_beyond_the_dictionary: dict[str, str] = {}

    def form_to_write(self, lower: str) -> tuple[str, str] | None:
        return None

    def writes(self, lower: str) -> bool:
        return False

    def by_rule(self, lower: str, known: Callable[[str], bool]) -> tuple[str, str] | None:
        return None

    def as_written_here(self, lower: str) -> str:
        return lower


class Lexicon(Protocol):
    """What the speller needs from a language: its lists, its inflections, its accents."""

    variant: SpellingVariant | NoVariant
    hyphen_prefixes: frozenset[str]
    closed_prefixes: frozenset[str]
    units: frozenset[str]

    def words(self) -> frozenset[str]: ...
    def frequency(self, word: str) -> int: ...
    def words_of_length(self, shortest: int, longest: int) -> list[str]: ...
    def field_words(self) -> tuple[str, ...]: ...
    def inflections(self, word: str) -> Iterable[str]: ...
    def is_form_of(self, word: str, is_listed: Callable[[str], bool], spelled: Callable[[str], Iterable[str]]) -> bool: ...
    def fold(self, word: str) -> str: ...
    def long_tail_words(self) -> tuple[str, ...]: ...
    def without_accents(self, word: str) -> str: ...
    def spelled_as(self, folded: str) -> Iterable[str]: ...
    def with_right_accents(self, word: str, spelled: Callable[[str], Iterable[str]], knows: Callable[[str], bool]) -> str | None: ...
    def sounding_alike(self, word: str, spelled: Callable[[str], Iterable[str]], knows: Callable[[str], bool]) -> str | None: ...


class EnglishLexicon:
    """English: pyspellchecker's US list, the skin-clinic list, variants, and the regular inflections above."""

    hyphen_prefixes = HYPHEN_PREFIXES
    closed_prefixes: frozenset[str] = frozenset()
    units: frozenset[str] = frozenset()

    def __init__(self, variant: str) -> None:
        self.variant: SpellingVariant | NoVariant = SpellingVariant(variant)

    def words(self) -> frozenset[str]:
        return english_words()

    def frequency(self, word: str) -> int:
        return word_frequency(word)

    def words_of_length(self, shortest: int, longest: int) -> list[str]:
        return english_words_of_length(shortest, longest)

    def field_words(self) -> tuple[str, ...]:
        return skin_words()

    def inflections(self, word: str) -> Iterable[str]:
        return inflections(word)

    def is_form_of(self, word: str, is_listed: Callable[[str], bool], spelled: Callable[[str], Iterable[str]]) -> bool:
        """A regular form of a field or clinic word; never of a dictionary word, which lists its own forms ("thes")."""
        return any(is_listed(base) for base in base_forms(word))

    def fold(self, word: str) -> str:
        return word

    def long_tail_words(self) -> tuple[str, ...]:
        """Medicine and condition names from public-domain lists, guarded against English typos (wordlists.py)."""
        return long_tail_words()

    def without_accents(self, word: str) -> str:
        """English spells few words with accents, and writers add them (crêpey, Tolérance): the word without them."""
        return _without_accents(word) if not word.isascii() else word

    def spelled_as(self, folded: str) -> Iterable[str]:
        return ()

    def with_right_accents(self, word: str, spelled: Callable[[str], Iterable[str]], knows: Callable[[str], bool]) -> str | None:
        return None  # English words are not told apart by accents

    def sounding_alike(self, word: str, spelled: Callable[[str], Iterable[str]], knows: Callable[[str], bool]) -> str | None:
        return None  # English suggestions are tuned by edits and frequency (spelling.py's docstring)


class LanguageLexicon:
    """Any other language, from its data file (kit/wording/languages.py)."""

    def __init__(self, language: Language) -> None:
        self.language = language
        self.variant: SpellingVariant | NoVariant = NoVariant(language)
        self.hyphen_prefixes = language.hyphen_prefixes
        self.closed_prefixes = language.closed_prefixes
        self.units = language.units

    def words(self) -> frozenset[str]:
        return self.language.words

    def frequency(self, word: str) -> int:
        return self.language.frequency(word)

    def words_of_length(self, shortest: int, longest: int) -> list[str]:
        return self.language.words_of_length(shortest, longest)

    def field_words(self) -> tuple[str, ...]:
        return self.language.field_words

    def inflections(self, word: str) -> Iterable[str]:
        return self.language.forms(word)

    def is_form_of(self, word: str, is_listed: Callable[[str], bool], spelled: Callable[[str], Iterable[str]]) -> bool:
        """A regular form of a base word (sesiones, protectoras, aplique), or a verb form with pronouns (aplíquese)."""
        lower = word.lower()
        if self._inflects(lower, is_listed, spelled):
            return True
        words = self.language.words
        return any(
            base in words or is_listed(base) or self._inflects(base, is_listed, spelled) for base in self.language.clitic_bases(lower)
        )

    def _inflects(self, lower: str, is_listed: Callable[[str], bool], spelled: Callable[[str], Iterable[str]]) -> bool:
        """A form of a field or clinic word by any rule, or of a general word by the rules its list leaves to them."""
        language = self.language
        for candidate in language.base_candidates(lower, spelled):
            if candidate == lower:
                continue
            if is_listed(candidate) and lower in language.forms(candidate):
                return True
            if candidate in language.words and lower in language.forms(candidate, language.dictionary_groups):
                return not self._accented_in_the_list(lower)
        return False

    def _accented_in_the_list(self, lower: str) -> bool:
        """Whether the list writes these letters with more accents: "fotografias" by rule from "fotografiar" is the
        "fotografías" the list has (verbs in -iar and -uar differ in that), so the rule's form is a missing accent."""
        language = self.language
        marks = language.marks(lower)
        spelled = language.spelled_as(language.fold(lower))
        return any(language.marks(word) > marks and language.has_hiatus_mark(word) for word in spelled)

    def fold(self, word: str) -> str:
        return self.language.fold(word)

    def long_tail_words(self) -> tuple[str, ...]:
        return ()  # the derived lists were guarded against English typos only

    def without_accents(self, word: str) -> str:
        return word  # accents tell this language's words apart

    def spelled_as(self, folded: str) -> Iterable[str]:
        return self.language.spelled_as(folded)

    def with_right_accents(self, word: str, spelled: Callable[[str], Iterable[str]], knows: Callable[[str], bool]) -> str | None:
        """The known word that differs from `word` only in its accents, the most common first (colageno: colágeno)."""
        folded = self.language.fold(word)
        for candidate in spelled(folded):
            if candidate != word:
                return candidate
        for syllable in range(len(folded)):
            candidate = self.language.with_stress_on(folded, syllable)
            if candidate not in (word, folded) and knows(candidate):
                return candidate
        return None

    def sounding_alike(self, word: str, spelled: Callable[[str], Iterable[str]], knows: Callable[[str], bool]) -> str | None:
        """The most common known word written with sound-alike letters, its accents put right too (inflamasión: inflamación)."""
        found: set[str] = set()
        for variant in self.language.sounding_alike(word):
            if knows(variant):
                found.add(variant)
            found.update(spelled(self.language.fold(variant)))
        return min(found, key=lambda candidate: (-self.frequency(candidate), candidate)) if found else None
