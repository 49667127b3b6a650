"""The Word reader: forms written by ``formulir_word`` come back field by field."""

from __future__ import annotations

import copy
import re
import struct
import zipfile
import zlib
from dataclasses import replace
from pathlib import Path

import docx
import openpyxl
import pytest
from docx.oxml.ns import qn
from sop_handbook.impor.mentah import FormulirMentah, Isian, TidakTerbaca
from sop_handbook.impor.word import baca_docx

from .formulir_uji import CONTOH, Formulir, Langkah
from .formulir_word import GAYA, jenis_simbol, keterangan_tertulis, tulis_docx

KEDUA = Formulir(
    kop=("PEMERINTAH PROVINSI KALIMANTAN BARAT", "BADAN KEPEGAWAIAN DAERAH", "SEKRETARIAT", "SUBBAGIAN UMUM"),
    identitas=(
        ("Nomor SOP", "800/045/BKD-UM/2022"),
        ("Tanggal Pembuatan", "Januari 2022"),
        ("Tanggal Revisi", ""),
        ("Tanggal Efektif", "Maret 2022"),
        ("Disahkan oleh", "Kepala Badan"),
        ("Nama SOP", "Pengelolaan Surat Masuk"),
    ),
    daftar=(
        ("Dasar Hukum", ("Permenpan RB Nomor 35 Tahun 2012", "Pergub Kalbar Nomor 10 Tahun 2020 tentang Tata Naskah")),
        ("Kualifikasi pelaksana", ("Memahami tata naskah dinas",)),
        ("Keterkaitan", ("SOP Pengelolaan Surat Keluar", "SOP Pengarsipan")),
        ("Peralatan/perlengkapan", ("Buku agenda", "Komputer", "Lembar disposisi")),
        ("Peringatan", ("Surat yang tidak diagendakan dapat hilang",)),
        ("Pencatatan dan pendataan", ()),
    ),
    kolom=("Pengadministrasi Umum", "Kasubbag Umum", "Sekretaris", "Kepala Badan", "Pelaksana Bidang"),
    langkah=(
        Langkah(1, "Menerima surat masuk", (0,), kelengkapan="Surat", waktu="5 menit", output="Surat diterima"),
        Langkah(2, "Mencatat surat dalam buku agenda", (0,), kelengkapan="Buku agenda", waktu="10 menit"),
        Langkah(3, "Meneruskan surat kepada Kasubbag Umum", (0,), waktu="5 menit", output="Surat"),
        Langkah(4, "Memeriksa surat", (1,), kelengkapan="Surat", waktu="15 menit", output="Surat diperiksa"),
        Langkah(
            5,
            "Menilai kelengkapan surat",
            (1,),
            "keputusan",
            "Surat diperiksa",
            "10 menit",
            "Surat lengkap",
            tidak="2",
        ),
        Langkah(6, "Meneruskan surat kepada Sekretaris", (1,), waktu="5 menit", output="Surat"),
        Langkah(7, "Menelaah surat", (2,), kelengkapan="Surat", waktu="30 menit", output="Telaahan"),
        Langkah(8, "Memberi disposisi", (2, 3), kelengkapan="Telaahan", waktu="1 jam", output="Disposisi"),
        Langkah(
            9,
            "Menilai perlu tindak lanjut",
            (3,),
            "keputusan",
            "Disposisi",
            "15 menit",
            keterangan="Dinilai Kepala Badan",
            ya="10",
            tidak="12",
        ),
        Langkah(10, "Menindaklanjuti disposisi", (4,), kelengkapan="Disposisi", waktu="2 hari", output="Laporan"),
        Langkah(11, "Melaporkan hasil tindak lanjut", (4, 2), waktu="1 jam", output="Laporan"),
        Langkah(12, "Mengarsipkan surat", (0,), kelengkapan="Surat", waktu="10 menit", output="Arsip"),
    ),
    judul="SOP Pengelolaan Surat Masuk",
)
PANJANG = Formulir(
    kop=("PEMERINTAH KOTA CONTOH", "DINAS PERHUBUNGAN"),
    identitas=(("Nomor SOP", "551/030/DISHUB/2023"), ("Nama SOP", "Uji Kendaraan")),
    daftar=(("Dasar Hukum", ("Perda Kota Contoh Nomor 3 Tahun 2021",)),),
    kolom=("Pemohon", "Petugas", "Penguji"),
    langkah=tuple(
        Langkah(n, f"Kegiatan uji ke-{n}", ((n - 1) % 3,), waktu=f"{n} menit", output=f"Hasil {n}")
        for n in range(1, 31)
    ),
)


def _png() -> bytes:
    """A 1×1 PNG image, as a picture pasted into a pelaksana cell."""

    def potong(jenis: bytes, isi: bytes) -> bytes:
        return struct.pack(">I", len(isi)) + jenis + isi + struct.pack(">I", zlib.crc32(jenis + isi))

    kepala = potong(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
    return b"\x89PNG\r\n\x1a\n" + kepala + potong(b"IDAT", zlib.compress(b"\0\0\0\0")) + potong(b"IEND", b"")


def _teks(isian: Isian | None) -> str:
    """An Isian's text, "" for none (an empty cell)."""
    return "" if isian is None else isian.teks


def _periksa(mentah: FormulirMentah, formulir: Formulir, gaya: str) -> None:
    """Assert the form read back is the form written, field by field."""
    assert [k.teks for k in mentah.kop] == list(formulir.kop)
    assert {label: isian.teks for label, isian in mentah.identitas.items()} == dict(formulir.identitas)
    assert list(mentah.identitas) == [label for label, _ in formulir.identitas]
    assert {label: [i.teks for i in butir] for label, butir in mentah.daftar.items()} == {
        label: list(butir) for label, butir in formulir.daftar
    }
    assert [k.teks for k in mentah.kolom] == list(formulir.kolom)
    assert len(mentah.baris) == len(formulir.langkah)
    for baris, langkah in zip(mentah.baris, formulir.langkah, strict=True):
        assert baris.no is not None
        assert baris.no.teks == str(langkah.no)
        assert (baris.no.dugaan is not None) == (gaya == "tanpa-no")
        assert baris.kegiatan.teks == langkah.kegiatan
        assert baris.pelaksana == tuple(sorted(set(langkah.pelaksana)))  # in the columns' order
        assert baris.simbol == (None if gaya == "tanda" else jenis_simbol(formulir, langkah))
        assert _teks(baris.kelengkapan) == langkah.kelengkapan
        assert _teks(baris.waktu) == langkah.waktu
        assert _teks(baris.output) == langkah.output
        assert _teks(baris.keterangan) == keterangan_tertulis(langkah, gaya)
        for isian, tujuan in ((baris.ya, langkah.ya), (baris.tidak, langkah.tidak)):
            assert _teks(isian) == (tujuan or "")
            assert isian is None or isian.dugaan


def _tulis_baca(tmp_path: Path, forms: list[Formulir], gaya: str, **opsi: int) -> list[FormulirMentah]:
    """Write forms to a document in ``tmp_path`` and read it back."""
    path = tmp_path / f"sop-{gaya}.docx"
    tulis_docx(path, forms, gaya, **opsi)
    return baca_docx(path, path.name)


@pytest.mark.parametrize("gaya", GAYA)
@pytest.mark.parametrize("formulir", [CONTOH, KEDUA], ids=["contoh", "kedua"])
def test_satu_formulir_kembali_utuh(tmp_path: Path, formulir: Formulir, gaya: str) -> None:
    (mentah,) = _tulis_baca(tmp_path, [formulir], gaya)
    _periksa(mentah, formulir, gaya)
    assert mentah.catatan == []


@pytest.mark.parametrize("gaya", GAYA)
def test_buku_tiga_formulir_berurutan(tmp_path: Path, gaya: str) -> None:
    ketiga = replace(CONTOH, identitas=(("Nomor SOP", "503/099/DPMPTSP/2021"), *CONTOH.identitas[1:]))
    forms = [CONTOH, KEDUA, ketiga]
    mentah = _tulis_baca(tmp_path, forms, gaya)
    assert len(mentah) == 3
    for dibaca, formulir in zip(mentah, forms, strict=True):
        _periksa(dibaca, formulir, gaya)
    assert [m.asal.tempat for m in mentah] == ["tabel 1", "tabel 4", "tabel 7"]


@pytest.mark.parametrize("gaya", ["simbol", "tanda"])
def test_tabel_terpecah_dibaca_sekali(tmp_path: Path, gaya: str) -> None:
    mentah = _tulis_baca(tmp_path, [PANJANG, KEDUA], gaya, baris_per_tabel=16)
    assert len(mentah) == 2
    _periksa(mentah[0], PANJANG, gaya)
    _periksa(mentah[1], KEDUA, gaya)
    assert mentah[0].baris[15].asal.tempat == "tabel 3, baris 18"
    assert mentah[0].baris[16].asal.tempat == "tabel 4, baris 3"


def test_baris_kepala_berulang_dalam_satu_tabel(tmp_path: Path) -> None:
    path = tmp_path / "ulang.docx"
    tulis_docx(path, [KEDUA])
    dokumen = docx.Document(str(path))
    tabel = dokumen.tables[-1]
    kepala = [copy.deepcopy(tabel.rows[i]._tr) for i in (0, 1)]
    tabel.rows[7]._tr.addnext(kepala[1])
    tabel.rows[7]._tr.addnext(kepala[0])
    dokumen.save(str(path))
    (mentah,) = baca_docx(path, path.name)
    _periksa(mentah, KEDUA, "simbol")
    assert mentah.baris[6].asal.tempat == "tabel 3, baris 11"


def test_asal_menunjuk_tempatnya(tmp_path: Path) -> None:
    (mentah,) = _tulis_baca(tmp_path, [CONTOH], "simbol")
    assert mentah.kop[0].asal.tempat == "tabel 1, baris 1, kolom 1"
    assert mentah.identitas["Nomor SOP"].asal.tempat == "tabel 1, baris 1, kolom 3"
    assert mentah.identitas["Nama SOP"].asal.tempat == "tabel 1, baris 6, kolom 3"
    assert mentah.daftar["Keterkaitan"][0].asal.tempat == "tabel 2, baris 4, kolom 1"
    assert mentah.kolom[1].asal.tempat == "tabel 3, baris 2, kolom 4"
    kedua = mentah.baris[1]
    assert kedua.asal.tempat == "tabel 3, baris 4"
    assert kedua.kegiatan.asal.tempat == "tabel 3, baris 4, kolom 2"
    assert kedua.waktu is not None
    assert kedua.waktu.asal.tempat == "tabel 3, baris 4, kolom 8"
    assert kedua.tidak is not None
    assert kedua.tidak.asal.tempat == "tabel 3, baris 4, kolom 4"
    assert all(isian.asal.berkas == "sop-simbol.docx" for isian in mentah.kop)
    (dari_paragraf,) = _tulis_baca(tmp_path, [CONTOH], "tanda")
    assert [k.asal.tempat for k in dari_paragraf.kop] == ["paragraf 1", "paragraf 2", "paragraf 3"]


def test_keputusan_tanpa_cabang_dicatat(tmp_path: Path) -> None:
    langkah = tuple(replace(s, ya=None, tidak=None) for s in KEDUA.langkah)
    formulir = replace(KEDUA, langkah=langkah)
    (mentah,) = _tulis_baca(tmp_path, [formulir], "simbol")
    _periksa(mentah, formulir, "simbol")
    assert mentah.catatan == [
        f"keputusan langkah {s.no}: tujuan Ya/Tidak tidak terbaca dari dokumen; periksa"
        for s in langkah
        if s.jenis == "keputusan"
    ]


def test_tanpa_simbol_dicatat(tmp_path: Path) -> None:
    formulir = replace(CONTOH, langkah=tuple(replace(s, pelaksana=()) for s in CONTOH.langkah))
    (mentah,) = _tulis_baca(tmp_path, [formulir], "tanda")
    assert [b.pelaksana for b in mentah.baris] == [()] * len(CONTOH.langkah)
    assert "tidak ada simbol atau tanda di kolom pelaksana" in mentah.catatan


def test_gambar_di_kolom_pelaksana(tmp_path: Path) -> None:
    path = tmp_path / "gambar.docx"
    tulis_docx(path, [CONTOH], "tanda")
    gambar = tmp_path / "simbol.png"
    gambar.write_bytes(_png())
    dokumen = docx.Document(str(path))
    sel = dokumen.tables[-1].cell(4, 4)  # step 3, Kepala Bidang: "√" becomes a picture
    sel.text = ""
    sel.paragraphs[0].add_run().add_picture(str(gambar))
    dokumen.save(str(path))
    (mentah,) = baca_docx(path, path.name)
    assert mentah.baris[2].pelaksana == (2,)
    assert mentah.baris[2].simbol is None
    assert any(c.startswith("tabel 3, baris 5: simbol berupa gambar") for c in mentah.catatan)


def test_simbol_melayang_di_luar_sel(tmp_path: Path) -> None:
    path = tmp_path / "melayang.docx"
    tulis_docx(path, [CONTOH], "simbol")
    dokumen = docx.Document(str(path))
    anchor = dokumen.tables[-1].cell(2, 2)._tc.find(".//" + qn("wp:anchor"))
    anchor.find(qn("wp:positionH")).find(qn("wp:posOffset")).text = "9000000"
    dokumen.save(str(path))
    (mentah,) = baca_docx(path, path.name)
    assert mentah.baris[0].pelaksana == (0,)
    assert mentah.catatan == [
        "tabel 3, baris 3, kolom 3: simbol melayang di luar selnya; "
        "pelaksananya diduga dari sel tempatnya ditambatkan; periksa"
    ]


def test_doc_lama_atau_bersandi(tmp_path: Path) -> None:
    path = tmp_path / "lama.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    with pytest.raises(TidakTerbaca, match=r"^lama\.doc: dilindungi kata sandi atau format \.doc lama"):
        baca_docx(path, "lama.doc")


def test_berkas_acak(tmp_path: Path) -> None:
    path = tmp_path / "acak.docx"
    path.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(TidakTerbaca, match=r"^acak\.docx: bukan dokumen Word \.docx"):
        baca_docx(path, "acak.docx")


def test_zip_bukan_docx(tmp_path: Path) -> None:
    path = tmp_path / "arsip.docx"
    with zipfile.ZipFile(path, "w") as arsip:
        arsip.writestr("catatan.txt", "bukan dokumen")
    with pytest.raises(TidakTerbaca, match=r"^arsip\.docx: bukan dokumen Word \.docx.*simpan ulang"):
        baca_docx(path, "arsip.docx")


def test_buku_kerja_excel_bernama_docx(tmp_path: Path) -> None:
    path = tmp_path / "tabel.docx"
    openpyxl.Workbook().save(path)
    with pytest.raises(TidakTerbaca, match=r"^tabel\.docx: bukan dokumen Word"):
        baca_docx(path, "tabel.docx")


def test_docx_tanpa_bagan_alir(tmp_path: Path) -> None:
    path = tmp_path / "surat.docx"
    dokumen = docx.Document()
    dokumen.add_paragraph("Surat edaran")
    dokumen.add_table(rows=2, cols=2).cell(0, 0).text = "Nomor SOP"
    dokumen.save(str(path))
    with pytest.raises(TidakTerbaca, match=re.escape("surat.docx: tidak memuat tabel bagan alir SOP AP;")):
        baca_docx(path, "surat.docx")


def test_tata_letak_lain(tmp_path: Path) -> None:
    """Identity and blocks in one table with a ":" column, a header without "PELAKSANA", marks and text."""
    path = tmp_path / "lain.docx"
    dokumen = docx.Document()
    dokumen.add_paragraph("STANDAR OPERASIONAL PROSEDUR")
    kepala = dokumen.add_table(rows=4, cols=3)
    kop = kepala.cell(0, 0).merge(kepala.cell(0, 2))
    kop.text = "PEMERINTAH PROVINSI CONTOH"
    kop.add_paragraph("DINAS SOSIAL")
    for baris, (label, nilai) in enumerate((("Nomor SOP :", "460/01/DINSOS"), ("Disahkan oleh", "Kepala Dinas")), 1):
        kepala.cell(baris, 0).text = label
        kepala.cell(baris, 1).text = ":"
        kepala.cell(baris, 2).text = nilai
    kepala.cell(2, 2).add_paragraph("NIP. 19700101 199503 1 002")
    kepala.cell(3, 0).text = "Dasar Hukum"
    kepala.cell(3, 0).add_paragraph("1. Undang-Undang Nomor 11 Tahun 2009")
    kualifikasi = kepala.cell(3, 1).merge(kepala.cell(3, 2))
    kualifikasi.text = "Kualifikasi pelaksana"
    kualifikasi.add_paragraph("a. Pendidikan minimal S1")
    label = ("No", "Uraian Kegiatan", "Pemohon", "Petugas", "Persyaratan", "Waktu", "Output", "Keterangan")
    baris = (
        ("1", "Mengajukan permohonan", "v", "", "KTP", "5 menit", "Berkas", ""),
        ("2", "Memeriksa berkas", "", "√\nTidak → 1", "Berkas", "10 menit", "", "Ya: lanjut ke langkah 3"),
        ("3", "Menerbitkan surat", "", "X", "", "1 hari", "Surat", ""),
    )
    bagan = dokumen.add_table(rows=1 + len(baris), cols=len(label))
    for r, isi in enumerate((label, *baris)):
        for c, teks in enumerate(isi):
            bagan.cell(r, c).text = teks
    dokumen.save(str(path))
    (mentah,) = baca_docx(path, path.name)
    assert [k.teks for k in mentah.kop] == [
        "STANDAR OPERASIONAL PROSEDUR",
        "PEMERINTAH PROVINSI CONTOH",
        "DINAS SOSIAL",
    ]
    assert {k: v.teks for k, v in mentah.identitas.items()} == {
        "Nomor SOP": "460/01/DINSOS",
        "Disahkan oleh": "Kepala Dinas\nNIP. 19700101 199503 1 002",
    }
    assert {k: [i.teks for i in v] for k, v in mentah.daftar.items()} == {
        "Dasar Hukum": ["Undang-Undang Nomor 11 Tahun 2009"],
        "Kualifikasi pelaksana": ["Pendidikan minimal S1"],
    }
    assert [k.teks for k in mentah.kolom] == ["Pemohon", "Petugas"]
    assert [(b.no and b.no.teks, b.pelaksana, b.simbol) for b in mentah.baris] == [
        ("1", (0,), None),
        ("2", (1,), None),
        ("3", (1,), None),
    ]
    kedua = mentah.baris[1]
    assert (_teks(kedua.ya), _teks(kedua.tidak)) == ("3", "1")
    assert _teks(kedua.kelengkapan) == "Berkas"
    assert kedua.output is None
    assert mentah.catatan == []


def test_nilai_identitas_digabung_dua_baris(tmp_path: Path) -> None:
    path = tmp_path / "gabung.docx"
    tulis_docx(path, [CONTOH], "simbol")
    dokumen = docx.Document(str(path))
    identitas = dokumen.tables[0]
    disahkan = identitas.cell(4, 2).merge(identitas.cell(5, 2))  # Disahkan oleh's value down over Nama SOP's row
    disahkan.text = "Kepala Dinas"
    disahkan.add_paragraph("Drs. Budi Santoso")
    dokumen.save(str(path))
    (mentah,) = baca_docx(path, path.name)
    assert [k.teks for k in mentah.kop] == list(CONTOH.kop)
    assert mentah.identitas["Disahkan oleh"].teks == "Kepala Dinas\nDrs. Budi Santoso"
    assert mentah.identitas["Nama SOP"].teks == ""


def test_simbol_di_luar_kolom_pelaksana(tmp_path: Path) -> None:
    path = tmp_path / "luar.docx"
    tulis_docx(path, [CONTOH], "simbol")
    dokumen = docx.Document(str(path))
    baris = dokumen.tables[-1].rows[4].cells  # step 3: its shape moved into the Kegiatan cell
    baris[1].paragraphs[0]._p.append(baris[4].paragraphs[0]._p[-1])
    dokumen.save(str(path))
    (mentah,) = baca_docx(path, path.name)
    assert mentah.baris[2].pelaksana == ()
    assert mentah.baris[2].kegiatan.teks == CONTOH.langkah[2].kegiatan
    assert mentah.catatan == [
        "tabel 3, baris 5, kolom 2: simbol ditambatkan di luar kolom pelaksana; pelaksananya tidak terbaca; periksa"
    ]
