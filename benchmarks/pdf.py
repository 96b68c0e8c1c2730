"""How long the PDFs take: all of the real site's together, and the brochure as a site grows.

All PDFs: the real project is built twice, its PDFs rendered one after another
(CLINIC_KIT_PDF_WORKERS=1, as before they ran in parallel) and then in parallel
processes; the build's own "PDFs: n in s" line gives the wall time of each.

Growth: builds synthetic sites of 50, 200 and 1000 pages twice each: once without
PDFs (CLINIC_KIT_PDF=off) and once with them. The PDF's cost is the
difference, so it does not depend on how fast the rest of the build is.
Only the first paper in mkdocs.yml is made (`extra.brochure.paper`), since
a clinic that wants both pays the same again.

Run alone with `python -m benchmarks.pdf`; `make bench` calls `measure_pdf`.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from benchmarks.synthetic import make_synthetic_site

TARGET_SECONDS_FOR_200_PAGES = 15.0
ROOT = Path(__file__).resolve().parent.parent


def measure_pdf(sizes: tuple[int, ...] = (50, 200, 1000)) -> dict:
    """All the real site's PDFs, one after another and in parallel; then the synthetic brochures."""
    return {"all_pdfs": measure_all_pdfs(), "synthetic": measure_synthetic(sizes)}


def measure_all_pdfs() -> dict:
    """Wall seconds of every PDF of the real site (both papers: brochure, booklet, handout), before and after parallel."""
    figures: dict[str, float | int] = {}
    with tempfile.TemporaryDirectory(prefix="bench-all-pdfs-") as workdir:
        for name, workers in (("sequential", "1"), ("parallel", "")):
            _, _, _, output = _build(ROOT, pdf=True, site=Path(workdir) / name, env={"CLINIC_KIT_PDF_WORKERS": workers})
            found = re.search(r"PDFs: (\d+) in ([\d.]+) s", output)
            if found is None:
                raise RuntimeError(f"The real site's build did not report its PDFs:\n{output}")
            figures["pdfs"] = int(found.group(1))
            figures[f"{name}_s"] = float(found.group(2))
    figures["workers"] = os.cpu_count() or 1
    return figures


def measure_synthetic(sizes: tuple[int, ...]) -> list[dict]:
    """Per size: build seconds with and without PDF, PDF wall and CPU seconds, the brochure's own seconds, MB, memory, pages."""
    results = []
    with tempfile.TemporaryDirectory(prefix="bench-pdf-") as workdir:
        for size in sizes:
            project = Path(workdir) / f"site-{size}"
            config_file = make_synthetic_site(project, size)
            _one_paper_no_handout(config_file)
            without, cpu_without, _, _ = _build(project, pdf=False)
            with_pdf, cpu_with, peak_mb, output = _build(project, pdf=True)
            brochure = next((project / "site").glob("*-brochure-*.pdf"))
            own = re.search(r"Brochure \([^)]*\): \S+, \d+ pages, ([\d.]+) s", output)
            results.append(
                {
                    "pages": size,
                    "build_s_without_pdf": round(without, 1),
                    "build_s_with_pdf": round(with_pdf, 1),
                    "pdf_s": round(with_pdf - without, 1),
                    "pdf_cpu_s": round(cpu_with - cpu_without, 1),
                    "brochure_s": float(own.group(1)) if own else None,
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
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)  # the PDF processes
    cpu = usage.ru_utime + usage.ru_stime + workers.ru_utime + workers.ru_stime
    print("PEAK_KB", max(usage.ru_maxrss, workers.ru_maxrss), "CPU_S", cpu, file=sys.stderr)
"""


def _build(project: Path, pdf: bool, site: Path | None = None, env: dict[str, str] | None = None) -> tuple[float, float, int, str]:
    """Wall seconds, CPU seconds, peak memory (MB) and messages of one `mkdocs build`.

    CPU seconds matter on a shared machine: wall time there also counts the
    time other people's work held the cores.
    """
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "CLINIC_KIT_PDF": "on" if pdf else "off", **(env or {})}
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", _MKDOCS_WITH_PEAK_MEMORY, str(site or project / "site")],
        cwd=project,
        env=full_env,
        capture_output=True,
        text=True,
    )
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise RuntimeError(f"The synthetic build of {project.name} failed:\n{result.stdout}{result.stderr}")
    figures = result.stderr.rsplit("PEAK_KB", 1)[1].split()
    return elapsed, float(figures[2]), int(figures[0]) // 1024, result.stdout + result.stderr


def _page_count(pdf: Path) -> int | None:
    try:
        from pypdf import PdfReader
    except ImportError:  # pypdf comes with the test packages; the figure is optional
        return None
    return len(PdfReader(pdf).pages)


def report(results: dict) -> str:
    """All PDFs before and after, then a table with the 200-page target and the cost per site page (flat = linear)."""
    every = results["all_pdfs"]
    lines = [
        f"All {every['pdfs']} PDFs of the real site: {every['sequential_s']} s one after another, "
        f"{every['parallel_s']} s in parallel on {every['workers']} cores "
        f"({every['sequential_s'] / max(every['parallel_s'], 0.01):.2f}x)",
        "",
        f"{'pages':>6} {'build s (no pdf)':>17} {'build s (pdf)':>14} {'pdf s':>7} {'brochure s':>11} {'pdf cpu s':>10} {'pdf MB':>7} {'peak MB':>8} {'pdf pages':>10} {'cpu ms/site page':>17}",  # noqa: E501 (one table row)
    ]
    widths = (6, 17, 14, 7, 11, 10, 7, 8, 10)
    keys = ("pages", "build_s_without_pdf", "build_s_with_pdf", "pdf_s", "brochure_s", "pdf_cpu_s", "pdf_mb", "peak_memory_mb", "pdf_pages")
    for row in results["synthetic"]:
        per_page = 1000 * row["pdf_cpu_s"] / row["pages"]
        cells = [f"{row[key] if row[key] is not None else '?':>{width}}" for key, width in zip(keys, widths, strict=True)]
        lines.append(" ".join(cells) + f" {per_page:>17.0f}")
    at_200 = next((row["brochure_s"] for row in results["synthetic"] if row["pages"] == 200), None)
    if at_200 is not None:
        verdict = "within" if at_200 <= TARGET_SECONDS_FOR_200_PAGES else "OVER"
        lines.append(f"200 pages: the brochure took {at_200} s, {verdict} the {TARGET_SECONDS_FOR_200_PAGES:.0f} s target.")
    return "\n".join(lines)


def print_pdf(results: dict) -> None:
    """The figures `make bench` shows after the wording check's."""
    print("PDFs (the real site; synthetic sites: one paper size, no handout; the booklet renders beside the brochure)")
    print(report(results))


if __name__ == "__main__":
    sizes = tuple(int(arg) for arg in sys.argv[1:]) or (50, 200, 1000)
    print(report(measure_pdf(sizes)))
