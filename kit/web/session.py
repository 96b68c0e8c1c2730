"""The one fact that outlives a build: which command MkDocs runs (`build`, `serve`, `gh-deploy`).

MkDocs says it only once per process, in `on_startup`, before any config
exists; every build of `mkdocs serve` then starts from a new config object,
which is where everything else of a build lives (kit/web/site_build.py). So this
module keeps the command, and only that, for the builds of the process.
Without `on_startup` (MkDocs' Python API, tests) a build counts as `build`.
"""

from __future__ import annotations

_command = ["build"]


def remember_command(command: str) -> None:
    """Called by hooks.py's `on_startup`."""
    _command[0] = command


def started_command() -> str:
    """The command MkDocs was started with."""
    return _command[0]
