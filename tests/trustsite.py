"""A small clinic site written from scratch for the tests of issue 22 (sources, feedback, formats, publisher,
large print, the "About this information" page and the governance report).

Nothing is copied from the kit's own clinic.yml, terminology.yml or docs/: the clinic, its wording and its
pages are this file's. Only the kit's code and its print templates (brochure/) are the project's.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import ROOT, FixtureSite
from fixturesite import PRINT_SITE_PLUGIN

CLINIC_YML = """\
mode: live
name: Harbour Lane Dermatology
logo: assets/logo.svg
phone: "+44 20 3318 4400"
email: reception@harbourlane-dermatology.co.uk
address:
  - 14 Harbour Lane
  - Bristol BS1 4RW
website: https://harbourlane-dermatology.co.uk/
reviewer_role: Consultant dermatologist
"""

TERMINOLOGY_YML = """\
accepted_words:
  - microneedling
"""

LOGO = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="#00695c"/></svg>\n'

REVIEWER = "Dr Ada Lovell, Consultant dermatologist"

#: Two health pages with sources (one due for re-checking), one without, and a page with no health information.
PAGES = {
    "index.md": f"""\
---
title: Treatment
description: What the treatment is and how it is done.
reviewed: 2026-11-01
next_review: 2027-11-01
reviewer: {REVIEWER}
sources:
  - title: Skin needling devices
    publisher: Harbour Health Agency
    year: 2024
    url: https://harbour-health-agency.org/skin-needling
    checked: 2026-11-02
  - title: A review of skin needling
    publisher: Journal of Skin Care
    year: 2021
    doi: 10.1111/jsc.12345
    checked: 2026-03-15
---

# Treatment

!!! abstract "Key points"

    - The treatment uses fine needles.
    - It takes about an hour.
    - Your skin may be red for a day.

The clinic explains each step before it starts.
""",
    "recovery.md": f"""\
---
title: Recovery
description: How the skin heals in the days after treatment.
reviewed: 2026-10-01
next_review: 2027-10-01
reviewer: {REVIEWER}
sources:
  - title: Caring for your skin after needling
    publisher: Harbour Health Agency
    url: https://harbour-health-agency.org/after-needling
    checked: 2026-10-01
---

# Recovery

!!! abstract "Key points"

    - Keep your skin clean.
    - Stay out of strong sun.
    - Call us if it gets worse.

Most people feel well the next day.
""",
    "risks.md": f"""\
---
title: Risks
description: What can go wrong and what to do about it.
reviewed: 2026-09-01
next_review: 2027-09-01
reviewer: {REVIEWER}
---

# Risks

!!! abstract "Key points"

    - Redness is common.
    - Infection is rare.
    - Tell us about any pain.

Call the clinic if anything worries you.
""",
    "prices.md": """\
---
title: Prices
description: What each visit costs.
health_page: false
---

# Prices

One visit costs the same on any day of the week.
""",
}

HOW_WE_WORK = "Our nurses and doctors meet each month to go through what patients told us about these pages.\n"

NAV = """\
nav:
  - Treatment: index.md
  - Recovery: recovery.md
  - Risks: risks.md
  - Prices: prices.md
  - About this information: about-this-information.md
"""


def config(extra: str = "", plugins: str = "") -> str:
    return (
        "site_name: Harbour skin\n"
        "site_url: https://harbourlane-dermatology.github.io/skin/\n"
        + NAV
        + "theme:\n  name: material\n  custom_dir: overrides\n  font: false\n"
        + "markdown_extensions:\n  - admonition\n  - attr_list\n  - md_in_html\n  - kit.web.markdown_ext\n"
        + f"hooks:\n  - {ROOT / 'hooks.py'}\n"
        + (f"extra:\n{extra}" if extra else "")
        + plugins
    )


PRINT_SITE = PRINT_SITE_PLUGIN  # the print-site set-up every fixture site with PDFs uses (tests/fixturesite.py)


def write_site(root: Path, extra: str = "", plugins: str = "", pages: dict[str, str] | None = None) -> FixtureSite:
    """The clinic's site in `root`: its own mkdocs.yml, clinic.yml, terminology.yml, pages and how-we-work.md."""
    site = FixtureSite(root)
    site.write("mkdocs.yml", config(extra, plugins))
    site.write("clinic.yml", CLINIC_YML)
    site.write("terminology.yml", TERMINOLOGY_YML)
    site.write("how-we-work.md", HOW_WE_WORK)
    site.write("docs/assets/logo.svg", LOGO)
    for name, text in (PAGES if pages is None else pages).items():
        site.write(f"docs/{name}", text)
    shutil.copytree(ROOT / "overrides", root / "overrides")  # the kit's theme: page head data, download links
    if plugins:
        shutil.copytree(ROOT / "brochure", root / "brochure")  # the kit's print templates and stylesheets
    return site
