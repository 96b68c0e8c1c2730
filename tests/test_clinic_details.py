"""A clinic edits its details once, in clinic.yml, and every place shows them."""

from __future__ import annotations

import json

from bs4 import BeautifulSoup
from conftest import Build, FixtureSite
from textutil import normalize

NEW_NAME = "Harbour Lane Dermatology"
NEW_PHONE = "+44 20 7946 0999"


def structured_data(html: str) -> dict:
    scripts = BeautifulSoup(html, "html.parser").select('script[type="application/ld+json"]')
    assert len(scripts) == 1, f"{len(scripts)} JSON-LD blocks"
    return json.loads(scripts[0].string)


def visible_text(soup: BeautifulSoup, selector: str) -> str:
    element = soup.select_one(selector)
    assert element is not None, f"nothing matches {selector}"
    return normalize(element.get_text(" "))


def test_a_changed_clinic_name_and_phone_reach_header_footer_contact_block_and_structured_data(project_copy: FixtureSite) -> None:
    clinic_file = project_copy.root / "clinic.yml"
    text = clinic_file.read_text(encoding="utf-8")
    text = text.replace("name: Example Skin Clinic", f"name: {NEW_NAME}").replace('"+1 555 010 0123"', f'"{NEW_PHONE}"')
    clinic_file.write_text(text, encoding="utf-8")

    build = project_copy.build("--strict")
    assert build.returncode == 0, build.output

    html = build.page("aftercare")
    soup = BeautifulSoup(html, "html.parser")
    header = visible_text(soup, ".md-banner .clinic-bar")
    assert NEW_NAME in header and NEW_PHONE in header
    assert soup.select_one(".md-header .md-logo img")["alt"] == NEW_NAME
    footer = visible_text(soup, "footer .clinic-footer")
    assert NEW_NAME in footer and NEW_PHONE in footer
    assert normalize(soup.select_one("footer .md-copyright").get_text(" ")) == f"© {NEW_NAME}"
    contact = visible_text(soup, "article .clinic-contact")
    assert NEW_NAME in contact and NEW_PHONE in contact
    assert soup.select_one("article .clinic-contact a[href^='tel:']")["href"] == "tel:+442079460999"
    publisher = structured_data(html)["publisher"]
    assert publisher["name"] == NEW_NAME and publisher["telephone"] == NEW_PHONE
    assert "Example Skin Clinic" not in soup.get_text(" ")


def test_the_aftercare_and_risks_pages_end_with_how_to_contact_the_clinic(real_site: Build) -> None:
    for url in ("aftercare", "side-effects-and-risks"):
        soup = BeautifulSoup(real_site.page(url), "html.parser")
        block = soup.select_one("article .clinic-contact")
        assert block is not None, url
        text = normalize(block.get_text(" "))
        for detail in ("Example Skin Clinic", "+1 555 010 0123", "hello@example-clinic.com", "1 Example Street", "In an emergency"):
            assert detail in text, (url, detail)
        assert block.select_one("a[href='https://example-clinic.com/book']") is not None
        heading = block.select_one("h2")
        assert block["aria-labelledby"] == heading["id"]


def test_pages_without_the_contact_flag_have_no_contact_block(real_site: Build) -> None:
    for url in ("", "benefits", "how-it-works", "who-it-suits", "glossary"):
        assert BeautifulSoup(real_site.page(url), "html.parser").select_one(".clinic-contact") is None, url


def test_every_page_footer_says_who_to_call_in_an_emergency(real_site: Build) -> None:
    for html_file in real_site.site.glob("*/index.html"):
        if html_file.parent.name == "print_page":
            continue
        footer = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser").select_one("footer .clinic-footer")
        assert footer is not None and "In an emergency" in footer.get_text(), html_file
