"""Units nested as agencies name them, and forms without a government or unit line.

A Seksi sits in a Bidang: the kop prints the Bidang, then the Seksi; pages
name the unit by its path. An SOP belongs to a unit with pelaksana columns,
never to one that only groups others. A puskesmas's form may print no
government and no unit of its own: then neither is printed, nor invented.
"""

from __future__ import annotations

import re

import pytest
from sop_handbook import render_pages, render_sop
from sop_handbook.problems import SourceError

from .conftest import load, real_sources

HEADER = "# yaml-language-server: $schema=../schema/sop.schema.json\n"
AGENCIES = """\
  - id: distanak-sulut
    nama: Dinas Pertanian dan Peternakan Daerah Provinsi Sulawesi Utara
    pemerintah: Pemerintah Provinsi Sulawesi Utara
    unit:
      - id: bidang-peternakan
        nama: Bidang Peternakan
        unit:
          - id: seksi-keswan
            nama: Seksi Kesehatan Hewan dan Kesehatan Masyarakat Veteriner
            pelaksana:
              - {id: kepala-seksi, nama: Kepala Seksi}
              - {id: staf-seksi, nama: Staf Seksi}
  - id: puskesmas-tomoni-timur
    nama: UPTD Puskesmas Tomoni Timur
    pemerintah: null
    unit:
      - id: puskesmas
        nama: null
        pelaksana:
          - {id: petugas-loket, nama: Petugas Loket}
          - {id: dokter, nama: Dokter}
"""


def _sop(sop_id: str, instansi: str, unit: str, first: str, second: str) -> str:
    return HEADER + (
        f"id: {sop_id}\ninstansi: {instansi}\nunit: {unit}\njudul: Pelayanan {sop_id}\n"
        "langkah:\n"
        f"  - {{no: 1, kegiatan: Menerima permohonan, pelaksana: {first}, mutu_baku: {{waktu: 5 menit}}}}\n"
        f"  - {{no: 2, kegiatan: Memeriksa, pelaksana: {second}, mutu_baku: {{waktu: 10 menit}}}}\n"
    )


def _sources(tmp_path, *extra: tuple[str, str]):
    source_dir = tmp_path / "sop_source"
    source_dir.mkdir()
    for path in real_sources():
        (source_dir / path.name).write_bytes(path.read_bytes())
    organisasi = source_dir / "organisasi.yaml"
    text = organisasi.read_text(encoding="utf-8")
    organisasi.write_text(text.replace("\npejabat:\n", AGENCIES + "\npejabat:\n", 1), encoding="utf-8")
    files = {
        "vaksinasi-ternak": _sop("vaksinasi-ternak", "distanak-sulut", "seksi-keswan", "staf-seksi", "kepala-seksi"),
        "pendaftaran-pasien": _sop(
            "pendaftaran-pasien", "puskesmas-tomoni-timur", "puskesmas", "petugas-loket", "dokter"
        ),
        **dict(extra),
    }
    for name, content in files.items():
        (source_dir / f"{name}.yaml").write_text(content, encoding="utf-8")
    return source_dir


@pytest.fixture(scope="module")
def handbook(tmp_path_factory):
    root = tmp_path_factory.mktemp("unit-bertingkat")
    return load(_sources(root), root)


def kop(page: str) -> list[str]:
    block = re.search(r'<div class="sop-kop"[^>]*>(.*?)</div>', page).group(1)
    return re.findall(r"<p>(.*?)</p>", block)


def unit_kerja(page: str) -> str:
    return re.search(r'<tr><th scope="row">Unit Kerja</th> <td>(.*?)</td></tr>', page).group(1)


def test_a_nested_unit_prints_its_parent_then_itself(handbook):
    sop = handbook.sop("vaksinasi-ternak")
    assert sop.unit.jalur == ("Bidang Peternakan", "Seksi Kesehatan Hewan dan Kesehatan Masyarakat Veteriner")
    page = render_sop.sop_page(sop, handbook, handbook.hari_ini)
    assert kop(page) == [
        "PEMERINTAH PROVINSI SULAWESI UTARA",
        "DINAS PERTANIAN DAN PETERNAKAN DAERAH PROVINSI SULAWESI UTARA",
        "BIDANG PETERNAKAN",
        "SEKSI KESEHATAN HEWAN DAN KESEHATAN MASYARAKAT VETERINER",
    ]
    assert unit_kerja(page) == (
        "Bidang Peternakan › Seksi Kesehatan Hewan dan Kesehatan Masyarakat Veteriner, "
        "Dinas Pertanian dan Peternakan Daerah Provinsi Sulawesi Utara"
    )


def test_a_form_without_government_or_unit_prints_neither(handbook):
    sop = handbook.sop("pendaftaran-pasien")
    assert sop.instansi.pemerintah is None and sop.unit.nama is None
    page = render_sop.sop_page(sop, handbook, handbook.hari_ini)
    assert kop(page) == ["UPTD PUSKESMAS TOMONI TIMUR"]
    assert unit_kerja(page) == "UPTD Puskesmas Tomoni Timur"
    assert "None" not in page


def test_the_home_page_lists_each_government_once_and_agencies_without_one_last(handbook):
    assert handbook.pemerintahan == ("Pemerintah Provinsi Kalimantan Barat", "Pemerintah Provinsi Sulawesi Utara")
    cover = render_pages.sampul_buku(handbook, "Buku Pedoman SOP")
    assert "None" not in cover
    order = [cover.index(name) for name in ("KALIMANTAN BARAT", "SULAWESI UTARA", "PUSKESMAS TOMONI TIMUR")]
    assert order == sorted(order)


def test_an_sop_of_a_unit_that_only_groups_others_is_an_error(tmp_path):
    wrong = _sop("salah-unit", "distanak-sulut", "bidang-peternakan", "staf-seksi", "kepala-seksi")
    source_dir = _sources(tmp_path, ("salah-unit", wrong))
    with pytest.raises(SourceError) as info:
        load(source_dir, tmp_path)
    assert [str(p) for p in info.value.problems] == [
        "sop_source/salah-unit.yaml:4: unit: unit 'bidang-peternakan' hanya mengelompokkan unit lain; "
        "tulis unit SOP ini: 'seksi-keswan'"
    ]


def test_a_grouping_unit_without_a_name_offers_only_its_own_units(tmp_path):
    source_dir = _sources(tmp_path, ("salah-unit", _sop("salah-unit", "puskesmas-tomoni-timur", "layanan", "a", "b")))
    organisasi = source_dir / "organisasi.yaml"
    grouping = (
        "      - id: layanan\n        nama: null\n        unit:\n"
        "          - id: poli-umum\n            nama: Poli Umum\n"
        "            pelaksana:\n              - {id: dokter-umum, nama: Dokter Umum}\n"
    )
    text = organisasi.read_text(encoding="utf-8").replace("\npejabat:\n", grouping + "\npejabat:\n", 1)
    organisasi.write_text(text, encoding="utf-8")
    with pytest.raises(SourceError) as info:
        load(source_dir, tmp_path)
    assert [str(p) for p in info.value.problems] == [
        "sop_source/salah-unit.yaml:4: unit: unit 'layanan' hanya mengelompokkan unit lain; "
        "tulis unit SOP ini: 'poli-umum'"
    ]


def test_a_unit_without_columns_or_units_inside_is_an_error(tmp_path):
    source_dir = _sources(tmp_path)
    organisasi = source_dir / "organisasi.yaml"
    text = organisasi.read_text(encoding="utf-8")
    empty = "      - id: bidang-kosong\n        nama: Bidang Tanaman Pangan\n"
    text = text.replace("      - id: bidang-peternakan\n", empty + "      - id: bidang-peternakan\n", 1)
    organisasi.write_text(text, encoding="utf-8")
    line = text.splitlines().index("      - id: bidang-kosong") + 1
    with pytest.raises(SourceError) as info:
        load(source_dir, tmp_path)
    assert [str(p) for p in info.value.problems] == [
        f"sop_source/organisasi.yaml:{line}: instansi[1].unit[0]: unit 'bidang-kosong' tanpa pelaksana: "
        "tulis kolom pelaksana formulirnya di `pelaksana:`, atau unit di bawahnya di `unit:`"
    ]


def test_the_list_of_sops_names_an_agency_once_when_its_unit_has_no_name(handbook):
    listing = render_pages.daftar_sop(handbook, "index.md")
    assert listing.count("UPTD Puskesmas Tomoni Timur") == 1
    assert "### Bidang Peternakan › Seksi Kesehatan Hewan dan Kesehatan Masyarakat Veteriner\n" in listing
    assert '<p class="sop-instansi">Dinas Pertanian dan Peternakan Daerah Provinsi Sulawesi Utara</p>' in listing
