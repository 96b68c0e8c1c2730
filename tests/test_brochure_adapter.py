"""The brochure relies on internals of print-site and pydyf, in one module that knows their versions.

kit/brochure/adapter.py was written for the versions requirements.txt pins; with
another, the build must stop with a message that says what to do, not print a
brochure that is quietly wrong.
"""

from __future__ import annotations

from importlib import metadata

import pytest
from conftest import ROOT

from kit.brochure.adapter import WRITTEN_FOR, check_versions, one_landmark_per_name, prefix_ids_per_page
from kit.report.findings import StopBuild


def test_the_adapter_is_written_for_the_versions_the_project_pins() -> None:
    pinned = dict(line.split("==") for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines() if "==" in line)
    assert {package: pinned[package] for package in WRITTEN_FOR} == WRITTEN_FOR
    assert {package: metadata.version(package) for package in WRITTEN_FOR} == WRITTEN_FOR
    check_versions()


def test_another_print_site_version_stops_the_build_saying_what_to_do() -> None:
    def newer_print_site(package: str) -> str:
        return "3.0" if package == "mkdocs-print-site-plugin" else metadata.version(package)

    with pytest.raises(StopBuild) as stopped:
        check_versions(newer_print_site)
    message = str(stopped.value)
    assert f"written for mkdocs-print-site-plugin {WRITTEN_FOR['mkdocs-print-site-plugin']}" in message
    assert "this environment has mkdocs-print-site-plugin 3.0" in message
    assert "make build" in message and "kit/brochure/adapter.py" in message


def test_ids_repeated_on_several_pages_get_their_page_prefix_and_references_follow() -> None:
    combined = (
        '<section class="print-page" id="one"><a href="#glossary-term" aria-describedby="tip">term</a><span id="tip"></span></section>'
        '<section class="print-page" id="two"><a href="#tip" aria-describedby="tip">term</a><span id="tip"></span></section>'
        '<section class="print-page" id="glossary"><dt id="term">term</dt></section>'
    )
    fixed = prefix_ids_per_page(combined)
    assert 'id="one-tip"' in fixed and 'id="two-tip"' in fixed and 'id="glossary-term"' in fixed
    assert 'aria-describedby="one-tip"' in fixed and 'href="#two-tip"' in fixed and 'href="#glossary-term"' in fixed


def test_a_reference_to_a_heading_print_site_already_renamed_follows_it() -> None:
    combined = (
        '<section class="print-page" id="aftercare"><section aria-labelledby="contact-title">'
        '<h2 id="aftercare-contact-title">Contact</h2></section></section>'
        '<section class="print-page" id="risks"><h2 id="risks-contact-title">Contact</h2></section>'
    )
    fixed = prefix_ids_per_page(combined)
    assert 'aria-labelledby="aftercare-contact-title"' in fixed
    assert 'id="aftercare-contact-title"' in fixed and 'id="risks-contact-title"' in fixed


def test_sections_named_alike_on_the_print_page_stay_one_landmark() -> None:
    combined = (
        '<section aria-labelledby="a-contact"><h2 id="a-contact">Contact us</h2></section>'
        '<section aria-labelledby="b-contact"><h2 id="b-contact">Contact us</h2></section>'
        '<section aria-labelledby="b-more"><h2 id="b-more">More</h2></section>'
    )
    fixed = one_landmark_per_name(combined)
    assert 'aria-labelledby="a-contact"' in fixed and 'aria-labelledby="b-more"' in fixed
    assert 'aria-labelledby="b-contact"' not in fixed and 'id="b-contact">Contact us</h2>' in fixed
