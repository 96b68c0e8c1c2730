"""What a per-page check may read besides the page: the project as the build and `python -m kit check` load it.

A `Protocol`, so the checks name what they need without importing kit/project.py,
which imports them (the registry): the dependency points one way only. The
build's settings are defined here for the same reason; kit/project.py reads them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Protocol

from kit.data.clinic import Clinic
from kit.pages.rawhtml import HtmlException
from kit.report.findings import Level
from kit.review.reminders import ReviewSettings
from kit.wording.claims import ClaimsCheck
from kit.wording.termcheck import WordingCheck
from kit.wording.terminology import Terminology


@dataclass(frozen=True)
class Settings:
    """The build's settings from mkdocs.yml and the environment, checked."""

    max_grade: float  # extra.readability.key_points_max_grade
    language: str  # theme.language: the pages' language, and the strings patients read
    today: date  # CLINIC_KIT_TODAY pins it for tests
    review: ReviewSettings  # extra.review: notice period, and what an overdue page does
    site_url: str  # where the site is published: a live site must not keep the example's
    config_file: Path  # mkdocs.yml, for messages about its settings
    html_exceptions: tuple[HtmlException, ...] = ()  # extra.html_exceptions: raw HTML a reviewer allowed on a page
    translation_out_of_date: Level = "suggestion"  # extra.translations.out_of_date (kit/pages/translation.py)
    sources_missing: str = "warning"  # extra.sources.missing: a live health page without sources (or `off`)


class CheckContext(Protocol):
    """The project's data a check reads (kit.project.Project provides it)."""

    @property
    def root(self) -> Path: ...  # the folder of mkdocs.yml, clinic.yml and terminology.yml

    @property
    def clinic(self) -> Clinic: ...

    @property
    def terminology(self) -> Terminology: ...

    @property
    def settings(self) -> Settings: ...

    @property
    def wording(self) -> WordingCheck | None: ...  # None when switched off for a benchmark

    @property
    def claims(self) -> ClaimsCheck | None: ...  # None without a claims.yml for the pages' language
