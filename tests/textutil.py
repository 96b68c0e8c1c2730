"""Reading text the way a patient sees it: from built HTML, quotes and spaces evened out."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import yaml
from bs4 import BeautifulSoup, Tag

EDITORIAL = yaml.safe_load((Path(__file__).parent / "editorial.yml").read_text(encoding="utf-8"))
QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


def normalize(text: str) -> str:
    """Straight quotes and single spaces, so markup and line breaks do not matter."""
    return re.sub(r"\s+", " ", text.translate(QUOTES)).strip()


def article_text(html: str) -> str:
    """The readable text of a page's article, without headings' permalink signs."""
    soup = BeautifulSoup(html, "html.parser")
    return visible_text(soup.select_one("article") or soup)


def visible_text(element: Tag) -> str:
    """An element's text as a reader sees it, without permalinks or hover-only tooltips."""
    element = copy.copy(element)
    for hidden in element.select("a.headerlink, [role=tooltip]"):
        hidden.decompose()
    # A browser runs inline elements into their sentence ("dermis," not "dermis ,").
    for inline in element.select("a, abbr, em, strong, span"):
        inline.unwrap()
    element.smooth()
    return normalize(element.get_text(" "))


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


def edited_source(source_text: Path) -> str:
    """The source text after the reviewed corrections in editorial.yml."""
    text = source_text.read_text(encoding="utf-8")
    for correction in EDITORIAL["corrections"]:
        text = text.replace(correction["from"], correction["to"])
    return text


def published_pieces(source_text: Path) -> list[tuple[str, list[str]]]:
    """Each source sentence patients must find, with the pieces it is published as.

    Sentences editorial.yml removes are left out; rewritten ones become their
    published pieces. The site test and the PDF test share this, so both check
    against the same reviewed table.
    """
    left_out = {normalize(entry["sentence"]) for entry in EDITORIAL["removed"]}
    reworded = {normalize(entry["sentence"]): entry["published"] for entry in EDITORIAL["rewritten"]}
    return [
        (sentence, [normalize(piece) for piece in reworded.get(sentence, [sentence])])
        for sentence in source_sentences(edited_source(source_text))
        if sentence not in left_out
    ]
