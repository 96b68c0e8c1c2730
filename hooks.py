"""Build events of the clinic's patient site, in the order MkDocs runs them.

This file is the switchboard: each event hands its work to a small module in
`kit/`. MkDocs imports it once per `mkdocs serve`, so data files are re-read in
`on_config` (which runs on every rebuild) and watched in `on_serve`.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from kit.accessibility import label_task_list_checkboxes
from kit.clinic import load_clinic
from kit.pages import check_pages_are_utf8
from kit.pageweight import drop_print_only_assets



def project_file(config: MkDocsConfig, name: str) -> Path:
    """Data files sit beside mkdocs.yml, so a fixture site can bring its own."""
    return Path(config.config_file_path).parent / name


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Read the clinic's details so every template and page can use them."""
    clinic = load_clinic(project_file(config, "clinic.yml"))
    config.extra["clinic"] = clinic.as_dict()
    config.copyright = f"© {clinic.name}"
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Refuse pages MkDocs would crash on, before anything is written."""
    check_pages_are_utf8(files)
    return files


# Before the print-site plugin copies each page's HTML into the print page.
@event_priority(50)
def on_page_content(html: str, page, config: MkDocsConfig, files: Files) -> str:
    """Name every checklist checkbox by its item's text, for screen readers."""
    return label_task_list_checkboxes(html)


def on_post_page(output: str, page, config: MkDocsConfig) -> str:
    """Keep the print page's stylesheets and script off ordinary pages (fewer requests on phones)."""
    return drop_print_only_assets(output, page)


def on_serve(server, config: MkDocsConfig, builder) -> None:
    """Rebuild the live preview when the clinic's data files change."""
    server.watch(str(project_file(config, "clinic.yml")))
