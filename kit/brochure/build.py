"""The brochure's part in each build: settings, cover facts, then the PDFs.

The build object (kit/web/site_build.py) makes one per build in `on_config` and
calls one method per MkDocs event, handing over what it needs (the clinic,
the pages' review dates, the reporter) explicitly.
"""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from kit.brochure import adapter
from kit.brochure.cover import back_cover, last_reviewed, qr_code
from kit.brochure.document import (
    Chapter,
    GivenBox,
    Identity,
    brochure_html,
    handout_html,
    information_given,
    nav_pages,
    print_statements,
    split_print_page,
)
from kit.brochure.settings import (
    BOOKLET_PAGE_LABELS,
    BOOKLET_PAGE_SIZES,
    PAPER_LABELS,
    PAPER_SIZES,
    BrochureSettings,
    check_handout_in_nav,
    read_settings,
)
from kit.data.clinic import Clinic
from kit.data.languages import source_name
from kit.data.patient_text import human_date, strings
from kit.data.urls import ABOUT_FILE
from kit.pages.pagefoot import clinic_contact
from kit.pages.review import Review
from kit.release.state import VersionState
from kit.report.findings import Finding, Reporter, StopBuild

if TYPE_CHECKING:  # WeasyPrint: imported by the builds that make PDFs, when they make them
    from kit.brochure import render

log = get_plugin_logger("brochure")

#: The handout is one sheet: printed on both sides at most.
HANDOUT_MAX_PAGES = 2
#: Beside mkdocs.yml: the print stylesheet (fonts/ sits beside it).
STYLESHEET = Path("brochure") / "print.css"
#: The large-print layer, read after print.css for the large-print brochure and handout only.
LARGE_PRINT_STYLESHEET = Path("brochure") / "large-print.css"
#: Large print is made on A4 (RNIB's and the NHS's size), whatever papers the clinic prints on.
LARGE_PRINT_PAPER = "a4"


class BrochureBuild:
    """What the brochure needs to remember between the events of one build."""

    def __init__(self, command: str) -> None:
        self.command = command  # `serve` previews skip the PDFs to stay fast
        self.settings: BrochureSettings | None = None
        self.pages: list[Page] = []
        self.clinic: Clinic | None = None
        # This build's language, read in `configure`: another language's build may run before the PDFs (mkdocs-static-i18n).
        self.language = "en"
        self.written: list[tuple[str, int]] = []  # each PDF this build wrote, with its page count
        self.documents: list[dict[str, str]] = []  # each PDF this build wrote, as a release records it
        self.versions: VersionState | None = None  # the version the PDFs claim (kit/release), or a draft

    def configure(self, config: MkDocsConfig, clinic: Clinic, folder: str = "") -> None:
        """Check `extra.brochure` and give templates the download links and cover logo.

        `folder` is where this build's language is published ("es/"): its PDFs go there too.
        """
        self.settings = read_settings(config, self.command)
        self.clinic = clinic
        if self.settings is None:
            return
        self.settings = replace(self.settings, folder=folder)
        adapter.check_versions()
        adapter.make_ids_unique(config)
        site_url = config.site_url
        assert site_url, "read_settings stops a build without site_url"
        config.extra["brochure"] = self.settings.for_templates(site_url, clinic.logo, config.use_directory_urls)
        config.extra["brochure"]["qr_code"] = qr_code(site_url)
        # Rendered here from the one contact template: print-site renders cover.html without a template loader.
        language = self.language = config.theme.get("language") or "en"
        config.extra["brochure"]["cover_contact"] = clinic_contact("cover", clinic, language)
        config.extra["brochure"]["back_cover_contact"] = clinic_contact("back_cover", clinic, language)
        config.extra["brochure"]["text"] = strings(language)["cover"]
        # Who publishes it and other formats on request: the contents page and the booklet's back cover.
        config.extra["brochure"]["statements"] = print_statements(clinic, language)
        config.extra["brochure"]["formats_statement"] = print_statements(clinic, language, formats_only=True)

    def check_nav(self, nav: Navigation) -> None:
        """Remember the pages in order, and stop early if the handout page is not among them."""
        if self.settings is None:
            return
        self.pages = nav_pages(nav.items)
        names = [source_name(page.file.src_uri) for page in self.pages]
        if self.settings.folder and self.settings.handout_page not in names:
            # A translation without the handout page yet: that language has no handout (its nav lacks the page too).
            self.settings = replace(self.settings, handout_page="")
            return
        check_handout_in_nav(self.settings, names)

    def add_cover_facts(self, config: MkDocsConfig, reviews: list[Review | None], versions: VersionState | None = None) -> None:
        """After every page is read: the newest review date, and the version with the QR code to its archive page."""
        if self.settings is None:
            return
        language = config.theme.get("language") or "en"
        reviewed = last_reviewed(reviews)
        brochure = config.extra["brochure"]
        brochure["last_reviewed"] = human_date(reviewed, language) if reviewed else ""
        brochure["last_reviewed_iso"] = reviewed.isoformat() if reviewed else ""
        self.versions = versions
        if versions is None:
            return
        words = strings(language)["version"]
        code, release, site_url = versions.codes.brochure, versions.release, config.site_url or ""
        if release is not None:
            brochure["version_line"] = words["cover"].format(code=code, version=release.version, date=human_date(release.date, language))
            brochure["online_url"], brochure["online_label"] = release.archive_url(site_url), words["this_version_online"]
        else:
            brochure["version_line"] = words["cover_draft"].format(code=code)
            brochure["online_url"], brochure["online_label"] = site_url, brochure["text"]["read_online"]
        brochure["qr_code"] = qr_code(brochure["online_url"])

    def write_pdfs(self, config: MkDocsConfig, reporter: Reporter) -> None:
        """Render the brochure, the booklet and the handout on every chosen paper, in parallel, into the site folder."""
        if self.settings is None or not self.settings.render_pdf:
            return
        # Imported here: loading WeasyPrint takes about a second, which `mkdocs serve`
        # and builds without PDFs should not pay.
        from kit.brochure.booklet import SHEET_SIZES, Sheet
        from kit.brochure.render import Job, render_all

        page = adapter.print_page(config)
        published = config.extra["brochure"]  # for_templates: where the site and its print page are published
        print_page_address = urljoin(published["site_url"], published["print_page_url"])
        cover, chapters = split_print_page(page.content, page.nav_items, Path(config.config_file_path), print_page_address)
        if not self.settings.about:  # "About this information" is the site's; the brochure has it only if asked
            chapters = [chapter for chapter in chapters if chapter.source != ABOUT_FILE]
        site_dir = Path(config.site_dir)
        identity = self._identity(config, page.title, "brochure")
        given = self._information_given(identity, "brochure")
        config.extra["brochure"]["information_given"] = given  # the booklet's back cover has it
        statements = config.extra["brochure"]["statements"]  # who publishes it, other formats: the contents page
        brochure = brochure_html(cover, chapters, identity, given=given, statements=statements)
        booklet = brochure_html(cover, chapters, identity, back_cover(config), statements=statements)
        handout = self._handout(config, chapters)
        jobs: list[tuple[str, str, Job]] = self._large_print_jobs(config, page, cover, chapters, identity, handout)
        for paper in self.settings.papers:
            jobs.append(("brochure", paper, Job(brochure, page.path, PAPER_SIZES[paper], site_dir / self.settings.brochure_file(paper))))
            booklet_file = site_dir / self.settings.booklet_file(paper)
            paper_name = strings(identity.language)["site"]["paper_names"].get(paper) or PAPER_LABELS[paper]  # its metadata says it
            sheet = Sheet(paper_name, *SHEET_SIZES[paper], identity.title, identity.language)
            jobs.append(
                (
                    "booklet",
                    paper,
                    Job(booklet, page.path, BOOKLET_PAGE_SIZES[paper], booklet_file, sheet),
                )
            )
            if handout:
                chapter, handout_identity = handout
                target = site_dir / self.settings.handout_file(paper)
                html = handout_html(chapter, handout_identity, self._information_given(handout_identity, "handout"))
                jobs.append(("handout", paper, Job(html, page.path, PAPER_SIZES[paper], target)))
        started = time.perf_counter()
        results = render_all(
            [job for _, _, job in jobs],
            Path(config.config_file_path).parent / STYLESHEET,
            site_dir,
            Path(config.docs_dir),
            identity.language,
        )
        refused_before: set[Finding] = set()
        for (kind, paper, _), written in zip(jobs, results, strict=True):
            label = PAPER_LABELS[paper]
            # Each PDF refuses the same remote file: the editor hears about it once.
            reporter.report([finding for finding in dict.fromkeys(written.refused) if finding not in refused_before])
            refused_before.update(written.refused)
            self.written.append((written.path.name, written.pages))
            base = kind.removeprefix("large-print ")  # a large-print PDF is its standard one's document, in large print
            title = handout[1].title if base == "handout" and handout else identity.title
            if base != kind:
                title = strings(identity.language)["formats"]["large_print_title"].format(title=title)
            code = self.versions.codes.of_kind(base) if self.versions is not None else ""
            file = written.path.relative_to(site_dir).as_posix()  # another language's PDFs are in its folder (es/...)
            self.documents.append({"file": file, "kind": base, "code": code, "title": title, "paper": label})
            if base != kind:
                if kind == "large-print brochure":
                    _check_every_chapter_printed(written.chapters, chapters, written.path)
                log.info(f"Large print ({label}): {written.path.name}, {written.pages} pages, {written.seconds:.1f} s")
            elif kind == "brochure":
                _check_every_chapter_printed(written.chapters, chapters, written.path)
                log.info(f"Brochure ({label}): {written.path.name}, {written.pages} pages, {written.seconds:.1f} s")
            elif kind == "booklet":
                _check_every_chapter_printed(written.chapters, chapters, written.path)
                log.info(
                    f"Booklet ({BOOKLET_PAGE_LABELS[paper]} on {label}): {written.path.name}, "
                    f"{2 * written.pages} pages on {written.pages // 2} sheets, {written.seconds:.1f} s"
                )
            elif handout:
                reporter.report(_handout_fits(written.pages, Path(config.docs_dir) / handout[0].source, label))
                pages = f"{written.pages} page" + ("s" if written.pages != 1 else "")
                log.info(f"Handout ({label}): {written.path.name}, {pages}, {written.seconds:.1f} s")
        log.info(f"PDFs: {len(results)} in {time.perf_counter() - started:.1f} s")

    def _large_print_jobs(
        self,
        config: MkDocsConfig,
        page: adapter.PrintPage,
        cover: str,
        chapters: list[Chapter],
        identity: Identity,
        handout: tuple[Chapter, Identity] | None,
    ) -> list[tuple[str, str, render.Job]]:
        """The large-print brochure and handout: the same HTML under brochure/large-print.css, on A4, rendered with the others."""
        from kit.brochure.render import Job  # WeasyPrint: loaded only by builds that make PDFs

        assert self.settings is not None
        layer = (Path(config.config_file_path).parent / LARGE_PRINT_STYLESHEET,)
        site_dir, size, paper = Path(config.site_dir), PAPER_SIZES[LARGE_PRINT_PAPER], LARGE_PRINT_PAPER
        words = strings(identity.language)["formats"]["large_print_title"]
        large = replace(identity, title=words.format(title=identity.title))
        statements = config.extra["brochure"]["statements"]
        given = self._information_given(large, "brochure")
        html = brochure_html(cover, chapters, large, given=given, statements=statements, large_print=True)
        jobs = [
            ("large-print brochure", paper, Job(html, page.path, size, site_dir / self.settings.large_print_file("brochure"), layers=layer))
        ]
        if handout:
            chapter, handout_identity = handout
            handout_large = replace(handout_identity, title=words.format(title=handout_identity.title))
            target = site_dir / self.settings.large_print_file("handout")
            jobs.append(
                (
                    "large-print handout",
                    paper,
                    Job(
                        handout_html(chapter, handout_large, self._information_given(handout_large, "handout"), large_print=True),
                        page.path,
                        size,
                        target,
                        layers=layer,
                    ),
                )
            )
        return jobs

    def _identity(self, config: MkDocsConfig, title: str, kind: str) -> Identity:
        clinic = self.clinic
        assert clinic is not None, "configure() runs first"
        language = config.theme.get("language") or "en"
        label = self.versions.label(kind, language) + strings(language)["version"]["separator"] if self.versions is not None else ""
        return Identity(
            title=title,
            language=self.language,
            clinic_name=clinic.name,
            clinic_phone=clinic.phone,
            clinic_website=clinic.website,
            logo_url=config.extra["brochure"]["cover_logo"],
            description=config.site_description or config.site_name,
            version_label=label,
        )

    def _information_given(self, identity: Identity, kind: str) -> str:
        """The document's "Information given" box: its title, code and version (or draft), content fingerprint."""
        if self.versions is None:
            return ""
        release = self.versions.release
        box = GivenBox(
            title=identity.title,
            code=self.versions.codes.of_kind(kind),
            number=release.version if release is not None else None,
            date=release.date if release is not None else None,
            fingerprint=self.versions.content[:12],
        )
        return information_given(box, identity.language)

    def _handout(self, config: MkDocsConfig, chapters: list[Chapter]) -> tuple[Chapter, Identity] | None:
        assert self.settings is not None
        chapter = next((c for c in chapters if source_name(c.source) == self.settings.handout_page), None)
        if chapter is None:
            return None
        words = strings(self.language)["print"]["handout_title"]
        identity = self._identity(config, words.format(site=config.site_name, page=chapter.title), "handout")
        return chapter, identity


def _check_every_chapter_printed(bookmarks: int, chapters: list[Chapter], pdf: Path) -> None:
    """WeasyPrint drops what it cannot lay out without a word: count the chapters it kept."""
    if bookmarks != len(chapters):
        raise StopBuild(
            f"{pdf.name} has {bookmarks} chapters instead of {len(chapters)}: WeasyPrint left part of the brochure out. "
            "Check brochure/print.css for a layout rule it cannot print (see FIELD-NOTES: display:flex, height:100%)."
        )


def _handout_fits(pages: int, source: Path, paper: str) -> list[Finding]:
    if pages <= HANDOUT_MAX_PAGES:
        return []
    return [
        Finding.at(
            "warning",
            "brochure.handout-length",
            source,
            1,
            1,
            f"The handout made from this page needs {pages} pages on {paper} paper; it must fit on one sheet ({HANDOUT_MAX_PAGES} pages)",
            "Shorten the page, or choose another page as `handout:` under extra.brochure in mkdocs.yml",
        )
    ]
