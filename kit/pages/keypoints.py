"""A page's promises of plain words: its "Key points" box and its checklist steps, with their lines.

Part of the page model: the reading-grade check (kit/wording/readability.py)
measures these passages, the home page's topic cards quote the first point,
and both need the same lines and columns an editor sees in the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kit.data.patient_text import STRINGS, strings


@dataclass(frozen=True)
class Passage:
    """A piece of a page's Markdown and where it starts in the file."""

    text: str
    line: int
    column: int = 1  # where its words start on the line (1: the line's start)


def as_sentence(text: str) -> str:
    """Bullets without a full stop would run together into one long sentence."""
    return text if text.endswith((".", "!", "?")) else text + "."


@dataclass(frozen=True)
class KeyPoints:
    """The `!!! abstract "Key points"` box: the line of its title and its bullets at the first level."""

    line: int
    bullets: tuple[Passage, ...] = ()  # none: a box with no bullet yet

    @property
    def text(self) -> str:
        """The bullets as sentences, as the reading grade measures them."""
        return " ".join(as_sentence(b.text) for b in self.bullets)


@cache
def key_points_title() -> re.Pattern[str]:
    """The box's first line, titled in any language the kit has strings for ("Key points", "Puntos clave")."""
    titles = {strings(file.stem)["translation"]["key_points"] for file in STRINGS.glob("*.yml")}
    return re.compile(r'^!!!\s+abstract\s+"(?:' + "|".join(re.escape(title) for title in sorted(titles)) + r')"\s*$')


CHECKLIST_STEP = re.compile(r"^\s+- \[[ xX]\]\s+(?P<text>.+)$")
BULLET = re.compile(r"^\s+[-*+]\s+(?P<text>.+)$")


def find_key_points(source: str) -> KeyPoints | None:
    """The `!!! abstract "Key points"` box in a page file's own text, with lines."""
    lines = source.splitlines()
    for number, line in enumerate(lines, start=1):
        if key_points_title().match(line):
            return KeyPoints(number, tuple(_indented_bullets(lines, number)))
    return None


def checklist_steps(source: str) -> list[Passage]:
    """Task-list items inside admonitions: the steps patients follow at home."""
    steps = []
    for number, line in enumerate(source.splitlines(), start=1):
        if match := CHECKLIST_STEP.match(line):
            steps.append(Passage(plain_words(match.group("text")), number, match.start("text") + 1))
    return steps


def _indented_bullets(lines: list[str], title_line: int) -> list[Passage]:
    """The box's bullets at the level of its first one: a clinic's sub-bullets under a point are not points of their own."""
    bullets = []
    level = None
    for number in range(title_line + 1, len(lines) + 1):
        line = lines[number - 1]
        if not line.strip():
            continue
        if not line.startswith((" ", "\t")):
            break
        if match := BULLET.match(line):
            indent = len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())
            level = indent if level is None else level
            if indent <= level:
                bullets.append(Passage(plain_words(match.group("text")), number, match.start("text") + 1))
    return bullets


def plain_words(markdown: str) -> str:
    """Inline Markdown to the words a reader sees: links, emphasis and code marks dropped."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    return re.sub(r"[*_`]", "", text).strip()
