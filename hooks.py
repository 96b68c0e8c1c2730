"""Build events of the clinic's patient site, in the order MkDocs runs them.

This file is the switchboard: each event hands its work to the build object
(kit/web/site_build.py), which `on_config` makes and keeps on MkDocs' config
object; every later event gets it back with `SiteBuild.of(config)`. Nothing
is kept here between events or builds: MkDocs imports this module once per
`mkdocs serve`, but makes a new config for every rebuild, so each rebuild
re-reads clinic.yml and terminology.yml (watched in `on_serve`).
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from kit.data.languages import refuse_language_material_lacks
from kit.web.accessibility import name_search_dialog
from kit.web.pageweight import drop_print_only_assets
from kit.web.session import finish_command, remember_command, started_command
from kit.web.site_build import SiteBuild, project_file


def on_startup(command: str, dirty: bool) -> None:
    """Remember whether this is `mkdocs serve`: its previews skip the PDFs to stay fast."""
    remember_command(command)


@event_priority(100)  # before Material's search plugin, which crashes with a traceback on a language it lacks
def _refuse_unknown_language(config: MkDocsConfig) -> MkDocsConfig:
    """A `theme.language` Material has no words for stops here, at its line in mkdocs.yml."""
    refuse_language_material_lacks(str(config.theme.get("language") or "en"), Path(config.config_file_path))
    return config


@event_priority(-110)  # after mkdocs-static-i18n (-100) has set this build's language (kit/data/languages.py)
def _start_build(config: MkDocsConfig) -> MkDocsConfig:
    """Read clinic.yml, terminology.yml and the settings into a new build; a mistake stops the build here."""
    SiteBuild.start(config, started_command())
    return config


on_config = CombinedEvent(_refuse_unknown_language, _start_build)


@event_priority(-110)  # after mkdocs-static-i18n has kept this language's pages only
def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Read every page once (refusing pages MkDocs would crash on; a live site's unreleased content), add the glossary,
    the archive and the "About this information" page."""
    build = SiteBuild.of(config)
    build.read_pages(files)
    build.add_glossary(files, config)
    build.add_archive(files, config)
    build.add_about(files, config)
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """Check the brochure's handout page is in the nav before any page is built."""
    SiteBuild.of(config).check_nav(nav)
    return nav


def on_page_read_source(page: Page, config: MkDocsConfig) -> str | None:
    """Give MkDocs the text read in on_files, so each page file is opened once per build."""
    return SiteBuild.of(config).source_of(page)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Run every per-page check (kit/checks/) on the file as its editor wrote it."""
    SiteBuild.of(config).check_page(page)
    return markdown


@event_priority(50)  # before print-site keeps each page's HTML for the PDF
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Measure reading grades and add structured data (kit/web/markdown_ext.py has added the page's foot and tooltips)."""
    return SiteBuild.of(config).finish_html(html, page)


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Every page is read and rendered by now: date the brochure's cover, find the patient words' sections."""
    build = SiteBuild.of(config)
    build.add_cover_facts(config)
    build.locate_patient_words(files)
    return env


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    """The language switcher and hreflang links: this page in each language, or a word that it is not translated yet."""
    SiteBuild.of(config).set_alternates(page, config)
    return context


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """One 404 page for the whole site, in its first language; each translation's in its folder."""
    return SiteBuild.of(config).not_found_page(template_name, output_content, config)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Keep the print page's stylesheets and script off ordinary pages (fewer requests on phones); name the search dialog;
    a translated page searches its own language's index."""
    return SiteBuild.of(config).finish_page(name_search_dialog(drop_print_only_assets(output, page)))


@event_priority(-50)  # after print-site has written the print page the PDFs are made from
def on_post_build(config: MkDocsConfig) -> None:
    """Patients' words into the search index, the PDFs, then the editor's summaries."""
    SiteBuild.of(config).finish(config)


def on_shutdown() -> None:
    """A site in several languages: each language's search index, once mkdocs-static-i18n has rewritten their shared one."""
    finish_command()


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder) -> LiveReloadServer:
    """Rebuild the live preview when the clinic's data files or the brochure's files change."""
    for name in ("clinic.yml", "terminology.yml", "claims.yml", "how-we-work.md", "brochure"):
        if project_file(config, name).exists():  # how-we-work.md is optional
            server.watch(str(project_file(config, name)))
    return server
