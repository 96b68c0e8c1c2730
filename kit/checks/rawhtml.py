"""HTML, scripts and code-running links in a page are refused at their place (kit/rawhtml.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kit.pages.rawhtml import html_findings
from kit.report.findings import Finding

if TYPE_CHECKING:
    from kit.checks.context import CheckContext
    from kit.pages.sourcepage import SourcePage


def check(page: SourcePage, project: CheckContext) -> list[Finding]:
    """On every page, demo or live: what reaches patients' browsers is the same in both."""
    return html_findings(page.path, page.src_uri, page.text, project.settings.html_exceptions)
