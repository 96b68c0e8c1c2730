"""WeasyPrint, set up for patient documents: local files only, bundled fonts, PDF/UA-1, in parallel.

Three things here guard against WeasyPrint's quiet failures: it fetches any
URL a page names (a privacy leak from a clinic's brochure), it falls back to
whatever fonts a machine has (a different brochure on every computer), and it
silently drops content it cannot lay out (so chapters are counted afterwards).
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
import traceback
import warnings
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

# Without Debian's libharfbuzz-subset0, WeasyPrint 70 warns on import that a future version
# will need it, and MkDocs prints the warning with `File "...", line N` lines that editors
# read as a crash. This WeasyPrint subsets fonts with fontTools instead (the PDFs are the
# same), so that one warning is silenced here; every other warning still shows.
with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="HarfBuzz-Subset will be required", category=DeprecationWarning)
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration
    from weasyprint.urls import URLFetcher

from kit.brochure.adapter import page_references_cached
from kit.brochure.booklet import Sheet, impose_booklet
from kit.brochure.print_text import print_words_css
from kit.brochure.tables import scope_header_tags
from kit.data.collector import collector_paused
from kit.report.findings import Finding

#: Tagged, with the PDF/UA identifier in its XMP metadata, language and title shown.
PDF_VARIANT = "pdf/ua-1"


@dataclass(frozen=True)
class Rendered:
    """One PDF written: where, how many pages, how many top-level bookmarks, how long, and what it refused.

    A worker process cannot log into the build's own warning count (`--strict`),
    so refused URLs come back as findings for the build's reporter.
    """

    path: Path
    pages: int
    chapters: int
    seconds: float
    refused: tuple[Finding, ...] = ()


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
        self.refused: list[Finding] = []

    def fetch(self, url: str, headers: dict | None = None):
        parsed = urlparse(url)
        if parsed.scheme == "file":
            path = Path(unquote(parsed.path)).resolve()
            if any(path.is_relative_to(root) for root in self.roots):
                return super().fetch(url, headers)
        elif parsed.scheme == "data":
            return super().fetch(url, headers)
        path, line, column = self._where_written(url)
        self.refused.append(
            Finding.at(
                "warning",
                "brochure.remote-file",
                path,
                line,
                column,
                f"The brochure would load {url}, which is not part of the site, so the PDF leaves it out",
                "Copy the file into docs/ and link to it there",
            )
        )
        raise ValueError(f"not a local file: {url}")

    def _where_written(self, url: str) -> tuple[Path, int, int]:
        """The page that names the URL, for the message (only ever run for a refused URL).

        As written, or (a path WeasyPrint made absolute, `file:///.../x.png` for `../x.png`) by its file name.
        """
        parsed = urlparse(url)
        name = Path(unquote(parsed.path)).name
        candidates = [url, unquote(url)] + ([f"/{name}", name] if parsed.scheme == "file" and name else [])
        pages = sorted(self.docs_dir.rglob("*.md")) if self.docs_dir else []
        texts = [(page, page.read_text(encoding="utf-8", errors="replace")) for page in pages]
        for candidate in candidates:
            for page, text in texts:
                if (offset := text.find(candidate)) >= 0:
                    return page, text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1
        return Path("mkdocs.yml"), 1, 1


@dataclass(frozen=True)
class Job:
    """One PDF to make: its HTML, the CSS page size, and where to write it.

    `sheet` is set for a booklet: its pages are laid out on `page_size` (A5 or
    half-letter) and then imposed two to a side of `sheet` (A4 or Letter).
    """

    html: str
    base_url: Path
    page_size: str
    target: Path
    sheet: Sheet | None = None
    layers: tuple[Path, ...] = ()  # stylesheets read after print.css (the large-print layer)


class Renderer:
    """One stylesheet and one font set, parsed once and used for every PDF of a process."""

    def __init__(self, stylesheet: Path, site_dir: Path, docs_dir: Path, language: str) -> None:
        self.fetcher = LocalOnlyFetcher(site_dir, stylesheet.parent, docs_dir=docs_dir)
        self.fonts = FontConfiguration()
        # The words first: print.css wins any tie with them (print_text.py).
        self.words = CSS(string=print_words_css(language), font_config=self.fonts)
        self.stylesheet = CSS(filename=str(stylesheet), font_config=self.fonts, url_fetcher=self.fetcher)
        self.layers: dict[Path, CSS] = {}  # parsed once per process, on first use

    def _layer(self, path: Path) -> CSS:
        if path not in self.layers:
            self.layers[path] = CSS(filename=str(path), font_config=self.fonts, url_fetcher=self.fetcher)
        return self.layers[path]

    def write(self, job: Job) -> Rendered:
        """Lay out the job's HTML and write it as PDF/UA-1 (a booklet: imposed, see booklet.py)."""
        started = time.perf_counter()
        self.fetcher.refused = []
        size = CSS(string=f"@page {{ size: {job.page_size} }}", font_config=self.fonts)
        with collector_paused():
            document = HTML(string=job.html, base_url=str(job.base_url), url_fetcher=self.fetcher).render(
                stylesheets=[self.words, self.stylesheet, *map(self._layer, job.layers), size],
                font_config=self.fonts,
                pdf_tags=True,
                pdf_variant=PDF_VARIANT,
            )
            job.target.parent.mkdir(parents=True, exist_ok=True)
            with page_references_cached():
                if job.sheet is not None:
                    pages = impose_booklet(document.write_pdf(finisher=scope_header_tags), job.sheet, job.target)
                else:
                    document.write_pdf(job.target, pdf_tags=True, pdf_variant=PDF_VARIANT, finisher=scope_header_tags)
                    pages = len(document.pages)
        return Rendered(job.target, pages, len(document.make_bookmark_tree()), time.perf_counter() - started, tuple(self.fetcher.refused))


def render_all(jobs: list[Job], stylesheet: Path, site_dir: Path, docs_dir: Path, language: str) -> list[Rendered]:
    """Every PDF of the build, each in its own process: they share nothing but the stylesheet.

    Processes are forked where the system can (the WeasyPrint already imported
    and the jobs' HTML are inherited, not imported or sent again); each makes its
    own fonts and stylesheet and takes the next job until none is left. One job,
    or one core, runs here without workers.

    Ctrl-C (or any error) stops every worker at once: the workers ignore SIGINT,
    and the build kills them itself before passing the interruption on. The
    standard pools could not promise that: interrupted, concurrent.futures' pool
    hung on a cancelled job (InvalidStateError) and multiprocessing's on a lock an
    idle worker held, until a second Ctrl-C. Here the build holds no lock a worker
    shares, so it never waits on one.
    """
    workers = min(len(jobs), _worker_count())
    start = (stylesheet, site_dir, docs_dir, language)
    if workers <= 1:
        renderer = Renderer(*start)
        return [renderer.write(job) for job in jobs]
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    next_job = context.Value("i", 0)  # the index of the next job to take, under its own lock
    processes, receivers = [], []
    interrupted = _Interruption()
    try:
        for _ in range(workers):
            receiver, sender = context.Pipe(duplex=False)
            process = context.Process(target=_work, args=(jobs, next_job, sender, start), daemon=True)  # type: ignore[attr-defined]
            process.start()
            sender.close()  # the worker's end: the pipe reports end-of-file when the worker is done
            processes.append(process)
            receivers.append(receiver)
        return _collect(receivers, len(jobs), interrupted)
    finally:  # done, Ctrl-C, or a worker's error: no worker goes on writing
        interrupted.restore()
        for process in processes:
            process.kill()
        for process in processes:
            process.join()


class _Interruption:
    """Remembers a Ctrl-C while the workers run, so it is never lost.

    Python raises KeyboardInterrupt wherever the main thread is; during a fork that is
    inside an at-fork handler (logging's lock release), which swallows it ("Exception
    ignored in ... _releaseLock"), and the build then waited for every PDF. Here the
    signal also sets a flag the waiting loop checks.
    """

    def __init__(self) -> None:
        self.seen = False
        self.previous: Any = None
        if threading.current_thread() is threading.main_thread():
            self.previous = signal.signal(signal.SIGINT, self._interrupt)

    def _interrupt(self, signum: int, frame: Any) -> None:
        self.seen = True
        raise KeyboardInterrupt

    def check(self) -> None:
        if self.seen:
            raise KeyboardInterrupt

    def restore(self) -> None:
        if self.previous is not None:
            signal.signal(signal.SIGINT, self.previous)
            self.previous = None


def _collect(receivers: list[Connection], count: int, interrupted: _Interruption) -> list[Rendered]:
    """Each worker's results as they come, in the jobs' order; a worker's error (or a Ctrl-C) is raised here."""
    results: dict[int, Rendered] = {}
    while receivers:
        interrupted.check()
        for ready in wait(receivers, timeout=0.2):
            assert isinstance(ready, Connection)
            try:
                index, outcome = ready.recv()
            except EOFError:  # that worker has no job left
                receivers.remove(ready)
                continue
            if isinstance(outcome, BaseException):
                raise outcome
            results[index] = outcome
    interrupted.check()  # a worker that met the Ctrl-C before it could ignore it ends without its PDF
    if len(results) != count:
        raise RuntimeError(f"{count - len(results)} of the {count} PDFs were not made: a PDF worker stopped without a word")
    return [results[index] for index in range(count)]


#: `CLINIC_KIT_PDF_WORKERS=1` renders one PDF after another: `make bench` compares the two.
WORKERS_SWITCH = "CLINIC_KIT_PDF_WORKERS"


def _worker_count() -> int:
    chosen = os.environ.get(WORKERS_SWITCH, "").strip()
    return int(chosen) if chosen.isdigit() and int(chosen) > 0 else os.cpu_count() or 1


def _work(jobs: list[Job], next_job: Any, sender: Connection, start: tuple[Path, Path, Path, str]) -> None:
    """A worker: its own renderer, then the next job not yet taken, until none is left."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the build's to handle (render_all)
    renderer = Renderer(*start)
    while True:
        with next_job.get_lock():
            index = next_job.value
            next_job.value += 1
        if index >= len(jobs):
            break
        try:
            sender.send((index, renderer.write(jobs[index])))
        except Exception as error:  # noqa: BLE001 (raised in the build, which reports it)
            try:
                sender.send((index, error))
            except Exception:  # noqa: BLE001 (an error that cannot be pickled: its words)
                sender.send((index, RuntimeError("".join(traceback.format_exception(error)))))
            break
    sender.close()
