"""The prose of a Markdown page, at the places an editor sees it in the file.

Checkers go wrong in tokenizing: they read code, URLs and markup as words, or
lose their positions. Here every character that is not prose is blanked out
(newlines kept), so the result has the page's exact length and line layout:
an offset in it is an offset in the file, front matter counted, and a phrase
split by a line break or by `**emphasis**` is still one phrase apart from
whitespace.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property

from kit.pages.frontmatter import split_front_matter

# Never prose: each pattern blanks what it matches, in this order: code first
# (it may contain anything), then comments (which may hide markup), then
# inline markup. A pattern runs only when its trigger is in the page, which
# keeps pages without code or links (most of them) fast.
_FENCE_TRIGGERS = ("```", "~~~")
_FENCE_OPEN = re.compile(r"^[ \t>]*(`{3,}|~{3,})")
# A code span may wrap onto the next line but never crosses a blank line.
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(?:(?!\n[ \t]*\n).)+?(?<!`)\1(?!`)", re.S)
_NEVER_PROSE: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("termcheck", re.compile(r"<!--\s*termcheck off\s*-->.*?(?:<!--\s*termcheck on\s*-->|\Z)", re.S)),
    ("<!--", re.compile(r"<!--.*?(?:-->|\Z)", re.S)),
    ("`", _CODE_SPAN),
    ("8<", re.compile(r"^[ \t]*--8<--[ \t]*\n.*?^[ \t]*--8<--[ \t]*$", re.S | re.M)),  # snippet block
    ("8<", re.compile(r"^[ \t]*-{1,3}8<-{1,3}.*$", re.M)),  # snippet line
    ("<", re.compile(r"<(script|style|pre|code|kbd|samp)\b.*?</\1\s*>", re.S | re.I)),
    ("]:", re.compile(r"^[ \t]{0,3}\[(?!\^)[^\]\n]+\]:[ \t]*\S+.*$", re.M)),  # [label]: https://...
    ("](", re.compile(r"\]\(\s*(?:<[^>\n]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)")),
    ("][", re.compile(r"\[(?<=\]\[)[^\]\n]*\]")),  # [text][label]
    ("[^", re.compile(r"\[\^[^\]\n]+\]")),  # footnote
    ("{", re.compile(r"\{:?[ \t]*(?:[.#][\w-]|[\w-]+=)[^}\n]*\}|\{:[ \t]*\}")),  # attribute list
    ("<", re.compile(r"</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>")),  # HTML tag, attributes and autolinks
    ("://", re.compile(r"\b[a-z][a-z+.-]*://[^\s<>()\[\]]+", re.I)),
    ("www.", re.compile(r"\bwww\.[^\s<>()\[\]]+", re.I)),
    ("mailto:", re.compile(r"\bmailto:[^\s<>()\[\]]+")),
    ("tel:", re.compile(r"\btel:[^\s<>()\[\]]+")),
    ("@", re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),  # e-mail address
    ("&", re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|\w+);")),  # &nbsp;
    ("{", re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)),  # template tags
    (":", re.compile(r":(?<![\w:]:)[a-z0-9]+(?:[-_+][a-z0-9]+)*:(?![\w:])")),  # :emoji:
)
# `!!! note "Title"` / `??? tip` / `???+ warning inline end "Title"`: the
# marker and type are syntax, the quoted title is prose.
_ADMONITION_TRIGGERS = ("!!!", "???")
_ADMONITION = re.compile(r'(?:!!!|\?\?\?\+?)[ \t]+[\w-]+(?:[ \t]+[\w-]+)*[ \t]*(?:(")(.*)(")[ \t]*)?$', re.M)
_LINE_PREFIX = re.compile(r"[ \t>]*")
# Markup between words: emphasis, blockquote markers, highlights. Blanking
# them makes "the **derma**" and a quote across lines read as their words.
_MARKUP = "*_~=^>"
_NOT_NEWLINE = re.compile(r"[^\n]")


@dataclass(frozen=True)
class ProsePage:
    """A page's prose: same length and lines as the file, everything else blanked."""

    text: str

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column of an offset, as an editor counts them."""
        line = bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    @cached_property
    def _line_starts(self) -> tuple[int, ...]:
        """Only pages with findings need positions; the prose keeps the file's newlines."""
        return (0, *(match.end() for match in re.finditer("\n", self.text)))


def extract_prose(source: str, front_matter_split: tuple[str, int] | None = None) -> ProsePage:
    """Blank everything in a page's file that patients do not read as prose.

    The page model passes the front matter it has already split off.
    """
    _, body_start = front_matter_split or split_front_matter(source)
    text = _spaces_for(source[:body_start]) + source[body_start:]
    if any(trigger in text for trigger in _FENCE_TRIGGERS):
        text = _blank_fenced_code(text)
    for trigger, pattern in _NEVER_PROSE:
        if trigger in text:
            text = pattern.sub(_spaces, text)
    if any(trigger in text for trigger in _ADMONITION_TRIGGERS):
        text = _ADMONITION.sub(_keep_admonition_title, text)
    for character in _MARKUP:
        text = text.replace(character, " ")
    if len(text) != len(source):  # positions would drift: a bug here, never the page's fault
        raise AssertionError("prose extraction changed the page's length")
    return ProsePage(text)


def blank_code(text: str) -> str:
    """The page with its code (fenced blocks, code spans) blanked: what Markdown does not show as code."""
    if any(trigger in text for trigger in _FENCE_TRIGGERS):
        text = _blank_fenced_code(text)
    if "`" in text:
        text = _CODE_SPAN.sub(_spaces, text)
    return text


def _blank_fenced_code(text: str) -> str:
    """Fenced code blocks, indented in lists and admonitions too, blanked line by line."""
    lines = text.split("\n")
    fence: str | None = None
    for number, line in enumerate(lines):
        match = _FENCE_OPEN.match(line)
        if fence is None and match:
            fence = match.group(1)
        elif (
            fence is not None
            and match
            and match.group(1)[0] == fence[0]
            and len(match.group(1)) >= len(fence)
            and not line[match.end() :].strip()
        ):
            fence = None
        elif fence is None:
            continue
        lines[number] = " " * len(line)
    return "\n".join(lines)


def _spaces(match: re.Match[str]) -> str:
    return _spaces_for(match.group(0))


def _spaces_for(text: str) -> str:
    """The same number of characters, newlines kept so lines do not move."""
    return _NOT_NEWLINE.sub(" ", text)


def _keep_admonition_title(match: re.Match[str]) -> str:
    whole = match.group(0)
    line_start = match.string.rfind("\n", 0, match.start()) + 1
    if _LINE_PREFIX.fullmatch(match.string, line_start, match.start()) is None:
        return whole  # "!!!" inside a sentence is prose
    if match.group(1) is None:
        return _spaces(match)
    title_start = match.start(2) - match.start(0)
    title_end = match.end(2) - match.start(0)
    return " " * title_start + whole[title_start:title_end] + " " * (len(whole) - title_end)
