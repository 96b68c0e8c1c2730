"""The kit's code as a clinic's developer meets it: one read per page, one shape of finding, checks as rules."""

from __future__ import annotations

import builtins
import io
import os
from collections import Counter
from pathlib import Path

import pytest
from conftest import FIXTURE_PAGE, FIXTURE_TODAY, FixtureSite


def test_a_build_opens_each_page_file_once(fixture_site: FixtureSite, monkeypatch: pytest.MonkeyPatch) -> None:
    """A real MkDocs build in this process, with every file opening counted (nothing replaced)."""
    fixture_site.write("docs/second.md", FIXTURE_PAGE.replace("# Welcome", "# Second page"))
    fixture_site.write("docs/third.md", FIXTURE_PAGE.replace("# Welcome", "# Third page"))
    docs = (fixture_site.root / "docs").resolve()
    pages = sorted(path.name for path in docs.glob("*.md"))
    opened: Counter[str] = Counter()
    real_open = io.open

    def counting_open(file, *args, **kwargs):
        if isinstance(file, (str, os.PathLike)) and Path(file).resolve().parent == docs and str(file).endswith(".md"):
            opened[Path(file).name] += 1
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", counting_open)
    monkeypatch.setattr(io, "open", counting_open)
    monkeypatch.setenv("CLINIC_KIT_TODAY", FIXTURE_TODAY)
    monkeypatch.chdir(fixture_site.root)

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    build(load_config(str(fixture_site.root / "mkdocs.yml"), site_dir=str(fixture_site.root / "site"), strict=True))

    assert (fixture_site.root / "site" / "second" / "index.html").exists()
    assert opened == Counter({page: 1 for page in pages})
