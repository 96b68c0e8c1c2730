"""Which version a build may claim, and what a live site does with content no version records.

A build claims version N only when its health content's fingerprint is the one
version N recorded; anything else is a draft, which claims no version (its
pages and PDFs say "draft"). So no page or PDF can claim a version its content
is not, whatever the mode or policy.

The live-mode policy: a live site refuses to publish a draft. Each changed,
new or removed health page is an error at its file, saying how to release the
change; the strict build stops and the site online stays the released one.
Previews are drafts without an error: `mkdocs serve`, and builds with
`CLINIC_KIT_UNRELEASED=draft` (the Pages workflow sets it for pull requests,
which publish nothing). Demo mode needs no release at all.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from kit.data.clinic import Clinic, clinic_field_error
from kit.data.patient_text import strings
from kit.pages.pagefoot import VersionLine
from kit.pages.sourcepage import SourcePage
from kit.release.codes import LeafletCodes
from kit.release.fingerprint import GLOSSARY_ENTRY, content_hash
from kit.release.records import Release, ReleaseIndex
from kit.report.findings import Finding, StopBuild

#: Set by `python -m kit.release` for the build it releases: `<version>:<YYYY-MM-DD>`.
RELEASING_VARIABLE = "CLINIC_KIT_RELEASING"
#: Set by `python -m kit.release`: where that build writes what it made (JSON).
MANIFEST_VARIABLE = "CLINIC_KIT_RELEASE_MANIFEST"
#: `refuse` (the default): a live site does not publish unreleased health content. `draft`: it builds it as a draft.
POLICY_VARIABLE = "CLINIC_KIT_UNRELEASED"
POLICIES = ("refuse", "draft")

HOW_TO_RELEASE = (
    "Release it: on GitHub, Actions > Release a new version > Run workflow, with a note saying what changed "
    '(on a computer: `make release NOTE="what changed"`); or undo the change. EDITING.md, "Release a new version", has the steps'
)


@dataclass(frozen=True)
class VersionState:
    """The build's health content and the version it is, if any."""

    index: ReleaseIndex
    codes: LeafletCodes
    parts: Mapping[str, str]  # each health page's fingerprint (and the glossary's), now
    reviewers: tuple[str, ...]  # who reviewed the health pages, as their front matter names them
    release: Release | None  # the version this content is; None: a draft
    releasing: bool = False  # this is the build `python -m kit.release` makes the new version from
    history: tuple[Release, ...] = field(default=())  # every release, the one being made included

    @property
    def content(self) -> str:
        return content_hash(self.parts)

    @property
    def released(self) -> bool:
        return self.release is not None

    @property
    def latest(self) -> Release | None:
        """The newest version recorded before this build (a draft differs from it)."""
        return self.index.latest

    def label(self, kind: str, language: str) -> str:
        """`MN-BR v3`, or `MN-BR draft`: what the PDFs' footer prints beside the page number."""
        words = strings(language)["version"]
        code = self.codes.of_kind(kind)
        if self.release is None:
            return words["footer_draft"].format(code=code)
        return words["footer"].format(code=code, version=self.release.version)

    def version_line(self, codes: str, archive_url: str) -> VersionLine:
        """A health page's version line: the version it is, or a draft (with the version it changed since)."""
        if self.release is None:
            return VersionLine(codes, None, None, archive_url if self.index.releases else "", self.latest.version if self.latest else None)
        return VersionLine(codes, self.release.version, self.release.date, archive_url)

    def page_dates(self, src_uri: str) -> tuple[dt.date, dt.date] | None:
        """When the page was first released, and when last changed in a release (None: a draft, or not a health page)."""
        if self.release is None or src_uri not in self.parts:
            return None
        published: dt.date | None = None
        modified: dt.date | None = None
        before: str | None = None
        for release in self.history:
            digest = release.pages.get(src_uri)
            if digest is not None and published is None:
                published = release.date
            if digest is not None and digest != before:
                modified = release.date
            before = digest
        return (published, modified) if published and modified else None

    def changes(self) -> list[tuple[str, str]]:
        """What differs from the latest version: (name, `changed` | `new` | `removed`), in name order."""
        released = self.latest.pages if self.latest else {}
        names = sorted(set(released) | set(self.parts))
        return [
            (name, "new" if name not in released else "removed" if name not in self.parts else "changed")
            for name in names
            if released.get(name) != self.parts.get(name)
        ]


def version_state(
    index: ReleaseIndex, codes: LeafletCodes, pages: Iterable[SourcePage], parts: Mapping[str, str], today: dt.date
) -> VersionState:
    """The version this content is: the latest release's if the fingerprints agree, the one being released, or none."""
    reviewers = tuple(sorted({page.review.reviewer for page in pages if page.is_health_page and page.review is not None}))
    pending = _releasing(index, today)
    latest = index.latest
    if pending is not None:
        if latest is not None and latest.content == content_hash(parts):
            raise StopBuild(
                f"Nothing to release: the health content is version {latest.version}'s (released {latest.date.isoformat()}). "
                "Change a health page first, or keep version "
                f"{latest.version}"
            )
        release = Release(pending[0], pending[1], "", content_hash(parts), dict(parts), reviewers)
        return VersionState(index, codes, parts, reviewers, release, releasing=True, history=(*index.releases, release))
    matches = latest is not None and latest.content == content_hash(parts)
    return VersionState(index, codes, parts, reviewers, latest if matches else None, history=index.releases)


def _releasing(index: ReleaseIndex, today: dt.date) -> tuple[int, dt.date] | None:
    raw = os.environ.get(RELEASING_VARIABLE, "").strip()
    if not raw:
        return None
    number, _, day = raw.partition(":")
    if not number.isdigit() or int(number) != index.next_version():
        raise StopBuild(
            f"{RELEASING_VARIABLE}={raw}: the next version is {index.next_version()}. Unset it: `python -m kit.release` sets it"
        )
    try:
        date = dt.date.fromisoformat(day) if day else today
    except ValueError:
        raise StopBuild(f"{RELEASING_VARIABLE}={raw}: `{day}` is not a date. Unset it: `python -m kit.release` sets it") from None
    return int(number), date


def unreleased_policy(command: str) -> str:
    """`refuse` or `draft`: previews (`mkdocs serve`) are drafts; else CLINIC_KIT_UNRELEASED, refusing by default."""
    chosen = os.environ.get(POLICY_VARIABLE, "").strip().lower() or "refuse"
    if chosen not in POLICIES:
        raise StopBuild(
            f"The environment variable {POLICY_VARIABLE} is `{chosen}`. Set it to `refuse` (a live site publishes only released "
            "content) or `draft` (build unreleased content as a draft that claims no version), or unset it"
        )
    return "draft" if command == "serve" else chosen


def unreleased_findings(state: VersionState, clinic: Clinic, docs_dir: Path, policy: str) -> list[Finding]:
    """A live site refusing a draft: one error per changed, new or removed health page, each at its file."""
    if state.released or clinic.demo or policy == "draft":
        return []
    latest = state.latest
    if latest is None:
        return [
            clinic_field_error(
                clinic,
                "mode",
                "release.none",
                "The site is live, but no version of its health content has been released, so its pages and PDFs could not say "
                "which version a patient was given, and the build does not publish them",
                "Release the first version: on GitHub, Actions > Release a new version > Run workflow, with the note "
                '"First issue" (on a computer: `make release NOTE="First issue"`). EDITING.md, "Release a new version", has the steps',
            )
        ]
    findings = []
    since = f"version {latest.version} (released {latest.date.isoformat()})"
    for name, what in state.changes():
        if name == GLOSSARY_ENTRY:
            subject = f"The glossary definitions in terminology.yml have changed since {since}"
            path, line, column = clinic.source.parent / "terminology.yml", 1, 1
        elif what == "removed":
            subject = f"The health page {name} was part of {since} and is no longer in docs/"
            path = state.index.path
            line, column = state.index.where(latest.version, "pages", name)
        else:
            subject = f"This health page {'is new' if what == 'new' else 'has changed'} since {since}"
            path, line, column = docs_dir / name, 1, 1
        problem = (
            subject
            + ", and the site is live: patients would get health content no released version records, so the build does not publish it"
        )
        findings.append(Finding.at("error", "release.unreleased", path, line, column, problem, HOW_TO_RELEASE))
    return findings


def write_manifest(path: Path, state: VersionState, documents: list[dict[str, str]]) -> None:
    """For `python -m kit.release`: what the build released (its content, reviewers, and each PDF it wrote)."""
    assert state.release is not None, "only a releasing build writes a manifest"
    data = {
        "version": state.release.version,
        "date": state.release.date.isoformat(),
        "content": state.content,
        "pages": dict(state.parts),
        "reviewers": list(state.reviewers),
        "documents": documents,
    }
    if path.is_file():  # a site in several languages: each language's build adds its PDFs
        data["documents"] = [*json.loads(path.read_text(encoding="utf-8"))["documents"], *documents]
    path.write_text(json.dumps(data, indent=1), encoding="utf-8")
