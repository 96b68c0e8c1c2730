"""Editors on GitHub see each finding on its line in the pull request, and a summary of the run.

Real builds of fixture sites with the variables GitHub Actions sets
(`GITHUB_ACTIONS=true`, `GITHUB_STEP_SUMMARY`): the workflow commands are read
from the build's own output, the summary from the file it wrote.
"""

from __future__ import annotations

import re
from pathlib import Path

from conftest import FIXTURE_PAGE, FixtureSite
from test_brochure import brochure_fixture

COMMAND = re.compile(r"^::(error|warning|notice) file=([^,]+),line=(\d+),col=(\d+),title=([^:]+)::(.*)$", re.M)
MISSPELLED = ["zorbleflax", "quintravex", "mobbleshap", "plinqueret", "drastovine", "vexiltrom", "snorgleplat", "frambiquent"]


def github_build(site: FixtureSite, summary: Path, *args: str, env: dict[str, str] | None = None):
    return site.build(*args, env={"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary), **(env or {})})


def test_each_finding_is_a_workflow_command_on_its_line_within_githubs_limits_and_the_summary_lists_them_all(
    fixture_site: FixtureSite, tmp_path: Path
) -> None:
    # 16 misspelled words (more than GitHub shows of one kind in a step), a page overdue for
    # review (a warning: the fixture keeps the default `overdue: block`) and one due soon (a notice).
    text = "".join(f"The {word} and the {word}s heal.\n\n" for word in MISSPELLED)
    fixture_site.write("docs/index.md", (fixture_site.root / "docs" / "index.md").read_text(encoding="utf-8") + "\n" + text)
    fixture_site.write("docs/soon.md", FIXTURE_PAGE.replace("2026-11-01", "2027-01-10").replace("2027-11-01", "2027-12-01"))
    summary = tmp_path / "summary.md"
    build = github_build(fixture_site, summary, "--strict", env={"CLINIC_KIT_TODAY": "2027-11-02"})
    assert build.returncode != 0

    commands = COMMAND.findall(build.output)
    errors = [c for c in commands if c[0] == "error"]
    assert len(errors) == 10, f"{len(errors)} error annotations: GitHub shows 10 per step"
    kind, file, line, col, rule, message = errors[0]
    assert file == "docs/index.md" and rule.startswith("termcheck"), errors[0]
    source_lines = (fixture_site.root / "docs" / "index.md").read_text(encoding="utf-8").splitlines()
    word = re.search(r'"(\w+)"', message).group(1)
    assert source_lines[int(line) - 1][int(col) - 1 :].startswith(word), (line, col, word)
    assert [(c[1], c[4]) for c in commands if c[0] == "warning"] == [("docs/index.md", "review.overdue")], commands
    assert [(c[1], c[4]) for c in commands if c[0] == "notice"] == [("docs/soon.md", "review.due")], commands

    text = summary.read_text(encoding="utf-8")
    rows = [row for row in text.splitlines() if row.startswith("| error |")]
    assert len(rows) == 2 * len(MISSPELLED), "the summary lists every finding, beyond the 10 shown on lines"
    assert f"this table lists all {2 * len(MISSPELLED) + 2}" in text, text
    review = text.split("### Review status")[1].split("###")[0]
    assert "`docs/index.md`" in review and "**overdue**" in review and "due soon" in review, review


def test_a_clean_build_on_github_summarises_reviews_reading_grades_and_pdf_page_counts(fixture_site: FixtureSite, tmp_path: Path) -> None:
    brochure_fixture(fixture_site, paper="[a4]")
    fixture_site.write(
        "docs/aftercare.md", "---\ndescription: Aftercare.\nhealth_page: false\n---\n\n# Aftercare\n\nKeep the skin clean.\n"
    )
    summary = tmp_path / "summary.md"
    build = github_build(fixture_site, summary, "--strict")
    assert build.returncode == 0, build.output
    assert not COMMAND.findall(build.output)
    text = summary.read_text(encoding="utf-8")
    assert "No findings" in text
    review = text.split("### Review status")[1].split("###")[0]
    assert "`docs/index.md`" in review and "2027-11-01" in review
    grades = text.split("### Reading grades")[1].split("###")[0]
    assert "index.md" in grades
    pdfs = text.split("### PDFs")[1]
    found = re.findall(r"\| (fixture-clinic-site-[\w-]+\.pdf) \| (\d+) \|", pdfs)
    assert {name for name, _ in found} == {pdf.name for pdf in build.site.glob("*.pdf")}, pdfs
    assert {"fixture-clinic-site-brochure-a4.pdf", "fixture-clinic-site-aftercare-handout-a4.pdf"} <= {name for name, _ in found}
    assert all(int(pages) >= 1 for _, pages in found)


def test_outside_github_actions_no_workflow_command_is_printed(fixture_site: FixtureSite) -> None:
    fixture_site.write("docs/index.md", (fixture_site.root / "docs" / "index.md").read_text(encoding="utf-8") + "\nA zorbleflax.\n")
    build = fixture_site.build("--strict", env={"GITHUB_ACTIONS": ""})
    assert build.returncode != 0 and "zorbleflax" in build.output
    assert not COMMAND.findall(build.output)


def test_a_wrong_setting_is_annotated_on_its_line_of_mkdocs_yml(fixture_site: FixtureSite, tmp_path: Path) -> None:
    config = fixture_site.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "extra:\n  review:\n    overdue: sometimes\n", encoding="utf-8")
    summary = tmp_path / "summary.md"
    build = github_build(fixture_site, summary)
    assert build.returncode != 0
    line = config.read_text(encoding="utf-8").splitlines().index("    overdue: sometimes") + 1
    assert [c[:5] for c in COMMAND.findall(build.output)] == [("error", "mkdocs.yml", str(line), "5", "config.invalid")], build.output
    assert "mkdocs.yml" in summary.read_text(encoding="utf-8"), "the run's summary lists it too"
