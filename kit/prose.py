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

# Blocks that are never prose. Each pattern is applied to the whole page, in
# this order; what it matches is blanked. Code comes first (it may contain
# anything), then comments (which may hide markup), then inline markup.
_FENCE_OPEN = re.compile(r"^[ \t>]*(`{3,}|~{3,})")
_TERMCHECK_OFF = re.compile(r"<!--\s*termcheck off\s*-->.*?(?:<!--\s*termcheck on\s*-->|\Z)", re.S | re.I)
_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
# A code span may wrap onto the next line but never crosses a blank line.
_INLINE_CODE = re.compile(r"(?<!`)(`+)(?!`)(?:(?!\n[ \t]*\n).)+?(?<!`)\1(?!`)", re.S)
_SNIPPET_BLOCK = re.compile(r"^[ \t]*--8<--[ \t]*\n.*?^[ \t]*--8<--[ \t]*$", re.S | re.M)
_SNIPPET_LINE = re.compile(r"^[ \t]*-{1,3}8<-{1,3}.*$", re.M)
_RAW_HTML_BLOCKS = re.compile(r"<(script|style|pre|code|kbd|samp)\b.*?</\1\s*>", re.S | re.I)
_LINK_TARGET = re.compile(r"\]\(\s*(?:<[^>\n]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)")
_REFERENCE_DEFINITION = re.compile(r"^[ \t]{0,3}\[(?!\^)[^\]\n]+\]:[ \t]*\S+.*$", re.M)
_REFERENCE_LABEL = re.compile(r"(?<=\])\[[^\]\n]*\]")
_FOOTNOTE_LABEL = re.compile(r"\[\^[^\]\n]+\]")
_ATTRIBUTE_LIST = re.compile(r"\{:?[ \t]*(?:[.#][\w-]|[\w-]+=)[^}\n]*\}|\{:[ \t]*\}")
_HTML_TAG = re.compile(r"</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>")
_URL = re.compile(r"\b(?:https?://|ftp://|mailto:|tel:|www\.)[^\s<>()\[\]]+|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|\w+);")
_TEMPLATE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
# Markup between words: blockquote markers and emphasis, so "the **derma**"
# and a phrase quoted across lines still read as their words.
_MARKUP = re.compile(r"^[ \t]*(?:>[ \t]?)+|\*+|~~|==|\^\^|(?<!\w)_+|_+(?!\w)", re.M)
_NOT_NEWLINE = re.compile(r"[^\n]")
_EMOJI = re.compile(r"(?<![\w:]):[a-z0-9]+(?:[-_+][a-z0-9]+)*:(?![\w:])")
# `!!! note "Title"` / `??? tip` / `???+ warning inline end "Title"`: the
# marker and type are syntax, the quoted title is prose.
_ADMONITION = re.compile(r'^([ \t>]*)(?:!!!|\?\?\?\+?)[ \t]+[\w-]+(?:[ \t]+[\w-]+)*[ \t]*(?:(")(.*)(")[ \t]*)?$', re.M)


@dataclass(frozen=True)
class ProsePage:
    """A page's prose: same length and lines as the file, everything else blanked."""

    text: str
    front_matter: str
    _line_starts: tuple[int, ...]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column of an offset, as an editor counts them."""
        line = bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1


def extract_prose(source: str) -> ProsePage:
    """Blank everything in a page's file that patients do not read as prose."""
    front_matter, body_start = _split_front_matter(source)
    text = _spaces_for(source[:body_start]) + source[body_start:]
    text = _blank_fenced_code(text)
    for pattern in (_TERMCHECK_OFF, _HTML_COMMENT, _INLINE_CODE, _SNIPPET_BLOCK, _SNIPPET_LINE, _RAW_HTML_BLOCKS):
        text = _blank(pattern, text)
    for pattern in (_REFERENCE_DEFINITION, _LINK_TARGET, _REFERENCE_LABEL, _FOOTNOTE_LABEL, _ATTRIBUTE_LIST):
        text = _blank(pattern, text)
    for pattern in (_HTML_TAG, _URL, _ENTITY, _TEMPLATE, _EMOJI):
        text = _blank(pattern, text)
    text = _ADMONITION.sub(_keep_admonition_title, text)
    text = _blank(_MARKUP, text)
    if len(text) != len(source):  # positions would drift: a bug here, never the page's fault
        raise AssertionError("prose extraction changed the page's length")
    starts = (0, *(match.end() for match in re.finditer("\n", source)))
    return ProsePage(text, front_matter, starts)


def _split_front_matter(source: str) -> tuple[str, int]:
    """YAML front matter as MkDocs reads it (`---` ... `---` or `...`), and where the body starts."""
    if not source.startswith("---"):
        return "", 0
    match = re.match(r"---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|$)", source, re.S)
    if not match:
        return "", 0
    return match.group(1) or "", match.end()


def _blank_fenced_code(text: str) -> str:
    """Fenced code blocks, indented in lists and admonitions too, blanked line by line."""
    lines = text.split("\n")
    fence: str | None = None
    for number, line in enumerate(lines):
        match = _FENCE_OPEN.match(line)
        if fence is None and match:
            fence = match.group(1)
        elif fence is not None and match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence) and not line[match.end():].strip():
            fence = None
        elif fence is None:
            continue
        lines[number] = " " * len(line)
    return "\n".join(lines)


def _blank(pattern: re.Pattern[str], text: str) -> str:
    return pattern.sub(_spaces, text)


def _spaces(match: re.Match[str]) -> str:
    return _spaces_for(match.group(0))


def _spaces_for(text: str) -> str:
    """The same number of characters, newlines kept so lines do not move."""
    return _NOT_NEWLINE.sub(" ", text)


def _keep_admonition_title(match: re.Match[str]) -> str:
    if match.group(2) is None:
        return _spaces(match)
    title_start = match.start(3) - match.start(0)
    title_end = match.end(3) - match.start(0)
    whole = match.group(0)
    return " " * title_start + whole[title_start:title_end] + " " * (len(whole) - title_end)
