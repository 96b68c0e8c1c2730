"""The facts that outlive a build: which command MkDocs runs (`build`, `serve`, `gh-deploy`), and work left for its end.

MkDocs says it only once per process, in `on_startup`, before any config
exists; every build of `mkdocs serve` then starts from a new config object,
which is where everything else of a build lives (kit/web/site_build.py). So this
module keeps the command, and only that, for the builds of the process.
Without `on_startup` (MkDocs' Python API, tests) a build counts as `build`.

A site in several languages (mkdocs-static-i18n) rewrites the search index once the
last language is built, after every event the kit gets: the kit's last word on the
index waits for `on_shutdown` (`at_end`). `mkdocs serve` never ends a build this way,
so its previews keep the plugin's shared index.
"""

from __future__ import annotations

from collections.abc import Callable

_command = ["build"]
_at_end: list[Callable[[], None]] = []


def remember_command(command: str) -> None:
    """Called by hooks.py's `on_startup`."""
    _command[0] = command


def started_command() -> str:
    """The command MkDocs was started with."""
    return _command[0]


def at_end(work: Callable[[], None]) -> None:
    """Do this once MkDocs has finished building (`mkdocs build`, `gh-deploy`); never in `mkdocs serve`."""
    if started_command() != "serve":
        _at_end.append(work)


def finish_command() -> None:
    """Called by hooks.py's `on_shutdown`: the work left for the end, in order."""
    while _at_end:
        _at_end.pop(0)()
