"""Build events of the clinic's patient site, in the order MkDocs runs them.

This file is the switchboard: each event hands its work to a small module in
`kit/`. MkDocs imports it once per `mkdocs serve`, so data files are re-read in
`on_config` (which runs on every rebuild) and watched in `on_serve`.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation

from kit.brochure.build import BrochureBuild
from kit.clinic import load_clinic
from kit.pages import check_pages_are_utf8

brochure = BrochureBuild()


def project_file(config: MkDocsConfig, name: str) -> Path:
    """Data files sit beside mkdocs.yml, so a fixture site can bring its own."""
    return Path(config.config_file_path).parent / name


def on_startup(command: str, dirty: bool) -> None:
    """Remember whether this is `mkdocs serve`: its previews skip the PDFs to stay fast."""
    brochure.command = command


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Read the clinic's details so every template and page can use them."""
    clinic = load_clinic(project_file(config, "clinic.yml"))
    config.extra["clinic"] = clinic.as_dict()
    config.copyright = f"© {clinic.name}"
    brochure.configure(config)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Refuse pages MkDocs would crash on, before anything is written."""
    check_pages_are_utf8(files)
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """Check the brochure's handout page is in the nav before any page is built."""
    brochure.check_nav(nav)
    return nav


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Every page's front matter is read by now: date the brochure's cover."""
    brochure.add_cover_facts(config)
    return env


def on_post_build(config: MkDocsConfig) -> None:
    """print-site has written the print page (it runs before hooks): print it to PDF."""
    brochure.write_pdfs(config)


def on_serve(server, config: MkDocsConfig, builder) -> None:
    """Rebuild the live preview when the clinic's data files change."""
    server.watch(str(project_file(config, "clinic.yml")))
    server.watch(str(project_file(config, "brochure")))
