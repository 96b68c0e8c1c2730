"""Build events of the clinic's patient site, in the order MkDocs runs them.

This file is the switchboard: each event hands its work to a small module in
`kit/`. MkDocs imports it once per `mkdocs serve`, so data files are re-read in
`on_config` (which runs on every rebuild) and watched in `on_serve`.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from kit.clinic import load_clinic
from kit.pages import check_pages_are_utf8
from kit.termcheck import WordingCheck, log_findings, log_summary, start_wording_check

# This build's wording check (None when switched off for a benchmark).
wording: WordingCheck | None = None


def project_file(config: MkDocsConfig, name: str) -> Path:
    """Data files sit beside mkdocs.yml, so a fixture site can bring its own."""
    return Path(config.config_file_path).parent / name


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Read the clinic's details and wording rules: on every build, so `mkdocs serve` sees edits."""
    global wording
    clinic = load_clinic(project_file(config, "clinic.yml"))
    config.extra["clinic"] = clinic.as_dict()
    config.copyright = f"© {clinic.name}"
    wording = start_wording_check(project_file(config, "terminology.yml"))
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Refuse pages MkDocs would crash on, before anything is written."""
    check_pages_are_utf8(files)
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Check the wording of the page's file as the editor wrote it (front matter counted in line numbers)."""
    if wording is not None and page.file.generated_by is None:
        log_findings(wording.check(page.file.abs_src_path, page.file.content_string))
    return markdown


def on_post_build(config: MkDocsConfig) -> None:
    """One line for the editor: pages checked and findings by level."""
    if wording is not None:
        log_summary(wording)


def on_serve(server, config: MkDocsConfig, builder) -> None:
    """Rebuild the live preview when the clinic's data files change."""
    server.watch(str(project_file(config, "clinic.yml")))
    server.watch(str(project_file(config, "terminology.yml")))
