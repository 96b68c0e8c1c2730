"""One MkDocs build of the patient site: what it read, and the work it does on each page.

hooks.py forwards MkDocs' events here. `SiteBuild.start` runs in `on_config`
and keeps the new build on MkDocs' config object, where every later event
finds it with `SiteBuild.of(config)`. MkDocs makes a new config object for
every build, also for each rebuild of `mkdocs serve`, so a build's data can
never leak into the next one, edits to clinic.yml or terminology.yml are seen
without restarting the preview, and hooks.py needs no module state.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from kit import glossary, patient_words, readability
from kit.brochure.build import BrochureBuild
from kit.findings import Finding, LogSink, Reporter
from kit.imagesize import image_size
from kit.markdown_ext import without_additions
from kit.patient_text import strings
from kit.project import Project
from kit.sourcepage import SourcePage
from kit.structured_data import medical_web_page, script_json

#: The attribute of MkDocs' config object that holds this build.
_ON_CONFIG = "clinic_kit_build"


def project_file(config: MkDocsConfig, name: str) -> Path:
    """Data files sit beside mkdocs.yml, so a fixture site can bring its own."""
    return Path(config.config_file_path).parent / name


@dataclass
class SiteBuild:
    """Everything one build knows: the project (data, settings, reporter), the pages, the brochure."""

    project: Project
    brochure: BrochureBuild
    table: readability.ReadabilityTable
    pages: dict[str, SourcePage] = field(default_factory=dict)  # by src_uri, read once in `read_pages`
    # Patients' words by search index location (`aftercare/#section`), from terminology.yml.
    search_words: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def start(cls, config: MkDocsConfig, command: str) -> SiteBuild:
        """Read the data files and settings, give templates the clinic's details, and keep the build on `config`."""
        reporter = Reporter(sinks=[LogSink()])
        project = Project.load(Path(config.config_file_path), config.extra, config.theme.get("language") or "en", reporter)
        clinic = project.clinic
        config.extra["clinic"] = clinic.as_dict()
        config.extra["clinic"]["logo_size"] = image_size(Path(config.docs_dir) / clinic.logo)
        config.extra["site_text"] = strings(project.settings.language)["site"]  # the words of overrides/ templates
        config.copyright = f"© {clinic.name}"
        config.theme["logo"] = clinic.logo
        brochure = BrochureBuild(command)
        brochure.configure(config, clinic)
        build = cls(project, brochure, readability.ReadabilityTable(project.settings.max_grade))
        setattr(config, _ON_CONFIG, build)
        project.check_data_files()
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

    def read_pages(self, files: Files) -> None:
        """Read every page file once, before MkDocs does: a page that is not UTF-8 stops the build here."""
        for file in files.documentation_pages():
            if file.abs_src_path is not None:
                self.pages[file.src_uri] = self.project.read_page(Path(file.abs_src_path), file.src_uri)

    def source_of(self, page: Page) -> str | None:
        """The page file's text, for MkDocs instead of a second read (None: MkDocs reads it itself)."""
        source = self.pages.get(page.file.src_uri)
        return source.text if source is not None else None

    def add_glossary(self, files: Files, config: MkDocsConfig) -> None:
        glossary.add_glossary_page(files, config, self.project.terminology.glossary, self.project.settings.language)

    def check_nav(self, nav: Navigation) -> None:
        self.brochure.check_nav(nav)

    def check_page(self, page: Page) -> None:
        """Every per-page check on the page as its editor wrote it (generated pages have no file to check)."""
        source = self.pages.get(page.file.src_uri)
        if source is not None:
            self.project.check_page(source)
            if source.key_points is not None:
                # The home page's topic cards (overrides/home.html) show each page's first Key point.
                page.meta["key_points"] = [bullet.text for bullet in source.key_points.bullets]

    def finish_html(self, html: str, page: Page) -> str:
        """Measure the page's reading grade (without what the kit added); give the page head its structured data.

        The kit's additions inside the page (checkbox names, glossary tooltips,
        contact, review line, disclaimer) are made by kit/markdown_ext.py, which
        every builder runs, not here.
        """
        source = self.pages.get(page.file.src_uri)
        page_review = source.review if source is not None else None
        if source is not None and source.is_health_page:
            self.table.rows.append(readability.measure(page.file.src_uri, without_additions(html), source.key_points))
        page.meta["structured_data"] = script_json(
            medical_web_page(
                url=page.canonical_url or "",
                title=page.title or "",
                description=page.meta.get("description", ""),
                review=page_review,
                clinic=self.project.clinic,
                language=self.project.settings.language,
            )
        )
        return html

    def add_cover_facts(self, config: MkDocsConfig) -> None:
        self.brochure.add_cover_facts(config, [page.review for page in self.pages.values()])

    def locate_patient_words(self, files: Files) -> None:
        """Every page is rendered: check that each patient word's page and heading exist."""
        terminology = self.project.terminology
        self.search_words = patient_words.search_locations(terminology.patient_words, files, terminology.source)

    def add_patient_words_to_search(self, config: MkDocsConfig) -> None:
        """The search plugin has written its index: add the patients' words to their pages and sections."""
        for location in patient_words.add_to_search_index(Path(config.site_dir), self.search_words):
            self.reporter.report(
                [
                    Finding.at(
                        "warning",
                        "search.patient-words",
                        self.project.terminology.source,
                        1,
                        1,
                        f"The search index has no entry {location!r} for the patient words {self.search_words[location]}",
                        "Check the `page:` of these words under `patient_words`",
                    )
                ]
            )

    def finish(self, config: MkDocsConfig) -> None:
        """Patients' words into the search index (the search plugin has written it), the PDFs
        (print-site has written the print page), then the editor's summaries."""
        self.add_patient_words_to_search(config)
        self.brochure.write_pdfs(config, self.reporter)
        self.project.summarise()
        for line in self.table.lines():
            self.reporter.note("readability", line)
        self.reporter.close()
