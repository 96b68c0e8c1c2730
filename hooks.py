"""Build events of the clinic's patient site, in the order MkDocs runs them.

This file is the switchboard: each event hands its work to a small module in
`kit/`. MkDocs imports it once per `mkdocs serve`, so data files are re-read in
`on_config` (which runs on every rebuild) and watched in `on_serve`.
"""

from __future__ import annotations

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from kit.accessibility import name_search_dialog
from kit.brochure.build import BrochureBuild
from kit.pages import check_pages_are_utf8
from kit.pageweight import drop_print_only_assets
from kit.site_build import SiteBuild, project_file

site: SiteBuild  # this build's data and findings, made anew in on_config
brochure = BrochureBuild()


def on_startup(command: str, dirty: bool) -> None:
    """Remember whether this is `mkdocs serve`: its previews skip the PDFs to stay fast."""
    brochure.command = command


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Read clinic.yml, terminology.yml and the brochure settings; a mistake stops the build here."""
    global site
    site = SiteBuild.start(config)
    brochure.configure(config)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Refuse pages MkDocs would crash on, and add the glossary page."""
    check_pages_are_utf8(files)
    site.add_glossary(files, config)
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """Check the brochure's handout page is in the nav before any page is built."""
    brochure.check_nav(nav)
    return nav


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Check the page's wording, review dates and Key points in the file as its editor wrote it."""
    site.check_source(page, config)
    return markdown


@event_priority(50)  # before print-site keeps each page's HTML for the PDF
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Add glossary tooltips, the contact block, the review line and the disclaimer."""
    return site.finish_html(html, page, files)


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Every page is read and rendered by now: date the brochure's cover, find the patient words' sections."""
    brochure.add_cover_facts(config)
    site.locate_patient_words(files)
    return env


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Keep the print page's stylesheets and script off ordinary pages (fewer requests on phones); name the search dialog."""
    return name_search_dialog(drop_print_only_assets(output, page))


def on_post_build(config: MkDocsConfig) -> None:
    """Add patients' words to the search index (the search plugin's on_post_build wrote it), print the PDFs
    (print-site has written the print page), then the editor's summaries."""
    site.add_patient_words_to_search(config)
    brochure.write_pdfs(config)
    site.print_summaries()


def on_serve(server, config: MkDocsConfig, builder) -> None:
    """Rebuild the live preview when the clinic's data files or the brochure's files change."""
    for name in ("clinic.yml", "terminology.yml", "brochure"):
        server.watch(str(project_file(config, name)))
