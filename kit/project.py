"""What every check needs, with or without MkDocs: the clinic's data, the settings, the reporter.

The build (kit/web/site_build.py) and `python -m kit check` (kit/check.py) both make
one `Project` from the files beside mkdocs.yml and run the same checks on the
same page model through the same reporter, so an editor gets the same
messages from a commit, a CI step and a build.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kit.checks import PAGE_CHECKS
from kit.checks.context import Settings
from kit.data.clinic import Clinic, link_warnings, load_clinic
from kit.data.patient_text import untranslated
from kit.pages import review
from kit.pages.rawhtml import read_html_exceptions
from kit.pages.sourcepage import SourcePage, read_page
from kit.pages.sources import missing_sources_level
from kit.pages.translation import read_out_of_date_level
from kit.report.findings import Reporter
from kit.review import golive
from kit.review.reminders import read_review_settings
from kit.wording import readability
from kit.wording.claims import ClaimsCheck, start_claims_check
from kit.wording.languages import wording_language
from kit.wording.termcheck import WordingCheck, start_wording_check
from kit.wording.terminology import Terminology, load_terminology


@dataclass
class Project:
    """The clinic's data files, the settings, and the reporter every check reports through."""

    root: Path  # the folder of mkdocs.yml, clinic.yml and terminology.yml
    clinic: Clinic
    terminology: Terminology
    settings: Settings
    reporter: Reporter
    wording: WordingCheck | None  # None when switched off for a benchmark
    claims: ClaimsCheck | None = None  # claims.yml's rules; None without the file

    @classmethod
    def load(cls, config_file: Path, extra: Mapping[str, Any], language: str, reporter: Reporter, site_url: str = "") -> Project:
        """Read and check clinic.yml, terminology.yml and the settings; a mistake stops here."""
        root = config_file.parent
        clinic = load_clinic(root / "clinic.yml", language).with_website(site_url)
        # The clinic's wording in the pages' language; a language the check has no words for is checked as before, in English.
        terminology = load_terminology(root / "terminology.yml", wording_language(language or "en", root))
        settings = Settings(
            max_grade=readability.max_grade_from(extra, config_file),
            language=language or "en",
            today=review.today(),
            review=read_review_settings(extra, config_file),
            site_url=site_url,
            config_file=config_file,
            html_exceptions=read_html_exceptions(extra, config_file),
            translation_out_of_date=read_out_of_date_level(extra, config_file),
            sources_missing=missing_sources_level(extra, config_file),
        )
        claims = start_claims_check(root, settings.language, (term.term for term in terminology.glossary))
        return cls(root, clinic, terminology, settings, reporter, start_wording_check(terminology), claims)

    def read_page(self, path: Path, src_uri: str) -> SourcePage:
        """The page model of one page file: the only place a page is read."""
        return read_page(path, src_uri, self.clinic)

    def check_data_files(self) -> None:
        """A language without the kit's words; typos in the glossary definitions of terminology.yml (patients read them
        too); on a live site, example values left."""
        self.reporter.report(untranslated(self.settings.language, self.settings.config_file))
        self.reporter.report(link_warnings(self.clinic))
        if self.wording is not None:
            self.reporter.report(self.wording.check_definitions(self.terminology.source))
        if not self.clinic.demo:
            self.reporter.report(golive.clinic_placeholders(self.clinic))
            self.reporter.report(golive.site_url_placeholder(self.settings.config_file, self.settings.site_url))

    def check_page(self, page: SourcePage) -> None:
        """Every per-page check (kit/checks/), each finding through the reporter."""
        for check in PAGE_CHECKS:
            self.reporter.report(check(page, self))

    def summarise(self) -> None:
        """For the editor, once every page is checked: the wording totals."""
        if self.wording is not None:
            self.reporter.note("termcheck", self.wording.summary())
        if self.claims is not None:
            self.reporter.note("claims", self.claims.summary())
