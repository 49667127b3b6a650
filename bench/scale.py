"""Scale benchmark (``make bench``): how the handbook's build grows with N SOPs, against a floor.

    python bench/scale.py [--sizes 100,1000] [--out bench/RESULTS.md] [--work DIR]
                          [--repeat K] [--no-browser] [--no-serve]

For each N of ``--sizes`` (smallest first):

1. ``bench/generate.py`` writes a synthetic project of N SOPs (seed 1) that
   builds with this repository's ``macros/``.
2. The floor's content: one untimed build of our handbook with two capture
   hooks added last to a copy of its mkdocs.yml writes every page's final
   Markdown (after mkdocs-macros and our hooks) with its front matter, the
   other files of the build and the nav our hooks produce to a floor folder;
   the floor's mkdocs.yml is the project's without our hooks, mkdocs-macros
   and mermaid2, with that nav and superfences' own fence format (see
   ``floor.py`` and ``capture_hooks.py`` for every choice, and the report for
   what the floor does not do).
3. Timed builds, ``--repeat`` times, ours then the floor's, each a fresh
   ``mkdocs build --strict`` subprocess (NO_MKDOCS_2_WARNING=1): wall time,
   peak memory (the child's ``ru_maxrss`` from ``os.wait4``), size of the built
   site without Mermaid (``MERMAID``), number of HTML pages; the minimum over the
   repeats of each. Both sites must have the same set of HTML files.

Then, at the largest N: in headless Chromium (unless ``--no-browser``) the
time until ~5 SOP pages' diagrams are drawn with a cold cache, and which pages
ask for Mermaid's script; under ``mkdocs serve`` (unless ``--no-serve``) the
start-up time and the time until an edited source shows (see
``scale_browser.py``).

The report (``scale_report.py``: machine, versions, a table per N, ratios,
growth, the targets of issue 7 with computed verdicts) goes to ``--out``; a
summary to stdout. The exit status is 0 when a target is not met (it is a
report), 1 when a build fails or the floor's pages differ from ours.
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

import floor
import sections
from scale_browser import chromium, diagram_times, has_diagram, mermaid_loads, serve_edit, served
from scale_report import Build, Results, SizeResult, report, summary

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
MERMAID = ("assets/javascripts/mermaid/",)  # Mermaid, in a built site
BOOK = "buku"  # the book, mkdocs-print-site-plugin's page
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
DIAGRAM_PAGES = 5


class BuildFailed(Exception):
    """A build that did not succeed: its command and the end of its output."""


def run_logged(command: list[str], cwd: Path, log: Path, env: dict[str, str] | None = None) -> tuple[float, int]:
    """Run ``command`` with its output in ``log``: wall seconds and peak RSS (KiB); fail on an error."""
    with log.open("wb") as output:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env or ENV, stdout=output, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)  # reaped by wait4: Popen must not wait again
    if process.returncode != 0:
        tail = "\n".join(log.read_text(encoding="utf-8", errors="replace").splitlines()[-30:])
        raise BuildFailed(f"{shlex.join(command)} (in {cwd}) exited with {process.returncode}:\n{tail}")
    return elapsed, usage.ru_maxrss


def mkdocs_build(project: Path, site: Path, log: Path, config: Path | None = None) -> Build:
    """A timed ``mkdocs build --strict`` of ``project`` into ``site`` (emptied first)."""
    shutil.rmtree(site, ignore_errors=True)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)]
    command += ["--config-file", str(config)] if config else []
    elapsed, peak = run_logged(command, project, log)
    return Build(elapsed, peak, site_bytes(site), len(floor.html_pages(site)), site_bytes(site / BOOK))


def _is_mermaid(path: Path, site: Path) -> bool:
    return path.relative_to(site).as_posix().startswith(MERMAID)


def site_bytes(site: Path) -> int:
    """The size of the built site's files, without Mermaid's modules."""
    files = [path for path in site.rglob("*") if path.is_file()]
    return sum(path.stat().st_size for path in files if not _is_mermaid(path, site))


def mermaid_bytes(site: Path) -> int:
    files = [path for path in site.rglob("*") if path.is_file()]
    return sum(path.stat().st_size for path in files if _is_mermaid(path, site))


def fastest(builds: list[Build]) -> Build:
    """The minimum of each measure over repeated builds (the size and pages do not change)."""
    first = builds[0]
    fastest_s, least_kib = min(b.seconds for b in builds), min(b.peak_kib for b in builds)
    return Build(fastest_s, least_kib, first.site_bytes, first.pages, first.book_bytes)


def generate(n: int, project: Path, log: Path) -> None:
    """The synthetic project of ``n`` SOPs (seed 1)."""
    shutil.rmtree(project, ignore_errors=True)
    command = [sys.executable, str(BENCH / "generate.py"), "--sops", str(n), "--out", str(project), "--seed", "1"]
    run_logged(command, ROOT, log)


def capture(project: Path, floor_dir: Path, work: Path) -> None:
    """The untimed capture build that fills ``floor_dir``, then the floor's mkdocs.yml."""
    shutil.rmtree(floor_dir, ignore_errors=True)
    floor_dir.mkdir(parents=True)
    config = floor.capture_config(project)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config)]
    command += ["--site-dir", str(work / "site-capture")]
    run_logged(command, project, work / "capture.log", {**ENV, "SOP_BENCH_FLOOR": str(floor_dir)})
    shutil.rmtree(work / "site-capture")
    floor.make_floor(project, floor_dir)


def measure_size(n: int, work: Path, repeat: int) -> SizeResult:
    """Generate, capture the floor, and time both builds ``repeat`` times, one after the other."""
    project, floor_dir = work / "project", work / "floor"
    print(f"N={n}: generating, capturing the floor", flush=True)
    work.mkdir(parents=True, exist_ok=True)
    generate(n, project, work / "generate.log")
    capture(project, floor_dir, work)
    ours: list[Build] = []
    floors: list[Build] = []
    for run in range(repeat):
        print(f"N={n}: timed builds, run {run + 1} of {repeat}", flush=True)
        ours.append(mkdocs_build(project, work / "site-ours", work / "build-ours.log"))
        floors.append(mkdocs_build(floor_dir, work / "site-floor", work / "build-floor.log"))
    pages_ours, pages_floor = floor.html_pages(work / "site-ours"), floor.html_pages(work / "site-floor")
    mismatch = sorted(pages_ours ^ pages_floor)
    return SizeResult(n, fastest(ours), fastest(floors), mermaid_bytes(work / "site-ours"), mismatch)


def sop_pages(site: Path) -> list[str]:
    """The SOP pages of a built site as directory URLs (``sop/<instansi>/<unit>/<id>/``), sorted."""
    pages = sorted(index.parent.relative_to(site).as_posix() + "/" for index in (site / "sop").rglob("index.html"))
    return [page for page in pages if page.count("/") >= 4]


def first_below(site: Path, folder: str) -> str:
    """The first page under ``folder`` other than its index: a role page, a regulation page."""
    pages = sorted(i.parent.relative_to(site).as_posix() + "/" for i in (site / folder).rglob("*/index.html"))
    return pages[0] if pages else f"{folder}/"


def browser(results: Results, site: Path) -> None:
    """Diagram drawing times and where Mermaid is loaded, at the largest N."""
    sops = [page for page in sop_pages(site) if has_diagram(site, page)]
    step = max(1, len(sops) // DIAGRAM_PAGES)
    chosen = sops[::step][:DIAGRAM_PAGES]
    others = {
        "Home": "",
        "Glosarium": "glosarium/",
        "Role page": first_below(site, "pelaksana"),
        "Regulation page": first_below(site, "dasar-hukum"),
    }
    print("browser: diagrams and Mermaid's requests", flush=True)
    with served(site) as base, chromium() as chrome:
        results.draws = diagram_times(chrome, base, chosen)
        results.loads = mermaid_loads(chrome, site, base, {"SOP page": chosen[0], **others})


def serve(results: Results, work: Path) -> None:
    """``mkdocs serve`` at the largest N: start-up and an edit shown."""
    project, site = work / "project", work / "site-ours"
    page = sop_pages(site)[0]
    source = project / "sop_source" / f"{page.rstrip('/').rsplit('/', 1)[-1]}.yaml"
    timeout = max(300.0, 20 * results.sizes[-1].ours.seconds)
    print("serve: start-up and an edit", flush=True)
    results.serve = serve_edit(project, source, page, work / "serve.log", timeout)
    results.serve_n = results.sizes[-1].n


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", default="100,1000", help="numbers of SOPs, comma-separated (default 100,1000)")
    parser.add_argument("--out", type=Path, default=BENCH / "RESULTS.md", help="the report (default bench/RESULTS.md)")
    parser.add_argument("--work", type=Path, help="working folder, kept (default: a temporary one, removed)")
    parser.add_argument("--repeat", type=int, default=1, help="timed builds of each kind; the minimum is reported")
    parser.add_argument("--no-browser", action="store_true", help="skip the measurements in Chromium")
    parser.add_argument("--no-serve", action="store_true", help="skip the mkdocs serve measurement")
    options = parser.parse_args(argv)
    try:
        options.sizes = sorted({int(size) for size in options.sizes.split(",")})
    except ValueError:
        parser.error("--sizes: numbers separated by commas, e.g. 100,1000")
    if options.sizes[0] < 1 or options.repeat < 1:
        parser.error("--sizes and --repeat must be 1 or more")
    return options


def run(options: argparse.Namespace, work: Path) -> Results:
    command = "python bench/scale.py " + shlex.join(sys.argv[1:])
    results = Results([], options.repeat, command.strip(), datetime.now(), os.getloadavg())
    for n in options.sizes:
        results.sizes.append(measure_size(n, work / f"n{n}", options.repeat))
    largest = work / f"n{options.sizes[-1]}"
    if not options.no_browser:
        browser(results, largest / "site-ours")
    if not options.no_serve:
        serve(results, largest)
    results.load_after = os.getloadavg()
    return results


def main(argv: list[str] | None = None) -> int:
    options = parse(argv)
    work = options.work or Path(tempfile.mkdtemp(prefix="sop-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        results = run(options, work.resolve())
    except BuildFailed as error:
        print(f"error: build failed: {error}", file=sys.stderr)
        return 1
    finally:
        if options.work is None:
            shutil.rmtree(work, ignore_errors=True)
    options.out.parent.mkdir(parents=True, exist_ok=True)
    options.out.write_text(sections.carry_over(report(results), options.out), encoding="utf-8")
    print(summary(results))
    print(f"report: {options.out}")
    mismatched = [s for s in results.sizes if s.page_mismatch]
    for size in mismatched:
        print(f"error: N={size.n}: the floor's HTML pages differ from ours: {size.page_mismatch[:10]}", file=sys.stderr)
    return 1 if mismatched else 0


if __name__ == "__main__":
    sys.exit(main())
