"""Health pages are reviewed by a clinician, and the build reminds before their next review is due."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kit.report.findings import Finding
from kit.review.dates import review_problems

if TYPE_CHECKING:
    from kit.checks.context import CheckContext
    from kit.pages.sourcepage import SourcePage


def check(page: SourcePage, project: CheckContext) -> list[Finding]:
    """A missing, overdue or soon-due review; a malformed date stops the build on any page."""
    if not page.is_health_page:
        return []
    return review_problems(page.front, page.review, project.settings.today, project.settings.review, live=not project.clinic.demo)
