"""The release index, archive/releases.yml, and the PDFs each version keeps in archive/v<N>/.

Released files live in the clinic's own repository, committed: the index (one
entry per version: number, date, note, reviewers, the fingerprint of its health
content, and each PDF with its SHA-256) and the PDFs byte for byte. A fresh
clone therefore republishes every past version exactly, and nothing depends on
the previous Pages deployment. PDFs are not rebuilt from old commits: a rebuild
is not byte-identical (the booklet's file identifier differs on every run, and
fonts, WeasyPrint and dates move), and the record must be the very file handed
over. Every build checks each archived file against its recorded SHA-256.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kit.data.yamlfile import YamlDocument, load_yaml
from kit.release.fingerprint import file_hash
from kit.report.findings import stop_at

#: Beside mkdocs.yml, docs/ and clinic.yml.
ARCHIVE = Path("archive")
INDEX_NAME = "releases.yml"
HEADER = """\
# Every released version of the site's health content, oldest first.
# Written by `make release NOTE="..."` and by Actions > Release a new version:
# never edit it by hand, and never change, rename or delete a file under archive/
# (each PDF's SHA-256 is recorded below; the build checks every one).
# EDITING.md, "Release a new version", says how to release.
"""


@dataclass(frozen=True)
class Document:
    """One PDF as it was released: what it is, its code, and its SHA-256."""

    file: str  # its name, in archive/v<N>/ and at the site's archive/v<N>/
    kind: str  # brochure, booklet, handout (a variant: brochure-large, ...)
    code: str  # the leaflet code it carries
    title: str  # the PDF's title
    paper: str  # A4, US Letter
    sha256: str

    @property
    def short_hash(self) -> str:
        """The first 16 hex digits: enough to tell two files apart, short enough to copy into the notes."""
        return self.sha256[:16]


@dataclass(frozen=True)
class Release:
    """One released version."""

    version: int
    date: dt.date
    note: str
    content: str  # the health content's fingerprint (kit/release/fingerprint.py)
    pages: Mapping[str, str]  # each health page's fingerprint, by its file under docs/
    reviewers: tuple[str, ...]
    documents: tuple[Document, ...] = ()

    @property
    def folder(self) -> str:
        """`v3`: its folder under archive/, and its address under the site's archive/."""
        return f"v{self.version}"

    @property
    def short_content(self) -> str:
        """The content fingerprint's first 12 hex digits, as the "Information given" box prints it."""
        return self.content[:12]

    def archive_url(self, site_url: str) -> str:
        """The absolute address of this version's archive page (archive/v<N>/), which its PDFs' QR code opens."""
        return f"{site_url.rstrip('/')}/{ARCHIVE.as_posix()}/{self.folder}/"


@dataclass(frozen=True)
class ReleaseIndex:
    """archive/releases.yml as read and checked; empty when the clinic has released nothing yet."""

    root: Path  # the project folder (mkdocs.yml's)
    releases: tuple[Release, ...] = ()
    document: YamlDocument | None = field(default=None, repr=False, compare=False)

    @property
    def path(self) -> Path:
        return self.root / ARCHIVE / INDEX_NAME

    @property
    def latest(self) -> Release | None:
        return self.releases[-1] if self.releases else None

    def folder(self, release: Release) -> Path:
        return self.root / ARCHIVE / release.folder

    def where(self, version: int, *keys: Any) -> tuple[int, int]:
        """Line and column of a release's entry (or one of its values) in releases.yml."""
        if self.document is None:
            return (1, 1)
        index = next((i for i, release in enumerate(self.releases) if release.version == version), 0)
        return self.document.where("releases", index, *keys)

    def next_version(self) -> int:
        return self.latest.version + 1 if self.latest else 1


def load_releases(root: Path, *, verify_files: bool = True) -> ReleaseIndex:
    """archive/releases.yml, checked; each archived PDF checked against its SHA-256 (no index: nothing released)."""
    path = root / ARCHIVE / INDEX_NAME
    if not path.is_file():
        return ReleaseIndex(root)
    document = load_yaml(path)
    data = document.data
    if not isinstance(data, dict) or not isinstance(data.get("releases"), list):
        raise document.error((), "releases.yml must start with `releases:` and list the versions under it", _RESTORE)
    releases = tuple(_release(document, index, entry) for index, entry in enumerate(data["releases"]))
    for index, release in enumerate(releases):
        if release.version != index + 1:
            raise document.error(
                ("releases", index, "version"), f"Version {release.version} is listed where version {index + 1} belongs", _RESTORE
            )
        if index and release.date < releases[index - 1].date:
            raise document.error(("releases", index, "date"), f"Version {release.version} is dated before version {index}", _RESTORE)
    checked = ReleaseIndex(root, releases, document)
    if verify_files:
        for release in releases:
            _verify_files(checked, release)
    return checked


_RESTORE = (
    "Restore archive/releases.yml from the repository's history (on GitHub: History > the last release); only `make release` writes it"
)


def _release(document: YamlDocument, index: int, entry: object) -> Release:
    at = ("releases", index)
    if not isinstance(entry, dict):
        raise document.error(at, "Each release must be `key: value` lines", _RESTORE)
    missing = [key for key in ("version", "date", "note", "content", "pages", "reviewers", "documents") if key not in entry]
    if missing:
        raise document.error(at, f"This release has no `{missing[0]}`", _RESTORE)
    version, date = entry["version"], entry["date"]
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise document.error((*at, "version"), f"`version: {version}` is not a whole number from 1", _RESTORE)
    if not isinstance(date, dt.date):
        raise document.error((*at, "date"), f"`date: {date}` is not a date (YYYY-MM-DD)", _RESTORE)
    pages, documents = entry["pages"] or {}, entry["documents"] or []
    if not isinstance(pages, dict) or not isinstance(documents, list) or not isinstance(entry["reviewers"] or [], list):
        raise document.error(at, "`pages` must be `file: hash` lines, `reviewers` and `documents` lists", _RESTORE)
    return Release(
        version=version,
        date=date,
        note=str(entry["note"] or ""),
        content=str(entry["content"]),
        pages={str(name): str(digest) for name, digest in pages.items()},
        reviewers=tuple(str(name) for name in entry["reviewers"] or []),
        documents=tuple(_document(document, (*at, "documents", number), item) for number, item in enumerate(documents)),
    )


def _document(document: YamlDocument, at: tuple[Any, ...], item: object) -> Document:
    keys = ("file", "kind", "code", "title", "paper", "sha256")
    if not isinstance(item, dict) or any(key not in item for key in keys):
        raise document.error(at, "Each document must have " + ", ".join(f"`{key}`" for key in keys), _RESTORE)
    file = str(item["file"])
    if "\\" in file or file.startswith(("/", ".")) or ".." in file.split("/"):
        raise document.error((*at, "file"), f"`{file}` is not a file in the version's folder", _RESTORE)
    return Document(**{key: str(item[key]) for key in keys})


def _verify_files(index: ReleaseIndex, release: Release) -> None:
    """Every PDF the index lists is in archive/v<N>/, unchanged: the archive serves what patients were given."""
    for number, document in enumerate(release.documents):
        path = index.folder(release) / document.file
        line, column = index.where(release.version, "documents", number, "sha256")
        if not path.is_file():
            raise stop_at(
                index.path,
                line,
                column,
                f"Version {release.version}'s {document.file} is not in archive/{release.folder}/, so the archive cannot serve it",
                "Restore the file from the repository's history (it was committed with the release); never delete released files",
            )
        if (actual := file_hash(path)) != document.sha256:
            raise stop_at(
                index.path,
                line,
                column,
                f"archive/{release.folder}/{document.file} is not the file version {release.version} released: its SHA-256 is "
                f"{actual}, the release recorded {document.sha256}",
                "Restore the released file from the repository's history (`git checkout <release commit> -- "
                f"archive/{release.folder}/{document.file}`); a released version is never changed, release a new one instead",
            )


def save_releases(index: ReleaseIndex, releases: tuple[Release, ...]) -> None:
    """Write releases.yml whole, through a temporary file: it is either the old index or the new one, never half."""
    data = {"releases": [_as_data(release) for release in releases]}
    text = HEADER + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000)
    index.path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=index.path.parent, prefix=".releases-", suffix=".yml")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        os.replace(temporary, index.path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _as_data(release: Release) -> dict[str, object]:
    return {
        "version": release.version,
        "date": release.date,
        "note": release.note,
        "content": release.content,
        "reviewers": list(release.reviewers),
        "pages": dict(release.pages),
        "documents": [
            {"file": d.file, "kind": d.kind, "code": d.code, "title": d.title, "paper": d.paper, "sha256": d.sha256}
            for d in release.documents
        ],
    }
