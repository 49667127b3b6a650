"""Round trips: an SOP AP form written out as a document by the tests and imported back is the same SOP.

Hypothesis makes forms of other agencies (two to eight pelaksana columns,
steps of one or two pelaksana, decisions, dates and times as agencies write
them, citations of several kinds); each is written as a Word document, an
Excel workbook, a text copy and a PDF, imported, and compared field by
field with what it says.
"""

from __future__ import annotations

import string
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sop_handbook.impor.excel import baca_xlsx
from sop_handbook.impor.normalisasi import Usulan, normalisasi, slug
from sop_handbook.impor.pdf import baca_pdf
from sop_handbook.impor.sitasi import baca_sitasi, usulan_id
from sop_handbook.impor.teks import baca_teks
from sop_handbook.impor.word import baca_docx

from .formulir_excel import tulis_xlsx
from .formulir_pdf import tulis_pdf
from .formulir_teks import tulis_teks
from .formulir_uji import Formulir, Langkah
from .formulir_word import tulis_docx

WORDS = ("berkas", "permohonan", "surat", "laporan", "data", "izin", "rekomendasi", "dokumen", "arsip", "anggaran")
VERBS = ("Menerima", "Memeriksa", "Mencatat", "Menyusun", "Meneruskan", "Menandatangani", "Mengirim", "Memaraf")
ROLES = (
    "Pemohon",
    "Petugas Loket",
    "Staf Pelaksana",
    "Kepala Seksi",
    "Kepala Bidang",
    "Sekretaris",
    "Kepala Dinas",
    "Bendahara",
    "Tim Teknis",
)
PLACES = ("Blitar", "Luwu Timur", "Batu", "Kupang", "Medan", "Sulawesi Utara", "Jawa Timur")
DATES = ("12 Pebruari 2021", "3 Maret 2019", "September 2016", "2021-03-01", "1 Nopember 2019", "-")
TIMES = ("10 menit", "1 jam", "2 Jam", "1 jam 30 menit", "1-2 hari", "3 hari kerja", "2 x 24 jam", "1 minggu", "-")
KINDS = ("Peraturan Bupati", "Peraturan Wali Kota", "Peraturan Gubernur", "Undang-Undang", "Peraturan Pemerintah")

phrase = st.lists(st.sampled_from(WORDS), min_size=1, max_size=4).map(" ".join)


@st.composite
def forms(draw: st.DrawFn) -> Formulir:
    lanes = draw(st.lists(st.sampled_from(ROLES), min_size=2, max_size=8, unique=True))
    count = draw(st.integers(3, 15))
    steps = []
    for no in range(1, count + 1):
        first = draw(st.integers(0, len(lanes) - 1))
        second = draw(st.one_of(st.none(), st.integers(0, len(lanes) - 1)))
        pelaksana = tuple(sorted({first, second} - {None}))
        decision = 1 < no < count and draw(st.booleans())
        steps.append(
            Langkah(
                no,
                f"{draw(st.sampled_from(VERBS))} {draw(phrase)}",
                pelaksana,  # type: ignore[arg-type]
                "keputusan" if decision else "proses",
                kelengkapan=draw(phrase).capitalize(),
                waktu=draw(st.sampled_from(TIMES)),
                output=draw(phrase).capitalize(),
            )
        )
    kind, place = draw(st.sampled_from(KINDS)), draw(st.sampled_from(PLACES))
    issuer = "" if kind in ("Undang-Undang", "Peraturan Pemerintah") else f" {place}"
    citation = (
        f"{kind}{issuer} Nomor {draw(st.integers(1, 99))} Tahun {draw(st.integers(1990, 2025))} tentang {draw(phrase)}"
    )
    nip = "".join(draw(st.lists(st.sampled_from(string.digits), min_size=18, max_size=18)))
    title = f"Pelayanan {draw(phrase).title()}"
    # The flowchart's own title, when printed, may say more than Nama SOP does.
    longer = f"Standar Operasional Prosedur {title} {draw(phrase).title()}"
    heading = draw(st.sampled_from(("", f"SOP {title}", longer)))
    return Formulir(
        kop=(f"PEMERINTAH KABUPATEN {place.upper()}", "DINAS PELAYANAN TERPADU", "BIDANG PERIZINAN"),
        identitas=(
            ("Nomor SOP", f"{draw(st.integers(100, 999))}/{draw(st.integers(1, 99))}/2021"),
            ("Tanggal Pembuatan", draw(st.sampled_from(DATES))),
            ("Tanggal Revisi", draw(st.sampled_from(DATES))),
            ("Tanggal Efektif", draw(st.sampled_from(DATES))),
            ("Disahkan oleh", f"Kepala Dinas   Drs. Budi Santoso, M.Si Pembina Tk. I NIP. {nip}"),
            ("Nama SOP", title),
        ),
        daftar=(
            ("Dasar Hukum", (citation,)),
            ("Kualifikasi Pelaksana", tuple(draw(st.lists(phrase, min_size=1, max_size=3)))),
            ("Peralatan/Perlengkapan", tuple(draw(st.lists(phrase, min_size=1, max_size=3)))),
            ("Pencatatan dan Pendataan", (draw(phrase),)),
        ),
        kolom=tuple(lanes),
        langkah=tuple(steps),
        judul=heading,
    )


def check(form: Formulir, data: dict, symbols: bool) -> None:
    """The imported source says what the form says."""
    identity = dict(form.identitas)
    printed = form.judul.removeprefix("SOP ").removeprefix("Standar Operasional Prosedur ")
    assert data["judul"] == (printed or identity["Nama SOP"])
    assert data["nomor"] == identity["Nomor SOP"] and data["nama"] == identity["Nama SOP"]
    for key, label in (
        ("tanggal_pembuatan", "Pembuatan"),
        ("tanggal_revisi", "Revisi"),
        ("tanggal_efektif", "Efektif"),
    ):
        assert data[key] == identity[f"Tanggal {label}"]
    tertulis = data["disahkan_oleh"]["tertulis"]
    digits = identity["Disahkan oleh"][-18:]
    assert tertulis == {
        "jabatan": "Kepala Dinas",
        "nama": "Drs. Budi Santoso, M.Si",
        "pangkat": "Pembina Tk. I",
        "nip": f"{digits[:8]} {digits[8:14]} {digits[14]} {digits[15:]}",
    }
    lists = dict(form.daftar)
    [citation] = lists["Dasar Hukum"]
    sitasi = baca_sitasi(citation)
    assert sitasi is not None
    assert data["dasar_hukum"] == [{"peraturan": usulan_id(sitasi), "tertulis": citation}]
    assert data["kualifikasi_pelaksana"] == list(lists["Kualifikasi Pelaksana"])
    assert data["peralatan_perlengkapan"] == list(lists["Peralatan/Perlengkapan"])
    assert data["pencatatan_pendataan"] == list(lists["Pencatatan dan Pendataan"])
    ids = [slug(name) for name in form.kolom]
    for step, got in zip(form.langkah, data["langkah"], strict=True):
        assert (got["no"], got["kegiatan"]) == (step.no, step.kegiatan)
        expected = [ids[i] for i in step.pelaksana]
        assert got["pelaksana"] == (expected[0] if len(expected) == 1 else expected)
        assert got["mutu_baku"] == {"kelengkapan": step.kelengkapan, "waktu": step.waktu, "output": step.output}
        if symbols:  # a text copy has marks, no shapes: its decisions cannot be told
            assert got.get("jenis", "proses") == step.jenis


@settings(max_examples=60, deadline=None)
@given(forms())
def test_a_form_written_as_a_text_copy_imports_as_the_same_sop(form):
    with tempfile.TemporaryDirectory() as work:
        path = Path(work) / "salinan.txt"
        tulis_teks(path, [form])
        [read] = baca_teks(path.read_text(encoding="utf-8"), path.name)
    check(form, normalisasi(read, None, Usulan()).data, symbols=False)


@pytest.mark.browser
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(form=forms())
def test_a_form_printed_to_pdf_imports_as_the_same_sop(browser, form):
    with tempfile.TemporaryDirectory() as work:
        path = Path(work) / "sop.pdf"
        tulis_pdf(browser, path, [form])
        [read] = baca_pdf(path, path.name)
    check(form, normalisasi(read, None, Usulan()).data, symbols=True)


@pytest.mark.parametrize(
    ("suffix", "write", "read"),
    [(".docx", tulis_docx, baca_docx), (".xlsx", tulis_xlsx, baca_xlsx)],
    ids=["word", "excel"],
)
@settings(max_examples=40, deadline=None)
@given(form=forms())
def test_a_form_written_as_an_office_document_imports_as_the_same_sop(suffix, write, read, form):
    with tempfile.TemporaryDirectory() as work:
        path = Path(work) / f"sop{suffix}"
        write(path, [form])
        [got] = read(path, path.name)
    check(form, normalisasi(got, None, Usulan()).data, symbols=True)
