"""What closes every page: the clinic's contact block, sources, the review line, the version line, who publishes it,
the disclaimer.

These are added to the page's HTML (not to its template), so they travel with
the page into the print page and from there into the PDF brochure. Search skips
the review line and the disclaimer: they are the same on every page. The HTML
is kit/templates/page-foot.html; the words are kit/strings/<language>.yml.

A page that gives no health information (`health_page: false`: prices, opening
times) gets neither a review line nor the disclaimer. In demo mode the review
line claims no review: the content is the kit's example. Past `next_review`
with `overdue: flag`, the page tells patients its review is overdue.

Every health page also lists its sources (kit/pages/sources.py), says who
publishes it and that they provide the treatment, offers large print and other
formats on request, and ends with a plain link to tell the clinic what is
unclear: an email whose subject names the page, or the clinic's own
`feedback_url` (clinic.yml). No script, no third party.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import quote

from kit.data.clinic import Clinic
from kit.data.patient_text import DEFAULT_LANGUAGE, render, strings
from kit.pages.review import Review
from kit.pages.sources import Source
from kit.pages.translation import Translation


@dataclass(frozen=True)
class VersionLine:
    """What a health page's version line says (kit/release decides it): a released version, or a draft."""

    codes: str  # the leaflet codes of the documents the page is printed in: "MN-BR, MN-AC"
    number: int | None  # the version; None: a draft, which claims none
    date: dt.date | None  # the version's issue date
    archive_url: str  # the archive page, relative to the page ("" before any release)
    since: int | None = None  # a draft: the version it has changed since


def page_foot(
    clinic: Clinic,
    review: Review | None,
    contact: bool,
    language: str = DEFAULT_LANGUAGE,
    *,
    health_page: bool = True,
    overdue: bool = False,
    translation: Translation | None = None,
    version: VersionLine | None = None,
    sources: tuple[Source, ...] | None = None,  # None: a page the build generated, which cites nothing
    page_title: str = "",
) -> str:
    """The blocks to append to a page's content, in reading order."""
    return render(
        "page-foot.html",
        language,
        clinic=clinic,
        review=review,
        contact=contact,
        health_page=health_page,
        overdue=overdue,
        translation=translation,
        version=version,
        sources=sources,
        feedback_link=feedback_link(clinic, page_title, language, version),
    )


def feedback_link(clinic: Clinic, page_title: str, language: str = DEFAULT_LANGUAGE, version: VersionLine | None = None) -> str:
    """The clinic's feedback page, or an email to the clinic whose subject names the page (and its leaflet code and version)."""
    if clinic.feedback_url:
        return clinic.feedback_url
    words = strings(language)["feedback"]
    if version is None:
        subject = words["subject"].format(page=page_title)
    elif version.number is not None:
        subject = words["subject_version"].format(page=page_title, codes=version.codes, version=version.number)
    else:
        subject = words["subject_draft"].format(page=page_title, codes=version.codes)
    return f"mailto:{clinic.email}?subject={quote(subject, safe='')}"


def disclaimer(language: str = DEFAULT_LANGUAGE) -> str:
    """The plain-words disclaimer every page and the PDF carry."""
    return render("disclaimer.html", language)


def clinic_contact(part: str, clinic: Clinic | Mapping[str, object], language: str = DEFAULT_LANGUAGE) -> str:
    """One rendering of the clinic's contact details from kit/templates/clinic-contact.html: `letterhead`, `cover` or `back_cover`."""
    return render("clinic-contact-part.html", language, part=part, clinic=clinic)
