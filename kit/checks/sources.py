"""Health pages say where their facts come from, and their sources are re-checked at each review.

On a live site a health page without `sources:` is reported at the level
mkdocs.yml sets (`extra.sources.missing`, warning by default); a demonstration
site's pages cite nothing because the kit's example text names no source, and
they say so. A source whose `checked` date is older than the page's `reviewed`
date was not looked at in that review: it is listed for re-checking.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from kit.report.findings import Finding, Level

if TYPE_CHECKING:
    from kit.checks.context import CheckContext
    from kit.pages.sourcepage import SourcePage


def check(page: SourcePage, project: CheckContext) -> list[Finding]:
    """A malformed source stops the build on any page (reading `page.sources`); the rest is for health pages."""
    sources = page.sources
    if not page.is_health_page:
        return []
    level = project.settings.sources_missing
    if not sources:
        if project.clinic.demo or level == "off":
            return []
        line, column = page.front.where_named("reviewed") if "reviewed" in page.front else (1, 1)
        return [
            Finding.at(
                cast(Level, level),  # checked against the levels when mkdocs.yml is read
                "sources.missing",
                page.path,
                line,
                column,
                "This health page lists no sources, so patients cannot see where its facts come from",
                "Add a `sources:` list to its front matter (EDITING.md, 'Sources'), each with a title, publisher, url or doi "
                "and the date you checked it",
            )
        ]
    review = page.review
    if review is None:
        return []
    return [
        Finding.at(
            "suggestion",
            "sources.recheck",
            page.path,
            *source.checked_at,
            f"The source '{source.title}' was last checked on {source.checked.isoformat()}, before the page's review on "
            f"{review.reviewed.isoformat()}",
            "Check that it still says what the page says (and that its address still works), then set `checked:` to that day",
        )
        for source in sources
        if source.checked < review.reviewed
    ]
