"""The wording check: typos and avoided phrases in the pages' prose.

The same checker serves the build (hooks.py logs each finding at its level, so
`mkdocs build --strict` fails on errors and warnings) and editors' commits
(`python -m kit.termcheck docs/*.md`, for pre-commit), with the same messages.
Rules come from terminology.yml; this module only applies them.
"""

from __future__ import annotations

import logging
import os
import re
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from kit.messages import StopBuild, display_path, located
from kit.prose import ProsePage, extract_prose
from kit.spelling import WORD, Problem, Speller, is_unit_after_number, words_of
from kit.terminology import LEVELS, AvoidRule, Terminology, load_terminology
from kit.yamlfile import position_of_byte

PAGE_ACCEPTED_WORDS_KEY = "accepted_words"
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# Benchmark-only switch: `CLINIC_KIT_TERMCHECK=off` builds without the check,
# so `make bench` can measure what it costs. Never set it for a real site.
SWITCH = "CLINIC_KIT_TERMCHECK"
_PARTS = re.compile(r"[\s'’-]+")  # a phrase's or compound's words
_LOG_LEVEL = {"error": logging.ERROR, "warning": logging.WARNING, "suggestion": logging.INFO}
_LOG_NAME = {"error": "ERROR", "warning": "WARNING", "suggestion": "INFO"}  # as MkDocs prints them


@dataclass(frozen=True)
class Finding:
    """One problem on a page, worded for the clinic editor who must fix it."""

    level: str
    path: str
    line: int
    column: int
    message: str
    rule: str = ""  # "spelling", "variant", "abbreviation", "avoid" or "page-setting"


class WordingCheck:
    """One build's checker: the clinic's rules, a speller, and running totals."""

    def __init__(self, terminology: Terminology) -> None:
        self.terminology = terminology
        self.speller = Speller(speller_words(terminology), words_of(term.term for term in terminology.terms), terminology.variant)
        self._rules = terminology.avoid_rules
        self._phrases = _phrase_pattern(self._rules)
        self._phrase_words = [frozenset(_PARTS.split(rule.phrase.lower())) - {""} for rule in self._rules]
        self.pages = 0
        self.words = 0
        self.seconds = 0.0
        self.counts: Counter[str] = Counter()

    def check(self, path: str | Path, source: str) -> list[Finding]:
        """All findings on one page's file text, in the order they appear."""
        self.pages += 1
        return self._check(path, source)

    def check_definitions(self, terminology_file: Path) -> list[Finding]:
        """Typos in the glossary definitions, which patients read on the glossary page and in tooltips.

        Everything in terminology.yml but the definitions is blanked out, so
        findings keep the file's own lines and columns.
        """
        return self._check(terminology_file, definitions_only(terminology_file.read_text(encoding="utf-8")))

    def _check(self, path: str | Path, source: str) -> list[Finding]:
        started = time.process_time()  # CPU time: what the check costs, even on a busy machine
        page = extract_prose(source)
        tokens = WORD.findall(page.text)
        distinct = set(tokens)
        page_accepted = _front_matter(page).get(PAGE_ACCEPTED_WORDS_KEY) or []
        findings = self._page_setting_problems(path, source, page, page_accepted)
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
            rule = self._rules[int(match.lastgroup[1:])]
            as_written = " ".join(match.group(0).split())
            problem = f'Avoid "{as_written}": {rule.reason}'
            advice = f'Write "{_same_case(as_written, rule.replacement)}" instead'
            found.append((match.span(), self._finding(rule.level, path, page, match.start(), problem, advice, rule="avoid")))
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
                    findings.append(self._finding(level, path, page, start, *self._problem_message(problem), rule=problem.rule))
        return findings

    def _level_of(self, problem: Problem) -> str | None:
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

    def _page_setting_problems(self, path: str | Path, source: str, page: ProsePage, value: object) -> list[Finding]:
        """A page's own `accepted_words` must be a list of words, or it silently does nothing."""
        if _is_word_list(value):
            return []
        front_matter_end = source.find(page.front_matter) + len(page.front_matter)
        key = re.compile(rf"^{PAGE_ACCEPTED_WORDS_KEY}\s*:", re.M).search(source, 0, front_matter_end)
        offset = key.start() if key else 0
        return [
            self._finding(
                "error",
                path,
                page,
                offset,
                f"`{PAGE_ACCEPTED_WORDS_KEY}` must be a list of words",
                "Write it as `accepted_words: [word, other word]`",
                rule="page-setting",
            )
        ]

    def _finding(self, level: str, path: str | Path, page: ProsePage, offset: int, problem: str, advice: str, rule: str) -> Finding:
        line, column = page.position(offset)
        return Finding(level, display_path(path), line, column, located(path, line, column, problem, advice), rule)


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


def log_findings(findings: Sequence[Finding]) -> None:
    """Each finding at its level: errors and warnings fail a strict build, suggestions never do."""
    for finding in findings:
        _log().log(_LOG_LEVEL[finding.level], finding.message)


def log_summary(check: WordingCheck) -> None:
    """Informational: the findings themselves already counted for `--strict`."""
    _log().info(check.summary())


@cache
def _log() -> logging.LoggerAdapter:
    """Under `mkdocs.`, so `mkdocs build --strict` counts errors and warnings.

    Imported on first use: the commit check does not need MkDocs' plugin machinery.
    """
    from mkdocs.plugins import get_plugin_logger

    return get_plugin_logger("termcheck")


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


def _front_matter(page: ProsePage) -> dict:
    """The page's settings; parsed only when it has some for this check (YAML parsing is slow)."""
    if PAGE_ACCEPTED_WORDS_KEY not in page.front_matter:
        return {}
    try:
        data = yaml.load(page.front_matter, Loader=_YAML_LOADER)
    except yaml.YAMLError:
        return {}  # MkDocs reports front matter it cannot read
    return data if isinstance(data, dict) else {}


def _is_word_list(value: object) -> bool:
    """`accepted_words: [a, b]`, a `- word` list, or one line of words."""
    return isinstance(value, str) or isinstance(value, list) and all(isinstance(word, str) for word in value)


def _lower_words(value: object) -> frozenset[str]:
    if not _is_word_list(value):
        return frozenset()
    words = value.replace(",", " ").split() if isinstance(value, str) else value  # type: ignore[union-attr]
    return frozenset(word.strip().replace("’", "'").lower() for word in words)


def main(argv: Sequence[str] | None = None) -> int:
    """`python -m kit.termcheck docs/*.md`: exit 1 on errors or warnings, 2 on unusable input."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m kit.termcheck", description="Check pages' wording against terminology.yml.")
    parser.add_argument("pages", nargs="+", type=Path, help="Markdown pages to check")
    parser.add_argument("--terminology", type=Path, default=Path("terminology.yml"), help="the terminology file (default: terminology.yml)")
    options = parser.parse_args(argv)
    try:
        check = WordingCheck(load_terminology(options.terminology))
        for path in options.pages:
            for finding in check.check(path, _read_page(path)):
                print(f"{_LOG_NAME[finding.level]:<8}-  termcheck: {finding.message}")
    except StopBuild as problem:
        print(f"ERROR   -  termcheck: {problem}", file=sys.stderr)
        return 2
    print(f"INFO    -  termcheck: {check.summary()}")
    return 1 if check.counts["error"] or check.counts["warning"] else 0


def _read_page(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")  # as MkDocs reads pages: a BOM is not a character
    except FileNotFoundError:
        raise StopBuild(located(path, 1, 1, "This page does not exist", "Check the file name")) from None
    except UnicodeDecodeError as err:
        line, column = position_of_byte(path.read_bytes(), err.start)
        raise StopBuild(located(path, line, column, "This page is not UTF-8 text", "Re-save it as UTF-8 in your editor")) from None


if __name__ == "__main__":
    sys.exit(main())
