"""The brochure's settings in mkdocs.yml, checked before anything is built.

`extra.brochure` is free-form to MkDocs, so nothing else would notice a paper
size spelled `A5` or a handout page that is not in the navigation; a clinic
editor would only see a missing PDF. Every problem here names its line in
mkdocs.yml.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.utils import get_relative_url

from kit.data.urls import page_url
from kit.data.yamlfile import SettingsLocator as _Locator
from kit.report.findings import StopBuild

if TYPE_CHECKING:  # only the build passes MkDocs' config; `python -m kit check` never loads it
    from mkdocs.config.defaults import MkDocsConfig

#: Paper names a clinic may choose, and the CSS page size WeasyPrint gets for each.
PAPER_SIZES = {"a4": "A4", "letter": "letter"}
PAPER_LABELS = {"a4": "A4", "letter": "US Letter"}
#: The booklet's page on each paper: half the sheet, so two fit side by side when it is turned landscape.
BOOKLET_PAGE_SIZES = {"a4": "A5", "letter": "5.5in 8.5in"}
BOOKLET_PAGE_LABELS = {"a4": "A5", "letter": "half-letter"}
#: Set CLINIC_KIT_PDF=off to build the site without PDFs (benchmarks of the rest).
SWITCH = "CLINIC_KIT_PDF"


@dataclass(frozen=True)
class BrochureSettings:
    """What `extra.brochure` asks for, checked, plus the file names it implies."""

    papers: tuple[str, ...]
    handout_page: str
    file_stem: str
    render_pdf: bool
    config_file: Path
    # Where this language's pages and PDFs are published: "" for the site's first language, "es/" for Spanish.
    folder: str = ""
    about: bool = False  # `about: true`: the brochure keeps the "About this information" page

    def brochure_file(self, paper: str) -> str:
        return f"{self.folder}{self.file_stem}-brochure-{paper}.pdf"

    def handout_file(self, paper: str) -> str:
        return f"{self.folder}{self.file_stem}-{Path(self.handout_page).stem}-handout-{paper}.pdf"

    def booklet_file(self, paper: str) -> str:
        return f"{self.folder}{self.file_stem}-booklet-{paper}.pdf"

    def large_print_file(self, kind: str) -> str:
        """The large-print brochure or handout, always A4."""
        if kind == "handout":
            return f"{self.folder}{self.file_stem}-{Path(self.handout_page).stem}-handout-large-print-a4.pdf"
        return f"{self.folder}{self.file_stem}-brochure-large-print-a4.pdf"

    def for_templates(self, site_url: str, logo: str, use_directory_urls: bool) -> dict[str, object]:
        """Values the site's templates and the cover template read from `config.extra.brochure`."""
        print_page = self.folder + ("print_page/" if use_directory_urls else "print_page.html")
        handout_url = self.folder + page_url(self.handout_page, use_directory_urls) if self.handout_page else ""
        downloads = [
            {
                "paper": PAPER_LABELS[p],
                "paper_key": p,  # the template names it in the page's language: strings `site.paper_names`
                "brochure": self.brochure_file(p),
                # No `handout:` line, no handout PDF: nothing to link to.
                "handout": self.handout_file(p) if self.handout_page else "",
                "booklet": self.booklet_file(p),
            }
            for p in self.papers
        ]
        return {
            "paper": list(self.papers),
            "handout_page": self.handout_page,
            # Page URLs, which every builder gives templates as `page.url` (Zensical has no `page.file`).
            "handout_url": handout_url,
            "print_page_url": print_page,
            # Only link to PDFs this build writes: `mkdocs serve` and CLINIC_KIT_PDF=off write none.
            "downloads": downloads if self.render_pdf else [],
            # Beside the standard PDFs' links: the same brochure and handout in large print.
            "large_print": {
                "brochure": self.large_print_file("brochure"),
                "handout": self.large_print_file("handout") if self.handout_page else "",
            }
            if self.render_pdf
            else {},
            "cover_logo": get_relative_url(logo, print_page),
            "site_url": site_url,
        }


def read_settings(config: MkDocsConfig, command: str) -> BrochureSettings | None:
    """The checked settings, or None when mkdocs.yml has no `extra.brochure` (no brochure)."""
    plugins = list(config.plugins)
    site = (config.site_url or "", config.site_name)
    return settings_from(config.extra.get("brochure"), Path(config.config_file_path), plugins, site, command)


def settings_from(raw: object, config_file: Path, plugins: list[str], site: tuple[str, str], command: str) -> BrochureSettings | None:
    """`extra.brochure` checked, from mkdocs.yml's values without MkDocs (`python -m kit check` checks them too).

    `plugins` are the plugin names mkdocs.yml lists; `site` is its (site_url, site_name).
    """
    if raw is None:
        return None
    site_url, site_name = site
    where = _Locator(config_file)
    if not isinstance(raw, dict):
        raise where.error(("extra", "brochure"), "`extra.brochure` must be `key: value` lines", "Indent `paper:` and `handout:` under it")
    for key in raw:
        if key not in ("paper", "handout", "about"):
            raise where.error(("extra", "brochure", key), f"`{key}` is not a brochure setting", "Use `paper`, `handout` and `about`")
    if not isinstance(raw.get("about", False), bool):
        raise where.error(
            ("extra", "brochure", "about"),
            "`about` must be true or false",
            "Write `about: true` to print the 'About this information' page in the brochure, or delete the line",
        )
    if "print-site" not in plugins:
        raise where.error(
            ("extra", "brochure"),
            "The brochure needs the print-site plugin, which mkdocs.yml does not list",
            "Add `- print-site` as the last entry under `plugins:`, or remove `extra.brochure`",
        )
    if not site_url:
        raise where.error(
            ("site_url",),
            "`site_url` is missing: the brochure's QR code points to it",
            "Add `site_url: https://...` with the site's address",
        )
    return BrochureSettings(
        papers=_papers(raw.get("paper", ["a4"]), where),
        handout_page=_handout(raw.get("handout", ""), where),
        file_stem=re.sub(r"[^a-z0-9]+", "-", site_name.lower()).strip("-") or "site",
        render_pdf=_pdf_wanted(command),
        config_file=config_file,
        about=raw.get("about", False),
    )


def check_handout_in_nav(settings: BrochureSettings, nav_pages: list[str]) -> None:
    """The handout is made from one page of the brochure, so it must be in the nav."""
    if settings.handout_page and settings.handout_page not in nav_pages:
        raise _Locator(settings.config_file).error(
            ("extra", "brochure", "handout"),
            f"The handout page `{settings.handout_page}` is not in the navigation",
            "Use one of: "
            + ", ".join(nav_pages[:8])
            + (f" (and {len(nav_pages) - 8} more)" if len(nav_pages) > 8 else "")
            + "; or remove the `handout:` line to make no handout",
        )


def _papers(value: object, where: _Locator) -> tuple[str, ...]:
    papers = [value] if isinstance(value, str) else value
    key = ("extra", "brochure", "paper")
    if not isinstance(papers, list) or not papers:
        raise where.error(
            key, "`paper` must list one or more paper sizes", "Write `paper: [a4]`, `paper: [letter]` or `paper: [a4, letter]`"
        )
    checked: list[str] = []
    for index, paper in enumerate(papers):
        name = str(paper).strip().lower()
        if name not in PAPER_SIZES:
            raise where.error((*key, index), f"`{paper}` is not a paper size the brochure knows", "Use `a4` or `letter`")
        if name in checked:
            raise where.error((*key, index), f"`{paper}` is listed twice", "List each paper size once")
        checked.append(name)
    return tuple(checked)


def _handout(value: object, where: _Locator) -> str:
    if value in (None, ""):
        return ""
    if not isinstance(value, str) or not value.endswith(".md"):
        raise where.error(
            ("extra", "brochure", "handout"),
            "`handout` must name one page, like `aftercare.md`",
            "Write the page's file name as it appears under `nav:`",
        )
    return value


def _pdf_wanted(command: str) -> bool:
    """PDFs in `mkdocs build` and `gh-deploy`, never in `mkdocs serve`: previews must stay fast."""
    switch = os.environ.get(SWITCH, "on").strip().lower()
    if switch not in ("on", "off"):
        raise StopBuild(f"The environment variable {SWITCH} is `{switch}`. Set it to `on` (make the PDFs) or `off` (skip them).")
    return command != "serve" and switch == "on"
