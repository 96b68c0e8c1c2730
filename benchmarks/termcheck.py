"""What the wording check costs a build, measured on synthetic sites of N pages.

Each size is built twice with the real hooks, non-strict (every tenth page has
injected typos): with the check, and with it switched off by the
benchmark-only `CLINIC_KIT_TERMCHECK=off`. The hook's own time and word count
come from its summary line (CPU seconds, so a busy machine does not inflate
them); start-up (import plus dictionary) is timed in a
fresh Python process, as `mkdocs build` or the commit check pays it.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.synthetic import ROOT, make_synthetic_site
from kit.termcheck import SWITCH

SUMMARY = re.compile(r"Wording check: (?P<pages>\d+) pages?, (?P<words>[\d,]+) words checked in (?P<seconds>[\d.]+) s")
STARTUP = """\
import time
started = time.perf_counter()
from pathlib import Path
from kit.spelling import english_words
from kit.termcheck import WordingCheck
from kit.terminology import load_terminology
imported = time.perf_counter()
english_words()
loaded = time.perf_counter()
WordingCheck(load_terminology(Path("terminology.yml")))
print(time.perf_counter() - started, loaded - imported)
"""


def measure_termcheck(sizes: tuple[int, ...] = (50, 200, 1000), repeats: int = 2) -> list[dict]:
    """Per size: build seconds with and without the check, hook seconds, overhead, words per second."""
    startup, dictionary = measure_startup()
    results = []
    with tempfile.TemporaryDirectory(prefix="bench-termcheck-") as scratch:
        for pages in sizes:
            project = Path(scratch) / f"site-{pages}"
            make_synthetic_site(project, pages, typos=True)
            # Alternate the two builds and keep each one's fastest: other work on a
            # shared machine only ever adds time.
            without_seconds = with_seconds = float("inf")
            for _ in range(repeats):
                without_seconds = min(without_seconds, _build(project, {SWITCH: "off"})[0])
                seconds, output = _build(project, {SWITCH: "on"})
                with_seconds = min(with_seconds, seconds)
            summary = SUMMARY.search(output)
            if summary is None:
                raise RuntimeError(f"the build printed no wording-check summary:\n{output[-2000:]}")
            hook_seconds = float(summary["seconds"])
            words = int(summary["words"].replace(",", ""))
            results.append(
                {
                    "pages": pages,
                    "build_seconds_without_check": round(without_seconds, 2),
                    "build_seconds_with_check": round(with_seconds, 2),
                    "hook_seconds": round(hook_seconds, 3),
                    "startup_seconds": round(startup, 3),
                    "dictionary_load_seconds": round(dictionary, 3),
                    # The hook's own cost over the build without it. The difference of
                    # two wall-clock builds is given too, but is noisy on a shared machine.
                    "overhead_ratio": round((hook_seconds + startup) / without_seconds, 4),
                    "wall_clock_ratio": round(with_seconds / without_seconds - 1, 4),
                    "words_checked": words,
                    "words_per_second": round(words / hook_seconds) if hook_seconds else None,
                }
            )
    return results


def measure_startup(runs: int = 3) -> tuple[float, float]:
    """Best of a few fresh processes: (import, dictionary and terminology.yml; the dictionary alone)."""
    times = []
    for _ in range(runs):
        result = subprocess.run([sys.executable, "-c", STARTUP], cwd=ROOT, capture_output=True, text=True, check=True)
        total, dictionary = result.stdout.split()
        times.append((float(total), float(dictionary)))
    return min(times)


def print_termcheck(results: list[dict]) -> None:
    """A table a person reads; the JSON line is for machines."""
    print("Wording check (typo'd synthetic sites, non-strict builds)")
    print(
        f"{'pages':>6} {'build s (off)':>14} {'build s (on)':>13} {'hook CPU s':>11} {'start-up s':>11} {'dict. s':>8} {'overhead':>9} {'wall-clock':>11} {'words/s':>11}"  # noqa: E501 (one table row)
    )
    for row in results:
        print(
            f"{row['pages']:>6} {row['build_seconds_without_check']:>14.2f} {row['build_seconds_with_check']:>13.2f} "
            f"{row['hook_seconds']:>11.3f} {row['startup_seconds']:>11.3f} {row['dictionary_load_seconds']:>8.3f} {row['overhead_ratio']:>9.1%} "  # noqa: E501 (one table row)
            f"{row['wall_clock_ratio']:>11.1%} {row['words_per_second'] or 0:>11,}"
        )
    print("Start-up: a fresh process importing the check, loading the dictionary (dict. s) and reading terminology.yml.")
    print("Targets: overhead at most 10% at 1000 pages, at least 500,000 words/s, start-up under 0.5 s.")


def _build(project: Path, env: dict[str, str]) -> tuple[float, str]:
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--no-strict", "--site-dir", str(project / "site")],
        cwd=project,
        # No PDFs: their seconds would hide the check's share of the build.
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "CLINIC_KIT_PDF": "off", **env},
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise RuntimeError(f"the synthetic build failed:\n{result.stderr[-2000:]}")
    return seconds, result.stdout + result.stderr
