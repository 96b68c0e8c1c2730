"""The tests' build server (tests/buildserver.py) builds exactly what a fresh `python -m mkdocs build` builds.

Fixture sites are built in processes forked from a server that has MkDocs and
the kit loaded; this checks that shortcut against the plain command, file by file.
"""

from __future__ import annotations

import filecmp
import os
import re
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, FixtureSite, run_mkdocs


def differing_files(left: Path, right: Path) -> list[str]:
    def walk(comparison: filecmp.dircmp) -> list[str]:
        found = comparison.diff_files + comparison.left_only + comparison.right_only + comparison.funny_files
        return found + [name for sub in comparison.subdirs.values() for name in walk(sub)]

    return walk(filecmp.dircmp(left, right))


def messages(output: str) -> list[str]:
    """The build's messages, without the output folder's name and the times taken ("in 0.31 s")."""
    lines = [line for line in output.splitlines() if "Building documentation to" not in line and "Documentation built in" not in line]
    return [re.sub(r"\b\d+\.\d+ s\b", "<time> s", line) for line in lines]


def test_a_fixture_site_built_through_the_build_server_is_the_one_a_fresh_mkdocs_process_builds(fixture_site: FixtureSite) -> None:
    fixture_site.write("docs/index.md", (fixture_site.root / "docs" / "index.md").read_text(encoding="utf-8") + "\nA zorbleflax.\n")
    env = {"CLINIC_KIT_TODAY": "2026-11-24"}
    served = run_mkdocs(fixture_site.root, fixture_site.root / "served", "--no-strict", env=env)
    fresh = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(fixture_site.root / "fresh"), "--no-strict"],
        cwd=fixture_site.root,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT), **env},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert served.returncode == fresh.returncode == 0, served.output
    assert "zorbleflax" in served.output, "the wording check ran and reported the typo"
    assert messages(served.output) == messages(fresh.stdout + fresh.stderr)
    assert differing_files(served.site, fixture_site.root / "fresh") == []
