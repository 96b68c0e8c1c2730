"""The archive pages: archive/ lists every released version, archive/v<N>/ serves one version's PDFs byte for byte.

The build makes them on every run from archive/releases.yml and the PDFs kept
beside it (kit/release/records.py), so a fresh clone publishes the same archive
and nothing depends on the previous deployment. The PDFs are handed to MkDocs
as files to copy, unchanged; the pages are generated Markdown pages outside the
navigation (no menu entry, not in the brochure), left out of search, and with
no health content of their own (no review line, no disclaimer).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from kit.data.patient_text import human_date, render, strings
from kit.release.records import ARCHIVE, ReleaseIndex
from kit.report.findings import stop_at

FOLDER = ARCHIVE.as_posix()  # the archive's address under the site: archive/


def index_url(use_directory_urls: bool) -> str:
    """The archive page's address: archive/ (or archive/index.html)."""
    return f"{FOLDER}/" if use_directory_urls else f"{FOLDER}/index.html"


def add_archive(files: Files, config: MkDocsConfig, index: ReleaseIndex, language: str) -> None:
    """The archive's pages and PDFs, when at least one version has been released."""
    if not index.releases:
        return
    for file in files:
        if file.src_uri.startswith(FOLDER + "/"):
            raise stop_at(
                Path(config.docs_dir) / file.src_uri,
                1,
                1,
                f"The kit publishes the released versions at {FOLDER}/, so this file in docs/{FOLDER}/ is in its way",
                f"Move or rename docs/{FOLDER}/ (the releases themselves live in {FOLDER}/ beside docs/)",
            )
    page = "" if config.use_directory_urls else "index.html"
    words = strings(language)["version"]
    newest_first = list(reversed(index.releases))
    listing = render("archive-index.html", language, releases=newest_first, page=page)
    files.append(_page(config, f"{FOLDER}/index.md", words["archive_title"], words["archive_description"], listing))
    current = index.releases[-1]
    for release in index.releases:
        date = human_date(release.date, language)
        body = render("archive-version.html", language, release=release, current=current, page=page)
        title = words["version_title"].format(version=release.version, date=date)
        description = words["version_description"].format(version=release.version, date=date)
        files.append(_page(config, f"{FOLDER}/{release.folder}/index.md", title, description, body))
        for document in release.documents:
            source = index.folder(release) / document.file
            files.append(File.generated(config, f"{FOLDER}/{release.folder}/{document.file}", abs_src_path=str(source)))


def _page(config: MkDocsConfig, src_uri: str, title: str, description: str, html: str) -> File:
    """A generated page outside the navigation, excluded from search, with no health content of its own."""
    text = (
        "---\n"
        f"title: {_yaml_text(title)}\n"
        f"description: {_yaml_text(description)}\n"
        "health_page: false\n"
        "downloads: false\n"  # the current PDFs' links (overrides/partials/brochure-download.html): each version links its own
        "search:\n  exclude: true\n"
        "---\n\n"
        f"# {title}\n\n"
        f'<div class="archive">\n{html}\n</div>\n'
    )
    return File.generated(config, src_uri, content=text, inclusion=InclusionLevel.NOT_IN_NAV)


def _yaml_text(text: str) -> str:
    """A one-line YAML string, quoted."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
