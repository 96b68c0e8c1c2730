"""A small clinic site written from scratch, for tests of what hostile or careless input does.

Nothing here copies the kit's clinic.yml, terminology.yml or pages: each value is
the test's own, so a test can put a script, a `javascript:` link or an odd phone
number into any field and see what reaches the built site.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from conftest import FIXTURE_TODAY, ROOT, Build, run_mkdocs
from fixturesite import PRINT_SITE_ENTRY

CONFIG = """\
site_name: Harbour Lane skin care
site_url: https://harbour-lane.github.io/skin/
theme:
  name: material
  font: false
  custom_dir: {root}/overrides
markdown_extensions:
  - admonition
  - attr_list
  - md_in_html
  - kit.web.markdown_ext
hooks:
  - {root}/hooks.py
plugins:
  - search
"""

# Added to mkdocs.yml by `with_brochure` (after CONFIG's `plugins:` list, so print-site is the last plugin).
BROCHURE = (
    PRINT_SITE_ENTRY
    + """\
nav:
  - Your visit: index.md
extra:
  brochure:
    paper: [a4]
    handout: index.md
"""
)

CLINIC = {
    "mode": "demo",
    "name": "Harbour Lane Dermatology",
    "logo": "assets/logo.svg",
    "phone": "+44 20 3318 4400",
    "email": "reception@harbourlane-dermatology.co.uk",
    "address": ["14 Harbour Lane", "Bristol BS1 4RW"],
    "website": "https://harbourlane-dermatology.co.uk/",
    "booking_url": "https://harbourlane-dermatology.co.uk/book",
}

TERMINOLOGY = {"terms": [{"term": "dermis", "definition": "The deeper layer of the skin."}]}

PAGE = """\
---
reviewed: 2026-11-01
next_review: 2027-11-01
description: What to expect at the clinic.
contact: true
---

# Your visit

!!! abstract "Key points"

    - Come a little early.
    - Bring your questions.
    - Tell us about your skin.

The nurse looks at the dermis and the skin above it.
"""

LOGO = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><rect width="40" height="40"/></svg>\n'


class HostileSite:
    """A fixture site in `root`: mkdocs.yml, clinic.yml, terminology.yml, a logo and pages, each replaceable."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.write("mkdocs.yml", CONFIG.format(root=ROOT))
        self.clinic(**CLINIC)
        self.terminology(TERMINOLOGY)
        self.write("docs/assets/logo.svg", LOGO)
        self.write("docs/index.md", PAGE)

    def write(self, relative: str, text: str) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def clinic(self, **values: object) -> None:
        """clinic.yml with these details (None removes one)."""
        details = {key: value for key, value in {**CLINIC, **values}.items() if value is not None}
        self.write("clinic.yml", yaml.safe_dump(details, sort_keys=False, allow_unicode=True))

    def terminology(self, data: dict) -> None:
        self.write("terminology.yml", yaml.safe_dump(data, sort_keys=False, allow_unicode=True))

    def config(self, more: str) -> None:
        """More mkdocs.yml settings, at its end."""
        self.write("mkdocs.yml", CONFIG.format(root=ROOT) + more)

    def with_brochure(self, papers: str = "[a4]") -> None:
        """The print-site plugin and the kit's brochure templates, the home page as the handout: PDFs are made."""
        shutil.copytree(ROOT / "brochure", self.root / "brochure", dirs_exist_ok=True)
        self.config(BROCHURE.replace("[a4]", papers))

    def build(self, *args: str, env: dict[str, str] | None = None) -> Build:
        return run_mkdocs(self.root, self.root / "site", *args, env={"CLINIC_KIT_TODAY": FIXTURE_TODAY, **(env or {})})
