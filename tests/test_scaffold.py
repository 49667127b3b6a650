"""make new-sop: a new SOP file that passes the checks straight away."""

import shutil
import subprocess
import sys

import pytest
from sop_handbook.scaffold import new_sop

from .conftest import ROOT, load


def test_a_new_sop_loads_with_warnings_only(handbook, tmp_path):
    source_dir = tmp_path / "sop_source"
    shutil.copytree(ROOT / "sop_source", source_dir)
    text = new_sop(handbook, "penyusunan-uji", 'Penyusunan "Uji" <b>')
    assert text.startswith("# yaml-language-server: $schema=../schema/sop.schema.json\n")
    (source_dir / "penyusunan-uji.yaml").write_text(text, encoding="utf-8")
    loaded = load(source_dir, tmp_path)
    sop = loaded.sop("penyusunan-uji")
    assert (sop.judul, sop.unit.id, sop.langkah[0].pelaksana[0].id) == (
        'Penyusunan "Uji" <b>',
        "sekretariat",
        "ketua-tim",
    )
    assert any(p.file == "sop_source/penyusunan-uji.yaml" for p in loaded.catatan_mutu)


@pytest.mark.parametrize(
    ("sop_id", "unit", "message"),
    [
        ("Penyusunan X", "", "id 'Penyusunan X' harus huruf kecil"),
        ("penyusunan-lkpj", "", "id 'penyusunan-lkpj' sudah dipakai"),
        ("penyusunan-x", "bidang", "unit 'diskopukm/bidang' tidak ada; pilihan: diskopukm/sekretariat"),
    ],
)
def test_mistakes_are_refused(handbook, sop_id, unit, message):
    with pytest.raises(ValueError, match=message):
        new_sop(handbook, sop_id, "Judul", "diskopukm" if unit else "", unit)


def test_the_command_writes_the_file_once(tmp_path):
    for part in ("sop_source", "schema"):
        shutil.copytree(ROOT / part, tmp_path / part)
    command = [sys.executable, "-m", "sop_handbook", "new", "penyusunan-uji", "Penyusunan Uji"]
    first = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    assert (tmp_path / "sop_source" / "penyusunan-uji.yaml").exists()
    again = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True)
    assert again.returncode == 1
    assert "sop_source/penyusunan-uji.yaml sudah ada" in again.stderr
    check = subprocess.run([sys.executable, "-m", "sop_handbook", str(tmp_path)], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
