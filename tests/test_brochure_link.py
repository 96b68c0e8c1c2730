"""The brochure's download link as patients see it in a real browser, light and dark.

The site is served under the path of its site_url (FIELD-NOTES: serving it
from / gives false link results) by a local server on a free port, and read by
Debian's Chromium through Playwright.
"""

from __future__ import annotations

import functools
import http.server
import re
import threading
from collections.abc import Iterator
from urllib.parse import urlparse

import pytest
import yaml
from conftest import ROOT, Build
from sitebrowser import CHROMIUM, CHROMIUM_FLAGS

SITE_URL = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nhooks:")[0])["site_url"]
SITE_PATH = urlparse(SITE_URL).path


class _SubPathHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site at the sub-path GitHub Pages uses, and nothing else."""

    def translate_path(self, path: str) -> str:
        if not path.startswith(SITE_PATH):
            return "/nonexistent"
        return super().translate_path("/" + path[len(SITE_PATH) :])

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def served_site(real_site: Build) -> Iterator[str]:
    handler = functools.partial(_SubPathHandler, directory=str(real_site.site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{SITE_PATH}"
    finally:
        server.shutdown()
        server.server_close()


def luminance(rgb: tuple[float, float, float]) -> float:
    def channel(value: float) -> float:
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def rgb(css_color: str) -> tuple[float, float, float]:
    return tuple(float(v) for v in re.findall(r"[\d.]+", css_color)[:3])  # type: ignore[return-value]


# The link's text color, and the first opaque background behind it.
COLORS_JS = """
link => {
  let node = link, background = null;
  while (node && !background) {
    const color = getComputedStyle(node).backgroundColor;
    const alpha = color.startsWith('rgba') ? parseFloat(color.split(',')[3]) : 1;
    if (color !== 'transparent' && alpha > 0.99) background = color;
    node = node.parentElement;
  }
  return {text: getComputedStyle(link).color, background: background || 'rgb(255, 255, 255)',
          scheme: document.body.getAttribute('data-md-color-scheme')};
}
"""


@pytest.mark.parametrize(("preference", "scheme"), [("light", "default"), ("dark", "slate")])
def test_the_download_link_is_readable_in_light_and_dark_mode_and_opens_the_pdf(served_site: str, preference: str, scheme: str) -> None:
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        try:
            page = browser.new_page(color_scheme=preference)
            page.goto(served_site + "how-it-works/")
            link = page.get_by_role("link", name="Download the brochure (PDF)").first
            colors = link.evaluate(COLORS_JS)
            assert colors["scheme"] == scheme
            ratio = contrast(rgb(colors["text"]), rgb(colors["background"]))
            assert ratio >= 4.5, f"{preference}: {colors} gives {ratio:.2f}:1"
            response = page.request.get(link.evaluate("a => a.href"))
            assert response.ok and response.headers["content-type"] == "application/pdf"
            assert response.body().startswith(b"%PDF")
        finally:
            browser.close()
