"""The clinic's terminology file: preferred terms, variants to avoid, accepted words.

Rules live in terminology.yml as data, apart from the engine that applies them
(the way Vale keeps its styles apart from its checker), so a clinic adds a term
by editing that file only. This module reads and checks the file; a mistake in
it stops the build with the line to fix, never a traceback.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from kit.data.yamlfile import YamlDocument, load_yaml
from kit.report.findings import LEVELS, Level
from kit.wording.languages import LANGUAGE_CODE, has_language, known_languages
from kit.wording.variants import DEFAULT_VARIANT, VARIANTS

TOP_LEVEL_KEYS = ("accepted_words", "spelling", "terms", "patient_words")
TERM_KEYS = ("term", "definition", "avoid")
# A key named by a language code (`es:`) holds the same keys as the block around
# it, in that language: at the top, a language's accepted words, spelling
# levels, terms and patient words; in a term, its name, definition and variants.
LANGUAGE_KEYS = ("accepted_words", "spelling", "terms", "patient_words")
LANGUAGE_SPELLING_KEYS = ("level", "abbreviations")
# The language of the file's top level: the site's first language.
FILE_LANGUAGE = "en"
AVOID_KEYS = ("phrase", "reason", "level", "instead")
SPELLING_KEYS = ("level", "variant", "mixed_variants", "abbreviations")
# `mixed_variants: accept` lets both spellings through (colour and color).
ACCEPT = "accept"


@dataclass(frozen=True)
class AvoidRule:
    """A variant the clinic does not want on its pages, and what to write instead."""

    phrase: str
    preferred: str
    reason: str
    level: Level
    instead: str = ""

    @property
    def replacement(self) -> str:
        """What to write instead: `instead:` when the term alone would not fit ("the dermis")."""
        return self.instead or self.preferred


#: The page the build makes from the definitions (kit/web/glossary.py); links to it are valid before it exists.
GLOSSARY_FILE = "glossary.md"
PATIENT_WORDS_KEYS = ("words", "page")


@dataclass(frozen=True)
class Term:
    """One of the clinic's terms, with its glossary definition (may be empty)."""

    term: str
    definition: str
    avoid: tuple[AvoidRule, ...]


@dataclass(frozen=True)
class PatientWords:
    """Words patients search with, for a page or one section of it (`aftercare.md#anchor`)."""

    words: tuple[str, ...]
    page: str  # the page's file under docs/
    anchor: str  # a heading's id on that page; "" for the whole page
    line: int  # where `page:` is written in terminology.yml, for the editor's message
    column: int

    @property
    def target(self) -> str:
        return f"{self.page}#{self.anchor}" if self.anchor else self.page


@dataclass(frozen=True)
class Terminology:
    """Everything terminology.yml says, checked."""

    terms: tuple[Term, ...]
    accepted_words: frozenset[str]
    spelling_level: Level
    source: Path
    variant: str = DEFAULT_VARIANT
    mixed_variants_level: Level | None = "error"  # None: the other variant's spelling is accepted
    abbreviation_level: Level = "suggestion"
    patient_words: tuple[PatientWords, ...] = ()
    language: str = FILE_LANGUAGE
    # Every language's view of the same file, by code (the file's own language included).
    views: Mapping[str, Terminology] = field(default_factory=dict, compare=False, repr=False)

    def for_language(self, language: str) -> Terminology:
        """The clinic's wording in one language: its terms, definitions, variants, accepted and patient words.

        A language the file has no block for has the accepted words that count
        in every language (names, brands) and nothing else.
        """
        if language == self.language:
            return self
        view = self.views.get(language)
        if view is not None:
            return view
        everywhere = self.views.get(FILE_LANGUAGE, self)
        return Terminology(
            terms=(),
            accepted_words=everywhere.accepted_words,
            spelling_level=everywhere.spelling_level,
            source=self.source,
            variant=language,
            abbreviation_level=everywhere.abbreviation_level,
            language=language,
            views=self.views,
        )

    @property
    def avoid_rules(self) -> tuple[AvoidRule, ...]:
        return tuple(rule for term in self.terms for rule in term.avoid)

    @property
    def patient_vocabulary(self) -> frozenset[str]:
        """Every word of `patient_words` ("SPF", "sun", "cream"): the clinic chose them, so the speller accepts them."""
        return frozenset(word for entry in self.patient_words for phrase in entry.words for word in phrase.split())

    @property
    def glossary(self) -> tuple[Term, ...]:
        """Terms with a definition, alphabetically, as the glossary page lists them."""
        return tuple(sorted((t for t in self.terms if t.definition), key=lambda t: _alphabetical(t.term)))


def _alphabetical(term: str) -> tuple[str, str]:
    """Dictionary order in any language: "ácido hialurónico" with the a's, accents only breaking ties."""
    letters = "".join(letter for letter in unicodedata.normalize("NFD", term.lower()) if not unicodedata.combining(letter))
    return letters, term.lower()


def load_terminology(path: Path, language: str = FILE_LANGUAGE) -> Terminology:
    """Read and check terminology.yml, every language's block in it; the clinic's wording in `language`."""
    document = load_yaml(path)
    data = document.data if document.data is not None else {}
    _require_mapping(document, (), data, "The terminology file", TOP_LEVEL_KEYS, languages=True)
    spelling = data.get("spelling") or {}
    _require_mapping(document, ("spelling",), spelling, "`spelling`", SPELLING_KEYS)
    terms = _read_terms(document, (), data, FILE_LANGUAGE)
    views: dict[str, Terminology] = {}
    views[FILE_LANGUAGE] = Terminology(
        terms=terms,
        accepted_words=frozenset(_read_words(document, (), data)),
        spelling_level=_read_level(document, ("spelling", "level"), spelling.get("level", "error")),
        source=path,
        variant=_read_variant(document, spelling.get("variant", DEFAULT_VARIANT)),
        mixed_variants_level=_read_mixed_variants(document, spelling.get("mixed_variants", "error")),
        abbreviation_level=_read_level(document, ("spelling", "abbreviations"), spelling.get("abbreviations", "suggestion")),
        patient_words=_read_all_patient_words(document, (), data),
        views=views,
    )
    for code in _language_keys(data):
        views[code] = _read_language(document, data, code, views)
    return views[FILE_LANGUAGE].for_language(language)


def _read_language(document: YamlDocument, data: dict, code: str, views: dict[str, Terminology]) -> Terminology:
    """A language's block at the top (`es:`), with the terms' blocks for it (`- term: collagen` ... `es: {term: colágeno}`)."""
    block = data.get(code) or {}
    _require_mapping(document, (code,), block, f"`{code}`", LANGUAGE_KEYS)
    spelling = block.get("spelling") or {}
    _require_mapping(document, (code, "spelling"), spelling, "`spelling`", LANGUAGE_SPELLING_KEYS)
    english = views[FILE_LANGUAGE]
    translated = tuple(
        _read_term(document, ("terms", index, code), entry[code], code)
        for index, entry in enumerate(_list(document, ("terms",), data))
        if isinstance(entry, dict) and entry.get(code) is not None
    )
    terms = translated + _read_terms(document, (code,), block, code)
    _refuse_repeated_terms(
        document,
        terms,
        [
            *(
                ("terms", index, code)
                for index, entry in enumerate(data.get("terms") or [])
                if isinstance(entry, dict) and entry.get(code) is not None
            ),
            *((code, "terms", index) for index in range(len(terms) - len(translated))),
        ],
    )
    return Terminology(
        terms=terms,
        accepted_words=english.accepted_words | frozenset(_read_words(document, (code,), block)),
        spelling_level=_read_level(document, (code, "spelling", "level"), spelling.get("level", english.spelling_level)),
        source=document.path,
        variant=code,
        mixed_variants_level=None,
        abbreviation_level=_read_level(
            document, (code, "spelling", "abbreviations"), spelling.get("abbreviations", english.abbreviation_level)
        ),
        patient_words=_read_all_patient_words(document, (code,), block),
        language=code,
        views=views,
    )


def _language_keys(data: dict) -> list[str]:
    """The top-level keys that are language codes, and every language code written inside a term."""
    codes = [key for key in data if key not in TOP_LEVEL_KEYS]
    for entry in data.get("terms") or []:
        if isinstance(entry, dict):
            codes += [key for key in entry if key not in TERM_KEYS and key not in codes]
    return codes


def _read_terms(document: YamlDocument, where: tuple, data: dict, language: str) -> tuple[Term, ...]:
    terms = tuple(
        _read_term(document, (*where, "terms", index), entry, language)
        for index, entry in enumerate(_list(document, (*where, "terms"), data))
    )
    if language == FILE_LANGUAGE:
        _refuse_repeated_terms(document, terms, [("terms", index) for index in range(len(terms))])
    return terms


def _read_all_patient_words(document: YamlDocument, where: tuple, data: dict) -> tuple[PatientWords, ...]:
    return tuple(
        _read_patient_words(document, (*where, "patient_words", index), entry)
        for index, entry in enumerate(_list(document, (*where, "patient_words"), data))
    )


def _read_variant(document: YamlDocument, variant: object) -> str:
    if variant not in VARIANTS:
        raise document.error(("spelling", "variant"), f"`{variant}` is not a spelling variant", "Use one of: " + ", ".join(VARIANTS))
    return str(variant)


def _read_mixed_variants(document: YamlDocument, level: object) -> Level | None:
    """A level for the other variant's spellings, or `accept` to let both through."""
    if level == ACCEPT:
        return None
    if level not in LEVELS:
        raise document.error(("spelling", "mixed_variants"), f"`{level}` is not a level", "Use one of: " + ", ".join((*LEVELS, ACCEPT)))
    return _read_level(document, ("spelling", "mixed_variants"), level)


def _read_term(document: YamlDocument, where: tuple, entry: object, language: str) -> Term:
    """One term; in the file's own language it may hold a block per language (`es:`), read by _read_language."""
    what = "Each entry under `terms`" if language == FILE_LANGUAGE or where[0] == language else f"A term's `{language}` block"
    _require_mapping(document, where, entry, what, TERM_KEYS, languages=language == FILE_LANGUAGE and len(where) == 2)
    assert isinstance(entry, dict)
    term = entry.get("term")
    if not isinstance(term, str) or not term.strip():
        raise document.error(where, "This rule has no preferred term", "Add `term: <the word the clinic prefers>` to it")
    avoid = tuple(
        _read_avoid(document, (*where, "avoid", number), term.strip(), item)
        for number, item in enumerate(_list(document, (*where, "avoid"), entry))
    )
    definition = entry.get("definition") or ""
    if not isinstance(definition, str):
        raise document.error((*where, "definition"), "A definition must be text", "Write it as one sentence after `definition:`")
    return Term(term=term.strip(), definition=" ".join(definition.split()), avoid=avoid)


def _refuse_repeated_terms(document: YamlDocument, terms: tuple[Term, ...], places: list[tuple]) -> None:
    """A term written twice would be listed twice in the glossary, under one anchor: the clinic merges them."""
    first: dict[str, tuple] = {}
    for term, where in zip(terms, places, strict=True):
        key = term.term.casefold()
        if key in first:
            line = document.where(*first[key], "term")[0]
            raise document.error(
                (*where, "term"),
                f"`{term.term}` is already a term at line {line}",
                "Merge the two entries into one (one definition, all the variants to avoid under it)",
            )
        first[key] = where


def _read_avoid(document: YamlDocument, where: tuple, preferred: str, item: object) -> AvoidRule:
    if isinstance(item, str):
        item = {"phrase": item}
    _require_mapping(document, where, item, "Each entry under `avoid`", AVOID_KEYS)
    assert isinstance(item, dict)
    phrase = item.get("phrase")
    if not isinstance(phrase, str) or not phrase.strip():
        raise document.error(where, "This variant has no phrase", "Add `phrase: <the wording to avoid>`")
    instead = item.get("instead") or ""
    if " ".join(phrase.split()).casefold() in (preferred.casefold(), str(instead).strip().casefold()):
        raise document.error(
            (*where, "phrase"),
            f'The wording to avoid, "{phrase.strip()}", is what the rule says to write, so every use of it would be reported',
            "Write here the wording patients should not see, or remove this entry",
        )
    reason = item.get("reason") or f'The clinic writes "{preferred}".'
    level = _read_level(document, (*where, "level"), item.get("level", "warning"))
    if not isinstance(instead, str):
        raise document.error((*where, "instead"), "`instead` must be text", "Write the wording to use after `instead:`")
    return AvoidRule(
        phrase=" ".join(phrase.split()), preferred=preferred, reason=str(reason).strip(), level=level, instead=" ".join(instead.split())
    )


def _read_patient_words(document: YamlDocument, where: tuple, entry: object) -> PatientWords:
    _require_mapping(document, where, entry, "Each entry under `patient_words`", PATIENT_WORDS_KEYS)
    assert isinstance(entry, dict)
    words = entry.get("words")
    if isinstance(words, str):
        words = [words]
    if not isinstance(words, list) or not words or not all(isinstance(word, str) and word.strip() for word in words):
        raise document.error((*where, "words"), "`words` must list the words patients use", "Write them as `words: [sunscreen, sun cream]`")
    page = entry.get("page")
    if not isinstance(page, str) or not page.strip():
        raise document.error(where, "This entry names no page", "Add `page: <file in docs/>`, optionally with `#<section>`")
    path, _, anchor = page.strip().partition("#")
    line, column = document.where(*where, "page")
    return PatientWords(
        words=tuple(" ".join(word.split()) for word in words), page=path.strip(), anchor=anchor.strip(), line=line, column=column
    )


def _read_level(document: YamlDocument, where: tuple, level: object) -> Level:
    """A finding's level as the clinic sets it: error, warning or suggestion."""
    for known in LEVELS:
        if level == known:
            return known
    raise document.error(where, f"`{level}` is not a level", "Use one of: " + ", ".join(LEVELS))


def _read_words(document: YamlDocument, where: tuple, data: dict) -> list[str]:
    words = _list(document, (*where, "accepted_words"), data)
    for index, word in enumerate(words):
        if not isinstance(word, str) or not word.strip():
            raise document.error((*where, "accepted_words", index), "An accepted word must be text", "Write one word per `- ` line")
    return [word.strip() for word in words]


def _list(document: YamlDocument, where: tuple, data: dict) -> list:
    value = data.get(where[-1]) or []
    if not isinstance(value, list):
        raise document.error(where, f"`{where[-1]}` must be a list", "Start each item on its own line with `- `")
    return value


def _require_mapping(
    document: YamlDocument, where: tuple, value: object, what: str, keys: tuple[str, ...], languages: bool = False
) -> None:
    """Only known keys; with `languages`, also blocks named by a language code (`es:`) the kit has wording data for."""
    if not isinstance(value, dict):
        raise document.error(where, f"{what} must be `key: value` lines", "Compare it with the entries above and below it")
    for key in value:
        if key in keys:
            continue
        if languages and isinstance(key, str) and LANGUAGE_CODE.fullmatch(key):
            if not has_language(key, document.path.parent):
                raise document.error(
                    (*where, key),
                    f"`{key}` names a language the wording check has no words for",
                    f'Add its word list as kit/wording/words/{key}.yml (README "Languages"), or use one of: '
                    + ", ".join(known_languages(document.path.parent)),
                )
            continue
        hint = ", ".join(keys) + (", or a language code (es)" if languages else "")
        raise document.error((*where, key), f"`{key}` is not a key this file knows", "Use one of: " + hint)
