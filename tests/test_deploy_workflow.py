"""The GitHub workflows a clinic gets: valid, safe by default, publishing only from main, reminding weekly.

Checked offline: GitHub's workflow schema (check-jsonschema's built-in copy) and
zizmor's security audits (all of them, pedantic ones included), run as the
programs CI would run, plus what the clinic relies on: a strict build before
every publish, tests on pull requests, nothing published from a pull request.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"
REMINDER = ROOT / ".github" / "workflows" / "review-reminder.yml"
RELEASE = ROOT / ".github" / "workflows" / "release.yml"
WORKFLOWS = [WORKFLOW, REMINDER, RELEASE]
BIN = Path(sys.executable).parent
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")


def workflow(path: Path = WORKFLOW) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def steps(job: str) -> list[dict]:
    return workflow()["jobs"][job]["steps"]


def step_using(job: str, action: str) -> dict:
    found = [step for step in steps(job) if step.get("uses", "").startswith(action + "@")]
    assert len(found) == 1, f"{job} should use {action} once"
    return found[0]


def schema_check(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [BIN / "check-jsonschema", "--builtin-schema", "vendor.github-workflows", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def zizmor(path: Path) -> tuple[int, list[dict], str]:
    result = subprocess.run(
        [BIN / "zizmor", "--offline", "--persona=pedantic", "--format=json", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    return result.returncode, json.loads(result.stdout or "[]"), result.stderr


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_the_workflow_matches_githubs_schema(path: Path) -> None:
    result = schema_check(path)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_zizmor_finds_nothing_in_the_workflow_even_when_pedantic(path: Path) -> None:
    code, findings, errors = zizmor(path)
    summary = [f"{f['ident']}: {f['desc']}" for f in findings]
    assert code == 0 and not findings, summary or errors


def test_the_checks_reject_an_unsafe_or_invalid_workflow(tmp_path: Path) -> None:
    """Both checks can fail: a tag-pinned checkout that keeps credentials, and a misspelled key."""
    unsafe = tmp_path / "unsafe.yml"
    text = WORKFLOW.read_text(encoding="utf-8")
    text = re.sub(r"actions/checkout@[0-9a-f]{40}.*", "actions/checkout@v7", text)
    unsafe.write_text(text.replace("        with:\n          persist-credentials: false\n", ""), encoding="utf-8")
    code, findings, _ = zizmor(unsafe)
    assert code != 0 and {"unpinned-uses", "artipacked"} <= {f["ident"] for f in findings}

    invalid = tmp_path / "invalid.yml"
    invalid.write_text(WORKFLOW.read_text(encoding="utf-8").replace("runs-on:", "run-on:", 1), encoding="utf-8")
    assert schema_check(invalid).returncode != 0


def test_it_publishes_on_a_push_to_main_or_by_hand_and_checks_pull_requests() -> None:
    triggers = workflow()["on"]
    assert triggers["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in triggers and "pull_request" in triggers


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_every_action_is_pinned_to_a_full_commit_with_its_version_named(path: Path) -> None:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if re.match(r"\s*(- )?uses:", line)]
    assert len(lines) >= 2
    for line in lines:
        action, _, comment = line.split("uses:", 1)[1].partition("#")
        assert PINNED.match(action.strip()), line
        assert re.match(r"\s*v\d+(\.\d+)*\s*$", comment), f"no version comment: {line}"


def test_the_build_is_strict_and_pull_requests_are_tested() -> None:
    build = workflow()["jobs"]["build"]
    assert build["permissions"] == {"contents": "read"}
    runs = [step.get("run", "") for step in build["steps"]]
    assert "make build" in runs and "make test" in runs
    assert runs.index("make build") < runs.index("make test")
    tests = next(step for step in build["steps"] if step.get("run") == "make test")
    assert tests.get("if", "true") in ("true", "github.event_name == 'pull_request'"), "pull requests must run the tests"
    assert "--strict" in (ROOT / "Makefile").read_text(encoding="utf-8")
    assert step_using("build", "actions/checkout")["with"]["persist-credentials"] is False
    python = step_using("build", "actions/setup-python")["with"]
    assert python["cache"] == "pip" and "requirements.txt" in python["cache-dependency-path"]
    upload = step_using("build", "actions/upload-pages-artifact")
    assert upload["with"]["path"].rstrip("/") == "site"
    assert "pull_request" in upload["if"], "a pull request must not package the site for Pages"


def test_only_main_is_published_one_deployment_at_a_time() -> None:
    deploy = workflow()["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert "pull_request" in deploy["if"] and "refs/heads/main" in deploy["if"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["concurrency"]["group"] == "pages" and deploy["concurrency"]["cancel-in-progress"] is False
    assert deploy["environment"]["name"] == "github-pages"
    step_using("deploy", "actions/configure-pages")
    assert step_using("deploy", "actions/deploy-pages")["id"] == "deployment"
    assert workflow()["permissions"] == {}, "the workflow grants nothing by default"


@pytest.mark.parametrize("ci", [".ci/run", ".github/workflows/pages.yml"])
def test_ci_runs_the_same_two_commands_a_newcomer_runs(ci: str) -> None:
    text = (ROOT / ci).read_text(encoding="utf-8")
    assert re.search(r"^\s*(run: )?make build\s*$", text, re.M) and re.search(r"^\s*(run: )?make test\s*$", text, re.M)


# ---- the weekly review reminder ----------------------------------------------------------


def test_the_review_reminder_runs_weekly_and_by_hand() -> None:
    triggers = workflow(REMINDER)["on"]
    assert "workflow_dispatch" in triggers
    [schedule] = triggers["schedule"]
    minute, hour, day_of_month, month, day_of_week = schedule["cron"].split()
    assert (day_of_month, month) == ("*", "*") and re.fullmatch(r"[0-6]", day_of_week), "once a week"


def test_only_the_job_that_writes_the_issue_may_write_issues_and_it_runs_no_repository_code() -> None:
    reminder = workflow(REMINDER)
    assert reminder["permissions"] == {}, "the workflow grants nothing by default"
    jobs = reminder["jobs"]
    writers = [name for name, job in jobs.items() if job.get("permissions", {}).get("issues") == "write"]
    assert writers == ["issue"]
    assert jobs["issue"]["permissions"] == {"issues": "write"}
    assert not [step for step in jobs["issue"]["steps"] if "uses" in step], "the issue job checks nothing out"
    assert jobs["list"]["permissions"] == {"contents": "read"}
    checkout = next(step for step in jobs["list"]["steps"] if step.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["persist-credentials"] is False


def test_the_reminder_lists_pages_with_the_kits_own_script_and_keeps_one_issue() -> None:
    jobs = workflow(REMINDER)["jobs"]
    runs = " ".join(step.get("run", "") for step in jobs["list"]["steps"])
    assert "python -m kit.review.reminders --github-output" in runs
    assert jobs["issue"]["needs"] == "list"
    script = next(step for step in jobs["issue"]["steps"] if "run" in step)
    assert "${{" not in script["run"], "values reach the script through env, never pasted into it"
    for command in ("gh issue list", "gh issue edit", "gh issue create", "gh issue close"):
        assert command in script["run"], command
    assert script["env"]["DUE"] == "${{ needs.list.outputs.due }}" and script["env"]["BODY"] == "${{ needs.list.outputs.body }}"


# ---- releasing a version from the web (issue 21) ----------------------------------------------


def test_a_version_is_released_by_hand_with_a_note_and_never_from_a_pull_request() -> None:
    triggers = workflow(RELEASE)["on"]
    assert list(triggers) == ["workflow_dispatch"]
    note = triggers["workflow_dispatch"]["inputs"]["note"]
    assert note["required"] is True and note["type"] == "string"
    assert workflow(RELEASE)["concurrency"]["cancel-in-progress"] is False, "one release at a time"


def test_only_the_job_that_records_the_release_may_write_and_it_runs_no_repository_code() -> None:
    release = workflow(RELEASE)
    assert release["permissions"] == {}, "the workflow grants nothing by default"
    jobs = release["jobs"]
    writers = [name for name, job in jobs.items() if "write" in job.get("permissions", {}).values()]
    assert writers == ["record"]
    assert jobs["make"]["permissions"] == {"contents": "read"}
    assert jobs["record"]["permissions"] == {"contents": "write", "actions": "write"}
    assert jobs["record"]["needs"] == "make"
    record = jobs["record"]["steps"]
    assert [step["uses"].split("@")[0] for step in record if "uses" in step] == ["actions/checkout"]
    scripts = " ".join(step.get("run", "") for step in record)
    for code in ("make ", "python", ".venv", "pip ", "./", "npm"):
        assert code not in scripts, f"the writing job runs {code!r}"
    for step in (*record, *jobs["make"]["steps"]):
        assert "${{" not in step.get("run", ""), "values reach the scripts through env, never pasted into them"
        if step.get("uses", "").startswith("actions/checkout@"):
            assert step["with"]["persist-credentials"] is False


def test_the_release_is_built_from_main_by_the_kits_command_and_only_its_new_files_are_committed() -> None:
    jobs = workflow(RELEASE)["jobs"]
    assert jobs["make"]["if"] == "github.ref == 'refs/heads/main'"
    runs = " ".join(step.get("run", "") for step in jobs["make"]["steps"])
    assert 'python -m kit.release --note "$NOTE" --github-output' in runs
    release_step = next(step for step in jobs["make"]["steps"] if "kit.release" in step.get("run", ""))
    assert release_step["env"]["NOTE"] == "${{ inputs.note }}"
    record = " ".join(step.get("run", "") for step in jobs["record"]["steps"])
    new_files_only = "archive/(releases\\.yml|v${VERSION}/([A-Za-z_-]+/)?[^/]+\\.pdf)"
    assert new_files_only in record, "anything but the new version's files stops the commit"
    assert "git push" in record and "HEAD:main" in record and "gh workflow run pages.yml" in record


def test_pull_requests_build_unreleased_content_as_a_draft_and_main_refuses_it() -> None:
    env = workflow()["jobs"]["build"]["env"]
    assert env["CLINIC_KIT_UNRELEASED"] == "${{ github.event_name == 'pull_request' && 'draft' || 'refuse' }}"
