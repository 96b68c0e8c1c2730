"""A patient reading the Spanish pages meets no English the kit or the theme put there: the page's section list,
the light/dark switch, the page a broken link leads to, and every word of kit/strings/en.yml.

A small bilingual site written from scratch (tests/languages_fixture.py), with the theme's palette switch and a
table of contents as a clinic's mkdocs.yml has them; its words in mkdocs.yml are English, as a clinic writes them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import ROOT, Build, FixtureSite
from languages_fixture import write_bilingual_site

WITHOUT_PDFS = {"CLINIC_KIT_PDF": "off"}
ENGLISH = yaml.safe_load((ROOT / "kit" / "strings" / "en.yml").read_text(encoding="utf-8"))
SPANISH = yaml.safe_load((ROOT / "kit" / "strings" / "es.yml").read_text(encoding="utf-8"))
PALETTE = """\
  font: false
  palette:
    - media: "(prefers-color-scheme: light)"
      scheme: default
      toggle:
        icon: material/weather-night
        name: Switch to dark mode
    - media: "(prefers-color-scheme: dark)"
      scheme: slate
      toggle:
        icon: material/weather-sunny
        name: Switch to light mode
"""


@pytest.fixture(scope="module")
def bilingual(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = write_bilingual_site(tmp_path_factory.mktemp("spanish-pages"))
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("  font: false\n", PALETTE, 1)
    toc = "  - toc:\n      permalink: true\n      title: On this page\n"  # as a clinic writes it: the kit says it per language
    text = text.replace("  - kit.web.markdown_ext\n", "  - kit.web.markdown_ext\n" + toc, 1)
    config.write_text(text, encoding="utf-8")
    care = root / "docs" / "care.es.md"  # two sections, so the page lists them
    care.write_text(care.read_text(encoding="utf-8") + "\n## Al día siguiente\n\nLávese con agua tibia.\n", encoding="utf-8")
    build = FixtureSite(root).build(env=WITHOUT_PDFS)
    assert build.returncode == 0, build.output
    return build


def english_sentences(node: object) -> Iterator[str]:
    """en.yml's words a patient would recognise as English: each run of words between placeholders."""
    if isinstance(node, dict):
        for value in node.values():
            yield from english_sentences(value)
    elif isinstance(node, str):
        yield from (part.strip() for part in re.split(r"\{\w+\}", node) if " " in part.strip() and len(part.strip()) > 8)


def page(build: Build, path: str) -> BeautifulSoup:
    return BeautifulSoup((build.site / path).read_text(encoding="utf-8"), "html.parser")


def visible(soup: BeautifulSoup) -> str:
    for tag in soup(["script", "style"]):
        tag.decompose()
    words = [soup.get_text(" ")]
    words += [str(tag.get(name)) for tag in soup.find_all(True) for name in ("aria-label", "title", "alt") if tag.get(name)]
    return " ".join(" ".join(words).split())


@pytest.mark.parametrize("path", ["es/care/index.html", "es/index.html", "es/404.html"])
def test_a_spanish_page_has_no_english_words_of_the_kit(bilingual: Build, path: str) -> None:
    text = visible(page(bilingual, path))
    leaked = sorted({sentence for sentence in english_sentences(ENGLISH) if sentence in text})
    assert not leaked, f"{path} shows English from kit/strings/en.yml: {leaked}"
    for english in ("On this page", "Switch to dark mode", "Switch to light mode", "Not found", "Permanent link"):
        assert english not in text, f"{path} shows {english!r}"


def test_the_section_list_the_switch_and_the_missing_page_speak_spanish(bilingual: Build) -> None:
    care = page(bilingual, "es/care/index.html")
    assert SPANISH["site"]["toc_title"] in visible(care)
    assert {link["title"] for link in care.select("a.headerlink")} == {SPANISH["site"]["permalink_title"]}
    labels = {tag["aria-label"] for tag in care.select("input[name=__palette]")}
    assert labels == {SPANISH["site"]["switch_to_dark"], SPANISH["site"]["switch_to_light"]}
    missing = page(bilingual, "es/404.html")
    assert missing.h1 is not None and missing.h1.get_text(strip=True) == SPANISH["site"]["not_found_title"]
    # The English site keeps its words, from en.yml.
    english = page(bilingual, "care/index.html")
    assert ENGLISH["site"]["toc_title"] in visible(english)
    assert page(bilingual, "404.html").h1.get_text(strip=True) == ENGLISH["site"]["not_found_title"]  # type: ignore[union-attr]
