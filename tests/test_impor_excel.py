"""The Excel reader reads back the forms the fixture writer lays out, field by field."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook
from sop_handbook.impor.excel import baca_xlsx
from sop_handbook.impor.mentah import FormulirMentah, TidakTerbaca

from .formulir_excel import tertulis_di_keterangan, tulis_xlsx
from .formulir_uji import CONTOH, Formulir, Langkah

SIMBOL = {"simbol", "tanpa-no"}

# Three pelaksana, twelve steps, a decision with no written target and one looping back over five steps.
RENJA = Formulir(
    kop=("PEMERINTAH PROVINSI KALIMANTAN BARAT", "DINAS KOPERASI UKM", "SEKRETARIAT"),
    identitas=(
        ("No. SOP", "000-8/1620/Askopukm"),
        ("Tanggal Pembuatan", "Agustus 2023"),
        ("Tanggal Efektif", "-"),
        ("Disahkan oleh", "Kepala Dinas Koperasi, Usaha Kecil dan Menengah"),
        ("Nama SOP", "Penyusunan Renja"),
    ),
    daftar=(
        ("Dasar Hukum", ("Undang-undang Nomor 25 Tahun 1992", "Undang-undang Nomor 23 Tahun 2014")),
        ("Kualifikasi pelaksana", ("Pendidikan minimal D3 / S1", "Bisa mengoperasikan komputer")),
        ("Keterkaitan", ("SOP Penyusunan RKA",)),
        ("Peralatan/perlengkapan", ("DPA SKPD", "Komputer/Laptop", "ATK")),
        ("Peringatan", ("Apabila SOP tidak dilaksanakan maka perencanaan tidak optimal",)),
        ("Pencatatan dan pendataan", ()),
    ),
    kolom=("Ketua Tim Kerja", "Anggota Tim Kerja", "Pejabat Level II"),
    langkah=(
        Langkah(1, "Menyusun SK Tim", (0,), kelengkapan="Peraturan", waktu="1 Hari", output="SK Tim"),
        Langkah(2, "Rapat persiapan", (0, 1), kelengkapan="Undangan", waktu="1 Hari", output="Hasil Rapat"),
        Langkah(3, "Menyiapkan Nota Dinas", (1,), waktu="2 Jam", output="Nota Dinas"),
        Langkah(4, "Menghimpun bahan", (1,), kelengkapan="Bahan", waktu="3 Hari", output="Kumpulan bahan"),
        Langkah(5, "Memeriksa bahan", (0,), "keputusan", "Kumpulan bahan", "1 Hari", "Bahan lengkap"),
        Langkah(6, "Menyusun konsep", (1,), waktu="1 Hari", output="Konsep"),
        Langkah(7, "Mengoreksi konsep", (0,), waktu="2 Jam", output="Konsep dikoreksi"),
        Langkah(8, "Memaraf konsep", (2,), waktu="1 Jam", output="Konsep diparaf"),
        Langkah(
            9,
            "Meneliti konsep",
            (2,),
            "keputusan",
            waktu="1 Jam",
            output="Konsep disetujui",
            keterangan="Tidak: kembali ke langkah 4",
            tidak="4",
        ),
        Langkah(10, "Finalisasi Renja", (0,), waktu="1 Jam", output="Renja"),
        Langkah(11, "Mengirim ke Bappeda", (1,), waktu="3 jam", output="Surat pengantar"),
        Langkah(12, "Mendokumentasikan", (1,), waktu="1 jam", output="Arsip"),
    ),
)


def _bandingkan(dibaca: FormulirMentah, formulir: Formulir, gaya: str) -> None:
    """Assert every field read equals what the form shows."""
    assert [k.teks for k in dibaca.kop] == list(formulir.kop)
    assert {k: v.teks for k, v in dibaca.identitas.items()} == dict(formulir.identitas)
    assert {k: [i.teks for i in v] for k, v in dibaca.daftar.items()} == {k: list(v) for k, v in formulir.daftar}
    assert [k.teks for k in dibaca.kolom] == list(formulir.kolom)
    assert len(dibaca.baris) == len(formulir.langkah)
    for urutan, (baris, langkah) in enumerate(zip(dibaca.baris, formulir.langkah, strict=True)):
        assert baris.no is not None and baris.no.teks == str(langkah.no)
        assert (baris.no.dugaan is not None) == (gaya == "tanpa-no")
        assert baris.kegiatan.teks == langkah.kegiatan
        assert baris.pelaksana == (() if gaya == "kosong" else langkah.pelaksana)
        ujung = urutan in (0, len(formulir.langkah) - 1)
        harap = None
        if gaya in SIMBOL:
            harap = "keputusan" if langkah.jenis == "keputusan" else "terminator" if ujung else "proses"
        assert baris.simbol == harap
        for nama in ("kelengkapan", "waktu", "output", "keterangan"):
            isian = getattr(baris, nama)
            assert (isian.teks if isian else "") == getattr(langkah, nama), (langkah.no, nama)
        for cabang, tujuan in (("ya", langkah.ya), ("tidak", langkah.tidak)):
            tertulis = gaya in SIMBOL or tertulis_di_keterangan(langkah, cabang)
            isian = getattr(baris, cabang)
            assert (isian.teks if isian else None) == (tujuan if tertulis else None), (langkah.no, cabang)
        assert baris.asal.berkas == "sop.xlsx" and "lembar 'SOP" in baris.asal.tempat


@pytest.mark.parametrize("gaya", ["simbol", "tanda", "tanpa-no"])
@pytest.mark.parametrize("per_lembar", [False, True])
def test_baca_kembali(tmp_path: Path, gaya: str, per_lembar: bool) -> None:
    path = tmp_path / "sop.xlsx"
    tulis_xlsx(path, [CONTOH, RENJA, CONTOH], gaya, per_lembar)
    dibaca = baca_xlsx(path, "sop.xlsx")
    assert len(dibaca) == 3
    for formulir, asli in zip(dibaca, [CONTOH, RENJA, CONTOH], strict=True):
        _bandingkan(formulir, asli, gaya)
    catatan = "keputusan langkah 5: tujuan Ya/Tidak tidak terbaca dari dokumen; periksa"
    assert (catatan in dibaca[1].catatan) == (gaya in SIMBOL)


def test_tanpa_tanda_dicatat(tmp_path: Path) -> None:
    path = tmp_path / "sop.xlsx"
    tulis_xlsx(path, [CONTOH], "kosong")
    (dibaca,) = baca_xlsx(path, "sop.xlsx")
    _bandingkan(dibaca, CONTOH, "kosong")
    assert "tidak ada simbol atau tanda di kolom pelaksana" in dibaca.catatan


def test_xls_lama(tmp_path: Path) -> None:
    path = tmp_path / "lama.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500))
    with pytest.raises(TidakTerbaca, match=r"lama\.xls: format \.xls lama"):
        baca_xlsx(path, "lama.xls")


def test_bukan_zip(tmp_path: Path) -> None:
    path = tmp_path / "rusak.xlsx"
    path.write_bytes(b"bukan excel")
    with pytest.raises(TidakTerbaca, match=r"rusak\.xlsx: bukan berkas Excel"):
        baca_xlsx(path, "rusak.xlsx")


def test_zip_bukan_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "arsip.xlsx"
    with zipfile.ZipFile(path, "w") as arsip:
        arsip.writestr("catatan.txt", "isi")
    with pytest.raises(TidakTerbaca, match=r"arsip\.xlsx: berkas zip ini bukan buku kerja"):
        baca_xlsx(path, "arsip.xlsx")


def test_tanpa_tabel(tmp_path: Path) -> None:
    path = tmp_path / "kosong.xlsx"
    wb = Workbook()
    wb.active["A1"] = "Daftar hadir"
    wb.save(path)
    with pytest.raises(TidakTerbaca, match=r"kosong\.xlsx: tidak ada tabel bagan alir SOP AP"):
        baca_xlsx(path, "kosong.xlsx")
