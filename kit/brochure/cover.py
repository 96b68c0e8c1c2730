"""Facts for the brochure's cover that only the build knows.

The cover template (brochure/cover.html) reads clinic.yml's values directly;
what it cannot read is when the content was last reviewed (the newest
`reviewed:` date in the pages' front matter) and the QR code to the site.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import jinja2
import segno
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

#: Beside mkdocs.yml, like the cover print-site renders: the booklet's back cover.
BACK_COVER = Path("brochure") / "back-cover.html"


def last_reviewed(pages: list[Page]) -> dt.date | None:
    """The newest `reviewed:` date of the pages; a page without one is skipped.

    Checking that every page has a valid date is the front-matter check's job;
    the cover only reports what is there.
    """
    dates = [_as_date(page.meta.get("reviewed")) for page in pages]
    return max((date for date in dates if date), default=None)


def printed_date(date: dt.date) -> str:
    """`24 November 2026`: unambiguous in every country, unlike 11/24/2026."""
    return f"{date.day} {date:%B %Y}"


def qr_code(url: str) -> str:
    """An SVG QR code as a data URI: vector-sharp in print, nothing fetched.

    Error correction `m` survives a smudged or folded brochure; the default
    4-module quiet zone keeps phones' cameras reading it.
    """
    return segno.make(url, error="m").svg_data_uri(scale=4, dark="#000000")


def back_cover(config: MkDocsConfig) -> str:
    """The booklet's back cover (brochure/back-cover.html): how to reach the clinic, on the outside."""
    folder = Path(config.config_file_path).parent / BACK_COVER.parent
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(folder), autoescape=True)
    return environment.get_template(BACK_COVER.name).render(config=config)


def _as_date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None
