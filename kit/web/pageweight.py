"""Keep each page's first view light: patients read on phones, often on slow data.

The print-site plugin adds its stylesheets and script to *every* page, although
they only style and script the print page (`print_page/`), the input of the PDF
brochure. On an ordinary page they are three extra requests before the page
is usable (about 12 % of the home page's 8-request budget each), and they change
nothing a patient sees. This module removes them from ordinary pages; the print
page, which the plugin renders itself after the build, keeps them.
"""

from __future__ import annotations

import re

from mkdocs.structure.pages import Page

# The files mkdocs-print-site-plugin adds to extra_css / extra_javascript.
PRINT_ONLY_ASSETS = re.compile(
    r"""[ \t]*<link\b[^>]*\bhref="[^"]*\bcss/print-site[\w.-]*\.css"[^>]*>[ \t]*\n?"""
    r"""|[ \t]*<script\b[^>]*\bsrc="[^"]*\bjs/print-site\.js"[^>]*>\s*</script>[ \t]*\n?"""
)


def is_print_page(page: Page) -> bool:
    """The page the print-site plugin assembles from all the others."""
    return page.file.src_uri.removesuffix(".md") == "print_page"


def drop_print_only_assets(html: str, page: Page) -> str:
    """An ordinary page without the print page's stylesheets and script."""
    if is_print_page(page):
        return html
    return PRINT_ONLY_ASSETS.sub("", html)
