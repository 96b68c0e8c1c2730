"""Released versions of the clinic's health content: which version did this patient get?

Owns: codes.py (the leaflet codes, clinic.yml `leaflets:`), fingerprint.py (the health
content's SHA-256: the health pages' source text and the glossary definitions),
records.py (archive/releases.yml and the PDFs each version keeps byte for byte in
archive/v<N>/), state.py (the version a build may claim, and the live-mode policy for
content no version records), and `python -m kit.release` (`make release`, the release
workflow). The brochure and the site build read it to print the version.
Imports: kit.report, kit.data, kit.pages and kit.wording.
"""
