"""A clinic's site written from scratch, for kit tests: its own mkdocs.yml, clinic.yml, terminology.yml and pages.

Kit tests check what the kit does, whatever a clinic has done to its own files, so a fixture
site never copies the clinic's clinic.yml, terminology.yml or docs/ pages (a clinic's own logo
path, spelling variant or page names would leak into every fixture). Everything here is the
tests' own invented clinic; the kit's code, theme overrides and brochure templates are used
from the checkout, as a fork uses them.

Usage (the `fixture_site` fixture of tests/conftest.py writes the default site into tmp_path)::

    from fixturesite import FixturePage, write_fixture_site

    write_fixture_site(tmp_path)  # one health page (index.md), demo mode, SVG logo
    write_fixture_site(
        tmp_path,
        pages=[
            FixturePage("index.md", "Welcome"),
            FixturePage("aftercare.md", "Aftercare", body="Keep the skin clean.\\n", contact=True),
            FixturePage("prices.md", "Prices", body="| Treatment | Price |\\n|---|---|\\n| One session | £200 |\\n",
                        health_page=False),
        ],
        nav=[{"Welcome": "index.md"}, {"Your visit": [{"Aftercare": "aftercare.md"}, {"Prices": "prices.md"}]}],
        clinic={"phone": None, "address": "14 Harbour Lane, Bristol BS1 4RW"},  # None deletes a line
        mode="live",  # then every health page gets `reviewer:` (FIXTURE_REVIEWER) and `sources:` unless it has them
        logo="png",  # or "svg", or None for no logo line
        variant="en-GB",  # the terminology's spelling variant
        brochure={"paper": ["a4"], "handout": "aftercare.md"},  # adds print-site and extra.brochure
        theme_overrides=True,  # the kit's overrides/ (header, footer, download links)
    )

Then build it with `FixtureSite(tmp_path).build("--strict")` (tests/conftest.py).
"""

from __future__ import annotations

import struct
import textwrap
import zlib
from dataclasses import dataclass
from pathlib import Path

import yaml

KIT = Path(__file__).resolve().parent.parent  # the checkout: its hooks.py, kit/, overrides/ and brochure/

# The tests' own clinic: invented details, none of them the kit's shipped example values.
FIXTURE_CLINIC: dict[str, object] = {
    "mode": "demo",
    "name": "Fixture Skin Clinic",
    "logo": "assets/logo.svg",
    "phone": "+1 555 010 0199",
    "email": "desk@fixture-clinic.example",
    "address": ["7 Fixture Row", "Testville, TV1 9ZZ"],
    "website": "https://fixture-clinic.example/",
    "booking_url": "https://fixture-clinic.example/book",
    "opening_hours": "Monday to Friday, 9am to 5pm",
    "out_of_hours": "Outside opening hours, leave a message and we will call you back.",
    "emergency": "In an emergency, call your local emergency number.",
    "reviewer_role": "Clinical lead",
}
FIXTURE_SITE_URL = "https://fixture-clinic.github.io/fixture/"
FIXTURE_REVIEWER = "Dr Nia Fixture, Clinical lead"

# The tests' own wording rules: a term with avoided variants and a definition, a few accepted words.
FIXTURE_TERMINOLOGY = """\
# The fixture clinic's wording (written by tests/fixturesite.py).
accepted_words:
  - comedogenic
  - hyaluronic
  - hyperpigmentation
  - keloid
  - microneedling
  - non-comedogenic
  - transformative
  - UV

spelling:
  level: error
  variant: {variant}
  mixed_variants: error
  abbreviations: suggestion

terms:
  - term: microneedling
    definition: >-
      A skin treatment that uses a device with very fine needles to make tiny
      punctures in the top layer of the skin, so that the skin repairs itself.
    avoid:
      - phrase: micro-needling
        reason: The clinic writes the treatment's name as one word.
        level: error
      - phrase: micro needling
        reason: The clinic writes the treatment's name as one word.
        level: error

  - term: collagen induction therapy
    definition: Another name for microneedling.
    avoid:
      - phrase: collagen-induction therapy
        reason: The clinic writes the name without a hyphen.
      - phrase: collagen induction treatment
        reason: The clinic uses the established name.

  - term: dermis
    definition: The layer of skin under the surface, where collagen is made.
    avoid:
      - phrase: the derma
        reason: '"Derma" is not a layer of the skin.'
        level: error
        instead: the dermis

  - term: epidermis
    definition: The top layer of the skin.

  - term: collagen
    definition: A protein that keeps skin firm.
"""

FIXTURE_CONFIG = """\
site_name: Fixture clinic site
site_url: https://fixture-clinic.github.io/fixture/
theme:
  name: material
  font: false
markdown_extensions:
  - admonition
  - attr_list
  - md_in_html
  - pymdownx.details
  - pymdownx.superfences
  - kit.web.markdown_ext
hooks:
  - {hooks}
"""

# The print-site plugin set up as the brochure needs it, for fixture sites that make PDFs.
PRINT_SITE_ENTRY = """\
  - print-site:
      add_cover_page: true
      cover_page_template: brochure/cover.html
      add_table_of_contents: false
      enumerate_headings: false
      enumerate_figures: false
"""
PRINT_SITE_PLUGIN = "plugins:\n" + PRINT_SITE_ENTRY

LOGO_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48" role="img" aria-label="Fixture clinic logo">'
    '<rect x="4" y="4" width="40" height="40" rx="8" fill="#ffffff" stroke="#1b5e20" stroke-width="3"/></svg>\n'
)


def png_logo(size: int = 96) -> bytes:
    """A plain square PNG (green on white), made here so no test depends on an image file of the clinic's."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    pixels = bytearray()
    for y in range(size):
        pixels.append(0)  # no filter on this row
        for x in range(size):
            inside = 8 <= x < size - 8 and 8 <= y < size - 8
            pixels.extend((27, 94, 32) if inside else (255, 255, 255))
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)  # 8-bit RGB
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(pixels))) + chunk(b"IEND", b"")


@dataclass
class FixturePage:
    """One page of a fixture site: a reviewed health page with a plain Key points box unless told otherwise."""

    source: str
    title: str
    body: str = "The clinic's fixture page.\n"
    description: str = "A short page the tests build."
    key_points: tuple[str, ...] = ("This is a test page.", "It has three short points.", "Each one is easy to read.")
    health_page: bool = True
    contact: bool = False
    reviewer: str = ""
    reviewed: str = "2026-11-01"
    next_review: str = "2027-11-01"
    sources: str = ""  # the entries of its `sources:` list, as YAML lines (kit/pages/sources.py)

    def text(self) -> str:
        meta: dict[str, object] = {}
        if self.health_page:
            meta |= {"reviewed": self.reviewed, "next_review": self.next_review}
            if self.reviewer:
                meta["reviewer"] = self.reviewer
        else:
            meta["health_page"] = False
        meta["description"] = self.description
        if self.contact:
            meta["contact"] = True
        front = "".join(f"{key}: {'true' if value is True else 'false' if value is False else value}\n" for key, value in meta.items())
        if self.sources:
            front += "sources:\n" + self.sources
        points = "".join(f"    - {point}\n" for point in self.key_points)
        box = f'!!! abstract "Key points"\n\n{points}\n' if self.key_points else ""
        return f"---\n{front}---\n\n# {self.title}\n\n{box}{self.body}"


# The evidence a live fixture page cites (checked on the day of its review: not due for re-checking).
FIXTURE_SOURCES = """\
  - title: Skin needling explained
    publisher: Fixture Evidence Service
    url: https://fixture-clinic.example/evidence/skin-needling
    checked: {checked}
"""


def write_fixture_site(
    root: Path,
    *,
    pages: list[FixturePage] | None = None,
    nav: list[dict[str, object]] | None = None,
    clinic: dict[str, object] | None = None,
    mode: str = "demo",
    logo: str | None = "svg",
    variant: str = "en-US",
    terminology: str | None = None,
    site_url: str = FIXTURE_SITE_URL,
    brochure: dict[str, object] | None = None,
    theme_overrides: bool = False,
    extra_config: str = "",
) -> Path:
    """Write a complete small clinic site into `root` (see the module's docstring) and return `root`."""
    root.mkdir(parents=True, exist_ok=True)
    pages = pages if pages is not None else [FixturePage("index.md", "Welcome")]
    details = FIXTURE_CLINIC | {"mode": mode} | (clinic or {})
    if logo == "png":
        details["logo"] = "assets/logo.png"
    elif logo is None:
        details.pop("logo", None)
    details = {key: value for key, value in details.items() if value is not None}
    write(root, "clinic.yml", yaml.safe_dump(details, sort_keys=False, allow_unicode=True))
    write(root, "terminology.yml", terminology if terminology is not None else FIXTURE_TERMINOLOGY.format(variant=variant))
    if logo == "svg":
        write(root, "docs/assets/logo.svg", LOGO_SVG)
    elif logo == "png":
        (root / "docs" / "assets").mkdir(parents=True, exist_ok=True)
        (root / "docs" / "assets" / "logo.png").write_bytes(png_logo())
    for page in pages:
        if mode == "live" and page.health_page and not page.reviewer:
            page = FixturePage(**{**page.__dict__, "reviewer": FIXTURE_REVIEWER})
        if mode == "live" and page.health_page and not page.sources:  # a live health page cites its evidence
            page = FixturePage(**{**page.__dict__, "sources": FIXTURE_SOURCES.format(checked=page.reviewed)})
        write(root, f"docs/{page.source}", page.text())
    config = FIXTURE_CONFIG.format(hooks=KIT / "hooks.py").replace(FIXTURE_SITE_URL, site_url)
    if theme_overrides:
        config = config.replace("  name: material\n", f"  name: material\n  custom_dir: {KIT / 'overrides'}\n")
    if nav is not None:
        config += yaml.safe_dump({"nav": nav}, sort_keys=False, allow_unicode=True)
    if brochure is not None:
        config += PRINT_SITE_PLUGIN + yaml.safe_dump({"extra": {"brochure": brochure}}, sort_keys=False)
        link_brochure_templates(root)
    write(root, "mkdocs.yml", config + extra_config)
    return root


def link_brochure_templates(root: Path) -> None:
    """The kit's brochure/ templates (cover, back cover, print CSS), which print-site reads from the project folder."""
    target = root / "brochure"
    if not target.exists():
        target.symlink_to(KIT / "brochure", target_is_directory=True)


def write(root: Path, relative: str, text: str) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path
