"""How right the claims check is, and what it costs, on prose written for the purpose and on the wording corpus.

Quality (`python -m benchmarks claims`), with the project's own claims.yml and glossary:
- claims caught: each sentence of benchmarks/corpus/claims/claims.tsv (realistic claims, written for the
  benchmark, not from the rules) checked on its own; caught when the check reports a claim in it, right kind
  when the first report is of the listed kind;
- false findings per 1,000 words on benchmarks/corpus/claims/careful/ (careful clinic prose full of near-misses:
  negated, qualified and explained wording); every finding there is false by construction;
- findings on the existing wording corpus (benchmarks/corpus/en-US, en-GB, written for the spelling check):
  each is looked up in benchmarks/corpus/claims/judged.tsv, where a person judged it; a finding nobody
  judged, or judged false, counts as false.
"Before" is the kit without this check: no claim caught, no finding.

Spanish, the same three figures with claims.es.yml and the Spanish glossary: benchmarks/corpus/es/claims/claims.tsv
(realistic Spanish claims), es/claims/careful/ (careful Spanish prose with near-misses), and the Spanish wording
corpus (benchmarks/corpus/es/*.md) judged in es/claims/judged.tsv. "Before" is the kit without claims.es.yml: a
Spanish page is never checked with the English rules, so nothing is caught.

Cost: CPU seconds and words per second of the claims check over the same pages, and its start-up (import,
reading claims.yml, compiling the phrases) in a fresh process, as `mkdocs build` or the commit check pays it.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from benchmarks.synthetic import ROOT
from kit.pages.prose import extract_prose
from kit.wording.claims import ClaimsCheck, Flag, load_claims
from kit.wording.spelling import WORD
from kit.wording.terminology import load_terminology
from kit.wording.variants import VARIANTS

CORPUS = Path(__file__).parent / "corpus"
CLAIMS = CORPUS / "claims"
SPANISH = CORPUS / "es"
SPANISH_CLAIMS = SPANISH / "claims"
STARTUP = """\
import time
started, cpu_started = time.perf_counter(), time.process_time()
from pathlib import Path
from kit.wording.claims import ClaimsCheck, load_claims
ClaimsCheck(load_claims(Path("claims.yml")), [])
print(time.perf_counter() - started, time.process_time() - cpu_started)
"""


def measure_claims() -> dict:
    """Claims caught, false findings per 1,000 words (careful prose, wording corpus), and the check's speed."""
    check = _check()
    return {
        "claims": _measure_claims_list(check),
        "careful": _measure_pages(check, sorted((CLAIMS / "careful").glob("*.md")), {}),
        "wording_corpus": _measure_pages(
            check,
            sorted(page for variant in VARIANTS if (CORPUS / variant).is_dir() for page in (CORPUS / variant).glob("*.md")),
            _read_judged(),
        ),
        "speed": _measure_speed(check),
        "es": _measure_spanish(),
    }


def _measure_spanish() -> dict:
    """The same figures for Spanish pages, by claims.es.yml and the glossary's Spanish terms."""
    terminology = load_terminology(ROOT / "terminology.yml", "es")
    check = ClaimsCheck(load_claims(ROOT / "claims.es.yml"), [term.term for term in terminology.glossary], "es")
    pages = sorted(SPANISH.glob("*.md"))
    started = time.process_time()
    for prose in [extract_prose(page.read_text(encoding="utf-8")) for page in pages] * 20:
        check.flags(prose)
    seconds = time.process_time() - started
    words = 20 * sum(len(WORD.findall(extract_prose(page.read_text(encoding="utf-8")).text)) for page in pages)
    return {
        "claims": _measure_claims_list(check, SPANISH_CLAIMS / "claims.tsv"),
        "careful": _measure_pages(check, sorted((SPANISH_CLAIMS / "careful").glob("*.md")), {}),
        "wording_corpus": _measure_pages(check, pages, _read_judged(SPANISH_CLAIMS / "judged.tsv")),
        "speed": {"words": words, "cpu_seconds": round(seconds, 3), "words_per_second": round(words / seconds) if seconds else None},
    }


def _check() -> ClaimsCheck:
    terminology = load_terminology(ROOT / "terminology.yml")
    return ClaimsCheck(load_claims(ROOT / "claims.yml"), [term.term for term in terminology.glossary])


def _measure_claims_list(check: ClaimsCheck, listed: Path = CLAIMS / "claims.tsv") -> dict:
    rows = [line.split("\t", 1) for line in listed.read_text(encoding="utf-8").splitlines() if line and line[0] != "#"]
    by_kind: dict[str, Counter[str]] = {}
    missed: list[str] = []
    for kind, sentence in rows:
        flags = check.flags(extract_prose(sentence + "\n"))
        counts = by_kind.setdefault(kind, Counter())
        counts["claims"] += 1
        counts["caught"] += bool(flags)
        counts["right_kind"] += bool(flags) and flags[0].kind == kind
        if not flags:
            missed.append(f"{kind}: {sentence}")
    caught = sum(counts["caught"] for counts in by_kind.values())
    right = sum(counts["right_kind"] for counts in by_kind.values())
    return {
        "claims": len(rows),
        "caught": round(caught / len(rows), 3),
        "right_kind": round(right / len(rows), 3),
        "by_kind": {kind: {"claims": c["claims"], "caught": round(c["caught"] / c["claims"], 3)} for kind, c in by_kind.items()},
        "missed": missed,
    }


def _measure_pages(check: ClaimsCheck, pages: list[Path], judged: dict[tuple[str, int, str], tuple[str, str]]) -> dict:
    """Every finding on the pages: true only where judged.tsv says a person judged it true."""
    words = 0
    false: list[str] = []
    true: list[str] = []
    for page in pages:
        text = page.read_text(encoding="utf-8")
        prose = extract_prose(text)
        words += len(WORD.findall(prose.text))
        for flag in check.flags(prose):
            line, column = prose.position(flag.start)
            where = page.relative_to(CORPUS).as_posix()
            verdict, reason = judged.get((where, line, flag.as_written.lower()), ("false", "not judged"))
            entry = f"{where}:{line}:{column} {flag.kind} {flag.as_written!r} ({reason})"
            (true if verdict == "true" else false).append(entry)
    return {
        "pages": len(pages),
        "words": words,
        "findings": len(true) + len(false),
        "judged_true": len(true),
        "false_findings": len(false),
        "false_per_1000_words": round(1000 * len(false) / words, 2) if words else 0.0,
        "true": true,
        "false": false,
    }


def _read_judged(path: Path = CLAIMS / "judged.tsv") -> dict[tuple[str, int, str], tuple[str, str]]:
    """judged.tsv: page, line, phrase, true/false, why; one finding of the check a line."""
    judged = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            page, number, phrase, verdict, reason = line.split("\t")
            judged[(page, int(number), phrase.lower())] = (verdict, reason)
    return judged


def _measure_speed(check: ClaimsCheck, rounds: int = 20) -> dict:
    """CPU time of the check over every corpus page, prose extraction excluded (the wording check pays for it)."""
    pages = [extract_prose(page.read_text(encoding="utf-8")) for page in sorted(CORPUS.rglob("*.md"))]
    words = sum(len(WORD.findall(prose.text)) for prose in pages)
    started = time.process_time()
    flags: list[Flag] = []
    for _ in range(rounds):
        for prose in pages:
            flags.extend(check.flags(prose))
    seconds = time.process_time() - started
    startup = min(_startup() for _ in range(3))
    return {
        "words": words * rounds,
        "cpu_seconds": round(seconds, 3),
        "words_per_second": round(words * rounds / seconds) if seconds else None,
        "startup_seconds": round(startup[0], 3),
        "startup_cpu_seconds": round(startup[1], 3),
    }


def _startup() -> tuple[float, float]:
    result = subprocess.run([sys.executable, "-c", STARTUP], cwd=ROOT, capture_output=True, text=True, check=True)
    total, cpu = result.stdout.split()
    return float(total), float(cpu)


def print_claims(result: dict) -> None:
    """The figures a person reads, before (no claims check) and after."""
    claims, careful, corpus, speed = result["claims"], result["careful"], result["wording_corpus"], result["speed"]
    print("Claims check (claims.yml) on prose written for it and on the wording corpus")
    print(
        f"  claims caught: {claims['caught']:.1%} of {claims['claims']} realistic claims (before: 0%, no check; target at least 90%); "
        f"first finding of the listed kind {claims['right_kind']:.1%}"
    )
    print(
        "    by kind: " + ", ".join(f"{kind} {figures['caught']:.0%} of {figures['claims']}" for kind, figures in claims["by_kind"].items())
    )
    for miss in claims["missed"]:
        print(f"    missed: {miss}")
    for name, figures in (("careful prose (near-misses)", careful), ("wording corpus", corpus)):
        print(
            f"  {name}: {figures['pages']} pages, {figures['words']:,} words, {figures['findings']} findings, "
            f"{figures['judged_true']} judged true, {figures['false_findings']} false "
            f"({figures['false_per_1000_words']:.2f} per 1,000 words; before: 0, no claims check; target at most 1)"
        )
        for entry in figures["false"]:
            print(f"    false: {entry}")
    print(
        f"  speed: {speed['words_per_second'] or 0:,} words/s ({speed['words']:,} words in {speed['cpu_seconds']:.3f} CPU s); "
        f"start-up {speed['startup_seconds']:.3f} s ({speed['startup_cpu_seconds']:.3f} CPU s): import, claims.yml, its phrases"
    )
    _print_spanish(result["es"])


def _print_spanish(spanish: dict) -> None:
    """The Spanish figures: before is no check at all for Spanish pages (the English rules never read them)."""
    claims, careful, corpus, speed = spanish["claims"], spanish["careful"], spanish["wording_corpus"], spanish["speed"]
    print("Claims check in Spanish (claims.es.yml) on Spanish prose written for it and on the Spanish wording corpus")
    print(
        f"  claims caught: {claims['caught']:.1%} of {claims['claims']} realistic Spanish claims (before: 0%, Spanish pages "
        f"unchecked; target at least 90%); first finding of the listed kind {claims['right_kind']:.1%}"
    )
    print(
        "    by kind: " + ", ".join(f"{kind} {figures['caught']:.0%} of {figures['claims']}" for kind, figures in claims["by_kind"].items())
    )
    for miss in claims["missed"]:
        print(f"    missed: {miss}")
    for name, figures in (("careful Spanish prose (near-misses)", careful), ("Spanish wording corpus", corpus)):
        print(
            f"  {name}: {figures['pages']} pages, {figures['words']:,} words, {figures['findings']} findings, "
            f"{figures['judged_true']} judged true, {figures['false_findings']} false "
            f"({figures['false_per_1000_words']:.2f} per 1,000 words; before: 0, unchecked; target at most 1)"
        )
        for entry in figures["false"]:
            print(f"    false: {entry}")
    print(f"  speed: {speed['words_per_second'] or 0:,} words/s ({speed['words']:,} Spanish words in {speed['cpu_seconds']:.3f} CPU s)")
