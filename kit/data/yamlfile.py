"""Reading the clinic's YAML data files with positions for every value.

PyYAML's plain `safe_load` forgets where a value came from, so a wrong value in
clinic.yml or terminology.yml could only be reported by name. Composing the
node tree first keeps each value's line and column for the error message.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml

from kit.report.findings import StopBuild, stop_at

T = TypeVar("T")

KeyPath = tuple[Any, ...]
_SCALARS = yaml.SafeLoader("")  # turns scalar nodes into str, int, bool, date


@dataclass(frozen=True)
class YamlDocument:
    """A YAML file's plain data plus the position of every key and item."""

    path: Path
    data: Any
    positions: dict[KeyPath, tuple[int, int]]
    # Each scalar exactly as written: `phone: 0201234567` is the text the editor typed, not the octal number YAML reads.
    written: dict[KeyPath, str] = field(default_factory=dict)

    def where(self, *key_path: Any) -> tuple[int, int]:
        """Line and column (1-based) of a value, or of its nearest parent."""
        path = tuple(key_path)
        while path and path not in self.positions:
            path = path[:-1]
        return self.positions.get(path, (1, 1))

    def text(self, *key_path: Any) -> str:
        """A scalar value as its editor typed it (numbers, dates and yes/no keep their own spelling)."""
        return self.written.get(tuple(key_path), "")

    def error(self, key_path: KeyPath, problem: str, advice: str) -> StopBuild:
        """A build-stopping error pointing at one value of this file."""
        line, column = self.where(*key_path)
        return stop_at(self.path, line, column, problem, advice)


def load_yaml(path: Path) -> YamlDocument:
    """Parse a YAML file, turning every failure into an editor's message."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise stop_at(path, 1, 1, "This file is missing", "Restore it from the repository") from None
    except UnicodeDecodeError as err:
        raise not_utf8(path, err) from None
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as err:
        raise invalid_yaml(path, err) from None
    positions: dict[KeyPath, tuple[int, int]] = {}
    written: dict[KeyPath, str] = {}
    try:
        data = _to_python(node, (), positions, written) if node is not None else None
    except DuplicateKey as twice:
        raise stop_at(path, twice.line, twice.column, *twice.words()) from None
    return YamlDocument(path=path, data=data, positions=positions, written=written)


def invalid_yaml(path: Path, err: yaml.MarkedYAMLError) -> StopBuild:
    """A YAML syntax error as the editor's message, at the line and column where it is."""
    mark = _where_the_mistake_is(err)
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = f"The YAML is not valid ({'; '.join(filter(None, (err.context, err.problem)))})"
    return stop_at(path, line, column, problem, "Check the indentation and the quotes around values on this line")


def not_utf8(path: Path, err: UnicodeDecodeError) -> StopBuild:
    """A file that is not UTF-8, at the line and column of its first bad byte."""
    line, column = position_of_byte(path.read_bytes(), err.start)
    return stop_at(path, line, column, "This file is not UTF-8 text", "Save it as UTF-8 in your editor")


def _where_the_mistake_is(err: yaml.MarkedYAMLError) -> yaml.Mark | None:
    """An unclosed quote or bracket is found only at the end of the file: point at where it opened."""
    if err.problem and "end of stream" in err.problem and err.context_mark:
        return err.context_mark
    return err.problem_mark or err.context_mark


class DuplicateKey(Exception):
    """A key written twice in one mapping: YAML keeps the last silently, so the first value would be lost unseen."""

    def __init__(self, key: object, node: yaml.Node, first: tuple[int, int]) -> None:
        super().__init__(key)
        self.key, self.first = key, first
        self.line, self.column = node.start_mark.line + 1, node.start_mark.column + 1

    def words(self) -> tuple[str, str]:
        """The problem and the advice."""
        return (
            f"`{self.key}` is written twice (first on line {self.first[0]}), and only this second value would count",
            "Keep one of the two lines",
        )


def _to_python(node: yaml.Node, path: KeyPath, positions: dict[KeyPath, tuple[int, int]], written: dict[KeyPath, str]) -> Any:
    positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        result = {}
        for key_node, value_node in node.value:
            key = _SCALARS.construct_object(key_node)
            if key in result:
                raise DuplicateKey(key, key_node, positions[(*path, key)])
            result[key] = _to_python(value_node, (*path, key), positions, written)
            positions[(*path, key)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_to_python(item, (*path, index), positions, written) for index, item in enumerate(node.value)]
    written[path] = node.value
    return _SCALARS.construct_object(node)


def position_of_byte(raw: bytes, offset: int) -> tuple[int, int]:
    """Line and column of a byte offset, for encoding errors."""
    before = raw[:offset]
    line = before.count(b"\n") + 1
    column = offset - (before.rfind(b"\n") + 1) + 1
    return line, column


class SettingsLocator:
    """Line and column of a setting in mkdocs.yml, for messages (1:1 if it cannot tell).

    mkdocs.yml may hold tags only MkDocs can construct (`!ENV`, `!!python/name:`),
    so this composes the YAML (positions only) and never builds its values.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.root = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
        except (OSError, yaml.YAMLError):
            self.root = None

    def where(self, keys: tuple) -> tuple[int, int]:
        """Where the setting is (its key; the nearest parent's when it is missing)."""
        node, found = self.root, (1, 1)
        for key in keys:
            if isinstance(node, yaml.MappingNode):
                match = next(((k, v) for k, v in node.value if k.value == key), None)
                if match is None:
                    return found
                found, node = (match[0].start_mark.line + 1, match[0].start_mark.column + 1), match[1]
            elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
                node = node.value[key]
                found = (node.start_mark.line + 1, node.start_mark.column + 1)
            else:
                return found
        return found

    def error(self, keys: tuple, problem: str, advice: str) -> StopBuild:
        line, column = self.where(keys)
        return stop_at(self.path, line, column, problem, advice)

    def one_of(self, keys: tuple, value: T, choices: Collection[object], problem: str, advice: str) -> T:
        """`value` when it is one of `choices`; otherwise the build stops at the setting with `problem` and `advice`."""
        if value not in choices:
            raise self.error(keys, problem, advice)
        return value
