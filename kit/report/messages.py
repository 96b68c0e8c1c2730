"""Messages for clinic editors, who read them on GitHub without a programmer.

Every message names the file, line and column, says what is wrong and what to
do, in that order, so it reads the same in a terminal, a CI log or an editor's
problem list (`path:line:col: ...` is what editors and GitHub annotations parse).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError

if TYPE_CHECKING:
    from kit.report.findings import Finding


def display_path(path: str | Path) -> str:
    """Paths relative to the project, as an editor sees them in the repository."""
    path = Path(path)
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


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
    from kit.report.findings import Finding  # kit.report.findings uses this module's display_path

    rule = "page.unusable" if Path(path).suffix == ".md" else "config.invalid"
    finding = Finding.at("error", rule, path, line, column, problem, advice)
    return StopBuild(finding.located, finding)
