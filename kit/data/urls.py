"""Page addresses as MkDocs and Zensical both publish them, without either builder.

Templates and the kit's Markdown extension only get a page's `url`
("aftercare/"), which both builders provide; these two functions turn a page
file into that address and make one address relative to another, the way
MkDocs does (`mkdocs.utils.get_relative_url`), so links work under the
site's sub-path and from a file opened on disk.
"""

from __future__ import annotations

#: The page the build generates on how the information is made (kit/web/about.py); the brochure leaves it out.
ABOUT_FILE = "about-this-information.md"


def page_url(src_uri: str, use_directory_urls: bool = True) -> str:
    """Where a page file is published: aftercare.md -> aftercare/ (or aftercare.html), index.md -> ""."""
    stem = src_uri.removesuffix(".md")
    if not use_directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def relative_url(url: str, from_url: str) -> str:
    """`url` as a link written on the page at `from_url`: glossary/ from aftercare/ -> ../glossary/."""
    directory, _, last = from_url.rpartition("/")
    if "." in last:
        from_url = directory
    here, there = _parts(from_url), _parts(url)
    common = 0
    for a, b in zip(here, there, strict=False):
        if a != b:
            break
        common += 1
    relative = "/".join([".."] * (len(here) - common) + there[common:]) or "."
    return relative + "/" if url.endswith("/") else relative


def _parts(url: str) -> list[str]:
    parts: list[str] = []
    for part in url.split("/"):
        if part in ("", "."):
            continue
        if part == "..":
            if parts:
                parts.pop()
            continue
        parts.append(part)
    return parts
