"""Patients can look up the clinic's words: a glossary page, and definitions where a term is first used."""

from __future__ import annotations

import re

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import NAV_PAGES, ROOT, SETTINGS, Build, FixtureSite, url_of
from textutil import normalize

TERMS = {
    entry["term"]: " ".join(entry["definition"].split())
    for entry in yaml.safe_load((ROOT / "terminology.yml").read_text(encoding="utf-8"))["terms"]
    if entry.get("definition")
}
OFF_LIMITS = "h1, h2, h3, h4, h5, h6, code, pre, .admonition-title, summary, .admonition.abstract"


def soup_of(build: Build, url: str) -> BeautifulSoup:
    return BeautifulSoup(build.page(url), "html.parser")


def tooltips(soup: BeautifulSoup) -> dict[str, tuple]:
    """Each marked term on a page: its link and the tooltip the link points to."""
    found = {}
    for link in soup.select("article .glossary-term > a[aria-describedby]"):
        tip = soup.find(id=link["aria-describedby"])
        found[normalize(link.get_text()).lower()] = (link, tip)
    return found


def test_the_glossary_page_defines_every_term_from_the_terminology_file(real_site: Build) -> None:
    soup = soup_of(real_site, "glossary")
    entries = {normalize(dt.get_text()): normalize(dt.find_next_sibling("dd").get_text()) for dt in soup.select("article dl.glossary dt")}
    assert entries == TERMS
    assert list(entries) == sorted(entries, key=str.lower)


def test_the_glossary_is_the_last_page_in_the_navigation(real_site: Build) -> None:
    listed = [title for entry in SETTINGS["nav"] for title, source in entry.items() if source == "glossary.md"]
    if not listed:
        pytest.skip("this site's nav does not list the glossary")
    soup = soup_of(real_site, "")
    titles = [normalize(a.get_text()) for a in soup.select("nav.md-nav--primary > ul > li > a.md-nav__link")]
    assert titles[-1] == listed[0], titles


def marked_terms(build: Build) -> list[tuple[str, str, BeautifulSoup, BeautifulSoup]]:
    """Every term the site's pages mark, in nav order: (page's folder, glossary anchor, link, tooltip)."""
    found = []
    for source in NAV_PAGES:
        for link, tip in tooltips(soup_of(build, url_of(source))).values():
            found.append((url_of(source), link["href"].partition("#")[2], link, tip))
    if not found:
        pytest.fail("no page marks a term of terminology.yml: the glossary's tooltips are untested")
    return found


def test_the_first_use_of_a_term_shows_its_definition_to_mouse_keyboard_and_screen_reader(real_site: Build) -> None:
    glossary = soup_of(real_site, "glossary")
    for url, anchor, link, tip in marked_terms(real_site):
        assert link.name == "a" and link["href"].endswith(f"glossary/#{anchor}"), (url, link)  # a link: reachable with Tab
        entry = glossary.find(id=anchor)
        assert entry is not None and entry.name == "dt", (url, anchor)
        assert tip is not None and tip["role"] == "tooltip"
        assert normalize(tip.get_text()) == TERMS[normalize(entry.get_text())], (url, anchor)
        assert not tip.find(["a", "button", "input"]), "nothing interactive inside a tooltip"


def test_a_page_marks_each_defined_term_it_uses(fixture_site: FixtureSite) -> None:
    first, second = list(TERMS)[:2]
    fixture_site.write("docs/index.md", f"# Welcome\n\nThis page talks about {first} and then about {second}.\n")
    build = fixture_site.build()
    assert build.returncode == 0, build.output
    marked = tooltips(soup_of(build, ""))
    assert {first.lower(), second.lower()} <= set(marked), marked


@pytest.mark.parametrize("source", NAV_PAGES)
def test_each_term_is_marked_once_and_never_in_headings_titles_or_key_points(real_site: Build, source: str) -> None:
    soup = soup_of(real_site, "" if source == "index.md" else source.removesuffix(".md"))
    links = [normalize(a.get_text()).lower() for a in soup.select("article .glossary-term > a")]
    assert len(links) == len(set(links)), links
    for area in soup.select(f"article :is({OFF_LIMITS})"):
        assert not area.select(".glossary-term"), area.name
    ids = [tag["id"] for tag in soup.select("[id]")]
    assert len(ids) == len(set(ids)), "duplicate ids"


def test_the_glossary_page_is_not_a_search_result_for_the_words_it_defines(real_site: Build) -> None:
    # Search leads to the page that uses "keloid" in context; its tooltip leads to the glossary.
    index = (real_site.site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert '"location":"glossary/' not in re.sub(r"\s", "", index)


def test_a_definition_shows_on_hover_and_keyboard_focus_and_hides_with_escape(real_site: Build, browser, server) -> None:
    terms = marked_terms(real_site)
    url = terms[0][0]
    first, *others = [tip["id"] for page, _, _, tip in terms if page == url]
    page = browser.new_page()
    try:
        page.goto(server.url(f"{url}/" if url else ""))
        tip = page.locator(f"#{first}")
        assert not tip.is_visible()
        for _ in range(80):  # Tab through the page as a keyboard user would
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.getAttribute('aria-describedby')") == first:
                break
        else:
            pytest.fail(f"Tab never reached the term of #{first}")
        assert tip.is_visible()
        page.keyboard.press("Escape")
        assert not tip.is_visible()
        hovered = others[0] if others else first
        page.goto(server.url(f"{url}/" if url else ""))  # a fresh page: nothing focused, no search open
        page.locator(f"a[aria-describedby='{hovered}']").hover()
        assert page.locator(f"#{hovered}").is_visible()
    finally:
        page.close()


def test_a_hand_made_glossary_page_is_refused_with_what_to_do(fixture_site: FixtureSite) -> None:
    fixture_site.write("docs/glossary.md", "# Glossary\n\nMy own list.\n")
    build = fixture_site.build()
    assert build.returncode != 0
    assert "docs/glossary.md:1:1: The kit makes the glossary page from terminology.yml, so this file is in its way" in build.output, (
        build.output
    )
