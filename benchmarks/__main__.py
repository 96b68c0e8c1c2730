"""`make bench`: every benchmark of the kit, as tables for people and one JSON line for machines.

Each benchmark module has a `measure_*` function returning plain figures and a
`print_*` function for its table; add a new one to BENCHMARKS. Name some to run
only those: `python -m benchmarks web` (see benchmarks/README.md).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from typing import Any

from benchmarks.claims import measure_claims, print_claims
from benchmarks.pdf import measure_pdf, print_pdf
from benchmarks.releases import measure_releases, print_releases
from benchmarks.termcheck import measure_quality, measure_termcheck, print_quality, print_termcheck
from benchmarks.web import measure_web, print_web

BENCHMARKS: dict[str, tuple[Callable[[], Any], Callable[[Any], None]]] = {
    "wording": (measure_quality, print_quality),
    "claims": (measure_claims, print_claims),
    "termcheck": (measure_termcheck, print_termcheck),
    "pdf": (measure_pdf, print_pdf),
    "web": (measure_web, print_web),
    "releases": (measure_releases, print_releases),
}


def main() -> None:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    chosen = sys.argv[1:] or list(BENCHMARKS)
    unknown = [name for name in chosen if name not in BENCHMARKS]
    if unknown:
        sys.exit(f"No benchmark named {', '.join(unknown)}; choose from {', '.join(BENCHMARKS)}.")
    results = {}
    for name in chosen:
        measure, show = BENCHMARKS[name]
        results[name] = measure()
        show(results[name])
        print()
    print(json.dumps(results))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
