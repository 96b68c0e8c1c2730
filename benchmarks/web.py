"""The kit's site against a bare Material site, as Lighthouse 12 sees them on a phone.

Both sites are built in the same run from the same pages (`docs/`): the kit as
`mkdocs build` makes it, and a bare Material site with the same Markdown
extensions, `font: false` and the search plugin only. Both are served by the
browser tests' server (loopback, a free port, under the `site_url` path, gzip
like GitHub Pages). Lighthouse (mobile emulation, simulated throttling) runs on
the home page and the handout page (aftercare), alternating kit and bare, and
the table shows the medians of the rounds. Only compare figures of one run:
the machine is shared, so absolute numbers move from run to run.

The first-view columns come from the same measure as the browser test's page
budget (`sitebrowser.first_view`): bytes on the wire and requests, empty cache.

Lighthouse comes from npm, pinned in benchmarks/lighthouse/package-lock.json,
and is installed (`npm ci`) the first time this runs: `make test` never needs it.

    make bench-web                           # this benchmark alone (3 rounds, about 4 min)
    python -m benchmarks.web --rounds 7      # a verdict on the targets (about 7 min, on an idle machine)
    python -m benchmarks.web --rounds 1      # a quick look
    python -m benchmarks.web --keep /tmp/w   # keep the built sites and Lighthouse reports
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
# The browser tests' server and Chromium settings (tests/sitebrowser.py): the benchmark serves and opens
# the sites exactly as the tests do. (A top-level `tests` package installed by a dependency hides ours.)
sys.path.insert(0, str(ROOT / "tests"))
from sitebrowser import CHROMIUM, CHROMIUM_FLAGS, SiteServer, first_view, launch_chromium  # noqa: E402

LIGHTHOUSE_DIR = Path(__file__).resolve().parent / "lighthouse"
LIGHTHOUSE = LIGHTHOUSE_DIR / "node_modules" / "lighthouse" / "cli" / "index.js"
# Lighthouse starts its own Chromium: the new headless mode, off the network (FIELD-NOTES "Browser").
LIGHTHOUSE_CHROME_FLAGS = ["--headless=new", *(flag for flag in CHROMIUM_FLAGS if flag != "--headless")]
SITES = ("kit", "bare")
# What the table shows, per page: (label, key in `lighthouse_figures`, unit).
METRICS = (
    ("performance score", "performance", ""),
    ("total blocking time", "tbt_ms", " ms"),
    ("largest contentful paint", "lcp_s", " s"),
    ("first contentful paint", "fcp_s", " s"),
    ("speed index", "si_s", " s"),
    ("cumulative layout shift", "cls", ""),
    ("accessibility score", "accessibility", ""),
    ("main thread: style & layout", "style_layout_ms", " ms"),
    ("main thread: script", "script_ms", " ms"),
)
# The targets: the kit may be this much worse than bare Material, no more.
TARGETS = {"performance": -3, "tbt_ms": 50, "lcp_s": 0.3}


# --- the two sites ----------------------------------------------------------------------------


class _Tagged:
    """A YAML value with a tag (`!!python/name:...`, `!ENV`), kept as written for the bare site's config."""

    def __init__(self, tag: str, node: yaml.Node) -> None:
        self.tag, self.node = tag, node


class _KeepTagsLoader(yaml.SafeLoader):
    pass


class _KeepTagsDumper(yaml.SafeDumper):
    pass


_KeepTagsLoader.add_multi_constructor("!", lambda loader, suffix, node: _Tagged("!" + suffix, node))
_KeepTagsLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: _Tagged("!!python/" + suffix, node))
_KeepTagsDumper.add_representer(_Tagged, lambda dumper, value: value.node)


def bare_config(kit_config: dict[str, Any], docs_dir: Path) -> dict[str, Any]:
    """Bare Material from the kit's pages: same site_url, nav and Markdown extensions (not the kit's own); no fonts; search only."""
    nav = [item for item in kit_config.get("nav", []) if (docs_dir / _nav_file(item)).is_file()]
    return {
        "site_name": kit_config.get("site_name", "Bare Material"),
        "site_url": kit_config["site_url"],
        "docs_dir": str(docs_dir),
        "nav": nav,
        "theme": {"name": "material", "language": kit_config.get("theme", {}).get("language", "en"), "font": False},
        "markdown_extensions": [ext for ext in kit_config.get("markdown_extensions", []) if not _is_kit_extension(ext)],
        "plugins": ["search"],
    }


def _is_kit_extension(extension: Any) -> bool:
    """kit.web.markdown_ext adds the kit's page foot and tooltips: bare Material has none of the kit."""
    name = next(iter(extension)) if isinstance(extension, dict) else extension
    return str(name).startswith("kit.")


def _nav_file(item: Any) -> str:
    return str(next(iter(item.values())) if isinstance(item, dict) else item)


def copy_pages_for_bare(docs: Path, target: Path) -> Path:
    """The kit's pages without the kit's own page templates (`template:` in front matter), which bare Material lacks."""
    shutil.rmtree(target, ignore_errors=True)  # a kept folder from an earlier run
    shutil.copytree(docs, target)
    for page in target.rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        if text.startswith("---"):
            head, sep, body = text[3:].partition("\n---")
            kept = "\n".join(line for line in head.splitlines() if not line.startswith("template:"))
            page.write_text("---" + kept + sep + body, encoding="utf-8")
    return target


def build_sites(workdir: Path, config_file: Path = ROOT / "mkdocs.yml", env: dict[str, str] | None = None) -> dict[str, Path]:
    """Build the kit (with its PDFs, as published) and bare Material from the same pages; the two site folders."""
    kit_config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_KeepTagsLoader)
    docs = config_file.parent / kit_config.get("docs_dir", "docs")
    sites = {"kit": workdir / "kit", "bare": workdir / "bare"}
    _mkdocs(config_file, sites["kit"], env)
    bare_file = workdir / "bare.yml"
    bare = bare_config(kit_config, copy_pages_for_bare(docs, workdir / "bare-docs"))
    bare_file.write_text(yaml.dump(bare, Dumper=_KeepTagsDumper, sort_keys=False), encoding="utf-8")
    _mkdocs(bare_file, sites["bare"], env)
    return sites


def _mkdocs(config_file: Path, site: Path, env: dict[str, str] | None = None) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", str(config_file), "--site-dir", str(site)],
        cwd=config_file.parent,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        sys.exit(f"The benchmark could not build {config_file}:\n{result.stdout}{result.stderr}")


def measured_pages(config_file: Path = ROOT / "mkdocs.yml") -> dict[str, str]:
    """The home page and the handout page (aftercare) by their paths in the site; the last nav page without a handout."""
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_KeepTagsLoader)
    handout = (config.get("extra", {}).get("brochure") or {}).get("handout") or _nav_file(config["nav"][-1])
    name = handout.removesuffix(".md")
    return {"home": "", name: name + "/"}


# --- Lighthouse -----------------------------------------------------------------------------


def ensure_lighthouse() -> None:
    """Install the pinned Lighthouse with `npm ci` (benchmarks/lighthouse/package-lock.json) the first time."""
    if LIGHTHOUSE.is_file():
        return
    if shutil.which("npm") is None:
        sys.exit("The web benchmark needs Node.js 18.20 or newer and npm (Debian: apt-get install npm).")
    print("Installing Lighthouse for the benchmark (npm ci in benchmarks/lighthouse/)...", flush=True)
    subprocess.run(["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund"], cwd=LIGHTHOUSE_DIR, check=True)


def run_lighthouse(url: str, report: Path | None = None) -> dict[str, Any]:
    """One Lighthouse run (mobile, simulated throttling): its JSON report."""
    result = subprocess.run(
        [
            "node",
            str(LIGHTHOUSE),
            url,
            "--output=json",
            "--output-path=stdout",
            "--quiet",
            "--only-categories=performance,accessibility",
            "--chrome-flags=" + " ".join(LIGHTHOUSE_CHROME_FLAGS),
        ],
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        capture_output=True,
        text=True,
        timeout=300,
    )
    if result.returncode != 0 or not result.stdout.startswith("{"):
        raise RuntimeError(f"Lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    if report:
        report.write_text(result.stdout, encoding="utf-8")
    return json.loads(result.stdout)


def lighthouse_figures(report: dict[str, Any]) -> dict[str, float]:
    """The figures the table shows, from one Lighthouse report."""
    audits = report["audits"]
    work = {item["group"]: item["duration"] for item in (audits["mainthread-work-breakdown"].get("details") or {}).get("items", [])}
    return {
        "performance": round(report["categories"]["performance"]["score"] * 100),
        "accessibility": round(report["categories"]["accessibility"]["score"] * 100),
        "tbt_ms": round(audits["total-blocking-time"]["numericValue"]),
        "lcp_s": round(audits["largest-contentful-paint"]["numericValue"] / 1000, 2),
        "fcp_s": round(audits["first-contentful-paint"]["numericValue"] / 1000, 2),
        "si_s": round(audits["speed-index"]["numericValue"] / 1000, 2),
        "cls": round(audits["cumulative-layout-shift"]["numericValue"], 3),
        "style_layout_ms": round(work.get("styleLayout", 0)),
        "script_ms": round(work.get("scriptEvaluation", 0) + work.get("scriptParseCompile", 0)),
    }


# --- the side-by-side -----------------------------------------------------------------------


def measure_web(rounds: int = 3, keep: Path | None = None) -> dict[str, Any]:
    """Medians of `rounds` alternating Lighthouse runs per site and page, and each home page's first view."""
    ensure_lighthouse()
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="bench-web-") as tmp:
        workdir = keep or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        sites = build_sites(workdir)
        pages = measured_pages()
        with SiteServer(sites["kit"]) as kit, SiteServer(sites["bare"]) as bare:
            servers = {"kit": kit, "bare": bare}
            runs = alternating_runs(servers, pages, rounds, workdir if keep else None)
            weights = {name: first_view_figures(server) for name, server in servers.items()}
        html_kb = {name: {page: _kb(site / path / "index.html") for page, path in pages.items()} for name, site in sites.items()}
    medians = {
        name: {page: {key: statistics.median(run[key] for run in runs[name][page]) for key in runs[name][page][0]} for page in pages}
        for name in SITES
    }
    load = {"before": round(load_before, 2), "after": round(os.getloadavg()[0], 2), "cores": os.cpu_count() or 1}
    return {"rounds": rounds, "pages": pages, "median": medians, "runs": runs, "first_view": weights, "html_kb": html_kb, "load": load}


def first_view_figures(server: SiteServer) -> dict[str, float]:
    """The home page's first view on a phone, empty cache: KB on the wire and requests."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        view = first_view(browser, server, server.url())
        browser.close()
    return {"kb": round(view.transferred / 1024, 1), "requests": view.requests}


def _kb(file: Path) -> float:
    return round(file.stat().st_size / 1024, 1)


def alternating_runs(servers: dict[str, SiteServer], pages: dict[str, str], rounds: int, reports: Path | None) -> dict[str, dict]:
    """Kit and bare one after the other, the order swapped every round, so neither always runs on a warmer machine."""
    runs: dict[str, dict[str, list]] = {name: {page: [] for page in pages} for name in servers}
    for round_number in range(rounds):
        order = list(servers) if round_number % 2 == 0 else list(reversed(servers))
        for page, path in pages.items():
            for name in order:
                report = reports / f"lighthouse-{name}-{page}-{round_number + 1}.json" if reports else None
                figures = lighthouse_figures(run_lighthouse(servers[name].url(path), report))
                runs[name][page].append(figures)
                print(f"  round {round_number + 1}/{rounds} {page:>10} {name:>4}: {figures}", file=sys.stderr, flush=True)
    return runs


def print_web(result: dict[str, Any]) -> None:
    """The side-by-side table, with each target checked."""
    pages = list(result["pages"])
    print(f"Lighthouse 12 (mobile), kit / bare Material, median of {result['rounds']}:")
    header = "| median | " + " | ".join(f"{page}: kit / bare" for page in pages) + " |"
    print(header)
    print("|---|" + "---|" * len(pages))
    median = result["median"]
    for label, key, unit in METRICS:
        cells = []
        for page in pages:
            kit, bare = median["kit"][page][key], median["bare"][page][key]
            cells.append(f"{_number(kit)} / {_number(bare)}{unit}{_verdict(key, kit, bare)}")
        print(f"| {label} | " + " | ".join(cells) + " |")
    sizes = " | ".join(f"{result['html_kb']['kit'][page]} / {result['html_kb']['bare'][page]} KB" for page in pages)
    print(f"| HTML file (uncompressed) | {sizes} |")
    print_spread(result)
    for name in SITES:
        weight = result["first_view"][name]
        print(f"First view of the home page, {name}: {weight['kb']} KB in {weight['requests']} requests (budget 100 KB / 8)")


def print_spread(result: dict[str, Any]) -> None:
    """The lowest and highest round of each figure with a target, and how busy the machine was.

    Total blocking time swings by a few hundred milliseconds between rounds on a
    shared 2-core machine: a median near its target with a wide spread is not a
    verdict, and a load average above the core count says the run was disturbed.
    """
    runs = result["runs"]
    print(f"Spread of the {result['rounds']} rounds (lowest-highest), kit / bare:")
    for label, key, unit in METRICS:
        if key not in TARGETS:
            continue
        cells = []
        for page in result["pages"]:
            kit, bare = (_range([run[key] for run in runs[name][page]]) for name in SITES)
            cells.append(f"{page} {kit} / {bare}{unit}")
        print(f"  {label}: " + "; ".join(cells))
    load = result["load"]
    # Lighthouse and Chromium themselves keep about one core busy during the run: only the load before it tells of other work.
    disturbed = load["before"] > load["cores"] / 2 + 0.5
    busy = " (busy before the run: other work shared the cores, so compare kit and bare only)" if disturbed else ""
    print(f"Load average (1 min) before / after the run: {load['before']} / {load['after']} on {load['cores']} cores{busy}")


def _range(values: list[float]) -> str:
    return f"{_number(min(values))}-{_number(max(values))}"


def _number(value: float) -> str:
    return f"{value:g}"


def _verdict(key: str, kit: float, bare: float) -> str:
    """`(+12 ms, target +50)` beside a figure with a target."""
    if key not in TARGETS:
        return ""
    limit = TARGETS[key]
    difference = kit - bare
    within = difference >= limit if limit < 0 else difference <= limit
    return f" ({difference:+g}, {'ok' if within else 'OVER'}: target {limit:+g})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="keep the built sites and Lighthouse reports in this folder")
    args = parser.parse_args()
    result = measure_web(args.rounds, args.keep)
    print_web(result)
    print(json.dumps({"web": {key: result[key] for key in ("median", "first_view", "html_kb", "load")}}))


if __name__ == "__main__":
    main()
