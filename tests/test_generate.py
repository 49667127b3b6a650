"""The synthetic handbook of ``bench/generate.py``: checked sources, realistic shape, deterministic, builds."""

import subprocess
import sys
from pathlib import Path

import pytest
from sop_handbook.loader import load_project

from .conftest import HARI_INI, ROOT, build

GENERATOR = ROOT / "bench" / "generate.py"
N = 12  # 3 units (the minimum) over 2 agencies


def generate(out: Path, seed: int = 1) -> Path:
    """Run the generator's command line into ``out``."""
    command = [sys.executable, str(GENERATOR), "--sops", str(N), "--out", str(out), "--seed", str(seed)]
    subprocess.run(command, check=True, capture_output=True, text=True, timeout=120)
    return out


def files(root: Path) -> dict[str, bytes]:
    """The generated sources and configuration, by path."""
    paths = [root / "mkdocs.yml", *sorted((root / "sop_source").iterdir())]
    return {path.relative_to(root).as_posix(): path.read_bytes() for path in paths}


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A generated handbook of N SOPs, seed 1."""
    return generate(tmp_path_factory.mktemp("generated"))


def test_sources_pass_the_checks_without_notes(project):
    handbook = load_project(project, HARI_INI)
    assert handbook.catatan_mutu == ()
    assert len(handbook.sops) == N
    units = handbook.per_unit()
    assert len(units) == 3
    assert len({instansi.id for instansi, _, _ in units}) == 2
    assert 30 <= len(handbook.peraturan) <= 60
    assert any(p.mengubah for p in handbook.peraturan)


def test_sops_have_realistic_steps_and_decisions(project):
    handbook = load_project(project, HARI_INI)
    assert all(8 <= len(sop.langkah) <= 20 for sop in handbook.sops)
    assert len({len(sop.langkah) for sop in handbook.sops}) > 1
    decisions = [step for sop in handbook.sops for step in sop.langkah if step.keputusan]
    assert decisions
    assert all(step.tidak is not None and step.tidak < step.no for step in decisions)  # loops back
    assert all(sop.kategori and sop.riwayat_revisi and sop.dasar_hukum for sop in handbook.sops)
    assert len({(sop.unit.id, sop.judul) for sop in handbook.sops}) == N


def test_relations_and_legal_references_resolve(project):
    handbook = load_project(project, HARI_INI)
    ids = {sop.id for sop in handbook.sops}
    relations = [(sop.id, r.sop_id) for sop in handbook.sops for r in sop.keterkaitan]
    assert relations
    assert all(target in ids and target != source for source, target in relations)
    catalogue = {p.id for p in handbook.peraturan}
    assert all(d.peraturan.id in catalogue for sop in handbook.sops for d in sop.dasar_hukum)


def test_config_uses_this_projects_generator(project):
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert "\n  - sop-handbook:" in config and "modules: [sop_handbook.pluglet]" in config
    assert config == (ROOT / "mkdocs.yml").read_text(encoding="utf-8")  # the generator is the installed package


def test_same_seed_same_files(project, tmp_path):
    assert files(generate(tmp_path / "again")) == files(project)
    assert files(generate(tmp_path / "other", seed=2)) != files(project)


@pytest.mark.build
def test_generated_handbook_builds_strictly(project):
    result = build(project)
    assert result.returncode == 0, result.output
    assert "WARNING" not in result.output
    assert len(list((result.site / "sop").glob("*/*/*/index.html"))) == N
