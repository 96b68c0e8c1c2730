"""A translated page names who translated it and who checked the translation, and still matches its original.

MedlinePlus asks translated health information to name its translator and its
review; the NHS asks translations to stay clinically accurate. So on a live site
a translation without both names is refused at its line, and a translation whose
original changed since (`translation_of` no longer matches, kit/pages/translation.py)
is listed at the level mkdocs.yml sets (`extra.translations.out_of_date`), while
the page itself tells patients (overrides/partials/stale-translation.html).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kit.pages.translation import TRANSLATION_OF, TRANSLATION_REVIEWER, TRANSLATOR
from kit.report.findings import Finding

if TYPE_CHECKING:
    from kit.checks.context import CheckContext
    from kit.pages.sourcepage import SourcePage

_WHO = {TRANSLATOR: "who translated it", TRANSLATION_REVIEWER: "who checked the translation against the original"}


def check(page: SourcePage, project: CheckContext) -> list[Finding]:
    translation = page.translation
    if translation is None:
        return []
    front = page.front
    findings = []
    if not project.clinic.demo:
        for key, who in _WHO.items():
            if not front.text(key):
                line, column = front.where_named(key) if key in front else front.where_named(TRANSLATION_OF)
                findings.append(
                    Finding.at(
                        "error",
                        "translation.unnamed",
                        page.path,
                        line,
                        column,
                        f"This translation does not name {who}, and a live site publishes a translation only with both names",
                        f"Add `{key}: <name, role>` to the front matter (for example `{key}: Ana García, medical translator`)",
                    )
                )
    if not translation.up_to_date:
        original = translation.original.name
        line, column = front.where(TRANSLATION_OF)
        problem = (
            f"This translation does not record which text of {original} it translates"
            if translation.recorded is None
            else f"{original} has changed since this translation was made from it, so patients may read old advice here"
        )
        findings.append(
            Finding.at(
                project.settings.translation_out_of_date,
                "translation.out-of-date",
                page.path,
                line,
                column,
                problem,
                f"Bring the translation in line with {original}, have it checked, then run "
                f"`python -m kit translated {page.path.parent.name}/{page.path.name}` to record the text it now matches",
            )
        )
    return findings
