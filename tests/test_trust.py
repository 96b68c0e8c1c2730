"""Information a patient can trust (issue 22), on a clinic's own live site built once from scratch:
where each page's facts come from, who publishes it, how to get it in other formats, how to say what is
unclear, and a page on how the information is made.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import HEALTH_PAGES, ROOT, Build, url_of
from trustsite import CLINIC_YML, HOW_WE_WORK, PAGES, write_site

from kit.data.clinic import load_clinic
from kit.data.patient_text import human_date, strings
from kit.pages.pagefoot import page_foot
from kit.report.findings import StopBuild

TEXT = strings("en")
CLINIC = yaml.safe_load(CLINIC_YML)
HEALTH = ["index.md", "recovery.md", "risks.md"]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    build = write_site(tmp_path_factory.mktemp("trust")).build()
    assert build.returncode == 0, build.output
    return build


def page(build: Build, source: str) -> BeautifulSoup:
    return BeautifulSoup(build.page(url_of(source)), "html.parser")


def front(source: str) -> dict:
    return yaml.safe_load(PAGES[source].split("---\n")[1])


def test_a_page_lists_its_sources_under_a_sources_heading_with_the_day_each_was_checked(site: Build) -> None:
    for source in ("index.md", "recovery.md"):
        section = page(site, source).select_one("section.page-sources")
        assert section is not None and section.h2.get_text() == TEXT["sources"]["title"]
        items = section.select("li")
        listed = front(source)["sources"]
        assert len(items) == len(listed)
        for item, entry in zip(items, listed, strict=True):
            link = item.a
            assert link.get_text() == entry["title"]
            assert link["href"] == (entry["url"] if "url" in entry else f"https://doi.org/{entry['doi']}")
            assert entry["publisher"] in item.get_text()
            assert human_date(entry["checked"]) in item.get_text()
            assert (f"({entry['year']})" in item.get_text()) if "year" in entry else not re.search(r"\(\d{4}\)", item.get_text())


def test_a_live_health_page_without_sources_gets_a_warning_at_its_front_matter_and_shows_no_sources_heading(site: Build) -> None:
    line = PAGES["risks.md"].splitlines().index("reviewed: 2026-09-01") + 1
    assert f"WARNING -  sources: docs/risks.md:{line}:1: This health page lists no sources" in site.output, site.output
    assert page(site, "risks.md").select_one("section.page-sources") is None
    assert "docs/index.md" not in re.findall(r"sources: (docs/\S+?):\d+:\d+: This health page lists no sources", site.output)


def test_a_source_checked_before_the_page_was_last_reviewed_is_listed_for_re_checking(site: Build) -> None:
    text = PAGES["index.md"].splitlines()
    line = text.index("    checked: 2026-03-15") + 1
    assert f"sources: docs/index.md:{line}:14: The source 'A review of skin needling' was last checked on 2026-03-15" in site.output
    assert site.output.count("sources.recheck") == 0 and site.output.count("was last checked on") == 1, site.output


def test_every_health_page_says_who_publishes_it_offers_other_formats_and_asks_for_feedback_by_email_naming_the_page(site: Build) -> None:
    for source in HEALTH:
        html = page(site, source)
        trust = html.select_one(".page-trust")
        assert trust is not None, source
        assert trust.select_one(".page-publisher").get_text() == TEXT["publisher"]["line"].format(clinic=CLINIC["name"])
        formats = trust.select_one(".page-formats")
        assert formats.get_text(" ", strip=True).replace(" :", ":").startswith(TEXT["formats"]["both"].split(":")[0])
        assert {a["href"] for a in formats.select("a")} == {f"mailto:{CLINIC['email']}", "tel:+442033184400"}
        link = urlsplit(trust.select_one(".page-feedback a")["href"])
        assert link.scheme == "mailto" and link.path == CLINIC["email"]
        # The subject names the page (and, with versions, its leaflet code and version or "draft": kit/release).
        (subject,) = parse_qs(link.query)["subject"]
        assert subject.startswith(TEXT["feedback"]["subject"].format(page=front(source)["title"])), subject
        assert not html.select("script[src]") or all("feedback" not in s["src"] for s in html.select("script[src]"))


def test_a_page_without_health_information_has_no_sources_publisher_or_feedback_lines(site: Build) -> None:
    html = page(site, "prices.md")
    assert html.select_one(".page-trust") is None and html.select_one(".page-sources") is None


def test_the_structured_data_names_the_publisher_and_cites_the_sources(site: Build) -> None:
    data = json.loads(page(site, "index.md").select_one('script[type="application/ld+json"]').string)
    assert data["publisher"]["name"] == CLINIC["name"]
    assert [c["name"] for c in data["citation"]] == [s["title"] for s in front("index.md")["sources"]]
    assert data["citation"][1]["url"] == "https://doi.org/10.1111/jsc.12345"


def test_the_about_page_is_made_by_the_build_listed_in_the_nav_and_is_not_a_health_page(site: Build) -> None:
    html = page(site, "about-this-information.md")
    assert html.h1.get_text(strip=True).startswith(TEXT["about"]["title"])
    nav = page(site, "index.md").select(".md-nav__link")
    assert any(a.get("href", "").rstrip("/").endswith("about-this-information") for a in nav)
    assert html.select_one(".clinic-disclaimer") is None and html.select_one(".page-review") is None
    text = html.get_text(" ", strip=True)
    assert HOW_WE_WORK.strip() in text  # the clinic's own section, from how-we-work.md
    assert TEXT["about"]["sources_count"].format(pages=2, total=3) in text
    assert "Dr Ada Lovell, Consultant dermatologist" in text
    assert TEXT["publisher"]["line"].format(clinic=CLINIC["name"]) in text
    data = json.loads(html.select_one('script[type="application/ld+json"]').string)
    assert data["@type"] == "WebPage"


def test_a_malformed_source_stops_the_build_at_its_line(tmp_path: Path) -> None:
    broken = PAGES["recovery.md"].replace(
        "url: https://harbour-health-agency.org/after-needling", "url: http://harbour-health-agency.org/x"
    )
    site = write_site(tmp_path, pages={**PAGES, "recovery.md": broken})
    build = site.build()
    line = broken.splitlines().index("    url: http://harbour-health-agency.org/x") + 1
    assert build.returncode != 0 and "Traceback" not in build.output
    assert f"docs/recovery.md:{line}:10: `http://harbour-health-agency.org/x` is an http: address" in build.output, build.output


@pytest.mark.parametrize(
    ("entry", "line", "column", "problem"),
    [
        ("  - title: No date\n    publisher: P\n    url: https://a.org/\n", 3, 5, "This source has no `checked`"),
        (
            "  - title: T\n    publisher: P\n    url: https://a.org/\n    checked: 24/11/2026\n",
            6,
            14,
            "`checked: 24/11/2026` is not a date",
        ),
        ("  - title: T\n    publisher: P\n    doi: 10.1/x\n    checked: 2026-11-24\n", 5, 10, "`doi: 10.1/x` is not a DOI"),
        ("  - title: T\n    publisher: P\n    checked: 2026-11-24\n", 3, 5, "A source needs either a `url:` or a `doi:`"),
        ("  - title: T\n    author: P\n", 4, 5, "`author` is not a detail of a source"),
        ("  just text\n", 3, 3, "`sources` must be a list"),
    ],
)
def test_each_kind_of_malformed_source_is_named_at_its_place(tmp_path: Path, entry: str, line: int, column: int, problem: str) -> None:
    from kit.pages.frontmatter import read_front_matter
    from kit.pages.sources import read_sources

    path = tmp_path / "page.md"  # its front matter starts on line 2, after `---`
    with pytest.raises(StopBuild) as stop:
        read_sources(read_front_matter(path, "sources:\n" + entry))
    assert f"page.md:{line}:{column}: {problem}" in str(stop.value)


def test_the_feedback_link_goes_to_the_clinics_own_feedback_page_when_clinic_yml_names_one(tmp_path: Path) -> None:
    (tmp_path / "clinic.yml").write_text(CLINIC_YML + "feedback_url: https://harbourlane-dermatology.co.uk/tell-us\n")
    clinic = load_clinic(tmp_path / "clinic.yml")
    html = BeautifulSoup(page_foot(clinic, None, False, sources=(), page_title="Recovery"), "html.parser")
    assert html.select_one(".page-feedback a")["href"] == "https://harbourlane-dermatology.co.uk/tell-us"


def test_a_feedback_url_that_is_not_https_stops_at_its_line_in_clinic_yml(tmp_path: Path) -> None:
    (tmp_path / "clinic.yml").write_text(CLINIC_YML + "feedback_url: javascript:alert(1)\n")
    with pytest.raises(StopBuild) as stop:
        load_clinic(tmp_path / "clinic.yml")
    line = (tmp_path / "clinic.yml").read_text().splitlines().index("feedback_url: javascript:alert(1)") + 1
    assert f"clinic.yml:{line}:" in str(stop.value)


def test_a_clinic_without_a_phone_offers_other_formats_by_email(tmp_path: Path) -> None:
    text = re.sub(r"^phone:.*\n", "", CLINIC_YML, flags=re.M)
    (tmp_path / "clinic.yml").write_text(text)
    html = BeautifulSoup(page_foot(load_clinic(tmp_path / "clinic.yml"), None, False, sources=(), page_title="Risks"), "html.parser")
    formats = html.select_one(".page-formats")
    assert [a["href"] for a in formats.select("a")] == [f"mailto:{CLINIC['email']}"]
    assert formats.get_text(" ", strip=True).replace(" .", ".") == TEXT["formats"]["email_only"].format(email=CLINIC["email"])


def test_a_demonstration_page_says_plainly_it_cites_no_sources(tmp_path: Path) -> None:
    (tmp_path / "clinic.yml").write_text(CLINIC_YML.replace("mode: live", "mode: demo"))
    html = BeautifulSoup(page_foot(load_clinic(tmp_path / "clinic.yml"), None, False, sources=(), page_title="Risks"), "html.parser")
    assert html.select_one(".page-sources p").get_text() == TEXT["sources"]["demo_none"]


# --- The clinic's real site: invariants that hold for any valid site ---


def test_every_health_page_of_the_site_has_the_feedback_link_the_formats_statement_and_the_publisher_line(real_site: Build) -> None:
    clinic = load_clinic(ROOT / "clinic.yml")
    for source in HEALTH_PAGES:
        html = page(real_site, source)
        assert html.select_one(".page-publisher").get_text() == TEXT["publisher"]["line"].format(clinic=clinic.name), source
        assert f"mailto:{clinic.email}" in {a["href"] for a in html.select(".page-formats a")}
        feedback = html.select_one(".page-feedback a")["href"]
        assert feedback == clinic.feedback_url or feedback.startswith(f"mailto:{clinic.email}?subject=")
        listed = (yaml.safe_load((ROOT / "docs" / source).read_text(encoding="utf-8").split("---\n")[1]) or {}).get("sources") or []
        items = html.select(".page-sources li")
        assert len(items) == len(listed), source
        if clinic.demo and not listed:
            assert html.select_one(".page-sources p").get_text() == TEXT["sources"]["demo_none"]


def test_the_demonstration_pages_cite_no_source_because_the_example_text_names_none() -> None:
    """The seed text (source/microneedling.txt) names no study, agency or publication: no page may invent one."""
    seed = (ROOT / "source" / "microneedling.txt").read_text(encoding="utf-8")
    assert not re.search(r"https?://|doi|journal|et al\.|study|studies", seed, re.I)
    clinic = load_clinic(ROOT / "clinic.yml")
    if not clinic.demo:
        pytest.skip("a live clinic's pages cite its own sources")
    for source in HEALTH_PAGES:
        meta = yaml.safe_load((ROOT / "docs" / source).read_text(encoding="utf-8").split("---\n")[1]) or {}
        assert not meta.get("sources"), source


def test_the_about_page_links_to_the_versions_archive_when_the_site_has_one(real_site: Build) -> None:
    about = page(real_site, "about-this-information.md")
    links = {a["href"] for a in about.select("article a[href]")}
    has_archive = (real_site.site / "archive" / "index.html").is_file()
    assert ("../archive/" in links) == has_archive, links
