"""The kit's code as a clinic's developer meets it: one read per page, one shape of finding, checks as rules."""

from __future__ import annotations

import ast
import builtins
import io
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import FIXTURE_PAGE, FIXTURE_TODAY, ROOT, FixtureSite


def test_a_build_opens_each_page_file_once(fixture_site: FixtureSite, monkeypatch: pytest.MonkeyPatch) -> None:
    """A real MkDocs build in this process, with every file opening counted (nothing replaced)."""
    fixture_site.write("docs/second.md", FIXTURE_PAGE.replace("# Welcome", "# Second page"))
    fixture_site.write("docs/third.md", FIXTURE_PAGE.replace("# Welcome", "# Third page"))
    docs = (fixture_site.root / "docs").resolve()
    pages = sorted(path.name for path in docs.glob("*.md"))
    opened: Counter[str] = Counter()
    real_open = io.open

    def counting_open(file, *args, **kwargs):
        if isinstance(file, (str, os.PathLike)) and Path(file).resolve().parent == docs and str(file).endswith(".md"):
            opened[Path(file).name] += 1
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", counting_open)
    monkeypatch.setattr(io, "open", counting_open)
    monkeypatch.setenv("CLINIC_KIT_TODAY", FIXTURE_TODAY)
    monkeypatch.chdir(fixture_site.root)

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    build(load_config(str(fixture_site.root / "mkdocs.yml"), site_dir=str(fixture_site.root / "site"), strict=True))

    assert (fixture_site.root / "site" / "second" / "index.html").exists()
    assert opened == Counter({page: 1 for page in pages})


FINDING = re.compile(r"^(ERROR|WARNING|INFO) +-  (\w+): (\S+:\d+:\d+: .*)$", re.M)


def test_a_page_without_a_description_is_reported_at_its_first_line_and_stops_the_strict_build(fixture_site: FixtureSite) -> None:
    fixture_site.write("docs/index.md", FIXTURE_PAGE.replace("description: A short page the tests build.\n", ""))
    build = fixture_site.build("--strict")
    assert build.returncode != 0
    assert "WARNING -  description: docs/index.md:1:1: This page has no `description` in its front matter." in build.output, build.output


def test_the_command_line_check_reports_exactly_what_the_build_reports(fixture_site: FixtureSite) -> None:
    """No description, no Key points, overdue, a typo: `python -m kit check` and the build say the same, and both fail."""
    page = FIXTURE_PAGE.replace("description: A short page the tests build.\n", "")
    page = page.replace("next_review: 2027-11-01", "next_review: 2026-11-02")
    fixture_site.write("docs/index.md", page.replace('!!! abstract "Key points"', "Some adapouts here.\n\n!!! note"))
    build = fixture_site.build("--strict")
    check = subprocess.run(
        [sys.executable, "-m", "kit", "check"],
        cwd=fixture_site.root,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT), "CLINIC_KIT_TODAY": FIXTURE_TODAY},
    )
    in_build = FINDING.findall(build.output)
    assert {check for _, check, _ in in_build} >= {"description", "review", "readability", "termcheck"}, build.output
    assert FINDING.findall(check.stdout) == in_build
    assert build.returncode != 0 and check.returncode == 1, check.stdout + check.stderr


def test_the_words_the_kit_adds_to_a_page_come_from_the_language_file(fixture_site: FixtureSite) -> None:
    """kit/strings/en.yml is the one place to change (or translate) them: the built page shows its values."""
    text = yaml.safe_load((ROOT / "kit" / "strings" / "en.yml").read_text(encoding="utf-8"))
    fixture_site.write("docs/index.md", FIXTURE_PAGE.replace("---\n\n#", "contact: true\n---\n\n#", 1))
    fixture_site.go_live()  # a live site's review line (a demonstration's says it is one)
    clinic = yaml.safe_load((fixture_site.root / "clinic.yml").read_text(encoding="utf-8"))
    build = fixture_site.build("--strict")
    assert build.returncode == 0, build.output
    page = BeautifulSoup(build.page(""), "html.parser")
    assert page.select_one(".clinic-contact h2").get_text() == text["contact"]["title"].format(clinic=clinic["name"])
    assert page.select_one(".clinic-disclaimer").get_text(" ", strip=True) == f"{text['disclaimer']['label']} {text['disclaimer']['text']}"
    review = page.select_one(".page-review").get_text(" ", strip=True)
    assert review.startswith(text["review"]["last_reviewed"]) and text["review"]["reviewed_by"] in review


#: kit/'s layers, lowest first (README, "Architecture"). A module imports only from its own
#: layer and the ones below; kit/__init__.py (the docstring) belongs to none.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("kit.report",),
    ("kit.data",),
    ("kit.pages",),
    ("kit.wording",),
    ("kit.review",),
    ("kit.release",),
    ("kit.checks",),
    ("kit.project",),
    ("kit.brochure",),
    ("kit.web",),
    ("kit.check", "kit.governance", "kit.__main__"),
)


def kit_imports() -> dict[str, set[str]]:
    """Every kit module and the kit modules it imports, at any depth of its code (TYPE_CHECKING and function bodies too)."""
    modules = {}
    for path in sorted((ROOT / "kit").rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        modules[name] = path
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
                targets = [f"{base}.{alias.name}" for alias in node.names] + [base]
            for target in targets:
                while target and target not in modules:
                    target = target.rpartition(".")[0]
                if target and target != name and target != "kit":
                    found.add(target)
        graph[name] = found
    return graph


def layer_of(module: str) -> int:
    for number, layer in enumerate(LAYERS):
        if any(module == top or module.startswith(top + ".") for top in layer):
            return number
    raise AssertionError(f"{module} is in no layer of LAYERS: add its package there and to the README's architecture")


def test_kit_has_no_import_cycle_not_even_for_type_checking() -> None:
    graph = kit_imports()
    state: dict[str, str] = {}
    cycles: list[list[str]] = []

    def visit(module: str, path: list[str]) -> None:
        state[module] = "open"
        for target in sorted(graph[module]):
            if state.get(target) == "open":
                cycles.append([*path[path.index(target) :], target])
            elif target not in state:
                visit(target, [*path, target])
        state[module] = "done"

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert not cycles, "import cycles in kit/: " + "; ".join(" -> ".join(cycle) for cycle in cycles)


def test_lower_layers_of_the_kit_never_import_higher_ones() -> None:
    upward = [
        f"{module} imports {target}"
        for module, targets in kit_imports().items()
        if module != "kit"
        for target in targets
        if layer_of(target) > layer_of(module)
    ]
    assert not upward, "\n".join(upward)


def test_the_kit_folder_shows_its_packages_with_few_modules_beside_them() -> None:
    top = sorted(path.name for path in (ROOT / "kit").glob("*.py"))
    assert len(top) <= 4, top
    for package in sorted(path.parent for path in (ROOT / "kit").glob("*/__init__.py")):
        docstring = ast.get_docstring(ast.parse((package / "__init__.py").read_text(encoding="utf-8")))
        assert docstring and "imports:" in docstring.lower(), f"{package.name}/__init__.py: say what it owns and imports"
