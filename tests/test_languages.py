"""A clinic's site in English and Spanish (mkdocs-static-i18n): every translated page beside its original, a
switcher that never leads to a missing page, translations that say when their original changed, and a third
language that is data only. Built from the fixture site in tests/languages_fixture.py, without PDFs
(tests/test_languages_pdf.py makes the Spanish PDFs)."""

from __future__ import annotations

import json
import re
import shutil
from datetime import date
from pathlib import Path
from xml.etree import ElementTree

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import ROOT, WITHOUT_PDFS, Build, FixtureSite
from languages_fixture import CARE, HOME, SITE_URL, write_bilingual_site

from kit.data.patient_text import human_date, strings
from kit.pages.translation import fingerprint, record_fingerprint

ES = strings("es")


@pytest.fixture(scope="module")
def bilingual(tmp_path_factory: pytest.TempPathFactory) -> Build:
    site = FixtureSite(write_bilingual_site(tmp_path_factory.mktemp("bilingual")))
    build = site.build("--strict", env=WITHOUT_PDFS)
    assert build.returncode == 0, build.output
    return build


def soup(build: Build, url: str) -> BeautifulSoup:
    return BeautifulSoup(build.page(url), "html.parser")


def switcher(page: BeautifulSoup) -> dict[str, tuple[str, str]]:
    """The language switcher's entries: language -> (words, link)."""
    return {a["hreflang"]: (" ".join(a.get_text().split()), a["href"]) for a in page.select("a.md-select__link")}


def test_each_translated_page_is_published_in_spanish_marked_as_spanish(bilingual: Build) -> None:
    page = soup(bilingual, "es/care")
    assert page.html["lang"] == "es"
    assert page.h1.get_text(strip=True).rstrip("¶") == "Cuidados"
    data = json.loads(page.select_one('script[type="application/ld+json"]').string)
    assert data["inLanguage"] == "es"
    # The kit's own words on the page come from kit/strings/es.yml: disclaimer, contact block.
    assert ES["disclaimer"]["text"] in page.get_text(" ")
    assert ES["contact"]["title"].replace("{clinic}", "Harbour Test Clinic") in page.get_text(" ")
    # The clinic's details written in words come from clinic.yml's `es:` block.
    assert "De lunes a viernes, de 8:00 a 16:00" in page.get_text(" ")
    english = soup(bilingual, "care")
    assert english.html["lang"] == "en"
    assert "Monday to Friday, 8am to 4pm" in english.get_text(" ") and "De lunes" not in english.get_text(" ")
    assert json.loads(english.select_one('script[type="application/ld+json"]').string)["inLanguage"] == "en"


def test_the_switcher_and_the_page_head_lead_to_the_same_page_in_the_other_language(bilingual: Build) -> None:
    assert switcher(soup(bilingual, "care")) == {"en": ("English", "/skin/care/"), "es": ("Español", "/skin/es/care/")}
    assert switcher(soup(bilingual, "es/care")) == {"en": ("English", "/skin/care/"), "es": ("Español", "/skin/es/care/")}
    # hreflang alternates: on each switcher link, and in sitemap.xml with full addresses, not as <link rel="alternate">
    # in the page head, which makes Material's script download sitemap.xml on every page view.
    assert not soup(bilingual, "es/care").select('head link[rel="alternate"][hreflang]')
    names = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    sitemap = ElementTree.parse(bilingual.site / "sitemap.xml")
    care = next(url for url in sitemap.iterfind("s:url", names) if url.findtext("s:loc", namespaces=names) == SITE_URL + "care/")
    alternates = {link.get("hreflang"): link.get("href") for link in care.iterfind("x:link", names)}
    assert alternates == {"en": SITE_URL + "care/", "es": SITE_URL + "es/care/"}
    # The glossary, which the kit makes, exists in both languages.
    assert switcher(soup(bilingual, "glossary"))["es"] == ("Español", "/skin/es/glossary/")
    glossary = soup(bilingual, "es/glossary")
    assert glossary.h1.get_text(strip=True).rstrip("¶") == ES["glossary"]["title"]
    entries = zip(glossary.select("dt"), glossary.select("dd"), strict=True)
    # terminology.yml's Spanish (`es:`) term and definition
    assert [(dt.get_text(strip=True), dd.get_text(strip=True)) for dt, dd in entries] == [
        ("colágeno", "Una proteína que mantiene la piel fuerte.")
    ]


def test_a_page_without_a_translation_is_not_in_the_spanish_menu_and_its_switcher_says_so(bilingual: Build) -> None:
    assert not (bilingual.site / "es" / "prices").exists()
    spanish_menu = [a.get_text(strip=True) for a in soup(bilingual, "es/care").select("nav.md-nav--primary a.md-nav__link")]
    assert "Prices" not in spanish_menu and "Cuidados" in spanish_menu
    words = ES["translation"]["not_translated"].replace("{language}", "Español")
    assert switcher(soup(bilingual, "prices"))["es"] == (words, "/skin/es/")


def test_each_language_searches_its_own_pages_with_its_own_stemmer(bilingual: Build) -> None:
    """English pages download no Spanish text or stemmer; Spanish pages search a Spanish index (lunr's Spanish stemmer)."""
    english = json.loads((bilingual.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    spanish = json.loads((bilingual.site / "es" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert english["config"]["lang"] == ["en"] and spanish["config"]["lang"] == ["es"]
    assert any(doc["location"].startswith("care/") and "mild cream" in doc["text"] for doc in english["docs"])
    assert not any("crema suave" in doc["text"] for doc in english["docs"])
    assert any(doc["location"].startswith("care/") and "crema suave" in doc["text"] for doc in spanish["docs"])
    # Material's script finds the index, and resolves results, under the page's `base`: the Spanish folder.
    config = json.loads(soup(bilingual, "es/care").select_one("script#__config").string)
    assert config["base"] == "../../es/"
    assert json.loads(soup(bilingual, "care").select_one("script#__config").string)["base"] == ".."


def test_the_demonstration_translation_says_it_is_one_and_names_nobody(bilingual: Build) -> None:
    foot = soup(bilingual, "es/care").select_one("p.page-translation")
    assert foot is not None and foot.get_text(strip=True) == ES["translation"]["demo"]
    assert soup(bilingual, "care").select_one("p.page-translation") is None  # the original is no translation
    assert soup(bilingual, "es/care").select_one(".stale-translation") is None  # recorded as up to date


def test_the_site_keeps_one_404_page_in_its_first_language(bilingual: Build) -> None:
    assert 'lang="en"' in (bilingual.site / "404.html").read_text(encoding="utf-8")
    assert 'lang="es"' in (bilingual.site / "es" / "404.html").read_text(encoding="utf-8")


def test_changing_one_english_sentence_makes_the_translation_out_of_date_on_the_page_and_in_the_build(tmp_path: Path) -> None:
    site = FixtureSite(write_bilingual_site(tmp_path, extra="  translations:\n    out_of_date: error\n"))
    care = tmp_path / "docs" / "care.md"
    care.write_text(CARE.replace("Use a mild cream each day.", "Use a mild cream twice a day."), encoding="utf-8")
    build = site.build(env=WITHOUT_PDFS)  # not strict: the page is still written, with its notice
    translation = (tmp_path / "docs" / "care.es.md").read_text(encoding="utf-8")
    line = next(n for n, text in enumerate(translation.splitlines(), start=1) if text.startswith("translation_of:"))
    assert re.search(rf"ERROR +-  translation: docs/care\.es\.md:{line}:\d+: care\.md has changed since this translation", build.output)
    notice = soup(build, "es/care").select_one(".stale-translation")
    assert notice is not None
    changed = date.fromtimestamp(care.stat().st_mtime)  # outside git: the file's own date
    assert ES["translation"]["stale"].replace("{date}", human_date(changed, "es")) in " ".join(notice.get_text(" ").split())
    assert notice.a["href"] == "../../care/" and notice.a["hreflang"] == "en"
    # The level is the clinic's: the strict build that publishes stops on it.
    assert site.build("--strict", env=WITHOUT_PDFS).returncode != 0


def test_a_live_site_refuses_a_translation_without_its_reviewer_at_that_line(tmp_path: Path) -> None:
    write_bilingual_site(tmp_path)
    clinic = tmp_path / "clinic.yml"
    clinic.write_text(clinic.read_text(encoding="utf-8").replace("mode: demo", "mode: live"), encoding="utf-8")
    for page in (tmp_path / "docs").glob("*.md"):
        add_front_matter(page, "reviewer: Dr Ada Lovell, dermatologist\n" if "reviewed:" in page.read_text(encoding="utf-8") else "")
    spanish = tmp_path / "docs" / "care.es.md"
    add_front_matter(spanish, "translator: Ana Ruiz, medical translator\n")  # and no translation_reviewer
    add_front_matter(
        tmp_path / "docs" / "index.es.md", "translator: Ana Ruiz, medical translator\ntranslation_reviewer: Luis Vega, dermatologist\n"
    )
    build = FixtureSite(tmp_path).build("--strict", env=WITHOUT_PDFS)
    assert build.returncode != 0
    line = next(n for n, text in enumerate(spanish.read_text(encoding="utf-8").splitlines(), start=1) if text.startswith("translation_of:"))
    found = re.findall(r"translation: (docs/[\w.]+):(\d+):\d+: This translation does not name (who [\w ]+)", build.output)
    assert found == [("docs/care.es.md", str(line), "who checked the translation against the original")], build.output


def add_front_matter(page: Path, lines: str) -> None:
    page.write_text(page.read_text(encoding="utf-8").replace("---\n\n#", lines + "---\n\n#", 1), encoding="utf-8")


def test_a_third_language_is_data_only(tmp_path: Path) -> None:
    """A clinic's fork adds French: a strings file, a `- locale:` entry and a translated page; its kit's code is unchanged."""
    for folder in ("kit", "overrides", "brochure"):
        shutil.copytree(ROOT / folder, tmp_path / folder, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "hooks.py", tmp_path / "hooks.py")
    french = "        - locale: fr\n          name: Français\n          nav_translations:\n            Care: Soins\n"
    write_bilingual_site(tmp_path, more_languages=french)
    config = tmp_path / "mkdocs.yml"  # the fork's own kit, hooks and templates
    config.write_text(config.read_text(encoding="utf-8").replace(str(ROOT), str(tmp_path)), encoding="utf-8")
    english = yaml.safe_load((ROOT / "kit" / "strings" / "en.yml").read_text(encoding="utf-8"))
    (tmp_path / "kit" / "strings" / "fr.yml").write_text(yaml.safe_dump(tagged(english, "[fr] "), allow_unicode=True), "utf-8")
    (tmp_path / "docs" / "care.fr.md").write_text(
        CARE.replace("# Care", "# Soins").replace("Key points", "[fr] Key points"), encoding="utf-8"
    )
    french_home = HOME.replace("# Harbour skin", "# Peau Harbour").replace("Key points", "[fr] Key points")
    (tmp_path / "docs" / "index.fr.md").write_text(french_home, encoding="utf-8")
    for page in ("care.fr.md", "index.fr.md"):
        record_fingerprint(tmp_path / "docs" / page)
    build = FixtureSite(tmp_path).build("--strict", env={**WITHOUT_PDFS, "PYTHONPATH": str(tmp_path)})
    assert build.returncode == 0, build.output
    page = soup(build, "fr/care")
    assert page.html["lang"] == "fr"
    assert "[fr] " + english["disclaimer"]["text"] in page.get_text(" ")
    assert set(switcher(page)) == {"en", "es", "fr"}
    assert switcher(soup(build, "care"))["fr"] == ("Français", "/skin/fr/care/")
    assert switcher(soup(build, "es/care"))["fr"] == ("Français", "/skin/fr/care/")
    assert "Prices" not in build.page("fr") and not (build.site / "fr" / "prices").exists()
    for module in (ROOT / "kit").rglob("*.py"):  # nothing but data was added to the fork's kit
        assert (tmp_path / module.relative_to(ROOT)).read_bytes() == module.read_bytes()


def tagged(value: object, tag: str) -> object:
    """Every string of a strings file marked as the fixture language's, placeholders kept."""
    if isinstance(value, dict):
        return {key: tagged(item, tag) for key, item in value.items()}
    if isinstance(value, list):
        return [tagged(item, tag) for item in value]
    if isinstance(value, str) and "{" not in value:  # date_format and friends stay as they are
        return tag + value
    return value


def test_the_fingerprint_follows_the_words_not_the_line_wrapping_or_the_front_matter() -> None:
    page = "---\nreviewed: 2026-01-01\n---\n\n# Care\n\nStay out of the sun.\nUse a mild cream.\n"
    assert fingerprint(page) == fingerprint(page.replace("2026-01-01", "2026-06-01"))
    assert fingerprint(page) == fingerprint(page.replace("sun.\nUse", "sun. Use"))
    assert fingerprint(page) != fingerprint(page.replace("mild", "rich"))


def test_the_translated_command_records_the_original_and_keeps_every_other_line(tmp_path: Path) -> None:
    (tmp_path / "care.md").write_text(CARE, encoding="utf-8")
    spanish = tmp_path / "care.es.md"
    spanish.write_text("---\ntitle: Cuidados\ntranslation_of: 000000000000\n---\n\n# Cuidados\n", encoding="utf-8")
    recorded = record_fingerprint(spanish)
    assert recorded == fingerprint(CARE)
    assert spanish.read_text(encoding="utf-8") == f"---\ntitle: Cuidados\ntranslation_of: {recorded}\n---\n\n# Cuidados\n"
    with pytest.raises(ValueError, match="not named as a translation"):
        record_fingerprint(tmp_path / "care.md")
