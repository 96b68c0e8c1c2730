"""The site's languages: which one this build makes, and where each page is in the others.

mkdocs-static-i18n (`- i18n` under `plugins:` in mkdocs.yml) turns one MkDocs build
into one build per language, run one after the other on the same config object:
the default language into site/, each other language into site/<code>/. A page's
translation sits beside it with the language before `.md` (aftercare.md,
aftercare.es.md), so editors see which pages are translated in one folder listing.

This module is the kit's only knowledge of that plugin. It reads the plugin's
languages and the language being built, and does what the plugin leaves to the
site:

- the navigation of a language lists only its translated pages (the plugin would
  show the English page, or a missing page, instead);
- each page's language switcher leads to the same page in the other language, or
  says that the page is not translated yet and leads to that language's home page;
- what the kit and print-site change on the shared config in one language's build
  is put back before the next language's build.

A site without the plugin is a one-language site: every function here then leaves
the build as it was. A new language is data: its `- locale:` entry under the plugin,
its kit/strings/<code>.yml, its pages (`<page>.<code>.md`) and its words; no code.
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig

from kit.data.patient_text import strings
from kit.data.urls import page_url
from kit.data.yamlfile import SettingsLocator

#: The name mkdocs-static-i18n is listed under in mkdocs.yml's `plugins:`.
PLUGIN = "i18n"
#: A language code as mkdocs-static-i18n reads it in a file name (its RE_LOCALE).
LANGUAGE_CODE = re.compile(r"^[a-z]{2}(-[A-Za-z]{4})?(-[A-Z]{2})?$|^[a-z]{2}_[A-Z]{2}$")
#: print-site's `print_page_title` as mkdocs.yml sets it (the first language's brochure title).
_PRINT_TITLE = "clinic_kit_print_title"
#: The default language's 404 page, kept on the config while the other languages build.
_NOT_FOUND = "clinic_kit_not_found_page"
#: What the kit changes on MkDocs' config in each build, put back before the next language's build.
_ORIGINAL = "clinic_kit_original_config"


@dataclass(frozen=True)
class Language:
    """One language of the site, as mkdocs.yml names it under the i18n plugin."""

    code: str  # "es"
    name: str  # "Español": how the switcher names it
    default: bool  # the language pages are written in first (translations are made from it)


@dataclass(frozen=True)
class SiteLanguages:
    """The languages the site is built in, and the one this build makes."""

    current: str
    languages: tuple[Language, ...]

    @property
    def default(self) -> str:
        return next((language.code for language in self.languages if language.default), self.current)

    @property
    def is_default(self) -> bool:
        return self.current == self.default

    @property
    def folder(self) -> str:
        """Where this language's pages are published, under the site: "" for the default language, "es/" for Spanish."""
        return "" if self.is_default else f"{self.current}/"

    @property
    def translations(self) -> tuple[Language, ...]:
        """The languages pages are translated into."""
        return tuple(language for language in self.languages if not language.default)

    def language(self, code: str) -> Language:
        return next(language for language in self.languages if language.code == code)

    @classmethod
    def of(cls, config: MkDocsConfig) -> SiteLanguages:
        """The languages mkdocs-static-i18n builds; a site without it is built in `theme.language` alone."""
        plugin: Any = config.plugins.get(PLUGIN)
        own = str(config.theme.get("language") or "en")
        if plugin is None or not hasattr(plugin, "build_languages"):
            return cls(own, (Language(own, own, True),))
        languages = tuple(
            Language(str(entry.locale), str(entry.name), bool(entry.default)) for entry in plugin.config.languages if entry.build
        )
        return cls(str(plugin.current_language or plugin.default_language), languages)


def source_name(src_uri: str) -> str:
    """The default-language page a file translates: aftercare.es.md -> aftercare.md (aftercare.md stays).

    The language code is what mkdocs-static-i18n accepts before `.md`: `es`, `pt-BR`, `zh_TW`.
    """
    stem, dot, code = src_uri.removesuffix(".md").rpartition(".")
    return stem + ".md" if dot and LANGUAGE_CODE.match(code) else src_uri


def translation_name(name: str, code: str) -> str:
    """The file that holds a page's translation into `code`: aftercare.md -> aftercare.es.md."""
    return name.removesuffix(".md") + f".{code}.md"


def is_translated(name: str, code: str, docs_dir: Path, generated: frozenset[str]) -> bool:
    """Whether the page exists in this language: its translation file, or a page the kit makes in every language (glossary)."""
    return name in generated or (docs_dir / translation_name(name, code)).is_file()


def translated_nav(nav: Any, code: str, docs_dir: Path, generated: frozenset[str]) -> Any:
    """The navigation without the pages that have no translation into `code` (and sections left empty)."""
    if isinstance(nav, str):
        return nav if nav.startswith(("http://", "https://")) or is_translated(nav, code, docs_dir, generated) else None
    if isinstance(nav, dict):
        kept = {title: translated_nav(item, code, docs_dir, generated) for title, item in nav.items()}
        kept = {title: item for title, item in kept.items() if item not in (None, [])}
        return kept or None
    if isinstance(nav, list):
        return [item for item in (translated_nav(entry, code, docs_dir, generated) for entry in nav) if item not in (None, {})]
    return nav


@dataclass(frozen=True)
class Alternate:
    """One entry of the language switcher (Material's `extra.alternate`): also the page head's hreflang link."""

    name: str
    link: str
    lang: str

    def as_dict(self) -> dict[str, str]:
        return {"name": self.name, "link": self.link, "lang": self.lang}


def alternates(
    name: str,
    site: SiteLanguages,
    config: MkDocsConfig,
    generated: frozenset[str],
    not_translated: dict[str, str],
) -> list[Alternate]:
    """The switcher of the page `name` (its default-language file): the same page in each language.

    A page with no translation in a language leads to that language's home page, and its
    entry says so in that language (`not_translated`, from each strings file), instead of a 404.
    """
    base = urlsplit(config.site_url or "").path.rstrip("/") + "/"
    docs_dir = Path(config.docs_dir)
    entries = []
    for language in site.languages:
        folder = "" if language.default else f"{language.code}/"
        if language.default or is_translated(name, language.code, docs_dir, generated):
            entries.append(Alternate(language.name, base + folder + page_url(name, config.use_directory_urls), language.code))
        else:
            words = not_translated.get(language.code, "{language}").replace("{language}", language.name)
            entries.append(Alternate(words, base + folder, language.code))
    return entries


def restore_between_builds(config: MkDocsConfig, keys: tuple[str, ...]) -> None:
    """Give this language's build the config as mkdocs.yml wrote it, for what an earlier build changed.

    `keys` are extra's keys the kit rewrites (`brochure`: its settings become template values);
    the navigation is filtered per language; print-site adds its stylesheet to `extra_css` in
    every build it runs.
    """
    original = getattr(config, _ORIGINAL, None)
    if original is None:
        original = {
            "extra": {key: copy.deepcopy(config.extra[key]) for key in keys if key in config.extra},
            "nav": copy.deepcopy(config.nav),
        }
        setattr(config, _ORIGINAL, original)
        return
    for key, value in original["extra"].items():
        config.extra[key] = copy.deepcopy(value)
    config.nav = copy.deepcopy(original["nav"])
    config.extra_css = list(dict.fromkeys(config.extra_css))


def configure_language(config: MkDocsConfig, site: SiteLanguages, generated: frozenset[str]) -> None:
    """Before a language's pages are read: its own navigation, and its print page in its folder (es/print_page/)."""
    print_site: Any = config.plugins.get("print-site")
    if print_site is not None and hasattr(print_site, "print_page"):
        # The print page's (and so the PDFs') title: mkdocs.yml's for the first language, the strings' for the others.
        original = getattr(config, _PRINT_TITLE, None) or print_site.config["print_page_title"]
        setattr(config, _PRINT_TITLE, original)
        title = original if site.is_default else strings(site.current)["translation"]["brochure_title"].format(site=config.site_name)
        print_site.config["print_page_title"] = print_site.print_page.title = title
    if site.is_default:
        return
    if config.nav is not None:
        config.nav = translated_nav(config.nav, site.current, Path(config.docs_dir), generated)
    print_file = getattr(print_site, "print_file", None)
    if print_file is not None and not print_file.dest_uri.startswith(site.folder):
        print_file.dest_uri = site.folder + print_file.dest_uri
        print_file.url = site.folder + print_file.url
        print_file.abs_dest_path = str(Path(config.site_dir) / print_file.dest_uri)
        print_site.print_page._set_canonical_url(config.site_url)


def not_found_page(config: MkDocsConfig, site: SiteLanguages, html: str) -> str:
    """The site's 404.html stays the default language's; another language's goes in its folder (es/404.html).

    GitHub Pages answers every missing address with the site's one 404.html, which every
    language's build writes; print-site needs each build to render it (it borrows its context).
    """
    if site.is_default:
        setattr(config, _NOT_FOUND, html)
        return html
    target = Path(config.site_dir) / site.folder / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(html, encoding="utf-8")
    return str(getattr(config, _NOT_FOUND, html))


#: Where the search plugin writes its index, under the site and under each language's folder.
SEARCH_INDEX = Path("search") / "search_index.json"
#: The page's settings for Material's script, whose `base` is the site's root relative to the page.
_CONFIG_BASE = re.compile(r'(<script id="__config" type="application/json">[^<]*?"base": ")([^"]*)(")')


def split_search_index(site_dir: Path, site: SiteLanguages) -> None:
    """One search index per language, each with its own stemmer, instead of the plugin's shared one.

    mkdocs-static-i18n leaves one index of every language's pages, with `lang: [en, es]`,
    so every page view, English ones too, downloads Spanish pages' text and three stemmer
    scripts: three requests over the phone budget. Each language's pages search their own
    index (`es/search/search_index.json`, see `search_root`), stemmed in their language.
    """
    index_file = site_dir / SEARCH_INDEX
    if len(site.languages) < 2 or not index_file.is_file():
        return
    index = json.loads(index_file.read_text(encoding="utf-8"))
    folders = {language.code: f"{language.code}/" for language in site.translations}
    for code, folder in folders.items():
        docs = [{**doc, "location": doc["location"].removeprefix(folder)} for doc in index["docs"] if doc["location"].startswith(folder)]
        _write_index(site_dir / folder / SEARCH_INDEX, {**index["config"], "lang": [code]}, docs)
    own = [doc for doc in index["docs"] if not doc["location"].startswith(tuple(folders.values()))]
    _write_index(index_file, {**index["config"], "lang": [site.default]}, own)


def _write_index(path: Path, config: dict[str, Any], docs: list[dict[str, Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"config": config, "docs": docs}, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def search_root(html: str, site: SiteLanguages) -> str:
    """A translated page searches its language's index: Material's script finds it under the page's `base`."""
    if site.is_default:
        return html
    # With its slash: Material resolves `search/search_index.json` against it, and "../es" would resolve beside es/.
    return _CONFIG_BASE.sub(lambda match: f"{match[1]}{match[2].rstrip('/')}/{site.current}/{match[3]}", html, count=1)


def refuse_language_material_lacks(language: str, config_file: Path) -> None:
    """Material stops the build with a traceback (TemplateNotFound, from its search plugin's on_config) for a
    `theme.language` it has no words for: `python -m kit check` and hooks.py (before that plugin) say where and what to write."""
    import material

    languages = Path(material.__file__).parent / "templates" / "partials" / "languages"
    if (languages / f"{language}.html").is_file() or not languages.is_dir():
        return
    known = sorted(path.stem for path in languages.glob("*.html"))
    raise SettingsLocator(config_file).error(
        ("theme", "language"),
        f"`language: {language}` is not a language Material for MkDocs has words for, so the build could make no page",
        f"Write a language code it knows ({', '.join(known[:10])} ... {len(known)} in all), for example `language: en`",
    )
