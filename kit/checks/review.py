"""Health pages are reviewed by a clinician and not overdue for their next review."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kit.findings import Finding
from kit.review import review_problems

if TYPE_CHECKING:
    from kit.project import Project
    from kit.sourcepage import SourcePage


def check(page: SourcePage, project: Project) -> list[Finding]:
    """A missing or overdue review; a malformed date stops the build on any page."""
    page_review = page.review
    if not page.is_health_page:
        return []
    if page_review is not None and not page_review.reviewer_named:
        project.unnamed_reviewer_pages.append(page.src_uri)
    return review_problems(page.front, page_review, project.settings.today)
