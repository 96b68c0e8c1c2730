"""What the kit adds inside each page, as a Python-Markdown extension that MkDocs and Zensical both run.

Zensical (Material for MkDocs' successor) reads mkdocs.yml but runs no `hooks:`
and skips plugins it has not reimplemented; both builders do convert every page
with Python-Markdown and the extensions under `markdown_extensions:`. So what a
patient reads inside a page is added here, not in a hook:

- checklist boxes named by their item's words (kit/web/accessibility.py);
- sections an editor marked `web-only` or `print-only` wrapped whole (kit/pages/sections.py);
- the first use of each glossary term explained on hover and focus (kit/web/glossary.py);
- the clinic's contact block, the review line and the disclaimer at the end
  (kit/pages/pagefoot.py).

It runs last, on the finished HTML (after raw HTML is put back), so the page
comes out exactly as the hook used to make it, and print-site, which collects
each page's HTML, puts the same into the brochure. Python-Markdown also runs
postprocessors on each heading's text (for the table of contents and the
heading ids), so the additions are made only once the whole page is
serialized: a treeprocessor that runs after every other one says so.

Both builders strip the front matter before Python-Markdown sees the text, so a
Markdown extension cannot read `reviewed:` or `contact:` from its input.
Both do say which page they convert: MkDocs through its link-rewriting
treeprocessor (`relpath`, which holds the page's file and the config),
Zensical through its rendering-context preprocessor (`rendering_context`,
which holds the page and the config). `current_page` reads those two and
nothing else of either builder; without a builder (plain Python-Markdown) the
text is left alone. Under MkDocs the page model and the clinic's data come
from the build object the hooks made (each page file is read once per build);
Zensical runs no hooks (nor does MkDocs without `hooks.py` in mkdocs.yml), so
there the extension reads clinic.yml, terminology.yml (beside mkdocs.yml, as
the build does) and the page file itself, with the same functions.

mkdocs.yml lists it like any other extension: `- kit.web.markdown_ext`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from html import unescape
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor
from markdown.treeprocessors import Treeprocessor

from kit.data.clinic import Clinic, load_clinic
from kit.data.patient_text import DEFAULT_LANGUAGE
from kit.data.urls import page_url, relative_url
from kit.pages.pagefoot import VersionLine, page_foot
from kit.pages.review import today
from kit.pages.sections import wrap_marked_sections
from kit.pages.sourcepage import SourcePage, read_page
from kit.web.accessibility import label_task_list_checkboxes
from kit.web.glossary import add_tooltips
from kit.web.structured_data import medical_web_page, script_json
from kit.wording.terminology import GLOSSARY_FILE, Term, load_terminology

if TYPE_CHECKING:
    from kit.project import Project  # the checks' project; imported for types only, to keep this extension light

# Python-Markdown puts raw HTML back at priority 30 and entities at 20: run after both.
PRIORITY = 5
# After every treeprocessor (MkDocs' last is at 0): the tree is final, serializing comes next.
AFTER_ALL_TREEPROCESSORS = -1000


@dataclass(frozen=True)
class PageInBuild:
    """The page a builder is converting, and the clinic's data, as far as the additions need them."""

    url: str  # "aftercare/", as templates see page.url
    meta: MutableMapping[str, Any]  # front matter, as the builder parsed it; templates see it as page.meta
    source: SourcePage | None  # the page model; None for a page the build generated (the glossary)
    clinic: Clinic
    glossary: tuple[Term, ...]  # terms with a definition: the glossary page lists them
    use_directory_urls: bool
    language: str  # theme.language: which kit/strings/<language>.yml the words come from
    today: date  # past a page's next_review, its review line says the review is overdue
    # Without the kit's hooks nothing else gives the page head its JSON-LD: set here, in page.meta.
    structured_data_for: tuple[str, str] | None = None  # (canonical URL, title)
    version: VersionLine | None = None  # the health page's version line (kit/release); None without the hooks


class ClinicKitExtension(Extension):
    """Registers the kit's additions to each page (no options: the data files sit beside mkdocs.yml)."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        additions = PageAdditions(md)
        md.treeprocessors.register(WholePageNext(additions), "clinic_kit_whole_page", AFTER_ALL_TREEPROCESSORS)
        md.postprocessors.register(additions, "clinic_kit", PRIORITY)


class PageAdditions(Postprocessor):
    """The finished HTML of one page, with what the kit adds to it."""

    whole_page = False  # set by WholePageNext: the next run is on the whole page, not a heading

    def run(self, text: str) -> str:
        if not self.whole_page:
            return text
        self.whole_page = False
        page = current_page(self.md)
        if page is None:
            return text
        if page.structured_data_for is not None:
            page.meta["structured_data"] = structured_data(page, *page.structured_data_for)
        return finish_page(text, page)


class WholePageNext(Treeprocessor):
    """Runs after every other treeprocessor: what the postprocessors get next is the whole page."""

    def __init__(self, additions: PageAdditions) -> None:
        super().__init__(additions.md)
        self.additions = additions

    def run(self, root: Any) -> None:
        self.additions.whole_page = True


def finish_page(html: str, page: PageInBuild) -> str:
    """Name checklist boxes, explain the page's terms, close it with contact, review and disclaimer."""
    html = wrap_marked_sections(label_task_list_checkboxes(html.strip()))
    if page.source is not None and page.source.is_health_page and page.glossary:
        glossary_url = relative_url(page_url(GLOSSARY_FILE, page.use_directory_urls), page.url)
        html = add_tooltips(html, page.glossary, glossary_url)
    review = page.source.review if page.source is not None else None
    health_page = page.meta.get("health_page") is not False  # prices, opening times: no review line, no disclaimer
    overdue = review is not None and review.next_review < page.today
    contact = page.meta.get("contact") is True
    return (
        html
        + "\n"
        + page_foot(
            page.clinic,
            review,
            contact,
            page.language,
            health_page=health_page,
            overdue=overdue,
            translation=page.source.translation if page.source is not None else None,
            sources=page.source.sources if page.source is not None else None,
            version=page.version,
            page_title=page_title(html, page.meta),
        )
    )


_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.S)


def page_title(html: str, meta: Mapping[str, Any]) -> str:
    """The page's title as patients see it: `title:` in its front matter, else its first heading."""
    if title := str(meta.get("title") or "").strip():
        return title
    heading = _H1.search(html)
    return " ".join(unescape(re.sub(r"<[^>]+>", "", heading.group(1))).split()) if heading else ""


def structured_data(page: PageInBuild, url: str, title: str) -> str:
    """The page's schema.org MedicalWebPage, as the hooks give it under MkDocs (kit/web/structured_data.py)."""
    review = page.source.review if page.source is not None else None
    description = str(page.meta.get("description") or "")
    health_page = page.meta.get("health_page") is not False
    data = medical_web_page(
        url=url,
        title=title,
        description=description,
        review=review,
        clinic=page.clinic,
        language=page.language,
        health_page=health_page,
        sources=page.source.sources if page.source is not None else (),
    )
    return script_json(data)


def current_page(md: Markdown) -> PageInBuild | None:
    """The page this Markdown instance converts, from whichever builder runs it."""
    if "relpath" in md.treeprocessors:  # MkDocs: its link rewriter holds the page's file and the config
        relpath = md.treeprocessors["relpath"]
        return _page_in_mkdocs(relpath.file, relpath.config)  # type: ignore[attr-defined]
    if "rendering_context" in md.preprocessors:  # Zensical: its rendering context holds the page and the config
        context = md.preprocessors["rendering_context"]
        return _page_in_zensical(context.page, context.config)  # type: ignore[attr-defined]
    return None


#: Where hooks.py's build object lives on MkDocs' config (kit/web/site_build.py puts it there).
BUILD_ATTRIBUTE = "clinic_kit_build"


class KitBuild(Protocol):
    """What this extension reads of the build object, named here so the build can import this module and not the reverse."""

    @property
    def pages(self) -> Mapping[str, SourcePage]: ...

    @property
    def project(self) -> Project: ...

    def version_line(self, src_uri: str, url: str) -> VersionLine | None: ...


def _page_in_mkdocs(file: Any, config: Any) -> PageInBuild | None:
    """In MkDocs the build object (kit/web/site_build.py) has read the page and the data files already."""
    if file.page is None:
        return None
    build: KitBuild | None = getattr(config, BUILD_ATTRIBUTE, None)
    if build is None:  # mkdocs.yml without the kit's hooks: like a builder that runs none
        read = _page_read_here(file.url, file.page.meta, file.src_uri, Path(config.docs_dir), Path(config.config_file_path).parent, config)
        return replace(read, structured_data_for=(file.page.canonical_url or "", file.page.title or ""))
    return PageInBuild(
        url=file.url,
        meta=file.page.meta,
        source=build.pages.get(file.src_uri),
        clinic=build.project.clinic,
        glossary=build.project.terminology.glossary,
        use_directory_urls=config.use_directory_urls,
        language=build.project.settings.language,
        today=build.project.settings.today,
        version=build.version_line(file.src_uri, file.url),
    )


def _page_in_zensical(page: Any, config: Mapping[str, Any]) -> PageInBuild:
    """Zensical runs no hooks: the extension reads what it needs itself."""
    read = _page_read_here(page.url, page.meta, page.path, Path(config["docs_dir"]), Path(config["root_dir"]), config)
    site_url = str(config.get("site_url") or "")
    canonical = site_url.rstrip("/") + "/" + page.url if site_url else ""
    return replace(read, structured_data_for=(canonical, page.title or ""))


def _page_read_here(
    url: str, meta: MutableMapping[str, Any], src_uri: str, docs: Path, root: Path, config: Mapping[str, Any]
) -> PageInBuild:
    """Without the kit's hooks: read clinic.yml and terminology.yml (once per change) and the page file here."""
    clinic = _clinic(root / "clinic.yml", _stamp(root / "clinic.yml")).with_website(str(config.get("site_url") or ""))
    path = docs / src_uri
    return PageInBuild(
        url=url,
        meta=meta,
        source=read_page(path, src_uri, clinic) if path.is_file() else None,
        clinic=clinic,
        glossary=_glossary(root / "terminology.yml", _stamp(root / "terminology.yml")),
        use_directory_urls=bool(config.get("use_directory_urls", True)),
        language=(config.get("theme") or {}).get("language") or DEFAULT_LANGUAGE,
        today=today(),
    )


def _stamp(path: Path) -> int:
    """Read a data file again only when it changed (each page makes a new extension; `serve` rebuilds)."""
    return path.stat().st_mtime_ns if path.exists() else 0


@cache
def _clinic(path: Path, stamp: int) -> Clinic:
    return load_clinic(path)


@cache
def _glossary(path: Path, stamp: int) -> tuple[Term, ...]:
    return load_terminology(path).glossary


_ADDED = re.compile(
    r'<span class="glossary-tip"[^>]*>.*?</span>'
    r'|<section class="(?:clinic-contact|page-sources[^"]*)".*?</section>'
    r'|<div class="page-trust".*?</div>'
    r'|<p class="(?:page-review|page-review-overdue|page-translation|page-version|clinic-disclaimer)".*?</p>',
    re.S,
)


def without_additions(html: str) -> str:
    """The page's HTML without the words the kit added (definitions, contact, review line, disclaimer)."""
    return _ADDED.sub("", html)


def makeExtension(**kwargs: Any) -> ClinicKitExtension:  # noqa: N802 (Python-Markdown's name)
    return ClinicKitExtension(**kwargs)
