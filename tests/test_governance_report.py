"""`python -m kit report`: the clinic's record of how its information is made, on a fixture site written from scratch."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURE_TODAY, ROOT
from trustsite import CLINIC_YML, PAGES, write_site


def run_report(root: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "CLINIC_KIT_TODAY": FIXTURE_TODAY, "GITHUB_ACTIONS": "", **env}
    return subprocess.run([sys.executable, "-m", "kit", "report"], cwd=root, env=environment, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def live_report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    root = tmp_path_factory.mktemp("report")
    write_site(root)
    summary = root / "summary.md"
    result = run_report(root, GITHUB_ACTIONS="true", GITHUB_STEP_SUMMARY=str(summary))
    assert result.returncode == 0, result.stderr
    return summary, result.stdout


def rows(report: str) -> dict[str, list[str]]:
    """The health pages' table: page file -> its cells."""
    table = {}
    for line in report.splitlines():
        if line.startswith("| `docs/"):
            cells = [cell.strip() for cell in line.strip("|").split(" | ")]
            table[cells[0].strip("`")] = cells
    return table


def test_each_health_page_has_its_reviewer_dates_sources_oldest_checked_grades_and_open_findings(live_report: tuple[Path, str]) -> None:
    _, report = live_report
    table = rows(report)
    assert set(table) == {"docs/index.md", "docs/recovery.md", "docs/risks.md"}  # prices.md gives no health information
    for name, cells in table.items():
        meta = yaml.safe_load(PAGES[name.removeprefix("docs/")].split("---\n")[1])
        sources = meta.get("sources") or []
        page, reviewer, reviewed, next_review, count, oldest, recheck, grades, findings = cells
        assert reviewer == meta["reviewer"]
        assert (reviewed, next_review) == (meta["reviewed"].isoformat(), meta["next_review"].isoformat())
        assert int(count) == len(sources)
        assert oldest == (min(s["checked"] for s in sources).isoformat() if sources else "-")
        assert int(recheck) == sum(1 for s in sources if s["checked"] < meta["reviewed"])
        assert re.fullmatch(r"-?\d+\.\d / -?\d+\.\d", grades), grades  # Flesch-Kincaid grades, to one decimal
        if not sources:
            assert findings.startswith("1 warning") and "sources.missing" in findings
    assert "sources.recheck" in table["docs/index.md"][-1]
    assert table["docs/recovery.md"][-1] == "none"


def test_each_criterion_is_marked_as_shown_by_the_site_with_where_or_as_the_clinics_own_process(live_report: tuple[Path, str]) -> None:
    _, report = live_report
    criteria = yaml.safe_load((ROOT / "kit" / "governance" / "criteria.yml").read_text(encoding="utf-8"))
    marks = {
        line.split(" | ")[0].strip("| "): line.split(" | ")[1:]
        for line in report.splitlines()
        if line.startswith("| ") and "`docs/" not in line
    }
    for standard in criteria["standards"]:
        assert f"## {standard['title']}" in report
        for criterion in standard["criteria"]:
            status, where = marks[criterion["name"]]
            if "shown" not in criterion:
                assert status == "the clinic's own process" and criterion["process"] in where
            else:
                assert status in ("shown by the site", "partly shown", "not shown") and where.strip(" |")
    # What this clinic's site shows and lacks: one page without sources, one source not re-checked.
    assert marks["A record of evidence sources"][0] == "partly shown"
    assert "2 of 3 health pages" in marks["A record of evidence sources"][1]
    assert marks["Clinical approval"][0] == "shown by the site"
    assert "badge" not in report.lower() or "awards no standard" in report


def test_in_github_actions_the_report_is_also_the_runs_summary(live_report: tuple[Path, str]) -> None:
    summary, report = live_report
    assert summary.read_text(encoding="utf-8").endswith(report)


def test_a_demonstration_site_claims_no_clinical_approval(tmp_path: Path) -> None:
    site = write_site(tmp_path)
    site.write("clinic.yml", CLINIC_YML.replace("mode: live", "mode: demo"))
    result = run_report(tmp_path)
    assert result.returncode == 0, result.stderr
    approval = next(line for line in result.stdout.splitlines() if line.startswith("| Clinical approval |"))
    assert "| not shown |" in approval and "demonstration" in approval
