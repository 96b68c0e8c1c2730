"""One build of the patient site: what it read, and the work it does on each page.

hooks.py forwards MkDocs' events here. A new `SiteBuild` is made in `on_config`,
which runs on every rebuild of `mkdocs serve`, so edits to clinic.yml or
terminology.yml are seen without restarting the preview.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from kit import glossary, patient_words, readability, review
from kit.accessibility import label_task_list_checkboxes
from kit.clinic import Clinic, load_clinic
from kit.frontmatter import read_front_matter
from kit.pagefoot import page_foot
from kit.sections import wrap_marked_sections
from kit.structured_data import medical_web_page, script_json
from kit.termcheck import WordingCheck, log_findings, log_summary, start_wording_check
from kit.terminology import Terminology, load_terminology

review_log = get_plugin_logger("review")
search_log = get_plugin_logger("search")
readability_log = get_plugin_logger("readability")


def project_file(config: MkDocsConfig, name: str) -> Path:
    """Data files sit beside mkdocs.yml, so a fixture site can bring its own."""
    return Path(config.config_file_path).parent / name


def is_health_page(page: Page) -> bool:
    """Every page gives health information unless its front matter says `health_page: false`."""
    return page.meta.get("health_page") is not False


@dataclass
class SiteBuild:
    """What one build has read and measured."""

    clinic: Clinic
    terminology: Terminology
    today: date
    table: readability.ReadabilityTable
    wording: WordingCheck | None  # None when switched off for a benchmark
    reviews: dict[str, review.Review | None] = field(default_factory=dict)
    unnamed_reviewer_pages: list[str] = field(default_factory=list)
    # Each page's file text, read once in check_source: File.content_string rereads the disk.
    sources: dict[str, str] = field(default_factory=dict)
    # Patients' words by search index location (`aftercare/#section`), from terminology.yml.
    search_words: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def start(cls, config: MkDocsConfig) -> SiteBuild:
        """Read the data files; put the clinic's details where templates find them."""
        clinic = load_clinic(project_file(config, "clinic.yml"))
        config.extra["clinic"] = clinic.as_dict()
        config.copyright = f"© {clinic.name}"
        config.theme["logo"] = clinic.logo
        terminology = load_terminology(project_file(config, "terminology.yml"))
        max_grade = readability.max_grade_from(config.extra, Path(config.config_file_path))
        build = cls(
            clinic=clinic,
            terminology=terminology,
            today=review.today(),
            table=readability.ReadabilityTable(max_grade),
            wording=start_wording_check(terminology),
        )
        if build.wording is not None:
            log_findings(build.wording.check_definitions(terminology.source))
        return build

    def add_glossary(self, files: Files, config: MkDocsConfig) -> None:
        glossary.add_glossary_page(files, config, self.terminology.glossary)

    def check_source(self, page: Page, config: MkDocsConfig) -> None:
        """Check the page as its editor wrote it: wording, review dates, plain-language Key points."""
        path = Path(page.file.abs_src_path or Path(config.docs_dir) / page.file.src_uri)
        source = self.sources[page.file.src_uri] = page.file.content_string
        if self.wording is not None and page.file.generated_by is None:
            log_findings(self.wording.check(path, source))
        front = read_front_matter(path, source)
        page_review = review.read_review(front, self.clinic)
        self.reviews[page.file.src_uri] = page_review
        if not is_health_page(page):
            return
        for message in review.review_problems(front, page_review, self.today):
            review_log.warning(message)
        if page_review is not None and not page_review.reviewer_named:
            self.unnamed_reviewer_pages.append(page.file.src_uri)
        for message in readability.page_warnings(path, source, self.table.max_grade):
            readability_log.warning(message)

    def finish_html(self, html: str, page: Page, files: Files) -> str:
        """Name checklist boxes, measure the page, explain its terms, close it with contact, review and disclaimer."""
        html = wrap_marked_sections(label_task_list_checkboxes(html))
        page_review = self.reviews.get(page.file.src_uri)
        if is_health_page(page):
            self.table.rows.append(readability.measure(page.file.src_uri, html, self.source_of(page)))
            if glossary_file := files.get_file_from_path(glossary.GLOSSARY_FILE):
                html = glossary.add_tooltips(html, self.terminology.glossary, glossary_file.url_relative_to(page.file))
        page.meta["structured_data"] = script_json(
            medical_web_page(
                url=page.canonical_url or "",
                title=page.title or "",
                description=page.meta.get("description", ""),
                review=page_review,
                clinic=self.clinic,
            )
        )
        return html + "\n" + page_foot(self.clinic, page_review, contact=page.meta.get("contact") is True)

    def locate_patient_words(self, files: Files) -> None:
        """Every page is rendered: check that each patient word's page and heading exist."""
        self.search_words = patient_words.search_locations(self.terminology.patient_words, files, self.terminology.source)

    def add_patient_words_to_search(self, config: MkDocsConfig) -> None:
        """The search plugin has written its index: add the patients' words to their pages and sections."""
        for location in patient_words.add_to_search_index(Path(config.site_dir), self.search_words):
            search_log.warning(f"The search index has no entry {location!r} for the patient words {self.search_words[location]}")

    def source_of(self, page: Page) -> str:
        return self.sources.get(page.file.src_uri) or page.file.content_string

    def print_summaries(self) -> None:
        """For the editor: wording findings, reading grades, pages that name no reviewer."""
        if self.wording is not None:
            log_summary(self.wording)
        for line in self.table.lines():
            readability_log.info(line)
        if self.unnamed_reviewer_pages:
            review_log.info(
                f"{len(self.unnamed_reviewer_pages)} page(s) name no `reviewer`, so they show "
                f'"{review.placeholder_reviewer(self.clinic)}" (from clinic.yml): '
                + ", ".join(sorted(self.unnamed_reviewer_pages))
                + ". Add `reviewer: Name, Role` to a page's front matter once a named clinician has reviewed it."
            )
