"""The one place the kit reaches inside mkdocs-print-site-plugin and pydyf.

Neither package offers what the brochure needs as public API: the print page's
combined HTML and navigation live on the plugin's instance, its id prefixing
misses ids the kit adds, and pydyf rebuilds a list on every call WeasyPrint's
tagging makes. Each of those is an assumption about another package's
internals, so they are kept here, together, and checked against the versions
they were written for: a different version stops the build with a message that
says what to do, rather than printing a brochure that is quietly wrong.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from kit.report.findings import StopBuild
from kit.report.messages import display_path

#: The versions this module was written and tested for (requirements.txt pins them).
WRITTEN_FOR = {"mkdocs-print-site-plugin": "2.9", "pydyf": "0.13.0"}

_SECTION = re.compile(r'<section class="print-page[^"]*" id="([^"]+)"')
_ID = re.compile(r'(\sid=")([^"]+)(")')
_REFERENCE = re.compile(r'(\s(?:aria-describedby|aria-labelledby|for)=")([^"]+)(")')
_ANCHOR = re.compile(r'(\shref="#)([^"]+)(")')


def check_versions(installed: Callable[[str], str] = metadata.version) -> None:
    """Stop the build when print-site or pydyf is not the version this adapter knows."""
    found = {}
    for package in WRITTEN_FOR:
        try:
            found[package] = installed(package)
        except metadata.PackageNotFoundError:
            found[package] = "not installed"
    wrong = {package: version for package, version in found.items() if version != WRITTEN_FOR[package]}
    if wrong:
        have = ", ".join(f"{package} {version}" for package, version in wrong.items())
        want = ", ".join(f"{package} {WRITTEN_FOR[package]}" for package in wrong)
        raise StopBuild(
            f"The brochure was written for {want}, but this environment has {have}. "
            "Install the pinned packages (`make build` reinstalls requirements.txt); to move to the new version, "
            f"check the internals listed in {display_path(__file__)} against it and update WRITTEN_FOR there."
        )


@dataclass(frozen=True)
class PrintPage:
    """What print-site assembled: the combined HTML, the nav it followed, where it is written, its title."""

    content: str
    nav_items: list
    path: Path
    title: str


def print_page(config: MkDocsConfig) -> PrintPage:
    """The print page print-site made in its on_post_build (ours runs after it)."""
    from mkdocs_print_site_plugin.plugin import PrintSitePlugin

    plugin: Any = config.plugins["print-site"]
    if not isinstance(plugin, PrintSitePlugin):  # read_settings has checked the plugin is listed
        raise StopBuild("The `print-site` plugin in mkdocs.yml is not mkdocs-print-site-plugin. Install the pinned requirements.txt.")
    return PrintPage(
        content=plugin.print_page.content,
        nav_items=plugin.renderer.items,
        path=Path(plugin.print_page.file.abs_dest_path),
        title=plugin.config["print_page_title"],
    )


def page_key(url: str) -> str:
    """The id print-site gives a page's section (`how-it-works/` -> `how-it-works`)."""
    from mkdocs_print_site_plugin.urls import get_page_key

    return get_page_key(url)


def make_ids_unique(config: MkDocsConfig) -> None:
    """Have print-site's combined page prefix every id, not only headings' and list items'.

    print-site 2.9 prefixes the ids of h1-h6, sup and li with their page's key
    (and rewrites links to them), but leaves the others alone: the glossary
    tooltips' ids repeat once per page, and the glossary's entries keep bare ids
    that its rewritten `#glossary-<term>` links never reach. Wrapping its
    `write_combined` fixes both the print page on the site and the PDFs' input.
    """
    plugin: Any = config.plugins["print-site"]
    renderer = plugin.renderer
    write_combined = renderer.write_combined

    def write_combined_with_unique_ids() -> tuple[str, Any]:
        html, toc = write_combined()
        return one_landmark_per_name(prefix_ids_per_page(html)), toc

    renderer.write_combined = write_combined_with_unique_ids


def prefix_ids_per_page(html: str) -> str:
    """In each page's section, give every id its page's prefix, and the references to it too."""
    starts = [(match.start(), match.group(1)) for match in _SECTION.finditer(html)]
    if not starts:
        return html
    pieces = [html[: starts[0][0]]]
    for index, (start, key) in enumerate(starts):
        stop = starts[index + 1][0] if index + 1 < len(starts) else len(html)
        pieces.append(_prefix_section(html[start:stop], key))
    return "".join(pieces)


def _prefix_section(section: str, key: str) -> str:
    renamed: dict[str, str] = {}

    def rename(match: re.Match[str]) -> str:
        value = match.group(2)
        if value == key or value.startswith(f"{key}-"):
            return match.group(0)
        renamed[value] = f"{key}-{value}"
        return f"{match.group(1)}{renamed[value]}{match.group(3)}"

    section = _ID.sub(rename, section)
    # print-site has already prefixed headings' ids (`clinic-contact-title` became
    # `aftercare-clinic-contact-title`) but not the aria references to them.
    prefixed_by_print_site = {value.removeprefix(f"{key}-"): value for _, value, _ in _ID.findall(section) if value.startswith(f"{key}-")}
    renamed = prefixed_by_print_site | renamed

    def refer(match: re.Match[str]) -> str:
        values = " ".join(renamed.get(value, value) for value in match.group(2).split())
        return f"{match.group(1)}{values}{match.group(3)}"

    section = _REFERENCE.sub(refer, section)
    return _ANCHOR.sub(refer, section)


_LABELLED_SECTION = re.compile(r'(<section\b[^>]*?)\saria-labelledby="([^"]+)"([^>]*>)')


def one_landmark_per_name(html: str) -> str:
    """Keep the first of the combined page's sections named alike as a landmark; the others become plain sections.

    On its own page the contact block is a region named by its heading ("Contact
    <clinic>"), so a screen reader can jump to it. The print page joins every
    page, and two regions with one name leave the reader unable to tell them
    apart (axe `landmark-unique`): the later ones keep their heading but lose
    the landmark.
    """
    seen: set[str] = set()

    def name_of(reference: str) -> str:
        heading = re.search(rf'<h[1-6][^>]*\sid="{re.escape(reference)}"[^>]*>(.*?)</h[1-6]>', html, re.S)
        return " ".join(re.sub(r"<[^>]+>", " ", heading.group(1)).split()) if heading else reference

    def keep_first(match: re.Match[str]) -> str:
        name = name_of(match.group(2))
        if name in seen:
            return match.group(1) + match.group(3)
        seen.add(name)
        return match.group(0)

    return _LABELLED_SECTION.sub(keep_first, html)


@contextmanager
def page_references_cached() -> Iterator[None]:
    """pydyf 0.13 rebuilds the list of every page's reference each time WeasyPrint's
    tagging asks for one page's (once per tagged element), so tagged PDFs grew with
    the square of their length: 1000 site pages took 159 ms of CPU per page against
    92 ms at 50. The cache gives the same tuple, rebuilt whenever a page is added.
    Scoped to our own writes and removed afterwards.
    """
    import pydyf

    original = pydyf.PDF.page_references

    def page_references(pdf: pydyf.PDF) -> tuple[bytes, ...]:
        kids = pdf.pages["Kids"]
        cached = pdf.__dict__.get("_kit_page_references")
        if cached is None or cached[0] != len(kids):
            cached = (len(kids), original.fget(pdf))
            pdf.__dict__["_kit_page_references"] = cached
        return cached[1]

    setattr(pydyf.PDF, "page_references", property(page_references))  # noqa: B010 (mypy: assigning to a property)
    try:
        yield
    finally:
        setattr(pydyf.PDF, "page_references", original)  # noqa: B010
