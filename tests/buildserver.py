"""`mkdocs build` for the tests, each in a fresh process forked from one that has MkDocs and the kit loaded.

A build of a small fixture site spends most of its time before it reads a page:
importing MkDocs, Material and the kit, and loading the word lists and the
pronouncing dictionary (about 1.6 of 2.3 CPU seconds). This server does that once,
then forks a child per build. The child is the real `mkdocs build` command line
(`mkdocs.__main__.cli`) in its own process: the project folder as working
directory and first on the import path (as `python -m mkdocs` has it), the test's
environment, its own stdout and stderr. Nothing of one build reaches another:
each child starts from the same freshly loaded parent and exits.

Protocol, one JSON object per line: the client writes
`{"cwd", "args", "env", "stdout", "stderr"}` (the last two: files for the child's
output) and reads `{"returncode"}`. tests/conftest.py `run_mkdocs` is the client.
"""

from __future__ import annotations

import gc
import json
import os
import sys
import traceback


def preload() -> None:
    """What every build imports and loads first (the same modules `mkdocs build` imports on its own)."""
    import mkdocs.__main__  # noqa: F401
    import mkdocs.commands.build  # noqa: F401
    import pymdownx.details  # noqa: F401
    import pymdownx.superfences  # noqa: F401
    from material.plugins.search import plugin  # noqa: F401

    from kit.web import markdown_ext, site_build  # noqa: F401
    from kit.wording import readability, wordlists  # noqa: F401

    readability._pronunciations_loaded()
    wordlists.english_words()
    gc.freeze()  # children share these pages with the parent instead of copying them on the next collection


def build_in_child(request: dict) -> None:
    """The child: become `mkdocs <args>` run in the project folder, then exit with its status. Never returns."""
    code: int | str | None = 1
    try:
        os.dup2(os.open(os.devnull, os.O_RDONLY), 0)  # the requests are the parent's to read
        for fd, path in ((1, request["stdout"]), (2, request["stderr"])):
            os.dup2(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), fd)
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        sys.path[0] = request["cwd"]
        sys.argv = ["mkdocs", *request["args"]]
        from mkdocs.__main__ import cli

        cli.main(args=request["args"], prog_name="mkdocs")
        code = 0
    except SystemExit as stop:
        code = stop.code
    except BaseException:  # noqa: BLE001 (reported like an uncaught exception in `python -m mkdocs`)
        traceback.print_exc()
    finally:
        if isinstance(code, str):
            print(code, file=sys.stderr)
            code = 1
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code or 0)


def serve() -> None:
    replies = os.fdopen(os.dup(1), "w")
    for line in sys.stdin:
        request = json.loads(line)
        child = os.fork()
        if child == 0:
            build_in_child(request)
        _, status = os.waitpid(child, 0)
        replies.write(json.dumps({"returncode": os.waitstatus_to_exitcode(status)}) + "\n")
        replies.flush()


if __name__ == "__main__":
    preload()
    serve()
