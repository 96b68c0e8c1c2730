"""A page's front matter, with the line of every field.

MkDocs 1.6.1 parses front matter itself but silently ignores YAML it cannot
read (the page then loses its title, review dates and flags without a word).
Composing the file's own text keeps each field's line and column, so a typo
in `reviewed:` becomes a message an editor can act on. The page model
(kit/pages/sourcepage.py) parses it once per page for every check.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from kit.data.yamlfile import DuplicateKey
from kit.report.findings import StopBuild, stop_at

# As MkDocs reads it (mkdocs.utils.meta.YAML_RE): the block between a first-line `---`
# and the next `---` or `...`; here the closing line may also end the file.
_FRONT_MATTER = re.compile(r"---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|$)", re.S)
_VALUES = yaml.SafeLoader("")  # turns nodes into str, int, bool, date, list


def split_front_matter(source: str) -> tuple[str, int]:
    """The front matter's YAML text and the offset where the page's body starts (0 without front matter)."""
    match = _FRONT_MATTER.match(source) if source.startswith("---") else None
    if not match:
        return "", 0
    return match.group(1) or "", match.end()


@dataclass(frozen=True)
class FrontMatter:
    """The raw text of each top-level field, with its position in the page file."""

    path: Path
    raw: dict[str, yaml.Node]
    positions: dict[str, tuple[int, int]]  # where each field's value starts
    key_positions: dict[str, tuple[int, int]] = field(default_factory=dict)  # where each field's name starts

    def __contains__(self, key: str) -> bool:
        return key in self.raw

    def where(self, key: str) -> tuple[int, int]:
        """Line and column of a field's value (1, 1 when the field is absent)."""
        return self.positions.get(key, (1, 1))

    def where_named(self, key: str) -> tuple[int, int]:
        """Line and column of a field's name (1, 1 when the field is absent)."""
        return self.key_positions.get(key, (1, 1))

    def text(self, key: str) -> str | None:
        """A field's value exactly as the editor typed it, or None if absent or empty."""
        node = self.raw.get(key)
        if node is None:
            return None
        if not isinstance(node, yaml.ScalarNode):
            line, column = self.where(key)
            raise stop_at(self.path, line, column, f"`{key}` must be a single value", "Write it on the same line, after the colon")
        value = str(node.value).strip()
        return value or None

    def value(self, key: str) -> object:
        """A field's value as YAML reads it (a list, a date, a boolean...), or None if absent."""
        node = self.raw.get(key)
        return None if node is None else _VALUES.construct_object(node, deep=True)

    def error(self, key: str, problem: str, advice: str) -> StopBuild:
        line, column = self.where(key)
        return stop_at(self.path, line, column, problem, advice)


def read_front_matter(path: Path, yaml_text: str) -> FrontMatter:
    """Parse the YAML of a page's front matter; YAML MkDocs would silently drop stops the build."""
    if not yaml_text.strip(" \t\r\n"):  # YAML's blanks, not Python's (which include control characters YAML refuses)
        return FrontMatter(path, {}, {})
    try:
        node = yaml.compose(yaml_text, Loader=yaml.SafeLoader)
    except yaml.reader.ReaderError as err:  # a character YAML does not allow (a control character pasted in)
        line = yaml_text.count("\n", 0, err.position) + 2
        column = err.position - yaml_text.rfind("\n", 0, err.position)
        raise stop_at(
            path,
            line,
            column,
            f"The page's front matter (the lines between the two `---`) has a character YAML does not allow (U+{err.character:04X})",
            "Delete it: it is invisible in most editors, so retype the line if you cannot see it",
        ) from None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, column = (mark.line + 2, mark.column + 1) if mark else (1, 1)
        raise stop_at(
            path,
            line,
            column,
            f"The page's front matter (the lines between the two `---`) is not valid YAML ({err.problem or err.context})",
            "Write each field as `name: value` on its own line, and put quotes around values that contain a colon",
        ) from None
    if node is None or (isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null"):
        return FrontMatter(path, {}, {})  # nothing but `---` or `~`: an empty front matter, as MkDocs reads it
    if not isinstance(node, yaml.MappingNode):
        raise stop_at(path, 2, 1, "The page's front matter must be `name: value` lines", "Compare it with the front matter of another page")
    raw: dict[str, yaml.Node] = {}
    positions: dict[str, tuple[int, int]] = {}
    key_positions: dict[str, tuple[int, int]] = {}
    for key_node, value_node in node.value:
        key = str(key_node.value)
        if key in raw:
            twice = DuplicateKey(key, key_node, key_positions[key])
            raise stop_at(path, twice.line + 1, twice.column, *twice.words())  # +1: after the opening `---`
        raw[key] = value_node
        # +2: the front matter starts on the file's second line, after `---`.
        positions[key] = (value_node.start_mark.line + 2, value_node.start_mark.column + 1)
        key_positions[key] = (key_node.start_mark.line + 2, key_node.start_mark.column + 1)
    return FrontMatter(path, raw, positions, key_positions)
