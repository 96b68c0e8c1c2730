"""The words the PDFs' stylesheet prints, in the site's language: running footer and page references.

CSS reads no strings file, and a `content:` rule needs its words spelled out, so
the PDF maker turns the `print:` strings of kit/strings/<language>.yml into the
few `content:` rules that carry words, and WeasyPrint reads them just before
brochure/print.css (which keeps layout, fonts and colors, and wins any tie, so
its `content: none` still switches a rule off). A placeholder becomes the CSS
that fills it in: `{page}` a page counter, `{phone}` the clinic's phone number
(a running string set by the stylesheet), so a translation may put them anywhere.
"""

from __future__ import annotations

import re

from kit.data.patient_text import strings

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def print_words_css(language: str) -> str:
    """The `content:` rules of the PDFs' footer (phone; code, version and page) and links between chapters, in `language`."""
    text = strings(language)["print"]
    phone = css_content(text["phone"], phone="string(clinic-phone)")
    page_of = css_content(text["page_of"], page="counter(page)", pages="counter(pages)")
    see_page = css_content(text["see_page"], page="target-counter(attr(href url), page)")
    # "MN-BR v3 · " before "Page 2 of 11": each document's code and version, set on its <body> (kit/release).
    footer = f"@bottom-left {{ content: {phone}; }} @bottom-right {{ content: string(document-version) {page_of}; }}"
    return (
        "body { string-set: document-version attr(data-version); }\n"
        f"@page {{ {footer} }}\n"
        f"@page handout:first {{ {footer} }}\n"  # the handout has no cover: its first page keeps the footer
        f'section.print-page a[href^="#"]::after {{ content: {see_page}; }}\n'
    )


def css_content(template: str, **functions: str) -> str:
    """`"Page {page} of {pages}"` as CSS `content:` tokens: `"Page " counter(page) " of " counter(pages)`."""
    parts: list[str] = []
    for index, piece in enumerate(_PLACEHOLDER.split(template)):
        if index % 2:
            parts.append(functions[piece])
        elif piece:
            parts.append(css_string(piece))
    return " ".join(parts) or '""'


def css_string(text: str) -> str:
    """A CSS string literal: quotes and backslashes escaped, a line break as CSS writes it."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\A ") + '"'
