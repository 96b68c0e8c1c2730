"""The intrinsic size of the clinic's logo, for the `width` and `height` of its <img>.

Without them the browser learns the logo's shape only once it has loaded it,
and the header may shift as it does (Lighthouse flags "image elements do not
have explicit width and height"). Read from the file itself, so a clinic that
swaps in its own SVG or PNG logo needs to set nothing.
"""

from __future__ import annotations

import re
import struct
from pathlib import Path

_SVG_TAG = re.compile(r"<svg\b[^>]*>", re.IGNORECASE | re.DOTALL)
_NUMBER = r"\s*([0-9]*\.?[0-9]+)"
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def image_size(path: Path) -> tuple[int, int] | None:
    """(width, height) in CSS pixels of an SVG or PNG file; None when the file does not say."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if data.startswith(_PNG_SIGNATURE) and data[12:16] == b"IHDR":
        width, height = struct.unpack(">II", data[16:24])
        return width, height
    tag = _SVG_TAG.search(data[:4096].decode("utf-8", "replace"))
    return _svg_size(tag.group(0)) if tag else None


def _svg_size(tag: str) -> tuple[int, int] | None:
    width = re.search(rf"\swidth\s*=\s*[\"']{_NUMBER}(?:px)?[\"']", tag)
    height = re.search(rf"\sheight\s*=\s*[\"']{_NUMBER}(?:px)?[\"']", tag)
    if width and height:
        return round(float(width.group(1))), round(float(height.group(1)))
    view_box = re.search(rf"viewBox\s*=\s*[\"']{_NUMBER}[\s,]{_NUMBER}[\s,]{_NUMBER}[\s,]{_NUMBER}", tag)
    if view_box:
        return round(float(view_box.group(3))), round(float(view_box.group(4)))
    return None
