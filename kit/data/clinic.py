"""The clinic's own details, read from clinic.yml.

One file a clinic edits once: every place that shows the clinic's name, phone
or address (header, footer, contact blocks, PDF cover, structured data) reads
the `Clinic` built here, so changing a value changes it everywhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from kit.data.phone import phone_problem, tel_link
from kit.data.safety import link_findings
from kit.data.yamlfile import YamlDocument, load_yaml
from kit.report.findings import Finding, StopBuild

# No phone: a clinic that takes questions by email only; every place that shows the number leaves it out.
# No website: this site is the clinic's website, and the build uses mkdocs.yml's site_url (Clinic.with_website).
REQUIRED = ("name", "logo", "email", "address")
OPTIONAL = ("website", "phone", "booking_url", "opening_hours", "out_of_hours", "emergency", "reviewer_role", "mode", "feedback_url")
#: The details written in words, which a block named by a language code (`es:`) gives in that language.
TRANSLATED = ("opening_hours", "out_of_hours", "emergency", "reviewer_role")
#: A language code as a block's key (the same codes mkdocs-static-i18n reads in page names).
_LANGUAGE_BLOCK = re.compile(r"^[a-z]{2}(-[A-Za-z]{4})?(-[A-Z]{2})?$|^[a-z]{2}_[A-Z]{2}$")
#: `demo`: the kit's example site, saying so on every page and PDF. `live`: the clinic's own,
#: refusing every example value left in it (kit/review/golive.py).
MODES = ("demo", "live")
#: The details that become links patients follow (kit/safety.py: https only, never javascript: or data:).
LINKS = ("website", "booking_url", "feedback_url")  # feedback_url: the clinic's own feedback page (issue 22)
# An e-mail address the `mailto:` link can carry: no spaces, quotes, brackets or a second @.
_EMAIL = re.compile(r"[^@\s<>\"'(),;:\\?&=]+@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z][a-z0-9-]*", re.I)
#: Settings clinic.yml holds for another package, which reads and checks them itself.
READ_ELSEWHERE = ("leaflets",)  # the printed documents' codes: kit/release/codes.py


@dataclass(frozen=True)
class Clinic:
    """What patients need to reach the clinic, and who reviews its pages."""

    name: str
    logo: str
    email: str
    address: list[str]
    website: str = ""
    phone: str = ""
    booking_url: str = ""
    opening_hours: str = ""
    out_of_hours: str = ""
    emergency: str = ""
    reviewer_role: str = "Clinical lead"
    mode: str = "demo"
    feedback_url: str = ""  # the clinic's own feedback page; without it, health pages link to an email naming the page
    source: Path = field(default=Path("clinic.yml"), compare=False)

    @property
    def demo(self) -> bool:
        """A demonstration site: example details, content no clinician of this clinic has reviewed."""
        return self.mode == "demo"

    @property
    def phone_link(self) -> str:
        """The phone number as a `tel:` link phones can dial ("" without a phone): E.164 from what was typed (kit/phone.py)."""
        return tel_link(self.phone)

    def with_website(self, site_url: str) -> Clinic:
        """The clinic with `site_url` as its website when clinic.yml names none (this site is its website)."""
        return self if self.website or not site_url else replace(self, website=site_url)

    def as_dict(self) -> dict[str, object]:
        """Plain values for templates (`config.extra.clinic`)."""
        values = {name: getattr(self, name) for name in (*REQUIRED, *OPTIONAL)}
        values["phone_link"] = self.phone_link
        return values


def load_clinic(path: Path, language: str = "") -> Clinic:
    """Read and check clinic.yml; a wrong or missing value stops the build.

    For a page in another language, a block named by its code gives the details written in
    words in that language (`es: {opening_hours: De lunes a viernes, de 9:00 a 17:00}`);
    what the block leaves out stays as written above it.
    """
    document = load_yaml(path)
    data = document.data
    if not isinstance(data, dict):
        raise document.error((), "clinic.yml must be a list of `name: value` lines", "Compare it with the example in the README")
    _reject_unknown_keys(document)
    for key in REQUIRED:
        if key not in data or data[key] in (None, "", []) or (isinstance(data[key], str) and not data[key].strip()):
            where = (key,) if key in data else ()  # `name: "  "` is missing too, at its own line
            raise document.error(where, f"The clinic's `{key}` is missing", f"Add a line `{key}: ...` to clinic.yml")
    address = _address(document)
    values = {key: _text(document, key) for key in (*REQUIRED, *OPTIONAL) if key in data and key != "address"}
    if values.get("mode", "demo") not in MODES:
        raise document.error(
            ("mode",),
            f"`mode: {values['mode']}` is not a mode the kit knows",
            "Write `mode: demo` (the example site, marked as a demonstration) or `mode: live` (your clinic's own site)",
        )
    _refuse_undialable_phone(document, values.get("phone", ""))
    _refuse_unusable_email(document, values["email"])
    _refuse_unsafe_links(document, live=values.get("mode", "demo") == "live")
    values |= _in_language(document, language)
    return Clinic(address=address, source=path, **values)


def _in_language(document: YamlDocument, language: str) -> dict[str, str]:
    block = document.data.get(language) if language else None
    if block is None:
        return {}
    if not isinstance(block, dict) or set(block) - set(TRANSLATED):
        raise document.error(
            (language,), f"`{language}:` holds the clinic's details in that language", "Use only: " + ", ".join(TRANSLATED)
        )
    return {key: " ".join(str(value).split()) for key, value in block.items() if value}


def missing_logo(clinic: Clinic, docs_dir: Path) -> list[Finding]:
    """The logo is in the header of every page and on the PDFs' covers: a wrong path shows a broken picture on each.

    A path that leads out of docs/ (`../clinic.yml`, `/etc/hosts`) is never published, so it is refused like a missing file.
    """
    logo = docs_dir / clinic.logo
    if logo.is_file() and logo.resolve().is_relative_to(docs_dir.resolve()):
        return []
    return [
        clinic_field_error(
            clinic,
            "logo",
            "clinic.logo-missing",
            f"The logo `{clinic.logo}` is not a file in {docs_dir.name}/, so every page and PDF would show a broken picture",
            f"Upload the logo into {docs_dir.name}/ (on GitHub: Add file > Upload files), or write its path inside {docs_dir.name}/ "
            "after `logo:`",
        )
    ]


def clinic_field_error(clinic: Clinic, field: str, rule: str, problem: str, advice: str) -> Finding:
    """An error at one field of clinic.yml, for a check that finds the problem after the file was read."""
    line, column = load_yaml(clinic.source).where(field)
    return Finding.at("error", rule, clinic.source, line, column, problem, advice)


def _refuse_undialable_phone(document: YamlDocument, phone: str) -> None:
    """The call button dials what the link says: a number it cannot dial stops the build at its line."""
    if phone and (problem := phone_problem(phone)):
        raise document.error(("phone",), problem.problem, problem.advice)


def _refuse_unusable_email(document: YamlDocument, email: str) -> None:
    """The address becomes a `mailto:` link: anything but one plain address would send patients' mail elsewhere, or nowhere."""
    if not _EMAIL.fullmatch(email):
        raise document.error(
            ("email",),
            f"`email: {email}` is not one e-mail address",
            "Write the clinic's address alone, for example hello@my-clinic.com (no name, spaces or mailto:)",
        )


def _refuse_unsafe_links(document: YamlDocument, live: bool) -> None:
    """The website and booking page become links on every page and in the PDFs: only https (kit/data/safety.py)."""
    for key in LINKS:
        for finding in link_findings(document, (key,), live=live):
            if finding.level == "error":  # an http: address is an error on a live site only
                raise StopBuild(finding.located, finding)


def link_warnings(clinic: Clinic) -> list[Finding]:
    """On a demonstration site, an http: website or booking page is a warning (on a live site, `load_clinic` refuses it)."""
    document = load_yaml(clinic.source)
    return [finding for key in LINKS for finding in link_findings(document, (key,), live=not clinic.demo) if finding.level != "error"]


def _address(document: YamlDocument) -> list[str]:
    """The address's lines: a list (`- 12 Harley Street`), or one block (`address: |`) with a line per line."""
    address = document.data["address"]
    if isinstance(address, list) and not any(isinstance(line, (dict, list)) for line in address):
        lines = [document.text("address", index) for index in range(len(address))]  # a postcode line `- 2000` stays "2000"
    elif isinstance(address, str):
        lines = address.splitlines()
    else:
        raise document.error(("address",), "`address` must be a list of lines", "Write each line of the address as `  - ...`")
    return [" ".join(line.split()) for line in lines if line.strip()]


def _reject_unknown_keys(document: YamlDocument) -> None:
    known = set(REQUIRED) | set(OPTIONAL) | set(READ_ELSEWHERE)
    for key in document.data:
        if key not in known and not _LANGUAGE_BLOCK.match(str(key)):
            raise document.error(
                (key,),
                f"`{key}` is not a clinic detail this kit knows",
                "Check its spelling; the known details are: " + ", ".join(sorted(known)),
            )


def _text(document: YamlDocument, key: str) -> str:
    value = document.data[key]
    if key == "opening_hours" and isinstance(value, list) and all(isinstance(item, (str, int, float)) for item in value):
        # A clinic lists its days one per line; patients read them as one line.
        return "; ".join(" ".join(document.text(key, index).split()) for index in range(len(value)) if str(value[index]).strip())
    if isinstance(value, (dict, list)):
        raise document.error((key,), f"`{key}` must be a single line of text", "Put the value on the same line, after the colon")
    if value is None:
        return ""
    # As typed: `phone: 0201234567` unquoted is an octal number to YAML, `+61212345670` loses its plus.
    return str(value).strip() if isinstance(value, str) else document.text(key).strip()
