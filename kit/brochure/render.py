"""WeasyPrint, set up for patient documents: local files only, bundled fonts, tagged.

Three things here guard against WeasyPrint's quiet failures: it fetches any
URL a page names (a privacy leak from a clinic's brochure), it falls back to
whatever fonts a machine has (a different brochure on every computer), and it
silently drops content it cannot lay out (so chapters are counted afterwards).
"""

from __future__ import annotations

import gc
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

import pydyf
from mkdocs.plugins import get_plugin_logger
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

from kit.brochure.settings import PAPER_SIZES
from kit.messages import located

log = get_plugin_logger("brochure")


@dataclass(frozen=True)
class Rendered:
    """One PDF written: where, how many pages, how many top-level bookmarks, how long."""

    path: Path
    pages: int
    chapters: int
    seconds: float


class LocalOnlyFetcher(URLFetcher):
    """Lets WeasyPrint read the built site, the brochure's own folder and data: URIs, nothing else.

    A patient's brochure must not make the build contact a third party (or
    depend on one being reachable); an image linked from elsewhere is left out
    with a warning that says which.
    """

    def __init__(self, *roots: Path, docs_dir: Path | None = None) -> None:
        super().__init__(allowed_protocols=("file", "data"))
        self.roots = [root.resolve() for root in roots]
        self.docs_dir = docs_dir

    def fetch(self, url: str, headers: dict | None = None):
        parsed = urlparse(url)
        if parsed.scheme == "file":
            path = Path(unquote(parsed.path)).resolve()
            if any(path.is_relative_to(root) for root in self.roots):
                return super().fetch(url, headers)
        elif parsed.scheme == "data":
            return super().fetch(url, headers)
        path, line, column = self._where_written(url)
        log.warning(
            located(
                path,
                line,
                column,
                f"The brochure would load {url}, which is not part of the site, so the PDF leaves it out",
                "Copy the file into docs/ and link to it there",
            )
        )
        raise ValueError(f"not a local file: {url}")

    def _where_written(self, url: str) -> tuple[Path, int, int]:
        """The page that names the URL, for the message (only ever run for a refused URL)."""
        for page in sorted(self.docs_dir.rglob("*.md")) if self.docs_dir else []:
            text = page.read_text(encoding="utf-8", errors="replace")
            if (offset := text.find(url)) >= 0:
                return page, text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1
        return Path("mkdocs.yml"), 1, 1


class Renderer:
    """One stylesheet and one font set, parsed once and used for every PDF of a build."""

    def __init__(self, stylesheet: Path, site_dir: Path, docs_dir: Path) -> None:
        self.fetcher = LocalOnlyFetcher(site_dir, stylesheet.parent, docs_dir=docs_dir)
        self.fonts = FontConfiguration()
        self.stylesheet = CSS(filename=str(stylesheet), font_config=self.fonts, url_fetcher=self.fetcher)
        self.base_url = site_dir

    def write(self, html: str, base_url: Path, paper: str, target: Path) -> Rendered:
        """Lay out `html` on `paper` and write it, tagged for screen readers, to `target`."""
        started = time.perf_counter()
        size = CSS(string=f"@page {{ size: {PAPER_SIZES[paper]} }}", font_config=self.fonts)
        with _garbage_collector_paused():
            document = HTML(string=html, base_url=str(base_url), url_fetcher=self.fetcher).render(
                stylesheets=[self.stylesheet, size], font_config=self.fonts, pdf_tags=True
            )
            target.parent.mkdir(parents=True, exist_ok=True)
            with _page_references_cached():
                document.write_pdf(target, pdf_tags=True)
        return Rendered(target, len(document.pages), len(document.make_bookmark_tree()), time.perf_counter() - started)


@contextmanager
def _garbage_collector_paused() -> Iterator[None]:
    """WeasyPrint makes millions of objects per brochure, and Python's collector
    rescans all that are alive each time it runs, so long brochures grew faster
    than linearly (measured: 20% of the time at 200 pages). The objects are
    freed when the document is, so nothing piles up between PDFs."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@contextmanager
def _page_references_cached() -> Iterator[None]:
    """pydyf 0.13 rebuilds the list of every page's reference each time WeasyPrint's
    tagging asks for one page's (once per tagged element), so tagged PDFs grew with
    the square of their length: 1000 site pages took 159 ms of CPU per page against
    92 ms at 50. The cache gives the same tuple, rebuilt whenever a page is added.
    Scoped to our own writes and removed afterwards.
    """
    original = pydyf.PDF.page_references

    def page_references(pdf: pydyf.PDF) -> tuple[bytes, ...]:
        kids = pdf.pages["Kids"]
        cached = pdf.__dict__.get("_kit_page_references")
        if cached is None or cached[0] != len(kids):
            cached = (len(kids), original.fget(pdf))
            pdf.__dict__["_kit_page_references"] = cached
        return cached[1]

    pydyf.PDF.page_references = property(page_references)
    try:
        yield
    finally:
        pydyf.PDF.page_references = original
