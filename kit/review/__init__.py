"""Clinical review and going live: when a page is due, overdue, and what a live site refuses.

Owns: reminders.py (review settings, which pages are due; `python -m kit.review.reminders`
for the weekly reminder issue), dates.py (the findings about a page's review dates),
golive.py (the examples a clinic's own site must not publish).
Imports: kit.report, kit.data, kit.pages and kit.wording.
"""
