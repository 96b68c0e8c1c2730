"""schema.org `MedicalWebPage` data for each page, in the page head.

Search engines read it to tell a clinic's reviewed patient information from
generic pages: who published it, who reviewed it and when, for which audience,
about which procedure. It is built from the same front matter and clinic.yml as
the visible page, so the two cannot disagree.
"""

from __future__ import annotations

import datetime as dt
import json

from kit.data.clinic import Clinic
from kit.pages.review import Review
from kit.pages.sources import Source

PROCEDURE = {
    "@type": "MedicalProcedure",
    "name": "Microneedling",
    "alternateName": "Collagen induction therapy",
}


def medical_web_page(
    *,
    url: str,
    title: str,
    description: str,
    review: Review | None,
    clinic: Clinic,
    language: str,
    health_page: bool = True,
    version: tuple[int, dt.date, dt.date] | None = None,
    sources: tuple[Source, ...] = (),
) -> dict:
    """The page as schema.org sees it; review fields only when a live site's page has them.

    A page that gives no health information (`health_page: false`) is a plain
    `WebPage`; a demonstration site claims no review at all. `version` is the
    released version the page is, with the dates it was first released and last
    changed in a release (kit/release); a draft claims none.
    """
    data: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage" if health_page else "WebPage",
        "name": title,
        "url": url,
        "inLanguage": language,  # theme.language in mkdocs.yml: the pages' language
    }
    if health_page:
        data["medicalAudience"] = {"@type": "MedicalAudience", "audienceType": "Patient"}
        data["about"] = PROCEDURE
    data["publisher"] = publisher(clinic)
    if description:
        data["description"] = description
    if sources and health_page:
        data["citation"] = [citation(source) for source in sources]
    if review is not None and health_page and not clinic.demo:
        data["lastReviewed"] = review.reviewed.isoformat()
        data["reviewedBy"] = reviewed_by(review, clinic)
    if version is not None and health_page:
        number, published, modified = version
        data["version"] = number
        data["datePublished"] = published.isoformat()
        data["dateModified"] = modified.isoformat()
    return data


def publisher(clinic: Clinic) -> dict:
    """The clinic as a schema.org MedicalClinic, from clinic.yml."""
    data = {
        "@type": "MedicalClinic",
        "name": clinic.name,
        "email": clinic.email,
        "address": {"@type": "PostalAddress", "streetAddress": ", ".join(clinic.address)},
    }
    if clinic.website:
        data["url"] = clinic.website
    if clinic.phone:
        data["telephone"] = clinic.phone
    if clinic.opening_hours:
        data["openingHours"] = clinic.opening_hours
    return data


def citation(source: Source) -> dict:
    """One of the page's sources (kit/pages/sources.py) as a schema.org CreativeWork."""
    data: dict[str, object] = {
        "@type": "CreativeWork",
        "name": source.title,
        "publisher": {"@type": "Organization", "name": source.publisher},
        "url": source.link,
    }
    if source.year:
        data["datePublished"] = str(source.year)
    return data


def reviewed_by(review: Review, clinic: Clinic) -> dict:
    """A named reviewer is a Person; the placeholder role is the clinic itself."""
    if not review.reviewer_named:
        return {"@type": "MedicalClinic", "name": clinic.name, "description": review.reviewer}
    person: dict[str, object] = {"@type": "Person", "name": review.reviewer_name}
    if review.reviewer_role:
        person["jobTitle"] = review.reviewer_role
    person["worksFor"] = {"@type": "MedicalClinic", "name": clinic.name}
    return person


def script_json(data: dict) -> str:
    """JSON safe inside a <script> element: `<`, `>` and `&` escaped; compact, as it is in every page's head."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
