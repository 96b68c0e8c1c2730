"""`make zensical-trial`: which of the kit's features survive a build with Zensical, beside MkDocs.

Material for MkDocs 9.x gets security fixes until 2027-05-05; its successor,
Zensical, reads mkdocs.yml but runs no `hooks:` and silently skips plugins it
has not reimplemented. A Zensical build can pass while pages lack what the kit
adds, so this trial measures instead of trusting the exit code:

1. Zensical is installed, as requirements-zensical.txt pins it, in its own
   venv (`.zensical-venv`), so it never shares packages with the release build.
2. The project is copied to a scratch folder, and one page gets a planted
   misspelling, so "is the wording checked?" is answered by a real typo.
3. The copy is built twice: with the kit's own MkDocs (`.venv`, not strict, so
   the planted typo does not stop it) and with Zensical.
4. Each built site is read like a patient's browser would: the HTML of every
   page (review line, disclaimer, contact block, tooltips, checkbox labels,
   JSON-LD, clinic header and footer, links in the navigation), the PDFs,
   and search, typed into the real search box in Chromium.

It prints one Markdown table, feature by feature (the README keeps a copy).
Expected values come from the project itself (front matter, clinic.yml,
terminology.yml, nav), so the trial holds for a clinic's fork.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from urllib.parse import urlparse

import yaml
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
# Zensical and its dependencies, pinned (the newest Zensical that installs here: see the file).
ZENSICAL_LOCK = ROOT / "requirements-zensical.txt"
ZENSICAL_VENV = ROOT / ".zensical-venv"
MKDOCS = ROOT / ".venv" / "bin" / "mkdocs"
# Not the project's files: build output, environments, caches.
NOT_COPIED = (".git", ".venv", ".zensical-venv", ".lock-venv", "site", ".site-new", "node_modules", "test-results", "__pycache__")
PLANTED_TYPO = "recoveryy"


@dataclass
class SiteBuild:
    """One builder's run on the project copy: how it went, and where the site is."""

    builder: str
    returncode: int
    seconds: float
    output: str
    site: Path
    check_output: str = ""  # `python -m kit check` in the builder's own venv, before the build


@dataclass
class Expectations:
    """What the project asks of a built site, read from its own files."""

    pages: dict[str, dict]  # URL path ("aftercare/") -> front matter
    clinic: dict  # clinic.yml
    glossary_terms: int
    search_term: str
    search_page: str  # URL path the search term must lead to

    def health_pages(self) -> list[str]:
        return [url for url, meta in self.pages.items() if meta.get("health_page") is not False]


@dataclass
class Row:
    feature: str
    how: str
    results: dict[str, str] = field(default_factory=dict)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", action="store_true", help="keep the scratch copy and both sites, and print where they are")
    parser.add_argument("--project", type=Path, default=ROOT, help="the project to try (default: this checkout)")
    args = parser.parse_args()
    zensical_version = pinned_zensical()
    zensical = ensure_zensical(zensical_version)
    scratch = Path(tempfile.mkdtemp(prefix="zensical-trial-"))
    try:
        project = copy_project(args.project, scratch / "project")
        expected = read_expectations(project)
        plant_typo(project, next(iter(expected.pages)))
        builds = [
            build(
                f"MkDocs {version('mkdocs')} + Material {version('mkdocs-material')}",
                [str(MKDOCS), "build", "--no-strict", "--site-dir", str(scratch / "site-mkdocs")],
                project,
                scratch / "site-mkdocs",
            ),
            build(f"Zensical {zensical_version}", [str(zensical), "build", "--clean"], project, project / "site"),
        ]
        for result, python in zip(builds, (MKDOCS.parent / "python", zensical.parent / "python"), strict=True):
            result.check_output = kit_check(python, project)
        print_report(builds, inspect(builds, expected))
    finally:
        if args.keep:
            print(f"\nKept: {scratch}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)


def pinned_zensical() -> str:
    """The Zensical version requirements-zensical.txt pins."""
    for line in ZENSICAL_LOCK.read_text(encoding="utf-8").splitlines():
        if line.lower().startswith("zensical=="):
            return line.split("==", 1)[1].strip()
    raise SystemExit(f"{ZENSICAL_LOCK.name}: no `zensical==<version>` line. Add one.")


def ensure_zensical(wanted: str) -> Path:
    """Zensical at the pinned version in its own venv; installed again when either requirements file changed."""
    zensical = ZENSICAL_VENV / "bin" / "zensical"
    stamp = ZENSICAL_VENV / ".requirements"
    locks = ZENSICAL_LOCK.read_text(encoding="utf-8") + (ROOT / "requirements.txt").read_text(encoding="utf-8")
    if zensical.exists() and stamp.exists() and stamp.read_text(encoding="utf-8") == locks:
        installed = subprocess.run([str(zensical), "--version"], capture_output=True, text=True).stdout.strip()
        if installed == wanted:
            return zensical
    print(f"Installing Zensical {wanted} into {ZENSICAL_VENV.name}/ from {ZENSICAL_LOCK.name} (once) ...", flush=True)
    subprocess.run([sys.executable, "-m", "venv", "--clear", str(ZENSICAL_VENV)], check=True)
    pip = [str(ZENSICAL_VENV / "bin" / "python"), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "-r", str(ZENSICAL_LOCK)], check=True)
    stamp.write_text(locks, encoding="utf-8")
    return zensical


def copy_project(source: Path, destination: Path) -> Path:
    """The project without its builds and venvs: names matched in the project's own folder only (kit/web/ is code)."""

    def not_copied(folder: str, names: list[str]) -> set[str]:
        here = Path(folder).resolve() == source.resolve()
        return {name for name in names if name == "__pycache__" or (here and name in NOT_COPIED)}

    shutil.copytree(source, destination, ignore=not_copied)
    return destination


def read_expectations(project: Path) -> Expectations:
    """Pages in nav order with their front matter, the clinic's name, the glossary's size, a search probe."""
    config = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_LenientLoader)
    docs = project / config.get("docs_dir", "docs")
    pages: dict[str, dict] = {}
    for entry in config.get("nav", []):
        source = next(iter(entry.values())) if isinstance(entry, dict) else entry
        if isinstance(source, str) and (docs / source).is_file():
            pages[page_url(source)] = front_matter((docs / source).read_text(encoding="utf-8"))
    clinic = yaml.safe_load((project / "clinic.yml").read_text(encoding="utf-8"))
    terminology = yaml.safe_load((project / "terminology.yml").read_text(encoding="utf-8")) or {}
    terms = [t for t in terminology.get("terms", []) if isinstance(t, dict) and t.get("definition")]
    # Search for the last health page by its title: a word or two that leads to one page.
    probe = [url for url, meta in pages.items() if meta.get("title") and meta.get("health_page") is not False][-1]
    return Expectations(pages, clinic, len(terms), pages[probe]["title"], probe)


class _LenientLoader(yaml.SafeLoader):
    """mkdocs.yml may use MkDocs' own tags (!ENV, !relative, python/name); the trial only needs nav."""


_LenientLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def page_url(source: str) -> str:
    """docs/aftercare.md is published at aftercare/, docs/index.md at the root."""
    stem = source.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/"


def front_matter(text: str) -> dict:
    if not text.startswith("---"):
        return {}
    block = text.split("\n---", 1)[0].removeprefix("---")
    return yaml.safe_load(block) or {}


def plant_typo(project: Path, home_url: str) -> None:
    """A misspelled word on the first page: a builder that checks wording must report it."""
    config = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_LenientLoader)
    first = next(iter(config["nav"][0].values())) if isinstance(config["nav"][0], dict) else config["nav"][0]
    page = project / config.get("docs_dir", "docs") / first
    page.write_text(page.read_text(encoding="utf-8") + f"\n\nAsk us about your {PLANTED_TYPO}.\n", encoding="utf-8")


def build(builder: str, command: list[str], project: Path, site: Path) -> SiteBuild:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project)}
    print(f"Building with {builder} ...", flush=True)
    started = time.perf_counter()
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=900)
    return SiteBuild(builder, result.returncode, time.perf_counter() - started, result.stdout + result.stderr, site)


def kit_check(python: Path, project: Path) -> str:
    """`python -m kit check`, the step that runs before any builder (pre-commit, the Pages workflow)."""
    env = {**os.environ, "PYTHONPATH": str(project)}
    result = subprocess.run([str(python), "-m", "kit", "check"], cwd=project, env=env, capture_output=True, text=True, timeout=600)
    return result.stdout + result.stderr


# --- reading a built site ------------------------------------------------------------------------


def soup_of(site: Path, url: str) -> BeautifulSoup | None:
    path = site / url / "index.html"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser") if path.is_file() else None


def count_pages(site: Path, urls: list[str], has: Callable[[BeautifulSoup], bool]) -> str:
    found = sum(1 for url in urls if (soup := soup_of(site, url)) is not None and has(soup))
    return f"{found} of {len(urls)} pages"


def checkbox_labels(site: Path, urls: list[str]) -> str:
    """Checklist boxes whose label carries the item's words (screen readers read it as the box's name)."""
    total = named = 0
    for url in urls:
        soup = soup_of(site, url)
        for box in soup.select("li.task-list-item input[type=checkbox]") if soup else []:
            total += 1
            label = box.find_parent("label")
            named += bool(label and label.get_text(strip=True))
    return f"{named} of {total} boxes named"


def structured_data(soup: BeautifulSoup) -> bool:
    for script in soup.select('script[type="application/ld+json"]'):
        try:
            if json.loads(script.string or "").get("@type") == "MedicalWebPage":
                return True
        except (json.JSONDecodeError, AttributeError):
            continue
    return False


def glossary_page(site: Path, expected: Expectations) -> str:
    soup = soup_of(site, "glossary/")
    entries = len(soup.select("dl.glossary dt")) if soup else 0
    return f"{entries} of {expected.glossary_terms} terms"


def broken_nav_links(site: Path) -> str:
    """Links in the home page's navigation that lead to no page of the built site."""
    soup = soup_of(site, "")
    if soup is None:
        return "no site"
    broken = []
    for link in soup.select("nav.md-nav--primary a.md-nav__link[href]"):
        href = urlparse(str(link["href"])).path
        if not href or href.startswith(("http:", "https:", "//")):
            continue
        target = site / href.removeprefix("./")
        if not (target.is_file() or (target / "index.html").is_file()):
            broken.append(href)
    return "none" if not broken else f"{len(broken)} broken: " + ", ".join(sorted(set(broken)))


def clinic_header(soup: BeautifulSoup, clinic: dict) -> bool:
    """The header names the clinic, and so does its logo's text."""
    header = soup.select_one(".md-header")
    logo = soup.select_one(".md-header .md-logo img")
    return bool(header and clinic["name"] in header.get_text(" ") and logo and logo.get("alt") == clinic["name"])


def clinic_footer(soup: BeautifulSoup, clinic: dict) -> bool:
    footer = soup.select_one(".clinic-footer")
    return bool(footer and clinic["name"] in footer.get_text())


def pdfs(site: Path, expected: Expectations) -> str:
    files = sorted(p.name for p in site.glob("*.pdf"))
    linked = count_pages(site, list(expected.pages), lambda s: bool(s.select('.brochure-download a[href$=".pdf"]')))
    return f"{len(files)} PDFs; download link on {linked}"


def wording_check(output: str) -> str:
    return "typo reported" if PLANTED_TYPO in output else "typo not reported"


def search_works(site: Path, expected: Expectations) -> str:
    """Type the probe into the site's own search box in Chromium; a result must lead to its page."""
    try:
        sys.path.insert(0, str(ROOT / "tests"))
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
        from sitebrowser import SiteServer, launch_chromium
    except ImportError:
        return "not measured (run `make test` once for Chromium and Playwright)"
    if not (site / "index.html").is_file():
        return "no site"
    with SiteServer(site) as server, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            tab = browser.new_page(viewport={"width": 1280, "height": 800})
            tab.goto(server.url(""), wait_until="load")
            # Zensical's search is a button that opens a dialog; Material's is a box, behind a button on narrow screens.
            zensical_button = tab.locator(".md-search__button")
            material_opener = tab.locator("label.md-header__button[for='__search']").first
            if zensical_button.count():
                zensical_button.first.click()
            elif material_opener.is_visible():
                material_opener.click()
            else:
                tab.locator("input.md-search__input").first.click()
            tab.keyboard.type(expected.search_term, delay=20)  # key by key, as a patient types
            results = tab.locator("a.md-search-result__link, [role=listbox] a[role=option]")
            wanted = "/" + expected.search_page
            deadline = time.monotonic() + 8
            while time.monotonic() < deadline:
                hrefs = results.evaluate_all("links => links.map(link => link.getAttribute('href') || '')")
                if any(urlparse(href).path.endswith(wanted) for href in hrefs):
                    return f'"{expected.search_term}" finds {expected.search_page}'
                tab.wait_for_timeout(200)
            meta = tab.locator(".md-search-result__meta")
            shown = " ".join(meta.first.inner_text().split()) if meta.count() else f"{results.count()} results"
            return f'"{expected.search_term}": no result leads to {expected.search_page} (shows "{shown}")'
        except PlaywrightError as error:
            return "no search box to type in: " + str(error).splitlines()[0][:120]
        finally:
            browser.close()


def inspect(builds: list[SiteBuild], expected: Expectations) -> list[Row]:
    health = expected.health_pages()
    reviewed = [url for url in health if expected.pages[url].get("reviewed")]
    contact = [url for url in expected.pages if expected.pages[url].get("contact") is True]
    clinic = expected.clinic
    rows = [
        Row("build", "exit code and wall time"),
        Row("review line", "`.page-review` on pages with `reviewed:`"),
        Row("disclaimer", "`.clinic-disclaimer` on health pages"),
        Row("contact block", "`.clinic-contact` on pages with `contact: true`"),
        Row("glossary tooltips", "health pages with a `.glossary-term`"),
        Row("glossary page", "`glossary/` lists the terms of terminology.yml"),
        Row("links in the nav", "nav links that lead to no built page"),
        Row("checkbox labels", "task-list boxes whose label has the item's words"),
        Row("JSON-LD", "`MedicalWebPage` script in the head"),
        Row("clinic header", "header and logo `alt` name the clinic (clinic.yml)"),
        Row("clinic footer", "`.clinic-footer` names the clinic"),
        Row("search", "the last page's title typed in Chromium finds that page"),
        Row("PDFs", "brochure and handout PDFs, and links to them"),
        Row("wording check", f'planted typo "{PLANTED_TYPO}" reported by the build'),
        Row("python -m kit check", "the same typo reported by the check step before the build, in the builder's venv"),
    ]
    for result in builds:
        site, key = result.site, result.builder
        cells = {
            "build": f"exit {result.returncode}, {result.seconds:.1f} s",
            "wording check": wording_check(result.output),
            "python -m kit check": wording_check(result.check_output),
        }
        if result.returncode != 0 or not (site / "index.html").is_file():
            cells["build"] += " (failed: " + last_error_line(result.output) + ")"
        else:
            cells |= {
                "review line": count_pages(site, reviewed, lambda s: bool(s.select(".page-review"))),
                "disclaimer": count_pages(site, health, lambda s: bool(s.select(".clinic-disclaimer"))),
                "contact block": count_pages(site, contact, lambda s: bool(s.select(".clinic-contact"))),
                "glossary tooltips": count_pages(site, health, lambda s: bool(s.select(".glossary-term"))),
                "glossary page": glossary_page(site, expected),
                "links in the nav": broken_nav_links(site),
                "checkbox labels": checkbox_labels(site, list(expected.pages)),
                "JSON-LD": count_pages(site, list(expected.pages), structured_data),
                "clinic header": count_pages(site, list(expected.pages), lambda s: clinic_header(s, clinic)),
                "clinic footer": count_pages(site, list(expected.pages), lambda s: clinic_footer(s, clinic)),
                "search": search_works(site, expected),
                "PDFs": pdfs(site, expected),
            }
        for row in rows:
            row.results[key] = cells.get(row.feature, "-")
    return rows


def last_error_line(output: str) -> str:
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    errors = [line for line in lines if "Error" in line or "error" in line]
    return (errors or lines or ["no output"])[-1][:300]


def print_report(builds: list[SiteBuild], rows: list[Row]) -> None:
    names = [result.builder for result in builds]
    print()
    print("| feature | " + " | ".join(names) + " | how it is measured |")
    print("| --- | " + " | ".join("---" for _ in names) + " | --- |")
    for row in rows:
        print(f"| {row.feature} | " + " | ".join(row.results[n] for n in names) + f" | {row.how} |")


if __name__ == "__main__":
    main()
