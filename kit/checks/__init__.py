"""The per-page checks, in the order their findings are reported.

Each check is one module with one function, `check(page, project)`, that
returns `Finding`s (kit/report/findings.py) for one page model (kit/pages/sourcepage.py).
The build and `python -m kit check` run every check listed here on every page,
so a new check is a new module plus one line below.

Imports: kit.report, kit.data, kit.pages, kit.wording and kit.review; a check gets the
project as a `CheckContext` (context.py), so it never imports kit.project, which imports the registry.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from kit.checks import claims, description, filename, images, links, live, rawhtml, readability, review, sources, translation, wording
from kit.report.findings import Finding

if TYPE_CHECKING:
    from kit.checks.context import CheckContext
    from kit.pages.sourcepage import SourcePage

PageCheck = Callable[["SourcePage", "CheckContext"], Iterable[Finding]]

PAGE_CHECKS: tuple[PageCheck, ...] = (
    wording.check,
    claims.check,
    review.check,
    live.check,
    translation.check,
    sources.check,
    readability.check,
    description.check,
    images.check,
    filename.check,
    links.check,
    rawhtml.check,
)
