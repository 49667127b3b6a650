"""The scale benchmark's results and their Markdown report (see ``scale.py``).

Every verdict is computed here from the measured numbers; the targets are
the issue's (issue 7), stated for N = 1000 and the growth from N = 100.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
from dataclasses import dataclass, field
from datetime import datetime
from importlib import metadata
from pathlib import Path

import yaml
from scale_browser import CHROMIUM, Draw, MermaidLoad, ServeResult

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = (
    "mkdocs",
    "mkdocs-material",
    "mkdocs-macros-plugin",
    "mkdocs-mermaid2-plugin",
    "PyYAML",
    "Markdown",
    "pymdown-extensions",
    "playwright",
)
TARGET_RATIO = 1.15  # our build at most this times the floor's, at N = 1000
TARGET_GROWTH = 1.1  # time(large N) at most 1.1 × (large N / small N) × time(small N): 11 × from 100 to 1000
TARGET_SITE_BYTES = 80_000_000  # 80 MB (10^6 bytes), the built site of 1000 SOPs without Mermaid
TARGET_DRAW_MS = 1500.0
TARGET_N = 1000
MB = 1_000_000


@dataclass(frozen=True)
class Build:
    """One timed ``mkdocs build --strict``: wall seconds, the child's peak RSS, the built site."""

    seconds: float
    peak_kib: int
    site_bytes: int  # without Mermaid
    pages: int  # HTML files
    book_bytes: int = 0  # of site_bytes: the book (buku/, mkdocs-print-site-plugin), a second copy of every SOP


@dataclass
class SizeResult:
    """Our build and the floor's for one N: the minimum over the repeats of each measure."""

    n: int
    ours: Build
    floor: Build
    mermaid_bytes: int
    page_mismatch: list[str] = field(default_factory=list)  # HTML files in one site only


@dataclass
class Results:
    """Everything one run measured."""

    sizes: list[SizeResult]
    repeat: int
    command: str
    started: datetime
    load_before: tuple[float, float, float]
    load_after: tuple[float, float, float] = (0.0, 0.0, 0.0)
    draws: list[Draw] | None = None
    loads: list[MermaidLoad] | None = None
    serve: ServeResult | None = None
    serve_n: int = 0


def seconds(build: Build) -> float:
    """The build time as the report shows it: ratios are computed from the numbers shown."""
    return round(build.seconds, 2)


def mib(build: Build) -> float:
    """Peak memory in MiB, as shown."""
    return float(round(build.peak_kib / 1024))


def megabytes(build: Build) -> float:
    """The built site's size in MB (10^6 bytes), as shown."""
    return round(build.site_bytes / MB, 2)


def ratio(a: float, b: float) -> float:
    """``a / b`` as the report shows it, to two decimals (infinite when ``b`` is 0).

    A target is judged on the number shown: 1.153 is shown as 1.15 and so meets "within 1.15 ×".
    """
    return round(a / b, 2) if b else float("inf")


def verdict(ok: bool) -> str:
    return "met" if ok else "**NOT met**"


def _mb(size: int) -> str:
    return f"{size / MB:,.2f} MB"


def size_table(s: SizeResult) -> list[str]:
    """The table of one N: ours, the floor, ours / floor."""
    o, f = s.ours, s.floor
    same = "same set" if not s.page_mismatch else f"**DIFFERENT** ({len(s.page_mismatch)} files in one site only)"
    return [
        f"### N = {s.n}",
        "",
        "| Measure | Ours (handbook) | Floor (plain Markdown) | Ours / floor |",
        "|---|---:|---:|---:|",
        f"| Build time (wall) | {seconds(o):.2f} s | {seconds(f):.2f} s | {ratio(seconds(o), seconds(f)):.2f} × |",
        f"| Time per SOP page (build time / N) | {seconds(o) / s.n * 1000:,.1f} ms | "
        f"{seconds(f) / s.n * 1000:,.1f} ms | |",
        f"| Peak memory (max RSS) | {mib(o):,.0f} MiB | {mib(f):,.0f} MiB | {ratio(mib(o), mib(f)):.2f} × |",
        f"| Built site, without Mermaid | {megabytes(o):,.2f} MB | {megabytes(f):,.2f} MB | "
        f"{ratio(megabytes(o), megabytes(f)):.2f} × |",
        f"| of which the book (`buku/`) | {_mb(o.book_bytes)} | {_mb(f.book_bytes)} | |",
        f"| HTML pages | {o.pages:,} | {f.pages:,} | {same} |",
        "",
    ]


def growth_table(small: SizeResult, large: SizeResult) -> list[str]:
    """How each measure grows from the smallest N to the largest (from the numbers shown)."""
    factor = large.n / small.n
    rows = [
        ("Build time, ours", seconds(large.ours), seconds(small.ours)),
        ("Build time, floor", seconds(large.floor), seconds(small.floor)),
        ("Time per SOP page, ours", seconds(large.ours) / large.n, seconds(small.ours) / small.n),
        ("Time per SOP page, floor", seconds(large.floor) / large.n, seconds(small.floor) / small.n),
        ("Peak memory, ours", mib(large.ours), mib(small.ours)),
        ("Peak memory, floor", mib(large.floor), mib(small.floor)),
        ("Built site, ours", megabytes(large.ours), megabytes(small.ours)),
        ("Built site, floor", megabytes(large.floor), megabytes(small.floor)),
        (
            "Ours / floor build time",
            ratio(seconds(large.ours), seconds(large.floor)),
            ratio(seconds(small.ours), seconds(small.floor)),
        ),
    ]
    lines = [
        f"## Growth from N = {small.n} to N = {large.n} (N × {factor:g})",
        "",
        f"| Measure | N = {small.n} → N = {large.n} |",
        "|---|---:|",
    ]
    lines += [f"| {name} | × {ratio(big, little):.2f} |" for name, big, little in rows]
    return [*lines, ""]


def targets(results: Results) -> list[tuple[str, str, bool | None]]:
    """Each target: what it says, the measured value, met or not (None: not measured in this run)."""
    small, large = results.sizes[0], results.sizes[-1]
    at = "" if large.n == TARGET_N else f" (measured at N = {large.n}, not {TARGET_N})"
    build_ratio = ratio(seconds(large.ours), seconds(large.floor))
    rows: list[tuple[str, str, bool | None]] = [
        (
            f"Build at N = {TARGET_N} within {TARGET_RATIO} × the floor",
            f"{build_ratio:.2f} ×{at}",
            build_ratio <= TARGET_RATIO,
        )
    ]
    if len(results.sizes) > 1:
        bound = TARGET_GROWTH * large.n / small.n
        growth = ratio(seconds(large.ours), seconds(small.ours))
        rows.append(
            (
                f"Build time grows linearly: time(N = {large.n}) ≤ {bound:g} × time(N = {small.n})",
                f"× {growth:.2f}",
                growth <= bound,
            )
        )
    without_book = large.ours.site_bytes - large.ours.book_bytes
    rows.append(
        (
            f"Built site of {TARGET_N} SOPs under {TARGET_SITE_BYTES // MB} MB, without Mermaid, without the book",
            f"{_mb(without_book)}{at}",
            without_book < TARGET_SITE_BYTES,
        )
    )
    rows.append(
        (
            "The same with the book (`buku/`, issue 8; `SOP_BUKU=false` leaves it out)",
            f"{_mb(large.ours.site_bytes)}{at}",
            large.ours.site_bytes < TARGET_SITE_BYTES,
        )
    )
    rows += _browser_targets(results)
    return rows


def _browser_targets(results: Results) -> list[tuple[str, str, bool | None]]:
    if results.draws is None or results.loads is None:
        return [
            ("Diagram drawn within 1.5 s; Mermaid only on pages with a diagram", "not measured (--no-browser)", None)
        ]
    times = [d.drawn_ms for d in results.draws]
    worst = None if None in times else max(t for t in times if t is not None)
    shown = "not drawn within 30 s on some page" if worst is None else f"max {worst:,.0f} ms of {len(times)} pages"
    wrong = [load for load in results.loads if load.loaded != load.has_diagram]
    return [
        (
            f"SOP page's diagram drawn within {TARGET_DRAW_MS / 1000:g} s (cold cache)",
            shown,
            worst is not None and worst <= TARGET_DRAW_MS,
        ),
        (
            "Mermaid loaded only on pages that have a diagram",
            f"{len(results.loads) - len(wrong)} of {len(results.loads)} pages as expected",
            not wrong,
        ),
    ]


def targets_table(results: Results) -> list[str]:
    lines = ["## Targets", "", "| Target | Measured | Result |", "|---|---:|---|"]
    for name, value, ok in targets(results):
        lines.append(f"| {name} | {value} | {'not measured' if ok is None else verdict(ok)} |")
    return [*lines, ""]


def browser_section(results: Results) -> list[str]:
    if results.draws is None or results.loads is None:
        return ["## Browser", "", "Not measured (`--no-browser`).", ""]
    lines = [
        f"## Browser (N = {results.sizes[-1].n}, our site)",
        "",
        "Headless Chromium, site served by Python's http.server on 127.0.0.1, a new browser context",
        "(cold cache) per page. Time from navigation start until the diagram's SVG is in its shadow root",
        "(`performance.now()`, polled every 5 ms in the page); one unmeasured visit first starts the",
        "browser's processes.",
        "",
        "| SOP page | Diagram drawn | Load event ended |",
        "|---|---:|---:|",
    ]
    for draw in results.draws:
        shown = "not within 30 s" if draw.drawn_ms is None else f"{draw.drawn_ms:,.0f} ms"
        lines.append(f"| `{draw.path}` | {shown} | {draw.loaded_ms:,.0f} ms |")
    what = "Requests for Mermaid (`mermaid*.js`, `mermaid*.mjs` or a module under `mermaid/`, any host)"
    lines += ["", f"{what}, cold cache:", ""]
    lines += ["| Page | Path | Has a diagram | Mermaid requested | As expected |", "|---|---|---|---|---|"]
    for load in results.loads:
        yes = {True: "yes", False: "no"}
        ok = "yes" if load.loaded == load.has_diagram else "**NO**"
        lines.append(f"| {load.label} | `{load.path or '/'}` | {yes[load.has_diagram]} | {yes[load.loaded]} | {ok} |")
    return [*lines, ""]


def serve_section(results: Results) -> list[str]:
    if results.serve is None:
        return ["## mkdocs serve", "", "Not measured (`--no-serve`).", ""]
    serve = results.serve
    return [
        f"## mkdocs serve (N = {results.serve_n})",
        "",
        f"- Start-up, from starting `mkdocs serve --strict` until the home page is served: {serve.startup_s:.1f} s.",
        f"- From writing an edit (a word appended to a step's `kegiatan` in `sop_source/{serve.source}`) until",
        f"  `{serve.path}` shows it (polled every 0.2 s over HTTP): {serve.edit_s:.1f} s.",
        "",
    ]


FLOOR_TEXT = """## How the floor is made

The floor is the same pages, pre-rendered, built by the same MkDocs and Material configuration
without our code. For each N, one untimed build of our handbook adds two hook files, last
(`bench/capture_tags_hook.py`, `bench/capture_hooks.py`). At the lowest priority of
`on_page_markdown` (-1000, after mkdocs-macros and our hooks at -100) they write each page's final
Markdown, with `page.meta` as YAML front matter (so Material's tags and `hide` behave the same), to
the floor's `docs/`; Material's tags plugin (priority -50) turns its listing directive into a
placeholder headline, which the capture turns back into the directive, so that the floor's tags
plugin does the same work. Every other file of the build from `docs/` or generated in memory (assets,
CSS, JavaScript, the JSON exports) is copied too; the theme's own files are not. The floor's
mkdocs.yml is the project's with `watch` removed, `hooks` replaced by `bench/floor_hooks.py` (the
handbook's settings of the theme's output: templates without their block tags' whitespace, the
navigation without indentation, the theme's unused files left out, the book's script on the book
alone, the book holding what each SOP page prints; none of its content), the
`macros` and `mermaid2` plugins
removed, `nav` set to the nav our hooks produced (the generated source listings, kept out of the
nav by our hooks, go to `not_in_nav`), the superfences `mermaid` fence formatted by
`pymdownx.superfences.fence_code_format` instead of mermaid2's (so `<pre class="mermaid">` holds the
diagram's text in both), `extra` and `copyright` as our
hooks leave them; the same theme, features, `custom_dir` (copied), Markdown extensions, search,
tags, mike and print-site (the book) plugins, and validation. The floor is built with `--strict` and must give the same
set of HTML files as ours.

What the floor does not do, and so what the ratio counts as our cost: reading, checking and
rendering the YAML sources (mkdocs-macros and our hooks), mermaid2's per-page HTML pass and script
tags, and our Indonesian search (the language, separator and pipeline set on the search plugin,
the steps added to `search_index.json` and the lunr language script written after the build).
The capture and the timed builds run with the code of `macros/` and
`mkdocs.yml` as they are at that moment.
"""


def machine() -> list[str]:
    """The machine: CPU model, cores, memory, OS."""
    cpuinfo = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    model = next((line.split(":", 1)[1].strip() for line in cpuinfo.splitlines() if line.startswith("model name")), "?")
    meminfo = Path("/proc/meminfo").read_text() if Path("/proc/meminfo").exists() else ""
    total = next((int(line.split()[1]) for line in meminfo.splitlines() if line.startswith("MemTotal")), 0)
    release = Path("/etc/os-release").read_text() if Path("/etc/os-release").exists() else ""
    os_name = next(
        (line.split("=", 1)[1].strip('"') for line in release.splitlines() if line.startswith("PRETTY_NAME=")), "?"
    )
    return [
        f"- CPU: {model}, {os.cpu_count()} cores (os.cpu_count())",
        f"- Memory: {total / 1024 / 1024:.1f} GiB (MemTotal)",
        f"- OS: {os_name}, {platform.system()} {platform.release()} {platform.machine()}",
    ]


def versions() -> list[str]:
    """Python, the packages, Mermaid (node_modules) and Chromium."""
    found = [f"Python {platform.python_version()}"]
    for package in PACKAGES:
        try:
            found.append(f"{package} {metadata.version(package)}")
        except metadata.PackageNotFoundError:
            found.append(f"{package} (not installed)")
    found.append(f"yaml.CSafeLoader {'available' if hasattr(yaml, 'CSafeLoader') else 'NOT available'}")
    mermaid = ROOT / "node_modules" / "mermaid" / "package.json"
    version = json.loads(mermaid.read_text())["version"] if mermaid.exists() else "?"
    found.append(f"Mermaid {version}")
    try:
        chromium = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True, timeout=30).stdout.strip()
    except OSError:
        chromium = "Chromium not found"
    found.append(chromium or "Chromium ?")
    return [", ".join(found)]


def report(results: Results) -> str:
    """The Markdown report."""
    load = ", ".join(f"{x:.2f}" for x in results.load_before) + " before; "
    load += ", ".join(f"{x:.2f}" for x in results.load_after) + " after"
    lines = [
        "# Scale benchmark: build time, memory and size against N",
        "",
        f"Run {results.started:%Y-%m-%d %H:%M} with `{results.command}`; each build a fresh",
        f"`mkdocs build --strict` subprocess; the minimum of {results.repeat} run(s) of each measure.",
        f"Load average (1, 5, 15 min): {load}. The machine is shared with other builds: timings are",
        "noisy, and a ratio of two builds run one after the other is more telling than either time.",
        "",
        *machine(),
        "",
        "Versions: " + versions()[0] + ".",
        "",
        "## Builds",
        "",
        "Ours: the generated project (`bench/generate.py`, seed 1) built with this repository's `macros/`.",
        "Floor: the same pages as plain Markdown, built without our macros and without mermaid2 (below).",
        "Peak memory is the build process's `ru_maxrss` (`os.wait4`); sizes are in MB of 10^6 bytes and",
        f"leave out Mermaid's modules ({_mb(results.sizes[0].mermaid_bytes)}).",
        "",
    ]
    for size in results.sizes:
        lines += size_table(size)
    if len(results.sizes) > 1:
        lines += growth_table(results.sizes[0], results.sizes[-1])
    lines += targets_table(results)
    lines += browser_section(results)
    lines += serve_section(results)
    lines += FLOOR_TEXT.splitlines()
    return "\n".join(lines) + "\n"


def summary(results: Results) -> str:
    """A few lines for the terminal."""
    lines = []
    for s in results.sizes:
        lines.append(
            f"N={s.n}: ours {seconds(s.ours):.2f} s, floor {seconds(s.floor):.2f} s "
            f"(× {ratio(seconds(s.ours), seconds(s.floor)):.2f}), {seconds(s.ours) / s.n * 1000:.1f} ms/SOP, "
            f"peak {mib(s.ours):.0f} MiB, site {megabytes(s.ours):.2f} MB, {s.ours.pages} pages"
            + ("" if not s.page_mismatch else f", PAGE SETS DIFFER ({len(s.page_mismatch)})")
        )
    for name, value, ok in targets(results):
        lines.append(f"{'?' if ok is None else 'ok' if ok else 'NOT MET'}: {name}: {value}")
    if results.serve:
        lines.append(f"serve: start-up {results.serve.startup_s:.1f} s, edit shown after {results.serve.edit_s:.1f} s")
    return "\n".join(lines)
