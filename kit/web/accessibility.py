"""Markup fixes for screen readers, where Markdown extensions leave a gap.

pymdownx.tasklist (the aftercare checklists) writes each item as

    <li class="task-list-item"><label class="task-list-control"><input type="checkbox" disabled/>
    <span class="task-list-indicator"></span></label> Avoid direct sunlight...</li>

The label is empty, so a screen reader announces "checkbox, not checked" with
no name, and axe-core reports the checkbox as unlabelled (rule `label`, WCAG
1.3.1 / 4.1.2). Moving the item's own words inside its label names the
checkbox by what the patient has to do. Nothing moves on screen: the label is
inline and Material positions the box and its tick absolutely.
"""

from __future__ import annotations

import re

# The empty label pymdownx.tasklist writes, then the item's inline words, up to
# the end of the item or of its paragraph, or the start of a nested block.
_TASK_LABEL = re.compile(
    r'(<label class="task-list-control">.*?)(</label>)(.*?)(?=</li>|</p>|<ul\b|<ol\b|<div\b|<p\b|<details\b)',
    re.DOTALL,
)


def label_task_list_checkboxes(html: str) -> str:
    """Each checklist checkbox named by its item's text."""
    return _TASK_LABEL.sub(lambda m: f"{m.group(1)}{m.group(3).rstrip()}{m.group(2)}", html)


# Material 9.x writes its search dialog without a name, so screen readers announce
# an unnamed dialog and axe-core reports `aria-dialog-name` (serious). Zensical's
# search names its dialog itself, so the fix is made on the built page, not by a
# copied template that Zensical's search cannot drive (it stays on "Initializing").
_UNNAMED_SEARCH_DIALOG = re.compile(r'(<div class="md-search" data-md-component="search" role="dialog")>')
_SEARCH_BOX_NAME = re.compile(r'<input[^>]*\bclass="md-search__input"[^>]*\baria-label="([^"]*)"')


def name_search_dialog(html: str) -> str:
    """The search dialog named like its search box ("Search", in the theme's language)."""
    box = _SEARCH_BOX_NAME.search(html)
    if box is None:
        return html
    return _UNNAMED_SEARCH_DIALOG.sub(lambda m: f'{m.group(1)} aria-label="{box.group(1)}">', html, count=1)
