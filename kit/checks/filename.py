"""A page's file name becomes its address: letters, digits and hyphens only.

GitHub lets an editor name a page `Prices & FAQ.md`. MkDocs then publishes it
at `Prices%20%26%20FAQ/`, an address patients cannot read out or type, and the
print page gives the chapter an id the brochure's contents cannot number (its
page number is left blank). The editor is told the name to use instead.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from kit.report.findings import Finding

if TYPE_CHECKING:
    from kit.checks.context import CheckContext
    from kit.pages.sourcepage import SourcePage

_SAFE = re.compile(r"[A-Za-z0-9._/-]+")


def check(page: SourcePage, project: CheckContext) -> list[Finding]:
    """A warning when the file name has spaces or signs, with the name to rename it to."""
    if _SAFE.fullmatch(page.src_uri):
        return []
    path = PurePosixPath(page.src_uri)
    plain = unicodedata.normalize("NFKD", path.stem).encode("ascii", "ignore").decode().lower()  # préparation -> preparation
    better = path.with_name((re.sub(r"[^a-z0-9]+", "-", plain).strip("-") or "page") + path.suffix).as_posix()
    return [
        Finding.at(
            "warning",
            "filename.unsafe",
            page.path,
            1,
            1,
            f"The file name `{path.name}` has spaces or signs, so the page's address would be hard to read or type "
            "and the brochure's contents could not give its page number",
            f"Rename the file to `{better}`, and change its line under `nav:` in mkdocs.yml and any link to it",
        )
    ]
