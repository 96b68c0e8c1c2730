"""The weekly reminder lists the health pages a clinician must review soon, from the pages' own dates.

The workflow (.github/workflows/review-reminder.yml) posts what `python -m kit.review.reminders`
prints; these tests run that script on small fixture sites, as the workflow does.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import FIXTURE_TODAY, ROOT, FixtureSite


def page(title: str, next_review: str | None, *extra: str) -> str:
    lines = ["---", f"title: {title}", "reviewed: 2026-01-05"] + ([f"next_review: {next_review}"] if next_review else []) + list(extra)
    return "\n".join([*lines, "---", "", f"# {title}", "", "Text.", ""])


def remind(site: FixtureSite, *args: str, today: str = FIXTURE_TODAY) -> subprocess.CompletedProcess:
    env = {**os.environ, "CLINIC_KIT_TODAY": today, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "kit.review.reminders", *args], cwd=site.root, env=env, capture_output=True, text=True, timeout=120
    )


def table_rows(markdown: str) -> list[list[str]]:
    rows = [line.strip("|").split("|") for line in markdown.splitlines() if line.startswith("| ")]
    return [[cell.strip() for cell in row] for row in rows[2:]]  # without the header and its rule


def test_pages_overdue_due_within_the_notice_period_or_without_a_date_are_listed_and_others_are_not(fixture_site: FixtureSite) -> None:
    # Today is 2026-11-24 and the notice period 60 days (the default).
    fixture_site.write("docs/overdue.md", page("Overdue page", "2026-11-20"))
    fixture_site.write("docs/soon.md", page("Due soon", "2027-01-20"))
    fixture_site.write("docs/later.md", page("Due later", "2027-02-01"))
    fixture_site.write("docs/undated.md", page("Undated page", None))
    fixture_site.write("docs/prices.md", page("Prices", None, "health_page: false"))
    result = remind(fixture_site)
    assert result.returncode == 0, result.stderr
    assert table_rows(result.stdout) == [
        ["`docs/undated.md`", "Undated page", "none", "no review date"],
        ["`docs/overdue.md`", "Overdue page", "2026-11-20", "**overdue**"],
        ["`docs/soon.md`", "Due soon", "2027-01-20", "due soon"],
    ]
    assert "3 health page(s) are overdue or due for review in the next 60 days" in result.stdout


def test_the_notice_period_and_the_overdue_choice_come_from_mkdocs_yml(fixture_site: FixtureSite) -> None:
    fixture_site.write("docs/later.md", page("Due later", "2027-02-01"))
    config = fixture_site.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "extra:\n  review:\n    notice_days: 90\n    overdue: block\n", encoding="utf-8")
    result = remind(fixture_site)
    assert [row[0] for row in table_rows(result.stdout)] == ["`docs/later.md`"], result.stdout
    assert "in the next 90 days" in result.stdout and "`overdue: block`" in result.stdout


def test_the_workflow_gets_the_count_and_the_body_and_nothing_due_says_so(fixture_site: FixtureSite, tmp_path: Path) -> None:
    output = tmp_path / "github-output"
    result = remind(fixture_site, "--github-output", str(output))
    assert result.returncode == 0, result.stderr
    text = output.read_text(encoding="utf-8")
    assert text.startswith("due=0\nbody<<")
    assert "No health page is overdue or due for review in the next 60 days" in text

    output.unlink()
    remind(fixture_site, "--github-output", str(output), today="2027-12-01")
    lines = output.read_text(encoding="utf-8").splitlines()
    delimiter = lines[1].removeprefix("body<<")
    assert lines[0] == "due=1" and lines[-1] == delimiter and "`docs/index.md`" in "\n".join(lines[2:-1])


def test_a_review_setting_the_kit_cannot_use_is_refused_at_its_line(fixture_site: FixtureSite) -> None:
    config = fixture_site.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "extra:\n  review:\n    overdue: ignore\n", encoding="utf-8")
    line = len(config.read_text(encoding="utf-8").splitlines())
    result = remind(fixture_site)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert f"mkdocs.yml:{line}:5: `overdue: ignore` is not a choice the kit knows" in result.stderr, result.stderr


def github_outputs(text: str) -> dict[str, str]:
    """$GITHUB_OUTPUT as the runner reads it: `name=value` lines and `name<<MARKER` ... `MARKER` blocks."""
    outputs, lines = {}, iter(text.split("\n"))
    for line in lines:
        if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
            name, marker = line.split("<<", 1)
            block = []
            for inner in lines:
                if inner == marker:
                    break
                block.append(inner)
            outputs[name] = "\n".join(block)
        elif "=" in line:
            name, value = line.split("=", 1)
            outputs[name] = value
    return outputs


def test_a_page_title_cannot_end_the_body_early_or_add_outputs_of_its_own(fixture_site: FixtureSite, tmp_path: Path) -> None:
    # A title written as a YAML block can hold line breaks: with a fixed end-marker it closed the body and set `due`.
    title = "|\n  Aftercare\n  REMINDER_BODY_END\n  due=0\n  pwned=yes\n  @clinic-team"
    fixture_site.write("docs/overdue.md", page(title, "2026-11-20"))
    bodies = []
    for run in range(2):
        output = tmp_path / f"github-output-{run}"
        result = remind(fixture_site, "--github-output", str(output))
        assert result.returncode == 0, result.stderr
        outputs = github_outputs(output.read_text(encoding="utf-8"))
        assert set(outputs) == {"due", "body"} and outputs["due"] == "1", outputs
        bodies.append(output.read_text(encoding="utf-8").splitlines()[1])
        row = next(line for line in outputs["body"].splitlines() if "docs/overdue.md" in line)
        assert "Aftercare REMINDER_BODY_END due=0 pwned=yes @\u200bclinic-team" in row, row  # one line, no @mention
    assert bodies[0] != bodies[1], "the end-marker is new on every run"


def test_the_reminder_only_touches_an_issue_the_workflow_opened_itself() -> None:
    workflow = (ROOT / ".github" / "workflows" / "review-reminder.yml").read_text(encoding="utf-8")
    step = workflow[workflow.index("gh issue list") :]
    assert '--author "$AUTHOR"' in step and ".author.login == env.AUTHOR" in step
    assert "AUTHOR: app/github-actions" in workflow
