"""The Excel reader reads back the forms the fixture writer lays out, field by field."""

from __future__ import annotations

from pathlib import Path

import pytest
from sop_handbook.impor.excel import baca_xlsx
from sop_handbook.impor.mentah import FormulirMentah, TidakTerbaca

from .formulir_excel import tertulis_di_keterangan, tulis_xlsx
from .formulir_uji import CONTOH, Formulir

SIMBOL = {"simbol", "tanpa-no"}


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
    tulis_xlsx(path, [CONTOH, CONTOH], gaya, per_lembar)
    dibaca = baca_xlsx(path, "sop.xlsx")
    assert len(dibaca) == 2
    for formulir in dibaca:
        _bandingkan(formulir, CONTOH, gaya)


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
