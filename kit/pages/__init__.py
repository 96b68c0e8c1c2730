"""The page model: one page file as every check, the site and the brochure see it.

Owns: sourcepage.py (a page read once, parsed once), frontmatter.py (fields with their
lines), prose.py (the words an editor wrote, at their places), sections.py (web-only and
print-only parts), keypoints.py (the Key points box and checklist steps), review.py (a
page's review dates and reviewer), pagefoot.py (what closes every page).
Imports: kit.report and kit.data only.
"""
