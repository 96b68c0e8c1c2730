"""Every language's strings file says everything the English one says: a patient reading Spanish never meets an
English sentence because a key was added to en.yml only.

The kit falls back to English for a key a translation lacks (and the build warns), so a missing key would not
break a build: it would put English on a Spanish page. This test reads the files themselves, so it holds for any
language a clinic adds (kit/strings/<lang>.yml) without naming one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

STRINGS = Path(__file__).resolve().parent.parent / "kit" / "strings"
ENGLISH = STRINGS / "en.yml"
PLACEHOLDER = re.compile(r"\{(\w+)\}")
TRANSLATIONS = sorted(path for path in STRINGS.glob("*.yml") if path.name != ENGLISH.name)


def flatten(node: object, path: tuple[str, ...] = ()) -> Iterator[tuple[str, object]]:
    """Each leaf of a strings file as (dotted key, value); a list (the months) is one leaf."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from flatten(value, (*path, str(key)))
    else:
        yield ".".join(path), node


def strings(path: Path) -> dict[str, object]:
    return dict(flatten(yaml.safe_load(path.read_text(encoding="utf-8")) or {}))


def placeholders(value: object) -> set[str]:
    return set(PLACEHOLDER.findall(value)) if isinstance(value, str) else set()


def test_the_kit_ships_at_least_one_translation() -> None:
    assert TRANSLATIONS, "kit/strings/ holds only en.yml"


@pytest.mark.parametrize("translation", TRANSLATIONS, ids=lambda path: path.name)
def test_every_english_key_is_translated(translation: Path) -> None:
    english, translated = strings(ENGLISH), strings(translation)
    missing = [key for key in english if key not in translated]
    assert not missing, f"{translation.name} lacks {len(missing)} key(s) of en.yml (patients would read English): {missing}"
    unknown = [key for key in translated if key not in english]
    assert not unknown, f"{translation.name} has keys en.yml does not (misspelt or left behind): {unknown}"


@pytest.mark.parametrize("translation", TRANSLATIONS, ids=lambda path: path.name)
def test_every_translation_fills_in_the_same_placeholders(translation: Path) -> None:
    english, translated = strings(ENGLISH), strings(translation)
    wrong = {
        key: (sorted(placeholders(value)), sorted(placeholders(translated[key])))
        for key, value in english.items()
        if key in translated and placeholders(value) != placeholders(translated[key])
    }
    assert not wrong, f"{translation.name}: placeholders differ from en.yml (key: (English, translation)): {wrong}"


@pytest.mark.parametrize("translation", TRANSLATIONS, ids=lambda path: path.name)
def test_every_translated_value_has_the_shape_of_the_english_one(translation: Path) -> None:
    english, translated = strings(ENGLISH), strings(translation)
    for key, value in english.items():
        if key not in translated:
            continue
        other = translated[key]
        assert type(other) is type(value), f"{translation.name} `{key}` is a {type(other).__name__}, en.yml's a {type(value).__name__}"
        if isinstance(value, list):
            assert len(other) == len(value), f"{translation.name} `{key}` has {len(other)} items, en.yml's {len(value)}"
        if isinstance(value, str) and value.strip():
            assert str(other).strip(), f"{translation.name} `{key}` is empty"


def test_a_missing_key_is_found(tmp_path: Path) -> None:
    """The comparison itself: a translation without one English key is reported by name."""
    english = strings(ENGLISH)
    key = next(iter(english))
    section, _, leaf = key.rpartition(".")
    data = yaml.safe_load(ENGLISH.read_text(encoding="utf-8"))
    node = data
    for part in section.split(".") if section else ():
        node = node[part]
    del node[leaf]
    partial = tmp_path / "xx.yml"
    partial.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert [name for name in english if name not in strings(partial)] == [key]
