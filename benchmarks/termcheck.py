"""What the wording check costs a build, and how right it is on real clinic prose.

Quality: the hand-checked corpus in benchmarks/corpus/ (clinic pages in US and
British English, where every word is right) gives false findings per 1,000
words; its typo list (typos.tsv) gives the share of typos caught and the share
whose first suggestion is the intended word.

Cost: measured on synthetic sites of N pages.
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
from collections import Counter
from dataclasses import fields, replace
from pathlib import Path

from benchmarks.synthetic import ROOT, make_synthetic_site
from kit.wording.languages import has_language
from kit.wording.termcheck import SWITCH, WordingCheck
from kit.wording.terminology import Terminology, load_terminology
from kit.wording.variants import VARIANTS

CORPUS = Path(__file__).parent / "corpus"
# The typos the check was developed against, ones written after it was tuned, Spanish ones (also ones written after
# tuning), and typos of the long tail (medicine and condition names, and the newer pages' words) that the derived
# lists must not swallow.
TYPO_LISTS = (
    CORPUS / "typos.tsv",
    CORPUS / "typos-held-out.tsv",
    CORPUS / "typos-es.tsv",
    CORPUS / "typos-es-held-out.tsv",
    CORPUS / "typos-long-tail.tsv",
)
SUGGESTED = re.compile(r'(?:Did you mean|Write) "(?P<word>[^"]+)"')
TYPO_SENTENCES = {"en": "Patients asked about {typo} at the visit.\n", "es": "Los pacientes preguntaron por {typo} en la visita.\n"}

SUMMARY = re.compile(r"Wording check: (?P<pages>\d+) pages?, (?P<words>[\d,]+) words checked in (?P<seconds>[\d.]+) s")
STARTUP = """\
import time
started, cpu_started = time.perf_counter(), time.process_time()
from pathlib import Path
from kit.wording.spelling import english_words
from kit.wording.termcheck import WordingCheck
from kit.wording.terminology import load_terminology
imported = time.perf_counter()
english_words()
loaded = time.perf_counter()
WordingCheck(load_terminology(Path("terminology.yml")))
print(time.perf_counter() - started, loaded - imported, time.process_time() - cpu_started)
"""
# A Spanish page's first check in a fresh process: the Spanish list, its rules, one page checked.
STARTUP_SPANISH = """\
import time
from pathlib import Path
from kit.wording.termcheck import WordingCheck
from kit.wording.terminology import load_terminology
check = WordingCheck(load_terminology(Path("terminology.yml")))
started, cpu_started = time.perf_counter(), time.process_time()
check.check_text("first.es.md", "La piel se recupera en unos días.\\n")
print(time.perf_counter() - started, time.process_time() - cpu_started)
"""


def measure_termcheck(sizes: tuple[int, ...] = (50, 200, 1000), repeats: int = 2) -> list[dict]:
    """Per size: build seconds with and without the check, hook seconds, overhead, words per second."""
    startup, dictionary, startup_cpu = measure_startup()
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
                    "startup_cpu_seconds": round(startup_cpu, 3),
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


def measure_quality() -> dict:
    """False findings on the corpus (every word there is right), and what happens to each listed typo."""
    terminology = load_terminology(ROOT / "terminology.yml")
    result: dict = {"variants": {}}
    for folder in sorted(
        path
        for path in CORPUS.iterdir()
        if path.is_dir() and (path.name in VARIANTS or _is_language(path.name) and has_language(path.name))
    ):
        # claims/ is the claims check's
        check = WordingCheck(_for_variant(terminology, folder.name))
        false = [
            finding for page in sorted(folder.glob("*.md")) for finding in check.check_text(page.relative_to(ROOT), page.read_text("utf-8"))
        ]
        result["variants"][folder.name] = {
            "pages": check.pages,
            "words": check.words,
            "false_findings": len(false),
            "false_per_1000_words": round(1000 * len(false) / check.words, 2),
            "false_words": Counter(_flagged_word(finding.message) for finding in false).most_common(),
        }
    words = sum(variant["words"] for variant in result["variants"].values())
    false_total = sum(variant["false_findings"] for variant in result["variants"].values())
    result.update(words=words, false_findings=false_total, false_per_1000_words=round(1000 * false_total / words, 2))
    result["typos"] = {path.stem: _measure_typos(terminology, path) for path in TYPO_LISTS}
    english_startup = measure_startup()
    spanish_startup = measure_spanish_startup()
    result["startup"] = {
        "english_seconds": round(english_startup[0], 3),
        "english_cpu_seconds": round(english_startup[2], 3),
        "first_spanish_page_seconds": round(spanish_startup[0], 3),
        "first_spanish_page_cpu_seconds": round(spanish_startup[1], 3),
    }
    result["spanish_speed"] = measure_spanish_speed()
    return result


def _measure_typos(terminology: Terminology, typo_list: Path) -> dict:
    """Each typo in a sentence: is it reported at its place, and is the first suggestion the intended word?"""
    typos = _read_typos(typo_list)
    caught = right = 0
    misses: list[str] = []
    checks: dict[str, WordingCheck] = {}
    for typo, intended, variant in typos:
        check = checks.setdefault(variant, WordingCheck(_for_variant(terminology, variant)))
        text = TYPO_SENTENCES["es" if _is_language(variant) else "en"].format(typo=typo)
        column = text.index(typo) + 1
        finding = next((finding for finding in check.check_text("typo.md", text) if (finding.line, finding.column) == (1, column)), None)
        suggested = SUGGESTED.search(finding.message) if finding else None
        caught += finding is not None
        right += suggested is not None and suggested["word"] == intended
        if suggested is None or suggested["word"] != intended:
            misses.append(f"{typo} -> {suggested['word'] if suggested else ('(none)' if finding else '(not caught)')} (meant {intended})")
    return {
        "typos": len(typos),
        "caught": round(caught / len(typos), 3),
        "first_suggestion_right": round(right / len(typos), 3),
        "wrong_or_missing_suggestions": misses,
    }


def print_quality(result: dict) -> None:
    """The corpus figures, then each false finding's word and each typo the check got wrong."""
    print("Wording check on hand-checked clinic prose (benchmarks/corpus/)")
    for name, variant in result["variants"].items():
        print(
            f"  {name}: {variant['pages']} pages, {variant['words']:,} words, {variant['false_findings']} false findings "
            f"({variant['false_per_1000_words']:.2f} per 1,000 words)"
        )
        if variant["false_words"]:
            print("    flagged: " + ", ".join(f"{word} x{count}" if count > 1 else word for word, count in variant["false_words"]))
    print(f"  all: {result['words']:,} words, {result['false_per_1000_words']:.2f} false findings per 1,000 words (target at most 1)")
    for name, typos in result["typos"].items():
        print(
            f"  {name}: {typos['typos']}; caught {typos['caught']:.1%} (target at least 95%); "
            f"first suggestion right {typos['first_suggestion_right']:.1%} (target at least 90%)"
        )
        for miss in typos["wrong_or_missing_suggestions"]:
            print(f"    {miss}")
    startup = result["startup"]
    english = f"English {startup['english_seconds']:.3f} s ({startup['english_cpu_seconds']:.3f} s CPU; loads no Spanish)"
    spanish = f"{startup['first_spanish_page_seconds']:.3f} s ({startup['first_spanish_page_cpu_seconds']:.3f} s CPU)"
    print(f"  start-up: {english}; a build's first Spanish page adds {spanish}")
    speed = result["spanish_speed"]
    words = f"{speed['words']:,} words in {speed['cpu_seconds']:.3f} s CPU"
    print(f"  Spanish corpus, fresh check: {words}, {speed['words_per_second'] or 0:,} words/s")


def _for_variant(terminology: Terminology, variant: str) -> Terminology:
    """The clinic's terminology in another language (es) or another English (kit versions without variants: as it is)."""
    if _is_language(variant):
        return terminology.for_language(variant)
    return replace(terminology, variant=variant) if "variant" in {field.name for field in fields(terminology)} else terminology


def _is_language(name: str) -> bool:
    """A corpus folder or typo list named by a language code (es), not by an English variant (en-GB)."""
    return "-" not in name and name != "en"


def _read_typos(typo_list: Path) -> list[tuple[str, str, str]]:
    rows = []
    for line in typo_list.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            typo, intended, *variant = line.rstrip("\n").split("\t")
            rows.append((typo, intended, (variant or ["en-US"])[0] or "en-US"))
    return rows


def _flagged_word(message: str) -> str:
    match = re.match(r'(?:Avoid )?"([^"]+)"', message)
    return match.group(1) if match else message


def measure_spanish_startup(runs: int = 3) -> tuple[float, float]:
    """Best of a few fresh processes: a Spanish page's first check (its list, rules and one sentence), seconds and CPU seconds."""
    times = []
    for _ in range(runs):
        result = subprocess.run([sys.executable, "-c", STARTUP_SPANISH], cwd=ROOT, capture_output=True, text=True, check=True)
        wall, cpu = result.stdout.split()
        times.append((float(wall), float(cpu)))
    return min(times)


def measure_spanish_speed(rounds: int = 5) -> dict:
    """Words per CPU second on the Spanish corpus with a fresh check each round (cold caches, list already loaded)."""
    terminology = load_terminology(ROOT / "terminology.yml").for_language("es")
    pages = [(page.relative_to(ROOT), page.read_text("utf-8")) for page in sorted((CORPUS / "es").glob("*.md"))]
    best = float("inf")
    words = 0
    for _ in range(rounds):
        check = WordingCheck(terminology)
        for path, text in pages:
            check.check_text(path, text)
        best, words = min(best, check.seconds), check.words
    return {"words": words, "cpu_seconds": round(best, 4), "words_per_second": round(words / best) if best else None}


def measure_startup(runs: int = 3) -> tuple[float, float, float]:
    """Best of a few fresh processes: (import, dictionary and terminology.yml; the dictionary alone; CPU seconds of the whole)."""
    times = []
    for _ in range(runs):
        result = subprocess.run([sys.executable, "-c", STARTUP], cwd=ROOT, capture_output=True, text=True, check=True)
        total, dictionary, cpu = result.stdout.split()
        times.append((float(total), float(dictionary), float(cpu)))
    return min(times)


def print_termcheck(results: list[dict]) -> None:
    """A table a person reads; the JSON line is for machines."""
    print("Wording check (typo'd synthetic sites, non-strict builds)")
    print(
        f"{'pages':>6} {'build s (off)':>14} {'build s (on)':>13} {'hook CPU s':>11} {'start-up s':>11} {'(CPU)':>6} {'dict. s':>8} {'overhead':>9} {'wall-clock':>11} {'words/s':>11}"  # noqa: E501 (one table row)
    )
    for row in results:
        print(
            f"{row['pages']:>6} {row['build_seconds_without_check']:>14.2f} {row['build_seconds_with_check']:>13.2f} "
            f"{row['hook_seconds']:>11.3f} {row['startup_seconds']:>11.3f} {row['startup_cpu_seconds']:>6.3f} {row['dictionary_load_seconds']:>8.3f} {row['overhead_ratio']:>9.1%} "  # noqa: E501 (one table row)
            f"{row['wall_clock_ratio']:>11.1%} {row['words_per_second'] or 0:>11,}"
        )
    print(
        "Start-up: a fresh process importing the check, loading the dictionary (dict. s) and reading terminology.yml; CPU: its CPU seconds."
    )
    print("Targets: overhead at most 10% at 1000 pages, at least 500,000 words/s, start-up under 0.2 s.")


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
