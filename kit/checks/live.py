"""A live site's health pages name the clinician who reviewed them (kit/review/golive.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kit.report.findings import Finding
from kit.review.golive import unnamed_reviewer

if TYPE_CHECKING:
    from kit.checks.context import CheckContext
    from kit.pages.sourcepage import SourcePage


def check(page: SourcePage, project: CheckContext) -> list[Finding]:
    """Nothing on a demonstration site or on a page without health information."""
    if project.clinic.demo or not page.is_health_page:
        return []
    return unnamed_reviewer(page.front, project.clinic)
