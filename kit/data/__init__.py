"""The files a clinic edits once and the kit's own data: read, checked and located.

Owns: yamlfile.py (YAML with the line and column of every value), clinic.py (clinic.yml),
patient_text.py (the patient-visible strings by language, kit/strings/, and the Jinja
templates of kit/templates/), urls.py, collector.py (loading large data quickly),
shipped_examples.yml (the demo's example values a live site must replace).
Imports: kit.report only.
"""
