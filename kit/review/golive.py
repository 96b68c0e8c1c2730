"""Going live: a clinic's own site refuses every example the kit ships with.

The kit ships as a demonstration (clinic.yml `mode: demo`): an example clinic,
example contact details, an example web address, pages no clinician of the
clinic has reviewed. A fork that publishes those would show patients a phone
number that rings nowhere and a review that never happened, and its printed
brochures would carry a QR code to someone else's address. So in `mode: live`
the build refuses, each at its line and with what to do:

- a clinic.yml value still equal to the shipped example, or using a domain
  reserved for examples or a telephone number reserved for fiction;
- a `site_url` in mkdocs.yml on the example address;
- a health page without a named `reviewer` (and, in kit/pages/review.py, one
  without review dates).

The example values are data (kit/data/shipped_examples.yml), not code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import urlparse

import yaml

from kit.data.clinic import Clinic
from kit.data.yamlfile import SettingsLocator, load_yaml
from kit.pages.frontmatter import FrontMatter
from kit.report.findings import Finding

EXAMPLES_FILE = Path(__file__).parent.parent / "data" / "shipped_examples.yml"
_HOST = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9-]+|\blocalhost\b", re.I)
_DEMO_ADVICE = "or keep `mode: demo` in clinic.yml while the site is not yet your clinic's own"


@dataclass(frozen=True)
class ShippedExamples:
    """What the kit ships as examples: values a live site must not keep."""

    clinic: dict[str, object]
    site_url: str
    reserved_domains: tuple[str, ...]
    example_names: tuple[str, ...]
    fictional_phone_digits: re.Pattern[str]

    def example_address_in(self, text: str) -> str | None:
        """The first web or email address in `text` that is reserved for examples, if any."""
        for host in _HOST.findall(text):
            host = host.lower()
            labels = host.split(".")
            if any(host == domain or host.endswith("." + domain) for domain in self.reserved_domains):
                return host
            if any(name in labels for name in self.example_names):
                return host
        return None

    def is_fictional_phone(self, text: str) -> bool:
        """A North American number in the range reserved for fiction (555-0100 to 555-0199).

        The whole number is matched, not any run of its digits: a UK number in Lanark (+44 1555 012345)
        has "55501" in it too.
        """
        return bool(self.fictional_phone_digits.fullmatch("".join(ch for ch in text if ch.isdigit())))


@cache
def shipped_examples() -> ShippedExamples:
    """kit/data/shipped_examples.yml, read once per process (it is the kit's, not the clinic's)."""
    data = yaml.safe_load(EXAMPLES_FILE.read_text(encoding="utf-8"))
    return ShippedExamples(
        clinic=data["clinic"],
        site_url=data["site_url"],
        reserved_domains=tuple(data["reserved_domains"]),
        example_names=tuple(data["example_names"]),
        fictional_phone_digits=re.compile(data["fictional_phone_digits"]),
    )


def clinic_placeholders(clinic: Clinic, examples: ShippedExamples | None = None) -> list[Finding]:
    """Every value of clinic.yml a live site must not publish, at its line."""
    examples = examples or shipped_examples()
    document = load_yaml(clinic.source)
    findings = []
    for key, value in document.data.items():
        items = list(enumerate(value)) if isinstance(value, list) else [(None, value)]
        shipped = examples.clinic.get(key)
        shipped_items = shipped if isinstance(shipped, list) else [shipped]
        for index, item in items:
            key_path = (key, index) if index is not None else (key,)
            item = item if isinstance(item, str) else document.text(*key_path)  # `phone: 5550142` unquoted is a number to YAML
            if not item.strip():
                continue
            line, column = document.where(*key_path)
            if item.strip() in shipped_items:
                problem = f"`{key}` is still the kit's example ({item.strip()})"
                advice = f"Write your clinic's own {key.replace('_', ' ')}, {_DEMO_ADVICE}"
            elif host := examples.example_address_in(item):
                problem = f"`{key}` uses {host}, an address reserved for examples"
                advice = f"Write your clinic's own address, {_DEMO_ADVICE}"
            elif key == "phone" and examples.is_fictional_phone(item):
                problem = f"`phone: {item.strip()}` is in the 555-01xx range reserved for fiction"
                advice = f"Write your clinic's own number, {_DEMO_ADVICE}"
            else:
                continue
            findings.append(Finding.at("error", "live.example_value", clinic.source, line, column, problem, advice))
    return findings


def site_url_placeholder(config_file: Path, site_url: str, examples: ShippedExamples | None = None) -> list[Finding]:
    """A live site must be published at its own address: printed QR codes point there for years."""
    examples = examples or shipped_examples()
    host = urlparse(site_url or "").netloc.lower()
    if site_url.rstrip("/") != examples.site_url.rstrip("/") and not examples.example_address_in(host):
        return []
    line, column = SettingsLocator(config_file).where(("site_url",))
    return [
        Finding.at(
            "error",
            "live.example_site_url",
            config_file,
            line,
            column,
            f"`site_url: {site_url}` is the kit's example address, not your site's",
            "Write the address your site is published at, for example https://my-clinic.github.io/microneedling/, " + _DEMO_ADVICE,
        )
    ]


def unnamed_reviewer(front: FrontMatter, clinic: Clinic) -> list[Finding]:
    """A live health page names who reviewed it: the role placeholder is for the demonstration only.

    A page without review dates is refused by the review check (kit/pages/review.py), an error on a live site.
    """
    if front.text("reviewer") is not None:
        return []
    return [
        Finding.at(
            "error",
            "live.reviewer",
            front.path,
            *front.where("reviewer"),
            "This health page names no `reviewer`, and the site is live",
            f"Add `reviewer: Name, {clinic.reviewer_role}` with the clinician who reviewed it, "
            "or `health_page: false` if the page gives no health information (prices, opening times)",
        )
    ]
