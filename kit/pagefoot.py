"""What closes every page: the clinic's contact block, the review line, the disclaimer.

These are added to the page's HTML (not to its template), so they travel with
the page into the print page and from there into the PDF brochure. Search skips
the review line and the disclaimer: they are the same on every page.

A page that gives no health information (`health_page: false`: prices, opening
times) gets neither a review line nor the disclaimer. In demo mode the review
line claims no review: the content is the kit's example.
"""

from __future__ import annotations

from html import escape

from kit.clinic import Clinic
from kit.review import Review, human_date

DISCLAIMER = "This page gives general information. It does not replace advice from your own clinician, who knows your skin and your health."
DEMO_REVIEW = "Demonstration site: this is example content, not yet reviewed by a clinician."
OVERDUE = "This page is overdue for review: it was due on {date}. Ask the clinic if anything on it is unclear to you."


def page_foot(clinic: Clinic, review: Review | None, *, contact: bool, health_page: bool = True, overdue: bool = False) -> str:
    """The blocks to append to a page's content, in reading order."""
    parts = []
    if contact:
        parts.append(contact_block(clinic))
    if health_page:
        if clinic.demo:
            parts.append(demo_review_line())
        elif review is not None:
            parts.append(review_line(review, overdue))
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


def review_line(review: Review, overdue: bool = False) -> str:
    """Page last reviewed: <date> · Next review due: <date>, and by whom; past that date, saying so."""
    line = (
        '<p class="page-review" data-search-exclude>'
        f'Page last reviewed: <time datetime="{review.reviewed.isoformat()}">{human_date(review.reviewed)}</time>'
        f' · Next review due: <time datetime="{review.next_review.isoformat()}">{human_date(review.next_review)}</time>'
        f"<br>Reviewed by: {escape(review.reviewer)}</p>"
    )
    if overdue:
        notice = escape(OVERDUE.format(date=human_date(review.next_review)))
        line += f'\n<p class="page-review-overdue" data-search-exclude><strong>{notice}</strong></p>'
    return line


def demo_review_line() -> str:
    """Demo mode: the example pages claim no review (their front matter dates are examples too)."""
    return f'<p class="page-review" data-search-exclude>{escape(DEMO_REVIEW)}</p>'


def disclaimer() -> str:
    """The plain-words disclaimer every page and the PDF carry."""
    return f'<p class="clinic-disclaimer" data-search-exclude><strong>Important:</strong> {escape(DISCLAIMER)}</p>'
