"""The leaflet codes a clinic gives its printed documents, set once in clinic.yml.

NHS boards and clinics record a leaflet's code and version on the consent form
and in the notes ("MN-AC v3"). The codes live under `leaflets:` in clinic.yml,
beside the clinic's other details; every PDF, page and archive entry reads them
from here. The booklet is the brochure folded: it carries the brochure's code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from kit.data.yamlfile import YamlDocument, load_yaml

#: The kit's own codes, used when clinic.yml has no `leaflets:` (the kit ships them in clinic.yml).
DEFAULT_CODES = {"brochure": "MN-BR", "handout": "MN-AC"}
#: Letters, digits and hyphens, as record systems and consent forms take them.
_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{0,19}$")
#: Which document each kind of PDF is: the booklet is the brochure, folded.
DOCUMENT_OF_KIND = {"brochure": "brochure", "booklet": "brochure", "handout": "handout"}


@dataclass(frozen=True)
class LeafletCodes:
    """The code of each printed document."""

    brochure: str
    handout: str

    def of_kind(self, kind: str) -> str:
        """The code a PDF of this kind carries (`booklet` is the brochure's); a variant (`brochure-large`) its base kind's."""
        base = kind.split("-", 1)[0]
        return getattr(self, DOCUMENT_OF_KIND.get(base, "brochure"))


def read_codes(clinic_file: Path) -> LeafletCodes:
    """clinic.yml's `leaflets:` checked: each code short, plain and different from the other."""
    document = load_yaml(clinic_file)
    data = document.data if isinstance(document.data, dict) else {}
    raw = data.get("leaflets")
    if raw is None:
        return LeafletCodes(**DEFAULT_CODES)
    if not isinstance(raw, dict):
        raise document.error(
            ("leaflets",), "`leaflets` must list a code per document", "Indent `brochure: MN-BR` and `handout: MN-AC` under it"
        )
    codes = dict(DEFAULT_CODES)
    for key, value in raw.items():
        if key not in DEFAULT_CODES:
            raise document.error(("leaflets", key), f"`{key}` is not a document the kit prints", "Use `brochure` and `handout`")
        codes[key] = _code(document, key, value)
    if codes["brochure"].lower() == codes["handout"].lower():
        raise document.error(
            ("leaflets", "handout"),
            f"The brochure and the handout both have the code `{codes['handout']}`",
            "Give each document its own code, so the notes say which one the patient was given",
        )
    return LeafletCodes(**codes)


def _code(document: YamlDocument, key: str, value: object) -> str:
    text = document.text("leaflets", key).strip() if not isinstance(value, (dict, list)) else ""
    if not _CODE.match(text):
        raise document.error(
            ("leaflets", key),
            f"`{text or value}` is not a leaflet code the kit can print",
            "Use up to 20 letters, digits and hyphens, starting with a letter or digit, like `MN-BR`",
        )
    return text
