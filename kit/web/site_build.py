"""One MkDocs build of the patient site: what it read, and the work it does on each page.

hooks.py forwards MkDocs' events here. `SiteBuild.start` runs in `on_config`
and keeps the new build on MkDocs' config object, where every later event
finds it with `SiteBuild.of(config)`. MkDocs makes a new config object for
every build, also for each rebuild of `mkdocs serve`, so a build's data can
never leak into the next one, edits to clinic.yml or terminology.yml are seen
without restarting the preview, and hooks.py needs no module state.
"""

from __future__ import annotations

import functools
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Concatenate, ParamSpec, TypeVar

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import CountHandler

from kit.brochure.build import BrochureBuild
from kit.brochure.document import unlink_missing_anchors
from kit.checks.claims import kept_claims_summary
from kit.data.clinic import missing_logo
from kit.data.languages import (
    SiteLanguages,
    alternates,
    configure_language,
    not_found_page,
    restore_between_builds,
    search_root,
    source_name,
    split_search_index,
)
from kit.data.patient_text import human_date, strings
from kit.data.safety import as_text, plain, refuse_links_out_of
from kit.data.urls import ABOUT_FILE, page_url, relative_url
from kit.pages.pagefoot import VersionLine
from kit.pages.sourcepage import SourcePage
from kit.pages.translation import Translation, changed_on
from kit.project import Project
from kit.release.codes import read_codes
from kit.release.fingerprint import health_content
from kit.release.records import load_releases
from kit.release.state import MANIFEST_VARIABLE, VersionState, unreleased_findings, unreleased_policy, version_state, write_manifest
from kit.report.findings import Finding, LogSink, Reporter, stops_reported
from kit.report.github import GitHubSink, SummaryTable, github_sinks
from kit.report.messages import display_path
from kit.review.reminders import STATUS_WORDS, review_status
from kit.web import about, archive, glossary, patient_words
from kit.web.imagesize import image_size
from kit.web.markdown_ext import BUILD_ATTRIBUTE, without_additions
from kit.web.session import at_end
from kit.web.structured_data import medical_web_page, script_json
from kit.wording import readability
from kit.wording.languages import page_language, wording_language
from kit.wording.terminology import load_terminology

P = ParamSpec("P")
R = TypeVar("R")

#: Front matter fields Material's templates print into every page, its search index and the print page.
PRINTED_META = ("title", "description")
#: What the kit rewrites in `extra` (the brochure's settings become template values): put back for each language's build.
KIT_EXTRA = ("brochure",)
#: Pages the kit makes in every language, so every language's navigation keeps them.
GENERATED_PAGES = frozenset({glossary.GLOSSARY_FILE})
#: The attribute of MkDocs' config object that holds this build.
_ON_CONFIG = BUILD_ATTRIBUTE
#: The builds of the languages whose build runs the current one (mkdocs-static-i18n), innermost last.
_OUTER_BUILDS = "clinic_kit_outer_builds"
#: Patients' words of every language built so far, by search index location.
_SEARCH_WORDS = "clinic_kit_search_words"


def project_file(config: MkDocsConfig, name: str) -> Path:
    """Data files sit beside mkdocs.yml, so a fixture site can bring its own."""
    return Path(config.config_file_path).parent / name


def _stops_reported(event: Callable[Concatenate[SiteBuild, P], R]) -> Callable[Concatenate[SiteBuild, P], R]:
    """A build event whose bad input (a page, a data file, a setting) is reported as a finding before the build stops."""

    @functools.wraps(event)
    def reported(build: SiteBuild, *args: P.args, **kwargs: P.kwargs) -> R:
        with stops_reported(build.reporter):
            return event(build, *args, **kwargs)

    return reported


@dataclass
class SiteBuild:
    """Everything one build knows: the project (data, settings, reporter), the pages, the brochure."""

    project: Project
    brochure: BrochureBuild
    table: readability.ReadabilityTable
    github: list[GitHubSink]  # in GitHub Actions: annotations and the run's summary (kit/report/github.py)
    pages: dict[str, SourcePage] = field(default_factory=dict)  # by src_uri, read once in `read_pages`
    # Patients' words by search index location (`aftercare/#section`), from terminology.yml.
    search_words: dict[str, list[str]] = field(default_factory=dict)
    languages: SiteLanguages | None = None  # the site's languages and the one this build makes (kit/data/languages.py)
    versions: VersionState | None = None  # the version this build's health content is (kit/release), from `read_pages`
    docs_dir: Path = Path("docs")
    use_directory_urls: bool = True
    generated: frozenset[str] = GENERATED_PAGES  # the pages the kit makes in this language (the glossary, when it has terms)

    @classmethod
    def start(cls, config: MkDocsConfig, command: str) -> SiteBuild:
        """Read the data files and settings, give templates the clinic's details, and keep the build on `config`.

        A wrong value in a data file or a setting is reported like every finding, then stops the build.
        """
        github = github_sinks()
        reporter = Reporter(sinks=[LogSink(), *github])
        with stops_reported(reporter):
            return cls._started(config, command, reporter, github)

    @classmethod
    def _started(cls, config: MkDocsConfig, command: str, reporter: Reporter, github: list[GitHubSink]) -> SiteBuild:
        refuse_links_out_of(Path(config.docs_dir), Path(config.config_file_path).parent)  # before MkDocs walks docs/
        languages = SiteLanguages.of(config)
        restore_between_builds(config, KIT_EXTRA)
        language = languages.current
        project = Project.load(Path(config.config_file_path), config.extra, language, reporter, config.site_url or "")
        # The glossary exists in a language whose terms have definitions there (terminology.yml's `es:` blocks).
        # The About page is made in every language; the glossary in those whose terminology has terms.
        generated = (GENERATED_PAGES if project.terminology.glossary else frozenset()) | {ABOUT_FILE}
        configure_language(config, languages, generated)
        clinic = project.clinic
        config.extra["clinic"] = clinic.as_dict()
        config.extra["clinic"]["demo_text"] = strings(language)["demo"]  # the demonstration notice and cover line
        config.extra["clinic"]["logo_size"] = image_size(Path(config.docs_dir) / clinic.logo)
        text = strings(project.settings.language)
        config.extra["site_text"] = {  # the words of overrides/ templates
            **text["site"],
            "contact": text["contact"],
            "translation": text["translation"],
            "formats": text["formats"],
        }
        if isinstance(config.mdx_configs.get("toc"), dict):  # Material titles the page's contents with it, in every language
            config.mdx_configs["toc"]["title"] = text["site"]["toc_title"]
            config.mdx_configs["toc"]["permalink_title"] = text["site"]["permalink_title"]  # each heading's ¶ link
        config.copyright = as_text(f"© {clinic.name}")  # Material prints it as it is: escaped here
        config.theme["logo"] = clinic.logo
        brochure = BrochureBuild(command)
        brochure.configure(config, clinic, languages.folder)
        table = readability.ReadabilityTable(project.settings.max_grade, readability.formula_name(project.settings.language, project.root))
        build = cls(
            project, brochure, table, github, languages=languages, use_directory_urls=config.use_directory_urls, generated=generated
        )
        outer: list[SiteBuild] = getattr(config, _OUTER_BUILDS, [])
        if isinstance(running := getattr(config, _ON_CONFIG, None), SiteBuild):
            outer.append(running)  # mkdocs-static-i18n builds the next language inside the first one's last event
        setattr(config, _OUTER_BUILDS, outer)
        build.docs_dir = Path(config.docs_dir)
        setattr(config, _ON_CONFIG, build)
        project.check_data_files()
        project.reporter.report(missing_logo(clinic, Path(config.docs_dir)))
        return build

    @classmethod
    def of(cls, config: MkDocsConfig) -> SiteBuild:
        """The build `start` made for this config."""
        build = getattr(config, _ON_CONFIG, None)
        if not isinstance(build, cls):
            raise RuntimeError("The clinic kit's build was not started: hooks.py must run `SiteBuild.start` in on_config")
        return build

    @property
    def reporter(self) -> Reporter:
        return self.project.reporter

    @_stops_reported
    def read_pages(self, files: Files) -> None:
        """Read every page file once, before MkDocs does: a page that is not UTF-8 stops the build here.

        Then the version this content is (kit/release): a live site refuses health content no version records.
        """
        for file in files.documentation_pages():
            if file.abs_src_path is not None:
                self.pages[file.src_uri] = self.project.read_page(Path(file.abs_src_path), file.src_uri)
        project = self.project
        index = load_releases(project.root)
        # Every language's pages are the health content (a translated page too), whichever language this build makes:
        # the pages of other languages are read here (a site in one language reads nothing more).
        every_page = [
            self.pages.get(name) or project.read_page(path, name)
            for path in sorted(self.docs_dir.rglob("*.md"))
            if not (name := path.relative_to(self.docs_dir).as_posix()).startswith(".")
        ]
        # The glossary as `make release` fingerprints it (terminology.yml's own definitions), whichever language this build makes.
        parts = health_content(every_page, load_terminology(project.terminology.source).glossary)
        self.versions = version_state(index, read_codes(project.clinic.source), every_page, parts, project.settings.today)
        policy = unreleased_policy(self.brochure.command)
        self.reporter.report(unreleased_findings(self.versions, project.clinic, self.docs_dir, policy))
        if self.versions.release is not None:
            self.reporter.note("release", f"The health content is version {self.versions.release.version}: pages and PDFs say so.")
        else:
            latest = self.versions.latest
            since = f"has changed since version {latest.version}" if latest else "has no released version yet"
            self.reporter.note("release", f"The health content {since}: pages and PDFs say they are a draft and claim no version.")

    @_stops_reported
    def add_archive(self, files: Files, config: MkDocsConfig) -> None:
        """archive/ and archive/v<N>/: every released version, and its PDFs byte for byte."""
        if self.versions is not None and not (self.languages and self.languages.folder):  # the default language's build
            archive.add_archive(files, config, self.versions.index, self.project.settings.language)

    def version_line(self, src_uri: str, url: str) -> VersionLine | None:
        """A health page's version line: the codes of the documents it is printed in, and the version (or draft)."""
        versions = self.versions
        if versions is None or src_uri not in versions.parts:
            return None
        codes = versions.codes.brochure
        settings = self.brochure.settings
        if settings is not None and settings.handout_page == src_uri:
            codes += ", " + versions.codes.handout
        return versions.version_line(codes, relative_url(archive.index_url(self.use_directory_urls), url))

    def source_of(self, page: Page) -> str | None:
        """The page file's text, for MkDocs instead of a second read (None: MkDocs reads it itself)."""
        source = self.pages.get(page.file.src_uri)
        return source.text if source is not None else None

    @_stops_reported
    def add_glossary(self, files: Files, config: MkDocsConfig) -> None:
        folder = self.languages.folder if self.languages else ""
        glossary.add_glossary_page(files, config, self.project.terminology.glossary, self.project.settings.language, folder)

    @_stops_reported
    def add_about(self, files: Files, config: MkDocsConfig) -> None:
        """The generated "About this information" page, from the pages read in `read_pages` (kit/web/about.py)."""
        large_print = self.brochure.settings is not None and self.brochure.settings.render_pdf
        folder = self.languages.folder if self.languages else ""
        settings = self.project.settings
        about.add_about_page(files, config, self.project.clinic, self.pages.values(), settings.language, large_print, folder)

    @_stops_reported
    def check_nav(self, nav: Navigation) -> None:
        self.brochure.check_nav(nav)

    @_stops_reported
    def check_page(self, page: Page) -> None:
        """Every per-page check on the page as its editor wrote it (generated pages have no file to check)."""
        source = self.pages.get(page.file.src_uri)
        # Material prints the front matter's title and description into the page as they are (no autoescaping).
        for key in PRINTED_META:
            if key in page.meta:
                page.meta[key] = as_text(page.meta[key])
        if source is not None:
            self.project.check_page(source)
            if source.key_points is not None:
                page.meta["key_points"] = [bullet.text for bullet in source.key_points.bullets]
            # The home page's topic cards (overrides/home.html) show each page's first Key point; a page
            # without Key points (a clinic's prices or opening times) shows its description instead.
            if card_line := (page.meta.get("key_points") or [source.front.text("description")])[0]:
                page.meta["card_line"] = card_line
            if source.translation is not None and not source.translation.up_to_date:
                page.meta["stale_translation"] = self._stale_notice(source.translation, page)

    def _stale_notice(self, translation: Translation, page: Page) -> dict[str, str]:
        """For the notice at the top of a translation whose original changed: when it changed, and the link to it."""
        changed = changed_on(translation.original, self.project.settings.today)
        original = page_url(translation.original.name, self.use_directory_urls)
        return {
            "date": human_date(changed, self.project.settings.language),
            "iso": changed.isoformat(),
            "url": relative_url(original, page.url),
            "lang": self.languages.default if self.languages else "en",
        }

    def finish_html(self, html: str, page: Page) -> str:
        """Measure the page's reading grade (without what the kit added); give the page head its structured data.

        The kit's additions inside the page (checkbox names, glossary tooltips,
        contact, review line, disclaimer) are made by kit/web/markdown_ext.py, which
        every builder runs, not here.
        """
        source = self.pages.get(page.file.src_uri)
        page_review = source.review if source is not None else None
        health_page = page.meta.get("health_page") is not False  # the generated glossary is one (it explains health words)
        if source is not None and source.is_health_page:
            language = page_language(
                page.file.src_uri, wording_language(self.project.settings.language, self.project.root), self.project.root
            )
            self.table.rows.append(
                readability.measure(page.file.src_uri, without_additions(html), source.key_points, language, self.project.root)
            )
        dates = self.versions.page_dates(page.file.src_uri) if self.versions is not None else None
        release = self.versions.release if self.versions is not None else None
        page.meta["structured_data"] = script_json(
            medical_web_page(
                url=page.canonical_url or "",
                title=plain(page.title),
                description=plain(page.meta.get("description")),
                review=page_review,
                clinic=self.project.clinic,
                health_page=health_page,
                language=self.project.settings.language,
                version=(release.version, *dates) if release is not None and dates is not None else None,
                sources=source.sources if source is not None else (),
            )
        )
        return html

    def set_alternates(self, page: Page, config: MkDocsConfig) -> None:
        """This page's language switcher (Material's `extra.alternate`, also its hreflang links); one language: none."""
        site = self.languages
        if site is None or len(site.languages) < 2:
            return
        words = {language.code: strings(language.code)["translation"]["not_translated"] for language in site.languages}
        entries = alternates(source_name(page.file.src_uri), site, config, self.generated, words)
        switcher = [entry.as_dict() for entry in entries]
        # mkdocs-static-i18n sets `alternate` as an attribute, which templates read before the mapping's item. Material
        # writes it into the page head as <link rel="alternate">, and its script then downloads sitemap.xml once per
        # language on every page view (two requests a phone does not have): the head stays without them (sitemap.xml
        # carries each page's hreflang alternates) and the switcher reads the kit's own entries.
        for key, value in (("language_switcher", switcher), ("alternate", [])):
            config.extra[key] = value
            setattr(config.extra, key, value)

    def finish_page(self, html: str) -> str:
        """A translated page's search reads its own language's index (kit/data/languages.py)."""
        return search_root(html, self.languages) if self.languages is not None else html

    def not_found_page(self, template: str, html: str, config: MkDocsConfig) -> str:
        if template != "404.html" or self.languages is None:
            return html
        return not_found_page(config, self.languages, html)

    @_stops_reported
    def add_cover_facts(self, config: MkDocsConfig) -> None:
        self.brochure.add_cover_facts(config, [page.review for page in self.pages.values()], self.versions)

    @_stops_reported
    def locate_patient_words(self, files: Files) -> None:
        """Every page is rendered: check that each patient word's page and heading exist."""
        terminology = self.project.terminology
        self.search_words = patient_words.search_locations(terminology.patient_words, files, terminology.source)

    def add_patient_words_to_search(self, config: MkDocsConfig) -> None:
        """The search plugin has written its index: add the patients' words to their pages and sections.

        A site in several languages has one index, which mkdocs-static-i18n rewrites once every
        language is built: each language's words are kept for `index_each_language`, at the end.
        """
        words = self.search_words
        setattr(config, _SEARCH_WORDS, {**getattr(config, _SEARCH_WORDS, {}), **words})
        for location in patient_words.add_to_search_index(Path(config.site_dir), words):
            self.reporter.report(
                [
                    Finding.at(
                        "warning",
                        "search.patient-words",
                        self.project.terminology.source,
                        1,
                        1,
                        f"The search index has no entry {location!r} for the patient words {words[location]}",
                        "Check the `page:` of these words under `patient_words`",
                    )
                ]
            )

    def index_each_language(self, config: MkDocsConfig) -> None:
        """Every language's patient words into the shared index mkdocs-static-i18n wrote, then one index per language."""
        assert self.languages is not None
        site_dir = Path(config.site_dir)
        # Each language's build has reported its words' missing pages already (add_patient_words_to_search).
        patient_words.add_to_search_index(site_dir, getattr(config, _SEARCH_WORDS, {}))
        split_search_index(site_dir, self.languages)

    @_stops_reported
    def finish(self, config: MkDocsConfig) -> None:
        """Patients' words into the search index (the search plugin has written it), the PDFs (print-site
        has written the print page) unless the checks failed, then the editor's summaries."""
        self.add_patient_words_to_search(config)
        if self.languages is not None and len(self.languages.languages) > 1 and self.languages.is_default:
            # mkdocs-static-i18n rewrites the index of every language after this event: split it at the very end.
            at_end(functools.partial(self.index_each_language, config))
        if config.strict and (failures := strict_failures()):
            self.reporter.note(
                "brochure",
                f"The PDFs were not made: this strict build stops with {failures} problem(s) above, "
                "and the site that is online stays as it is. Fix them, then build again.",
            )
        else:
            self.brochure.write_pdfs(config, self.reporter)
            self.write_release_manifest()
        unlink_print_page_dead_anchors(Path(config.site_dir))
        self.project.summarise()
        for line in self.table.lines():
            self.reporter.note("readability", line)
        for sink in self.github:
            for table in self.summary_tables():
                sink.add_table(table)
        self.reporter.close()
        # Another language's build (mkdocs-static-i18n runs it inside this one's) has ended: the outer build is current again.
        if outer := getattr(config, _OUTER_BUILDS, []):
            setattr(config, _ON_CONFIG, outer.pop())

    def write_release_manifest(self) -> None:
        """For `python -m kit.release`, which asked for it: the content this build released and each PDF it wrote."""
        manifest = os.environ.get(MANIFEST_VARIABLE)
        if manifest and self.versions is not None and self.versions.releasing:
            write_manifest(Path(manifest), self.versions, self.brochure.documents)

    def summary_tables(self) -> list[SummaryTable]:
        """For the run's summary page on GitHub: every page's review, the reading grades, the PDFs."""
        settings = self.project.settings
        reviews = []
        for _, page in sorted(self.pages.items()):
            if not page.is_health_page:
                reviews.append((f"`{display_path(page.path)}`", "", "", "", "no health information"))
                continue
            review = page.review
            status = review_status(review.next_review if review else None, settings.today, settings.review.notice_days)
            reviewer = (review.reviewer if review.reviewer_named else "") if review else ""
            dates = (review.reviewed.isoformat(), review.next_review.isoformat()) if review else ("", "")
            reviews.append((f"`{display_path(page.path)}`", *dates, reviewer, STATUS_WORDS[status]))
        grades = [
            (
                row.page,
                row.words,
                "" if row.key_points_grade is None else f"{row.key_points_grade:.1f}",
                "" if row.page_grade is None else f"{row.page_grade:.1f}",
            )
            for row in self.table.rows
        ]
        pdfs = [(name, pages) for name, pages in self.brochure.written]
        return [
            SummaryTable(
                "Review status",
                ("page", "reviewed", "next review", "reviewer", "status"),
                reviews,
                "This site is a demonstration (`mode: demo`): no page claims a review." if self.project.clinic.demo else "",
            ),
            SummaryTable(
                "Reading grades",
                ("page", "words", "key points", "whole page"),
                grades,
                f"US school grades ({self.table.formula}); Key points and checklist steps must be at {self.table.max_grade:g} or below.",
            ),
            SummaryTable("PDFs", ("file", "pages"), pdfs, "" if pdfs else "No PDF was made in this build."),
            *kept_claims_summary((page for _, page in sorted(self.pages.items())), self.project),
        ]


def strict_failures() -> int:
    """Errors and warnings MkDocs counted so far in a strict build (its own, the plugins' and the kit's).

    MkDocs counts them with a handler on its logger and aborts only after the
    build's last event; the kit asks the same handler, so a build that will be
    thrown away skips the PDFs (the slowest part of a build).
    """
    return sum(
        count
        for handler in logging.getLogger("mkdocs").handlers
        if isinstance(handler, CountHandler)
        for level, count in handler.get_counts()
        if level in ("ERROR", "WARNING")
    )


def unlink_print_page_dead_anchors(site_dir: Path) -> None:
    """The published print page without links to anchors it lacks (kit/brochure/document.py), as its PDFs have it."""
    for page in (site_dir / "print_page" / "index.html", site_dir / "print_page.html"):
        if page.is_file():
            html = page.read_text(encoding="utf-8")
            if (unlinked := unlink_missing_anchors(html)) != html:
                page.write_text(unlinked, encoding="utf-8")
