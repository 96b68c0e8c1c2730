"""A clinic forks the kit, makes it its own and goes live: the build follows, and refuses what is left of the example.

The project is copied as git tracks it into a folder whose path contains "a5"
(a path must never change a result), then changed as a clinic changes it:
its own details in live mode, named reviewers, a reworded aftercare sentence,
a new prices page without health information.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import OTHER_CLINIC, ROOT, WITHOUT_PDFS, FixtureSite, copy_tracked_files, run_mkdocs
from textutil import normalize

PRICES = """\
---
title: Prices
description: What a course of microneedling costs at the clinic.
health_page: false
---

# Prices

One treatment costs 250 pounds. A course of three costs 650 pounds.
"""


@pytest.fixture
def clinic_copy(tmp_path: Path) -> FixtureSite:
    return FixtureSite(copy_tracked_files(tmp_path / "clinic-a5-fork"))


def make_it_ours(site: FixtureSite) -> str:
    """Own details, live, named reviewers, one aftercare sentence reworded, a prices page: returns the new sentence."""
    site.go_live()
    aftercare = site.root / "docs" / "aftercare.md"
    text = aftercare.read_text(encoding="utf-8")
    body_lines = [line for line in text.split("\n---\n", 1)[1].splitlines() if line.strip().endswith(".") and not line.startswith(" ")]
    assert body_lines, "the aftercare page has no sentence of its own to reword"
    ours = "Our nurse calls you the next morning to ask how your skin feels."
    aftercare.write_text(text.replace(body_lines[0], ours, 1), encoding="utf-8")
    site.write("docs/prices.md", PRICES)
    config = site.root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("  - Aftercare: aftercare.md\n", "  - Aftercare: aftercare.md\n  - Prices: prices.md\n")
    )
    return ours


def test_a_clinics_own_live_site_builds_strictly_and_says_only_what_is_true(clinic_copy: FixtureSite) -> None:
    assert "a5" in str(clinic_copy.root)
    ours = make_it_ours(clinic_copy)
    # Before its first release a live site builds only as a draft (kit/release; tests/test_releases.py releases for real).
    build = run_mkdocs(clinic_copy.root, clinic_copy.root / "site", "--strict", env={**WITHOUT_PDFS, "CLINIC_KIT_UNRELEASED": "draft"})
    assert build.returncode == 0, build.output
    assert "WARNING" not in build.output and "ERROR" not in build.output, build.output
    aftercare = normalize(build.page("aftercare").replace("\n", " "))
    assert ours in aftercare and OTHER_CLINIC["name"] in aftercare
    assert "demonstration" not in normalize(build.page("")).lower()
    prices = build.page("prices")
    assert "clinic-disclaimer" not in prices and "page-review" not in prices


@pytest.mark.parametrize("left", ["phone", "email", "site_url"])
def test_the_same_clone_with_one_placeholder_left_fails_naming_the_file_and_line(clinic_copy: FixtureSite, left: str) -> None:
    make_it_ours(clinic_copy)
    shipped = yaml.safe_load((ROOT / "kit" / "data" / "shipped_examples.yml").read_text(encoding="utf-8"))
    if left == "site_url":
        file, value = "mkdocs.yml", shipped["site_url"]
        config = clinic_copy.root / file
        lines = [f"site_url: {value}" if line.startswith("site_url:") else line for line in config.read_text(encoding="utf-8").splitlines()]
        config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    else:
        file, value = "clinic.yml", shipped["clinic"][left]
        clinic_copy.set_clinic(**{left: value})
    line = next(
        n for n, text in enumerate((clinic_copy.root / file).read_text(encoding="utf-8").splitlines(), 1) if text.startswith(f"{left}:")
    )
    build = run_mkdocs(clinic_copy.root, clinic_copy.root / "site", "--strict", env=WITHOUT_PDFS)
    assert build.returncode != 0
    assert f"{file}:{line}:" in build.output and str(value) in build.output, build.output
