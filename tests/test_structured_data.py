"""Search engines read each page as reviewed patient information from the clinic."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import CLINIC, DEMO, DOCS, HEALTH_PAGES, SETTINGS, WITHOUT_PDFS, Build, front_matter, new_fixture_site, url_of

SITE_URL = SETTINGS["site_url"]


def page_data(html: str) -> dict:
    scripts = BeautifulSoup(html, "html.parser").select('head script[type="application/ld+json"]')
    assert len(scripts) == 1, f"{len(scripts)} JSON-LD blocks in the head"
    return json.loads(scripts[0].string)


@pytest.mark.parametrize("source", HEALTH_PAGES)
def test_each_page_describes_itself_as_a_reviewed_medical_web_page_matching_its_front_matter(real_site: Build, source: str) -> None:
    url = url_of(source)
    meta = front_matter(DOCS / source)
    data = page_data(real_site.page(url))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "MedicalWebPage"
    assert data["name"] == meta["title"]
    assert data["description"] == meta["description"]
    assert data["url"] == SITE_URL + (url + "/" if url else "")
    if DEMO:  # a demonstration claims no review
        assert "lastReviewed" not in data and "reviewedBy" not in data
    else:
        assert data["lastReviewed"] == meta["reviewed"].isoformat()
        name, role = (part.strip() for part in meta["reviewer"].split(",", 1))
        assert data["reviewedBy"] == {
            "@type": "Person",
            "name": name,
            "jobTitle": role,
            "worksFor": {"@type": "MedicalClinic", "name": CLINIC["name"]},
        }
    assert data["medicalAudience"] == {"@type": "MedicalAudience", "audienceType": "Patient"}
    assert data["about"]["@type"] == "MedicalProcedure" and data["about"]["name"] == "Microneedling"
    publisher = data["publisher"]
    assert (publisher["name"], publisher.get("telephone", ""), publisher["email"], publisher["url"]) == (
        CLINIC["name"],
        CLINIC["phone"],
        CLINIC["email"],
        CLINIC["website"],
    )


def test_the_glossary_is_described_but_claims_no_review(real_site: Build) -> None:
    data = page_data(real_site.page("glossary"))
    assert data["@type"] == "MedicalWebPage" and data["name"] == "Glossary"
    assert "lastReviewed" not in data and "reviewedBy" not in data


def test_the_print_page_carries_no_single_pages_structured_data(real_site: Build) -> None:
    html = (real_site.site / "print_page" / "index.html").read_text(encoding="utf-8")
    assert not BeautifulSoup(html, "html.parser").select('script[type="application/ld+json"]')


def test_the_structured_data_names_the_language_the_site_is_written_in(tmp_path: Path) -> None:
    fixture_site = new_fixture_site(tmp_path, theme_overrides=True)  # the structured data is the theme's
    config = fixture_site.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  font: false\n", "  font: false\n  language: fr\n"), encoding="utf-8")
    # Not strict: the kit has no French strings yet, which the build reports (tests/test_clinic_fork.py).
    build = fixture_site.build("--no-strict", env=WITHOUT_PDFS)
    assert build.returncode == 0, build.output
    assert page_data(build.page(""))["inLanguage"] == "fr"
