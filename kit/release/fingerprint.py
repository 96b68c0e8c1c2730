"""The fingerprint of the health content: what a version number stands for.

A version is the health pages' source text as the editors wrote it (front
matter included: the review dates and reviewer are part of what the page tells
patients) and the glossary definitions of terminology.yml (patients read them
on the glossary page and in the pages' tooltips). Pages with `health_page:
false` (prices, opening times), clinic.yml, the theme and the kit's own code are
not: a new phone number needs no new version. Line endings are read as `\\n`,
so a checkout on Windows has the same fingerprint.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from pathlib import Path

from kit.data.clinic import Clinic
from kit.pages.sourcepage import SourcePage, read_page
from kit.wording.terminology import Term

#: The glossary's entry among the pages' fingerprints (not a page file: terminology.yml's definitions).
GLOSSARY_ENTRY = "terminology.yml#glossary"


def text_hash(text: str) -> str:
    """SHA-256 of the text, line endings as `\\n`."""
    return hashlib.sha256(text.replace("\r\n", "\n").replace("\r", "\n").encode("utf-8")).hexdigest()


def file_hash(path: Path) -> str:
    """SHA-256 of a file's bytes (a released PDF)."""
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def health_content(pages: Iterable[SourcePage], glossary: Iterable[Term]) -> dict[str, str]:
    """Each health page's fingerprint by its file under docs/, and the glossary's."""
    content = {page.src_uri: text_hash(page.text) for page in pages if page.is_health_page}
    definitions = "".join(f"{term.term}\n{term.definition}\n\n" for term in sorted(glossary, key=lambda term: term.term))
    if definitions:
        content[GLOSSARY_ENTRY] = text_hash(definitions)
    return dict(sorted(content.items()))


def content_hash(parts: Mapping[str, str]) -> str:
    """One fingerprint for the whole health content: the parts' names and fingerprints, in order."""
    return hashlib.sha256("".join(f"{name}\0{digest}\n" for name, digest in sorted(parts.items())).encode("utf-8")).hexdigest()


def read_source_pages(docs_dir: Path, clinic: Clinic) -> list[SourcePage]:
    """Every page file under docs/, read as the build reads it (for the release command, which runs no MkDocs)."""
    return [read_page(path, path.relative_to(docs_dir).as_posix(), clinic) for path in sorted(docs_dir.rglob("*.md"))]
