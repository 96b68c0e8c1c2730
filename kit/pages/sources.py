"""The evidence a health page rests on: the `sources:` list of its front matter.

The NHS Standard for creating health content asks publishers to keep a record
of the evidence behind each page and to re-check it at every review; the PIF
TICK asks for information "based on reliable, up-to-date evidence". A clinic
lists each source once, in the page's front matter:

    sources:
      - title: Microneedling devices
        publisher: US Food and Drug Administration
        year: 2024
        url: https://www.fda.gov/medical-devices/...
        checked: 2026-11-24

(`doi: 10.1234/abcd` instead of `url:`). The page shows them under a
"Sources" heading, on the site and in the PDFs. A malformed entry stops the
build at its line: a citation patients cannot follow, or a date nobody can
read, is worse than none. Whether a page *needs* sources, and which sources
are due for re-checking, is the sources check's (kit/checks/sources.py).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import quote

import yaml

from kit.data.safety import link_problem
from kit.data.yamlfile import SettingsLocator
from kit.pages.frontmatter import FrontMatter
from kit.report.findings import LEVELS, StopBuild, stop_at

FIELDS = ("title", "publisher", "year", "url", "doi", "checked")
REQUIRED = ("title", "publisher", "checked")
EXAMPLE = "`- title: ...`, `publisher: ...`, `year: 2024`, `url: https://...` (or `doi: 10....`) and `checked: YYYY-MM-DD`"
_DOI = re.compile(r"10\.\d{4,9}/\S+")
_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:)", re.I)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
#: `extra.sources.missing` in mkdocs.yml: how a live site's health page without sources is reported.
MISSING_LEVELS = (*LEVELS, "off")
DEFAULT_MISSING_LEVEL = "warning"


@dataclass(frozen=True)
class Source:
    """One piece of evidence, as the page's foot and its structured data cite it."""

    title: str
    publisher: str
    year: int | None
    url: str  # "" when the source is cited by DOI
    doi: str  # "" when it is cited by URL; the bare DOI (10.xxxx/...) otherwise
    checked: date  # when someone at the clinic last checked it still says what the page says
    line: int  # where the entry starts in the page file, for findings
    checked_at: tuple[int, int]  # line and column of `checked:`

    @property
    def link(self) -> str:
        """Where a patient follows it: the URL, or the DOI's resolver address."""
        return self.url or "https://doi.org/" + quote(self.doi, safe="/:;()._-")


def read_sources(front: FrontMatter) -> tuple[Source, ...]:
    """The page's `sources:`, checked entry by entry; () when it has none."""
    node = front.raw.get("sources")
    if node is None or (isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null"):
        return ()
    if not isinstance(node, yaml.SequenceNode):
        raise _stop(front.path, node, "`sources` must be a list, one `- title: ...` entry per source", f"Write each source as {EXAMPLE}")
    return tuple(_source(front.path, entry) for entry in node.value)


def _source(path: Path, entry: yaml.Node) -> Source:
    if not isinstance(entry, yaml.MappingNode):
        raise _stop(path, entry, "Each source must be a group of `name: value` lines", f"Write it as {EXAMPLE}")
    fields: dict[str, yaml.ScalarNode] = {}
    for key_node, value_node in entry.value:
        key = str(key_node.value)
        if key not in FIELDS:
            raise _stop(path, key_node, f"`{key}` is not a detail of a source", "Use only: " + ", ".join(FIELDS))
        if not isinstance(value_node, yaml.ScalarNode):
            raise _stop(path, value_node, f"The source's `{key}` must be a single value", "Write it on the same line, after the colon")
        fields[key] = value_node
    for key in REQUIRED:
        if not _text(fields.get(key)):
            raise _stop(path, entry, f"This source has no `{key}`", f"Add `{key}: ...` to it ({EXAMPLE})")
    url, doi = _text(fields.get("url")), _text(fields.get("doi"))
    if bool(url) == bool(doi):
        raise _stop(
            path,
            fields.get("doi") or entry,
            "A source needs either a `url:` or a `doi:`" + (", not both" if url else ""),
            "Give the web address patients can open (`url: https://...`), or the article's DOI (`doi: 10.1234/abcd`)",
        )
    return Source(
        title=_text(fields["title"]),
        publisher=_text(fields["publisher"]),
        year=_year(path, fields.get("year")),
        url=_url(path, fields["url"]) if url else "",
        doi=_doi(path, fields["doi"]) if doi else "",
        checked=_checked(path, fields["checked"]),
        line=entry.start_mark.line + 2,
        checked_at=_where(fields["checked"]),
    )


def _url(path: Path, node: yaml.ScalarNode) -> str:
    """A web address patients can open safely: https only, on a demonstration site too (kit/data/safety.py)."""
    value = _text(node)
    if problem := link_problem(value, live=True):
        raise _stop(path, node, problem.problem, problem.advice + " (or give a journal article's `doi:` instead)")
    return value


def _doi(path: Path, node: yaml.ScalarNode) -> str:
    value = _DOI_PREFIX.sub("", _text(node))
    if not _DOI.fullmatch(value):
        raise _stop(
            path, node, f"`doi: {_text(node)}` is not a DOI", "A DOI starts with `10.` and has a `/`, for example `doi: 10.1111/jocd.12345`"
        )
    return value


def _year(path: Path, node: yaml.ScalarNode | None) -> int | None:
    value = _text(node)
    if not value:
        return None
    if not re.fullmatch(r"\d{4}", value) or not 1800 <= int(value) <= date.today().year + 1:
        raise _stop(path, node, f"`year: {value}` is not a year", "Write the year the source was published, for example `year: 2024`")
    return int(value)


def _checked(path: Path, node: yaml.ScalarNode) -> date:
    value = _text(node)
    try:
        if not _ISO_DATE.fullmatch(value):
            raise ValueError
        return date.fromisoformat(value)
    except ValueError:
        raise _stop(
            path,
            node,
            f"`checked: {value}` is not a date",
            "Write the day someone last checked the source, as YYYY-MM-DD, for example `checked: 2026-11-24`",
        ) from None


def _text(node: yaml.Node | None) -> str:
    return str(node.value).strip().strip("'\"").strip() if isinstance(node, yaml.ScalarNode) and node.value is not None else ""


def _where(node: yaml.Node) -> tuple[int, int]:
    # +2: the front matter starts on the file's second line, after `---`.
    return node.start_mark.line + 2, node.start_mark.column + 1


def _stop(path: Path, node: yaml.Node | None, problem: str, advice: str) -> StopBuild:
    line, column = _where(node) if node is not None else (1, 1)
    return stop_at(path, line, column, problem, advice)


def missing_sources_level(extra: Mapping[str, Any], config_file: Path) -> str:
    """`extra.sources.missing` in mkdocs.yml: error, warning (default), suggestion or off."""
    settings = extra.get("sources") or {}
    value = settings.get("missing", DEFAULT_MISSING_LEVEL) if isinstance(settings, dict) else None
    if value is False:  # YAML reads an unquoted `off` as false
        value = "off"
    if value not in MISSING_LEVELS:
        raise SettingsLocator(config_file).error(
            ("extra", "sources", "missing"),
            f"`missing: {value}` is not a level the kit knows",
            "Write `missing: warning` (a strict build stops), `error`, `suggestion` (listed only) or `off`",
        )
    return str(value)
