"""What the kit adds inside a page does not depend on its hooks, so a builder that runs none keeps it.

Zensical, Material for MkDocs' successor, reads mkdocs.yml but runs no `hooks:`.
The review line, disclaimer, contact block, glossary tooltips and checklist
labels come from the kit's Markdown extension (kit/web/markdown_ext.py), which any
builder running Python-Markdown runs. Here a fixture site is built by MkDocs
twice, with the kit's hooks and without them (as under such a builder): patients
must read the same page. `make zensical-trial` does the same with Zensical itself.
"""

from __future__ import annotations

import json

import yaml
from bs4 import BeautifulSoup
from conftest import FIXTURE_PAGE, ROOT, FixtureSite, read_clinic
from textutil import normalize

# A fixture page with everything the kit adds inside a page: contact details,
# a checklist, and a glossary term from terminology.yml (the first one with a definition).
PAGE = FIXTURE_PAGE.replace("reviewed: 2026-11-01\n", "reviewed: 2026-11-01\ncontact: true\n") + (
    "\nExplains {term} in plain words.\n\n- [ ] Wash your hands first\n- [ ] Keep the area dry\n"
)


def first_defined_term(site: FixtureSite) -> str:
    terms = yaml.safe_load((site.root / "terminology.yml").read_text(encoding="utf-8"))["terms"]
    return next(entry["term"] for entry in terms if entry.get("definition"))


def article(html: str) -> BeautifulSoup:
    found = BeautifulSoup(html, "html.parser").select_one("article")
    assert found is not None, "the page has no article"
    return found


def test_without_the_kit_hooks_a_page_keeps_its_review_line_disclaimer_contact_tooltips_checkbox_names_and_json_ld(
    fixture_site: FixtureSite,
) -> None:
    term = first_defined_term(fixture_site)
    fixture_site.write("docs/index.md", PAGE.format(term=term))
    config = (fixture_site.root / "mkdocs.yml").read_text(encoding="utf-8")
    checklists = "  - pymdownx.tasklist:\n      custom_checkbox: true\n  - kit.web.markdown_ext\n"
    config = config.replace("  - kit.web.markdown_ext\n", checklists)
    # The kit's own templates too: they must not need what only the hooks give them.
    fixture_site.write("mkdocs.yml", config.replace("  name: material\n", f"  name: material\n  custom_dir: {ROOT / 'overrides'}\n"))
    with_hooks = fixture_site.build("--strict")
    assert with_hooks.returncode == 0, with_hooks.output

    without = (fixture_site.root / "mkdocs.yml").read_text(encoding="utf-8").split("hooks:")[0]
    assert "kit.web.markdown_ext" in without and "hooks.py" not in without
    (fixture_site.root / "mkdocs.yml").write_text(without, encoding="utf-8")
    without_hooks = fixture_site.build()
    assert without_hooks.returncode == 0, without_hooks.output

    page = article(without_hooks.page(""))
    clinic = read_clinic(fixture_site.root)
    assert page.select_one(".page-review"), "no review line"
    assert page.select_one(".clinic-disclaimer"), "no disclaimer"
    assert clinic["name"] in normalize(page.select_one(".clinic-contact").get_text(" ")), "no contact block"
    tooltip = page.select_one(".glossary-term a[aria-describedby]")
    assert tooltip is not None and normalize(tooltip.get_text()).lower() == term.lower(), "the term is not explained"
    labels = [normalize(box.find_parent("label").get_text(" ")) for box in page.select("li.task-list-item input[type=checkbox]")]
    assert labels == ["Wash your hands first", "Keep the area dry"], labels
    assert str(page) == str(article(with_hooks.page(""))), "the page reads differently without the kit's hooks"
    assert structured_data(without_hooks.page("")) == structured_data(with_hooks.page("")), "search engines read another page"


def structured_data(html: str) -> dict:
    script = BeautifulSoup(html, "html.parser").select_one('script[type="application/ld+json"]')
    assert script is not None, "no structured data in the page head"
    data = json.loads(script.string or "")
    assert data["@type"] == "MedicalWebPage"
    return data
