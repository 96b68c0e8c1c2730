"""Facts for the brochure's cover that only the build knows.

The cover template (brochure/cover.html) reads clinic.yml's values directly;
what it cannot read is when the content was last reviewed (the newest
`reviewed:` date of the page models) and the QR code to the site.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import jinja2
import segno
from mkdocs.config.defaults import MkDocsConfig

from kit.pages.review import Review

#: Beside mkdocs.yml, like the cover print-site renders: the booklet's back cover.
BACK_COVER = Path("brochure") / "back-cover.html"


def last_reviewed(reviews: list[Review | None]) -> dt.date | None:
    """The newest `reviewed:` date of the pages; a page without review data is skipped.

    Checking that every page has valid dates is the review check's job; the
    cover only reports what is there.
    """
    return max((review.reviewed for review in reviews if review is not None), default=None)


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
