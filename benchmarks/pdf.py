"""How long the brochure PDF takes, and how large it gets, as a site grows.

Builds synthetic sites of 50, 200 and 1000 pages twice each: once without
PDFs (CLINIC_KIT_PDF=off) and once with them. The PDF's cost is the
difference, so it does not depend on how fast the rest of the build is.
Only the first paper in mkdocs.yml is made (`extra.brochure.paper`), since
a clinic that wants both pays the same again.

Run alone with `python -m benchmarks.pdf`; `make bench` calls `measure_pdf`.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from benchmarks.synthetic import make_synthetic_site

TARGET_SECONDS_FOR_200_PAGES = 15.0


def measure_pdf(sizes: tuple[int, ...] = (50, 200, 1000)) -> list[dict]:
    """Per size: build seconds with and without PDF, PDF wall and CPU seconds, brochure file MB, peak memory MB, PDF pages."""
    results = []
    with tempfile.TemporaryDirectory(prefix="bench-pdf-") as workdir:
        for size in sizes:
            project = Path(workdir) / f"site-{size}"
            config_file = make_synthetic_site(project, size)
            _one_paper_no_handout(config_file)
            without, cpu_without, _ = _build(project, pdf=False)
            with_pdf, cpu_with, peak_mb = _build(project, pdf=True)
            brochure = next((project / "site").glob("*-brochure-*.pdf"))
            results.append(
                {
                    "pages": size,
                    "build_s_without_pdf": round(without, 1),
                    "build_s_with_pdf": round(with_pdf, 1),
                    "pdf_s": round(with_pdf - without, 1),
                    "pdf_cpu_s": round(cpu_with - cpu_without, 1),
                    "pdf_mb": round(brochure.stat().st_size / 1e6, 2),
                    "peak_memory_mb": peak_mb,
                    "pdf_pages": _page_count(brochure),
                }
            )
    return results


def _one_paper_no_handout(config_file: Path) -> None:
    """The handout is one page whatever the site's size: leave it out of the growth figures."""
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    brochure = config["extra"]["brochure"]
    brochure["paper"] = brochure["paper"][:1]
    brochure.pop("handout", None)
    config_file.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")


# `mkdocs build` in a child Python that reports its own peak memory when it exits.
_MKDOCS_WITH_PEAK_MEMORY = """
import resource, runpy, sys
sys.argv = ["mkdocs", "build", "--site-dir", sys.argv[1]]
try:
    runpy.run_module("mkdocs", run_name="__main__")
finally:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print("PEAK_KB", usage.ru_maxrss, "CPU_S", usage.ru_utime + usage.ru_stime, file=sys.stderr)
"""


def _build(project: Path, pdf: bool) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds and peak memory (MB) of one `mkdocs build`.

    CPU seconds matter on a shared machine: wall time there also counts the
    time other people's work held the cores.
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "CLINIC_KIT_PDF": "on" if pdf else "off"}
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", _MKDOCS_WITH_PEAK_MEMORY, str(project / "site")],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise RuntimeError(f"The synthetic build of {project.name} failed:\n{result.stdout}{result.stderr}")
    figures = result.stderr.rsplit("PEAK_KB", 1)[1].split()
    return elapsed, float(figures[2]), int(figures[0]) // 1024


def _page_count(pdf: Path) -> int | None:
    try:
        from pypdf import PdfReader
    except ImportError:  # pypdf comes with the test packages; the figure is optional
        return None
    return len(PdfReader(pdf).pages)


def report(results: list[dict]) -> str:
    """A table for the terminal, with the 200-page target and the cost per site page (flat = linear)."""
    lines = [
        f"{'pages':>6} {'build s (no pdf)':>17} {'build s (pdf)':>14} {'pdf s':>7} {'pdf cpu s':>10} {'pdf MB':>7} {'peak MB':>8} {'pdf pages':>10} {'cpu ms/site page':>17}"  # noqa: E501 (one table row)
    ]
    for row in results:
        per_page = 1000 * row["pdf_cpu_s"] / row["pages"]
        lines.append(
            f"{row['pages']:>6} {row['build_s_without_pdf']:>17} {row['build_s_with_pdf']:>14} {row['pdf_s']:>7} {row['pdf_cpu_s']:>10} "
            f"{row['pdf_mb']:>7} {row['peak_memory_mb']:>8} {row['pdf_pages'] or '?':>10} {per_page:>17.0f}"
        )
    at_200 = next((row["pdf_s"] for row in results if row["pages"] == 200), None)
    if at_200 is not None:
        verdict = "within" if at_200 <= TARGET_SECONDS_FOR_200_PAGES else "OVER"
        lines.append(f"200 pages: {at_200} s of PDF, {verdict} the {TARGET_SECONDS_FOR_200_PAGES:.0f} s target.")
    return "\n".join(lines)


def print_pdf(results: list[dict]) -> None:
    """The table `make bench` shows after the wording check's."""
    print("PDF brochure (synthetic sites, one paper size, no handout)")
    print(report(results))


if __name__ == "__main__":
    sizes = tuple(int(arg) for arg in sys.argv[1:]) or (50, 200, 1000)
    print(report(measure_pdf(sizes)))
