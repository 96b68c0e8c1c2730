"""What every check reports, and the one reporter that passes it on.

Every check (wording, review dates, reading grades, page descriptions, the
brochure, the configuration) returns `Finding`s of one shape, and the build,
`python -m kit check` and the pre-commit hook hand them to a `Reporter`. The
reporter counts them and passes each one to its sinks: the MkDocs log (so
`mkdocs build --strict` fails on errors and warnings), the terminal of the
command-line check, and whatever else a sink is written for (GitHub
annotations, a job summary). A new output is a new sink; no check changes.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Protocol

from mkdocs.exceptions import PluginError

from kit.report.messages import display_path

Level = Literal["error", "warning", "suggestion"]
#: From most to least serious, as terminology.yml names them. Errors and
#: warnings fail a strict build and a commit check; suggestions only inform.
LEVELS: tuple[Level, ...] = ("error", "warning", "suggestion")
FAILING_LEVELS: frozenset[str] = frozenset({"error", "warning"})
LOG_LEVELS = {"error": logging.ERROR, "warning": logging.WARNING, "suggestion": logging.INFO}


@dataclass(frozen=True)
class Finding:
    """One problem in a file, worded for the clinic editor who must fix it.

    `message` says what is wrong and what to do ("Problem. Advice."); `rule`
    names the check and the rule (`termcheck.typo`, `review.overdue`): its first
    part is the check's name, which prefixes the line in the build's log.
    """

    level: Level
    path: str
    line: int
    column: int
    message: str
    rule: str

    @classmethod
    def at(cls, level: Level, rule: str, path: str | Path, line: int, column: int, problem: str, advice: str) -> Finding:
        """A finding from its problem and advice, worded like every other message of the kit."""
        return cls(level, display_path(path), line, column, f"{problem.rstrip('.')}. {advice.rstrip('.')}.", rule)

    @property
    def check(self) -> str:
        """The check that found it: the first part of the rule."""
        return self.rule.split(".", 1)[0]

    @property
    def located(self) -> str:
        """`path:line:col: message`, as editors, terminals and GitHub read a problem."""
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


class Sink(Protocol):
    """Where findings go. `finding` runs once per finding, `note` for summaries, `close` once at the end."""

    def finding(self, finding: Finding) -> None: ...

    def note(self, check: str, text: str) -> None: ...

    def close(self, reporter: Reporter) -> None: ...


class LogSink:
    """The MkDocs log: each check's logger is under `mkdocs.`, so `--strict` counts errors and warnings.

    `logging.getLogger(__name__)` would print the line but strict mode would
    not count it (FIELD-NOTES). Loggers are made on first use, so the
    command-line check never needs MkDocs' plugin machinery.
    """

    def __init__(self) -> None:
        self._loggers: dict[str, logging.LoggerAdapter] = {}

    def finding(self, finding: Finding) -> None:
        self._logger(finding.check).log(LOG_LEVELS[finding.level], finding.located)

    def note(self, check: str, text: str) -> None:
        self._logger(check).info(text)

    def close(self, reporter: Reporter) -> None:
        return None

    def _logger(self, check: str) -> logging.LoggerAdapter:
        if check not in self._loggers:
            from mkdocs.plugins import get_plugin_logger

            self._loggers[check] = get_plugin_logger(check)
        return self._loggers[check]


class PrintSink:
    """The terminal of `python -m kit check`: the same lines the build's log shows."""

    NAMES = {"error": "ERROR", "warning": "WARNING", "suggestion": "INFO"}  # as MkDocs prints the levels

    def finding(self, finding: Finding) -> None:
        print(f"{self.NAMES[finding.level]:<8}-  {finding.check}: {finding.located}")

    def note(self, check: str, text: str) -> None:
        print(f"INFO    -  {check}: {text}")

    def close(self, reporter: Reporter) -> None:
        return None


@dataclass
class Reporter:
    """The one way a check's findings reach the editor: counted here, shown by every sink."""

    sinks: list[Sink] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)
    findings: list[Finding] = field(default_factory=list)

    def report(self, findings: Iterable[Finding]) -> None:
        """Pass each finding to every sink, in the order given."""
        for finding in findings:
            self.findings.append(finding)
            self.counts[finding.level] += 1
            for sink in self.sinks:
                sink.finding(finding)

    def note(self, check: str, text: str) -> None:
        """A summary line for the editor (never a finding: it fails nothing)."""
        for sink in self.sinks:
            sink.note(check, text)

    @property
    def failures(self) -> int:
        """Errors plus warnings so far: what fails a strict build, a commit check, and skips the PDFs."""
        return sum(self.counts[level] for level in FAILING_LEVELS)

    @property
    def failed(self) -> bool:
        return self.failures > 0

    def close(self) -> None:
        """The checks are done: sinks that summarise (a CI job summary) write now."""
        for sink in self.sinks:
            sink.close(self)


@contextmanager
def stops_reported(reporter: Reporter) -> Iterator[None]:
    """Bad input that stops the build or the check (a wrong value in clinic.yml, terminology.yml,
    mkdocs.yml's settings, an unreadable page) reaches the editor as a finding, like every other.

    The stop's finding goes through the reporter (the log, the terminal, GitHub's
    annotations and run summary, all of which `close` completes), then the run
    stops with a one-line reason, so the message is not printed twice.
    """
    try:
        yield
    except StopBuild as stop:
        if stop.finding is None:
            raise
        reporter.report([stop.finding])
        reporter.close()
        where = f"{stop.finding.path}:{stop.finding.line}:{stop.finding.column}"
        raise StopBuild(f"Stopped at {where} (the error above). Fix it, then run again.") from None


class StopBuild(PluginError):
    """Bad input that must stop the build before anything is published.

    A PluginError makes MkDocs print the message and abort without a traceback.
    Bad input in a file carries its `Finding` (made by `stop_at`): the build and
    `python -m kit check` report it through their reporter like every other
    finding (kit.report.findings.stops_reported), so an editor, a terminal and GitHub's
    annotations see it in one shape. A stop without a file (an environment
    variable) is only its message.
    """

    def __init__(self, message: str, finding: Finding | None = None) -> None:
        super().__init__(message)
        self.finding = finding


def stop_at(path: str | Path, line: int, column: int, problem: str, advice: str) -> StopBuild:
    """Bad input at one place of a file, as the finding that stops the build.

    Its check is `page` for a Markdown page, `config` for the settings and data files.
    """
    rule = "page.unusable" if Path(path).suffix == ".md" else "config.invalid"
    finding = Finding.at("error", rule, path, line, column, problem, advice)
    return StopBuild(finding.located, finding)
