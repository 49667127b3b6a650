"""Importing SOP AP forms from PDFs with a text layer, printed by Chromium as a word processor would.

The forms of ``formulir_uji`` are printed (ruled tables, the flowchart's
symbols as vector shapes, a long flowchart over several pages with its
header repeated) and read back: every field as written, every step's
pelaksana from the column holding its symbol, decisions by their diamond. A
scan without text and a damaged file are refused with a message.
"""

from __future__ import annotations

import dataclasses

import pytest
from sop_handbook.impor.mentah import FormulirMentah, TidakTerbaca
from sop_handbook.impor.normalisasi import Usulan, normalisasi
from sop_handbook.impor.pdf import baca_pdf

from .formulir_pdf import tulis_pdf
from .formulir_uji import CONTOH, Formulir, Langkah

pytestmark = pytest.mark.browser

PANJANG = Formulir(
    kop=("PEMERINTAH PROVINSI SULAWESI UTARA", "DINAS PERTANIAN DAN PETERNAKAN", "BIDANG PETERNAKAN"),
    identitas=(
        ("Nomor SOP", "524/DPP/2016"),
        ("Tanggal Pembuatan", "September 2016"),
        ("Tanggal Revisi", "(ditinjau kembali)"),
        ("Tanggal Efektif", "Oktober 2016"),
        ("Disahkan Oleh", "Kepala Dinas"),
    ),
    daftar=(("Dasar Hukum", ("Undang-Undang Nomor 18 Tahun 2009 tentang Peternakan dan Kesehatan Hewan",)),),
    kolom=("Kadis", "Sekretaris", "Bidang", "Kasubag", "Staf Perencanaan"),
    langkah=tuple(
        Langkah(
            n,
            f"Kegiatan ke-{n}: " + " ".join(["menyusun dan memeriksa dokumen perencanaan"] * (3 if n % 4 else 1)),
            ((n - 1) % 5,) if n % 6 else ((n - 1) % 5, n % 5),
            "keputusan" if n in (8, 20) else "proses",
            waktu=f"{n} jam",
            output=f"Dokumen {n}",
        )
        for n in range(1, 31)
    ),
    judul="SOP Penyusunan Renstra dan Renja",
)


@pytest.fixture(scope="module")
def read(browser, tmp_path_factory) -> list[FormulirMentah]:
    path = tmp_path_factory.mktemp("pdf") / "buku-sop.pdf"
    tulis_pdf(browser, path, [CONTOH, PANJANG])
    return baca_pdf(path, path.name)


def _expected_kind(form: Formulir, step: Langkah) -> str:
    if step.jenis == "keputusan":
        return "keputusan"
    return "terminator" if step.no in (1, form.langkah[-1].no) else "proses"


@pytest.mark.parametrize("index", [0, 1])
def test_each_form_of_the_pdf_is_read_as_printed(read, index):
    form, got = (CONTOH, PANJANG)[index], read[index]
    assert len(read) == 2
    assert [line.teks for line in got.kop] == list(form.kop)
    assert {label: value.teks for label, value in got.identitas.items()} == dict(form.identitas)
    assert {label: [i.teks for i in items] for label, items in got.daftar.items()} == {
        label: list(items) for label, items in form.daftar
    }
    assert [c.teks for c in got.kolom] == list(form.kolom)
    assert got.judul is not None and got.judul.teks == form.judul
    rows = [
        (
            int(r.no.teks) if r.no else None,
            r.kegiatan.teks,
            r.pelaksana,
            r.simbol,
            r.waktu and r.waktu.teks,
            r.output and r.output.teks,
        )
        for r in got.baris
    ]
    assert rows == [
        (s.no, s.kegiatan, tuple(sorted(s.pelaksana)), _expected_kind(form, s), s.waktu or None, s.output or None)
        for s in form.langkah
    ]
    assert all("halaman" in r.asal.tempat for r in got.baris)


def test_a_long_flowchart_continues_over_pages_without_its_repeated_headers(read):
    pages = {r.asal.tempat.split(",")[0] for r in read[1].baris}
    assert len(pages) >= 2  # printed over several pages, each with the header rows again
    assert [int(r.no.teks) for r in read[1].baris if r.no] == list(range(1, 31))


def test_the_pdf_imports_as_a_source_with_its_pelaksana_and_decisions(read):
    data = normalisasi(read[0], None, Usulan()).data
    assert [step["pelaksana"] for step in data["langkah"]] == [
        "pemohon",
        "petugas-loket",
        "kepala-bidang",
        ["kepala-bidang", "kepala-dinas"],
        "petugas-loket",
    ]
    assert data["langkah"][1]["jenis"] == "keputusan" and "tidak" not in data["langkah"][1]
    assert data["disahkan_oleh"]["tertulis"]["nip"] == "19700101 199503 1 002"


def test_a_scan_without_text_is_refused_with_what_to_do(browser, tmp_path):
    path = tmp_path / "pindaian.pdf"
    page = browser.new_page()
    try:
        page.set_content('<svg width="400" height="300"><rect width="300" height="200" fill="#888"/></svg>')
        page.pdf(path=str(path))
    finally:
        page.close()
    with pytest.raises(TidakTerbaca, match=r"pindaian\.pdf: PDF ini tidak memiliki lapisan teks"):
        baca_pdf(path, path.name)


def test_a_damaged_pdf_is_refused(tmp_path):
    path = tmp_path / "rusak.pdf"
    path.write_bytes(b"%PDF-1.4\n" + bytes(200))
    with pytest.raises(TidakTerbaca, match=r"rusak\.pdf: "):
        baca_pdf(path, path.name)


def test_a_form_with_marks_instead_of_symbols_is_read_by_its_marks(browser, tmp_path):
    marked = dataclasses.replace(CONTOH, langkah=CONTOH.langkah[:3])
    path = tmp_path / "tanda.pdf"
    tulis_pdf(browser, path, [marked], tanda=True)
    rows = baca_pdf(path, path.name)[0].baris
    assert [(r.pelaksana, r.simbol) for r in rows] == [((0,), None), ((1,), None), ((2,), None)]


def test_a_step_cut_by_a_page_break_is_read_whole(browser, tmp_path):
    long_text = " ".join(f"kata{n}" for n in range(700))  # a row taller than a page
    steps = (
        CONTOH.langkah[0],
        dataclasses.replace(CONTOH.langkah[2], no=2, kegiatan=long_text),
        dataclasses.replace(CONTOH.langkah[4], no=3),
    )
    path = tmp_path / "terpotong.pdf"
    tulis_pdf(browser, path, [dataclasses.replace(CONTOH, langkah=steps)])
    rows = baca_pdf(path, path.name)[0].baris
    assert [r.kegiatan.teks for r in rows] == [steps[0].kegiatan, long_text, steps[2].kegiatan]
    assert rows[1].pelaksana == (2,) and rows[1].waktu is not None and rows[1].waktu.teks == "1 jam"
