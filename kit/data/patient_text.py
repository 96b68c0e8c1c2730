"""The words the kit shows patients, from one file per language, and the HTML it makes with them.

Strings live in kit/strings/<language>.yml, chosen by `theme: language:` in
mkdocs.yml, so a translation is one new file. HTML lives in Jinja templates in
kit/templates/, rendered with autoescaping on, so a clinic's name or a
definition with `<` or `&` in it can never break the page or inject markup.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from kit.data.yamlfile import SettingsLocator, load_yaml
from kit.report.findings import Finding

STRINGS = Path(__file__).parent.parent / "strings"
TEMPLATES = Path(__file__).parent.parent / "templates"
DEFAULT_LANGUAGE = "en"


def strings_file(language: str) -> Path:
    """kit/strings/<language>.yml: only the language's main part counts (`en-GB` reads en.yml)."""
    return STRINGS / f"{language.split('-')[0].split('_')[0].lower()}.yml"


@cache
def strings(language: str = DEFAULT_LANGUAGE) -> dict[str, Any]:
    """The strings of a language, each one English where the translation lacks it (`untranslated` tells the editor).

    A clinic translates by copying en.yml: a half-done copy must still build, in two languages, never stop with a traceback.
    """
    english = _read_strings(STRINGS / f"{DEFAULT_LANGUAGE}.yml")
    file = strings_file(language)
    if not file.exists() or file.name == f"{DEFAULT_LANGUAGE}.yml":
        return english
    return _over(english, _read_strings(file))[0]


def _read_strings(file: Path) -> dict[str, Any]:
    document = load_yaml(file)
    if not isinstance(document.data, dict):
        raise document.error((), "A strings file must be `key: value` lines", f"Compare it with kit/strings/{DEFAULT_LANGUAGE}.yml")
    return document.data


def _over(english: Any, translated: Any, key: str = "") -> tuple[Any, list[str]]:
    """The translation laid over English, and the keys (`demo.notice`) where English shows through."""
    if isinstance(english, dict):
        translated = translated if isinstance(translated, dict) else {}
        merged, missing = {}, []
        for name, value in english.items():
            merged[name], lacking = _over(value, translated.get(name), f"{key}.{name}" if key else str(name))
            missing += lacking
        return merged, missing
    same_shape = (
        isinstance(translated, str) if isinstance(english, str) else isinstance(translated, list) and len(translated) == len(english)
    )
    return (translated, []) if same_shape else (english, [key])


def human_date(day: date, language: str = DEFAULT_LANGUAGE) -> str:
    """`24 November 2026` (`24 de noviembre de 2026`), with the month named in the page's language."""
    text = strings(language)
    return text["translation"]["date_format"].format(day=day.day, month=text["months"][day.month - 1], year=day.year)


@cache
def _environment() -> Environment:
    environment = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=StrictUndefined,  # a misspelt name in a template fails loudly, never renders empty
    )
    environment.filters["human_date"] = human_date
    environment.filters["markdown_literal"] = markdown_literal
    return environment


def render(template: str, language: str = DEFAULT_LANGUAGE, **values: Any) -> str:
    """A template of kit/templates/ with the language's strings as `text`."""
    return _environment().get_template(template).render(text=strings(language), language=language, **values).strip("\n")


def untranslated(language: str, config_file: Path) -> list[Finding]:
    """A site in a language the kit has no strings for would mix English into its pages, marked as that language."""
    file = strings_file(language)
    if file.name == f"{DEFAULT_LANGUAGE}.yml":
        return []
    if not file.exists():
        line, column = SettingsLocator(config_file).where(("theme", "language"))
        return [
            Finding.at(
                "warning",
                "language.untranslated",
                config_file,
                line,
                column,
                f"`language: {language}` has no translation of the words the kit adds to pages (review line, disclaimer, "
                "contact labels, buttons), so patients would read them in English on pages marked as another language",
                f"Copy kit/strings/{DEFAULT_LANGUAGE}.yml to kit/strings/{file.name} and translate its values, or set `language: en`",
            )
        ]
    missing = _over(_read_strings(STRINGS / f"{DEFAULT_LANGUAGE}.yml"), _read_strings(file))[1]
    if not missing:
        return []
    shown = ", ".join(missing[:6]) + (f" and {len(missing) - 6} more" if len(missing) > 6 else "")
    return [
        Finding.at(
            "warning",
            "language.untranslated",
            file,
            1,
            1,
            f"{len(missing)} of the kit's words are not translated here, so patients would read them in English: {shown}",
            f"Copy each from kit/strings/{DEFAULT_LANGUAGE}.yml, with the same keys and indentation, and translate it",
        )
    ]


#: What Python-Markdown lets a backslash escape: in a generated Markdown page, these in a value from a data
#: file would otherwise be markup (a clinic name `[x](javascript:...)` would become a link).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()>#+\-.!])")


def markdown_literal(value: object) -> str:
    """A data file's value for a generated Markdown page (the About page): shown as written, never read as Markdown."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(value))
