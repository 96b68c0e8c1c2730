"""Patients' own words in the site's search: "sunscreen" finds the aftercare page's sun advice.

Patients search in their words, not the page's ("sunscreen", "numbing",
"dark spots"), and Material's search (lunr) has no synonyms: a word that is on
no page finds nothing. terminology.yml's `patient_words` maps such words to a
page, or to one section of it (`aftercare.md#your-aftercare-checklist`). After
the search plugin has written `search/search_index.json`, the build adds the
words to that page's or section's entry, in a field of their own
(`patient_words`) that lunr indexes like a title but that the result list never
shows: the result is the section, named by its own heading.

A word mapped to a page or heading that does not exist stops the build at its
line in terminology.yml: a search that silently finds nothing is what this
feature exists to prevent.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from mkdocs.structure.files import Files
from mkdocs.structure.toc import AnchorLink

from kit.report.findings import stop_at
from kit.wording.terminology import PatientWords

FIELD = "patient_words"
# lunr's weight for the field: the same as a page title's in Material's index
# (`title` 1000, `text` 1), so a patient's word counts like the heading it stands for.
FIELD_BOOST = 1000.0
INDEX_FILE = Path("search") / "search_index.json"


def search_locations(entries: Iterable[PatientWords], files: Files, source: Path) -> dict[str, list[str]]:
    """Each target's search index location (`aftercare/#anchor`) with its words; a missing page or heading stops the build.

    Called once every page is rendered, so each page's headings (its table of contents) are known.
    """
    locations: dict[str, list[str]] = {}
    for entry in entries:
        file = files.get_file_from_path(entry.page)
        if file is None or not file.is_documentation_page() or file.page is None:
            pages = ", ".join(sorted(f.src_uri for f in files.documentation_pages()))
            raise stop_at(
                source,
                entry.line,
                entry.column,
                f'`patient_words` names "{entry.page}", which is not a page of this site',
                f"Use one of: {pages}",
            )
        if entry.anchor:
            anchors = headings(file.page.toc.items)
            if entry.anchor not in anchors:
                raise stop_at(
                    source,
                    entry.line,
                    entry.column,
                    f'`patient_words` names "{entry.target}", but {entry.page} has no heading with the id "{entry.anchor}"',
                    "Use one of its headings: " + ", ".join(f"{entry.page}#{anchor}" for anchor in anchors),
                )
        location = file.page.url + (f"#{entry.anchor}" if entry.anchor else "")
        words = locations.setdefault(location, [])
        words.extend(word for word in entry.words if word not in words)
    return locations


def headings(items: Iterable[AnchorLink]) -> list[str]:
    """The ids of a page's headings, in order, nested ones included."""
    found: list[str] = []
    for item in items:
        found.append(item.id)
        found.extend(headings(item.children))
    return found


def add_to_search_index(site_dir: Path, locations: dict[str, list[str]]) -> list[str]:
    """Write the words into the search index the search plugin wrote; the locations it lacks (none normally)."""
    index_file = site_dir / INDEX_FILE
    if not locations or not index_file.is_file():
        return []
    index = json.loads(index_file.read_text(encoding="utf-8"))
    index["config"].setdefault("fields", {})[FIELD] = {"boost": FIELD_BOOST}
    remaining = dict(locations)
    for doc in index["docs"]:
        words = remaining.pop(doc["location"], None)
        if words:
            doc[FIELD] = words
    index_file.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return sorted(remaining)
