"""A page's front matter, read again with the line of every field.

MkDocs 1.6.1 parses front matter itself but silently ignores YAML it cannot
read (the page then loses its title, review dates and flags without a word).
Reading the file's own text again keeps each field's line and column, so a
typo in `reviewed:` becomes a message an editor can act on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from kit.messages import StopBuild, located

# MkDocs' own pattern (mkdocs.utils.meta.YAML_RE): the block between two `---` lines.
_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.S)


@dataclass(frozen=True)
class FrontMatter:
    """The raw text of each top-level field, with its position in the page file."""

    path: Path
    raw: dict[str, yaml.Node]
    positions: dict[str, tuple[int, int]]

    def __contains__(self, key: str) -> bool:
        return key in self.raw

    def where(self, key: str) -> tuple[int, int]:
        """Line and column of a field's value (1, 1 when the field is absent)."""
        return self.positions.get(key, (1, 1))

    def text(self, key: str) -> str | None:
        """A field's value exactly as the editor typed it, or None if absent or empty."""
        node = self.raw.get(key)
        if node is None:
            return None
        if not isinstance(node, yaml.ScalarNode):
            line, column = self.where(key)
            raise StopBuild(
                located(self.path, line, column, f"`{key}` must be a single value", "Write it on the same line, after the colon")
            )
        value = str(node.value).strip()
        return value or None

    def error(self, key: str, problem: str, advice: str) -> StopBuild:
        line, column = self.where(key)
        return StopBuild(located(self.path, line, column, problem, advice))


def read_front_matter(path: Path, text: str) -> FrontMatter:
    """Parse the page's front matter; YAML MkDocs would silently drop stops the build."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return FrontMatter(path, {}, {})
    try:
        node = yaml.compose(match.group(1), Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, column = (mark.line + 2, mark.column + 1) if mark else (1, 1)
        raise StopBuild(
            located(
                path,
                line,
                column,
                f"The page's front matter (the lines between the two `---`) is not valid YAML ({err.problem or err.context})",
                "Write each field as `name: value` on its own line, and put quotes around values that contain a colon",
            )
        ) from None
    if node is None:
        return FrontMatter(path, {}, {})
    if not isinstance(node, yaml.MappingNode):
        raise StopBuild(
            located(path, 2, 1, "The page's front matter must be `name: value` lines", "Compare it with the front matter of another page")
        )
    raw: dict[str, yaml.Node] = {}
    positions: dict[str, tuple[int, int]] = {}
    for key_node, value_node in node.value:
        key = str(key_node.value)
        raw[key] = value_node
        # +2: the front matter starts on the file's second line, after `---`.
        positions[key] = (value_node.start_mark.line + 2, value_node.start_mark.column + 1)
    return FrontMatter(path, raw, positions)
