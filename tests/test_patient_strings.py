"""Every word the kit shows patients comes from one strings file (kit/strings/<language>.yml).

A clinic (or a translator) changes a word there, and the site and the PDFs say the
new word: nothing in the templates or the print stylesheet still says the old one.
The kit is copied so its strings file can be edited without touching the checkout.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from bs4 import BeautifulSoup
from conftest import OTHER_CLINIC, ROOT, FixtureSite
from pdftext import read_pdf
from pypdf import PdfReader
from test_brochure import brochure_fixture

# New words for some of the strings, each with its placeholders where a translation may put them.
CHANGED = {
    ("site", "downloads"): "Leaflets to print",
    ("site", "download_brochure"): "Get the leaflet as a PDF file",
    ("site", "download_booklet"): "Get the folding leaflet as a PDF file",
    ("print", "page_of"): "Sheet {page} / {pages}",
    ("print", "phone"): "Call us on {phone}",
    ("print", "contents"): "In this leaflet",
    ("print", "handout_title"): "Take-home sheet: {page}",
}


def kit_with_changed_strings(destination: Path) -> tuple[dict, Path]:
    """A copy of the kit (hooks.py and kit/) whose English strings say CHANGED; the original strings and the copy's hooks."""
    shutil.copytree(ROOT / "kit", destination / "kit", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "hooks.py", destination / "hooks.py")
    strings_file = destination / "kit" / "strings" / "en.yml"
    original = yaml.safe_load(strings_file.read_text(encoding="utf-8"))
    changed = yaml.safe_load(strings_file.read_text(encoding="utf-8"))
    for (section, key), words in CHANGED.items():
        changed[section][key] = words
    strings_file.write_text(yaml.safe_dump(changed, allow_unicode=True), encoding="utf-8")
    return original, destination / "hooks.py"


def test_a_word_changed_in_the_strings_file_changes_the_site_and_the_pdf(fixture_site: FixtureSite, tmp_path_factory) -> None:
    kit = tmp_path_factory.mktemp("kit-copy")
    original, hooks = kit_with_changed_strings(kit)
    brochure_fixture(fixture_site)
    fixture_site.set_clinic(phone=OTHER_CLINIC["phone"])  # the PDF footer's phone line, whatever the kit's own clinic.yml has
    config = fixture_site.root / "mkdocs.yml"
    settings = config.read_text(encoding="utf-8").replace(str(ROOT / "hooks.py"), str(hooks))
    config.write_text(settings.replace("  name: material\n", f"  name: material\n  custom_dir: {ROOT / 'overrides'}\n"), encoding="utf-8")
    build = fixture_site.build(env={"PYTHONPATH": str(kit)})
    assert build.returncode == 0, build.output

    aside = BeautifulSoup(build.page(""), "html.parser").select_one("aside.brochure-download")
    assert aside is not None, "the page links to its PDFs"
    assert aside["aria-label"] == CHANGED[("site", "downloads")]
    links = aside.get_text(" ", strip=True)
    assert CHANGED[("site", "download_brochure")] in links and CHANGED[("site", "download_booklet")] in links
    assert original["site"]["download_brochure"] not in links

    _, pages = read_pdf(next(build.site.glob("*-brochure-a4.pdf")))
    footer = pages[1].margin_text
    assert f"Sheet 2 / {len(pages)}" in footer, footer
    assert f"Call us on {OTHER_CLINIC['phone']}" in footer, footer
    assert original["print"]["page_of"].split("{")[0].strip() not in footer, footer
    assert CHANGED[("print", "contents")] in pages[1].body_text, pages[1].body_text
    assert original["print"]["contents"] not in " ".join(page.body_text for page in pages)

    handout = PdfReader(next(build.site.glob("*-handout-a4.pdf")))
    assert handout.metadata is not None and handout.metadata.title == "Take-home sheet: Aftercare"
