"""The brochure's download link as patients see it in a real browser, light and dark.

The site is served under the path of its site_url (FIELD-NOTES: serving it
from / gives false link results) by the run's local server on a free port
(conftest `server`, gzip like GitHub Pages), and read by the run's one Debian
Chromium through Playwright (conftest `browser`), in a fresh context per test.
"""

from __future__ import annotations

import re

import pytest
from conftest import NAV_PAGES, url_of
from playwright.sync_api import Browser
from sitebrowser import SiteServer


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
def test_the_download_link_is_readable_in_light_and_dark_mode_and_opens_the_pdf(
    browser: Browser, server: SiteServer, preference: str, scheme: str
) -> None:
    context = browser.new_context(color_scheme=preference)  # the run's one Chromium, a fresh profile per test
    try:
        page = context.new_page()
        page.goto(server.url(next(f"{url_of(source)}/" for source in NAV_PAGES if url_of(source))))  # any page but the home page
        link = page.get_by_role("link", name="Download the brochure (PDF)").first
        colors = link.evaluate(COLORS_JS)
        assert colors["scheme"] == scheme
        ratio = contrast(rgb(colors["text"]), rgb(colors["background"]))
        assert ratio >= 4.5, f"{preference}: {colors} gives {ratio:.2f}:1"
        response = page.request.get(link.evaluate("a => a.href"))
        assert response.ok and response.headers["content-type"] == "application/pdf"
        assert response.body().startswith(b"%PDF")
    finally:
        context.close()
