"""Every page says in one sentence what it is about.

The `description` in a page's front matter is what search engines show under
the page's title, what the page's structured data and `<meta name="description">`
carry, and what a screen reader user hears first in a list of results. A page
without one gets the site's generic description instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kit.report.findings import Finding

if TYPE_CHECKING:
    from kit.checks.context import CheckContext
    from kit.pages.sourcepage import SourcePage


def check(page: SourcePage, project: CheckContext) -> list[Finding]:
    """A warning when the page's front matter has no `description`."""
    if page.front.text("description"):
        return []
    return [
        Finding.at(
            "warning",
            "description.missing",
            page.path,
            1,
            1,
            "This page has no `description` in its front matter",
            "Add `description: ...` with one plain sentence saying what the page tells patients (search engines show it)",
        )
    ]
