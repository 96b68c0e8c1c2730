"""Parts of a page for one medium only: `web-only` on screen, `print-only` in the PDFs.

An editor marks a heading, `## On this site {.web-only}`, and its whole section
(up to the next heading of the same or a higher level) is left out of the
brochure; `{.print-only}` does the opposite. A block can be marked too:
`<div class="print-only" markdown>...</div>`. Headings carry the mark, but
the section is what must go, so each marked heading's section is wrapped here in
a `<div>` with the class: brochure/print.css hides `.web-only`, the site's
stylesheet hides `.print-only`, and search skips print-only text.
"""

from __future__ import annotations

import re

MEDIA_CLASSES = ("web-only", "print-only")
_HEADING = re.compile(r"<h([1-6])\b[^>]*>")
_CLASS = re.compile(r"""\bclass\s*=\s*["']([^"']*)["']""")
# An element the editor marked print-only itself (`<div class="print-only" markdown>`): search skips it too.
_PRINT_ONLY_BLOCK = re.compile(
    r"""(<(?!h[1-6]\b)\w+\b[^>]*\bclass\s*=\s*["'](?:[^"']*\s)?print-only(?:\s[^"']*)?["'](?![^>]*data-search-exclude)[^>]*?)(?=/?>)"""
)


def wrap_marked_sections(html: str) -> str:
    """Wrap each heading marked `web-only` or `print-only`, with the section it opens, in a div of that class."""
    headings = list(_HEADING.finditer(html))
    out: list[str] = []
    position = 0
    index = 0
    while index < len(headings):
        heading = headings[index]
        media = _media_class(heading.group(0))
        if media is None or heading.start() < position:
            index += 1
            continue
        level = int(heading.group(1))
        end_index = next((i for i in range(index + 1, len(headings)) if int(headings[i].group(1)) <= level), None)
        end = headings[end_index].start() if end_index is not None else len(html)
        excluded = " data-search-exclude" if media == "print-only" else ""
        out.append(html[position : heading.start()])
        out.append(f'<div class="{media}"{excluded}>{html[heading.start() : end].rstrip()}</div>\n')
        position = end
        index = end_index if end_index is not None else len(headings)
    out.append(html[position:])
    return _PRINT_ONLY_BLOCK.sub(r"\1 data-search-exclude", "".join(out))


def _media_class(tag: str) -> str | None:
    classes = _CLASS.search(tag)
    found = [name for name in MEDIA_CLASSES if classes and name in classes.group(1).split()]
    return found[0] if found else None
