"""Typos and avoided phrases in the page's prose, by the rules in terminology.yml."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kit.report.findings import Finding

if TYPE_CHECKING:
    from kit.checks.context import CheckContext
    from kit.pages.sourcepage import SourcePage


def check(page: SourcePage, project: CheckContext) -> list[Finding]:
    """The wording check's findings, at the levels terminology.yml gives them."""
    if project.wording is None:  # switched off for a benchmark
        return []
    return project.wording.check(page)
