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
