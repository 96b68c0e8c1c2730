"""`make bench`: every benchmark of the kit, as tables for people and one JSON line for machines.

Each benchmark module has a `measure_*` function returning plain figures and a
`print_*` function for its table; add a new one to BENCHMARKS.
"""

from __future__ import annotations

import json
import os
import sys

from benchmarks.pdf import measure_pdf, print_pdf
from benchmarks.termcheck import measure_quality, measure_termcheck, print_quality, print_termcheck

BENCHMARKS = {
    "wording": (measure_quality, print_quality),
    "termcheck": (measure_termcheck, print_termcheck),
    "pdf": (measure_pdf, print_pdf),
}


def main() -> None:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    results = {}
    for name, (measure, show) in BENCHMARKS.items():
        results[name] = measure()
        show(results[name])
        print()
    print(json.dumps(results))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
