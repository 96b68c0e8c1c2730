"""HTML written into a page, and links that run code: found at their place in the file.

Python-Markdown passes raw HTML through untouched (it has no sanitizer), so a
`<script>`, an `<iframe>` or an `<img onerror=...>` in a page, or a link to
`javascript:...`, would reach every patient who opens it, and the PDFs. The
kit's editors write Markdown, not HTML: everything the pages need (boxes,
checklists, tables, pictures) has a Markdown form. So a page's HTML tags are
refused at their line, unless mkdocs.yml names a reviewed exception for that
tag on that page (data, not code):

    extra:
      html_exceptions:
        - page: prices.md
          tag: table
          reviewed_by: Dr Ada Lovell, 2026-11-20

Never allowed, exception or not: `<script>` (the pages carry no script of the
clinic's), event attributes (`onclick=`, `onerror=`) in a tag or in a Markdown
attribute list, and links whose scheme runs code or opens a file
(kit/safety.py). Comments (`<!-- termcheck off -->`) and code examples are not HTML.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kit.data.safety import PAGE_LINK, link_problem, scheme_of
from kit.data.yamlfile import SettingsLocator
from kit.pages.frontmatter import split_front_matter
from kit.pages.prose import blank_code
from kit.report.findings import Finding

# As browsers end comments: `<!-->` and `<!--->` are whole comments, `--!>` closes one too.
_COMMENT = re.compile(r"<!--(?:-?>|.*?--!?>|.*\Z)", re.S)
_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])([^<>]*)>")
_EVENT_ATTRIBUTE = re.compile(r"(?:^|[\s\"'/])(on[a-z]+)\s*=", re.I)
_URL_ATTRIBUTE = re.compile(r"""\b(?:href|src|action|formaction|data|poster|xlink:href)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
# [words](target), ![picture](target), [label]: target, <scheme:...> (Python-Markdown links only http(s)/ftp autolinks,
# but the check is the same for all three).
_LINK_TARGETS = (
    re.compile(r"\]\(\s*<([^>\n]*)>"),
    re.compile(r"\]\(\s*([^()\s<][^()\s]*(?:\([^()\s]*\)[^()\s]*)*)"),
    re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*<?([^\s>]+)", re.M),
)
_ATTRIBUTE_LIST = re.compile(r"\{:?[ \t]*[^}\n]*\}")
#: Never allowed by an exception: the pages carry no script of the clinic's (kit/templates and overrides/ have the kit's).
NEVER_ALLOWED = frozenset({"script"})


@dataclass(frozen=True)
class HtmlException:
    """One tag a clinic's reviewer allowed on one page."""

    page: str
    tag: str
    reviewed_by: str


def read_html_exceptions(extra: Mapping[str, Any], config_file: Path) -> tuple[HtmlException, ...]:
    """`extra.html_exceptions` in mkdocs.yml, checked: each entry names its page, its tag and who reviewed it."""
    entries = extra.get("html_exceptions") or []
    locator = SettingsLocator(config_file)
    if not isinstance(entries, list):
        raise locator.error(("extra", "html_exceptions"), "`html_exceptions` must be a list", "Write each exception as `- page: ...`")
    found = []
    for index, entry in enumerate(entries):
        where = ("extra", "html_exceptions", index)
        if not isinstance(entry, dict) or set(entry) != {"page", "tag", "reviewed_by"} or not all(entry.values()):
            raise locator.error(
                where,
                "Each HTML exception names its `page`, its `tag` and who reviewed it (`reviewed_by`), and nothing else",
                "Write `- page: prices.md`, `tag: table` and `reviewed_by: Name, date` on three lines",
            )
        tag = str(entry["tag"]).strip().strip("<>/").lower()
        if tag in NEVER_ALLOWED:
            raise locator.error(
                (*where, "tag"),
                f"`<{tag}>` cannot be allowed: a page's script would run in every patient's browser",
                "Remove this exception; the kit's own scripts are in overrides/",
            )
        found.append(HtmlException(str(entry["page"]).strip(), tag, str(entry["reviewed_by"]).strip()))
    return tuple(found)


def html_findings(path: Path, src_uri: str, text: str, exceptions: tuple[HtmlException, ...] = ()) -> list[Finding]:
    """Every HTML tag, event attribute and code-running link in a page's file, at its line and column."""
    if "<" not in text and ":" not in text and "{" not in text:
        return []
    split = split_front_matter(text)
    body = " " * split[1] + text[split[1] :]
    body = _COMMENT.sub(lambda match: _blank(match.group(0)), blank_code(body))
    allowed = {exception.tag for exception in exceptions if exception.page == src_uri}
    findings = []
    for match in _TAG.finditer(body):
        tag, attributes = match.group(1).lower(), match.group(2)
        if event := _EVENT_ATTRIBUTE.search(attributes):
            findings.append(_event_attribute(path, text, match.start(2) + event.start(1), event.group(1)))
        for url in _URL_ATTRIBUTE.finditer(attributes):
            findings += _unsafe_link(path, text, match.start(2) + url.start(), next(filter(None, url.groups()), ""))
        if tag not in allowed:
            findings.append(_raw_tag(path, text, match.start(), tag, src_uri))
    for pattern in _LINK_TARGETS:
        for match in pattern.finditer(body):
            findings += _unsafe_link(path, text, match.start(1), match.group(1))
    for match in _ATTRIBUTE_LIST.finditer(body):
        if event := _EVENT_ATTRIBUTE.search(match.group(0)):
            findings.append(_event_attribute(path, text, match.start() + event.start(1), event.group(1)))
    return sorted(findings, key=lambda finding: (finding.line, finding.column))


def _raw_tag(path: Path, text: str, offset: int, tag: str, src_uri: str) -> Finding:
    line, column = _position(text, offset)
    if tag in NEVER_ALLOWED:
        return _script(path, line, column, f"`<{tag}>` would run a script in every patient's browser that opens this page")
    return Finding.at(
        "error",
        "html.raw",
        path,
        line,
        column,
        f"`<{tag}>` is HTML written into the page: it would reach patients' browsers and the PDFs unchecked",
        "Write it in Markdown instead (EDITING.md shows boxes, tables and pictures); if the clinic needs this HTML, "
        f"have it reviewed and add `- page: {src_uri}`, `tag: {tag}`, `reviewed_by: Name, date` "
        "under `extra.html_exceptions` in mkdocs.yml",
    )


def _event_attribute(path: Path, text: str, offset: int, name: str) -> Finding:
    line, column = _position(text, offset)
    return _script(path, line, column, f"`{name}=` runs a script in the patient's browser")


def _script(path: Path, line: int, column: int, problem: str) -> Finding:
    """Script in a page: never allowed, so the advice is always to remove it."""
    return Finding.at("error", "html.script", path, line, column, problem, "Remove it: pages carry no script, and no exception allows one")


def _unsafe_link(path: Path, text: str, offset: int, url: str) -> list[Finding]:
    """A link with a scheme that runs code or is not a web, mail or phone link (pages and files: kit/checks/links.py)."""
    if not scheme_of(url):
        return []
    problem = link_problem(url, schemes=PAGE_LINK, live=False)
    if problem is None or problem.level != "error":
        return []
    line, column = _position(text, offset)
    return [Finding.at("error", "links.unsafe", path, line, column, problem.problem, problem.advice)]


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _blank(matched: str) -> str:
    return re.sub(r"[^\n]", " ", matched)
