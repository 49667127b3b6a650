"""Bad sources: each case in tests/cases/errors/ is a YAML file that ends with
the errors it must produce, as ``# galat: <file>:<line>: <key path>: <message>``
lines. Adding a case means adding a file."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sop_handbook.problems import SourceError

from .conftest import ROOT, load, real_sources

CASES = sorted((Path(__file__).parent / "cases" / "errors").glob("*.yaml"))
MARK = "# galat: "


def expected_errors(case: Path) -> list[str]:
    text = case.read_bytes().decode("utf-8", errors="replace")
    return [line.removeprefix(MARK) for line in text.splitlines() if line.startswith(MARK)]


def sources_with(tmp_path: Path, *extra: Path) -> Path:
    source_dir = tmp_path / "sop_source"
    source_dir.mkdir()
    for path in [*real_sources(), *extra]:
        shutil.copy2(path, source_dir / path.name)
    return source_dir


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_bad_source_stops_with_located_message(case, tmp_path):
    expected = expected_errors(case)
    assert expected, f"{case.name} must end with its expected '{MARK}...' lines"
    with pytest.raises(SourceError) as info:
        load(sources_with(tmp_path, case), tmp_path)
    assert sorted(str(p) for p in info.value.problems) == sorted(expected)


def test_every_problem_of_every_file_is_reported_at_once(tmp_path):
    cases = [c for c in CASES if c.stem in ("pelaksana-tidak-dikenal", "waktu-tidak-terbaca", "kunci-salah-ketik")]
    with pytest.raises(SourceError) as info:
        load(sources_with(tmp_path, *cases), tmp_path)
    reported = {p.file for p in info.value.problems}
    assert reported == {f"sop_source/{c.name}" for c in cases}
    assert str(info.value).startswith(f"{len(info.value.problems)} galat di sumber SOP")


def test_the_real_sources_load_without_errors():
    handbook = load(ROOT / "sop_source", ROOT)
    assert {s.id: len(s.langkah) for s in handbook.sops} == {
        "penyusunan-renja-renstra": 10,
        "penyusunan-laporan-evaluasi": 10,
        "penyusunan-rka-dpa": 16,
        "penyusunan-lkpj": 10,
        "penyusunan-lppd": 10,
        "penyusunan-lakip": 10,
    }


def test_a_broken_sop_is_not_reported_again_by_the_sops_that_refer_to_it(tmp_path):
    source_dir = sources_with(tmp_path)
    lkpj = source_dir / "penyusunan-lkpj.yaml"
    lkpj.write_text(lkpj.read_text(encoding="utf-8").replace("waktu: 1 Hari", "waktu: sehari"), encoding="utf-8")
    with pytest.raises(SourceError) as info:
        load(source_dir, tmp_path)
    assert {p.file for p in info.value.problems} == {"sop_source/penyusunan-lkpj.yaml"}


def test_missing_organisasi_is_an_error(tmp_path):
    source_dir = sources_with(tmp_path)
    (source_dir / "organisasi.yaml").unlink()
    with pytest.raises(SourceError) as info:
        load(source_dir, tmp_path)
    assert [str(p) for p in info.value.problems] == [
        "sop_source/organisasi.yaml:1: (berkas): berkas tidak ada; buat berkas ini (lihat README)"
    ]


def test_errors_in_organisasi_are_located(tmp_path):
    source_dir = sources_with(tmp_path)
    path = source_dir / "organisasi.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("- id: anggota-tim", "- id: ketua-tim").replace("jam_per_hari: 7.5", "jam_per_hari: 0")
    path.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    jam = next(i for i, line in enumerate(lines, 1) if "jam_per_hari" in line)
    second = [i for i, line in enumerate(lines, 1) if "- id: ketua-tim" in line]
    with pytest.raises(SourceError) as info:
        load(source_dir, tmp_path)
    assert [str(p) for p in info.value.problems] == [
        f"sop_source/organisasi.yaml:{jam}: konvensi_waktu.jam_per_hari: harus > 0 (tertulis: 0)"
    ]
    path.write_text(text.replace("jam_per_hari: 0", "jam_per_hari: 7.5"), encoding="utf-8")
    with pytest.raises(SourceError) as info:
        load(source_dir, tmp_path)
    expected = (
        f"sop_source/organisasi.yaml:{second[1]}: instansi[0].unit[0].pelaksana[1].id: "
        f"id 'ketua-tim' sudah dipakai di baris {second[0]}; setiap id harus unik"
    )
    assert expected in [str(p) for p in info.value.problems]


def test_check_command_reports_errors_with_exit_status_1(tmp_path):
    project = tmp_path / "proyek"
    shutil.copytree(ROOT / "schema", project / "schema")
    source_dir = sources_with(project)
    shutil.copy2(CASES[0], source_dir / CASES[0].name)
    result = subprocess.run(
        [sys.executable, "-m", "sop_handbook", str(project)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 1
    assert result.stderr.splitlines()[1:] == [f"  {line}" for line in sorted(expected_errors(CASES[0]))]


def test_check_command_passes_on_the_real_sources():
    result = subprocess.run([sys.executable, "-m", "sop_handbook", str(ROOT)], capture_output=True, text=True)
    assert result.returncode == 0
    assert result.stdout.splitlines()[-1].startswith("6 SOP, 66 langkah: tidak ada galat;")
