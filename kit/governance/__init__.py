"""How the clinic's information is made, against the NHS Standard for creating health content and the PIF TICK.

Owns: `python -m kit report` (report.py) and the criteria it judges the site against (criteria.yml).
Imports: kit.check (mkdocs.yml's settings, the pages to read), kit.project and every layer below it; nothing imports it
but kit.__main__.
"""
