"""The brochure's and the handout's HTML, made from mkdocs-print-site-plugin's print page.

The print page's own HTML is a web page (Material's header, navigation,
search, scripts) whose table of contents is filled in by JavaScript, which
WeasyPrint does not run. So only its content is used: the cover section and
one `<section class="print-page">` per page, in nav order. This module adds
what print needs and the web page lacks: a contents list WeasyPrint numbers
itself, chapter names for running headers and bookmarks, collapsed boxes
opened, and a letterhead for the handout.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from html import escape, unescape
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from kit.brochure.adapter import page_key
from kit.brochure.tables import with_header_scopes
from kit.data.clinic import Clinic
from kit.data.patient_text import render, strings
from kit.data.safety import plain
from kit.data.yamlfile import SettingsLocator
from kit.pages.pagefoot import clinic_contact, disclaimer

SECTION_START = re.compile(r'<section class="print-page" id="([^"]+)"')
_WEB_LINK = re.compile(r'<a (?P<before>[^>]*?)href="(?P<url>https?://[^"]+)"(?P<after>[^>]*)>(?P<text>.*?)</a>', re.S)
_TAGS = re.compile(r"<[^>]+>")
# A link to a file of the site (no scheme, not an anchor on the print page): WeasyPrint would make it file:///<build dir>/...
_FILE_LINK = re.compile(r'(<a\b[^>]*?\shref=")(?![a-zA-Z][a-zA-Z0-9+.-]*:|#)([^"]+)(")')
_IDS = re.compile(r'\sid="([^"]+)"')
_INTERNAL_LINK = re.compile(r'<a\b[^>]*\shref="#([^"]*)"[^>]*>(.*?)</a>', re.S)
# WeasyPrint 70 breaks a line badly when a link starts just past its end: it backtracks
# to an earlier break and leaves one word alone on a line ("texture / and / appearance").
# With the space moved inside the link, the break falls there instead.
_SPACE_BEFORE_LINK = re.compile(r"(?<=[^\s>])\s+((?:<span class=\"glossary-term\">)?<a\b[^>]*>)")


@dataclass(frozen=True)
class Chapter:
    """One page of the site as a chapter of the brochure."""

    anchor: str
    title: str
    source: str
    html: str


@dataclass(frozen=True)
class Identity:
    """Who the document is from and in what language: its letterhead and PDF metadata."""

    title: str
    language: str
    clinic_name: str
    clinic_phone: str
    clinic_website: str
    logo_url: str
    description: str
    version_label: str = ""  # "MN-BR v3 · ": the running footer prints it before "Page x of y" (kit/release)


@dataclass(frozen=True)
class GivenBox:
    """What the "Information given" box says about its document: title, code, version (None: a draft), content fingerprint."""

    title: str
    code: str
    number: int | None
    date: dt.date | None
    fingerprint: str


def information_given(box: GivenBox, language: str) -> str:
    """The box the filed copy identifies itself with, and blank lines for the patient's name, the date, staff initials."""
    return render("information-given.html", language, given=box)


def nav_pages(items: list) -> list[Page]:
    """Every page of the navigation, depth first, as the print page orders them."""
    pages: list[Page] = []
    for item in items:
        if isinstance(item, Section):
            pages += nav_pages(item.children)
        elif isinstance(item, Page):
            pages.append(item)
    return pages


def split_print_page(content: str, nav: Navigation | list, config_file: Path, print_page_address: str = "") -> tuple[str, list[Chapter]]:
    """The cover's HTML and the chapters, from the print page's combined content (none: mkdocs.yml's `plugins:` is named).

    `print_page_address`: where the print page is published (site_url + print_page/), so a link to a file of the
    site (a consent form in docs/) becomes its web address in the PDF, printed after the link, not a file of the build.
    """
    pages = nav_pages(nav.items if isinstance(nav, Navigation) else nav)
    titles = {page_key(page.url): (plain(page.title), page.file.src_uri) for page in pages}
    starts = [(match.start(), match.group(1)) for match in SECTION_START.finditer(content)]
    if not starts:
        raise SettingsLocator(config_file).error(
            ("plugins",),
            "The print page has no pages in it, so the brochure would be empty",
            "Check that mkdocs.yml lists pages under `nav:` and that `print-site` is the last plugin",
        )
    end = content.rfind("</div>")
    cover = content[: starts[0][0]]
    chapters = []
    for index, (start, anchor) in enumerate(starts):
        stop = starts[index + 1][0] if index + 1 < len(starts) else end
        title, source = titles.get(anchor, (anchor, anchor))
        chapters.append(Chapter(anchor, title, source, _printable(content[start:stop], title, print_page_address)))
    return cover, chapters


def brochure_html(
    cover: str,
    chapters: list[Chapter],
    identity: Identity,
    back_cover: str = "",
    given: str = "",
    *,
    statements: str = "",
    large_print: bool = False,
) -> str:
    """Cover, contents and every chapter, as one HTML document for WeasyPrint.

    The booklet adds a back cover with the clinic's contact details and its
    "Information given" box: the outside of the folded booklet a patient keeps.
    The flat brochure has no back cover: `given` puts its box on the contents page.
    `statements` (who publishes it, other formats on request) close the contents
    page; the large-print brochure is the same document under brochure/large-print.css.
    """
    kind = "brochure booklet" if back_cover else "brochure"
    chapters_html = "".join(chapter.html for chapter in chapters)
    body = cover + contents_and_disclaimer(chapters, identity.language, given, statements) + chapters_html + back_cover
    return _document(identity, kind + (" large-print" if large_print else ""), body)


def contents_and_disclaimer(chapters: list[Chapter], language: str, given: str = "", statements: str = "") -> str:
    """The contents page closes with the disclaimer, who publishes it and other formats, said once for the whole brochure
    (and the brochure's box)."""
    return f'<div class="contents-page">{contents(chapters, language)}{disclaimer(language)}{statements}{given}</div>'


def print_statements(clinic: Clinic, language: str, formats_only: bool = False) -> str:
    """Who publishes the brochure, that they provide the treatment, and other formats on request (kit/templates/print-trust.html).

    `formats_only`: the booklet's back cover, which has room for one line beside the contact details and the box.
    """
    return render("print-trust.html", language, clinic=clinic, formats_only=formats_only)


def handout_html(chapter: Chapter, identity: Identity, given: str = "", large_print: bool = False) -> str:
    """One chapter under the clinic's letterhead, ending with its "Information given" box: the sheet staff hand over after treatment."""
    letterhead = (
        '<header class="letterhead">'
        f'<span class="letterhead-logo" style="background-image: url(\'{escape(identity.logo_url)}\')"></span>'
        + clinic_contact("letterhead", _clinic_of(identity), identity.language)
        + f'<p class="topic">{escape(identity.description)}</p>'
        "</header>"
    )
    return _document(identity, "handout large-print" if large_print else "handout", letterhead + chapter.html + given)


def _clinic_of(identity: Identity) -> dict[str, str]:
    return {"name": identity.clinic_name, "phone": identity.clinic_phone, "website": identity.clinic_website}


def contents(chapters: list[Chapter], language: str) -> str:
    """The contents page: plain links whose page numbers the stylesheet fills in.

    print-site's own contents list is built by JavaScript in the browser, which
    WeasyPrint does not run.
    """
    items = "".join(
        f'<li><a href="#{escape(c.anchor)}">{escape(c.title)}</a><span class="toc-dots"></span>'
        f'<span class="toc-page" data-page-of="#{escape(c.anchor)}"></span></li>'
        for c in chapters
    )
    title = escape(strings(language)["print"]["contents"])
    return f'<nav class="toc" aria-label="{title}"><h1>{title}</h1><ol>{items}</ol></nav>'


def _printable(html: str, title: str, print_page_address: str = "") -> str:
    """A chapter as print wants it: named for headers and bookmarks, every box open, web addresses spelled out."""
    html = SECTION_START.sub(lambda m: f'{m.group(0)} data-chapter="{escape(title)}"', html, count=1)
    if print_page_address:
        html = _FILE_LINK.sub(lambda m: m.group(1) + escape(urljoin(print_page_address, unescape(m.group(2)))) + m.group(3), html)
    html = re.sub(r"<details(?![^>]*\bopen\b)", "<details open", html)
    html = _SPACE_BEFORE_LINK.sub(r"\1 ", html)
    return _WEB_LINK.sub(_with_print_address, html)


def _unlink_missing_targets(body: str) -> str:
    """A link to a part the document does not have (the handout's glossary links) becomes plain text.

    WeasyPrint would keep it as a Link tag with nowhere to go: a dead link for a
    screen reader, and a PDF/UA failure.
    """
    ids = set(_IDS.findall(body))
    return _INTERNAL_LINK.sub(lambda link: link.group(0) if link.group(1) in ids else link.group(2), body)


def unlink_missing_anchors(page_html: str) -> str:
    """The published print page as the PDFs have it: a link to an anchor the page lacks becomes its text.

    print-site turns a link to a page it does not print (the archive of released versions) into
    `#<that page>`, an anchor nowhere on the print page. A bare `#` is left alone.
    """
    ids = set(re.findall(r"""\sid=["']([^"']+)["']""", page_html))  # print-site quotes its sections' ids with '
    return _INTERNAL_LINK.sub(lambda link: link.group(0) if link.group(1) in ids or not link.group(1) else link.group(2), page_html)


def _with_print_address(link: re.Match[str]) -> str:
    """Paper cannot be clicked: a link whose text is not its address gets the address to print after it.

    "Book an appointment online" prints as "Book an appointment online
    (example-clinic.com/book)"; a link that already shows its address is left alone.
    """
    address = printed_address(link["url"])
    if printed_address(_TAGS.sub("", link["text"]).strip()) == address:
        return link.group(0)
    return f'<a {link["before"]}href="{link["url"]}" data-print-address="{escape(address)}"{link["after"]}>{link["text"]}</a>'


def printed_address(url: str) -> str:
    """An address as a patient types it: no `https://`, no `www.`, no trailing slash."""
    return re.sub(r"^(?:https?://)?(?:www\.)?", "", url).rstrip("/")


def _document(identity: Identity, kind: str, body: str) -> str:
    body = with_header_scopes(_unlink_missing_targets(body))
    # No phone in clinic.yml: the running footer's "Phone ..." (kit/brochure/print_text.py) would stand alone.
    no_phone = "" if identity.clinic_phone else "<style>@page { @bottom-left { content: none !important; } }</style>"
    return (
        f'<!DOCTYPE html><html lang="{escape(identity.language)}"><head><meta charset="utf-8">'
        f"<title>{escape(identity.title)}</title>"
        f'<meta name="author" content="{escape(identity.clinic_name)}">'
        f'<meta name="description" content="{escape(identity.description)}">{no_phone}'
        f'</head><body class="{kind}" data-version="{escape(identity.version_label)}">{body}</body></html>'
    )
