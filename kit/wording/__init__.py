"""Wording: the clinic's terminology, spelling and plain language.

Owns: terminology.py (terminology.yml), termcheck.py (the wording check on a page),
spelling.py (which words are typos, and suggestions), variants.py (US, UK, Canadian and
Australian spelling), wordlists.py and words/ (the word lists), readability.py (reading grades).
Imports: kit.report, kit.data and kit.pages.
"""
