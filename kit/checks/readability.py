"""Plain words where a health page promises them: its Key points and its checklist steps."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kit.report.findings import Finding
from kit.wording.readability import page_warnings

if TYPE_CHECKING:
    from kit.checks.context import CheckContext
    from kit.pages.sourcepage import SourcePage


def check(page: SourcePage, project: CheckContext) -> list[Finding]:
    """Key points missing, too many or too few, or above the grade mkdocs.yml allows."""
    if not page.is_health_page:
        return []
    return page_warnings(page, project.settings.max_grade)
