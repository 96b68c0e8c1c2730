"""What the build and `python -m kit check` say about a health page's review dates.

A page without review dates, overdue, or due within the notice period
(kit/review/reminders.py decides which, from mkdocs.yml's `extra.review`).
The page's dates themselves are part of the page model (kit/pages/review.py).
"""

from __future__ import annotations

from datetime import date

from kit.pages.frontmatter import FrontMatter
from kit.pages.review import Review
from kit.report.findings import Finding
from kit.review.reminders import ReviewSettings, review_status


def review_problems(front: FrontMatter, review: Review | None, on: date, settings: ReviewSettings, live: bool = False) -> list[Finding]:
    """A health page without review dates, reviewed "in the future", overdue, or due within the notice period.

    Past the date, mkdocs.yml chooses: `block` makes it a warning (a strict build
    stops), `flag` a suggestion (the page publishes and tells patients). A live
    site refuses a page without review dates outright.
    """
    if review is None:
        missing = [field for field in ("reviewed", "next_review") if front.text(field) is None]
        line, column = front.where(missing[0]) if len(missing) == 1 else (1, 1)
        return [
            Finding.at(
                "error" if live else "warning",
                "review.missing",
                front.path,
                line,
                column,
                "This health page has no review data (" + " and ".join(f"`{f}`" for f in missing) + " missing)",
                "Add `reviewed: YYYY-MM-DD` and `next_review: YYYY-MM-DD` to its front matter once a clinician has checked it, "
                "or `health_page: false` if the page gives no health information (prices, opening times)",
            )
        ]
    if review.reviewed > on:
        return [
            Finding.at(
                "error",
                "review.future",
                front.path,
                *front.where("reviewed"),
                f"`reviewed: {review.reviewed.isoformat()}` is after today ({on.isoformat()}): patients would read "
                "that the page was checked on a day that has not come",
                "Write the date the clinician checked the page (today's at the latest)",
            )
        ]
    status = review_status(review.next_review, on, settings.notice_days)
    line, column = front.where("next_review")
    if status == "overdue":
        outcome = (
            "Until then the site does not publish (`overdue: block` in mkdocs.yml)"
            if settings.blocks
            else "The page publishes with a notice to patients that its review is overdue (`overdue: flag` in mkdocs.yml)"
        )
        return [
            Finding.at(
                "warning" if settings.blocks else "suggestion",
                "review.overdue",
                front.path,
                line,
                column,
                f"This page was due for review on {review.next_review.isoformat()}, and it is now {on.isoformat()}",
                f"Have a clinician check the page, then update `reviewed` and `next_review`. {outcome}",
            )
        ]
    if status == "due":
        days = (review.next_review - on).days
        return [
            Finding.at(
                "suggestion",
                "review.due",
                front.path,
                line,
                column,
                f"This page is due for review on {review.next_review.isoformat()}, in {days} day{'' if days == 1 else 's'}",
                "Ask a clinician to check it before then, and update `reviewed` and `next_review`",
            )
        ]
    return []
