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
from kit.wording.spelling import WORD, Problem, Speller, is_unit_after_number, words_of
from kit.wording.terminology import AvoidRule, Terminology

if TYPE_CHECKING:
    from kit.pages.sourcepage import SourcePage

PAGE_ACCEPTED_WORDS_KEY = "accepted_words"
# Benchmark-only switch: `CLINIC_KIT_TERMCHECK=off` builds without the check,
# so `make bench` can measure what it costs. Never set it for a real site.
SWITCH = "CLINIC_KIT_TERMCHECK"
_PARTS = re.compile(r"[\s'’-]+")  # a phrase's or compound's words


class WordingCheck:
    """One build's checker: the clinic's rules, a speller, and running totals."""

    def __init__(self, terminology: Terminology) -> None:
        self.terminology = terminology
        self.speller = Speller(speller_words(terminology), words_of(term.term for term in terminology.terms), terminology.variant)
        self._rules = terminology.avoid_rules
        self._phrases = _phrase_pattern(self._rules)
        # Tokenized as the page is: "Dr. Google" is the words dr and google, "(guaranteed)" the word guaranteed.
        self._phrase_words = [
            frozenset(part for token in WORD.findall(rule.phrase.lower()) for part in _PARTS.split(token)) - {""} for rule in self._rules
        ]
        self.pages = 0
        self.words = 0
        self.seconds = 0.0
        self.counts: Counter[str] = Counter()

    def check(self, page: SourcePage) -> list[Finding]:
        """All findings on one page, in the order they appear."""
        self.pages += 1
        started = time.process_time()  # CPU time: what the check costs, even on a busy machine
        return self._check(page.path, page.prose, page.front, started)

    def check_text(self, path: str | Path, text: str) -> list[Finding]:
        """All findings on a page's text that is not a file of the site (a draft, the clinic's source document)."""
        started = time.process_time()
        front_matter, body_start = split_front_matter(text)
        self.pages += 1
        return self._check(path, extract_prose(text, (front_matter, body_start)), read_front_matter(Path(path), front_matter), started)

    def check_definitions(self, terminology_file: Path) -> list[Finding]:
        """Typos in the glossary definitions, which patients read on the glossary page and in tooltips.

        Everything in terminology.yml but the definitions is blanked out, so
        findings keep the file's own lines and columns.
        """
        definitions = definitions_only(terminology_file.read_text(encoding="utf-8"))
        return self._check(terminology_file, extract_prose(definitions), FrontMatter(terminology_file, {}, {}), time.process_time())

    def _check(self, path: str | Path, page: ProsePage, front: FrontMatter, started: float) -> list[Finding]:
        """The findings; `started` is when the caller began (the prose extraction is part of the cost)."""
        tokens = WORD.findall(page.text)
        distinct = set(tokens)
        page_accepted = front.value(PAGE_ACCEPTED_WORDS_KEY) or []
        findings = self._page_setting_problems(path, front, page_accepted)
        avoided = self._avoided_phrases(path, page, distinct)
        findings += [finding for _, finding in avoided]
        findings += self._typos(path, page, distinct, _lower_words(page_accepted), [span for span, _ in avoided])
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

    def _avoided_phrases(self, path: str | Path, page: ProsePage, distinct: set[str]) -> list[tuple[tuple[int, int], Finding]]:
        if self._phrases is None or not self._may_contain_a_phrase(distinct):
            return []
        found = []
        for match in self._phrases.finditer(page.text):
            rule = self._rules[int((match.lastgroup or "r0")[1:])]  # every alternative is a named group
            as_written = " ".join(match.group(0).split())
            problem = f'Avoid "{as_written}": {rule.reason}'
            advice = f'Write "{_same_case(as_written, rule.replacement)}" instead'
            found.append((match.span(), self._finding(rule.level, "termcheck.avoid", path, page, match.start(), problem, advice)))
        return found

    def _may_contain_a_phrase(self, distinct: set[str]) -> bool:
        """Whether every word of some avoided phrase is on the page: most pages skip the phrase search."""
        vocabulary = {word.lower() for word in distinct}
        compounds = [word for word in vocabulary if "-" in word or "'" in word or "’" in word]
        vocabulary.update(part for word in compounds for part in _PARTS.split(word))
        return any(words <= vocabulary for words in self._phrase_words)

    def _typos(
        self, path: str | Path, page: ProsePage, distinct: set[str], page_words: frozenset[str], taken: list[tuple[int, int]]
    ) -> list[Finding]:
        unknown = self.speller.unknown_tokens(distinct)
        if not unknown:
            return []  # the usual case: no positions needed
        findings = []
        for match in WORD.finditer(page.text):
            if match.group(0) not in unknown:
                continue
            for offset, word in self.speller.unknown_parts(match.group(0)):
                start = match.start() + offset
                if word.lower() in page_words or any(begin <= start < end for begin, end in taken):
                    continue
                if is_unit_after_number(word, page.text[max(0, start - 12) : start]):
                    continue
                problem = self.speller.problem(word)
                level = self._level_of(problem)
                if level is not None:
                    findings.append(self._finding(level, f"termcheck.{problem.rule}", path, page, start, *self._problem_message(problem)))
        return findings

    def _level_of(self, problem: Problem) -> Level | None:
        """The clinic's level for this kind of problem (terminology.yml `spelling:`); None: not reported."""
        terminology = self.terminology
        return {"variant": terminology.mixed_variants_level, "abbreviation": terminology.abbreviation_level}.get(
            problem.rule, terminology.spelling_level
        )

    def _problem_message(self, problem: Problem) -> tuple[str, str]:
        variant = self.speller.variant
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
        problem_text = f'"{problem.word}" is not in the {variant.name} dictionary, the skin-care word list or the clinic\'s accepted words'
        fix = f'Did you mean "{problem.write}"? ' if problem.write else "Check its spelling. "
        return problem_text, fix + f'If "{problem.word}" is right, {add}'

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


def definitions_only(terminology_text: str) -> str:
    """terminology.yml's text with every character outside a `definition:` value made a space."""
    kept = [list(" " * len(line)) for line in terminology_text.split("\n")]
    root = yaml.compose(terminology_text, Loader=yaml.SafeLoader)
    terms = next((value for key, value in getattr(root, "value", []) if key.value == "terms"), None)
    for entry in getattr(terms, "value", []):
        for key, value in getattr(entry, "value", []):
            if key.value == "definition" and isinstance(value, yaml.ScalarNode):
                _keep_span(kept, terminology_text.split("\n"), value.start_mark, value.end_mark)
    return "\n".join("".join(line) for line in kept)


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
