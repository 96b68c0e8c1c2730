"""Messages for clinic editors, who read them on GitHub without a programmer.

Every message names the file, line and column, says what is wrong and what to
do, in that order, so it reads the same in a terminal, a CI log or an editor's
problem list (`path:line:col: ...` is what editors and GitHub annotations parse).
"""

from __future__ import annotations

from pathlib import Path


def display_path(path: str | Path) -> str:
    """Paths relative to the project, as an editor sees them in the repository."""
    path = Path(path)
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()
