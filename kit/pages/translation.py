"""A translated page and the page it translates: which text it was made from, and who made and checked it.

A translation sits beside its page with the language before `.md` (aftercare.es.md
translates aftercare.md). Its front matter says which text of that page it
translates, as a fingerprint the kit computes, never a date typed by hand:

    translation_of: 3f9a1c2e7b40     # written by `python -m kit translated docs/aftercare.es.md`
    translator: Ana García, medical translator
    translation_reviewer: Dr Luis Pérez, dermatologist

The fingerprint covers the words of the page's body (not its front matter, and
not how the lines are wrapped), so a new review date does not make a translation
stale, and one changed sentence does. While the fingerprints differ, the build
lists the translation as out of date and the translated page tells patients, in
their language, when the original changed, with a link to it.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from kit.data.languages import source_name
from kit.data.yamlfile import SettingsLocator
from kit.pages.frontmatter import split_front_matter
from kit.report.findings import LEVELS, Level

#: The front matter fields of a translation.
TRANSLATION_OF = "translation_of"
TRANSLATOR = "translator"
TRANSLATION_REVIEWER = "translation_reviewer"
TRANSLATION_FIELDS = (TRANSLATION_OF, TRANSLATOR, TRANSLATION_REVIEWER)
#: Hex digits kept of the SHA-256: enough that two versions of one page never share one.
FINGERPRINT_LENGTH = 12

_FIELD_LINE = re.compile(rf"^{TRANSLATION_OF}:.*$", re.M)


def fingerprint(page_text: str) -> str:
    """The fingerprint of a page's body: its words in order, whatever the line wrapping and front matter."""
    body = page_text[split_front_matter(page_text)[1] :]
    return hashlib.sha256(" ".join(body.split()).encode("utf-8")).hexdigest()[:FINGERPRINT_LENGTH]


def original_of(path: Path) -> Path | None:
    """The page a file translates (docs/aftercare.es.md -> docs/aftercare.md); None for a page that is no translation."""
    name = source_name(path.name)
    return path.with_name(name) if name != path.name else None


@dataclass(frozen=True)
class Translation:
    """What a translated page says about its original, and what the original says now."""

    original: Path  # the page it translates
    recorded: str | None  # `translation_of`: the fingerprint of the text it was made from
    current: str  # the fingerprint of the original now
    translator: str | None
    reviewer: str | None

    @property
    def up_to_date(self) -> bool:
        return self.recorded == self.current


def read_translation(path: Path, front_text: dict[str, str | None]) -> Translation | None:
    """The translation facts of a page file; None when it translates nothing, or its original is gone."""
    original = original_of(path)
    if original is None or not original.is_file():
        return None
    current = fingerprint(original.read_text(encoding="utf-8-sig"))
    return Translation(original, front_text.get(TRANSLATION_OF), current, front_text.get(TRANSLATOR), front_text.get(TRANSLATION_REVIEWER))


def changed_on(path: Path, today: date) -> date:
    """When a page last changed: its last commit, or today while it has uncommitted changes; its file's date outside git.

    A shallow clone (CI's default depth 1) knows only its newest commit, so there the date is
    that commit's: never earlier than the real change, so patients are never told too little.
    """
    folder = path.parent
    try:
        if _git(["status", "--porcelain", "--", path.name], folder):
            return today
        if logged := _git(["log", "-1", "--format=%cs", "--", path.name], folder):
            return date.fromisoformat(logged)
    except (OSError, subprocess.CalledProcessError, ValueError):
        pass
    return date.fromtimestamp(path.stat().st_mtime)


def _git(arguments: list[str], folder: Path) -> str:
    return subprocess.run(["git", *arguments], cwd=folder, capture_output=True, text=True, check=True).stdout.strip()


def record_fingerprint(translated: Path) -> str:
    """Write the original's current fingerprint into a translation's front matter; the fingerprint.

    The editor runs this after bringing the translation up to date with the original
    (`python -m kit translated docs/aftercare.es.md`).
    """
    original = original_of(translated)
    if original is None or not original.is_file():
        raise ValueError(f"{translated.name} is not named as a translation of a page beside it (aftercare.es.md translates aftercare.md)")
    text = translated.read_text(encoding="utf-8-sig")
    line = f"{TRANSLATION_OF}: {fingerprint(original.read_text(encoding='utf-8-sig'))}"
    yaml_text, body_start = split_front_matter(text)
    if body_start == 0:
        text = f"---\n{line}\n---\n\n{text}"
    else:
        start = text.index("\n") + 1  # the YAML follows the opening `---` line
        fields = _FIELD_LINE.sub(line, yaml_text, count=1) if _FIELD_LINE.search(yaml_text) else yaml_text + line + "\n"
        text = text[:start] + fields + text[start + len(yaml_text) :]
    translated.write_text(text, encoding="utf-8")
    return line.split(": ", 1)[1]


#: `extra.translations.out_of_date` when mkdocs.yml does not set it: listed for the editor, never stopping a build.
DEFAULT_OUT_OF_DATE: Level = "suggestion"


def read_out_of_date_level(extra: Mapping[str, Any], config_file: Path) -> Level:
    """How the build reports a translation whose original changed (mkdocs.yml `extra.translations.out_of_date`)."""
    section = extra.get("translations")
    if section is None:
        return DEFAULT_OUT_OF_DATE
    where = SettingsLocator(config_file)
    if not isinstance(section, dict) or set(section) - {"out_of_date"}:
        raise where.error(
            ("extra", "translations"), "`translations:` holds one setting, `out_of_date:`", "Write `out_of_date: warning` under it"
        )
    level = section.get("out_of_date", DEFAULT_OUT_OF_DATE)
    return where.one_of(
        ("extra", "translations", "out_of_date"),
        level,
        LEVELS,
        f"`out_of_date: {level}` is not a level the kit knows",
        "Write error or warning (both stop the strict build that publishes) or suggestion (listed, never stops)",
    )
