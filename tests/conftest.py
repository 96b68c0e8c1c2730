"""Shared fixtures: real MkDocs builds of the real site and of small fixture sites.

Every test reads output that MkDocs, WeasyPrint or Chromium really produced;
nothing here fakes a build.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SOURCE_TEXT = ROOT.parent / "shared" / "source-material" / "microneedling.txt"
NAV_PAGES = {
    "index.md": "Overview",
    "benefits.md": "Benefits",
    "how-it-works.md": "How it works",
    "who-it-suits.md": "Who it suits",
    "side-effects-and-risks.md": "Side effects and risks",
    "aftercare.md": "Aftercare",
}


@dataclass
class Build:
    """What one `mkdocs build` left behind: its exit code, its messages, its site."""

    returncode: int
    output: str
    site: Path

    def page(self, url: str) -> str:
        """The HTML of a built page, by its URL path (`who-it-suits/`)."""
        return (self.site / url / "index.html").read_text(encoding="utf-8")


def run_mkdocs(project: Path, site: Path, *args: str, env: dict[str, str] | None = None) -> Build:
    """Run the real `mkdocs build` on a project folder."""
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site), *args],
        cwd=project,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    return Build(result.returncode, result.stdout + result.stderr, site)


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The clinic's real site, built strictly once per test run."""
    build = run_mkdocs(ROOT, tmp_path_factory.mktemp("real") / "site", "--strict")
    assert build.returncode == 0, build.output
    return build


FIXTURE_CONFIG = """\
site_name: Fixture clinic site
site_url: https://example-clinic.github.io/fixture/
theme:
  name: material
  font: false
markdown_extensions:
  - admonition
  - attr_list
  - md_in_html
  - pymdownx.details
  - pymdownx.superfences
hooks:
  - {hooks}
"""


@dataclass
class FixtureSite:
    """A small site in a temporary folder, using the project's real hooks and data."""

    root: Path

    def write(self, relative: str, text: str) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    def build(self, *args: str, env: dict[str, str] | None = None) -> Build:
        return run_mkdocs(self.root, self.root / "site", *args, env=env)


@pytest.fixture
def fixture_site(tmp_path: Path) -> FixtureSite:
    """A one-page site with the project's hooks, clinic.yml and terminology.yml."""
    site = FixtureSite(tmp_path)
    site.write("mkdocs.yml", FIXTURE_CONFIG.format(hooks=ROOT / "hooks.py"))
    for data_file in ("clinic.yml", "terminology.yml"):
        if (ROOT / data_file).exists():
            shutil.copy(ROOT / data_file, tmp_path / data_file)
    (tmp_path / "docs" / "assets").mkdir(parents=True)
    shutil.copy(DOCS / "assets" / "logo.svg", tmp_path / "docs" / "assets" / "logo.svg")
    site.write("docs/index.md", "# Welcome\n\nThe clinic's fixture page.\n")
    return site


# --- Browser tests (tests/test_browser.py): failure screenshots and reported measurements ---

MEASUREMENTS = pytest.StashKey[list[str]]()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> pytest.TestReport:
    """Keep each phase's report on the test, so a fixture can tell that its test failed."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


def pytest_configure(config: pytest.Config) -> None:
    config.stash[MEASUREMENTS] = []


def pytest_terminal_summary(terminalreporter, config: pytest.Config) -> None:
    """Numbers the tests measured (page weight...), printed after the results."""
    if config.stash.get(MEASUREMENTS, None):
        terminalreporter.write_sep("-", "measured")
        for line in config.stash[MEASUREMENTS]:
            terminalreporter.write_line(line)
