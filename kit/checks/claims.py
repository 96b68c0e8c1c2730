"""Claims a careful reviewer stops: promises, trivialised risk, regulatory wording, superlatives, pressure,
symptoms by colour alone and unexplained medical terms, by the rules in claims.yml (kit/wording/claims.py).

A flagged phrase a named clinician has kept on purpose (`reviewed_claims:` in the
page's front matter) is no finding; every kept claim is listed for the governance
summary (`kept_claims`). On a demonstration site every claim is reported as a
suggestion, so the example's own sentences are shown on every build without
stopping it; on a live site a claim no reviewer has kept fails the strict build
at the level claims.yml gives it.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kit.report.findings import FAILING_LEVELS, Finding, Level
from kit.report.github import SummaryTable
from kit.report.messages import display_path
from kit.wording.claims import Flag, KeptClaim, kept_spans, read_kept_claims
from kit.wording.languages import page_language

if TYPE_CHECKING:
    from kit.checks.context import CheckContext
    from kit.pages.sourcepage import SourcePage

SOURCES_KEY = "sources"  # front matter: the page's sources (issue 22's sources list)
_FOOTNOTE = re.compile(r"^[ \t]{0,3}\[\^[^\]\n]+\]:", re.M)
_HOW_TO_KEEP = (
    'To keep it on purpose, a clinician names it under `reviewed_claims:` in the front matter (EDITING.md, "Claims a reviewer stops")'
)
_DEMO = "Reported only, as this is a demonstration site: a live site does not publish it"


@dataclass(frozen=True)
class KeptOnPage:
    """A kept claim as the governance summary lists it: where, what was flagged in it, who kept it and when."""

    path: str  # as messages show it (docs/aftercare.md)
    kept: KeptClaim
    phrases: tuple[str, ...]  # the flagged phrases the claim covers ("permanent"); empty: nothing flagged in it


def check(page: SourcePage, project: CheckContext) -> list[Finding]:
    """Every claim on the page not kept by a named reviewer, and every problem with `reviewed_claims:`."""
    claims = project.claims
    if claims is None or page_language(page.src_uri, claims.language) != claims.language:
        return []
    started = time.process_time()  # CPU time: what the check costs, even on a busy machine
    kept, findings = read_kept_claims(page.front)
    flags = claims.flags(page.prose, has_sources=has_sources(page))
    kept_found = _match_kept(page, kept, flags)
    covered = {id(flag) for entry in kept_found for flag in entry[1]}
    demo = project.clinic.demo
    for flag in flags:
        if id(flag) not in covered:
            findings.append(_finding(page, flag, demo))
    claims.count(sum(id(flag) not in covered for flag in flags), len(covered), time.process_time() - started)
    for claim, covers, on_page in kept_found:
        if not on_page:
            findings.append(
                Finding.at(
                    "warning",
                    "claims.reviewed",
                    page.path,
                    claim.line,
                    claim.column,
                    f'The kept claim "{claim.claim}" is not on the page (any more)',
                    "Copy the kept words exactly as the page has them, or remove this entry",
                )
            )
        elif not covers:
            findings.append(
                Finding.at(
                    "suggestion",
                    "claims.reviewed",
                    page.path,
                    claim.line,
                    claim.column,
                    f'Nothing in the kept claim "{claim.claim}" is flagged',
                    "Remove this entry: the words need no review",
                )
            )
    return sorted(findings, key=lambda finding: (finding.line, finding.column))


def kept_claims(page: SourcePage, project: CheckContext) -> list[KeptOnPage]:
    """Every claim a named reviewer has kept on this page, with the flagged phrases it covers (the governance summary)."""
    if project.claims is None or page_language(page.src_uri, project.claims.language) != project.claims.language:
        return []
    kept, _ = read_kept_claims(page.front)
    flags = project.claims.flags(page.prose, has_sources=has_sources(page))
    return [
        KeptOnPage(display_path(page.path), claim, tuple(flag.as_written for flag in covers))
        for claim, covers, on_page in _match_kept(page, kept, flags)
        if on_page
    ]


def kept_claims_summary(pages: Iterable[SourcePage], project: CheckContext) -> list[SummaryTable]:
    """The run's summary page on GitHub: every kept claim, where, what it covers, who kept it and when."""
    if project.claims is None:
        return []
    rows = [
        (
            f"`{entry.path}:{entry.kept.line}`",
            entry.kept.claim,
            ", ".join(entry.phrases),
            entry.kept.reviewer,
            str(entry.kept.reviewed or ""),
        )
        for page in pages
        for entry in kept_claims(page, project)
    ]
    note = "Claims a named clinician kept on purpose (`reviewed_claims:` in the page's front matter)."
    return [SummaryTable("Kept claims", ("where", "words kept", "flagged", "reviewer", "date"), rows, note if rows else "No kept claims.")]


def has_sources(page: SourcePage) -> bool:
    """The page names its evidence: a `sources:` list in its front matter, or footnotes."""
    return bool(page.front.value(SOURCES_KEY)) or bool(_FOOTNOTE.search(page.text))


def _match_kept(page: SourcePage, kept: list[KeptClaim], flags: list[Flag]) -> list[tuple[KeptClaim, list[Flag], bool]]:
    """Each kept claim, the flags inside its words on the page, and whether its words are on the page at all."""
    result = []
    for claim in kept:
        spans = kept_spans(page.prose, claim.claim)
        covers = [flag for flag in flags if any(start <= flag.start and flag.end <= end for start, end in spans)]
        result.append((claim, covers, bool(spans)))
    return result


def _finding(page: SourcePage, flag: Flag, demo: bool) -> Finding:
    line, column = page.prose.position(flag.start)
    level: Level = flag.level
    advice = f"Instead, {flag.instead}"
    if level in FAILING_LEVELS:
        advice += f". {_HOW_TO_KEEP}"
        if demo:
            level = "suggestion"
            advice += f". {_DEMO}"
    problem = f'{flag.title}, "{flag.as_written}": {flag.reason}'
    return Finding.at(level, f"claims.{flag.kind}", page.path, line, column, problem, advice)
