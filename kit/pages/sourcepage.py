"""One page file as every check and the brochure see it: read once, parsed once.

The build reads each page in `on_files` (and hands MkDocs the same text in
`on_page_read_source`), `python -m kit check` reads it from the command line;
both make one `SourcePage`. Its parts are parsed on first use and kept: the
front matter with each field's line, the prose with the file's positions, the
Key points box and checklist steps, and the review dates. A check takes the
page and never opens the file again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from kit.data.clinic import Clinic
from kit.data.yamlfile import position_of_byte
from kit.pages.frontmatter import FrontMatter, read_front_matter, split_front_matter
from kit.pages.keypoints import KeyPoints, Passage, checklist_steps, find_key_points
from kit.pages.prose import ProsePage, extract_prose
from kit.pages.review import Review, read_review
from kit.pages.sources import Source, read_sources
from kit.pages.translation import TRANSLATION_FIELDS, Translation, read_translation
from kit.report.findings import stop_at


@dataclass(eq=False)
class SourcePage:
    """A Markdown page's file text and everything the kit reads from it."""

    path: Path  # where the file is, for messages
    src_uri: str  # its path under docs/, as MkDocs names pages (`aftercare.md`)
    text: str  # the file's text, byte-order mark dropped, as MkDocs reads it
    clinic: Clinic = field(repr=False)  # names the reviewing role when a page names no reviewer

    @cached_property
    def _front_matter_split(self) -> tuple[str, int]:
        return split_front_matter(self.text)

    @cached_property
    def front(self) -> FrontMatter:
        """The front matter with each field's line; YAML MkDocs would silently drop stops the build."""
        return read_front_matter(self.path, self._front_matter_split[0])

    @cached_property
    def prose(self) -> ProsePage:
        """The words patients read, at their places in the file; code, links and markup blanked."""
        return extract_prose(self.text, self._front_matter_split)

    @cached_property
    def key_points(self) -> KeyPoints | None:
        """The `!!! abstract "Key points"` box, or None when the page has none."""
        return find_key_points(self.text)

    @cached_property
    def checklist_steps(self) -> list[Passage]:
        """Task-list items: the steps patients follow at home."""
        return checklist_steps(self.text)

    @cached_property
    def review(self) -> Review | None:
        """Who reviewed the page and when; None without `reviewed` and `next_review`."""
        return read_review(self.front, self.clinic)

    @cached_property
    def sources(self) -> tuple[Source, ...]:
        """The evidence the page lists (`sources:`); a malformed entry stops the build at its line."""
        return read_sources(self.front)

    @cached_property
    def translation(self) -> Translation | None:
        """What a translated page (aftercare.es.md) says of its original, and whether it still matches; None for others."""
        return read_translation(self.path, {key: self.front.text(key) for key in TRANSLATION_FIELDS})

    @property
    def is_health_page(self) -> bool:
        """Every page gives health information unless its front matter says `health_page: false`.

        `health_page: "false"` (quoted) or `health_page: maybe` stops at its line: read as a health page, it would
        get warnings that ask for the very `health_page: false` the editor thinks they wrote.
        """
        value = self.front.value("health_page")
        if value is None or isinstance(value, bool):
            return value is not False
        raise self.front.error(
            "health_page",
            f'`health_page: "{value}"` is text, not the value true or false',
            "Write `health_page: false` without quotes for a page with no health information, or remove the line",
        )


def read_page(path: Path, src_uri: str, clinic: Clinic) -> SourcePage:
    """Read a page file once; a page that is not UTF-8 stops with the place of the first bad byte.

    MkDocs would meet such a page with a traceback after emptying the site folder.
    """
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise stop_at(path, 1, 1, "This page does not exist", "Check the file name") from None
    try:
        text = raw.decode("utf-8-sig")  # as MkDocs reads pages: a byte-order mark is not a character
    except UnicodeDecodeError as err:
        start = err.start + (3 if raw.startswith(b"\xef\xbb\xbf") else 0)
        line, column = position_of_byte(raw, start)
        raise stop_at(
            path,
            line,
            column,
            f"This page is not UTF-8 text (byte 0x{raw[start]:02x} cannot be read)",
            "Re-save the page as UTF-8, or retype the character at this place",
        ) from None
    # As MkDocs reads pages (text mode): Windows line ends become "\n", or a page saved on Windows loses its front
    # matter, which patients would then read at the top of the page. Lines and columns stay where the editor sees them.
    return SourcePage(path, src_uri, text.replace("\r\n", "\n").replace("\r", "\n"), clinic)
