"""The import benchmark runs and reports every kind of file, each with all its SOPs written, and its
figures stay in bench/RESULTS.md whichever benchmark wrote that last."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import sections

SCALE_REPORT = "# Scale benchmark\n\nRun today.\n\n## Builds\n\n| a | b |\n\n## Targets\n\nmet\n"


@pytest.mark.browser
def test_the_import_benchmark_reports_each_kind_of_file(tmp_path):
    out, results = tmp_path / "IMPORT-RESULTS.md", tmp_path / "RESULTS.md"
    results.write_text(SCALE_REPORT, encoding="utf-8")
    command = [sys.executable, str(ROOT / "bench" / "impor.py"), "--sops", "3", "--runs", "1"]
    subprocess.run([*command, "--out", str(out), "--results", str(results)], check=True, capture_output=True)
    row = r"^\| (\w+) \(`(\.\w+)`\) \| [\d.]+ MB \| [\d.]+ s \| (\d+) \|$"
    rows = re.findall(row, out.read_text(), re.M)
    assert {kind for kind, _, _ in rows} == {"teks", "pdf", "word", "excel"}
    assert all(written == "3" for _, _, written in rows), rows
    report = results.read_text()
    assert report.startswith(SCALE_REPORT.rstrip("\n"))
    assert re.findall(row, report.split("\n## Import\n", 1)[1], re.M) == rows


def test_the_import_section_is_replaced_in_place_and_kept_when_the_scale_report_is_rewritten(tmp_path):
    results = tmp_path / "RESULTS.md"
    results.write_text(SCALE_REPORT, encoding="utf-8")
    sections.put(results, "## Import", "first run")
    sections.put(results, "## Import", "second run")
    text = results.read_text()
    assert text == SCALE_REPORT + "\n## Import\n\nsecond run\n"
    rewritten = sections.carry_over(SCALE_REPORT.replace("met", "missed"), results)
    assert rewritten == SCALE_REPORT.replace("met", "missed") + "\n## Import\n\nsecond run\n"
    results.write_text("# Scale\n\n## Import\n\nold\n\n## Targets\n\nmet\n", encoding="utf-8")
    sections.put(results, "## Import", "new")
    assert results.read_text() == "# Scale\n\n## Import\n\nnew\n\n## Targets\n\nmet\n"
