"""`python -m kit report`: how the site's health information is made, page by page, against the standards.

The NHS Standard for creating health content and the PIF TICK ask a publisher to
show clinical approval, planned review, evidence re-checked, plain language,
feedback and accessible formats. This report reads what the build reads
(mkdocs.yml, clinic.yml, every page's front matter) and runs the same checks
(kit/checks/), then prints, per health page: reviewer, review dates, sources
and the oldest `checked`, reading grades and open findings; and, per
criterion (kit/governance/criteria.yml), whether the site shows it and where, or
whether it is the clinic's own process. It is a record for the clinic, not a
badge: it never says a standard is met.

In GitHub Actions the same Markdown goes to the run's summary page.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from kit.check import read_mkdocs_settings
from kit.data.urls import ABOUT_FILE
from kit.pages.sourcepage import SourcePage
from kit.pages.sources import Source
from kit.project import Project
from kit.report.findings import Finding, Reporter, StopBuild
from kit.report.messages import display_path
from kit.wording.readability import grade

CRITERIA_FILE = Path(__file__).with_name("criteria.yml")
SHOWN, PARTLY, NOT_SHOWN, PROCESS = "shown by the site", "partly shown", "not shown", "the clinic's own process"


@dataclass(frozen=True)
class PageRow:
    """One health page as the report lists it."""

    page: SourcePage
    findings: tuple[Finding, ...]
    language: str = "en"  # the grades' formula is the page's language's (None: a language without one)

    @property
    def sources(self) -> tuple[Source, ...]:
        return self.page.sources

    @property
    def oldest_checked(self) -> date | None:
        return min((source.checked for source in self.sources), default=None)

    @property
    def to_recheck(self) -> int:
        review = self.page.review
        return sum(1 for source in self.sources if review is not None and source.checked < review.reviewed)

    @property
    def page_grade(self) -> float | None:
        return grade(" ".join(self.page.prose.text.split()), self.language)

    @property
    def key_points_grade(self) -> float | None:
        key_points = self.page.key_points
        return grade(key_points.text, self.language) if key_points is not None and key_points.bullets else None


@dataclass
class Facts:
    """What the criteria are judged on."""

    project: Project
    rows: list[PageRow]
    nav: object
    brochure: bool  # extra.brochure: the PDFs, large print among them, are made
    findings: list[Finding] = field(default_factory=list)


def report(config_file: Path) -> str:
    """The report as Markdown; unusable input raises StopBuild (reported by the caller)."""
    facts = gather(config_file)
    return "\n".join([*page_table(facts), "", *criteria_tables(facts)]) + "\n"


def gather(config_file: Path) -> Facts:
    """Every page read and checked as the build does; findings kept, per page."""
    from kit.check import pages_to_check

    mkdocs = read_mkdocs_settings(config_file)
    reporter = Reporter(sinks=[])
    project = Project.load(config_file, mkdocs.extra, mkdocs.language, reporter, mkdocs.site_url)
    rows = []
    for path, src_uri in pages_to_check([], mkdocs.docs_dir):
        page = project.read_page(path, src_uri)
        before = len(reporter.findings)
        project.check_page(page)
        if page.is_health_page:
            rows.append(PageRow(page, tuple(reporter.findings[before:]), project.settings.language))
    raw = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_AnyTagLoader) or {}
    return Facts(project, rows, raw.get("nav"), isinstance(mkdocs.extra.get("brochure"), dict), list(reporter.findings))


class _AnyTagLoader(yaml.SafeLoader):
    """mkdocs.yml's `nav:`; tags for MkDocs (`!ENV`, `!!python/name:`) become None."""


_AnyTagLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def page_table(facts: Facts) -> list[str]:
    demo = facts.project.clinic.demo
    lines = [
        "## Health pages",
        "",
        "This site is a demonstration (`mode: demo`): no page claims a review, and its example text names no sources."
        if demo
        else f"{len(facts.rows)} health pages.",
        "",
        "| page | reviewer | reviewed | next review | sources | oldest checked | to re-check | grade (key points / page) | open findings |",
        "| --- | --- | --- | --- | ---: | --- | ---: | --- | --- |",
    ]
    for row in facts.rows:
        review = row.page.review
        reviewer = (review.reviewer if review.reviewer_named else f"none named ({review.reviewer})") if review else "none"
        key = "-" if row.key_points_grade is None else f"{row.key_points_grade:.1f}"
        whole = "-" if row.page_grade is None else f"{row.page_grade:.1f}"
        lines.append(
            "| "
            + " | ".join(
                [
                    f"`{display_path(row.page.path)}`",
                    _cell(reviewer),
                    review.reviewed.isoformat() if review else "missing",
                    review.next_review.isoformat() if review else "missing",
                    str(len(row.sources)),
                    row.oldest_checked.isoformat() if row.oldest_checked else "-",
                    str(row.to_recheck),
                    f"{key} / {whole}",
                    _findings_cell(row.findings),
                ]
            )
            + " |"
        )
    return lines


def _findings_cell(findings: Sequence[Finding]) -> str:
    if not findings:
        return "none"
    counts: dict[str, int] = {}
    for finding in findings:
        counts[finding.level] = counts.get(finding.level, 0) + 1
    rules = sorted({finding.rule for finding in findings})
    return ", ".join(f"{n} {level}{'s' if n > 1 else ''}" for level, n in counts.items()) + f" ({', '.join(rules)})"


def criteria_tables(facts: Facts) -> list[str]:
    lines: list[str] = []
    data = yaml.safe_load(CRITERIA_FILE.read_text(encoding="utf-8"))
    for standard in data["standards"]:
        lines += [f"## {standard['title']}", "", "| criterion | status | where, or what the clinic does |", "| --- | --- | --- |"]
        for criterion in standard["criteria"]:
            status, where = _judged(criterion, facts)
            lines.append(f"| {_cell(criterion['name'])} | {status} | {_cell(where)} |")
        lines.append("")
    lines.append(
        "Shown by the site: the site or the PDFs show it, where said. The clinic's own process: nothing on the site can show it; "
        "keep the clinic's record of it. This report awards no standard."
    )
    return lines


def _judged(criterion: dict, facts: Facts) -> tuple[str, str]:
    process = criterion.get("process", "")
    shown = criterion.get("shown")
    if not shown:
        return PROCESS, process
    status, where = MEASURES[shown](facts)
    if process:
        where = f"{where}. Also the clinic's own process: {process}"
    return status, where


def _share(count: int, total: int, where: str, missing: str) -> tuple[str, str]:
    if total and count == total:
        return SHOWN, where
    if count:
        return PARTLY, f"{where}, on {count} of {total} health pages; {missing}"
    return NOT_SHOWN, missing


def _reviewers(facts: Facts) -> tuple[str, str]:
    if facts.project.clinic.demo:
        return NOT_SHOWN, "a demonstration site claims no review"
    named = sum(1 for row in facts.rows if row.page.review is not None and row.page.review.reviewer_named)
    return _share(named, len(facts.rows), "the reviewer named at the foot of each health page", "name a `reviewer` on the others")


def _review_dates(facts: Facts) -> tuple[str, str]:
    if facts.project.clinic.demo:
        return NOT_SHOWN, "a demonstration site claims no review"
    dated = sum(1 for row in facts.rows if row.page.review is not None)
    return _share(dated, len(facts.rows), "'Page last reviewed' and 'Next review due' at the foot of each health page", "add review dates")


def _publisher(facts: Facts) -> tuple[str, str]:
    return SHOWN, "the publisher line on every health page, the brochure's contents page, and the pages' structured data"


def _interests(facts: Facts) -> tuple[str, str]:
    return SHOWN, "the publisher line says the clinic provides the treatment the information describes"


def _sources(facts: Facts) -> tuple[str, str]:
    with_sources = sum(1 for row in facts.rows if row.sources)
    if facts.project.clinic.demo and not with_sources:
        return NOT_SHOWN, "the demonstration's example text names no sources, and each page says so"
    return _share(
        with_sources, len(facts.rows), "the 'Sources' list at the foot of the page and in the PDFs", "list `sources:` on the others"
    )


def _sources_checked(facts: Facts) -> tuple[str, str]:
    status, where = _sources(facts)
    due = sum(row.to_recheck for row in facts.rows)
    if status == SHOWN and due:
        return PARTLY, f"each source's 'checked' date; {due} source(s) were last checked before their page's review"
    return status, (where if status != SHOWN else "each source's 'checked' date, none older than its page's review")


def _reading_grades(facts: Facts) -> tuple[str, str]:
    limit = facts.project.settings.max_grade
    over = [row for row in facts.rows if row.key_points_grade is not None and row.key_points_grade > limit]
    where = f"the build checks each page's Key points at grade {limit:g} or below, and the glossary explains medical words"
    return (PARTLY, f"{where}; {len(over)} page(s) above it") if over else (SHOWN, where)


def _accessibility(facts: Facts) -> tuple[str, str]:
    return (
        SHOWN,
        "the kit's tests (`make test`) check every page with axe-core in Chromium and the PDFs' tags; this report does not re-run them",
    )


def _feedback(facts: Facts) -> tuple[str, str]:
    clinic = facts.project.clinic
    to = f"the clinic's feedback page ({clinic.feedback_url})" if clinic.feedback_url else f"an email to {clinic.email} naming the page"
    return SHOWN, f"a link at the foot of every health page: {to}"


def _formats(facts: Facts) -> tuple[str, str]:
    large = "large-print brochure and handout (A4, 16 pt), " if facts.brochure else ""
    return SHOWN, f"{large}'other formats or languages on request' on every health page, reading grades checked"


def _about_page(facts: Facts) -> tuple[str, str]:
    listed = ABOUT_FILE in yaml.safe_dump(facts.nav) if facts.nav is not None else True
    return (SHOWN, "the 'About this information' page") if listed else (NOT_SHOWN, f"add `{ABOUT_FILE}` to `nav:` in mkdocs.yml")


MEASURES: dict[str, Callable[[Facts], tuple[str, str]]] = {
    "reviewers": _reviewers,
    "review_dates": _review_dates,
    "publisher": _publisher,
    "interests": _interests,
    "sources": _sources,
    "sources_checked": _sources_checked,
    "reading_grades": _reading_grades,
    "accessibility": _accessibility,
    "feedback": _feedback,
    "formats": _formats,
    "about_page": _about_page,
}


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m kit report", description="How the site's health information is made, against the standards."
    )
    parser.add_argument("--config-file", "-f", type=Path, default=Path("mkdocs.yml"), help="the site's mkdocs.yml (default: mkdocs.yml)")
    options = parser.parse_args(argv)
    try:
        text = report(options.config_file)
    except StopBuild as problem:
        print(f"ERROR   -  {problem}", file=sys.stderr)
        return 2
    print(text, end="")
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if os.environ.get("GITHUB_ACTIONS") == "true" and summary:
        with open(summary, "a", encoding="utf-8") as out:
            out.write("# How this information is made (python -m kit report)\n\n" + text)
    return 0
