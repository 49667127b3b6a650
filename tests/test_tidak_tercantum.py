"""What a real document lacks is recorded as lacking, never invented.

A document may give no Nomor SOP, no dates or only a month, no approver (or
one without a name or NIP), no Dasar Hukum, and even no flowchart part. Each
such source loads; its page and printed form say "Tidak tercantum" (with the
document's own mark, such as "-", on the screen only); Catatan mutu data lists
each gap; an SOP without steps is a draft, left out of the printed book.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from sop_handbook import mermaid, render_pages, render_sop
from sop_handbook.model import TIDAK_TERCANTUM
from sop_handbook.tanggal import Tanggal, is_mark, parse_tanggal

from .conftest import load, real_sources

HEADER = "# yaml-language-server: $schema=../schema/sop.schema.json\n"
LACKING = """\
id: tanpa-identitas
instansi: diskopukm
unit: sekretariat
judul: Penerimaan Surat Masuk
nomor: "-"
tanggal_pembuatan: September 2016
tanggal_revisi: (ditinjau kembali)
tanggal_efektif:
langkah:
  - no: 1
    kegiatan: Menerima surat masuk
    pelaksana: anggota-tim
    mutu_baku: {waktu: 15 menit}
  - no: 2
    kegiatan: Mencatat surat di buku agenda
    pelaksana: anggota-tim
    mutu_baku: {waktu: "-"}
"""
UNREAD = """\
id: surat-keluar
instansi: diskopukm
unit: sekretariat
judul: Pengiriman Surat Keluar
langkah:
  - no: 1
    kegiatan: Mengonsep surat
    pelaksana: anggota-tim
    mutu_baku: {waktu: 1 jam}
  - no: 2
    kegiatan: Memeriksa konsep surat
    jenis: keputusan
    pelaksana: ketua-tim
    mutu_baku: {waktu: 15 menit}
  - no: 3
    kegiatan: Mengirim surat
    pelaksana:
    mutu_baku: {waktu: 10 menit}
"""
DRAFT = """\
id: masih-draf
instansi: diskopukm
unit: sekretariat
judul: Pengelolaan Arsip
nomor: 800/01/SEKR/2024
disahkan_oleh:
  tertulis: {jabatan: Sekretaris, nama: null, nip: null}
"""


@pytest.fixture(scope="module")
def handbook(tmp_path_factory):
    root = tmp_path_factory.mktemp("tidak-tercantum")
    source_dir = root / "sop_source"
    source_dir.mkdir()
    for path in real_sources():
        (source_dir / path.name).write_bytes(path.read_bytes())
    (source_dir / "tanpa-identitas.yaml").write_text(HEADER + LACKING, encoding="utf-8")
    (source_dir / "masih-draf.yaml").write_text(HEADER + DRAFT, encoding="utf-8")
    (source_dir / "surat-keluar.yaml").write_text(HEADER + UNREAD, encoding="utf-8")
    return load(source_dir, root)


def identity(page: str) -> dict[str, str]:
    rows = re.findall(r'<tr><th scope="row">([^<]+)</th> <td>(.*?)</td></tr>', page)
    return dict(rows)


@pytest.mark.parametrize(
    ("text", "expected", "shown"),
    [
        ("2016-09-12", Tanggal(2016, 9, 12), "12 September 2016"),
        ("12 September 2016", Tanggal(2016, 9, 12), "12 September 2016"),
        ("12-09-2016", Tanggal(2016, 9, 12), "12 September 2016"),
        ("12/9/2016", Tanggal(2016, 9, 12), "12 September 2016"),
        ("3 Pebruari 2017", Tanggal(2017, 2, 3), "3 Februari 2017"),
        ("1 Nopember 2019", Tanggal(2019, 11, 1), "1 November 2019"),
        ("5 Agt 2020", Tanggal(2020, 8, 5), "5 Agustus 2020"),
        ("September 2016", Tanggal(2016, 9), "September 2016"),
        ("SEPTEMBER 2016", Tanggal(2016, 9), "September 2016"),
        ("Sept. 2016", Tanggal(2016, 9), "September 2016"),
        ("2016-09", Tanggal(2016, 9), "September 2016"),
    ],
)
def test_dates_as_agencies_write_them(text, expected, shown):
    value = parse_tanggal(text)
    assert value == expected
    assert str(value) == shown


def test_a_month_means_its_whole_month():
    september = parse_tanggal("September 2016")
    assert (september.awal, september.akhir) == (date(2016, 9, 1), date(2016, 9, 30))
    assert parse_tanggal("Februari 2024").akhir == date(2024, 2, 29)
    assert september.iso == "2016-09"


@pytest.mark.parametrize(
    ("text", "reason"),
    [("31 Juni 2016", "tidak ada di kalender"), ("12 Septemper 2016", "bulan 'Septemper'"), ("2016", "tidak terbaca")],
)
def test_a_date_that_is_not_one_says_how_to_write_it_or_leave_it_empty(text, reason):
    with pytest.raises(ValueError, match=rf"{reason}.*kosongkan \(null\) bila dokumen tidak mencantumkannya"):
        parse_tanggal(text)


@pytest.mark.parametrize(("text", "mark"), [("-", True), ("(ditinjau kembali)", True), ("12 Mei 2020", False)])
def test_a_mark_has_no_digit(text, mark):
    assert is_mark(text) is mark


def test_lacking_fields_load_as_not_stated_with_the_documents_marks(handbook):
    sop = handbook.sop("tanpa-identitas")
    assert sop.nomor is None and sop.tanda("nomor") == "-"
    assert sop.tanggal_pembuatan == Tanggal(2016, 9)
    assert sop.tanggal_revisi is None and sop.tanda("tanggal_revisi") == "(ditinjau kembali)"
    assert sop.tanggal_efektif is None and sop.tanda("tanggal_efektif") is None
    assert sop.disahkan_oleh.pejabat is None and sop.disahkan_oleh.tertulis is None
    assert not sop.draf
    assert [step.mutu_baku.durasi is None for step in sop.langkah] == [False, True]


def test_the_page_says_tidak_tercantum_and_shows_the_mark_on_screen_only(handbook):
    sop = handbook.sop("tanpa-identitas")
    page = render_sop.sop_page(sop, handbook)
    rows = identity(page)
    kosong = '<span class="sop-kosong">Tidak tercantum</span>'
    assert rows["Nomor SOP"] == f'{kosong} <small class="sop-tertulis">(di dokumen: -)</small>'
    assert rows["Tanggal Pembuatan"] == "September 2016"
    assert rows["Tanggal Revisi"] == f'{kosong} <small class="sop-tertulis">(di dokumen: (ditinjau kembali))</small>'
    assert rows["Tanggal Efektif"] == kosong
    assert rows["Disahkan oleh"] == kosong
    assert rows["Dasar Hukum"] == kosong
    # The total counts what is stated and says what is not.
    assert "0,25 jam kerja; 1 langkah tanpa waktu" in page


def test_an_approver_without_name_or_nip_prints_both_as_not_stated(handbook):
    page = render_sop.sop_page(handbook.sop("masih-draf"), handbook)
    cell = identity(page)["Disahkan oleh"]
    assert cell.startswith("Sekretaris<br> ")
    assert '<span class="sop-kosong">Nama tidak tercantum</span>' in cell
    assert '<span class="sop-kosong">NIP tidak tercantum</span>' in cell
    assert "NIP. " not in cell


def test_every_gap_is_listed_for_reviewers(handbook):
    notes = {p.path: p.message for p in handbook.catatan_mutu if p.file == "sop_source/tanpa-identitas.yaml"}
    assert notes[("nomor",)].startswith("Nomor SOP tidak tercantum (dokumen menulis '-'), padahal formulir SOP AP")
    assert notes[("nomor",)].endswith("atau biarkan kosong")
    assert notes[("tanggal_revisi",)].startswith(
        "Tanggal Revisi tidak tercantum (dokumen menulis '(ditinjau kembali)')"
    )
    assert notes[("tanggal_efektif",)].startswith("Tanggal Efektif tidak tercantum, padahal")
    assert notes[("disahkan_oleh",)].startswith("Disahkan oleh tidak tercantum")
    assert notes[("dasar_hukum",)].startswith("Dasar Hukum tidak tercantum")
    draf = {p.path: p.message for p in handbook.catatan_mutu if p.file == "sop_source/masih-draf.yaml"}
    assert draf[("langkah",)].startswith("bagian prosedur (langkah) belum ditulis: SOP ini tampil sebagai draf")
    assert (
        draf[("disahkan_oleh",)]
        == "nama dan NIP pengesah tidak tercantum; isi seperti di dokumen bila ada, atau biarkan kosong"
    )


def test_a_draft_shows_as_such_without_a_flowchart(handbook):
    sop = handbook.sop("masih-draf")
    assert sop.draf
    page = render_sop.sop_page(sop, handbook)
    assert '<p class="admonition-title">Draf</p>' in page
    assert "sop-prosedur" not in page and "```mermaid" not in page
    listing = render_pages.daftar_sop(handbook, "index.md")
    row = next(line for line in listing.splitlines() if "Pengelolaan Arsip" in line)
    assert "(draf: bagian prosedur belum ditulis)" in row
    cover = render_pages.sampul_buku(handbook, "Buku")
    assert f"{len(handbook.sops) - 1} SOP, dicetak" in cover


def test_a_pelaksana_the_document_does_not_show_gets_a_lane_saying_so(handbook):
    sop = handbook.sop("surat-keluar")
    assert sop.langkah[2].pelaksana == (TIDAK_TERCANTUM,)
    assert sop.lajur[-1] is TIDAK_TERCANTUM and TIDAK_TERCANTUM not in sop.unit.pelaksana
    page = render_sop.sop_page(sop, handbook)
    row = re.search(r'<tr id="langkah-3".*?</tr>', page, re.DOTALL)[0]
    assert re.findall(r"<td>(.*?)</td>", row, re.DOTALL)[2] == '<span class="sop-kosong">Tidak tercantum</span>'
    assert 'subgraph lane_3["Pelaksana tidak tercantum"]' in mermaid.swimlane(sop)
    notes = {p.path: p.message for p in handbook.catatan_mutu if p.file == "sop_source/surat-keluar.yaml"}
    assert notes[("langkah", 2, "pelaksana")].startswith("pelaksana langkah 3 tidak tercantum di dokumen")


def test_a_decision_whose_tidak_the_document_does_not_show_says_so(handbook):
    sop = handbook.sop("surat-keluar")
    assert sop.langkah[1].tidak is None
    page = render_sop.sop_page(sop, handbook)
    assert "Ya: langkah berikutnya; Tidak: tujuan tidak tercantum" in page
    text = mermaid.swimlane(sop)
    assert 's2 -->|"Tidak"| tidak_2(["tujuan tidak tercantum"])' in text
    notes = {p.path: p.message for p in handbook.catatan_mutu if p.file == "sop_source/surat-keluar.yaml"}
    assert notes[("langkah", 1)].startswith("tujuan 'Tidak' keputusan langkah 2 tidak tercantum")
