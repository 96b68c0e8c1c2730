"""Python's garbage collector, paused while the kit makes many long-lived objects at once.

The collector rescans every live container object each time it runs. Loading a
word list or the pronouncing dictionary (hundreds of thousands of entries kept
for the process) and laying out a brochure in WeasyPrint (millions of objects,
freed with the document) both make objects far faster than they die, so the
collector's scans cost more than the work: about 1 s of every build for the
dictionaries, and 20% of the time of a 200-page brochure.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run the block without the garbage collector; it runs again afterwards if it was on before."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
