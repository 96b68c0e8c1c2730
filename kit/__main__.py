"""`python -m kit check [pages]`: the kit's commands without MkDocs (see kit/check.py)."""

from __future__ import annotations

import sys

from kit.check import main

USAGE = "usage: python -m kit check [pages ...] [--config-file mkdocs.yml]"

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] != "check":
        print(USAGE, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[2:]))
