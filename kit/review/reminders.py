"""Reviews that remind: which health pages are due for review soon, or overdue.

A page's `next_review` date is a promise to patients. The build lists pages
whose date is near (a notice, from `notice_days` before it) and, past the date,
does what the clinic chose in mkdocs.yml (`overdue: block` stops the build;
`overdue: flag` publishes the page with a notice to patients and lists it). A
weekly GitHub workflow (.github/workflows/review-reminder.yml) runs this module
as a script and keeps one issue open listing the same pages, so nobody has to
remember to look.

    python -m kit.review.reminders            # the list, as Markdown, for today
    python -m kit.review.reminders --github-output "$GITHUB_OUTPUT"
"""

from __future__ import annotations

import argparse
import html
import secrets
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal

from kit.data.yamlfile import SettingsLocator
from kit.report.findings import StopBuild

Status = Literal["overdue", "due", "current", "unreviewed"]
OVERDUE_CHOICES = ("flag", "block")
STATUS_WORDS = {"overdue": "**overdue**", "due": "due soon", "unreviewed": "no review date", "current": "current"}
DEFAULT_NOTICE_DAYS = 60
DEFAULT_OVERDUE = "block"  # the kit's behaviour before the setting existed; mkdocs.yml ships `flag`


@dataclass(frozen=True)
class ReviewSettings:
    """`extra.review` in mkdocs.yml: how early to remind, and what an overdue page does."""

    notice_days: int = DEFAULT_NOTICE_DAYS
    overdue: str = DEFAULT_OVERDUE

    @property
    def blocks(self) -> bool:
        """Whether an overdue page stops the build (`block`) rather than publishing with a notice (`flag`)."""
        return self.overdue == "block"


def read_review_settings(extra: Mapping[str, Any], config_file: Path) -> ReviewSettings:
    """The checked settings; a value the kit cannot use stops the build at its line in mkdocs.yml."""
    section = extra.get("review")
    if section is None:
        return ReviewSettings()
    where = SettingsLocator(config_file)
    if not isinstance(section, dict):
        raise where.error(("extra", "review"), "`review:` must hold `notice_days:` and `overdue:`", "Indent them under `review:`")
    known = {"notice_days", "overdue"}
    for key in section:
        if key not in known:
            raise where.error(("extra", "review", key), f"`{key}` is not a review setting", "Use `notice_days` or `overdue`")
    days = section.get("notice_days", DEFAULT_NOTICE_DAYS)
    if isinstance(days, bool) or not isinstance(days, int) or not 0 <= days <= 365:
        raise where.error(
            ("extra", "review", "notice_days"),
            f"`notice_days` must be a number of days from 0 to 365, not {days!r}",
            "Write how many days before `next_review` the build starts reminding, for example `notice_days: 60`",
        )
    overdue = section.get("overdue", DEFAULT_OVERDUE)
    where.one_of(
        ("extra", "review", "overdue"),
        overdue,
        OVERDUE_CHOICES,
        f"`overdue: {overdue}` is not a choice the kit knows",
        "Write `overdue: flag` (publish, and tell patients the review is overdue) or `overdue: block` (stop the build)",
    )
    return ReviewSettings(notice_days=days, overdue=overdue)


def review_status(next_review: date | None, today: date, notice_days: int) -> Status:
    """Where a page stands: past its date, within the notice period, or current (a due-today page is not overdue)."""
    if next_review is None:
        return "unreviewed"
    if next_review < today:
        return "overdue"
    if (next_review - today).days <= notice_days:
        return "due"
    return "current"


@dataclass(frozen=True)
class PageReview:
    """One health page's review, as the reminder lists it."""

    path: str  # as the repository shows it: docs/aftercare.md
    title: str
    next_review: date | None
    status: Status


def reminder_markdown(pages: Sequence[PageReview], today: date, settings: ReviewSettings) -> str:
    """The reminder issue's body: what is overdue, what is due soon, and what to do."""
    listed = [page for page in pages if page.status != "current"]
    if not listed:
        return f"No health page is overdue or due for review in the next {settings.notice_days} days (checked {today.isoformat()})."
    lines = [
        f"Checked {today.isoformat()}: {len(listed)} health page(s) are overdue or due for review in the next {settings.notice_days} days.",
        "",
        "| page | title | next review | status |",
        "| --- | --- | --- | --- |",
    ]
    for page in sorted(listed, key=lambda p: (p.next_review or date.min, p.path)):
        when = page.next_review.isoformat() if page.next_review else "none"
        lines.append(f"| `{page.path}` | {table_cell(page.title)} | {when} | {STATUS_WORDS[page.status]} |")
    lines += [
        "",
        "Have a clinician review each page, then update `reviewed`, `next_review` and `reviewer` in its front matter.",
        "Past the date, "
        + (
            "the site does not publish until the page is reviewed (`overdue: block` in mkdocs.yml)."
            if settings.blocks
            else "the page tells patients its review is overdue (`overdue: flag` in mkdocs.yml)."
        ),
        "This issue is updated every week and closed when nothing is due.",
    ]
    return "\n".join(lines)


def table_cell(text: str) -> str:
    """A page's title as one Markdown table cell: one line, its `|` and HTML escaped, no @mention that pings someone."""
    cell = html.escape(" ".join(text.split()), quote=False).replace("|", "\\|")
    return cell.replace("@", "@\u200b")


def github_output(due: int, body: str) -> str:
    """`due` and `body` as lines of $GITHUB_OUTPUT; the body's end-marker is random, so no text in it can end it early.

    A fixed marker could be written into a page title (as a YAML block) to close the body and add outputs of its own.
    """
    delimiter = f"REMINDER_BODY_{secrets.token_hex(16)}"
    while delimiter in body:  # never in practice: 128 random bits
        delimiter = f"REMINDER_BODY_{secrets.token_hex(16)}"
    return f"due={due}\nbody<<{delimiter}\n{body}\n{delimiter}\n"


def read_pages(project: Path, docs_dir: str, today: date, settings: ReviewSettings) -> list[PageReview]:
    """Every health page under docs/, with its next review date and where it stands today."""
    from kit.data.clinic import load_clinic
    from kit.pages.sourcepage import read_page

    clinic = load_clinic(project / "clinic.yml")
    pages = []
    for path in sorted((project / docs_dir).rglob("*.md")):
        page = read_page(path, path.relative_to(project / docs_dir).as_posix(), clinic)
        if not page.is_health_page:
            continue
        next_review = page.review.next_review if page.review else None
        title = (page.front.text("title") or path.stem).strip("'\"")
        pages.append(
            PageReview(path.relative_to(project).as_posix(), title, next_review, review_status(next_review, today, settings.notice_days))
        )
    return pages


def main(argv: Sequence[str] | None = None) -> int:
    from mkdocs.utils.yaml import yaml_load

    from kit.pages.review import today as build_today

    parser = argparse.ArgumentParser(prog="python -m kit.review.reminders", description=__doc__.split("\n\n")[0])
    parser.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"), help="the site's mkdocs.yml (default: mkdocs.yml)")
    parser.add_argument("--github-output", type=Path, help="append `due=<count>` and `body=<markdown>` to this file ($GITHUB_OUTPUT)")
    args = parser.parse_args(argv)
    try:
        with args.config_file.open(encoding="utf-8") as file:
            config = yaml_load(file)
        settings = read_review_settings(config.get("extra") or {}, args.config_file)
        today = build_today()
        pages = read_pages(args.config_file.resolve().parent, config.get("docs_dir", "docs"), today, settings)
    except StopBuild as err:
        print(err, file=sys.stderr)
        return 1
    body = reminder_markdown(pages, today, settings)
    due = sum(page.status != "current" for page in pages)
    if args.github_output:
        with args.github_output.open("a", encoding="utf-8") as output:
            output.write(github_output(due, body))
    print(body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
