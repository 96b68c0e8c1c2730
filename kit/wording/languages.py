"""The languages the wording check reads, each one a data file: kit/wording/words/<code>.yml.

English is the kit's first language and keeps its own tuned code (kit/wording/
spelling.py, variants.py); every other language is data only: a word list, the
field's words, and rules for its inflections (plural, gender, verb endings,
pronouns written onto verbs) and for where its written accents go. Adding a
language is adding those files, no Python (README "Languages").

Inflection rules run both ways: `forms` makes every form of a base word, and
`bases` proposes the base words a form may come from, each one kept only when
its `forms` give back the form exactly, accents included. So "sesiones" comes
from "sesión", but "sesiónes" from nothing, and "colageno" is not "colágeno".

A language's word list is loaded the first time a page in that language is
checked, so an English site never pays for Spanish.
"""

from __future__ import annotations

import gc
import gzip
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

import yaml

from kit.data.collector import collector_paused

WORDS = Path(__file__).parent / "words"
ENGLISH = "en"
LANGUAGE_CODE = re.compile(r"[a-z]{2,3}")
MAX_CLITICS = 2  # aplíquesela: two pronouns at most


@dataclass(frozen=True)
class Respelling:
    """A stem's last letters written otherwise before some endings: aplic + e -> apliqu + e."""

    stem_ending: str
    before: tuple[str, ...]
    write: str


@dataclass(frozen=True)
class Rule:
    """A base ending and the endings of its forms: ("z", ("ces",)) makes cicatriz -> cicatrices."""

    base: str
    forms: tuple[str, ...]
    respellings: tuple[Respelling, ...] = ()


@dataclass(frozen=True)
class RuleGroup:
    """Plural, gender or verb forms: which rules apply, and how accents move."""

    name: str
    first_only: bool  # `match: first`
    stress: str  # "keep" (the base's stressed syllable), "ending" (the endings carry it) or "none" (as written)
    then: tuple[str, ...]
    rules: tuple[Rule, ...]


@dataclass(frozen=True)
class Readability:
    """A language's reading-ease formula and how its scores read as US school grades."""

    name: str
    ease: tuple[float, float, float]  # a, b, c: ease = a - b * syllables per 100 words - c * sentences per 100 words
    grades: tuple[tuple[float, float], ...]  # (ease, grade) points, highest ease first

    def grade(self, words: int, syllables: int, sentences: int) -> float:
        """The grade the text's ease stands for, between the table's points."""
        a, b, c = self.ease
        ease = a - b * 100 * syllables / words - c * 100 * sentences / words
        points = self.grades
        if ease >= points[0][0]:
            return points[0][1]
        for (high, high_grade), (low, low_grade) in zip(points, points[1:], strict=False):
            if ease >= low:
                return low_grade + (high_grade - low_grade) * (ease - low) / (high - low)
        return points[-1][1]


@dataclass(frozen=True)
class Language:
    """One language's data for the wording check, read from kit/wording/words/<code>.yml."""

    code: str
    name: str
    folder: Path
    dictionary_file: str
    field_words_file: str
    dictionary_groups: tuple[str, ...]  # the inflections that apply to the general list's words too
    vowels: frozenset[str]
    weak_vowels: frozenset[str]
    accents: dict[str, str]  # accented letter -> plain letter
    penultimate_after: tuple[str, ...]
    silent: tuple[str, ...]
    groups: tuple[RuleGroup, ...]
    clitics: tuple[str, ...]
    clitic_after: tuple[str, ...]
    hyphen_prefixes: frozenset[str]
    units: frozenset[str]
    closed_prefixes: frozenset[str] = frozenset()
    sound_alike: tuple[tuple[str, str], ...] = ()
    readability: Readability | None = None

    # -- word lists ------------------------------------------------------------------

    @cached_property
    def _dictionary(self) -> tuple[frozenset[str], dict[str, str]]:
        """The general list and each word's count, read once per process (collector paused, then frozen)."""
        path = self.folder / self.dictionary_file
        raw = path.read_bytes()
        text = (gzip.decompress(raw) if path.suffix == ".gz" else raw).decode("utf-8")
        with collector_paused():
            lines = [line for line in text.splitlines() if line and not line.startswith("#")]
            parts = " ".join(line if " " in line else line + " 1" for line in lines).split(" ")
            counts = dict(zip(parts[0::2], parts[1::2], strict=True))  # counts stay text until a suggestion needs one
            words = frozenset(counts)
        gc.freeze()
        return words, counts

    @property
    def words(self) -> frozenset[str]:
        """The general word list, lower case."""
        return self._dictionary[0]

    def frequency(self, word: str) -> int:
        """How common a listed word is (0 when it is not listed): suggestions rank by it."""
        return int(self._dictionary[1].get(word, 0))

    @cached_property
    def _by_length(self) -> tuple[list[str], list[int]]:
        words = sorted(self.words, key=len)
        return words, list(map(len, words))

    def words_of_length(self, shortest: int, longest: int) -> list[str]:
        """The list's words of `shortest` to `longest` letters: a suggestion searches only lengths a few edits away."""
        words, lengths = self._by_length
        return words[bisect_left(lengths, shortest) : bisect_right(lengths, longest)]

    @cached_property
    def field_words(self) -> tuple[str, ...]:
        """The field's words for this language (capitals mean "only so"), as written."""
        if not self.field_words_file:
            return ()
        text = (self.folder / self.field_words_file).read_text(encoding="utf-8")
        return tuple(word for line in text.splitlines() for word in line.split("#", 1)[0].split())

    # -- accents ---------------------------------------------------------------------

    def fold(self, word: str) -> str:
        """The word without its accents: "colágeno" -> "colageno" (how a missing accent is recognised)."""
        return word.translate(self._fold_table)

    @cached_property
    def _fold_table(self) -> dict[int, str]:
        return str.maketrans(self.accents)

    def spelled_as(self, folded: str) -> tuple[str, ...]:
        """The listed words written `folded` without accents, the most common first (colageno: colágeno).

        Tried letter by letter (each accent the language has, one at a time,
        and each with one more mark such as ñ) rather than looked up in an
        index of the whole list, which would cost every build a second.
        """
        found = {word for word in self._accent_variants(folded) if word in self.words}
        return tuple(sorted(found, key=lambda word: (-self.frequency(word), word)))

    def _accent_variants(self, folded: str) -> set[str]:
        variants = {folded}
        for _ in range(2):  # up to two marks: pequeño, cigüeña
            variants |= {
                word[:index] + accented + word[index + 1 :]
                for word in variants
                for index, letter in enumerate(word)
                for accented in self._accented_forms.get(letter, ())
            }
        return variants

    @cached_property
    def _accented_forms(self) -> dict[str, tuple[str, ...]]:
        forms: dict[str, list[str]] = {}
        for accented, plain in self.accents.items():
            forms.setdefault(plain, []).append(accented)
        return {plain: tuple(marks) for plain, marks in forms.items()}

    def marks(self, word: str) -> int:
        """How many accented letters a word has."""
        return sum(letter in self.accents for letter in word)

    def unstressed(self, word: str) -> str:
        """The word without its stress marks (á, é...), keeping marks that are not stress (ü)."""
        return "".join(self.accents[letter] if letter in self._stress_marks else letter for letter in word)

    @cached_property
    def _stress_marks(self) -> frozenset[str]:
        """á, é, í, ó, ú: accents on vowels that mark stress (not ü, a sound; not ñ, a letter)."""
        return frozenset(letter for letter, plain in self.accents.items() if plain in self.vowels and letter not in self.weak_vowels)

    def _nuclei(self, word: str) -> list[tuple[int, int]]:
        """The vowel groups that make the word's syllables, as (start, end) offsets."""
        is_vowel = [letter in self.vowels for letter in word]
        for silent in self.silent:  # the u of "que", "gui"
            start = word.find(silent)
            while start >= 0:
                is_vowel[start + 1] = False
                start = word.find(silent, start + 1)
        if len(word) > 1 and word[-1] == "y" and is_vowel[-2]:
            is_vowel[-1] = True  # hoy, muy
        nuclei: list[tuple[int, int]] = []
        for index, vowel in enumerate(is_vowel):
            if not vowel:
                continue
            joins = nuclei and nuclei[-1][1] == index and not (self._is_strong(word[index - 1]) and self._is_strong(word[index]))
            nuclei[-1:] = [(nuclei[-1][0], index + 1)] if joins else [*nuclei[-1:], (index, index + 1)]
        return nuclei

    def syllables(self, word: str) -> int:
        """How many syllables a word has, by the language's vowels (at least one)."""
        return max(1, len(self._nuclei(word.lower())))

    def _is_strong(self, letter: str) -> bool:
        return letter not in self.weak_vowels and letter != "y"

    def _stressed(self, word: str, nuclei: list[tuple[int, int]]) -> int:
        """Which syllable (counted from the start) carries the stress: the accented one, else by the language's rule."""
        for number, (start, end) in enumerate(nuclei):
            if any(letter in self._stress_marks for letter in word[start:end]):
                return number
        if len(nuclei) > 1 and word.endswith(self.penultimate_after):
            return len(nuclei) - 2
        return len(nuclei) - 1

    def has_hiatus_mark(self, word: str) -> bool:
        """An accented weak vowel beside another vowel (día, país, reúne): the accent is part of the letters."""
        return any(
            letter in self._stress_marks
            and self.accents[letter] in self.weak_vowels
            and (index > 0 and word[index - 1] in self.vowels or index + 1 < len(word) and word[index + 1] in self.vowels)
            for index, letter in enumerate(word)
        )

    def with_stress_on(self, plain: str, syllable: int) -> str:
        """An unaccented word written with its stress on `syllable` (from the start): the accent only where needed."""
        nuclei = self._nuclei(plain)
        if not nuclei or syllable >= len(nuclei) or self._stressed(plain, nuclei) == syllable:
            return plain
        start, end = nuclei[syllable]
        group = plain[start:end]
        strong = [offset for offset, letter in enumerate(group) if self._is_strong(letter)]
        at = start + (strong[-1] if strong else len(group) - 1)
        accented = next((mark for mark, letter in self.accents.items() if letter == plain[at] and mark in self._stress_marks), plain[at])
        return plain[:at] + accented + plain[at + 1 :]

    def keeping_stress(self, base: str, form: str) -> str:
        """`form`, made from `base`, with the stress where the base has it (examen -> exámenes)."""
        if not self.penultimate_after or self.has_hiatus_mark(base):
            return form  # día -> días, país -> países: the accent that splits two vowels stays
        return self.with_stress_on(self.unstressed(form), self._stressed(base, self._nuclei(base)))

    # -- inflections -----------------------------------------------------------------

    def forms(self, base: str, groups: tuple[str, ...] | None = None) -> set[str]:
        """Every regular form of a lower-case base word, by the language's rules or the `groups` named (the base not included)."""
        found: set[str] = set()
        for group in self.groups:
            if groups is None or group.name in groups:
                found |= self._group_forms(group, base)
        return found

    def _group_forms(self, group: RuleGroup, base: str) -> set[str]:
        found: set[str] = set()
        for rule in group.rules:
            if not base.endswith(rule.base) or len(base) <= len(rule.base):
                continue
            stem = base[: len(base) - len(rule.base)]
            for ending in rule.forms:
                found.add(self._form(group, rule, base, stem, ending))
            if group.first_only:
                break
        for name in group.then:
            for form in list(found):
                found |= self._group_forms(self._group(name), form)
        return found

    def _form(self, group: RuleGroup, rule: Rule, base: str, stem: str, ending: str) -> str:
        if group.stress == "keep":
            return self.keeping_stress(base, stem + ending)
        if group.stress == "ending":
            stem = self.unstressed(stem)
        for respelling in rule.respellings:
            if stem.endswith(respelling.stem_ending) and ending.startswith(respelling.before):
                stem = stem[: len(stem) - len(respelling.stem_ending)] + respelling.write
                break
        return stem + ending

    def _group(self, name: str) -> RuleGroup:
        return next(group for group in self.groups if group.name == name)

    def bases(self, form: str, spelled: Callable[[str], Iterable[str]]) -> Iterator[str]:
        """The base words `form` is a regular form of: candidates that `forms` turns back into `form` exactly.

        `spelled(folded)` gives the known words that are written so without
        accents, for bases whose accent the form drops (sesiones <- sesión).
        """
        for candidate in self.base_candidates(form, spelled):
            if candidate != form and form in self.forms(candidate):
                yield candidate

    def base_candidates(self, form: str, spelled: Callable[[str], Iterable[str]]) -> set[str]:
        candidates: set[str] = set()
        for group in self.groups:
            for rule in group.rules:
                for ending in rule.forms:
                    for stem in self._stems(rule, form, ending, group.stress == "keep"):
                        base = stem + rule.base
                        candidates.add(base)
                        candidates.update(spelled(self.fold(base)))
        for candidate in list(candidates):  # protectoras <- protectora <- protector
            for group in self.groups:
                if group.then:
                    candidates |= {
                        base for rule in group.rules for ending in rule.forms for base in self._chain(rule, candidate, ending, spelled)
                    }
        return candidates

    def _chain(self, rule: Rule, form: str, ending: str, spelled: Callable[[str], Iterable[str]]) -> Iterator[str]:
        for stem in self._stems(rule, form, ending, True):
            yield stem + rule.base
            yield from spelled(self.fold(stem + rule.base))

    def _stems(self, rule: Rule, form: str, ending: str, keep_stress: bool) -> Iterator[str]:
        """The stems `form` may have before `ending`, undoing respellings (apliqu -> aplic)."""
        plain_form, plain_ending = (self.unstressed(form), self.unstressed(ending)) if keep_stress else (form, ending)
        if not plain_form.endswith(plain_ending) or len(plain_form) <= len(plain_ending):
            return
        stem = plain_form[: len(plain_form) - len(plain_ending)]
        yield stem
        for respelling in rule.respellings:
            if stem.endswith(respelling.write) and ending.startswith(respelling.before):
                yield stem[: len(stem) - len(respelling.write)] + respelling.stem_ending

    def sounding_alike(self, word: str) -> Iterator[str]:
        """The word with one group of letters written as one that sounds the same (ampoya: ampolla)."""
        for written, meant in self.sound_alike:
            start = word.find(written)
            while start >= 0:
                yield word[:start] + meant + word[start + len(written) :]
                start = word.find(written, start + 1)

    def clitic_bases(self, word: str) -> Iterator[str]:
        """For a verb form with pronouns written onto it (aplíquese, evitarlo), the verb form it is written on.

        Kept only when the accent is where the language's rule puts it with the
        pronouns added ("aplíquese", not "apliquese").
        """
        for rest, pronouns in self._without_pronouns(word):
            plain_rest = self.unstressed(rest)
            if not plain_rest.endswith(self.clitic_after):
                continue
            # on a form stressed on its last vowel (apliqué) no pronoun is written: not "apliquése"
            for base in {plain_rest, *(form for form in self._accented_variants(plain_rest) if form[-1] not in self._stress_marks)}:
                syllable = self._stressed(base, self._nuclei(base))
                if self.with_stress_on(plain_rest + pronouns, syllable) == word:
                    yield base

    def _without_pronouns(self, word: str) -> Iterator[tuple[str, str]]:
        """(the word less its pronouns, the pronouns) for one and for two pronouns at its end (se, selo)."""
        endings = [""]
        for _ in range(MAX_CLITICS):
            endings = [pronoun + written for written in endings for pronoun in self.clitics]
            for written in endings:
                if word.endswith(written) and len(word) > len(written) + 1:
                    yield word[: len(word) - len(written)], written

    def _accented_variants(self, plain: str) -> Iterator[str]:
        """The word with a stress mark on each of its syllables in turn (está for esta)."""
        for number in range(len(self._nuclei(plain))):
            yield self.with_stress_on(plain, number)


def language_folders(site: Path | None = None) -> tuple[Path, ...]:
    """Where a language's data may be: the site's own `words/` folder (beside terminology.yml), then the kit's."""
    return ((site / "words",) if site is not None else ()) + (WORDS,)


def find_language(code: str, site: Path | None = None) -> Path | None:
    """The data file of a language, or None when neither the site nor the kit has one."""
    return next((path for folder in language_folders(site) if (path := folder / f"{code}.yml").is_file()), None)


def has_language(code: str, site: Path | None = None) -> bool:
    """Whether the wording check can read a language (English always)."""
    return code == ENGLISH or find_language(code, site) is not None


def wording_language(language: str, site: Path | None = None) -> str:
    """The language a site's pages are checked in: its own when there are words for it, else English."""
    return language if has_language(language, site) else ENGLISH


def known_languages(site: Path | None = None) -> list[str]:
    """Every language the wording check can read here, English first."""
    found = {path.stem for folder in language_folders(site) if folder.is_dir() for path in folder.glob("*.yml")}
    return [ENGLISH, *sorted(code for code in found if code != ENGLISH and LANGUAGE_CODE.fullmatch(code))]


def load_language(code: str, site: Path | None = None) -> Language:
    """A language's data file, the site's own before the kit's."""
    path = find_language(code, site)
    if path is None:
        raise KeyError(f"no wording data for the language {code!r} (kit/wording/words/{code}.yml)")
    return _load_language(path)


@cache
def _load_language(path: Path) -> Language:
    """Read once per process: the word lists are large, and every build of a `mkdocs serve` shares them."""
    code = path.stem
    folder = path.parent
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
    stress = data.get("stress") or {}
    clitics = data.get("clitics") or {}
    groups = tuple(_rule_group(name, group) for name, group in (data.get("inflections") or {}).items())
    return Language(
        code=code,
        name=str(data["name"]),
        folder=folder,
        dictionary_file=str(data["dictionary"]),
        field_words_file=str(data.get("field_words") or ""),
        dictionary_groups=tuple(str(name) for name in data.get("inflect_dictionary") or ()),
        vowels=frozenset(str(data.get("vowels") or "aeiou")),
        weak_vowels=frozenset(str(data.get("weak_vowels") or "")),
        accents={str(key): str(value) for key, value in (data.get("accents") or {}).items()},
        penultimate_after=tuple(str(ending) for ending in stress.get("penultimate_after") or ()),
        silent=tuple(str(group) for group in stress.get("silent") or ()),
        groups=groups,
        clitics=tuple(str(pronoun) for pronoun in clitics.get("pronouns") or ()),
        clitic_after=tuple(str(ending) for ending in clitics.get("after") or ()),
        hyphen_prefixes=frozenset(str(prefix) for prefix in data.get("hyphen_prefixes") or ()),
        closed_prefixes=frozenset(str(prefix) for prefix in data.get("closed_prefixes") or ()),
        units=frozenset(str(unit) for unit in data.get("units") or ()),
        sound_alike=tuple((str(written), str(meant)) for written, meant in data.get("sound_alike") or ()),
        readability=_readability(data.get("readability")),
    )


def _readability(data: dict | None) -> Readability | None:
    if not data:
        return None
    a, b, c = (float(number) for number in data["ease"])
    return Readability(
        name=str(data.get("name") or "reading ease"),
        ease=(a, b, c),
        grades=tuple((float(ease), float(grade)) for ease, grade in data["grades"]),
    )


def _rule_group(name: str, group: dict) -> RuleGroup:
    return RuleGroup(
        name=name,
        first_only=group.get("match", "first") == "first",
        stress=str(group.get("stress", "none")),
        then=tuple(group.get("then") or ()),
        rules=tuple(_rule(rule) for rule in group.get("rules") or ()),
    )


def _rule(rule: list) -> Rule:
    base, forms, *respellings = rule
    return Rule(
        base=str(base or ""),
        forms=tuple(str(form) for form in forms),
        respellings=tuple(
            Respelling(str(end), tuple(before), str(write)) for end, before, write in (respellings[0] if respellings else ())
        ),
    )


def page_language(src_uri: str, default: str, site: Path | None = None) -> str:
    """A page's language: `aftercare.es.md` is Spanish (mkdocs-static-i18n's suffix) when there are Spanish words; else the site's."""
    stem = src_uri.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    code = stem.rsplit(".", 1)[-1] if "." in stem else ""
    return code if LANGUAGE_CODE.fullmatch(code) and has_language(code, site) else default
