"""The publishing workflow and the pre-commit hooks run the same make targets the README gives.

What the workflow's settings do for the site (the deployment's address, nothing published that failed a test,
the preview artifact's rules, time limits, pinned actions); not a copy of the file's lines."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from helpers import present

ROOT = Path(__file__).resolve().parents[1]
WORKFLOW = ROOT / ".github/workflows/website.yml"


@pytest.fixture(scope="module")
def workflow() -> dict[str, Any]:
    """The workflow file as YAML reads it (untyped)."""
    data: dict[Any, Any] = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def steps(job: dict[str, Any]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = job["steps"]
    return found


def commands(job: dict[str, Any]) -> list[str]:
    return [line.strip() for step in steps(job) if "run" in step for line in step["run"].splitlines() if line.strip()]


def readme_make_commands() -> set[str]:
    return set(re.findall(r"`(make [a-z-]+)", (ROOT / "README.md").read_text(encoding="utf-8"))) | set(
        re.findall(r"^(make [a-z-]+)", (ROOT / "README.md").read_text(encoding="utf-8"), re.M)
    )


def test_check_job_leaves_the_annotations_switched_on(workflow: dict[str, Any]) -> None:
    job = workflow["jobs"]["check"]
    # Annotations need GITHUB_ACTIONS=true, which Actions always sets; nothing may switch it off.
    assert all("GITHUB_ACTIONS" not in str(step.get("env", {})) for step in steps(job))


def test_workflow_runs_all_tests_with_chromium_on_pull_requests_and_before_deploying(workflow: dict[str, Any]) -> None:
    job = workflow["jobs"]["test"]
    assert "if" not in job  # pull requests and pushes to main alike
    assert "test" in workflow["jobs"]["deploy"]["needs"]  # nothing is published that failed a browser test
    run = commands(job)
    install = next(i for i, c in enumerate(run) if "apt-get install" in c and "chromium" in c)
    assert run.index("make test") > install


def test_workflow_deploys_main_to_pages_with_site_url_from_configure_pages(workflow: dict[str, Any]) -> None:
    job = workflow["jobs"]["deploy"]
    assert "refs/heads/main" in job["if"] and job["needs"] == ["check", "test"]
    # A deployment is never cancelled half-way by the next push.
    assert job["concurrency"]["group"] and job["concurrency"]["cancel-in-progress"] is False
    pages_id = next(s["id"] for s in steps(job) if s.get("uses", "").startswith("actions/configure-pages"))
    build = next(s for s in steps(job) if s.get("run") == "make build")
    assert build["env"]["SITE_URL"] == f"${{{{ steps.{pages_id}.outputs.base_url }}}}"
    assert build["env"]["REPO_URL"] == "${{ github.server_url }}/${{ github.repository }}"
    upload = next(s for s in steps(job) if s.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload["with"]["path"] == "site"


def test_deploy_checks_the_operators_legal_data_first_for_the_pages_address(workflow: dict[str, Any]) -> None:
    # A fresh fork's first deployment must fail in a step named for what to fill in, not deep in the build.
    job = workflow["jobs"]["deploy"]
    run = [s.get("run") for s in steps(job)]
    check = next(s for s in steps(job) if s.get("run") == "make check")
    build = next(s for s in steps(job) if s.get("run") == "make build")
    assert run.index("make check") < run.index("make build")
    assert "content/betreiber.yml" in check["name"]
    assert check["env"]["SITE_URL"] == build["env"]["SITE_URL"]


def test_workflow_checks_out_full_history_for_last_changed_dates(workflow: dict[str, Any]) -> None:
    for job in workflow["jobs"].values():
        checkout = next(s for s in steps(job) if s.get("uses", "").startswith("actions/checkout"))
        assert checkout["with"]["fetch-depth"] == 0


def test_workflow_make_commands_are_those_of_the_readme(workflow: dict[str, Any]) -> None:
    used = {c for job in workflow["jobs"].values() for c in commands(job) if c.startswith("make ")}
    assert used == {"make lint", "make check", "make build", "make test", "make properdocs-vergleich"}
    assert used <= readme_make_commands()


def test_pull_request_site_is_uploaded_as_preview_artifact(workflow: dict[str, Any]) -> None:
    job = workflow["jobs"]["check"]
    upload = next(s for s in steps(job) if s.get("uses", "").startswith("actions/upload-artifact"))
    assert upload["if"] == "github.event_name == 'pull_request'"
    assert upload["with"]["name"] == "website-vorschau" and upload["with"]["path"] == "site/"
    assert steps(job).index(upload) > next(i for i, s in enumerate(steps(job)) if s.get("run") == "make build")
    # Only what the rules admitted (test_hostile.py: test_hostile_site_publishes_only_what_the_rules_admit):
    # after the content check and the strict build, nothing hidden, nothing from another folder.
    assert steps(job).index(upload) > next(i for i, s in enumerate(steps(job)) if s.get("run") == "make check")
    assert upload["with"].get("include-hidden-files", False) is False


WORKFLOWS = sorted((ROOT / ".github/workflows").glob("*.yml"))


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_actions_are_pinned_to_a_commit_with_the_version_in_a_comment(path: Path) -> None:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if re.match(r"^\s*(- )?uses:", line)]
    assert lines
    for line in lines:
        assert re.search(r"uses: [\w.-]+/[\w.-]+@[0-9a-f]{40}  # v\d+(\.\d+)*$", line), line


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_no_checkout_keeps_the_token_and_no_job_has_more_than_it_names(path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["permissions"] == {}
    for job in data["jobs"].values():
        assert job["permissions"]["contents"] == "read"
        for step in steps(job):
            if step.get("uses", "").startswith("actions/checkout"):
                assert step["with"]["persist-credentials"] is False


def test_source_check_runs_weekly_and_never_on_pull_requests() -> None:
    data = yaml.safe_load((ROOT / ".github/workflows/quellen.yml").read_text(encoding="utf-8"))
    triggers = data.pop(True, data.get("on"))
    assert set(triggers) == {"schedule", "workflow_dispatch"}
    (cron,) = [entry["cron"] for entry in triggers["schedule"]]
    assert cron.split()[2:4] == ["*", "*"] and cron.split()[4].isdigit()  # one weekday, every week
    assert [c for job in data["jobs"].values() for c in commands(job)] == ["make quellen-pruefen"]


def test_site_url_is_read_from_the_environment_in_one_place_without_a_default() -> None:
    # No default address: a build without SITE_URL must not publish a loopback address (README, Betrieb).
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert re.findall(r"^site_url:.*$", text, re.M) == ["site_url: !ENV SITE_URL"]


def test_pre_commit_runs_the_content_check_locally() -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = {h["id"]: h for repo in config["repos"] if repo["repo"] == "local" for h in repo["hooks"]}
    check = next(h for h in hooks.values() if h["entry"] == "make check")
    assert check["language"] == "system" and check["pass_filenames"] is False
    assert re.search(check["files"], "content/projects/herne-goerresstrasse.yml")


@pytest.mark.parametrize("target", ["new-project", "new-veranstaltung", "new-beitrag", "schemas"])
def test_makefile_has_the_editor_targets(target: str) -> None:
    result = subprocess.run(["make", "-n", target, f"VENV={ROOT / '.venv'}"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert f"-m ogi {target}" in result.stdout


def _make(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["make", "--no-print-directory", *args], cwd=ROOT, capture_output=True, text=True)


def test_make_alone_lists_every_command_with_one_line() -> None:
    listed = _make().stdout.splitlines()
    assert listed == _make("help").stdout.splitlines()
    phony = (
        present(re.search(r"^\.PHONY: (.*)$", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M)).group(1).split()
    )
    names = [line.split()[1] for line in listed]
    assert sorted(names) == sorted(phony)
    assert all(re.fullmatch(r"  make [a-z-]+ +\S.*", line) for line in listed), listed


def test_make_test_fast_leaves_out_browser_and_slow_tests() -> None:
    result = subprocess.run(
        ["make", "-n", "test-fast", f"VENV={ROOT / '.venv'}"], cwd=ROOT, capture_output=True, text=True
    )
    assert '-m pytest -m "not browser and not slow"' in result.stdout


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_job_has_a_time_limit(path: Path) -> None:
    # GitHub's default is six hours: content that keeps a step busy must not hold a runner that long.
    jobs = yaml.safe_load(path.read_text(encoding="utf-8"))["jobs"]
    assert {
        name: job.get("timeout-minutes") for name, job in jobs.items() if not 0 < job.get("timeout-minutes", 0) <= 60
    } == {}
