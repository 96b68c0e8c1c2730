"""What only the site build calls: MkDocs' events and the HTML the kit adds to pages.

Owns: site_build.py (one build: what hooks.py forwards), markdown_ext.py (the kit's additions
inside each page, for any builder running Python-Markdown), glossary.py (the glossary page and
tooltips), patient_words.py (patients' words in the search index), structured_data.py
(JSON-LD), pageweight.py, accessibility.py, imagesize.py, session.py.
Imports: every lower layer (kit.report to kit.brochure, and kit.project); nothing imports it but hooks.py.
"""
