"""Facts for the brochure's cover that only the build knows.

The cover template (brochure/cover.html) reads clinic.yml's values directly;
what it cannot read is when the content was last reviewed (the newest
`reviewed:` date of the page models) and the QR code to the site.
"""

from __future__ import annotations

import datetime as dt

import segno

from kit.review import Review


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
