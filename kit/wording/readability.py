"""Reading grades of the pages, their Key points and their checklist steps.

Patient material should read at US grade 8 or below (NIH). The grade is a
rough guide, not the only test, so the build prints every page's grades for
the editor and warns only where the page promises plain words: the "Key points"
box that opens each page and the checklist steps patients follow at home.
Grades are Flesch-Kincaid from textstat 0.7.8, which works offline.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from html import unescape
from pathlib import Path
from typing import TYPE_CHECKING, Any

import textstat

from kit.data.collector import collector_paused
from kit.data.yamlfile import SettingsLocator
from kit.pages.keypoints import KeyPoints, as_sentence
from kit.report.findings import Finding
from kit.wording.languages import ENGLISH, has_language, load_language

if TYPE_CHECKING:
    from kit.pages.sourcepage import SourcePage

WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
SENTENCE_END = re.compile(r"[.!?…]+(?=\s|$)")

DEFAULT_MAX_GRADE = 8.0
MIN_KEY_POINTS, MAX_KEY_POINTS = 3, 5


@dataclass(frozen=True)
class Row:
    """One line of the readability table."""

    page: str
    words: int
    key_points_grade: float | None
    page_grade: float | None  # None: the page's language has no grade formula


@dataclass
class ReadabilityTable:
    """Every page's grades in this build, printed once the build is done."""

    max_grade: float
    formula: str = "Flesch-Kincaid"  # the language's grade formula, named in the table's heading
    rows: list[Row] = field(default_factory=list)

    def lines(self) -> list[str]:
        width = max([len("page"), *(len(row.page) for row in self.rows)])
        header = f"{'page':<{width}}  {'words':>5}  {'key points':>10}  {'whole page':>10}"
        lines = [
            f"Reading grades ({self.formula}; Key points and checklist steps must be {self.max_grade:g} or below):",
            header,
        ]
        for row in sorted(self.rows, key=lambda r: r.page):
            key = "-" if row.key_points_grade is None else f"{row.key_points_grade:.1f}"
            whole = "-" if row.page_grade is None else f"{row.page_grade:.1f}"
            lines.append(f"{row.page:<{width}}  {row.words:>5}  {key:>10}  {whole:>10}")
        return lines


def max_grade_from(extra: Mapping[str, Any], config_file: Path) -> float:
    """The highest grade allowed, from `extra: readability: key_points_max_grade:` in mkdocs.yml."""
    settings = extra.get("readability") or {}
    value = settings.get("key_points_max_grade", DEFAULT_MAX_GRADE) if isinstance(settings, dict) else None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 1 <= value <= 20:
        raise SettingsLocator(config_file).error(
            ("extra", "readability", "key_points_max_grade"),
            f"`key_points_max_grade` must be a school grade from 1 to 20, not {value!r}",
            "Write a number such as 8 under `extra: readability:`",
        )
    return float(value)


def formula_name(language: str, site: Path | None = None) -> str:
    """The grade formula `grade` uses for the language, as the build's table names it."""
    if language == ENGLISH or not has_language(language, site):
        return "Flesch-Kincaid"
    formula = load_language(language, site).readability
    return formula.name if formula else "no grade formula"


def grade(text: str, language: str = ENGLISH, site: Path | None = None) -> float | None:
    """The US school grade of plain text, to one decimal as the table shows it.

    English: Flesch-Kincaid. Another language: the formula of its data file
    (Spanish: Fernández Huerta, kit/wording/words/es.yml), or None when it has
    none: English syllable rules would miscount its words. `site`: the folder
    of terminology.yml, where a clinic may keep its own language's data.
    """
    if language == ENGLISH or not has_language(language, site):
        _pronunciations_loaded()
        return round(float(textstat.flesch_kincaid_grade(text)), 1)
    data = load_language(language, site)
    formula = data.readability
    if formula is None:
        return None
    words = WORD.findall(text)
    if not words:
        return 0.0
    sentences = max(1, len(SENTENCE_END.findall(text.strip() + ".")))
    return round(formula.grade(len(words), sum(data.syllables(word) for word in words), sentences), 1)


@cache
def _pronunciations_loaded() -> None:
    """Let textstat read the CMU pronouncing dictionary (135,000 words, kept for the process) with the collector paused.

    With the collector running, walking those fresh lists while they are made
    costs twice the reading (about 1 s of every build); frozen afterwards, later
    collections skip them too (FIELD-NOTES, as kit/wording/wordlists.py does).
    """
    with collector_paused():
        textstat.syllable_count("reading")
    gc.freeze()


def html_text(html: str) -> str:
    """The words of rendered HTML, tags dropped."""
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def measure(page: str, html: str, key_points: KeyPoints | None, language: str = ENGLISH, site: Path | None = None) -> Row:
    """One row of the table, from the page as rendered (before the kit adds to it)."""
    text = html_text(html)
    return Row(
        page=page,
        words=textstat.lexicon_count(text),
        key_points_grade=grade(key_points.text, language, site) if key_points and key_points.bullets else None,
        page_grade=grade(text, language, site),
    )


def page_warnings(page: SourcePage, max_grade: float, language: str = ENGLISH, site: Path | None = None) -> list[Finding]:
    """Warnings where the page breaks its plain-language promises, its grades measured in its `language`."""
    key_points = page.key_points
    warnings = []
    if key_points is None:
        warnings.append(
            _warning(
                "readability.key-points-missing",
                page,
                1,
                1,
                'This page has no "Key points" box',
                'Open the page with `!!! abstract "Key points"` and 3 to 5 short bullets',
            )
        )
    else:
        count = len(key_points.bullets)
        if not MIN_KEY_POINTS <= count <= MAX_KEY_POINTS:
            warnings.append(
                _warning(
                    "readability.key-points-count",
                    page,
                    key_points.line,
                    1,
                    f"The Key points box has {count} bullets",
                    "Keep 3 to 5 short bullets, each written from this page's own text",
                )
            )
        if key_points.bullets and (value := grade(key_points.text, language, site)) is not None and value > max_grade:
            warnings.append(
                _warning(
                    "readability.key-points-grade",
                    page,
                    key_points.line,
                    1,
                    f"The Key points read at grade {value:.1f}, above the limit of {max_grade:g}",
                    "Use shorter sentences and shorter words, still saying only what the page says",
                )
            )
    for step in page.checklist_steps:
        if (value := grade(as_sentence(step.text), language, site)) is not None and value > max_grade:
            warnings.append(
                _warning(
                    "readability.checklist-grade",
                    page,
                    step.line,
                    step.column,
                    f"This checklist step reads at grade {value:.1f}, above the limit of {max_grade:g}",
                    "Write it as one short instruction that starts with a verb",
                )
            )
    return warnings


def _warning(rule: str, page: SourcePage, line: int, column: int, problem: str, advice: str) -> Finding:
    return Finding.at("warning", rule, page.path, line, column, problem, advice)
