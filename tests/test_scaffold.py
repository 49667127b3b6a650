"""make new-sop: a new SOP file that passes the checks straight away."""

import shutil
import subprocess
import sys

import pytest
from sop_handbook.problems import SourceError
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
        ("penyusunan-x", "bidang", "unit 'bidang' tidak ada di instansi diskopukm; pilihan: sekretariat"),
    ],
)
def test_mistakes_are_refused(handbook, sop_id, unit, message):
    with pytest.raises(ValueError, match=message):
        new_sop(handbook, sop_id, "Judul", "diskopukm" if unit else "", unit)


AGENCY = """\
  - id: dpmptsp-blitar
    nama: Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kabupaten Blitar
    pemerintah: Pemerintah Kabupaten Blitar
    unit:
      - id: bidang-pelayanan
        nama: Bidang Pelayanan Perizinan
        unit:
          - id: seksi-perizinan
            nama: Seksi Pelayanan Perizinan
            pelaksana:
              - {id: petugas-loket, nama: Petugas Front Office}
              - {id: kepala-seksi, nama: Kepala Seksi}
              - {id: kepala-dinas-blitar, nama: Kepala Dinas}
"""
OFFICIAL = """\
  - id: kepala-dpmptsp-blitar
    jabatan: Kepala Dinas Penanaman Modal dan PTSP
    instansi: dpmptsp-blitar
    nama: null
    nip: null
"""


def two_agencies(tmp_path):
    """The real sources with a second agency (of another government, its unit nested) and its official."""
    source_dir = tmp_path / "sop_source"
    shutil.copytree(ROOT / "sop_source", source_dir)
    path = source_dir / "organisasi.yaml"
    text = path.read_text(encoding="utf-8").replace("\npejabat:\n", AGENCY + "\npejabat:\n" + OFFICIAL, 1)
    path.write_text(text, encoding="utf-8")
    return source_dir


def test_a_new_sop_of_another_agency_takes_its_approver_and_its_columns(tmp_path):
    source_dir = two_agencies(tmp_path)
    text = new_sop(load(source_dir, tmp_path), "izin-reklame", "Pelayanan Izin Reklame", "dpmptsp-blitar")
    assert "  pejabat: kepala-dpmptsp-blitar  # Kepala Dinas Penanaman Modal dan PTSP\n" in text
    assert (
        "# Kolom pelaksana unit ini, urut seperti di formulirnya: petugas-loket, kepala-seksi, kepala-dinas-blitar"
        in text
    )
    (source_dir / "izin-reklame.yaml").write_text(text, encoding="utf-8")
    sop = load(source_dir, tmp_path).sop("izin-reklame")
    assert (sop.instansi.id, sop.unit.id, sop.langkah[0].pelaksana[0].id) == (
        "dpmptsp-blitar",
        "seksi-perizinan",
        "petugas-loket",
    )
    assert sop.disahkan_oleh.pejabat.id == "kepala-dpmptsp-blitar"
    assert sop.nomor is None and sop.langkah[0].mutu_baku.durasi is None  # nothing invented


def test_a_new_sop_of_an_agency_without_official_names_none(tmp_path):
    source_dir = two_agencies(tmp_path)
    path = source_dir / "organisasi.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(OFFICIAL, ""), encoding="utf-8")
    text = new_sop(load(source_dir, tmp_path), "izin-reklame", "Pelayanan Izin Reklame", "dpmptsp-blitar")
    assert "disahkan_oleh: {}  # pejabat: <id pejabat instansi ini di organisasi.yaml>\n" in text
    (source_dir / "izin-reklame.yaml").write_text(text, encoding="utf-8")
    assert load(source_dir, tmp_path).sop("izin-reklame").disahkan_oleh.pejabat is None


def test_a_unit_that_only_groups_others_is_not_offered(tmp_path):
    handbook = load(two_agencies(tmp_path), tmp_path)
    with pytest.raises(
        ValueError, match="unit 'bidang-pelayanan' tidak ada di instansi dpmptsp-blitar; pilihan: seksi-perizinan"
    ):
        new_sop(handbook, "izin-x", "Izin X", "dpmptsp-blitar", "bidang-pelayanan")


def test_an_approver_of_another_agency_is_a_warning(tmp_path):
    source_dir = two_agencies(tmp_path)
    path = source_dir / "penyusunan-lkpj.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("pejabat: kepala-dinas-diskopukm", "pejabat: kepala-dpmptsp-blitar"), encoding="utf-8")
    line = next(i for i, row in enumerate(text.splitlines(), 1) if "pejabat: kepala-dinas-diskopukm" in row)
    warnings = [str(p) for p in load(source_dir, tmp_path).catatan_mutu if p.file.endswith("penyusunan-lkpj.yaml")]
    assert (
        f"sop_source/penyusunan-lkpj.yaml:{line}: disahkan_oleh.pejabat: pejabat 'kepala-dpmptsp-blitar' menjabat "
        "di instansi 'dpmptsp-blitar', bukan di 'diskopukm' (instansi SOP ini); periksa apakah benar, atau tulis "
        "pejabat instansi 'diskopukm'"
    ) in warnings


def test_an_official_of_an_unknown_agency_is_an_error(tmp_path):
    source_dir = two_agencies(tmp_path)
    path = source_dir / "organisasi.yaml"
    text = path.read_text(encoding="utf-8").replace("instansi: dpmptsp-blitar\n", "instansi: dpmptsp-blitat\n")
    path.write_text(text, encoding="utf-8")
    line = next(i for i, row in enumerate(text.splitlines(), 1) if "instansi: dpmptsp-blitat" in row)
    with pytest.raises(SourceError) as info:
        load(source_dir, tmp_path)
    assert [str(p) for p in info.value.problems] == [
        f"sop_source/organisasi.yaml:{line}: pejabat[0].instansi: instansi 'dpmptsp-blitat' tidak ada di berkas "
        "ini; tulis salah satu: 'diskopukm', 'dpmptsp-blitar'"
    ]


def test_the_command_writes_the_file_once(tmp_path):
    for part in ("sop_source", "schema"):
        shutil.copytree(ROOT / part, tmp_path / part)
    command = [sys.executable, "-m", "sop_handbook", "new-sop", "penyusunan-uji", "Penyusunan Uji"]
    first = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    assert (tmp_path / "sop_source" / "penyusunan-uji.yaml").exists()
    again = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True)
    assert again.returncode == 1
    assert "sop_source/penyusunan-uji.yaml sudah ada" in again.stderr
    check = subprocess.run([sys.executable, "-m", "sop_handbook", str(tmp_path)], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
