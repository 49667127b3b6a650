"""The import benchmark runs and reports every kind of file, each with all its SOPs written."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.browser


def test_the_import_benchmark_reports_each_kind_of_file(tmp_path):
    out = tmp_path / "IMPORT-RESULTS.md"
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "impor.py"), "--sops", "3", "--runs", "1", "--out", str(out)],
        check=True,
        capture_output=True,
    )
    rows = re.findall(r"^\| (\w+) \(`(\.\w+)`\) \| [\d.]+ MB \| [\d.]+ s \| (\d+) \|$", out.read_text(), re.M)
    assert {kind for kind, _, _ in rows} >= {"teks", "pdf"}
    assert all(written == "3" for _, _, written in rows), rows
