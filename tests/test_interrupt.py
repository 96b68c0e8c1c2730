"""Ctrl-C while the PDFs render: the build stops within seconds, the published site stays, nothing is left behind.

Each try runs the real `make build` on a fixture site of its own in a process
group of its own, waits until the PDFs are being made, and sends SIGINT to the
whole group, as a terminal's Ctrl-C does, or to the build's own process alone
(`kill -INT`), which used to leave it waiting on its PDF workers until a second
signal. Two papers: six PDFs on the workers, some still waiting their turn.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import FIXTURE_TODAY, ROOT
from hostile_site import PAGE, HostileSite

#: The issue's promise: stopped within 5 s, in ten tries out of ten (about a minute here: each try is a real build).
TRIES = int(os.environ.get("CLINIC_KIT_INTERRUPT_TRIES", "10"))
STOPS_WITHIN = 5.0


def make_build(site: HostileSite) -> subprocess.Popen[bytes]:
    """`make build` with this checkout's Makefile and venv, in the site's folder (the venv's set-up steps count as done)."""
    venv = Path(sys.executable).parent.parent
    settled = [f"--old-file={venv / stamp}" for stamp in (".build-deps", ".kit-on-path")]
    env = {**os.environ, "CLINIC_KIT_TODAY": FIXTURE_TODAY, "NO_MKDOCS_2_WARNING": "1"}
    command = ["make", "-f", str(ROOT / "Makefile"), "-C", str(site.root), "build", f"VENV={venv}", *settled]
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)


def builder_in(group: int) -> int:
    """The `mkdocs build` process of the group (not make, its shell, or the PDF workers forked from it)."""
    processes = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            command = (stat.parent / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue  # ended meanwhile
        if int(fields[2]) == group:  # its process group
            # python .venv/bin/mkdocs build ... (the shell that make starts has the words in its one `-c` argument)
            builds = Path(command[0].decode()).name.startswith("python") and b"build" in command[1:3]
            processes[int(stat.parent.name)] = (int(fields[1]), builds)
    return next(pid for pid, (parent, builds) in processes.items() if builds and not processes.get(parent, (0, False))[1])


def group_is_gone(group: int) -> bool:
    try:
        os.killpg(group, 0)
    except ProcessLookupError:
        return True
    return False


def test_ctrl_c_while_the_pdfs_render_stops_the_build_within_seconds_and_keeps_the_site(tmp_path: Path) -> None:
    site = HostileSite(tmp_path)
    site.with_brochure("[a4, letter]")
    long_page = PAGE + "".join(
        f"\n## Part {n}\n\nThe nurse explains each step of the visit and answers your questions.\n" for n in range(40)
    )
    site.write("docs/index.md", long_page)
    published = site.write("site/index.html", "the last good build")
    delays = random.Random(20).sample([x / 10 for x in range(15)], TRIES)  # seeded: the same tries in every run
    for attempt, delay in enumerate(delays, start=1):
        build = make_build(site)
        printing = site.root / ".site-new" / "print_page" / "index.html"  # print-site's page: the PDFs come next
        deadline = time.monotonic() + 120
        while not printing.exists() and build.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        assert build.poll() is None, (
            f"try {attempt}: the build ended before its PDFs: {build.stderr.read().decode() if build.stderr else ''}"
        )
        time.sleep(delay)
        interrupted = time.monotonic()
        if attempt % 2:
            os.killpg(build.pid, signal.SIGINT)  # Ctrl-C in a terminal: every process of the build gets it
        else:
            os.kill(builder_in(build.pid), signal.SIGINT)  # `kill -INT`: the build alone (its PDF workers hung it)
        try:
            build.wait(timeout=STOPS_WITHIN)
        except subprocess.TimeoutExpired:
            os.killpg(build.pid, signal.SIGKILL)
            raise AssertionError(f"try {attempt} (Ctrl-C {delay} s into the PDFs): still running {STOPS_WITHIN} s later") from None
        stopped = time.monotonic() - interrupted
        deadline = time.monotonic() + STOPS_WITHIN - stopped
        while not group_is_gone(build.pid) and time.monotonic() < deadline:  # the PDF workers too
            time.sleep(0.05)
        errors = build.stderr.read().decode() if build.stderr else ""
        assert group_is_gone(build.pid), f"try {attempt}: a process of the build outlived it"
        assert build.returncode != 0, f"try {attempt}: the interrupted build reported success"
        assert published.read_text(encoding="utf-8") == "the last good build", f"try {attempt}: site/ changed"
        assert not (site.root / ".site-new").exists(), f"try {attempt}: the half-made site was left behind"
        assert "InvalidStateError" not in errors, errors
