"""Explaining a revision: each case in tests/cases/diff/ edits copies of the real
sources and states the exact Markdown the explanation must be."""

import shutil
from pathlib import Path

import pytest
import yaml
from sop_handbook.diff import compare
from sop_handbook.render_diff import diff_markdown

from .conftest import ROOT, load

CASES = sorted((Path(__file__).parent / "cases" / "diff").glob("*.yaml"))


def revised_sources(case: dict, target: Path) -> Path:
    """A copy of sop_source/ with the case's copies, edits and removals applied."""
    shutil.copytree(ROOT / "sop_source", target)
    for source, copy in case.get("salin", {}).items():
        shutil.copy2(target / source, target / copy)
    for file, edits in case.get("ubah", {}).items():
        path = target / file
        text = path.read_text(encoding="utf-8")
        for old, new in edits:
            assert old in text, f"{file}: {old!r} not found"
            text = text.replace(old, new, 1)
        path.write_text(text, encoding="utf-8")
    for file in case.get("hapus", []):
        (target / file).unlink()
    return target


@pytest.mark.parametrize("case_file", CASES, ids=lambda p: p.stem)
def test_revision_is_explained_exactly(case_file, tmp_path):
    case = yaml.safe_load(case_file.read_text(encoding="utf-8"))
    old = load(ROOT / "sop_source", ROOT)
    new = load(revised_sources(case, tmp_path / "sop_source"), tmp_path)
    assert diff_markdown(compare(old, new)) == case["hasil"]


def test_the_command_compares_with_a_git_revision(tmp_path):
    import subprocess
    import sys

    project = tmp_path / "proyek"
    for part in ("sop_source", "schema"):
        shutil.copytree(ROOT / part, project / part)
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    subprocess.run(["git", "add", "."], cwd=project, check=True)
    subprocess.run(["git", "-c", "user.name=U", "-c", "user.email=u@x", "commit", "-qm", "a"], cwd=project, check=True)
    lkpj = project / "sop_source" / "penyusunan-lkpj.yaml"
    lkpj.write_text(lkpj.read_text(encoding="utf-8").replace("waktu: 2 Hari", "waktu: 1 Hari", 1), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "sop_handbook", "diff", "HEAD", str(project)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "- **Langkah 7 diubah**: waktu “2 Hari” → “1 Hari”" in result.stdout
    missing = subprocess.run(
        [sys.executable, "-m", "sop_handbook", "diff", "tidak-ada", str(project)], capture_output=True, text=True
    )
    assert missing.returncode == 2
    assert "revisi 'tidak-ada' tidak dapat dibaca dari git" in missing.stderr
