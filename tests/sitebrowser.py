"""The built site as a patient's browser meets it: served like GitHub Pages, read by Chromium.

- `SiteServer` serves a built site on a free loopback port under the path of its
  `site_url` (`/microneedling/`), gzip-compressing text the way GitHub Pages
  does, and logs every request it answers.
- `site_pages` finds the pages to test in the built site itself (the navigation
  of the home page, plus the print page), so a new page is tested without
  anyone editing a list.
- `first_view` measures what a page's first view (empty cache) transfers, as the
  page-weight test and the web benchmark (benchmarks/web.py) count it.
- `launch_chromium` starts Debian's Chromium (or `$CHROMIUM`) with the flags that
  keep it off the network (see FIELD-NOTES "Browser").
"""

from __future__ import annotations

import gzip
import mimetypes
import os
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# What GitHub Pages compresses: text, not images or PDFs (already compressed).
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")
mimetypes.add_type("application/javascript", ".js")
mimetypes.add_type("application/json", ".json")
mimetypes.add_type("image/svg+xml", ".svg")


def site_path(site: Path) -> str:
    """The URL path the site is published under, from the canonical link the build wrote."""
    soup = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    canonical = soup.select_one('link[rel="canonical"]')
    path = urlparse(canonical["href"]).path if canonical else "/"
    return path if path.endswith("/") else path + "/"


@dataclass
class Served:
    """One request the server answered."""

    path: str
    status: int
    bytes_sent: int
    gzip: bool


class SiteServer:
    """A static server for a built site, like GitHub Pages: under a path, with gzip and a 404 page."""

    def __init__(self, site: Path) -> None:
        self.site = site.resolve()
        self.prefix = site_path(site)
        self.log: list[Served] = []
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._httpd.daemon_threads = True
        self.origin = f"http://127.0.0.1:{self._httpd.server_address[1]}"
        self.base_url = self.origin + self.prefix
        self._thread = threading.Thread(target=self._httpd.serve_forever, name="site-server", daemon=True)

    def __enter__(self) -> SiteServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def url(self, page: str = "") -> str:
        """The served address of a page given by its path in the site (`who-it-suits/`)."""
        return urljoin(self.base_url, page)

    def resolve(self, url_path: str) -> Path | None:
        """The file a URL path maps to, or None when it is outside the site or missing."""
        if not url_path.startswith(self.prefix):
            return None
        relative = unquote(url_path[len(self.prefix) :])
        target = (self.site / relative).resolve()
        if not target.is_relative_to(self.site):
            return None
        if target.is_dir():
            target = target / "index.html"
        return target if target.is_file() else None

    def _record(self, served: Served) -> None:
        with self._lock:
            self.log.append(served)

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_HEAD(self) -> None:  # noqa: N802 (http.server's naming)
                self._respond(body=False)

            def do_GET(self) -> None:  # noqa: N802
                self._respond(body=True)

            def _respond(self, body: bool) -> None:
                path = urlparse(self.path).path
                target = server.resolve(path)
                if target is not None and target.name == "index.html" and not path.endswith(("/", ".html")):
                    self._send(301, b"", "text/plain", {"Location": path + "/"}, body)
                    return
                status = 200
                if target is None:
                    status, target = 404, server.site / "404.html"
                content = target.read_bytes() if target.is_file() else b"Not found"
                content_type = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
                self._send(status, content, content_type, {"Cache-Control": "max-age=600"}, body)

            def _send(self, status: int, content: bytes, content_type: str, headers: dict[str, str], body: bool) -> None:
                compress = content_type.startswith(COMPRESSIBLE) and "gzip" in self.headers.get("Accept-Encoding", "")
                if compress:
                    content = gzip.compress(content, compresslevel=6)
                self.send_response(status)
                self.send_header("Content-Type", content_type + ("; charset=utf-8" if content_type.startswith("text/") else ""))
                self.send_header("Content-Length", str(len(content)))
                self.send_header("Vary", "Accept-Encoding")
                if compress:
                    self.send_header("Content-Encoding", "gzip")
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                if body:
                    self.wfile.write(content)
                server._record(Served(self.path, status, len(content), compress))

            def log_message(self, format: str, *args: object) -> None:
                pass  # the request log is `server.log`, not the terminal

        return Handler


@dataclass(frozen=True)
class SitePage:
    """A page of the built site: its path under the site (`aftercare/`) and its title in the navigation."""

    path: str
    title: str

    @property
    def slug(self) -> str:
        return self.path.strip("/").replace("/", "-") or "home"


def site_pages(site: Path) -> list[SitePage]:
    """Every page a patient can reach from the navigation, in its order, then the print page."""
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    pages: list[SitePage] = []
    for link in home.select("nav.md-nav--primary a.md-nav__link[href]"):
        href = link["href"]
        if href.startswith(("#", "http:", "https:", "//")):
            continue
        path = "" if href in ("", ".", "./") else href.removeprefix("./")
        title = " ".join(link.get_text(" ").split())
        if path not in {page.path for page in pages}:
            pages.append(SitePage(path, title))
    if (site / "print_page" / "index.html").is_file():
        pages.append(SitePage("print_page/", "Print page"))
    return pages


def launch_chromium(playwright):
    """Debian's Chromium, headless, kept off the network."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS, headless=True)


PHONE = {"viewport": {"width": 375, "height": 740}, "is_mobile": True, "has_touch": True}


@dataclass
class FirstView:
    """What a page's first view transferred (empty cache): every resource with its bytes on the wire."""

    entries: list[dict]
    answered: int  # requests the server saw, to cross-check the browser's count

    @property
    def requests(self) -> int:
        return len(self.entries)

    @property
    def transferred(self) -> int:
        return sum(entry["transfer"] for entry in self.entries)

    @property
    def decoded(self) -> int:
        return sum(entry["decoded"] for entry in self.entries)


def first_view(browser, server: SiteServer, url: str, context_options: dict | None = None) -> FirstView:
    """Load a page on a phone with an empty cache; what it transferred, by the browser's Resource Timing.

    transferSize counts bytes on the wire, headers included, and is 0 for what
    came from the cache; the server's log of the same load is the cross-check.
    """
    context = browser.new_context(**(context_options or PHONE))
    tab = context.new_page()
    server.log.clear()
    tab.goto(url, wait_until="networkidle")
    entries = tab.evaluate(
        """() => [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
                 .map(e => ({url: e.name, transfer: e.transferSize, body: e.encodedBodySize, decoded: e.decodedBodySize}))"""
    )
    context.close()
    return FirstView([entry for entry in entries if entry["transfer"] > 0], len(server.log))
