"""Compare two builds of the site file by file: the release builder's and another's.

`make compare-builders` builds the site with ProperDocs (the maintained fork of
MkDocs 1.x, the kit's path after Material 9's end of life) beside the MkDocs
build in site/, and runs this. Every page, stylesheet, script and search index
must be byte-identical but for the `<meta name="generator">` tag, which names
the builder. PDFs are left out: they are made from the print page, which is
compared, and WeasyPrint's files differ from run to run in their internal ids.

    python scripts/compare_builders.py site .site-properdocs
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def differences(first: Path, second: Path) -> list[str]:
    """What differs between the two folders, as lines to print (empty: the same site)."""
    found = []
    names = {p.relative_to(first) for p in first.rglob("*") if p.is_file() and p.suffix != ".pdf"}
    others = {p.relative_to(second) for p in second.rglob("*") if p.is_file() and p.suffix != ".pdf"}
    found += [f"only in {first}: {name}" for name in sorted(names - others)]
    found += [f"only in {second}: {name}" for name in sorted(others - names)]
    for name in sorted(names & others):
        a, b = (first / name).read_bytes(), (second / name).read_bytes()
        if name.suffix == ".html":
            a, b = GENERATOR.sub(b"", a), GENERATOR.sub(b"", b)
        if a != b:
            found.append(f"differs: {name}")
    return found


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__)
        return 2
    first, second = Path(argv[0]), Path(argv[1])
    found = differences(first, second)
    for line in found:
        print(line)
    count = sum(1 for p in first.rglob("*") if p.is_file() and p.suffix != ".pdf")
    if found:
        print(f"{len(found)} differences between {first} and {second}.")
        return 1
    print(f"Same site: {count} files of {first} and {second} are identical but for the generator tag.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
