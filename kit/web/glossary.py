"""The glossary page, and the definition shown where a term is first used.

Both come from the definitions in terminology.yml, so a clinic explains a word
once. On each page the first use of a term becomes a link to its glossary entry
that shows the definition on hover and on keyboard focus; screen readers read
it as the link's description (aria-describedby on a role="tooltip" element).
"""

from __future__ import annotations

import re
from pathlib import Path

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from kit.data.patient_text import DEFAULT_LANGUAGE, render
from kit.data.yamlfile import SettingsLocator
from kit.report.findings import stop_at
from kit.wording.terminology import GLOSSARY_FILE, Term

_TAG = re.compile(r"<!--.*?-->|<[^>]*>", re.S)
_TAG_NAME = re.compile(r"</?\s*([a-zA-Z0-9]+)")
_CLASS = re.compile(r"""\bclass\s*=\s*["']([^"']*)["']""")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Where a term is left alone: titles, code, places already interactive, and the
# Key points box, which must stay short and plain.
_SKIP_TAGS = {
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "a",
    "abbr",
    "button",
    "code",
    "kbd",
    "label",
    "pre",
    "script",
    "style",
    "summary",
    "svg",
    "textarea",
    "title",
}
_SKIP_CLASSES = {"admonition-title", "abstract", "glossary-term", "headerlink"}


def slug(term: str) -> str:
    """The glossary entry's anchor: `hyaluronic acid` -> `hyaluronic-acid`."""
    return re.sub(r"[^a-z0-9]+", "-", term.lower()).strip("-")


def add_glossary_page(
    files: Files, config: MkDocsConfig, terms: tuple[Term, ...], language: str = DEFAULT_LANGUAGE, folder: str = ""
) -> None:
    """Add the generated glossary page; a hand-made one would silently lose to it.

    The clinic chooses where it shows in `nav:`. Without a nav line the page is still
    made (the terms on every page link to it) but left out of the menu, instead of
    MkDocs' warning about a docs/glossary.md the clinic cannot find.
    """
    in_nav = nav_position(config.nav, GLOSSARY_FILE)
    if not terms:
        if in_nav is not None and not files.get_file_from_path(GLOSSARY_FILE):
            raise SettingsLocator(Path(config.config_file_path)).error(
                in_nav,
                f"The navigation lists {GLOSSARY_FILE}, but terminology.yml defines no term, so the kit makes no glossary page",
                f"Remove the `{GLOSSARY_FILE}` line from `nav:`, or add a `definition:` to a term in terminology.yml",
            )
        return
    if files.get_file_from_path(GLOSSARY_FILE):
        raise stop_at(
            Path(config.docs_dir) / GLOSSARY_FILE,
            1,
            1,
            "The kit makes the glossary page from terminology.yml, so this file is in its way",
            "Move its definitions into terminology.yml and delete this file",
        )
    inclusion = InclusionLevel.NOT_IN_NAV if config.nav is not None and in_nav is None else InclusionLevel.UNDEFINED
    page = File.generated(config, GLOSSARY_FILE, content=glossary_markdown(terms, language), inclusion=inclusion)
    page.dest_uri = folder + page.dest_uri  # a translation's glossary is published in its language's folder (es/glossary/)
    files.append(page)


def nav_position(nav: object, src_uri: str, keys: tuple = ("nav",)) -> tuple | None:
    """Where `nav:` (nested sections too) lists the page, as keys into mkdocs.yml; None when it does not."""
    if nav == src_uri:
        return keys
    items = enumerate(nav) if isinstance(nav, list) else nav.items() if isinstance(nav, dict) else ()
    for key, item in items:
        if (found := nav_position(item, src_uri, (*keys, key))) is not None:
            return found
    return None


def glossary_markdown(terms: tuple[Term, ...], language: str = DEFAULT_LANGUAGE) -> str:
    """The generated glossary page, one entry per defined term (kit/templates/glossary-page.md)."""
    entries = [{"key": slug(term.term), "term": term.term, "definition": term.definition} for term in terms]
    return render("glossary-page.md", language, terms=entries) + "\n"


def add_tooltips(html: str, terms: tuple[Term, ...], glossary_url: str) -> str:
    """Mark the first use of each defined term in the page's running text."""
    patterns = {term.term: _pattern(term.term) for term in terms}
    remaining = sorted(terms, key=lambda t: -len(t.term))  # "collagen induction therapy" before "collagen"
    out: list[str] = []
    stack: list[tuple[str, bool]] = []  # (tag, skip) of every open element
    position = 0
    for match in _TAG.finditer(html):
        text = html[position : match.start()]
        skipping = any(skip for _, skip in stack)
        out.append(text if skipping or not remaining else _mark(text, remaining, patterns, glossary_url))
        tag = match.group(0)
        out.append(tag)
        _track(tag, stack)
        position = match.end()
    tail = html[position:]
    out.append(tail if not remaining or any(s for _, s in stack) else _mark(tail, remaining, patterns, glossary_url))
    return "".join(out)


def _pattern(term: str) -> re.Pattern[str]:
    words = r"\s+".join(re.escape(word) for word in term.split())
    return re.compile(rf"(?<![\w-]){words}(?![\w-])", re.IGNORECASE)


def _mark(text: str, remaining: list[Term], patterns: dict[str, re.Pattern[str]], glossary_url: str) -> str:
    """Wrap the earliest not-yet-marked term in this text, then look further along."""
    result = []
    while remaining:
        found = [(m.start(), -len(t.term), m, t) for t in remaining if (m := patterns[t.term].search(text))]
        if not found:
            break
        _, _, match, term = min(found, key=lambda item: item[:2])
        result.append(text[: match.start()])
        result.append(_tooltip(match.group(0), term, glossary_url))
        text = text[match.end() :]
        remaining.remove(term)
    result.append(text)
    return "".join(result)


def _tooltip(shown: str, term: Term, glossary_url: str) -> str:
    """`shown` is the page's own HTML text of the term, kept as it is."""
    return render("glossary-tooltip.html", shown=Markup(shown), key=slug(term.term), definition=term.definition, glossary_url=glossary_url)


def _track(tag: str, stack: list[tuple[str, bool]]) -> None:
    """Keep the stack of open elements, and whether each one is off limits."""
    if tag.startswith("<!--") or tag.startswith("<!"):
        return
    name_match = _TAG_NAME.match(tag)
    if not name_match:
        return
    name = name_match.group(1).lower()
    if tag.startswith("</"):
        for index in range(len(stack) - 1, -1, -1):
            if stack[index][0] == name:
                del stack[index:]
                break
        return
    if name in _VOID or tag.endswith("/>"):
        return
    class_match = _CLASS.search(tag)
    classes = set(class_match.group(1).split()) if class_match else set()
    stack.append((name, name in _SKIP_TAGS or bool(classes & _SKIP_CLASSES)))
