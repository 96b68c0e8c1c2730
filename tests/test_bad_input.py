"""Bad input stops the build with a message an editor can act on, and publishes nothing."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FixtureSite, copy_tracked_files
from test_termcheck import run_cli


def test_a_page_that_is_not_utf8_stops_the_build_naming_its_line_and_column(fixture_site: FixtureSite) -> None:
    (fixture_site.root / "docs" / "index.md").write_bytes(b"# Welcome\n\nCaf\xe9 opening hours.\n")
    build = fixture_site.build()
    assert build.returncode != 0
    assert "docs/index.md:3:4: This page is not UTF-8 text" in build.output
    assert "Re-save the page as UTF-8" in build.output
    assert "Traceback" not in build.output


def test_a_broken_clinic_file_stops_the_build_naming_its_line(fixture_site: FixtureSite) -> None:
    fixture_site.write("clinic.yml", 'name: Fixture Clinic\nphone: "+1 555\n')
    build = fixture_site.build()
    assert build.returncode != 0
    assert "clinic.yml:2:" in build.output and "The YAML is not valid" in build.output
    assert "Traceback" not in build.output


def test_an_unknown_clinic_detail_is_named_with_its_line(fixture_site: FixtureSite) -> None:
    text = (fixture_site.root / "clinic.yml").read_text(encoding="utf-8")
    fixture_site.write("clinic.yml", text + "fax: 555 0100\n")
    build = fixture_site.build()
    assert build.returncode != 0
    line = len(text.splitlines()) + 1
    assert f"clinic.yml:{line}:1: `fax` is not a clinic detail this kit knows" in build.output


def test_a_failed_make_build_leaves_the_last_good_site_in_place_and_no_temporary_folder(tmp_path: Path) -> None:
    project = copy_tracked_files(tmp_path / "project")
    published = project / "site" / "index.html"
    published.parent.mkdir()
    published.write_text("the last good build", encoding="utf-8")
    (project / "docs" / "benefits.md").write_bytes(b"# Benefits\n\n\xff\n")
    # The copy borrows this checkout's venv; `-o` tells make to treat the venv's set-up steps as done,
    # so nothing in this test can install into it or rewrite its import path (clinic-kit.pth).
    venv = Path(sys.executable).parent.parent
    import_path = {pth: pth.read_bytes() for pth in venv.glob("lib/python*/site-packages/*.pth")}
    settled = [f"--old-file={venv / stamp}" for stamp in (".build-deps", ".kit-on-path")]
    result = subprocess.run(["make", "build", f"VENV={venv}", *settled], cwd=project, capture_output=True, text=True, timeout=600)
    assert result.returncode != 0
    assert "docs/benefits.md:3:1: This page is not UTF-8 text" in result.stdout + result.stderr
    assert published.read_text(encoding="utf-8") == "the last good build"
    assert not (project / ".site-new").exists(), "the half-made site is removed"
    assert {pth: pth.read_bytes() for pth in venv.glob("lib/python*/site-packages/*.pth")} == import_path


def test_a_strict_build_whose_checks_failed_makes_no_pdf_and_says_why(fixture_site: FixtureSite) -> None:
    from test_brochure import brochure_fixture

    brochure_fixture(fixture_site, paper="[a4]")
    fixture_site.write("docs/index.md", (fixture_site.root / "docs" / "index.md").read_text(encoding="utf-8") + "\nA zorbleflax.\n")
    build = fixture_site.build("--strict")
    assert build.returncode != 0 and "zorbleflax" in build.output
    assert not list(build.site.glob("*.pdf"))
    assert "The PDFs were not made: this strict build stops with" in build.output, build.output


# ---- A wrong setting reaches the editor like any other finding: at its place, from the build and from the check ----

# (file, how the fixture's file is changed, the key the message points at, the message's start)
BAD_SETTINGS = {
    "a review notice period that is not a number": (
        "mkdocs.yml",
        lambda text: text + "extra:\n  review:\n    notice_days: lots\n",
        "notice_days",
        "`notice_days` must be a number of days from 0 to 365, not 'lots'",
    ),
    "a reading grade no school has": (
        "mkdocs.yml",
        lambda text: text + "extra:\n  readability:\n    key_points_max_grade: 40\n",
        "key_points_max_grade",
        "`key_points_max_grade` must be a school grade from 1 to 20, not 40",
    ),
    "a spelling variant the kit does not know": (
        "terminology.yml",
        lambda text: re.sub(r"(?m)^(\s+variant:).*$", r"\1 en-XX", text, count=1),
        "variant",
        "`en-XX` is not a spelling variant",
    ),
    "a brochure setting the kit does not know": (
        "mkdocs.yml",
        lambda text: text + "extra:\n  brochure:\n    colour: teal\n",
        "colour",
        "`colour` is not a brochure setting",
    ),
}
CHECK_LINE = re.compile(r"^ERROR +-  config: (\S+:\d+:\d+: .*)$", re.M)


def position_of_key(path: Path, key: str) -> str:
    """`line:col` of the first `key:` in a file, as an editor's message names it."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if re.match(rf"\s*{re.escape(key)}:", line):
            return f"{number}:{line.index(key) + 1}"
    raise AssertionError(f"{key} is not in {path}")


@pytest.mark.parametrize("mistake", BAD_SETTINGS, ids=[name.replace(" ", "-") for name in BAD_SETTINGS])
def test_a_wrong_setting_is_reported_at_its_line_by_the_build_and_the_check(fixture_site: FixtureSite, mistake: str) -> None:
    file, change, key, message = BAD_SETTINGS[mistake]
    path = fixture_site.root / file
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    expected = f"{file}:{position_of_key(path, key)}: {message}"
    published = fixture_site.write("site/index.html", "the last good build")

    build = fixture_site.build()
    check = run_cli(cwd=fixture_site.root)
    assert build.returncode != 0 and check.returncode == 2, check.stdout + check.stderr
    in_build, in_check = CHECK_LINE.findall(build.output), CHECK_LINE.findall(check.stdout)
    assert len(in_build) == 1 and in_build[0].startswith(expected), build.output
    assert in_check == in_build, check.stdout
    assert "Traceback" not in build.output + check.stdout + check.stderr
    assert published.read_text(encoding="utf-8") == "the last good build", "the site is left as it was"


def test_a_site_without_mkdocs_yml_is_named_by_the_check(tmp_path: Path) -> None:
    check = run_cli(cwd=tmp_path)
    assert check.returncode == 2 and "Traceback" not in check.stderr
    assert "config: mkdocs.yml:1:1: There is no mkdocs.yml here. Run the check in its folder, or pass --config-file." in check.stdout
