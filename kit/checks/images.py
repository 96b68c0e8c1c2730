"""Every picture on a page says what it shows (WCAG 2.2, 1.1.1 Non-text content).

`![](photo.jpg)` publishes an image with an empty description: screen readers
skip it, and a patient who cannot see it never learns it was there (a
before-and-after photo, a diagram of the needle depth). Markdown hides the
omission; the editor sees it here, at the picture's line and column.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kit.report.findings import Finding

if TYPE_CHECKING:
    from kit.checks.context import CheckContext
    from kit.pages.sourcepage import SourcePage

_IMAGE_START = re.compile(r"!\[")
_EMPTY_DESCRIPTION = re.compile(r"!\[\s*\]")


def check(page: SourcePage, project: CheckContext) -> list[Finding]:
    """A warning for each Markdown image without a description (code examples are not pictures)."""
    if "![" not in page.text:
        return []
    findings = []
    prose = page.prose  # code blanked out, positions kept: an image in a code block is not on the page
    for match in _IMAGE_START.finditer(prose.text):
        if _EMPTY_DESCRIPTION.match(page.text, match.start()):
            line, column = prose.position(match.start())
            findings.append(
                Finding.at(
                    "warning",
                    "images.no-description",
                    page.path,
                    line,
                    column,
                    "This picture has no description, so patients who use a screen reader do not know what it shows",
                    "Write what it shows between the square brackets, as in ![The numbing cream on a cheek](picture.jpg)",
                )
            )
    return findings
