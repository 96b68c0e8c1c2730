"""Shared fixtures: real MkDocs builds of the real site and of small fixture sites.

Every test reads output that MkDocs, WeasyPrint or Chromium really produced;
nothing here fakes a build. Fixture sites are built by `mkdocs build` in a
process forked per build from tests/buildserver.py, which has MkDocs and the
kit already loaded; the real site and copies of the project start afresh.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import select
import shutil
import subprocess
import sys
import tempfile
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from fixturesite import FIXTURE_CONFIG, PRINT_SITE_PLUGIN, FixturePage, write_fixture_site  # noqa: F401 (tests import them from here)
from hypothesis import HealthCheck, settings

from kit.data.clinic import load_clinic
from kit.pages.prose import extract_prose
from kit.report.findings import FAILING_LEVELS
from kit.wording.claims import start_claims_check
from kit.wording.languages import page_language

# Property-based tests give the same answer on every run and every fresh clone: the default profile draws
# the same examples each time (derandomized, no example database), so a red CI is a real change, never
# a new draw. Exploring at random is its own step, `make fuzz` (profile "fuzz", FUZZ_SECONDS long): a
# failing example it finds is added to its test as an explicit `@example(...)`, which every run replays.
settings.register_profile(
    "ci",
    derandomize=True,
    database=None,
    max_examples=60,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
settings.register_profile(
    "fuzz",
    derandomize=False,
    max_examples=500,  # per round of `make fuzz`: rounds repeat until FUZZ_SECONDS is spent
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.load_profile("ci")  # `--hypothesis-profile=fuzz` on the command line replaces it (make fuzz)

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SOURCE_TEXT = ROOT / "source" / "microneedling.txt"  # the clinic's original, unchanged


class _SettingsLoader(yaml.SafeLoader):
    """mkdocs.yml may name Python objects (`!!python/name:...`, as Material's emoji setup does): read them as None."""


_SettingsLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def read_settings(project: Path = ROOT) -> dict:
    """mkdocs.yml as plain data (a clinic's fork has its own values: tests read them, never type them)."""
    return yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_SettingsLoader)  # noqa: S506


def read_clinic(project: Path = ROOT) -> dict:
    """clinic.yml as plain data."""
    return yaml.safe_load((project / "clinic.yml").read_text(encoding="utf-8"))


def front_matter(page: Path) -> dict:
    """A page's front matter as plain data ({} for a page without one)."""
    text = page.read_text(encoding="utf-8")
    return (yaml.safe_load(text.split("---\n")[1]) or {}) if text.startswith("---\n") else {}


def url_of(source: str) -> str:
    """`who-it-suits` for who-it-suits.md, "" for index.md: the page's folder in the built site."""
    return "" if source == "index.md" else source.removesuffix(".md")


# For builds whose test reads no PDF: the real site's brochures cost more than the rest of its build.
WITHOUT_PDFS = {"CLINIC_KIT_PDF": "off"}

SETTINGS = read_settings()
# The clinic as the kit reads it: optional details a clinic deleted are "" (no phone, no booking link), and
# without a `website:` line its website is the site's own address, so tests of them pass on any clinic's fork.
CLINIC = load_clinic(ROOT / "clinic.yml").with_website(SETTINGS["site_url"]).as_dict()


def nav_pages(nav: list) -> dict[str, str]:
    """source -> title of each page file in the nav, in order, those inside nav sections too."""
    pages: dict[str, str] = {}
    for entry in nav:
        for title, value in entry.items() if isinstance(entry, dict) else []:
            if isinstance(value, list):
                pages |= nav_pages(value)
            elif isinstance(value, str) and (DOCS / value).is_file():
                pages[value] = title
    return pages


def nav_sections(nav: list) -> list[str]:
    """The titles of the nav's sections (a title over a list of pages), in order, nested ones too."""
    return [
        name
        for entry in nav
        if isinstance(entry, dict)
        for title, value in entry.items()
        if isinstance(value, list)
        for name in [title, *nav_sections(value)]
    ]


# The pages of the nav that are files in docs/ (the glossary is made by the build), source -> title.
NAV_PAGES = nav_pages(SETTINGS["nav"])
NAV_SECTIONS = nav_sections(SETTINGS["nav"])
# The brochure's title (its PDFs' title, its cover's heading): the print-site plugin's `print_page_title`.
PRINT_SITE = next((entry["print-site"] for entry in SETTINGS.get("plugins", []) if isinstance(entry, dict) and "print-site" in entry), {})
BROCHURE_TITLE = (PRINT_SITE or {}).get("print_page_title", "Print Site")
# The address the PDFs' QR codes lead to: the site, or once a version is released the archive page of the
# latest one (kit/release/, archive/releases.yml).
RELEASES_FILE = ROOT / "archive" / "releases.yml"
RELEASES = (yaml.safe_load(RELEASES_FILE.read_text(encoding="utf-8")) or {}).get("releases") or [] if RELEASES_FILE.is_file() else []
QR_ADDRESS = SETTINGS["site_url"] + (f"archive/v{RELEASES[-1]['version']}/" if RELEASES else "")


def patient_page_files(site: Path) -> list[Path]:
    """The site's patient pages, built: every page but the print page and the archive of released versions."""
    return [path for path in site.rglob("index.html") if not {"print_page", "archive"} & set(path.relative_to(site).parts)]


# Pages that give health information: reviewed, with a disclaimer (`health_page: false` opts out).
HEALTH_PAGES = [source for source in NAV_PAGES if front_matter(DOCS / source).get("health_page") is not False]
# Tests of the demonstration pages' own content (the source text's sentences, what search finds
# on them) run while clinic.yml says `mode: demo`: a clinic's own pages are its own.
DEMO = CLINIC.get("mode", "demo") == "demo"
demo_content = pytest.mark.skipif(not DEMO, reason="checks the demonstration pages' content; clinic.yml is not in demo mode")


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
    """Run the real `mkdocs build` on a project folder, in a process of its own."""
    # The kit under test on the import path: mkdocs.yml names its Markdown extension (kit.web.markdown_ext),
    # which MkDocs imports before hooks.py, also for fixture sites outside the checkout.
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT), **(env or {})}
    command = ["build", "--site-dir", str(site), *args]
    # The build server has this checkout's kit loaded: a build that imports another kit (the project itself
    # or a copy of it, whose `python -m mkdocs` imports its own kit/, or a test's PYTHONPATH) starts afresh.
    if (project / "kit").is_dir() or full_env["PYTHONPATH"] != str(ROOT):
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", *command], cwd=project, env=full_env, capture_output=True, text=True, timeout=600
        )
        return Build(result.returncode, result.stdout + result.stderr, site)
    with tempfile.TemporaryDirectory() as folder:
        stdout, stderr = Path(folder) / "stdout", Path(folder) / "stderr"
        returncode = BUILD_SERVER.build(project, command, full_env, stdout, stderr)
        return Build(returncode, stdout.read_text(encoding="utf-8") + stderr.read_text(encoding="utf-8"), site)


class BuildServer:
    """tests/buildserver.py, started on the first fixture-site build of this test process: it forks one child per build."""

    def __init__(self) -> None:
        self.process: subprocess.Popen[str] | None = None

    def build(self, project: Path, command: list[str], env: dict[str, str], stdout: Path, stderr: Path) -> int:
        if self.process is None or self.process.poll() is not None:
            self.process = subprocess.Popen(
                [sys.executable, str(ROOT / "tests" / "buildserver.py")],
                cwd=ROOT,
                env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)},
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
            )
        assert self.process.stdin is not None and self.process.stdout is not None
        request = {"cwd": str(project), "args": command, "env": env, "stdout": str(stdout), "stderr": str(stderr)}
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        if not select.select([self.process.stdout], [], [], 600)[0]:  # as long as a fresh process is given
            self.process.kill()
            raise TimeoutError(f"mkdocs {' '.join(command)} in {project} did not finish in 600 s")
        reply = self.process.stdout.readline()
        assert reply, f"tests/buildserver.py stopped (exit status {self.process.wait()}); its error is above"
        return json.loads(reply)["returncode"]

    def stop(self) -> None:
        if self.process is not None:
            self.process.communicate()  # closes its input: it exits
            self.process = None


BUILD_SERVER = BuildServer()


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "site: a site test, of the clinic's real site (`-m site`: the fork matrix runs these)")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that reads the real site (its build, or the server and browser on it) is a site test; the rest are kit tests."""
    for item in items:
        if "real_site" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.site)


def pytest_sessionfinish(session: pytest.Session) -> None:
    BUILD_SERVER.stop()


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The clinic's real site, built strictly once per test run, and only read by the tests.

    With parallel workers (pytest-xdist) the first worker that needs it builds it
    into the run's shared temporary folder while the others wait, then all read it.
    """
    run_folder = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        run_folder = run_folder.parent  # above each worker's own folder: the whole run's
    site, result = run_folder / "real-site", run_folder / "real-site.json"
    with open(run_folder / "real-site.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not result.is_file():
            build = run_mkdocs(ROOT, site, "--strict")
            result.write_text(json.dumps({"returncode": build.returncode, "output": build.output}), encoding="utf-8")
        built = json.loads(result.read_text(encoding="utf-8"))
    build = Build(built["returncode"], built["output"], site)
    assert build.returncode == 0, build.output
    return build


# The fixture's "today" (kit/pages/review.py reads CLINIC_KIT_TODAY, for tests only),
# and a page that passes the kit's checks: reviewed, with a plain Key points box.
FIXTURE_TODAY = "2026-11-24"
FIXTURE_PAGE = FixturePage("index.md", "Welcome").text()


# Another clinic's own details, for tests of what a clinic's fork does (none of them is an example value).
OTHER_CLINIC = {
    "name": "Harbour Lane Dermatology",
    "phone": "+44 20 3318 4400",
    "email": "reception@harbourlane-dermatology.co.uk",
    "address": ["14 Harbour Lane", "Bristol BS1 4RW"],
    "website": "https://harbourlane-dermatology.co.uk/",
    "booking_url": "https://harbourlane-dermatology.co.uk/book",
}
OTHER_SITE_URL = "https://harbourlane-dermatology.github.io/skin/"
OTHER_TRANSLATOR = "Marta Ibáñez, medical translator"
OTHER_REVIEWER = "Dr Ada Lovell, Consultant dermatologist"
# The evidence the other clinic cites on each health page (front matter `sources:`, kit/pages/sources.py).
OTHER_SOURCE = """\
sources:
  - title: Skin needling explained
    publisher: Harbourlane Dermatology Evidence Service
    url: https://harbourlane-dermatology.co.uk/evidence/skin-needling
    checked: {checked}"""


@dataclass
class FixtureSite:
    """A small site in a temporary folder, using the project's real hooks and data."""

    root: Path

    def write(self, relative: str, text: str) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    def set_clinic(self, **values: object) -> None:
        """Change details in the site's clinic.yml, as a clinic does once it forks the kit."""
        clinic = read_clinic(self.root) | values
        (self.root / "clinic.yml").write_text(yaml.safe_dump(clinic, sort_keys=False, allow_unicode=True), encoding="utf-8")

    def go_live(self, reviewer: str = OTHER_REVIEWER) -> None:
        """What a clinic does before going live: its own details and address, a named reviewer and a source on every health page."""
        self.set_clinic(mode="live", **OTHER_CLINIC)
        config = self.root / "mkdocs.yml"
        config.write_text(
            re.sub(r"^site_url:.*$", f"site_url: {OTHER_SITE_URL}", config.read_text(encoding="utf-8"), flags=re.M), encoding="utf-8"
        )
        for page in (self.root / "docs").rglob("*.md"):
            meta = front_matter(page)
            if meta and meta.get("health_page") is not False and "reviewer" not in meta:
                head, separator, rest = page.read_text(encoding="utf-8").partition("\n---\n")
                page.write_text(f"{head}\nreviewer: {reviewer}{separator}{rest}", encoding="utf-8")
            if meta and meta.get("health_page") is not False and "sources" not in meta:
                checked = meta.get("reviewed") or FIXTURE_TODAY  # checked at the page's review: not due for re-checking
                head, separator, rest = page.read_text(encoding="utf-8").partition("\n---\n")
                page.write_text(f"{head}\n{OTHER_SOURCE.format(checked=checked)}{separator}{rest}", encoding="utf-8")
            if meta and "translation_of" in meta and not {"translator", "translation_reviewer"} & set(meta):
                # A live site publishes a translation only with its translator and reviewer named (kit/checks/translation.py).
                head, separator, rest = page.read_text(encoding="utf-8").partition("\n---\n")
                names = f"translator: {OTHER_TRANSLATOR}\ntranslation_reviewer: {reviewer}"
                page.write_text(f"{head}\n{names}{separator}{rest}", encoding="utf-8")
            self.keep_flagged_claims(page, reviewer)

    def keep_flagged_claims(self, page: Path, reviewer: str) -> None:
        """The clinician's pass over the claims the claims check stops on a live site (kit/checks/claims.py):
        here each one is kept as written, under `reviewed_claims:` with the reviewer's name and the fixture's date."""
        claims = start_claims_check(self.root, page_language(page.name, "en"), [])  # a Spanish page by claims.es.yml
        text = page.read_text(encoding="utf-8")
        if claims is None or not text.startswith("---\n"):
            return
        flags = [flag for flag in claims.flags(extract_prose(text)) if flag.level in FAILING_LEVELS]
        if flags:
            entry = "  - claim: {}\n    reviewer: {}\n    date: {}\n"
            kept = "".join(entry.format(json.dumps(flag.as_written), reviewer, FIXTURE_TODAY) for flag in flags)
            head, separator, rest = text.partition("\n---\n")
            page.write_text(f"{head}\nreviewed_claims:\n{kept.rstrip()}{separator}{rest}", encoding="utf-8")

    def build(self, *args: str, env: dict[str, str] | None = None) -> Build:
        # "Today" is pinned so review dates give the same result on any day;
        # a test sets CLINIC_KIT_TODAY itself to move it.
        # A live fixture site has released no version: it builds as a draft, as a preview does (kit/release/state.py);
        # tests of releases (tests/test_releases.py) set CLINIC_KIT_UNRELEASED=refuse themselves.
        fixed = {"CLINIC_KIT_TODAY": FIXTURE_TODAY, "CLINIC_KIT_UNRELEASED": "draft"}
        return run_mkdocs(self.root, self.root / "site", *args, env={**fixed, **(env or {})})


def new_fixture_site(root: Path, **choices: object) -> FixtureSite:
    """A one-page site of the tests' own clinic in `root`, written from scratch (tests/fixturesite.py: `choices`)."""
    write_fixture_site(root, **choices)  # type: ignore[arg-type]
    return FixtureSite(root)


@pytest.fixture
def fixture_site(tmp_path: Path) -> FixtureSite:
    """A one-page site of the test's own, to change and build (new_fixture_site)."""
    return new_fixture_site(tmp_path)


def copy_tracked_files(destination: Path) -> Path:
    """The repository's tracked files, as a fresh clone would have them (nothing built, no virtual environment)."""
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split("\0")
    for name in filter(None, tracked):
        if (ROOT / name).is_file():  # a file deleted but not yet committed is still listed
            (destination / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, destination / name)
    return destination


# --- Browser tests (tests/test_browser.py): failure screenshots and reported measurements ---

# A test's measurements (page weight...) travel in its report as this user property, so
# they reach the summary from parallel workers (pytest-xdist) as they do without them.
MEASURED = "measured"


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> pytest.TestReport:
    """Keep each phase's report on the test, so a fixture can tell that its test failed."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


def pytest_terminal_summary(terminalreporter, config: pytest.Config) -> None:
    """Numbers the tests measured (page weight...), printed after the results."""
    measured = [
        line
        for reports in terminalreporter.stats.values()
        for report in reports
        if getattr(report, "when", None) == "call"
        for name, lines in report.user_properties
        if name == MEASURED
        for line in lines
    ]
    if measured:
        terminalreporter.write_sep("-", "measured")
        for line in measured:
            terminalreporter.write_line(line)


# --- One real Chromium and one local server per test run, shared by every browser test ---


@pytest.fixture(scope="session")
def server(real_site: Build):
    """The real site served like GitHub Pages: under its site_url path, gzip-compressed."""
    from sitebrowser import SiteServer

    with SiteServer(real_site.site) as running:
        yield running


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (one per run: Playwright's sync API allows one)."""
    from playwright.sync_api import sync_playwright
    from sitebrowser import launch_chromium

    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()
