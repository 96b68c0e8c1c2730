"""The wording check: typos and avoided phrases in the pages' prose.

The same checker serves the build and `python -m kit check` (pre-commit, CI)
through the page model and the reporter, so `mkdocs build --strict` and a
commit fail on the same errors and warnings with the same messages. Rules
come from terminology.yml; this module only applies them.
"""

from __future__ import annotations

import os
import re
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from kit.pages.frontmatter import FrontMatter, read_front_matter, split_front_matter
from kit.pages.prose import ProsePage, extract_prose
from kit.report.findings import LEVELS, Finding, Level
from kit.wording.languages import ENGLISH, page_language
from kit.wording.spelling import WORD, Problem, Speller, words_of
from kit.wording.terminology import FILE_LANGUAGE, AvoidRule, Terminology
from kit.wording.variants import DEFAULT_VARIANT

if TYPE_CHECKING:
    from kit.pages.sourcepage import SourcePage

PAGE_ACCEPTED_WORDS_KEY = "accepted_words"
# Benchmark-only switch: `CLINIC_KIT_TERMCHECK=off` builds without the check,
# so `make bench` can measure what it costs. Never set it for a real site.
SWITCH = "CLINIC_KIT_TERMCHECK"
_PARTS = re.compile(r"[\s'’-]+")  # a phrase's or compound's words


class LanguageRules:
    """The clinic's rules in one language, and a speller for it: made the first time a page in that language is checked."""

    def __init__(self, terminology: Terminology) -> None:
        self.terminology = terminology
        variant = terminology.variant if terminology.language == ENGLISH else DEFAULT_VARIANT
        clinic_words = words_of(term.term for term in terminology.terms)
        self.speller = Speller(speller_words(terminology), clinic_words, variant, terminology.language, terminology.source.parent)
        self.rules = terminology.avoid_rules
        self.phrases = _phrase_pattern(self.rules)
        # Tokenized as the page is: "Dr. Google" is the words dr and google, "(guaranteed)" the word guaranteed.
        self.phrase_words = [
            frozenset(part for token in WORD.findall(rule.phrase.lower()) for part in _PARTS.split(token)) - {""} for rule in self.rules
        ]


class WordingCheck:
    """One build's checker: the clinic's rules and a speller per language, and running totals.

    A page is checked in its own language (`page_language`: the build's, or
    the `.es.md` suffix of a page given to `python -m kit check`); a language's
    word list is loaded only when one of its pages is checked.
    """

    def __init__(self, terminology: Terminology) -> None:
        self.terminology = terminology
        self._languages = {terminology.language: LanguageRules(terminology)}
        self.pages = 0
        self.words = 0
        self.seconds = 0.0
        self.counts: Counter[str] = Counter()

    @property
    def speller(self) -> Speller:
        """The speller of the build's own language."""
        return self._languages[self.terminology.language].speller

    def in_language(self, language: str) -> LanguageRules:
        """The rules and speller for pages in `language`, made on first use."""
        if language not in self._languages:
            self._languages[language] = LanguageRules(self.terminology.for_language(language))
        return self._languages[language]

    def language_of(self, path: str | Path) -> str:
        """A page's language: its `.<code>.md` suffix when the check has that language, else the build's."""
        return page_language(Path(path).name, self.terminology.language, self.terminology.source.parent)

    def check(self, page: SourcePage) -> list[Finding]:
        """All findings on one page, in the order they appear."""
        self.pages += 1
        started = time.process_time()  # CPU time: what the check costs, even on a busy machine
        return self._check(page.path, page.prose, page.front, started, self.in_language(self.language_of(page.src_uri)))

    def check_text(self, path: str | Path, text: str) -> list[Finding]:
        """All findings on a page's text that is not a file of the site (a draft, the clinic's source document)."""
        started = time.process_time()
        front_matter, body_start = split_front_matter(text)
        self.pages += 1
        prose = extract_prose(text, (front_matter, body_start))
        return self._check(path, prose, read_front_matter(Path(path), front_matter), started, self.in_language(self.language_of(path)))

    def check_definitions(self, terminology_file: Path) -> list[Finding]:
        """Typos in the glossary definitions, which patients read on the glossary page and in tooltips.

        Everything in terminology.yml but the definitions is blanked out, so
        findings keep the file's own lines and columns.
        """
        language = self.terminology.language
        definitions = definitions_only(terminology_file.read_text(encoding="utf-8"), language)
        front = FrontMatter(terminology_file, {}, {})
        return self._check(terminology_file, extract_prose(definitions), front, time.process_time(), self.in_language(language))

    def _check(self, path: str | Path, page: ProsePage, front: FrontMatter, started: float, rules: LanguageRules) -> list[Finding]:
        """The findings; `started` is when the caller began (the prose extraction is part of the cost)."""
        tokens = WORD.findall(page.text)
        distinct = set(tokens)
        page_accepted = front.value(PAGE_ACCEPTED_WORDS_KEY) or []
        findings = self._page_setting_problems(path, front, page_accepted)
        avoided = self._avoided_phrases(path, page, distinct, rules)
        findings += [finding for _, finding in avoided]
        findings += self._typos(path, page, distinct, _lower_words(page_accepted), [span for span, _ in avoided], rules)
        self.words += len(tokens)
        findings.sort(key=lambda finding: (finding.line, finding.column))
        self.counts.update(finding.level for finding in findings)
        self.seconds += time.process_time() - started
        return findings

    def summary(self) -> str:
        """Pages checked and findings by level, for the end of a build or commit check."""
        counts = ", ".join(f"{self.counts[level]} {level}{'' if self.counts[level] == 1 else 's'}" for level in LEVELS)
        pages = f"{self.pages} page{'' if self.pages == 1 else 's'}"
        line = f"Wording check: {pages}, {self.words:,} words checked in {self.seconds:.3f} s: {counts}"
        if self.counts["error"] or self.counts["warning"]:
            line += ". Fix the lines above: errors and warnings stop the build that publishes the site"
        return line + "."

    def _avoided_phrases(
        self, path: str | Path, page: ProsePage, distinct: set[str], rules: LanguageRules
    ) -> list[tuple[tuple[int, int], Finding]]:
        if rules.phrases is None or not _may_contain_a_phrase(distinct, rules.phrase_words):
            return []
        found = []
        for match in rules.phrases.finditer(page.text):
            rule = rules.rules[int((match.lastgroup or "r0")[1:])]  # every alternative is a named group
            as_written = " ".join(match.group(0).split())
            problem = f'Avoid "{as_written}": {rule.reason}'
            advice = f'Write "{_same_case(as_written, rule.replacement)}" instead'
            found.append((match.span(), self._finding(rule.level, "termcheck.avoid", path, page, match.start(), problem, advice)))
        return found

    def _typos(
        self,
        path: str | Path,
        page: ProsePage,
        distinct: set[str],
        page_words: frozenset[str],
        taken: list[tuple[int, int]],
        rules: LanguageRules,
    ) -> list[Finding]:
        speller = rules.speller
        unknown = speller.unknown_tokens(distinct)
        if not unknown:
            return []  # the usual case: no positions needed
        findings = []
        for match in WORD.finditer(page.text):
            if match.group(0) not in unknown:
                continue
            for offset, word in speller.unknown_parts(match.group(0)):
                start = match.start() + offset
                if word.lower() in page_words or any(begin <= start < end for begin, end in taken):
                    continue
                if speller.is_unit_after_number(word, page.text[max(0, start - 12) : start]):
                    continue
                problem = speller.problem(word)
                level = _level_of(problem, rules.terminology)
                if level is not None:
                    message = _problem_message(problem, speller)
                    findings.append(self._finding(level, f"termcheck.{problem.rule}", path, page, start, *message))
        return findings

    def _page_setting_problems(self, path: str | Path, front: FrontMatter, value: object) -> list[Finding]:
        """A page's own `accepted_words` must be a list of words, or it silently does nothing."""
        if _is_word_list(value):
            return []
        line, column = front.where_named(PAGE_ACCEPTED_WORDS_KEY)
        problem = f"`{PAGE_ACCEPTED_WORDS_KEY}` must be a list of words"
        advice = "Write it as `accepted_words: [word, other word]`"
        return [Finding.at("error", "termcheck.page-setting", path, line, column, problem, advice)]

    def _finding(self, level: Level, rule: str, path: str | Path, page: ProsePage, offset: int, problem: str, advice: str) -> Finding:
        line, column = page.position(offset)
        return Finding.at(level, rule, path, line, column, problem, advice)


def _level_of(problem: Problem, terminology: Terminology) -> Level | None:
    """The clinic's level for this kind of problem (terminology.yml `spelling:`); None: not reported."""
    return {"variant": terminology.mixed_variants_level, "abbreviation": terminology.abbreviation_level}.get(
        problem.rule, terminology.spelling_level
    )


def _problem_message(problem: Problem, speller: Speller) -> tuple[str, str]:
    """What is wrong and what to do, in the shape of every finding of the check."""
    variant = speller.variant
    if problem.rule == "variant":
        return (
            f'"{problem.word}" is the {problem.whose} spelling; this site writes {variant.name} (spelling: variant: {variant.variant})',
            f'Write "{problem.write}", or set `mixed_variants: accept` under `spelling:` in terminology.yml to allow both spellings',
        )
    add = "add it to accepted_words in terminology.yml (all pages) or in this page's front matter"
    if problem.rule == "abbreviation":
        return (
            f'"{problem.word}" is an abbreviation the clinic\'s lists do not know',
            f"If it is right, {add}; else spell it out on first use",
        )
    if problem.write and problem.write.lower() == problem.word.lower():
        # Only its capitals differ: "Did you mean" the same word would read as if the kit did not know it.
        return (
            f'"{problem.word}" is known only with its capitals, as "{problem.write}"',
            f'Write "{problem.write}"; if "{problem.word}" is right as it is here, {add}',
        )
    problem_text = f'"{problem.word}" is not in the {variant.name} dictionary, the skin-care word list or the clinic\'s accepted words'
    fix = f'Did you mean "{problem.write}"? ' if problem.write else "Check its spelling. "
    return problem_text, fix + f'If "{problem.word}" is right, {add}'


def _may_contain_a_phrase(distinct: set[str], phrase_words: list[frozenset[str]]) -> bool:
    """Whether every word of some avoided phrase is on the page: most pages skip the phrase search."""
    vocabulary = {word.lower() for word in distinct}
    compounds = [word for word in vocabulary if "-" in word or "'" in word or "’" in word]
    vocabulary.update(part for word in compounds for part in _PARTS.split(word))
    return any(words <= vocabulary for words in phrase_words)


def definitions_only(terminology_text: str, language: str = FILE_LANGUAGE) -> str:
    """terminology.yml's text with every character outside a `definition:` value in `language` made a space.

    The file's own language: each term's `definition`; another (`es`): each
    term's `es: definition` and the definitions of the terms under the top-level `es:`.
    """
    kept = [list(" " * len(line)) for line in terminology_text.split("\n")]
    root = yaml.compose(terminology_text, Loader=yaml.SafeLoader)
    for entry in (
        _entries(_value_of(root, "terms"))
        if language == FILE_LANGUAGE
        else [
            *(_value_of(entry, language) for entry in _entries(_value_of(root, "terms"))),
            *_entries(_value_of(_value_of(root, language), "terms")),
        ]
    ):
        definition = _value_of(entry, "definition")
        if isinstance(definition, yaml.ScalarNode):
            _keep_span(kept, terminology_text.split("\n"), definition.start_mark, definition.end_mark)
    return "\n".join("".join(line) for line in kept)


def _value_of(node: object, key: str) -> yaml.Node | None:
    """The value node of `key` in a mapping node; None when there is none."""
    return next((value for name, value in getattr(node, "value", []) if isinstance(node, yaml.MappingNode) and name.value == key), None)


def _entries(node: object) -> list:
    return list(node.value) if isinstance(node, yaml.SequenceNode) else []


def _keep_span(kept: list[list[str]], lines: list[str], start: yaml.Mark, end: yaml.Mark) -> None:
    for number in range(start.line, min(end.line, len(lines) - 1) + 1):
        first = start.column if number == start.line else 0
        last = end.column if number == end.line else len(lines[number])
        kept[number][first:last] = lines[number][first:last]


def speller_words(terminology: Terminology) -> frozenset[str]:
    """Every word the clinic's files tell the speller to accept: the one place to feed it another list.

    `accepted_words`, and the words of `patient_words` (the clinic chose them
    for search); another list of right words in terminology.yml is added here
    and nowhere else.
    """
    return terminology.accepted_words | terminology.patient_vocabulary


def start_wording_check(terminology: Terminology) -> WordingCheck | None:
    """A fresh check for one build, from the terminology file as it is now."""
    if os.environ.get(SWITCH, "on").lower() == "off":
        return None
    return WordingCheck(terminology)


def _phrase_pattern(rules: Sequence[AvoidRule]) -> re.Pattern[str] | None:
    """One pattern for every avoided phrase, any case, across line breaks and emphasis."""
    if not rules:
        return None
    alternatives = []
    between_words = r"\s+"
    for number, rule in sorted(enumerate(rules), key=lambda item: -len(item[1].phrase)):
        # A hyphen may end a line: "micro-" then "needling" on the next.
        words = [re.escape(word).replace("-", r"-\s*") for word in rule.phrase.split()]
        alternatives.append(f"(?P<r{number}>{between_words.join(words)})")
    return re.compile(rf"(?<![\w'’-])(?:{'|'.join(alternatives)})(?![\w-])", re.IGNORECASE)


def _same_case(as_written: str, replacement: str) -> str:
    """ "The derma" at a sentence start becomes "The dermis"."""
    if as_written[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def _is_word_list(value: object) -> bool:
    """`accepted_words: [a, b]`, a `- word` list, or one line of words."""
    return isinstance(value, str) or isinstance(value, list) and all(isinstance(word, str) for word in value)


def _lower_words(value: object) -> frozenset[str]:
    if isinstance(value, str):
        words = value.replace(",", " ").split()
    elif isinstance(value, list) and _is_word_list(value):
        words = value
    else:
        return frozenset()
    return frozenset(word.strip().replace("’", "'").lower() for word in words)
