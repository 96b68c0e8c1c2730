"""Findings on GitHub: annotations on the lines of a pull request, and the run's summary page.

Clinic editors work on GitHub's website, not in a terminal. When the build runs
in GitHub Actions (`GITHUB_ACTIONS=true`), this sink of the reporter prints each
finding as a workflow command (`::error file=…,line=…,col=…::message`), which
GitHub shows on that line of the file in the pull request, and writes a
Markdown summary to `$GITHUB_STEP_SUMMARY`: every finding, the review status of
every page, the reading grades and the PDFs' page counts.

GitHub shows at most 10 annotations of each kind per step and 50 per job; the
sink stops at those limits and says so in the summary, which lists every finding.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from kit.report.findings import Finding

if TYPE_CHECKING:
    from kit.report.findings import Reporter

#: The kit's levels as GitHub's annotation kinds.
COMMANDS = {"error": "error", "warning": "warning", "suggestion": "notice"}
PER_KIND_LIMIT = 10  # GitHub shows at most 10 annotations of each kind per step...
PER_JOB_LIMIT = 50  # ...and 50 in all per job.


@dataclass(frozen=True)
class SummaryTable:
    """One section of the summary page: a heading and a table."""

    title: str
    header: tuple[str, ...]
    rows: Sequence[tuple[object, ...]]
    note: str = ""  # a sentence under the heading, when the table needs one


def github_sinks(title: str = "Clinic site build", environ: Mapping[str, str] | None = None) -> list[GitHubSink]:
    """The sink when running in GitHub Actions (none elsewhere); `title` heads its part of the summary page."""
    environ = os.environ if environ is None else environ
    if environ.get("GITHUB_ACTIONS") != "true":
        return []
    summary = environ.get("GITHUB_STEP_SUMMARY")
    return [GitHubSink(Path(summary) if summary else None, title)]


@dataclass
class GitHubSink:
    """Annotations as findings arrive; the summary once the build's checks and PDFs are done."""

    summary_file: Path | None
    title: str = "Clinic site build"
    out: TextIO = field(default_factory=lambda: sys.stdout)
    tables: list[SummaryTable] = field(default_factory=list)
    shown: Counter[str] = field(default_factory=Counter)
    held_back: int = 0

    def finding(self, finding: Finding) -> None:
        kind = COMMANDS[finding.level]
        if self.shown[kind] >= PER_KIND_LIMIT or sum(self.shown.values()) >= PER_JOB_LIMIT:
            self.held_back += 1
            return
        self.shown[kind] += 1
        print(workflow_command(finding), file=self.out, flush=True)

    def note(self, check: str, text: str) -> None:
        return None  # summaries reach GitHub as tables (add_table), and the log shows the notes

    def add_table(self, table: SummaryTable) -> None:
        """A section of the summary page, from the build (review status, reading grades, PDFs)."""
        self.tables.append(table)

    def close(self, reporter: Reporter) -> None:
        if self.summary_file is None:
            return
        with self.summary_file.open("a", encoding="utf-8") as summary:
            summary.write(summary_markdown(self.title, reporter.findings, self.tables, self.held_back))


def workflow_command(finding: Finding) -> str:
    """`::error file=docs/a.md,line=7,col=18,title=termcheck::message`, escaped as GitHub requires."""
    properties = {"file": finding.path, "line": finding.line, "col": finding.column, "title": finding.rule}
    props = ",".join(f"{key}={_escape_property(str(value))}" for key, value in properties.items())
    return f"::{COMMANDS[finding.level]} {props}::{_escape_data(finding.message)}"


def summary_markdown(title: str, findings: Sequence[Finding], tables: Sequence[SummaryTable], held_back: int = 0) -> str:
    """The run's summary page: the findings first (what to fix), then the build's tables."""
    counts = Counter(finding.level for finding in findings)
    lines = [f"## {title}", ""]
    if findings:
        lines.append(
            f"{counts['error']} error(s), {counts['warning']} warning(s), {counts['suggestion']} suggestion(s). "
            "Errors and warnings stop the published build: fix them at the lines below."
        )
        if held_back:
            lines.append(f"GitHub shows {len(findings) - held_back} of them on the files' lines; this table lists all {len(findings)}.")
        lines += ["", "| level | where | what is wrong, and what to do |", "| --- | --- | --- |"]
        lines += [f"| {f.level} | `{f.path}:{f.line}:{f.column}` | {_cell(f.message)} |" for f in findings]
    else:
        lines.append("No findings: the wording, review dates, reading grades and settings are all in order.")
    for table in tables:
        lines += ["", f"### {table.title}", ""]
        if table.note:
            lines += [table.note, ""]
        lines += ["| " + " | ".join(table.header) + " |", "|" + " --- |" * len(table.header)]
        lines += ["| " + " | ".join(_cell(str(value)) for value in row) + " |" for row in table.rows]
    return "\n".join(lines) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return text.replace("|", "\\|").replace("\n", " ")
