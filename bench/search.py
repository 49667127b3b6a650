"""Search benchmark: how long until the first result, and what search costs to download.

    python bench/search.py [--sops N ...] [--runs R] [--out bench/SEARCH-RESULTS.md]

Builds this handbook, and a synthetic handbook of N SOPs for each ``--sops``
(``bench/generate.py``), with ``mkdocs build --strict``; serves each site on
127.0.0.1 and opens its home page in headless Chromium (Debian's) with a cold
cache and a query in the search link (``?q=``), as a reader who types at once.
Reported per handbook (median of the runs):

- time from navigation to the page's load event, and to the first result
  shown (the worker fetching the index, building it, answering);
- what the browser downloads for search: the worker, the lunr language
  scripts and ``search_index.json``, as served and gzip-compressed;
- how long lunr takes to build the index (in Node, ``bench/lunr_build.mjs``)
  with the Indonesian language, and with words as written (what Material
  does for an Indonesian site by itself): the share of the wait that is ours.

The report (Markdown, with the machine and versions) goes to stdout and to
``--out``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from playwright.sync_api import Browser, Response, sync_playwright
from scale_browser import served

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
QUERY = "penyusunan laporan"
ANSWERED = """() => /dokumen/.test(document.querySelector(".md-search-result__meta")?.textContent || "")"""
SEARCH_FILES = ("/search/search_index.json", "/assets/javascripts/workers/", "/assets/javascripts/lunr/")


@dataclass
class Measure:
    """One handbook's numbers."""

    name: str
    sops: int
    loaded_ms: float
    first_result_ms: float
    downloads: dict[str, int]
    gzipped: int
    lunr_ms: dict[str, int]


def build(project: Path, site: Path) -> Path:
    """``mkdocs build --strict`` of ``project`` into ``site``."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)]
    subprocess.run(command, cwd=project, env=env, check=True, capture_output=True)
    return site


def synthetic(sops: int, workdir: Path) -> Path:
    """A synthetic handbook of ``sops`` SOPs, built."""
    project = workdir / f"sintetis-{sops}"
    generate = [sys.executable, str(ROOT / "bench" / "generate.py"), "--sops", str(sops), "--out", str(project)]
    subprocess.run(generate, check=True, capture_output=True)
    return build(project, project / "site")


def run_once(browser: Browser, url: str) -> tuple[float, float, dict[str, int]]:
    """Load time, time to the first result (ms from navigation) and the search downloads."""
    context = browser.new_context()  # a new context: cold cache
    page = context.new_page()
    downloads: dict[str, int] = {}

    def record(response: Response) -> None:
        path = "/" + response.url.split("/", 3)[3].split("?")[0]
        if path.startswith(SEARCH_FILES):
            downloads[path] = len(response.body())

    page.on("response", record)
    page.goto(f"{url}?q={QUERY.replace(' ', '+')}")
    page.wait_for_function(ANSWERED, timeout=120_000)
    first = page.evaluate("performance.now()")
    loaded = page.evaluate("performance.timing.loadEventEnd - performance.timing.navigationStart")
    context.close()
    return float(loaded), float(first), downloads


def measure(browser: Browser, name: str, site: Path, runs: int) -> Measure:
    """The median of ``runs`` cold loads of ``site``'s home page with a search."""
    with served(site) as url:
        results = [run_once(browser, url) for _ in range(runs)]
    downloads = results[-1][2]
    gzipped = sum(len(gzip.compress((site / path.lstrip("/")).read_bytes())) for path in downloads)
    sops = len(list((site / "sop").rglob("index.html")))
    return Measure(
        name,
        sops,
        statistics.median(r[0] for r in results),
        statistics.median(r[1] for r in results),
        downloads,
        gzipped,
        lunr_build(site),
    )


def lunr_build(site: Path) -> dict[str, int]:
    """Milliseconds lunr takes to build ``site``'s index, plain and Indonesian (Node)."""
    command = ["node", str(ROOT / "bench" / "lunr_build.mjs"), str(site)]
    result = subprocess.run(command, check=True, capture_output=True, text=True, cwd=ROOT)
    return {key: int(value) for key, value in json.loads(result.stdout).items()}


def kib(size: int) -> str:
    return f"{size / 1024:,.0f} KiB"


def report(measures: list[Measure], runs: int) -> str:
    """The Markdown report."""
    versions = ", ".join(f"{p} {metadata.version(p)}" for p in ("mkdocs", "mkdocs-material", "playwright"))
    chromium = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True).stdout.strip()
    lines = [
        "# Pencarian: waktu sampai hasil pertama dan ukuran unduhan",
        "",
        f"Mesin: {platform.machine()}, {os.cpu_count()} inti, Python {platform.python_version()}, "
        f"{versions}, {chromium}. Kueri: “{QUERY}”, cache dingin, median dari {runs} kali, 127.0.0.1.",
        "",
        "| Buku | SOP | Entri indeks | Halaman dimuat | Hasil pertama | Indeks (search_index.json) | "
        "Bahasa (lunr.id) | Semua unduhan pencarian | … dengan gzip | lunr membangun indeks: kata apa adanya "
        "/ bahasa Indonesia |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for m in measures:
        index = sum(size for path, size in m.downloads.items() if path.endswith("search_index.json"))
        language = sum(size for path, size in m.downloads.items() if path.endswith("lunr.id.min.js"))
        lines.append(
            f"| {m.name} | {m.sops} | {m.lunr_ms['docs']:,} | {m.loaded_ms:,.0f} ms | {m.first_result_ms:,.0f} ms | "
            f"{kib(index)} | {kib(language)} | {kib(sum(m.downloads.values()))} | {kib(m.gzipped)} | "
            f"{m.lunr_ms['plain']:,} ms / {m.lunr_ms['id']:,} ms |"
        )
    lines += [
        "",
        "Hasil pertama = dari navigasi sampai hasil tampil: unduh indeks, lunr membangun indeks di web worker",
        "(di setiap pemuatan halaman, cara kerja Material), lalu menjawab. Kolom terakhir diukur di Node",
        "(`bench/lunr_build.mjs`, median 3 kali): selisihnya adalah biaya bahasa Indonesia.",
    ]
    lines += ["", "Berkas yang diunduh untuk pencarian (buku terakhir):", ""]
    lines += [f"- `{path}`: {kib(size)}" for path, size in sorted(measures[-1].downloads.items())]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sops", type=int, action="append", default=[], help="synthetic handbook size (repeatable)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "SEARCH-RESULTS.md")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        sites = [("Buku pedoman ini", build(ROOT, Path(tmp) / "buku"))]
        sites += [(f"Sintetis {n}", synthetic(n, Path(tmp))) for n in options.sops]
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        measures = [measure(browser, name, site, options.runs) for name, site in sites]
        browser.close()
    text = report(measures, options.runs)
    options.out.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
