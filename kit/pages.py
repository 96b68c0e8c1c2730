"""Checks on the Markdown pages themselves, before MkDocs reads them.

MkDocs meets a page that is not UTF-8 with a Python traceback, after it has
already emptied the site folder. Checking every page first turns that into one
line an editor can act on.
"""

from __future__ import annotations

from mkdocs.structure.files import Files

from kit.messages import StopBuild, located
from kit.yamlfile import position_of_byte


def check_pages_are_utf8(files: Files) -> None:
    """Stop the build at the first page whose bytes are not UTF-8 text."""
    for file in files.documentation_pages():
        raw = open(file.abs_src_path, "rb").read()
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError as err:
            line, column = position_of_byte(raw, err.start)
            raise StopBuild(
                located(
                    file.abs_src_path,
                    line,
                    column,
                    f"This page is not UTF-8 text (byte 0x{raw[err.start]:02x} cannot be read)",
                    "Re-save the page as UTF-8, or retype the character at this place",
                )
            ) from None
