"""Reading text the way a patient sees it: from built HTML, quotes and spaces evened out."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


def normalize(text: str) -> str:
    """Straight quotes and single spaces, so markup and line breaks do not matter."""
    return re.sub(r"\s+", " ", text.translate(QUOTES)).strip()


def article_text(html: str) -> str:
    """The readable text of a page's article, without headings' permalink signs."""
    soup = BeautifulSoup(html, "html.parser")
    article = soup.select_one("article") or soup
    for permalink in article.select("a.headerlink"):
        permalink.decompose()
    # Glossary tooltips show only on hover or focus, not in the running text.
    for tooltip in article.select("[role=tooltip]"):
        tooltip.decompose()
    # A browser runs inline elements into their sentence ("dermis," not "dermis ,").
    for inline in article.select("a, abbr, em, strong, span"):
        inline.unwrap()
    article.smooth()
    return normalize(article.get_text(" "))


def source_sentences(text: str) -> list[str]:
    """The sentences of the clinic's source paragraphs (headings are left out)."""
    sentences: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        block = normalize(block)
        if not block or not re.search(r"[.?!]$", block):
            continue  # a heading, not a paragraph
        sentences.extend(re.split(r"(?<=[.?!])\s+(?=[A-Z])", block))
    return sentences


def site_pages(site: Path) -> dict[str, str]:
    """Readable text of every built content page, by URL (the print page excluded)."""
    pages = {}
    for html_file in sorted(site.rglob("index.html")):
        url = html_file.parent.relative_to(site).as_posix()
        url = "" if url == "." else url + "/"
        if url.startswith(("print_page", "glossary")):
            continue
        pages[url] = article_text(html_file.read_text(encoding="utf-8"))
    return pages
