"""The claims check's rules and matching: what a careful reviewer stops before it reaches a patient.

The rules are data in claims.yml (beside terminology.yml): absolute promises,
trivialised risk, regulatory wording, superlatives, pressure to book, symptoms
described by colour alone, and medical terms with no plain explanation. This
module reads that file (a mistake stops the build at its line there) and finds
the rules' phrases in a page's prose (kit/pages/prose.py: code, links and
markup blanked, positions kept), so a phrase split by a line break or by
`**emphasis**` is still found at the file's own line and column.

Careful prose names the same words to deny or qualify them ("results are not
permanent", "no treatment is completely free of risk", "little to no
downtime"). One small, general mechanism handles that for every rule: a
negating word from claims.yml in the few words before the phrase, or a negated
verb right after it, in the same clause, makes it no claim. A rule may also
name what the claim must be about ("instant" about results, not "an instant
cold pack"): then a word of `about` must be near it in the same clause.

A clinician may keep a flagged sentence on purpose: `reviewed_claims:` in the
page's front matter names the words kept, the reviewer and the date
(`read_kept_claims`); the check (kit/checks/claims.py) turns what is left into
findings.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from kit.data.yamlfile import YamlDocument, load_yaml
from kit.pages.frontmatter import FrontMatter
from kit.pages.prose import ProsePage
from kit.report.findings import LEVELS, Finding, Level

CLAIMS_FILE = "claims.yml"
CLAIM, TERM = "claim", "term"  # the two tables of the phrase index
TOP_LEVEL_KEYS = ("negation", "numbers", "kinds")
NEGATION_KEYS = ("window", "before", "after", "questions", "clause_words", "after_stops_at", "concord")
KIND_KEYS = ("kind", "title", "level", "rules", "explained_by", "explained_after", "explained_before")
RULE_KEYS = ("phrases", "about", "reason", "instead", "unless", "level", "terms")
UNLESS = ("sources",)
KEPT_KEY = "reviewed_claims"
KEPT_KEYS = ("claim", "reviewer", "date", "note")
NUMBER = "<number>"
# The English defaults of what a language's claims file may set (claims.<lang>.yml: `numbers`,
# `negation.clause_words`, `negation.after_stops_at`), so a new language is data only.
NUMBERS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve", "a few")
CLAUSE_WORDS = ("and", "but", "or", "so", "because", "although", "though", "while", "whereas", "yet", "however")
AFTER_STOPS_AT = ("and", "but", "or", "which", "that", "so", "because", "while")
_APOSTROPHE = re.compile("['’]")  # either apostrophe matches either
_TOKEN = re.compile(r"[\w%]+")  # a phrase's first word, as the page's words are looked up
_WORD = re.compile(r"[\w%]+(?:['’-][\w%]+)*")
# Where a clause ends: a sentence's end, a semicolon or colon, a dash, a blank
# line, a new list item or table row, or a comma before a conjunction (`clause_words`).
_CLAUSE_END = r"[.!?;:](?=\s|$)|\s[—–-]\s|—|\n[ \t]*\n|\n[ \t]*(?:[-+|]|\d+[.)])[ \t]|\|"
# Where a passage ends (for the colour rule: its paragraph, list item or table row).
_PASSAGE_END = re.compile(r"\n[ \t]*\n|\n(?=[ \t]*(?:[-+|]|\d+[.)])[ \t])")


@dataclass(frozen=True)
class ClaimRule:
    """One rule of claims.yml: its phrases, what the claim is about, and what the editor is told."""

    kind: str  # `promise`, `risk`, ... the finding's rule is `claims.<kind>`
    title: str
    level: Level
    phrases: tuple[str, ...]
    about: tuple[str, ...]  # empty: the phrase is a claim on its own
    reason: str
    instead: str
    unless: str = ""  # `sources`: no finding on a page that lists its sources
    explained_by: tuple[str, ...] = ()  # colour: the passage already says how it looks on darker skin


@dataclass(frozen=True)
class TermRule:
    """A medical term patients may not know, and the plain words to offer."""

    term: str
    plain: str
    level: Level
    title: str
    reason: str
    instead: str


@dataclass(frozen=True)
class ClaimsRules:
    """Everything claims.yml says, checked."""

    source: Path
    rules: tuple[ClaimRule, ...]
    terms: tuple[TermRule, ...]
    negators: frozenset[str]
    negated_after: tuple[str, ...]
    window: int
    explained_after: tuple[str, ...]
    explained_before: tuple[str, ...]
    question_words: frozenset[str] = frozenset()  # a question starting with one of these claims nothing
    negating_phrases: tuple[str, ...] = ()  # negators of more than one word ("rara vez"), ending before the phrase
    numbers: tuple[str, ...] = NUMBERS  # the words `<number>` stands for, beside digits
    clause_words: tuple[str, ...] = CLAUSE_WORDS  # a comma before one of these ends a clause
    after_stops_at: frozenset[str] = frozenset(AFTER_STOPS_AT)  # the look for a negated verb after a phrase stops here
    concord: frozenset[str] = frozenset()  # in a phrase, these make a one-word negator before it agree, not deny


@dataclass(frozen=True)
class Flag:
    """A phrase of a rule found on a page and not negated: the check's raw result, before reviews and modes."""

    kind: str
    title: str
    level: Level
    start: int  # offsets in the page's prose, which are offsets in the file
    end: int
    as_written: str
    reason: str
    instead: str


@dataclass(frozen=True)
class KeptClaim:
    """Words of a page a named clinician has kept on purpose (`reviewed_claims:` in its front matter)."""

    claim: str
    reviewer: str
    reviewed: date | None
    note: str
    line: int  # where the entry is in the page file
    column: int


# -- Reading claims.yml ------------------------------------------------------


def load_claims(path: Path) -> ClaimsRules:
    """Read and check claims.yml; a mistake stops with its line and column there."""
    document = load_yaml(path)
    data = document.data if document.data is not None else {}
    _require_mapping(document, (), data, "The claims file", TOP_LEVEL_KEYS)
    negation = data.get("negation") or {}
    _require_mapping(document, ("negation",), negation, "`negation`", NEGATION_KEYS)
    window = negation.get("window", 6)
    if not isinstance(window, int) or isinstance(window, bool) or not 1 <= window <= 20:
        raise document.error(("negation", "window"), f"`{window}` is not a number of words from 1 to 20", "Write a number such as 6")
    rules: list[ClaimRule] = []
    terms: list[TermRule] = []
    explained_after: tuple[str, ...] = ()
    explained_before: tuple[str, ...] = ()
    for index, kind in enumerate(_list(document, ("kinds",), data)):
        where = ("kinds", index)
        _require_mapping(document, where, kind, "Each entry under `kinds`", KIND_KEYS)
        name = _text(document, (*where, "kind"), kind.get("kind"), "a `kind:` name")
        title = _text(document, (*where, "title"), kind.get("title", name), "a `title:`")
        level = _level(document, (*where, "level"), kind.get("level", "warning"))
        explained_by = _words(document, (*where, "explained_by"), kind)
        if "explained_after" in kind or "explained_before" in kind:
            explained_after = tuple(_spaced(words) for words in _words(document, (*where, "explained_after"), kind, strip=False))
            explained_before = tuple(_spaced(words) for words in _words(document, (*where, "explained_before"), kind, strip=False))
        for number, rule in enumerate(_list(document, (*where, "rules"), kind)):
            at = (*where, "rules", number)
            _require_mapping(document, at, rule, "Each rule", RULE_KEYS)
            reason = _text(document, (*at, "reason"), rule.get("reason"), "a `reason:` shown to the editor")
            instead = _text(document, (*at, "instead"), rule.get("instead"), "an `instead:` saying what to write")
            rule_level = _level(document, (*at, "level"), rule.get("level", level))
            if "terms" in rule:
                terms.extend(_read_terms(document, at, rule, rule_level, title, reason, instead))
                continue
            phrases = _words(document, (*at, "phrases"), rule)
            if not phrases:
                raise document.error(at, "This rule has no phrases", "Add `phrases: [the wording to stop]`")
            unless = rule.get("unless", "")
            if unless and unless not in UNLESS:
                raise document.error((*at, "unless"), f"`{unless}` is not a condition this file knows", "Use: " + ", ".join(UNLESS))
            about = _words(document, (*at, "about"), rule)
            rules.append(ClaimRule(name, title, rule_level, tuple(phrases), tuple(about), reason, instead, unless, tuple(explained_by)))
    negators = [_normal(word) for word in _words(document, ("negation", "before"), negation)]
    return ClaimsRules(
        source=path,
        rules=tuple(rules),
        terms=tuple(terms),
        negators=frozenset(word for word in negators if " " not in word),
        negating_phrases=tuple(words for words in negators if " " in words),
        numbers=tuple(_words(document, ("numbers",), data)) if "numbers" in data else NUMBERS,
        clause_words=_normal_words(document, ("negation", "clause_words"), negation, CLAUSE_WORDS),
        after_stops_at=frozenset(_normal_words(document, ("negation", "after_stops_at"), negation, AFTER_STOPS_AT)),
        concord=frozenset(_normal_words(document, ("negation", "concord"), negation, ())),
        negated_after=tuple(_normal(words) for words in _words(document, ("negation", "after"), negation)),
        window=window,
        question_words=frozenset(_normal(word) for word in _words(document, ("negation", "questions"), negation)),
        explained_after=explained_after,
        explained_before=explained_before,
    )


def _read_terms(document: YamlDocument, at: tuple, rule: dict, level: Level, title: str, reason: str, instead: str) -> list[TermRule]:
    terms = rule["terms"]
    if not isinstance(terms, dict) or not all(isinstance(key, str) and isinstance(value, str) for key, value in terms.items()):
        raise document.error((*at, "terms"), "`terms` must be `term: plain words` pairs", "Write them as `terms: {erythema: redness}`")
    return [TermRule(" ".join(term.split()), " ".join(plain.split()), level, title, reason, instead) for term, plain in terms.items()]


def _words(document: YamlDocument, where: tuple, data: dict, strip: bool = True) -> list[str]:
    value = data.get(where[-1]) or []
    if isinstance(value, str):
        value = [value]
    if isinstance(value, list):  # as typed: `- no` is the word "no", not YAML's false
        value = [document.text(*where, index) or item for index, item in enumerate(value)]
    if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
        raise document.error(
            where, f"`{where[-1]}` must be a list of words or phrases", "Write it as `[one, two words]`, quoting `#` or `:`"
        )
    return [" ".join(item.split()) if strip else item for item in value]


def _normal_words(document: YamlDocument, where: tuple, data: dict, default: tuple[str, ...]) -> tuple[str, ...]:
    """A list of words the file may set, lower case; the English default when it does not."""
    return tuple(_normal(word) for word in _words(document, where, data)) if where[-1] in data else default


def _spaced(words: str) -> str:
    """Lower case, one space between words, a leading or trailing space kept (" or " is a whole word)."""
    return re.sub(r"\s+", " ", words.lower())


def _text(document: YamlDocument, where: tuple, value: object, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise document.error(where, f"This entry needs {what}", "Compare it with the entries above and below it")
    return " ".join(value.split())


def _level(document: YamlDocument, where: tuple, level: object) -> Level:
    for known in LEVELS:
        if level == known:
            return known
    raise document.error(where, f"`{level}` is not a level", "Use one of: " + ", ".join(LEVELS))


def _list(document: YamlDocument, where: tuple, data: dict) -> list:
    value = data.get(where[-1]) or []
    if not isinstance(value, list):
        raise document.error(where, f"`{where[-1]}` must be a list", "Start each item on its own line with `- `")
    return value


def _require_mapping(document: YamlDocument, where: tuple, value: object, what: str, keys: tuple[str, ...]) -> None:
    if not isinstance(value, dict):
        raise document.error(where, f"{what} must be `key: value` lines", "Compare it with the entries above and below it")
    for key in value:
        if key not in keys:
            raise document.error((*where, key), f"`{key}` is not a key this file knows", "Use one of: " + ", ".join(keys))


# -- Finding claims on a page ------------------------------------------------


class ClaimsCheck:
    """One build's matcher: every phrase of claims.yml in one pattern, and the glossary's terms."""

    def __init__(self, rules: ClaimsRules, glossary_terms: Iterable[str] = (), language: str = "en") -> None:
        self.rules = rules
        self.language = language  # the pages' language the rules are written in
        self.pages = self.reported = self.kept = 0
        self.seconds = 0.0  # CPU time of the check, for the summary line and the benchmark
        phrases = [(phrase, index) for index, rule in enumerate(rules.rules) for phrase in rule.phrases]
        self._about = [_word_set_pattern(rule.about) for rule in rules.rules]
        self._explained_by = [_word_set_pattern(rule.explained_by) for rule in rules.rules]
        explained = {_normal(term) for term in glossary_terms}
        self._terms = [term for term in rules.terms if not _is_listed(_normal(term.term), explained)]
        # One index for both, so the page's words are read once: a claim's phrases and the medical terms.
        self._numbers = _number_pattern(rules.numbers)
        self._clause_end = _clause_end_pattern(rules.clause_words)
        self._index = _PhraseIndex(
            [(phrase, (CLAIM, index)) for phrase, index in phrases]
            + [(term.term, (TERM, number)) for number, term in enumerate(self._terms)],
            self._numbers,
        )

    def count(self, reported: int, kept: int, seconds: float) -> None:
        """One page checked: claims reported on it, claims on it a reviewer kept, the CPU seconds it took."""
        self.pages += 1
        self.seconds += seconds
        self.reported += reported
        self.kept += kept

    def summary(self) -> str:
        """For the end of a build: how many claims were reported and how many a named reviewer kept."""
        pages = f"{self.pages} page{'' if self.pages == 1 else 's'}"
        summary = f"Claims check ({self.rules.source.name}): {pages}, {self.reported} reported, {self.kept} kept by a named reviewer"
        return f"{summary}, in {self.seconds:.3f} s."

    def flags(self, prose: ProsePage, has_sources: bool = False) -> list[Flag]:
        """Every claim on the page that is not negated, qualified or explained, in page order."""
        text = prose.text
        found: list[Flag] = []
        clauses = _Boundaries(text, self._clause_end)
        passages = _Boundaries(text, _PASSAGE_END)
        terms: list[tuple[int, re.Match[str]]] = []
        for (table, index), match in self._index.matches(text):
            if table == TERM:
                terms.append((index, match))
                continue
            rule = self.rules.rules[index]
            if rule.unless == "sources" and has_sources:
                continue
            if self._is_claim(index, text, match, clauses, passages):
                found.append(_flag(rule.kind, rule.title, rule.level, match, rule.reason, rule.instead))
        found.extend(self._unexplained_terms(text, terms))
        return sorted(found, key=lambda flag: flag.start)

    def _is_claim(self, index: int, text: str, match: re.Match[str], clauses: _Boundaries, passages: _Boundaries) -> bool:
        """Not negated or qualified in its clause, about what the rule names, and not explained in its passage."""
        start, end = clauses.around(match.start(), match.end())
        before = _WORD.findall(text, start, match.start())[-self.rules.window :]
        after = _WORD.findall(text, match.end(), end)[: self.rules.window]
        if any(_normal(word) in self.rules.negators for word in before) and not self._agrees(match):
            return False
        if self.rules.negating_phrases and self._negated_by_phrase(before):
            return False
        if self._negated_after(after):
            return False
        rule = self.rules.rules[index]
        if not rule.explained_by and self._in_question(text, start, end):
            return False
        about = self._about[index]
        if about is not None and not about.search(" ".join(before + after).lower()):
            return False
        explained_by = self._explained_by[index]
        if explained_by is not None:
            passage_start, passage_end = passages.around(match.start(), match.end())
            if explained_by.search(" ".join(text[passage_start:passage_end].split()).lower()):
                return False
        return True

    def _agrees(self, match: re.Match[str]) -> bool:
        """ "No hay nada de qué preocuparse": in Spanish a negative word inside the phrase (nada, ningún) makes a "no"
        before it agree with it, not deny it (`negation.concord`); "no es un tratamiento sin riesgos" still denies."""
        return bool(self.rules.concord) and any(_normal(word) in self.rules.concord for word in _WORD.findall(match.group(0)))

    def _negated_by_phrase(self, before: list[str]) -> bool:
        """ "Rara vez es doloroso": a negator of more than one word among the words before the phrase."""
        joined = f" {' '.join(_normal(word) for word in before)} "
        return any(f" {words} " in joined for words in self.rules.negating_phrases)

    def _in_question(self, text: str, clause_start: int, clause_end: int) -> bool:
        """ "Can it cure rosacea?": the clause ends in a question mark and its first word asks."""
        if not text.startswith("?", clause_end) or not self.rules.question_words:
            return False
        first = _WORD.search(text, clause_start, clause_end)
        return first is not None and _normal(first.group(0)) in self.rules.question_words

    def _negated_after(self, after: list[str]) -> bool:
        """ "Permanent results are not promised": a negated verb in the next few words, before any "and"/"which"."""
        words: list[str] = []
        for word in after[:4]:
            if _normal(word) in self.rules.after_stops_at:
                break
            words.append(_normal(word))
        joined = f" {' '.join(words)} "
        return any(f" {negation} " in joined for negation in self.rules.negated_after)

    def _unexplained_terms(self, text: str, matches: list[tuple[int, re.Match[str]]]) -> list[Flag]:
        """Each listed medical term at its first use on the page, unless the words around it explain it."""
        seen: set[str] = set()
        flags = []
        for number, match in matches:
            term = self._terms[number]
            key = term.term.lower().removesuffix("s")  # "anticoagulants" after "anticoagulant" is the same term
            if key in seen:
                continue
            seen.add(key)
            if self._explained_here(text, match):
                continue
            instead = term.instead.replace("{term}", " ".join(match.group(0).split())).replace("{plain}", term.plain)
            flags.append(_flag("term", term.title, term.level, match, term.reason, instead))
        return flags

    def _explained_here(self, text: str, match: re.Match[str]) -> bool:
        after = re.sub(r"\s+", " ", text[match.end() : match.end() + 40]).lower()
        before = re.sub(r"\s+", " ", text[max(0, match.start() - 40) : match.start()]).lower().rstrip()
        if any(after.startswith(words) or after.lstrip().startswith(words.lstrip()) for words in self.rules.explained_after):
            return True
        return any(f" {before}".endswith(words) for words in self.rules.explained_before)


class _Boundaries:
    """Clause or passage boundaries of a page, found once and only when a phrase needs them."""

    def __init__(self, text: str, pattern: re.Pattern[str]) -> None:
        self._text = text
        self._pattern = pattern
        self._starts: list[int] | None = None
        self._ends: list[int] = []

    def around(self, start: int, end: int) -> tuple[int, int]:
        """The span of the clause (or passage) holding `start:end`."""
        if self._starts is None:
            spans = [match.span() for match in self._pattern.finditer(self._text)]
            self._starts = [span[0] for span in spans]
            self._ends = [span[1] for span in spans]
        before = bisect_right(self._ends, start) - 1
        after = bisect_left(self._starts, end)
        return (self._ends[before] if before >= 0 else 0), (self._starts[after] if after < len(self._starts) else len(self._text))


def _flag(kind: str, title: str, level: Level, match: re.Match[str], reason: str, instead: str) -> Flag:
    return Flag(kind, title, level, match.start(), match.end(), " ".join(match.group(0).split()), reason, instead)


class _PhraseIndex:
    """Phrases found by their first word: the page's words are looked up in a dict, and only a phrase whose first
    word is on the page is tried, at that word. One pattern of all the phrases would try each at every character
    (about 30,000 words a second here); this keeps the check near the speed of reading the words once."""

    def __init__(self, phrases: Iterable[tuple[str, tuple[str, int]]], numbers: str) -> None:
        # Each first word's phrases as pattern text, compiled on first use: most never occur on a site, and
        # compiling all of them would add a tenth of a second to every build's start-up.
        self._sources: dict[str, list[tuple[str, tuple[str, int]]]] = {}
        self._by_first_word: dict[str, list[tuple[re.Pattern[str], tuple[str, int]]]] = {}
        for phrase, owner in sorted(phrases, key=lambda item: -len(item[0])):  # the longest phrase at a place wins
            pattern = rf"(?<![\w'’-]){_phrase_regex(phrase, numbers)}(?![\w'’]|-\w)"
            self._sources.setdefault(_first_word(phrase), []).append((pattern, owner))

    def _candidates(self, word: str) -> list[tuple[re.Pattern[str], tuple[str, int]]]:
        candidates = self._by_first_word.get(word)
        if candidates is None:
            candidates = [(re.compile(source, re.IGNORECASE), owner) for source, owner in self._sources.get(word, ())]
            self._by_first_word[word] = candidates
        return candidates

    def matches(self, text: str) -> Iterator[tuple[tuple[str, int], re.Match[str]]]:
        """(owner, match) for each phrase on the page, in order; an owner is (table, number), and the phrases of
        one table never overlap (those of two may: "erythema" is a colour word and a medical term)."""
        sources = self._sources
        taken: dict[str, int] = {}
        for word in _TOKEN.finditer(text):
            lower = word.group(0).lower()
            if lower not in sources:
                continue
            candidates = self._candidates(lower)
            start = word.start()
            for pattern, owner in candidates:
                if start < taken.get(owner[0], 0):
                    continue
                match = pattern.match(text, start)
                if match:  # the longest of this table's phrases here; the rest of the table waits for its end
                    taken[owner[0]] = match.end()
                    yield owner, match


def _first_word(phrase: str) -> str:
    return _TOKEN.findall(phrase.lower())[0]


def _number_pattern(numbers: Sequence[str]) -> str:
    """Digits, or one of the language's number words (a space in one stands for any whitespace)."""
    words = (r"\s+".join(re.escape(part) for part in number.split()) for number in sorted(numbers, key=len, reverse=True))
    return r"(?:\d+|" + "|".join(words) + ")" if numbers else r"(?:\d+)"


def _clause_end_pattern(clause_words: Sequence[str]) -> re.Pattern[str]:
    """Where a clause ends, with the language's words a comma before which starts a new clause."""
    pattern = _CLAUSE_END
    if clause_words:
        words = "|".join(re.escape(word) for word in sorted(clause_words, key=len, reverse=True))
        pattern += rf"|,(?=\s+(?:{words})\b)"
    return re.compile(pattern, re.I)


def _phrase_regex(phrase: str, numbers: str = _number_pattern(NUMBERS)) -> str:
    """A phrase's words with any whitespace between; a hyphen may be a space or nothing; `<number>` any number."""
    words = []
    for word in phrase.split():
        if word == NUMBER:
            words.append(numbers)
            continue
        parts = (_APOSTROPHE.sub(lambda _: "['’]", re.escape(part)) for part in word.split("-"))
        words.append(r"[-\s]?\s*".join(parts))
    return r"\s+".join(words)


def _word_set_pattern(words: Sequence[str]) -> re.Pattern[str] | None:
    """Whole words (or phrases) among others written lower case and one space apart."""
    if not words:
        return None
    return re.compile(
        r"(?<![\w'’])(?:" + "|".join(re.escape(word.lower()) for word in sorted(words, key=len, reverse=True)) + r")(?![\w'’])"
    )


def _normal(words: str) -> str:
    return " ".join(words.replace("’", "'").lower().split())


def _is_listed(term: str, explained: set[str]) -> bool:
    """A glossary term explains its plural and singular too (keloid, keloids)."""
    return term in explained or term.rstrip("s") in explained or f"{term}s" in explained


def claims_file(root: Path, language: str) -> Path:
    """claims.yml holds the English rules; another language's are claims.<language>.yml beside it."""
    base = language.split("-")[0].split("_")[0].lower()
    return root / (CLAIMS_FILE if base == "en" else f"claims.{base}.yml")


def start_claims_check(root: Path, language: str, glossary_terms: Iterable[str]) -> ClaimsCheck | None:
    """The claims check for the pages' language; None when the project has no rules file for it (nothing is checked)."""
    path = claims_file(root, language)
    if not path.is_file():
        return None
    return ClaimsCheck(load_claims(path), glossary_terms, language.split("-")[0].split("_")[0].lower())


# -- Reviewed claims ---------------------------------------------------------


def read_kept_claims(front: FrontMatter) -> tuple[list[KeptClaim], list[Finding]]:
    """The page's `reviewed_claims:` entries, and a finding for each one that names no reviewer or date."""
    node = front.raw.get(KEPT_KEY)
    if node is None:
        return [], []
    line, column = front.where(KEPT_KEY)
    if not isinstance(node, yaml.SequenceNode):
        return [], [_kept_problem(front.path, line, column, "`reviewed_claims` must be a list", "Start each kept claim with `- claim:`")]
    kept: list[KeptClaim] = []
    problems: list[Finding] = []
    offset = line - (node.start_mark.line + 1)  # the page's line of the front matter's first line
    for item in node.value:
        at = (item.start_mark.line + 1 + offset, item.start_mark.column + 1)
        value = front_value(item)
        if not isinstance(value, dict) or any(key not in KEPT_KEYS for key in value):
            problems.append(_kept_problem(front.path, *at, "Each kept claim is `claim:`, `reviewer:` and `date:` lines", _KEPT_ADVICE))
            continue
        claim = " ".join(str(value.get("claim") or "").split())
        reviewer = " ".join(str(value.get("reviewer") or "").split())
        reviewed = value.get("date")
        if not claim:
            problems.append(_kept_problem(front.path, *at, "This kept claim does not say which words it keeps", _KEPT_ADVICE))
            continue
        if not reviewer:
            problems.append(_kept_problem(front.path, *at, f'The kept claim "{claim}" names no reviewer', _KEPT_ADVICE))
            continue
        if not isinstance(reviewed, date):
            problems.append(_kept_problem(front.path, *at, f'The kept claim "{claim}" has no review date (YYYY-MM-DD)', _KEPT_ADVICE))
            continue
        kept.append(KeptClaim(claim, reviewer, reviewed, " ".join(str(value.get("note") or "").split()), *at))
    return kept, problems


_KEPT_ADVICE = "Write `- claim: <the words kept>`, then `reviewer: <name, role>` and `date: YYYY-MM-DD` under it (see EDITING.md)"


def front_value(node: yaml.Node) -> object:
    return yaml.SafeLoader("").construct_object(node, deep=True)


def _kept_problem(path: Path, line: int, column: int, problem: str, advice: str) -> Finding:
    return Finding.at("error", "claims.reviewed", path, line, column, problem, advice)


def kept_spans(prose: ProsePage, claim: str) -> list[tuple[int, int]]:
    """Where a kept claim's words are on the page (any case, across line breaks and emphasis)."""
    pattern = re.compile(r"(?<![\w'’])" + _phrase_regex(claim) + r"(?![\w'’])", re.IGNORECASE)
    return [match.span() for match in pattern.finditer(prose.text)]
