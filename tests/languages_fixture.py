"""A small bilingual clinic site written from scratch (English and Spanish, mkdocs-static-i18n), for the language tests.

Nothing is copied from the clinic's own clinic.yml, terminology.yml or pages: the
fixture has its own clinic, its own terms and three pages, one of them (prices)
not translated.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from conftest import ROOT

from kit.pages.translation import record_fingerprint

SITE_URL = "https://harbour-test-clinic.github.io/skin/"

CONFIG = """\
site_name: Harbour skin
site_url: {site_url}
nav:
  - Home: index.md
  - Care: care.md
  - Prices: prices.md
  - Glossary: glossary.md
theme:
  name: material
  custom_dir: {root}/overrides
  language: en
  font: false
markdown_extensions:
  - admonition
  - attr_list
  - md_in_html
  - pymdownx.details
  - pymdownx.superfences
  - kit.web.markdown_ext
plugins:
  - search
  - i18n:
      docs_structure: suffix
      fallback_to_default: false
      languages:
        - locale: en
          name: English
          default: true
        - locale: es
          name: Español
          site_name: Piel Harbour
          nav_translations:
            Home: Inicio
            Care: Cuidados
            Glossary: Glosario
{more_languages}{print_site}extra:
  readability:
    key_points_max_grade: 8
{extra}hooks:
  - {root}/hooks.py
"""

PRINT_SITE = """\
  - print-site:
      add_cover_page: true
      cover_page_template: {root}/brochure/cover.html
      add_table_of_contents: false
      add_print_site_banner: false
      enumerate_headings: false
      enumerate_figures: false
"""

CLINIC = """\
mode: demo
name: Harbour Test Clinic
logo: assets/logo.svg
phone: "+1 555 010 0199"
email: desk@harbour-test-clinic.example
address:
  - 9 Quay Road
  - Harbour Town
website: https://harbour-test-clinic.example/
booking_url: https://harbour-test-clinic.example/book
opening_hours: Monday to Friday, 8am to 4pm
out_of_hours: Leave a message and we call you back.
emergency: In an emergency, call your local emergency number.
reviewer_role: Lead nurse
es:
  opening_hours: De lunes a viernes, de 8:00 a 16:00
"""

TERMINOLOGY = """\
spelling:
  level: suggestion
  mixed_variants: accept
terms:
  - term: collagen
    definition: A protein that keeps the skin strong.
    es:
      term: colágeno
      definition: Una proteína que mantiene la piel fuerte.
es:
  spelling:
    level: suggestion
"""

LOGO = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>\n'

CARE = """\
---
description: How to care for your skin after a visit.
reviewed: 2026-11-01
next_review: 2027-11-01
contact: true
---

# Care

!!! abstract "Key points"

    - Keep out of the sun.
    - Use a mild cream.
    - Drink water.

Stay out of strong sun for a week after your visit.
Use a mild cream each day.
"""

CARE_ES = """\
---
description: Cómo cuidar la piel después de una visita.
reviewed: 2026-11-01
next_review: 2027-11-01
contact: true
---

# Cuidados

!!! abstract "Puntos clave"

    - No tome el sol.
    - Use una crema suave.
    - Beba agua.

No tome el sol fuerte durante una semana después de su visita.
Use una crema suave cada día.
"""

HOME = """\
---
description: A small test clinic's home page.
reviewed: 2026-11-01
next_review: 2027-11-01
---

# Harbour skin

!!! abstract "Key points"

    - We treat skin.
    - We are by the sea.
    - You can call us.

Read about [care](care.md).
"""

HOME_ES = """\
---
description: La página de inicio de una pequeña clínica de prueba.
reviewed: 2026-11-01
next_review: 2027-11-01
---

# Piel Harbour

!!! abstract "Puntos clave"

    - Cuidamos la piel.
    - Estamos en el puerto.
    - Nos puede llamar.

Lea sobre los [cuidados](care.md).
"""

PRICES = """\
---
description: What a visit costs.
health_page: false
---

# Prices

A visit costs 50 dollars.
"""


def write_bilingual_site(root: Path, *, more_languages: str = "", print_site: bool = False, extra: str = "") -> Path:
    """The site in `root`: English pages, Spanish translations of two of them (recorded as up to date), no prices in Spanish."""
    files = {
        "mkdocs.yml": CONFIG.format(
            site_url=SITE_URL,
            root=ROOT,
            more_languages=more_languages,
            print_site=PRINT_SITE.format(root=ROOT) if print_site else "",
            extra=extra,
        ),
        "clinic.yml": CLINIC,
        "terminology.yml": TERMINOLOGY,
        "docs/assets/logo.svg": LOGO,
        "docs/index.md": HOME,
        "docs/index.es.md": HOME_ES,
        "docs/care.md": CARE,
        "docs/care.es.md": CARE_ES,
        "docs/prices.md": PRICES,
    }
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    for translation in ("index.es.md", "care.es.md"):
        record_fingerprint(root / "docs" / translation)
    return root
