"""Build events of the clinic's patient site, in the order MkDocs runs them.

This file is the switchboard: each event hands its work to a small module in
`kit/`. MkDocs imports it once per `mkdocs serve`, so data files are re-read in
`on_config` (which runs on every rebuild) and watched in `on_serve`.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from kit.clinic import load_clinic
from kit.pages import check_pages_are_utf8



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


def on_serve(server, config: MkDocsConfig, builder) -> None:
    """Rebuild the live preview when the clinic's data files change."""
    server.watch(str(project_file(config, "clinic.yml")))
