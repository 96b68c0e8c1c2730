"""What the kit adds inside each page, as a Python-Markdown extension that MkDocs and Zensical both run.

Zensical (Material for MkDocs' successor) reads mkdocs.yml but runs no `hooks:`
and skips plugins it has not reimplemented; both builders do convert every page
with Python-Markdown and the extensions under `markdown_extensions:`. So what a
patient reads inside a page is added here, not in a hook:

- checklist boxes named by their item's words (kit/accessibility.py);
- the first use of each glossary term explained on hover and focus (kit/glossary.py);
- the clinic's contact block, the review line and the disclaimer at the end
  (kit/pagefoot.py).

It runs last, on the finished HTML (after raw HTML is put back), so the page
comes out exactly as the hook used to make it, and print-site, which collects
each page's HTML, puts the same into the brochure. Python-Markdown also runs
postprocessors on each heading's text (for the table of contents and the
heading ids), so the additions are made only once the whole page is
serialized: a treeprocessor that runs after every other one says so.

Both builders strip the front matter before Python-Markdown sees the text, so a
Markdown extension cannot read `reviewed:` or `contact:` from its input.
Both do say which page they convert: MkDocs through its link-rewriting
treeprocessor (`relpath`, which holds the page's file), Zensical through its
rendering-context preprocessor (`rendering_context`, which holds the page and
the config). `current_page` reads those two, and nothing else of either
builder; without a builder (plain Python-Markdown) the text is left alone.

mkdocs.yml names the data files it needs, relative to mkdocs.yml:

    markdown_extensions:
      - kit.markdown_ext:
          clinic: clinic.yml
          terminology: terminology.yml
          glossary: glossary.md
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor
from markdown.treeprocessors import Treeprocessor

from kit.accessibility import label_task_list_checkboxes
from kit.clinic import Clinic, load_clinic
from kit.frontmatter import read_front_matter
from kit.glossary import add_tooltips
from kit.pagefoot import page_foot
from kit.review import Review, read_review
from kit.terminology import Term, load_terminology
from kit.urls import page_url, relative_url

# Python-Markdown puts raw HTML back at priority 30 and entities at 20: run after both.
PRIORITY = 5
# After every treeprocessor (MkDocs' last is at 0): the tree is final, serializing comes next.
AFTER_ALL_TREEPROCESSORS = -1000


@dataclass(frozen=True)
class PageInBuild:
    """The page a builder is converting, as far as the kit needs it."""

    src_uri: str  # "aftercare.md", relative to docs/
    url: str  # "aftercare/", as templates see page.url
    meta: Mapping[str, Any]  # front matter, as the builder parsed it
    source: Path  # the page's file
    project: Path  # the folder of mkdocs.yml
    use_directory_urls: bool

    @property
    def is_health_page(self) -> bool:
        """Every page gives health information unless its front matter says `health_page: false`."""
        return self.meta.get("health_page") is not False


class ClinicKitExtension(Extension):
    """Registers the kit's additions to each page; its options name the data files."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "clinic": ["clinic.yml", "The clinic's details, relative to mkdocs.yml"],
            "terminology": ["terminology.yml", "Terms and glossary definitions, relative to mkdocs.yml"],
            "glossary": ["glossary.md", "The glossary page the terms link to, relative to docs/"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        additions = PageAdditions(md, self.getConfigs())
        md.treeprocessors.register(WholePageNext(additions), "clinic_kit_whole_page", AFTER_ALL_TREEPROCESSORS)
        md.postprocessors.register(additions, "clinic_kit", PRIORITY)


class PageAdditions(Postprocessor):
    """The finished HTML of one page, with what the kit adds to it."""

    def __init__(self, md: Markdown, options: dict[str, Any]) -> None:
        super().__init__(md)
        self.options = options
        self.whole_page = False  # set by WholePageNext: the next run is on the whole page, not a heading

    def run(self, text: str) -> str:
        if not self.whole_page:
            return text
        self.whole_page = False
        page = current_page(self.md)
        if page is None:
            return text
        clinic = clinic_of(page.project / self.options["clinic"])
        glossary_terms = glossary_of(page.project / self.options["terminology"])
        glossary_url = relative_url(page_url(self.options["glossary"], page.use_directory_urls), page.url)
        return finish_page(text, page, clinic, glossary_terms, glossary_url, review_of(page, clinic))


class WholePageNext(Treeprocessor):
    """Runs after every other treeprocessor: what the postprocessors get next is the whole page."""

    def __init__(self, additions: PageAdditions) -> None:
        super().__init__(additions.md)
        self.additions = additions

    def run(self, root: Any) -> None:
        self.additions.whole_page = True


def finish_page(html: str, page: PageInBuild, clinic: Clinic, terms: tuple[Term, ...], glossary_url: str, review: Review | None) -> str:
    """Name checklist boxes, explain the page's terms, close it with contact, review and disclaimer."""
    html = label_task_list_checkboxes(html.strip())
    if page.is_health_page and terms:
        html = add_tooltips(html, terms, glossary_url)
    return html + "\n" + page_foot(clinic, review, contact=page.meta.get("contact") is True)


def current_page(md: Markdown) -> PageInBuild | None:
    """The page this Markdown instance converts, from whichever builder runs it."""
    if "rendering_context" in md.preprocessors:  # Zensical
        context = md.preprocessors["rendering_context"]
        config = context.config  # type: ignore[attr-defined]
        return PageInBuild(
            src_uri=context.page.path,  # type: ignore[attr-defined]
            url=context.page.url,  # type: ignore[attr-defined]
            meta=context.page.meta,  # type: ignore[attr-defined]
            source=Path(config["docs_dir"]) / context.page.path,  # type: ignore[attr-defined]
            project=Path(config["root_dir"]),
            use_directory_urls=bool(config.get("use_directory_urls", True)),
        )
    if "relpath" in md.treeprocessors:  # MkDocs
        relpath = md.treeprocessors["relpath"]
        file, config = relpath.file, relpath.config  # type: ignore[attr-defined]
        if file.page is None:
            return None
        return PageInBuild(
            src_uri=file.src_uri,
            url=file.url,
            meta=file.page.meta,
            source=Path(file.abs_src_path or Path(config.docs_dir) / file.src_uri),
            project=Path(config.config_file_path).parent,
            use_directory_urls=config.use_directory_urls,
        )
    return None


def review_of(page: PageInBuild, clinic: Clinic) -> Review | None:
    """The page's review data, read from its file's own front matter (the builders' parsed values differ in type)."""
    if not page.source.is_file():  # a page the build generated (the glossary)
        return None
    return read_review(read_front_matter(page.source, page.source.read_text(encoding="utf-8-sig")), clinic)


def clinic_of(path: Path) -> Clinic:
    return _clinic(path, _stamp(path))


def glossary_of(path: Path) -> tuple[Term, ...]:
    return _glossary(path, _stamp(path))


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
    r'|<section class="clinic-contact".*?</section>'
    r'|<p class="(?:page-review|clinic-disclaimer)".*?</p>',
    re.S,
)


def without_additions(html: str) -> str:
    """The page's HTML without the words the kit added (definitions, contact, review line, disclaimer)."""
    return _ADDED.sub("", html)


def makeExtension(**kwargs: Any) -> ClinicKitExtension:  # noqa: N802 (Python-Markdown's name)
    return ClinicKitExtension(**kwargs)
