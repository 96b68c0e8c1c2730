"""A clinic edits its details once, in clinic.yml, and every place shows them."""

from __future__ import annotations

import json
from pathlib import Path

from bs4 import BeautifulSoup
from conftest import CLINIC, DOCS, NAV_PAGES, ROOT, SETTINGS, WITHOUT_PDFS, Build, FixturePage, front_matter, new_fixture_site, url_of
from fixturesite import FIXTURE_CLINIC
from textutil import normalize

from kit.data.clinic import load_clinic

NEW_NAME = "Northgate Skin Care"
NEW_PHONE = "+44 161 496 7788"
CONTACT_PAGES = [source for source in NAV_PAGES if front_matter(DOCS / source).get("contact") is True]


def structured_data(html: str) -> dict:
    scripts = BeautifulSoup(html, "html.parser").select('script[type="application/ld+json"]')
    assert len(scripts) == 1, f"{len(scripts)} JSON-LD blocks"
    return json.loads(scripts[0].string)


def visible_text(soup: BeautifulSoup, selector: str) -> str:
    element = soup.select_one(selector)
    assert element is not None, f"nothing matches {selector}"
    return normalize(element.get_text(" "))


def test_a_changed_clinic_name_and_phone_reach_header_footer_contact_block_and_structured_data(tmp_path: Path) -> None:
    page = FixturePage("index.md", "Welcome", contact=True)
    site = new_fixture_site(tmp_path, pages=[page], theme_overrides=True, extra_config="extra:\n  generator: false\n")
    site.set_clinic(name=NEW_NAME, phone=NEW_PHONE)

    build = site.build("--strict", env=WITHOUT_PDFS)
    assert build.returncode == 0, build.output

    html = build.page("")
    soup = BeautifulSoup(html, "html.parser")
    assert NEW_PHONE in visible_text(soup, ".md-banner .clinic-bar")
    assert visible_text(soup, ".md-header .clinic-name") == NEW_NAME
    assert soup.select_one(".md-header .md-logo img")["alt"] == NEW_NAME
    footer = visible_text(soup, "footer .clinic-footer")
    assert NEW_NAME in footer and NEW_PHONE in footer
    assert normalize(soup.select_one("footer .md-copyright").get_text(" ")) == f"© {NEW_NAME}"
    contact = visible_text(soup, "article .clinic-contact")
    assert NEW_NAME in contact and NEW_PHONE in contact
    assert soup.select_one("article .clinic-contact a[href^='tel:']")["href"] == "tel:+441614967788"
    publisher = structured_data(html)["publisher"]
    assert publisher["name"] == NEW_NAME and publisher["telephone"] == NEW_PHONE
    assert FIXTURE_CLINIC["name"] not in soup.get_text(" ")


def test_pages_with_the_contact_flag_end_with_how_to_contact_the_clinic(real_site: Build) -> None:
    for source in CONTACT_PAGES:
        soup = BeautifulSoup(real_site.page(url_of(source)), "html.parser")
        block = soup.select_one("article .clinic-contact")
        assert block is not None, source
        text = normalize(block.get_text(" "))
        for detail in (CLINIC["name"], CLINIC["phone"], CLINIC["email"], *CLINIC["address"], normalize(CLINIC["emergency"])):
            assert detail in text, (source, detail)
        if CLINIC.get("booking_url"):
            assert block.select_one(f"a[href='{CLINIC['booking_url']}']") is not None
        heading = block.select_one("h2")
        assert block["aria-labelledby"] == heading["id"]


def test_pages_without_the_contact_flag_have_no_contact_block(real_site: Build) -> None:
    for url in [url_of(source) for source in NAV_PAGES if source not in CONTACT_PAGES] + ["glossary"]:
        assert BeautifulSoup(real_site.page(url), "html.parser").select_one(".clinic-contact") is None, url


def test_every_page_footer_says_who_to_call_in_an_emergency(real_site: Build) -> None:
    """In every language the site has: its words from clinic.yml's block for that language (`es:`), as the kit reads it."""
    assert CLINIC.get("emergency"), "clinic.yml says nothing about emergencies (`emergency:`)"
    html = real_site.site.rglob("index.html")
    i18n = next((entry["i18n"] for entry in SETTINGS.get("plugins", []) if isinstance(entry, dict) and "i18n" in entry), {})
    languages = {language["locale"] for language in i18n.get("languages", []) if not language.get("default")}  # their folders
    for html_file in html:
        parts = html_file.relative_to(real_site.site).parts
        if "print_page" in parts or parts[0] == "archive":
            continue
        language = parts[0] if len(parts) > 1 and parts[0] in languages else ""
        emergency = normalize(load_clinic(ROOT / "clinic.yml", language).emergency)
        footer = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser").select_one("footer .clinic-footer")
        assert footer is not None and emergency in normalize(footer.get_text(" ")), html_file
