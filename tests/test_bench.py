"""``bench/scale.py`` on tiny handbooks: it builds ours and the floor, and its report adds up."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SIZES = (3, 6)
pytestmark = pytest.mark.build


def cells(report: str, n: int, measure: str) -> list[str]:
    """The cells of a row of the table of ``n`` SOPs."""
    table = report.split(f"### N = {n}\n\n", 1)[1].split("\n\n", 1)[0]
    row = next(line for line in table.splitlines() if line.startswith(f"| {measure} |"))
    return [cell.strip() for cell in row.strip("|").split("|")][1:]


def number(cell: str) -> float:
    return float(re.sub(r"[^\d.]", "", cell))


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    """The report of a run at N = 3 and 6, and the working folder."""
    tmp = tmp_path_factory.mktemp("bench")
    out, work = tmp / "RESULTS.md", tmp / "work"
    sizes = ",".join(map(str, SIZES))
    command = [sys.executable, "bench/scale.py", "--sizes", sizes, "--no-browser", "--no-serve"]
    command += ["--work", str(work), "--out", str(out)]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return out.read_text(encoding="utf-8"), work


@pytest.mark.parametrize("n", SIZES)
def test_each_size_has_a_table_whose_ratios_are_the_numbers_shown(run, n):
    report, _ = run
    for measure in ("Build time (wall)", "Peak memory (max RSS)", "Built site, without Mermaid"):
        ours, floor, shown = (number(cell) for cell in cells(report, n, measure))
        assert ours > 0 and floor > 0
        assert shown == pytest.approx(ours / floor, abs=0.006), measure
    ours_time = number(cells(report, n, "Build time (wall)")[0])
    per_page = number(cells(report, n, "Time per SOP page (build time / N)")[0])
    assert per_page == pytest.approx(ours_time / n * 1000, abs=0.06)


@pytest.mark.parametrize("n", SIZES)
def test_the_floor_built_the_same_pages_from_plain_markdown(run, n):
    report, work = run
    ours, floor, same = cells(report, n, "HTML pages")
    assert ours == floor and same == "same set"
    assert int(ours) > n  # the SOPs, roles, regulations, source listings, ...
    project = work / f"n{n}" / "floor"
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert "mermaid2" not in config and "macros:" not in config
    assert re.search(r"^hooks:\n- \S+/bench/floor_hooks\.py\n(?!- )", config, re.M)  # the theme settings only
    assert "fence_code_format" in config
    assert len(list((project / "docs" / "sop").rglob("*.md"))) == n
    assert "{{" not in next((project / "docs" / "sop").rglob("*.md")).read_text(encoding="utf-8")
    assert "<!-- material/tags -->" in (project / "docs" / "kategori.md").read_text(encoding="utf-8")


def test_growth_and_targets_are_computed_from_the_tables(run):
    report, _ = run
    small, large = (number(cells(report, n, "Build time (wall)")[0]) for n in SIZES)
    growth = re.search(r"\| Build time, ours \| × ([\d.]+) \|", report)
    assert growth and float(growth[1]) == pytest.approx(large / small, abs=0.006)
    ratio = number(cells(report, SIZES[-1], "Build time (wall)")[2])
    target = re.search(
        r"\| Build at N = 1000 within 1.15 × the floor \| ([\d.]+) ×.*\| (met|\*\*NOT met\*\*) \|", report
    )
    assert target and float(target[1]) == ratio
    assert (target[2] == "met") == (ratio <= 1.15)
    assert "CSafeLoader" in report and "Mermaid " in report and "os.cpu_count()" in report
    book, floor_book = (number(cell) for cell in cells(report, SIZES[-1], "of which the book (`buku/`)")[:2])
    assert book > 0 and floor_book > 0  # both build the book: the same configuration
    site = number(cells(report, SIZES[-1], "Built site, without Mermaid")[0])
    target = r"\| Built site of 1000 SOPs under 80 MB, without Mermaid, without the book \| ([\d.]+) MB"
    without = re.search(target, report)
    assert without and float(without[1]) == pytest.approx(site - book, abs=0.011)
