"""Synthetic sites of N pages made from the clinic's real pages, for benchmarks.

Each synthetic page is a copy of one real page (cycled in nav order) with a
unique title, so a build of 1000 pages has the real mix of prose, lists and
admonitions. With `typos=True`, every tenth page gets the source text's known
mistakes, so the wording check has real work to report.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
REAL_PAGES = ["index.md", "benefits.md", "how-it-works.md", "who-it-suits.md", "side-effects-and-risks.md", "aftercare.md"]
INJECTED_TYPOS = ("adapouts", "micronelean shooting", "the derma")


def make_synthetic_site(dest: Path, pages: int, typos: bool = False) -> Path:
    """Write a project folder at `dest` with `pages` pages; returns its mkdocs.yml."""
    if dest.exists():
        shutil.rmtree(dest)
    docs = dest / "docs"
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
    for data_file in ("clinic.yml", "terminology.yml", "claims.yml"):
        if (ROOT / data_file).exists():
            shutil.copy(ROOT / data_file, dest / data_file)
    for folder in ("overrides", "brochure"):  # theme templates; the PDF's stylesheet, fonts and cover
        if (ROOT / folder).exists():
            shutil.copytree(ROOT / folder, dest / folder)
    nav = []
    for number in range(pages):
        real = REAL_PAGES[number % len(REAL_PAGES)]
        text = (ROOT / "docs" / real).read_text(encoding="utf-8")
        text = text.replace("\n# ", f"\n# {number + 1}. ", 1)
        text = _drop_site_links(text)
        if typos and number % 10 == 9:
            text += "\n\nThis extra paragraph adapouts to the micronelean shooting and the derma.\n"
        name = f"page-{number + 1:04d}.md" if number else "index.md"
        (docs / name).write_text(text, encoding="utf-8")
        nav.append({f"Page {number + 1}": name})
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    _handout_from_first_copy(config, nav)
    _patient_words_to_first_copies(dest / "terminology.yml", nav)
    config["nav"] = nav + [entry for entry in config["nav"] if "glossary.md" in entry.values()]  # generated page
    config["hooks"] = [str(ROOT / "hooks.py")]
    config_file = dest / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return config_file


def _handout_from_first_copy(config: dict, nav: list[dict]) -> None:
    """The handout page of the real site is a numbered copy here (aftercare.md -> page-0006.md)."""
    brochure = config.get("extra", {}).get("brochure", {})
    if brochure.get("handout") in REAL_PAGES:
        copies = [name for entry in nav for name in entry.values()]
        index = REAL_PAGES.index(brochure["handout"])
        if index < len(copies):
            brochure["handout"] = copies[index]
        else:
            del brochure["handout"]


def _patient_words_to_first_copies(terminology: Path, nav: list[dict]) -> None:
    """Patients' words name the real pages; here they name each page's first copy (aftercare.md -> page-0006.md)."""
    if not terminology.exists():
        return
    data = yaml.safe_load(terminology.read_text(encoding="utf-8")) or {}
    copies = [name for entry in nav for name in entry.values()]
    kept = []
    for entry in data.get("patient_words") or []:
        page, _, anchor = str(entry.get("page", "")).partition("#")
        if page in REAL_PAGES and REAL_PAGES.index(page) < len(copies):
            kept.append({**entry, "page": copies[REAL_PAGES.index(page)] + (f"#{anchor}" if anchor else "")})
    if "patient_words" in data:
        data["patient_words"] = kept
        terminology.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def _drop_site_links(text: str) -> str:
    """Links between the real pages would point nowhere in a synthetic site."""
    import re

    return re.sub(r"\[([^\]]+)\]\([a-z-]+\.md(#[^)]*)?\)", r"\1", text)
