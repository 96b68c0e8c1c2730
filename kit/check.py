"""`python -m kit check [pages]`: every source check, without MkDocs or any other builder.

The pre-commit hook and the Pages workflow's own step run it, so no builder
can skip the checks (a builder that ignores hooks.py would publish unchecked
pages). It reads the same files the build reads (mkdocs.yml, clinic.yml,
terminology.yml, docs/), makes the same page models and runs the same checks
(kit/checks/) through the same reporter, so the messages are the build's.
Exit status: 0 clean (suggestions only), 1 errors or warnings, 2 unusable input.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from kit.brochure.settings import check_handout_in_nav
from kit.brochure.settings import settings_from as brochure_settings
from kit.data.clinic import missing_logo
from kit.data.languages import refuse_language_material_lacks
from kit.data.safety import refuse_links_out_of
from kit.data.yamlfile import invalid_yaml, not_utf8
from kit.pages.sourcepage import SourcePage
from kit.project import Project
from kit.report.findings import PrintSink, Reporter, Sink, StopBuild, stop_at, stops_reported
from kit.report.github import github_sinks


class _AnyTagLoader(yaml.SafeLoader):
    """Reads mkdocs.yml's plain settings; tags for MkDocs (`!ENV`, `!!python/name:`) become None."""


_AnyTagLoader.add_multi_constructor("", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class MkDocsSettings:
    """What the checks need from mkdocs.yml, read as the build would read it."""

    extra: dict
    language: str  # theme.language
    docs_dir: Path
    site_url: str
    site_name: str
    plugins: list[str]  # the names listed under `plugins:`
    nav_pages: list[str]  # the page files `nav:` lists, in order ([] without a nav: every page is in it)


def read_mkdocs_settings(config_file: Path) -> MkDocsSettings:
    """mkdocs.yml's settings; a file that cannot be read stops the check at its line."""
    try:
        data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_AnyTagLoader) or {}
    except FileNotFoundError:
        raise stop_at(config_file, 1, 1, "There is no mkdocs.yml here", "Run the check in its folder, or pass --config-file") from None
    except UnicodeDecodeError as err:
        raise not_utf8(config_file, err) from None
    except yaml.MarkedYAMLError as err:
        raise invalid_yaml(config_file, err) from None
    if not isinstance(data, dict):
        raise stop_at(config_file, 1, 1, "mkdocs.yml must be `name: value` lines", "Compare it with the kit's own mkdocs.yml")
    extra = data.get("extra")
    theme = data.get("theme")
    theme = theme if isinstance(theme, dict) else {}
    plugins = data.get("plugins") or []
    return MkDocsSettings(
        extra=extra if isinstance(extra, dict) else {},
        language=str(theme.get("language") or "en"),
        docs_dir=config_file.parent / str(data.get("docs_dir") or "docs"),
        site_url=str(data.get("site_url") or ""),
        site_name=str(data.get("site_name") or ""),
        plugins=[name for entry in plugins for name in (entry if isinstance(entry, dict) else [entry])],
        nav_pages=list(_nav_files(data.get("nav"))),
    )


def _nav_files(nav: object) -> Iterator[str]:
    """The `.md` files of a `nav:` (titled or not, in sections), skipping links to other sites."""
    if isinstance(nav, str) and nav.endswith(".md") and "://" not in nav:
        yield nav
    elif isinstance(nav, list):
        for item in nav:
            yield from _nav_files(item)
    elif isinstance(nav, dict):
        for value in nav.values():
            yield from _nav_files(value)


def pages_to_check(paths: Sequence[Path], docs_dir: Path) -> list[tuple[Path, str]]:
    """Each Markdown page named (a folder: every page in it), with its name under docs/."""
    pages: list[tuple[Path, str]] = []
    for path in paths or [docs_dir]:
        files = sorted(path.rglob("*.md")) if path.is_dir() else [path]
        for file in files:
            try:
                src_uri = file.resolve().relative_to(docs_dir.resolve()).as_posix()
            except ValueError:
                src_uri = file.as_posix()
            pages.append((file, src_uri))
    return pages


def run(paths: Sequence[Path], config_file: Path, sinks: list[Sink]) -> Reporter:
    """Load the project, check every page, report through the sinks.

    Unusable input (mkdocs.yml, a data file, a page) is reported as a finding
    through the same sinks, then raises StopBuild.
    """
    reporter = Reporter(sinks=sinks)
    with stops_reported(reporter):
        mkdocs = read_mkdocs_settings(config_file)
        refuse_links_out_of(mkdocs.docs_dir, config_file.parent)
        refuse_language_material_lacks(mkdocs.language, config_file)
        project = Project.load(config_file, mkdocs.extra, mkdocs.language, reporter, mkdocs.site_url)
        brochure = brochure_settings(
            mkdocs.extra.get("brochure"), config_file, mkdocs.plugins, (mkdocs.site_url, mkdocs.site_name), "check"
        )
        if brochure is not None:  # as the build refuses it: the handout's page must be in the nav
            check_handout_in_nav(brochure, mkdocs.nav_pages or [src_uri for _, src_uri in pages_to_check([], mkdocs.docs_dir)])
        project.check_data_files()
        reporter.report(missing_logo(project.clinic, mkdocs.docs_dir))
        for path, src_uri in pages_to_check(paths, mkdocs.docs_dir):
            page: SourcePage = project.read_page(path, src_uri)
            project.check_page(page)
    project.summarise()
    reporter.close()
    return reporter


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m kit check", description="Check the pages' wording, review dates, reading grades and descriptions."
    )
    parser.add_argument("pages", nargs="*", type=Path, help="Markdown pages or folders to check (default: the docs folder)")
    parser.add_argument("--config-file", "-f", type=Path, default=Path("mkdocs.yml"), help="the site's mkdocs.yml (default: mkdocs.yml)")
    options = parser.parse_args(argv)
    try:
        reporter = run(options.pages, options.config_file, [PrintSink(), *github_sinks("Checks of the pages (python -m kit check)")])
    except StopBuild as problem:
        print(f"ERROR   -  {problem}", file=sys.stderr)
        return 2
    return 1 if reporter.failed else 0
