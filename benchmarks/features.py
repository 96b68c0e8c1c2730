"""What each of the kit's additions costs a phone's main thread, one at a time.

The kit and bare Material are built once (as in benchmarks/web.py); then each
variant is the built kit with ONE addition taken out of every page: a theme
feature from Material's `__config`, the kit's stylesheet or one of its rule
groups, an inline script, the clinic bar, the glossary's tooltip text, the
JSON-LD. Each variant's aftercare page (with --home the home page too) is
loaded in Chromium as Lighthouse's phone (412 px, mobile, empty cache), and the
main thread's work is read from Chromium's trace as CPU time: script, style,
layout, parsing, paint, all tasks, and the blocking time those tasks would make
on a 4x slower CPU (Lighthouse's phone).
Variants alternate within each round; the table shows medians.

A variant costing clearly less than the full kit points at an addition worth
removing or making cheaper; one costing the same shows an addition that is
free. Lighthouse gives the verdict (`make bench-web`); this finds the cause.

    .venv/bin/python -m benchmarks.features              # aftercare, 3 rounds, about 5 min
    .venv/bin/python -m benchmarks.features --rounds 3 --only kit,bare,-content.tooltips
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from benchmarks.web import SiteServer, build_sites, launch_chromium, measured_pages

# Lighthouse's phone (moto g power): its screen, and its CPU slowdown.
LIGHTHOUSE_PHONE = {"viewport": {"width": 412, "height": 823}, "device_scale_factor": 1.75, "is_mobile": True, "has_touch": True}
SETTLE_MS = 2000  # after `load`: Material's bundle and observers have run by then, even slowed down

Transform = Callable[[str], str]


def without_feature(feature: str) -> Transform:
    """The page with one of Material's `theme.features` off (its config entry and the markup only it uses)."""
    markup = {
        "navigation.top": re.compile(r'<button type="button" class="md-top[^"]*".*?</button>', re.S),
        "search.suggest": re.compile(r'<div class="md-search__suggest"[^>]*></div>'),
    }

    def transform(html: str) -> str:
        html = re.sub(rf'"{re.escape(feature)}",\s*|,\s*"{re.escape(feature)}"(?=\])', "", html)
        return markup[feature].sub("", html) if feature in markup else html

    return transform


def without(pattern: str) -> Transform:
    """The page with every match of a pattern removed."""
    compiled = re.compile(pattern, re.S)
    return lambda html: compiled.sub("", html)


def theme_features(html: str) -> list[str]:
    """The features the built page turns on (Material's `__config`)."""
    found = re.search(r'"features": \[(.*?)\]', html)
    return re.findall(r'"([^"]+)"', found.group(1)) if found else []


def html_variants(sample_page: str) -> dict[str, Transform]:
    """One variant per addition the built kit has, each removing just that addition."""
    variants: dict[str, Transform] = {f"-{feature}": without_feature(feature) for feature in theme_features(sample_page)}
    variants |= {
        "-site.css": without(r'<link rel="stylesheet" href="[^"]*assets/stylesheets/site\.css">'),
        "-inline scripts (kit)": without(r"<script>/\* Clinic kit:.*?</script>"),
        "-palette script": without(r'<script>var palette=__md_get\("__palette"\).*?</script>'),
        "-clinic bar": without(r'<aside class="md-banner[^"]*"[^>]*>.*?</aside>'),
        "-glossary tips": without(r'<span class="glossary-tip"[^>]*>.*?</span>'),
        "-JSON-LD": without(r'<script type="application/ld\+json">.*?</script>'),
    }
    return variants


def css_groups(stylesheet: str) -> list[tuple[str, str]]:
    """The stylesheet's rule groups: each top-level comment starts one; (the comment's first words, the group's text)."""
    starts = [match.start() for match in re.finditer(r"^/\*", stylesheet, re.M)]
    groups = []
    for begin, end in zip(starts, [*starts[1:], len(stylesheet)], strict=True):
        text = stylesheet[begin:end]
        title = " ".join(re.sub(r"[/*-]+", " ", text.split("*/")[0]).split()[:6])
        groups.append((title, text))
    return groups


def make_variants(kit: Path, workdir: Path, pages: dict[str, str], only: set[str] | None = None) -> dict[str, Path]:
    """A copy of the built kit per variant: one per addition, one per stylesheet rule group, and any `a+b` combination in `only`."""
    sample = (kit / next(iter(pages.values())) / "index.html").read_text(encoding="utf-8")
    transforms = html_variants(sample)
    stylesheet = kit / "assets" / "stylesheets" / "site.css"
    css = stylesheet.read_text(encoding="utf-8") if stylesheet.is_file() else ""
    groups = {f"-css {number}: {title}": text for number, (title, text) in enumerate(css_groups(css), 1)}
    names = [*transforms, *groups] if only is None else [name for name in only if name not in ("kit", "bare")]
    shutil.rmtree(workdir, ignore_errors=True)  # a kept folder from an earlier run
    variants: dict[str, Path] = {}
    for name in names:
        parts = name.split("+")
        target = workdir / re.sub(r"\W+", "_", name)
        shutil.copytree(kit, target)
        for page in target.rglob("*.html"):
            html = page.read_text(encoding="utf-8")
            for part in parts:
                html = transforms[part](html) if part in transforms else html
            page.write_text(html, encoding="utf-8")
        removed = [groups[part] for part in parts if part in groups]
        if removed:
            (target / "assets" / "stylesheets" / "site.css").write_text(_without_texts(css, removed), encoding="utf-8")
        variants[name] = target
    return variants


def _without_texts(css: str, texts: list[str]) -> str:
    for text in texts:
        css = css.replace(text, "")
    return css


def main_thread_work(browser, url: str) -> dict[str, float]:
    """One load as Lighthouse's phone (412 px, empty cache): CPU milliseconds of the page's main thread.

    Read from Chromium's trace as *thread* time (`tdur`), not wall time: on a busy
    machine wall time also counts the time the thread waited for a core, which
    buries a 20 ms difference in noise. `blocking_4x_ms` is total blocking time
    as Lighthouse's simulation would count it on a CPU 4x slower: the part of
    each task over 50 ms once its time is multiplied by 4.
    """
    context = browser.new_context(**LIGHTHOUSE_PHONE)
    tab = context.new_page()
    browser.start_tracing(page=tab, categories=TRACE_CATEGORIES)
    tab.goto(url, wait_until="load")
    tab.wait_for_timeout(SETTLE_MS)
    trace = json.loads(browser.stop_tracing())
    context.close()
    return main_thread_cpu(trace["traceEvents"] if isinstance(trace, dict) else trace, url)


TRACE_CATEGORIES = ["toplevel", "devtools.timeline", "disabled-by-default-devtools.timeline", "v8.execute"]
# Trace events by what they are; nested ones (a forced layout inside a script) count in both.
KINDS = {
    "style_ms": ("UpdateLayoutTree", "RecalculateStyles", "ScheduleStyleRecalculation"),
    "layout_ms": ("Layout",),
    "script_ms": ("EvaluateScript", "FunctionCall", "TimerFire", "FireAnimationFrame", "v8.compile", "EventDispatch"),
    "parse_ms": ("ParseHTML", "ParseAuthorStyleSheet"),
    "paint_ms": ("Paint", "PrePaint", "Layerize", "UpdateLayer", "CompositeLayers"),
}


def main_thread_cpu(events: list[dict], url: str) -> dict[str, float]:
    """The main thread of the renderer that parsed `url`: CPU ms per kind, in all tasks, and blocking at 4x."""
    renderer = next(e["pid"] for e in events if e.get("name") == "ParseHTML" and e["args"].get("beginData", {}).get("url") == url)
    main = next(
        (e["pid"], e["tid"])
        for e in events
        if e["pid"] == renderer and e.get("name") == "thread_name" and e["args"]["name"] == "CrRendererMain"
    )
    on_main = [e for e in events if e.get("ph") == "X" and (e["pid"], e["tid"]) == main]
    tasks = [_cpu_ms(e) for e in on_main if e["name"] == "RunTask"]
    figures: dict[str, float] = {"tasks_ms": round(sum(tasks)), "blocking_4x_ms": round(sum(max(0.0, 4 * task - 50) for task in tasks))}
    for kind, names in KINDS.items():
        figures[kind] = round(sum(_cpu_ms(e) for e in on_main if e["name"] in names))
    return figures


def _cpu_ms(event: dict) -> float:
    """A trace event's thread (CPU) time in ms; its wall time where Chromium recorded no thread time."""
    return event.get("tdur", event.get("dur", 0)) / 1000


def measure_features(rounds: int = 3, only: set[str] | None = None, keep: Path | None = None, home: bool = False) -> dict:
    """Medians per variant and page, variants in a different order every round."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="bench-features-") as tmp:
        workdir = keep or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        sites = build_sites(workdir, env={"CLINIC_KIT_PDF": "off"})
        pages = measured_pages()
        if not home:  # the handout page (aftercare) alone: the longer page, where additions cost most
            pages.pop("home")
        sites |= make_variants(sites["kit"], workdir / "variants", pages, only)
        if only:
            sites = {name: path for name, path in sites.items() if name in only}
        runs: dict[str, dict[str, list[dict]]] = {name: {page: [] for page in pages} for name in sites}
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            servers = {name: SiteServer(path).__enter__() for name, path in sites.items()}
            for round_number in range(rounds):
                order = list(sites)[round_number % len(sites) :] + list(sites)[: round_number % len(sites)]
                for name in order if round_number % 2 == 0 else reversed(order):
                    for page, path in pages.items():
                        runs[name][page].append(main_thread_work(browser, servers[name].url(path)))
                print(f"  round {round_number + 1}/{rounds} done", file=sys.stderr, flush=True)
                if keep:  # the medians so far, for a look while the rounds go on
                    (keep / "medians-so-far.json").write_text(json.dumps(_medians(runs)), encoding="utf-8")
            for server in servers.values():
                server.__exit__()
            browser.close()
    return _medians(runs)


def _medians(runs: dict[str, dict[str, list[dict]]]) -> dict:
    return {
        name: {page: {key: statistics.median(run[key] for run in page_runs) for key in page_runs[0]} for page, page_runs in by_page.items()}
        for name, by_page in runs.items()
        if all(by_page.values())
    }


def print_features(result: dict) -> None:
    """One line per variant and page, with its difference from the full kit."""
    keys = ("blocking_4x_ms", "tasks_ms", "script_ms", "style_ms", "layout_ms", "parse_ms", "paint_ms")
    pages = list(result["kit"])
    for page in pages:
        print(f"\n{page}: main thread CPU ms (412 px phone), median; in brackets the difference from the full kit")
        print("| variant | " + " | ".join(keys) + " |")
        print("|---|" + "---|" * len(keys))
        base = result["kit"][page]
        for name, by_page in result.items():
            figures = by_page[page]
            cells = [f"{figures[key]:g}" + ("" if name == "kit" else f" ({figures[key] - base[key]:+g})") for key in keys]
            print(f"| {name} | " + " | ".join(cells) + " |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--home", action="store_true", help="measure the home page too (twice as long)")
    parser.add_argument("--only", help="comma-separated variant names (kit, bare, -content.tooltips, ...)")
    parser.add_argument("--keep", type=Path, help="keep the built sites and variants in this folder (and medians-so-far.json)")
    parser.add_argument("--show", type=Path, help="print the table of a medians-so-far.json and stop")
    args = parser.parse_args()
    only = set(args.only.split(",")) if args.only else None
    if args.show:
        print_features(json.loads(args.show.read_text(encoding="utf-8")))
        return
    print_features(measure_features(args.rounds, only, args.keep, args.home))


if __name__ == "__main__":
    main()
