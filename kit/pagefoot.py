"""What closes every page: the clinic's contact block, the review line, the disclaimer.

These are added to the page's HTML (not to its template), so they travel with
the page into the print page and from there into the PDF brochure. Search skips
the review line and the disclaimer: they are the same on every page.
"""

from __future__ import annotations

from html import escape

from kit.clinic import Clinic
from kit.review import Review, human_date

DISCLAIMER = "This page gives general information. It does not replace advice from your own clinician, who knows your skin and your health."


def page_foot(clinic: Clinic, review: Review | None, contact: bool) -> str:
    """The blocks to append to a page's content, in reading order."""
    parts = []
    if contact:
        parts.append(contact_block(clinic))
    if review is not None:
        parts.append(review_line(review))
    parts.append(disclaimer())
    return "\n".join(parts)


def contact_block(clinic: Clinic) -> str:
    """How to reach the clinic, with links a phone can dial and a mail app can open."""
    rows = [
        f'<li>Phone: <a href="{escape(clinic.phone_link)}">{escape(clinic.phone)}</a></li>',
        f'<li>Email: <a href="mailto:{escape(clinic.email)}">{escape(clinic.email)}</a></li>',
        f"<li>Address: {escape(', '.join(clinic.address))}</li>",
    ]
    if clinic.opening_hours:
        rows.append(f"<li>Opening hours: {escape(clinic.opening_hours)}</li>")
    if clinic.booking_url:
        rows.append(f'<li><a href="{escape(clinic.booking_url)}">Book an appointment online</a></li>')
    rows.append(f'<li>Website: <a href="{escape(clinic.website)}">{escape(clinic.website)}</a></li>')
    notes = [f"<p>{escape(text)}</p>" for text in (clinic.out_of_hours, clinic.emergency) if text]
    return (
        '<section class="clinic-contact" aria-labelledby="clinic-contact-title">\n'
        f'<h2 id="clinic-contact-title">Contact {escape(clinic.name)}</h2>\n'
        "<ul>\n" + "\n".join(rows) + "\n</ul>\n" + "\n".join(notes) + "\n</section>"
    )


def review_line(review: Review) -> str:
    """Page last reviewed: <date> · Next review due: <date>, and by whom."""
    return (
        '<p class="page-review" data-search-exclude>'
        f'Page last reviewed: <time datetime="{review.reviewed.isoformat()}">{human_date(review.reviewed)}</time>'
        f' · Next review due: <time datetime="{review.next_review.isoformat()}">{human_date(review.next_review)}</time>'
        f"<br>Reviewed by: {escape(review.reviewer)}</p>"
    )


def disclaimer() -> str:
    """The plain-words disclaimer every page and the PDF carry."""
    return f'<p class="clinic-disclaimer" data-search-exclude><strong>Important:</strong> {escape(DISCLAIMER)}</p>'
