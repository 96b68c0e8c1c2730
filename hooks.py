"""Build events of the clinic's patient site, in the order MkDocs runs them.

This file is the switchboard: each event hands its work to a small module in
`kit/`. MkDocs imports it once per `mkdocs serve`, so data files are re-read in
`on_config` (which runs on every rebuild) and watched in `on_serve`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from kit import glossary, readability, review
from kit.accessibility import label_task_list_checkboxes
from kit.brochure.build import BrochureBuild
from kit.clinic import Clinic, load_clinic
from kit.frontmatter import read_front_matter
from kit.pagefoot import page_foot
from kit.pages import check_pages_are_utf8
from kit.pageweight import drop_print_only_assets
from kit.structured_data import medical_web_page, script_json
from kit.termcheck import WordingCheck, log_findings, log_summary, start_wording_check
from kit.terminology import Terminology, load_terminology

review_log = get_plugin_logger("review")
readability_log = get_plugin_logger("readability")


@dataclass
class BuildState:
    """What one build has read and measured; replaced in on_config on every rebuild."""

    clinic: Clinic
    terminology: Terminology
    today: date
    table: readability.ReadabilityTable
    wording: WordingCheck | None  # None when switched off for a benchmark
    reviews: dict[str, review.Review | None] = field(default_factory=dict)
    unnamed_reviewer_pages: list[str] = field(default_factory=list)


state: BuildState
brochure = BrochureBuild()


def project_file(config: MkDocsConfig, name: str) -> Path:
    """Data files sit beside mkdocs.yml, so a fixture site can bring its own."""
    return Path(config.config_file_path).parent / name


def on_startup(command: str, dirty: bool) -> None:
    """Remember whether this is `mkdocs serve`: its previews skip the PDFs to stay fast."""
    brochure.command = command


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Read the clinic's details and terms so every template and page can use them."""
    global state
    clinic = load_clinic(project_file(config, "clinic.yml"))
    config.extra["clinic"] = clinic.as_dict()
    config.copyright = f"© {clinic.name}"
    config.theme["logo"] = clinic.logo
    terminology = load_terminology(project_file(config, "terminology.yml"))
    state = BuildState(
        clinic=clinic,
        terminology=terminology,
        wording=start_wording_check(terminology),
        today=review.today(),
        table=readability.ReadabilityTable(readability.max_grade_from(config.extra, Path(config.config_file_path))),
    )
    brochure.configure(config)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Refuse pages MkDocs would crash on, and add the glossary page."""
    check_pages_are_utf8(files)
    glossary.add_glossary_page(files, config, state.terminology.glossary)
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """Check the brochure's handout page is in the nav before any page is built."""
    brochure.check_nav(nav)
    return nav


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Check the page as its editor wrote it: wording, review dates, plain-language Key points."""
    path = Path(page.file.abs_src_path or Path(config.docs_dir) / page.file.src_uri)
    source = page.file.content_string
    if state.wording is not None and page.file.generated_by is None:
        log_findings(state.wording.check(path, source))
    front = read_front_matter(path, source)
    page_review = review.read_review(front, state.clinic)
    state.reviews[page.file.src_uri] = page_review
    if not is_health_page(page):
        return markdown
    for message in review.review_problems(front, page_review, state.today):
        review_log.warning(message)
    if page_review is not None and not page_review.reviewer_named:
        state.unnamed_reviewer_pages.append(page.file.src_uri)
    for message in readability.page_warnings(path, source, state.table.max_grade):
        readability_log.warning(message)
    return markdown


@event_priority(50)  # before print-site keeps each page's HTML for the PDF
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Name checklist boxes, measure the page, explain its terms, close it with contact, review and disclaimer."""
    html = label_task_list_checkboxes(html)
    page_review = state.reviews.get(page.file.src_uri)
    if is_health_page(page):
        state.table.rows.append(readability.measure(page.file.src_uri, html, page.file.content_string))
        if glossary_file := files.get_file_from_path(glossary.GLOSSARY_FILE):
            html = glossary.add_tooltips(html, state.terminology.glossary, glossary_file.url_relative_to(page.file))
    page.meta["structured_data"] = script_json(
        medical_web_page(
            url=page.canonical_url or "",
            title=page.title or "",
            description=page.meta.get("description", ""),
            review=page_review,
            clinic=state.clinic,
        )
    )
    return html + "\n" + page_foot(state.clinic, page_review, contact=page.meta.get("contact") is True)


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Every page's front matter is read by now: date the brochure's cover."""
    brochure.add_cover_facts(config)
    return env


def on_post_build(config: MkDocsConfig) -> None:
    """Print the PDFs (print-site has written the print page), then the editor's summaries."""
    brochure.write_pdfs(config)
    if state.wording is not None:
        log_summary(state.wording)
    for line in state.table.lines():
        readability_log.info(line)
    if state.unnamed_reviewer_pages:
        review_log.info(
            f"{len(state.unnamed_reviewer_pages)} page(s) name no `reviewer`, so they show "
            f'"{review.placeholder_reviewer(state.clinic)}" (from clinic.yml): '
            + ", ".join(sorted(state.unnamed_reviewer_pages))
            + ". Add `reviewer: Name, Role` to a page's front matter once a named clinician has reviewed it."
        )


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Keep the print page's stylesheets and script off ordinary pages (fewer requests on phones)."""
    return drop_print_only_assets(output, page)


def on_serve(server, config: MkDocsConfig, builder) -> None:
    """Rebuild the live preview when the clinic's data files change."""
    server.watch(str(project_file(config, "clinic.yml")))
    server.watch(str(project_file(config, "terminology.yml")))
    server.watch(str(project_file(config, "brochure")))


def is_health_page(page: Page) -> bool:
    """Every page gives health information unless its front matter says `health_page: false`."""
    return page.meta.get("health_page") is not False

