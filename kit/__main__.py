"""`python -m kit check [pages]`, `python -m kit report` and `python -m kit translated <pages>`: the kit's commands without MkDocs.

`check` runs every source check (kit/check.py). `report` prints how the health information is made, page by
page and against the standards (kit/governance/report.py). `translated` records, in each translated
page's front matter, which text of its original it now translates (kit/pages/translation.py):
run it once the translation is brought in line with its original.
"""

from __future__ import annotations

import sys
from pathlib import Path

from kit.check import main
from kit.governance import report
from kit.pages.translation import record_fingerprint

USAGE = (
    "usage: python -m kit check [pages ...] [--config-file mkdocs.yml]\n"
    "       python -m kit report [--config-file mkdocs.yml]\n"
    "       python -m kit translated docs/<page>.<language>.md ..."
)


def translated(pages: list[str]) -> int:
    """Write each translation's `translation_of`; a file that is no translation is named, and nothing else changes."""
    if not pages:
        print(USAGE, file=sys.stderr)
        return 2
    for page in pages:
        try:
            fingerprint = record_fingerprint(Path(page))
        except (OSError, ValueError) as err:
            print(f"{page}: {err}", file=sys.stderr)
            return 1
        print(f"{page}: translation_of: {fingerprint}")
    return 0


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "check":
        sys.exit(main(sys.argv[2:]))
    if command == "report":
        sys.exit(report.main(sys.argv[2:]))
    if command == "translated":
        sys.exit(translated(sys.argv[2:]))
    print(USAGE, file=sys.stderr)
    sys.exit(2)
