"""The generated "About this information" page: how the clinic makes its patient information.

The NHS Standard for creating health content and the PIF TICK ask a publisher
to say who writes and reviews its information and how often, where the facts
come from, how to give feedback and how to get other formats. The build knows
most of it already (clinic.yml, each page's review and sources), so the page
is made from that, the way the glossary page is made from terminology.yml,
plus a short section in the clinic's own words: `how-we-work.md` beside
mkdocs.yml (training, how patients are involved, other interests), if the
clinic writes one. It is not a health page (no review line, no disclaimer),
the clinic places it in `nav:`, and the brochure leaves it out unless
`extra.brochure.about: true`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from kit.data.clinic import Clinic
from kit.data.patient_text import DEFAULT_LANGUAGE, render
from kit.data.urls import ABOUT_FILE
from kit.pages.rawhtml import html_findings
from kit.pages.sourcepage import SourcePage
from kit.report.findings import StopBuild, stop_at
from kit.web.glossary import nav_position  # where `nav:` lists a generated page

#: Beside mkdocs.yml: the clinic's own words on how it works, added to the page under "How we work".
CLINIC_SECTION = "how-we-work.md"
_DAYS_PER_MONTH = 30.44
#: The versions archive's own page (kit/web/archive.py adds it before this page, when versions exist).
ARCHIVE_PAGE = "archive/index.md"
_COMMENT = re.compile(r"<!--.*?-->", re.S)


def add_about_page(
    files: Files,
    config: MkDocsConfig,
    clinic: Clinic,
    pages: Iterable[SourcePage],
    language: str = DEFAULT_LANGUAGE,
    large_print: bool = False,
    folder: str = "",
) -> None:
    """Add the generated page; a hand-made docs/about-this-information.md would silently lose to it, so it stops the build."""
    if files.get_file_from_path(ABOUT_FILE):
        raise stop_at(
            Path(config.docs_dir) / ABOUT_FILE,
            1,
            1,
            "The kit makes the 'About this information' page, so this file is in its way",
            f"Move your own words into {CLINIC_SECTION} beside mkdocs.yml (they are added to the page) and delete this file",
        )
    section = Path(config.config_file_path).parent / CLINIC_SECTION
    inclusion = (
        InclusionLevel.NOT_IN_NAV if config.nav is not None and nav_position(config.nav, ABOUT_FILE) is None else InclusionLevel.UNDEFINED
    )
    archive = files.get_file_from_path(ARCHIVE_PAGE) is not None  # released versions (kit/web/archive.py)
    clinic_text = section.read_text(encoding="utf-8") if section.is_file() else ""
    if refused := html_findings(section, CLINIC_SECTION, clinic_text):  # the clinic's own words: Markdown, like its pages
        raise StopBuild(refused[0].located, refused[0])
    content = about_markdown(clinic, list(pages), clinic_text, language, large_print, archive)
    page = File.generated(config, ABOUT_FILE, content=content, inclusion=inclusion)
    page.dest_uri = folder + page.dest_uri  # a translation's page is published in its language's folder (es/...)
    files.append(page)


def about_markdown(
    clinic: Clinic,
    pages: list[SourcePage],
    clinic_section: str = "",
    language: str = DEFAULT_LANGUAGE,
    large_print: bool = False,
    archive: bool = False,
) -> str:
    """The page's Markdown (kit/templates/about-page.md) from the clinic's data and its health pages."""
    health = [page for page in pages if page.is_health_page]
    reviews = [page.review for page in health if page.review is not None]
    intervals = [(review.next_review - review.reviewed).days for review in reviews]
    months = max(1, round(max(intervals) / _DAYS_PER_MONTH)) if intervals else 12
    reviewers = sorted({review.reviewer for review in reviews if review.reviewer_named})
    return (
        render(
            "about-page.md",
            language,
            clinic=clinic,
            months=months,
            reviewers=reviewers,
            pages_with_sources=sum(1 for page in health if page.sources),
            health_pages=len(health),
            large_print=large_print,
            archive_page=ARCHIVE_PAGE if archive else "",
            # The clinic's own Markdown, as trusted as its pages; a file that holds only its note adds nothing.
            clinic_section=Markup(_COMMENT.sub("", clinic_section).strip()),
        )
        + "\n"
    )
