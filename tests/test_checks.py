"""Data-quality warnings: inconsistencies listed for reviewers, never build failures."""

import dataclasses
import shutil

from sop_handbook import bagan
from sop_handbook.loader import load_handbook
from sop_handbook.problems import Level

from .conftest import FIXTURES, ROOT, line_of, load


def warnings_of(handbook, file):
    return [str(p) for p in handbook.catatan_mutu if p.file == file]


def test_every_warning_is_a_warning(handbook):
    assert handbook.catatan_mutu
    assert {p.level for p in handbook.catatan_mutu} == {Level.WARNING}


def test_same_nip_written_with_other_names(handbook):
    names = [p.message for p in handbook.catatan_mutu if p.path == ("disahkan_oleh", "tertulis", "nama")]
    written = sorted(m.split("nama '")[1].split("'")[0] for m in names)
    assert written == ["Dr. Junaedi, MM", "Drs. Ignardi, MM", "Drs. Junadi, MM", "Drs. Junaldi, MM", "Drs. Juwaidi, MM"]


def test_sop_listing_itself_as_related(handbook):
    line = line_of("penyusunan-rka-dpa.yaml", "- sop: penyusunan-rka-dpa")
    expected = (
        f"sop_source/penyusunan-rka-dpa.yaml:{line}: keterkaitan[0].sop: "
        "SOP ini menyebut dirinya sendiri sebagai SOP terkait"
    )
    assert warnings_of(handbook, "sop_source/penyusunan-rka-dpa.yaml").count(expected) == 1


def test_step_naming_another_sops_document(handbook):
    line = line_of("penyusunan-lppd.yaml", "kegiatan: Menandatangani LKPJ")
    assert (
        f"sop_source/penyusunan-lppd.yaml:{line}: langkah[8].kegiatan: "
        "kegiatan menyebut 'LKPJ', dokumen SOP lain "
        "(Penyusunan LKPJ); periksa apakah benar"
    ) in warnings_of(handbook, "sop_source/penyusunan-lppd.yaml")
    # No other step of the six names another SOP's document.
    assert sum("dokumen SOP lain" in p.message for p in handbook.catatan_mutu) == 1


def test_missing_fields_the_form_expects(handbook):
    lkpj = warnings_of(handbook, "sop_source/penyusunan-lkpj.yaml")
    assert any("dasar_hukum: Dasar Hukum tidak tercantum" in w for w in lkpj)
    assert any("keterkaitan: Keterkaitan tidak tercantum" in w for w in lkpj)
    efektif = [p for p in handbook.catatan_mutu if p.path == ("tanggal_efektif",)]
    assert len(efektif) == 6
    renja = warnings_of(handbook, "sop_source/penyusunan-renja-renstra.yaml")
    assert (
        f"sop_source/penyusunan-renja-renstra.yaml:{line_of('penyusunan-renja-renstra.yaml', 'nama: null')}: nama: "
        "Nama SOP tidak tercantum, padahal formulir SOP AP memintanya; isi seperti di dokumen bila ada, "
        "atau biarkan kosong" in renja
    )


def test_official_without_name_or_nip(handbook):
    assert (
        f"sop_source/penyusunan-lppd.yaml:{line_of('penyusunan-lppd.yaml', 'tertulis:')}: disahkan_oleh.tertulis: "
        "nama atau NIP pengesah tidak tercantum "
        "di dokumen sumber"
    ) in warnings_of(handbook, "sop_source/penyusunan-lppd.yaml")


def test_a_complete_sop_has_no_warnings(tmp_path):
    handbook = load(FIXTURES / "multi", tmp_path)
    assert [p for p in handbook.catatan_mutu if "pemeriksaan-berkas" in p.file] == []


def test_every_source_names_its_schema_on_line_one(handbook):
    assert not [p for p in handbook.catatan_mutu if "baris pertama" in p.message]


def test_a_source_without_the_schema_line_gets_a_warning(tmp_path):
    shutil.copytree(ROOT / "schema", tmp_path / "schema")
    (tmp_path / "sop_source").mkdir()
    for source in (FIXTURES / "multi").glob("*.yaml"):
        text = source.read_text(encoding="utf-8").replace("$schema=../../../schema/", "$schema=../schema/")
        if source.name == "laporan-badan.yaml":
            text = text.split("\n", 1)[1]
        (tmp_path / "sop_source" / source.name).write_text(text, encoding="utf-8")
    handbook = load_handbook(tmp_path / "sop_source", tmp_path / "schema", tmp_path)
    assert [str(p) for p in handbook.catatan_mutu if "baris pertama" in p.message] == [
        "sop_source/laporan-badan.yaml:1: (berkas): baris pertama sebaiknya "
        "'# yaml-language-server: $schema=../schema/sop.schema.json' agar editor memeriksa isian saat mengetik"
    ]


def test_a_step_too_long_for_a_printed_page_is_named_with_its_longest_column(tmp_path):
    """The print would have to split its row; the warning names the key that makes it tall."""
    shutil.copytree(ROOT / "schema", tmp_path / "schema")
    (tmp_path / "sop_source").mkdir()
    long_text = " ".join(["Dokumen pendukung yang lengkap"] * 120)
    for source in (FIXTURES / "multi").glob("*.yaml"):
        text = source.read_text(encoding="utf-8").replace("$schema=../../../schema/", "$schema=../schema/")
        if source.name == "pemeriksaan-berkas.yaml":
            text = text.replace("kelengkapan: Berkas permohonan,", f"kelengkapan: {long_text},", 1)
        (tmp_path / "sop_source" / source.name).write_text(text, encoding="utf-8")
    handbook = load_handbook(tmp_path / "sop_source", tmp_path / "schema", tmp_path)
    found = [p for p in handbook.catatan_mutu if "halaman formulir cetak" in p.message]
    assert len(found) == 1
    text = (tmp_path / "sop_source" / "pemeriksaan-berkas.yaml").read_text(encoding="utf-8")
    line = text[: text.index(long_text)].count("\n") + 1
    assert str(found[0]).startswith(
        f"sop_source/pemeriksaan-berkas.yaml:{line}: langkah[0].mutu_baku.kelengkapan: langkah 1 terlalu panjang "
        "untuk satu halaman formulir cetak (A4): barisnya sekitar "
    )
    assert str(found[0]).endswith("terbanyak di kolom Kelengkapan; persingkat teksnya atau bagi menjadi dua langkah")
    # The real SOPs' steps all fit.
    assert not [p for p in load(ROOT / "sop_source", ROOT).catatan_mutu if "halaman formulir cetak" in p.message]


def test_a_connector_drawn_without_a_free_place_is_named_with_its_step(tmp_path, monkeypatch):
    """A safety net: the drawing grows a crowded row until everything has its place; should a row be
    crowded at a page's height still, the check names the step (the generated flows never are)."""
    draw = bagan.draw

    def crowded(sop, kertas=bagan.A4):
        drawn = draw(sop, kertas)
        return dataclasses.replace(drawn, sesak=(1,)) if sop.id == "pemeriksaan-berkas" else drawn

    monkeypatch.setattr(bagan, "draw", crowded)
    handbook = load(FIXTURES / "multi", tmp_path)
    found = [str(p) for p in handbook.catatan_mutu if "bagan alir cetak" in p.message]
    assert len(found) == 1 and "pemeriksaan-berkas.yaml:" in found[0]
    assert found[0].endswith(
        "langkah[1]: bagan alir cetak langkah 2: konektor atau label Ya/Tidak tidak mendapat tempat kosong dan "
        "tergambar bertumpuk; laporkan ke pengelola buku pegangan"
    )


def test_the_handbook_s_printed_flowcharts_have_every_connector_in_a_free_place(handbook):
    assert not [p for p in handbook.catatan_mutu if "bagan alir cetak" in p.message]
