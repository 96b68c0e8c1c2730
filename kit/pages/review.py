"""Who reviewed a health page, when, and when it is due again.

Health publishers show patients that a page is checked and current. Each page's
front matter carries `reviewed`, `next_review` and optionally `reviewer`; the
kit never invents a reviewer: without one, the page names the clinic's
reviewing role from clinic.yml ("Clinical lead, Example Skin Clinic").
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date

from kit.data.clinic import Clinic
from kit.pages.frontmatter import FrontMatter
from kit.report.findings import StopBuild

TODAY_VARIABLE = "CLINIC_KIT_TODAY"


@dataclass(frozen=True)
class Review:
    """A page's review, as its foot line and its structured data state it."""

    reviewed: date
    next_review: date
    reviewer: str
    reviewer_named: bool  # False: the clinic's role stands in for a named person

    @property
    def reviewer_name(self) -> str:
        """The person's name: the part of `reviewer` before its first comma."""
        return self.reviewer.split(",", 1)[0].strip()

    @property
    def reviewer_role(self) -> str:
        """The person's role: the part of `reviewer` after its first comma."""
        return self.reviewer.split(",", 1)[1].strip() if "," in self.reviewer else ""


def today() -> date:
    """The build's "today"; tests pin it with CLINIC_KIT_TODAY=YYYY-MM-DD."""
    pinned = os.environ.get(TODAY_VARIABLE)
    if not pinned:
        return date.today()
    try:
        return date.fromisoformat(pinned)
    except ValueError:
        raise StopBuild(f"{TODAY_VARIABLE}={pinned}: this is not a date. Set it as YYYY-MM-DD (it is for tests), or unset it.") from None


def read_review(front: FrontMatter, clinic: Clinic) -> Review | None:
    """The page's review data, or None when `reviewed` or `next_review` is missing.

    A malformed date stops the build: a wrong date shown to patients is worse
    than no page.
    """
    reviewed = _date(front, "reviewed")
    next_review = _date(front, "next_review")
    if reviewed is None or next_review is None:
        return None
    if next_review <= reviewed:
        raise front.error(
            "next_review",
            f"`next_review` ({next_review.isoformat()}) is not after `reviewed` ({reviewed.isoformat()})",
            "Set the date the page is next due for review, usually a year after `reviewed`",
        )
    reviewer = front.text("reviewer")
    if reviewer:
        return Review(reviewed, next_review, reviewer, reviewer_named=True)
    return Review(reviewed, next_review, placeholder_reviewer(clinic), reviewer_named=False)


def placeholder_reviewer(clinic: Clinic) -> str:
    """An honest stand-in: the reviewing role at the clinic, never a made-up person."""
    return f"{clinic.reviewer_role}, {clinic.name}"


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _date(front: FrontMatter, field: str) -> date | None:
    value = front.text(field)
    if value is None:
        return None
    value = value.strip("'\"")
    try:
        if not _ISO_DATE.fullmatch(value):
            raise ValueError
        return date.fromisoformat(value)
    except ValueError:
        raise front.error(
            field,
            f"`{field}: {value}` is not a date",
            f"Write it as YYYY-MM-DD, for example `{field}: 2026-11-24`",
        ) from None
