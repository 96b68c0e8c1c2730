"""The patient site as a clinic expects it: complete, correct, searchable and private."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup
from conftest import CLINIC, DOCS, NAV_PAGES, SETTINGS, SOURCE_TEXT, Build, demo_content, front_matter
from textutil import EDITORIAL, edited_source, normalize, published_pieces, site_pages, source_sentences

KNOWN_SOURCE_ERRORS = ("adapouts", "micronelean", "the derma")


def test_the_site_builds_strictly_with_no_warnings(real_site: Build) -> None:
    assert "WARNING" not in real_site.output, real_site.output


@pytest.mark.parametrize(("source", "title"), NAV_PAGES.items())
def test_each_nav_page_is_published_with_its_title(real_site: Build, source: str, title: str) -> None:
    url = "" if source == "index.md" else source.removesuffix(".md")
    soup = BeautifulSoup(real_site.page(url), "html.parser")
    # The browser tab shows the page's own `title:` when its front matter has one (Material), else the nav's.
    assert soup.title is not None and soup.title.string.startswith(front_matter(DOCS / source).get("title", title))
    nav_titles = [normalize(link.get_text()) for link in soup.select("nav.md-nav--primary a.md-nav__link")]
    assert title in nav_titles


def test_the_editorial_table_only_names_what_the_source_really_says() -> None:
    source = normalize(SOURCE_TEXT.read_text(encoding="utf-8"))
    for correction in EDITORIAL["corrections"]:
        assert correction["from"] != correction["to"] and correction["why"]
        assert normalize(correction["from"]) in source, correction["from"]
    sentences = set(source_sentences(edited_source(SOURCE_TEXT)))
    for entry in EDITORIAL["removed"] + EDITORIAL["rewritten"]:
        assert entry["why"]
        assert normalize(entry["sentence"]) in sentences, entry["sentence"]


@demo_content
def test_every_source_sentence_is_on_exactly_one_page(real_site: Build) -> None:
    pages = site_pages(real_site.site)
    problems = []
    for sentence, pieces in published_pieces(SOURCE_TEXT):
        found_on = [url for url, text in pages.items() if all(piece in text for piece in pieces)]
        if len(found_on) != 1:
            problems.append(f"on {found_on or 'no page'}: {sentence}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("wrong", KNOWN_SOURCE_ERRORS)
def test_the_source_texts_typos_never_reach_patients(real_site: Build, wrong: str) -> None:
    for html_file in real_site.site.rglob("*.html"):
        text = normalize(BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser").get_text(" "))
        assert not re.search(rf"\b{wrong}\b", text, re.IGNORECASE), f"{wrong!r} in {html_file}"


def admonition_types(html: str) -> list[tuple[str, str]]:
    """(type, title) of each rendered admonition, collapsible ones included."""
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for box in soup.select("div.admonition, details"):
        kind = next(c for c in box["class"] if c not in ("admonition",)) if box.get("class") else "note"
        title = box.select_one(".admonition-title, summary")
        found.append((kind, normalize(title.get_text()) if title else ""))
    return found


@demo_content
def test_the_risks_page_marks_serious_risks_as_danger_and_contact_advice_as_warning(real_site: Build) -> None:
    boxes = admonition_types(real_site.page("side-effects-and-risks"))
    assert any(kind == "danger" and "serious" in title.lower() for kind, title in boxes), boxes
    assert any(kind == "warning" and "contact the clinic" in title.lower() for kind, title in boxes), boxes
    assert any(box.name == "details" for box in BeautifulSoup(real_site.page("side-effects-and-risks"), "html.parser").select("details"))


@demo_content
def test_the_aftercare_page_is_a_checklist_of_admonitions(real_site: Build) -> None:
    html = real_site.page("aftercare")
    titles = " | ".join(title.lower() for kind, title in admonition_types(html) if kind == "step")
    for step in ("sun", "products", "moisturize", "water", "eat"):
        assert step in titles, titles
    soup = BeautifulSoup(html, "html.parser")
    assert len(soup.select(".admonition .task-list-item input[type=checkbox]")) >= 5


def test_every_checklist_step_shares_one_numbered_design_and_none_borrows_the_warning_colors(real_site: Build) -> None:
    """Steps are `!!! step <icon> "N. ..."`: one box style, numbered in order; warning and danger stay for real warnings."""
    for page in site_pages(real_site.site):
        soup = BeautifulSoup(real_site.page(page), "html.parser")
        steps = [box for box in soup.select("article div.admonition, article details") if box.select_one(".task-list-item")]
        if not steps:
            continue
        assert all("step" in box["class"] for box in steps), [box["class"] for box in steps]
        assert not any({"warning", "danger", "tip"} & set(box["class"]) for box in steps)
        numbers = [normalize(box.select_one(".admonition-title, summary").get_text()).split(".")[0] for box in steps]
        assert numbers == [str(n) for n in range(1, len(steps) + 1)], numbers
        assert all(not box.select_one("input[type=checkbox][disabled]") for box in steps), "boxes patients cannot tick"


def search_locations(site: Path, word: str) -> set[str]:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    return {doc["location"].split("#")[0] for doc in index["docs"] if word in doc["text"].lower()}


@demo_content
def test_search_finds_keloid_on_the_page_about_who_it_suits(real_site: Build) -> None:
    assert search_locations(real_site.site, "keloid") == {"who-it-suits/"}


@demo_content
def test_search_finds_aftercare_words_on_the_aftercare_page(real_site: Build) -> None:
    assert "aftercare/" in search_locations(real_site.site, "fragrance-free")


# Addresses patients' browsers may reach: the site itself, and the clinic's own website and booking page (clinic.yml).
def own_addresses() -> tuple[str, ...]:
    return tuple(urlparse(url).netloc for url in (SETTINGS["site_url"], CLINIC["website"], CLINIC["booking_url"]) if url)


def referenced_urls(path: Path) -> list[str]:
    """URLs a built HTML or CSS file makes a browser load or link to (comments and data: URIs aside)."""
    text = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix == ".css":
        text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
        return re.findall(r"""(?:url\(\s*["']?|@import\s+["'])((?:https?:)?//[^"')\s]+)""", text)
    soup = BeautifulSoup(text, "html.parser")
    urls = [
        value
        for tag in soup.find_all(True)
        for attribute in ("href", "src", "srcset", "action", "poster", "data", "content")
        if isinstance(value := tag.get(attribute), str) and re.match(r"(?:https?:)?//", value)
    ]
    for style in soup.find_all("style"):
        urls += re.findall(r"""url\(\s*["']?((?:https?:)?//[^"')\s]+)""", style.get_text())
    return urls


def test_no_built_page_or_stylesheet_references_a_third_party(real_site: Build) -> None:
    own = own_addresses()
    third_party = [
        f"{path.relative_to(real_site.site)}: {url}"
        for path in [*real_site.site.rglob("*.html"), *real_site.site.rglob("*.css")]
        for url in referenced_urls(path)
        if urlparse(url if "//" in url[:8] else "https:" + url).netloc not in own
    ]
    assert not third_party, "\n".join(third_party)
