"""Import benchmark: how long importing a book of N SOPs takes, per kind of file.

    python bench/impor.py [--sops 100] [--runs 3] [--out bench/IMPORT-RESULTS.md]

Writes one book of N SOP AP forms (the test forms of ``tests/formulir_uji``,
numbered apart, 5 to 30 steps each) as each kind of file the importer reads
(text copy; PDF printed by Chromium; Word and Excel when their fixture
writers are present), then runs ``python -m sop_handbook import`` on it in a
fresh process and reports the wall time (median of the runs) and the SOPs
written. The report (Markdown) goes to stdout and to ``--out``.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import sections
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "macros")]

from tests.formulir_pdf import tulis_pdf  # noqa: E402
from tests.formulir_teks import tulis_teks  # noqa: E402
from tests.formulir_uji import CONTOH, Formulir, Langkah  # noqa: E402


def book(count: int) -> list[Formulir]:
    """``count`` forms, each its own title and number, 5 to 30 steps with a decision."""
    forms = []
    for n in range(count):
        steps = tuple(
            Langkah(
                i,
                f"Kegiatan {i} prosedur {n}: memeriksa dan meneruskan berkas permohonan",
                ((i - 1) % len(CONTOH.kolom),),
                "keputusan" if i == 3 else "proses",
                kelengkapan="Berkas",
                waktu=f"{i} jam",
                output=f"Berkas {i}",
            )
            for i in range(1, 6 + n % 26)
        )
        identity = tuple(
            (label, f"{value} {n}" if label == "Nomor SOP" else value) for label, value in CONTOH.identitas
        )
        forms.append(
            dataclasses.replace(CONTOH, identitas=identity, langkah=steps, judul=f"SOP Pelayanan Nomor {n + 1}")
        )
    return forms


def writers(browser: object) -> dict[str, tuple[str, object]]:
    """Each kind of file with its fixture writer: (suffix, write(forms, path))."""
    found: dict[str, tuple[str, object]] = {"teks": (".txt", lambda forms, path: tulis_teks(path, forms))}
    found["pdf"] = (".pdf", lambda forms, path: tulis_pdf(browser, path, forms))  # type: ignore[arg-type]
    for kind, module, name, suffix in (
        ("word", "formulir_word", "tulis_docx", ".docx"),
        ("excel", "formulir_excel", "tulis_xlsx", ".xlsx"),
    ):
        try:
            write = getattr(importlib.import_module(f"tests.{module}"), name)
        except (ImportError, AttributeError):
            continue
        found[kind] = (suffix, lambda forms, path, write=write: write(path, forms))
    return found


def measure(path: Path, runs: int) -> tuple[float, int]:
    """The median wall time of importing ``path`` in a fresh process, and the SOPs it wrote."""
    times, written = [], 0
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as out:
            start = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "sop_handbook", "import", str(path), "--out", out],
                cwd=ROOT,
                check=True,
                capture_output=True,
                env={**os.environ, "PYTHONPATH": str(ROOT / "macros")},
            )
            times.append(time.perf_counter() - start)
            written = len([p for p in Path(out).glob("*.yaml") if not p.name.endswith(".usulan.yaml")])
    return statistics.median(times), written


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sops", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "IMPORT-RESULTS.md")
    parser.add_argument("--results", type=Path, default=ROOT / "bench" / "RESULTS.md", help="its section goes here too")
    args = parser.parse_args()
    forms = book(args.sops)
    steps = sum(len(form.langkah) for form in forms)
    rows = []
    with tempfile.TemporaryDirectory() as work, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"))
        for kind, (suffix, write) in writers(browser).items():
            path = Path(work) / f"buku-sop{suffix}"
            write(forms, path)  # type: ignore[operator]
            seconds, written = measure(path, args.runs)
            size = path.stat().st_size / 1e6
            rows.append(f"| {kind} (`{suffix}`) | {size:.2f} MB | {seconds:.2f} s | {written} |")
        browser.close()
    report = "\n".join(
        [
            "# Import benchmark",
            "",
            f"Run {time.strftime('%Y-%m-%d %H:%M')} with "
            f"`python bench/impor.py --sops {args.sops} --runs {args.runs}`:",
            f"a book of {args.sops} SOP AP forms ({steps} steps) in one file per kind, imported with",
            "`python -m sop_handbook import` in a fresh process (start-up included); the median of the runs.",
            f"Machine: {os.cpu_count()} cores, {platform.platform()}, Python {platform.python_version()}.",
            "",
            "| File | Size | Import time | SOPs written |",
            "|---|---:|---:|---:|",
            *rows,
            "",
        ]
    )
    print(report)
    args.out.write_text(report, encoding="utf-8")
    summary = report.split("\n", 2)[2]  # without the title
    sections.put(args.results, sections.OWNED[0], f"From `bench/{args.out.name}`.\n\n{summary}")


if __name__ == "__main__":
    main()
