"""What may reach a patient's browser from a value a clinic typed: which links, and how text is printed.

Every link the kit builds from a data file (the clinic's website and booking
page, and any address a clinic adds later) goes through `link_problem`: a
patient's browser runs a `javascript:` link in the page's name, opens a
`data:` link as a page of its own, and sends an `http:` page over the network
where anyone on the café's Wi-Fi can change it. So a clinic's links are
`https:` (plus `mailto:` and `tel:` where the kit makes them), `http:` is
refused on a live site, and the schemes that run code or open files are
refused everywhere, in pages too (kit/checks/rawhtml.py).

Text from a data file or a page's front matter is printed by Material's
templates as it is (MkDocs renders them without autoescaping): `as_text`
turns it into text that prints escaped everywhere Jinja puts it and is not
escaped twice by a template that escapes it itself (`| e`).
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup, escape

from kit.data.yamlfile import KeyPath, YamlDocument
from kit.report.findings import Finding, Level, StopBuild

#: Schemes a clinic's own links (website, booking page, feedback page) may have.
WEB_LINK = ("https",)
#: Schemes a link written in a page may have; a link without one is a page or file of the site.
PAGE_LINK = ("https", "http", "mailto", "tel")
#: Run code or open something that is not a web page: refused in every field and page, demo or live.
NEVER = ("javascript", "vbscript", "data", "file", "blob", "filesystem")
# What browsers drop from a URL before reading its scheme ("java\tscript:" is "javascript:").
_IGNORED_BY_BROWSERS = re.compile(r"[\x00-\x20\x7f]")
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")
# Never in a web address as typed (RFC 3986): they break out of the attribute the link is written in.
_NOT_IN_ADDRESSES = re.compile(r'[<>"\\^`{|}]')
_HOST = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z][a-z0-9-]*\.?|localhost", re.I)


@dataclass(frozen=True)
class LinkProblem:
    """Why a link cannot go to patients, worded for the editor ("Problem", "Advice")."""

    level: Level
    problem: str
    advice: str


def scheme_of(url: str) -> str:
    """The scheme a browser reads from `url` (lower case), after decoding entities and dropping what it ignores.

    `jav&#x61;script:` in an attribute and `java\\tscript:` are both `javascript:` to a browser; "" for a
    relative link (`aftercare.md`, `#top`, `../book/`).
    """
    cleaned = _IGNORED_BY_BROWSERS.sub("", html.unescape(url))
    match = _SCHEME.match(cleaned)
    return match.group(1).lower() if match else ""


def link_problem(url: str, *, schemes: tuple[str, ...] = WEB_LINK, live: bool = True) -> LinkProblem | None:
    """What is wrong with `url` as a link patients follow, or None when it is safe.

    `schemes`: the ones this field allows; `http` is an error on a live site even when listed, and a
    warning on a demonstration site when not listed. A link without a scheme is not a full address.
    """
    scheme = scheme_of(url)
    if scheme in NEVER:
        return LinkProblem(
            "error",
            f"`{_shown(url)}` is a `{scheme}:` link, which a patient's browser would run or open as a page of its own, not a web address",
            "Write the web address of the page, starting with https://, or remove the link",
        )
    if _IGNORED_BY_BROWSERS.search(url.strip()):
        return LinkProblem(
            "error", f"The address `{_shown(url)}` has a space or an invisible character in it", "Write the address without it"
        )
    if odd := _NOT_IN_ADDRESSES.search(url):
        return LinkProblem(
            "error",
            f"The address `{_shown(url)}` has a character web addresses do not have ({odd.group(0)})",
            "Copy the address from the browser's address bar",
        )
    if not scheme:
        return LinkProblem(
            "error",
            f"`{_shown(url)}` is not a full web address, so the link would lead to a page of this site that does not exist",
            "Write the whole address, starting with https://",
        )
    if scheme == "http" and ("http" not in schemes or live):
        return LinkProblem(
            "error" if live else "warning",
            f"`{_shown(url)}` is an http: address: the page travels unencrypted, and anyone on the patient's network could change it",
            "Write the https:// address of the page (open it in a browser to check it works)",
        )
    if scheme not in schemes and scheme != "http":
        allowed = " or ".join(f"{name}:" for name in schemes)
        return LinkProblem(
            "error",
            f"`{_shown(url)}` is a `{scheme}:` link; this value must be a {allowed} address",
            "Write the page's https:// address",
        )
    if scheme in ("https", "http") and not _HOST.fullmatch(urlsplit(url.strip()).hostname or ""):
        return LinkProblem(
            "error",
            f"`{_shown(url)}` has no web site name after {scheme}://",
            "Write the whole address, for example https://my-clinic.com/book",
        )
    return None


def link_findings(document: YamlDocument, key_path: KeyPath, *, live: bool, schemes: tuple[str, ...] = WEB_LINK) -> list[Finding]:
    """A data file's link at `key_path`, as findings at its line (none when it is safe or absent).

    For every field of clinic.yml (or another data file) that becomes a link: one call per field.
    """
    value = _value_at(document.data, key_path)
    if not isinstance(value, str) or not value.strip():
        return []
    found = link_problem(value, schemes=schemes, live=live)
    if found is None:
        return []
    line, column = document.where(*key_path)
    field = ".".join(str(key) for key in key_path)
    return [Finding.at(found.level, "links.unsafe", document.path, line, column, f"`{field}`: {found.problem}", found.advice)]


def refuse_links_out_of(docs_dir: Path, project: Path) -> None:
    """Stop before MkDocs reads docs/ when a file or folder in it is a link (symlink) leading out of the project.

    MkDocs follows such links and publishes what they lead to: merged to main, `docs/assets/x.txt -> /etc/passwd`
    would put the build machine's files on the clinic's site (and a link to `/` would walk the whole disk).
    Links between files of the project stay allowed.
    """
    inside = project.resolve()
    for path in _docs_entries(docs_dir):
        if not path.is_symlink():
            continue
        target = Path(os.readlink(path))
        leads_to = (path.parent / target).resolve()
        if leads_to.is_relative_to(inside) and leads_to.exists():
            continue
        problem = (
            f"This is a link to {target}, which is not a file of the project, so the site would publish it"
            if leads_to.exists()
            else f"This is a link to {target}, which does not exist"
        )
        # Named as the editor sees it: resolving the path (as messages do) would follow the link.
        shown = os.path.relpath(path.parent.resolve() / path.name, Path.cwd().resolve())
        finding = Finding.at(
            "error",
            "files.outside",
            shown,
            1,
            1,
            problem,
            "Delete the link, and put a copy of the file itself in the folder if patients need it",
        )
        raise StopBuild(finding.located, finding)


def _docs_entries(docs_dir: Path) -> Iterator[Path]:
    """docs/ itself, then every file and folder in it; a linked folder is listed, never entered."""
    yield docs_dir
    for folder, folders, files in os.walk(docs_dir):
        for name in sorted(folders + files):
            yield Path(folder) / name


def as_text(value: Any) -> Any:
    """A string as text Jinja prints escaped in any template (Material's too); anything else unchanged.

    A `Markup` of the escaped text: `{{ value }}` prints it escaped, `{{ value | e }}` does not escape it twice,
    and `plain(value)` gives the text back for JSON and PDF metadata.
    """
    return escape(value) if isinstance(value, str) and not isinstance(value, Markup) else value


def plain(value: Any) -> str:
    """The text itself of a value `as_text` made (or of a plain string)."""
    if isinstance(value, Markup):
        return value.unescape()
    return "" if value is None else str(value)


def _shown(url: str) -> str:
    """The URL as the message quotes it: short, and with no character that breaks a terminal or a log."""
    text = _IGNORED_BY_BROWSERS.sub(lambda match: f"\\x{ord(match.group(0)):02x}" if match.group(0) != " " else " ", url.strip())
    return text if len(text) <= 80 else text[:77] + "..."


def _value_at(data: Any, key_path: KeyPath) -> Any:
    for key in key_path:
        if isinstance(data, dict):
            data = data.get(key)
        elif isinstance(data, list) and isinstance(key, int) and key < len(data):
            data = data[key]
        else:
            return None
    return data
