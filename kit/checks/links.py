"""A link to a page or file that is not in docs/, at its line, with the name meant.

Renaming or deleting a page leaves links to it on other pages. MkDocs warns
("Doc file 'index.md' contains a link 'aftercare.md', but the target is not
found among documentation files") without the line, the column or what to
do; this check gives the editor all three, and the closest existing name.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING
from urllib.parse import unquote

from kit.report.findings import Finding
from kit.wording.terminology import GLOSSARY_FILE

if TYPE_CHECKING:
    from kit.checks.context import CheckContext
    from kit.pages.sourcepage import SourcePage

# [words](target "title") and ![picture](target): the target, without <> and title.
_LINK = re.compile(r"!?\[[^\]\n]*\]\(\s*<?(?P<target>[^)\s>]+)>?(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)")
_SCHEME = re.compile(r"[a-z][a-z0-9+.-]*:", re.I)


def check(page: SourcePage, project: CheckContext) -> list[Finding]:
    """A warning for each link in the page's text to a file docs/ does not have (code examples are not links)."""
    if "](" not in page.text:
        return []
    docs = _docs_folder(page)
    findings = []
    for match in _LINK.finditer(page.text):
        if page.prose.text[match.start()] != page.text[match.start()]:
            continue  # inside code: an example of a link, not a link
        target = match["target"]
        if _SCHEME.match(target) or target.startswith(("#", "/")):
            continue  # web, mail and phone links; anchors on this page; absolute paths (MkDocs warns about those)
        file = posixpath.normpath(posixpath.join(posixpath.dirname(page.src_uri), unquote(target.split("#")[0].split("?")[0])))
        if file in (".", GLOSSARY_FILE) or file.startswith("../") or (docs / file).exists():
            continue
        line, column = page.prose.position(match.start("target"))
        findings.append(
            Finding.at(
                "warning",
                "links.not-found",
                page.path,
                line,
                column,
                f"The link to `{target}` leads to no page or file in {docs.name}/ (renamed, moved or deleted?)",
                _advice(file, docs, posixpath.dirname(page.src_uri)),
            )
        )
    return findings


def _docs_folder(page: SourcePage) -> Path:
    """The docs folder: the page's path less its name under docs/ (`docs/treatment/a.md` less `treatment/a.md`)."""
    return page.path.parents[len(PurePosixPath(page.src_uri).parts) - 1]


def _advice(file: str, docs: Path, folder: str) -> str:
    existing = [path.relative_to(docs).as_posix() for path in docs.rglob("*") if path.is_file()]
    closest = difflib.get_close_matches(file, existing, n=1, cutoff=0.6)
    if closest:
        return f"Did you mean `{posixpath.relpath(closest[0], folder or '.')}`? Correct the link, or remove it"
    return "Link to a file that is in docs/ (the path is from this page's folder), or remove the link"
