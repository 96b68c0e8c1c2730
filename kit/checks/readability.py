"""Plain words where a health page promises them: its Key points and its checklist steps."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kit.report.findings import Finding
from kit.wording.languages import page_language, wording_language
from kit.wording.readability import page_warnings

if TYPE_CHECKING:
    from kit.checks.context import CheckContext
    from kit.pages.sourcepage import SourcePage


def check(page: SourcePage, project: CheckContext) -> list[Finding]:
    """Key points missing, too many or too few, or above the grade mkdocs.yml allows."""
    if not page.is_health_page:
        return []
    language = page_language(page.src_uri, wording_language(project.settings.language, project.root), project.root)
    return page_warnings(page, project.settings.max_grade, language, project.root)
