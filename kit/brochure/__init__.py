"""The printable brochure and handout: PDFs staff print for patients.

mkdocs-print-site-plugin gathers every page into one print page; this package
turns it into a brochure (cover, contents, chapters) and an aftercare handout,
and renders both with WeasyPrint. Its modules, in build order:

- `settings`: reads and checks `extra.brochure` in mkdocs.yml (paper, handout page).
- `cover`: the facts the cover shows that only the build knows (review date, QR code).
- `document`: the brochure's and handout's HTML, made from the print page.
- `tables`: header cells that say what they head, in the printed HTML and the PDF's tags.
- `render`: WeasyPrint, with the bundled fonts and no fetching from the internet.
- `build`: the one object `hooks.py` calls at each MkDocs event.

Imports: kit.report, kit.data, kit.pages and kit.review (never kit.web: the site build calls the brochure).
"""
