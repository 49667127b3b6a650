"""Steps as real forms number and branch them.

A document may skip a step number (1, 2, 3, 4, 6): the steps keep the
numbers it prints, on the page, the diagram, the printed form and in the
decisions' targets; the gap is noted for reviewers, and a number out of
order is an error.

A decision's branch may end the procedure (a request refused: `tidak:
selesai`): the table says so, the diagram leads it to the end, the printed
form ends it in a terminator of its own.

A field the document has but the copy transcribed does not show legibly
(cut off, blurred, lost in extraction) is named in `tidak_terbaca:` and
shown as "Tidak terbaca di salinan", not as "Tidak tercantum".
"""

from __future__ import annotations

import dataclasses
import json
import re

import pytest
from sop_handbook import bagan, export, mermaid, render_sop, rute
from sop_handbook.fragments import TIDAK_TERBACA
from sop_handbook.problems import SourceError

from .conftest import load, real_sources

HEADER = "# yaml-language-server: $schema=../schema/sop.schema.json\n"
SKIPPING = """\
id: nomor-melompat
instansi: diskopukm
unit: sekretariat
judul: Pelayanan Tamu
langkah:
  - {no: 1, kegiatan: Menerima tamu, pelaksana: anggota-tim, mutu_baku: {waktu: 5 menit}}
  - {no: 2, kegiatan: Memeriksa keperluan, jenis: keputusan, pelaksana: ketua-tim, tidak: 6,
     mutu_baku: {waktu: 5 menit}}
  - {no: 3, kegiatan: Mengantar tamu, pelaksana: anggota-tim, mutu_baku: {waktu: 10 menit}}
  - {no: 6, kegiatan: Mencatat kunjungan, pelaksana: anggota-tim, mutu_baku: {waktu: 5 menit}}
  - {no: 7, kegiatan: Melaporkan, pelaksana: ketua-tim, mutu_baku: {waktu: 5 menit}}
"""

ENDING = """\
id: tamu-ditolak
instansi: diskopukm
unit: sekretariat
judul: Penerimaan Tamu
langkah:
  - {no: 1, kegiatan: Menerima tamu, pelaksana: anggota-tim, mutu_baku: {waktu: 5 menit}}
  - {no: 2, kegiatan: Berkenan menerima tamu?, jenis: keputusan, pelaksana: ketua-tim, tidak: selesai,
     mutu_baku: {waktu: 5 menit}}
  - {no: 3, kegiatan: Mengantar tamu ke tujuan, pelaksana: anggota-tim, mutu_baku: {waktu: 5 menit}}
"""

BLURRED = """\
id: salinan-buram
instansi: diskopukm
unit: sekretariat
judul: Pengarsipan Surat
tidak_terbaca: [nomor, tanggal_efektif, disahkan_oleh, dasar_hukum]
disahkan_oleh:
  tertulis: {jabatan: Sekretaris, nama: null, nip: null}
dasar_hukum:
  - tertulis: Undang-Undang Nomor 43 Tahun 2009 tentang Kearsipan
langkah:
  - {no: 1, kegiatan: Menerima surat, pelaksana: anggota-tim, mutu_baku: {waktu: 5 menit}}
  - no: 2
    kegiatan: Memeriksa surat
    jenis: keputusan
    pelaksana:
    tidak_terbaca: [pelaksana, tidak, waktu]
    mutu_baku: {kelengkapan: Surat}
  - {no: 3, kegiatan: Mengarsipkan surat, pelaksana: anggota-tim, mutu_baku: {waktu: 10 menit}}
"""


def _handbook(tmp_path, **sources: str):
    source_dir = tmp_path / "sop_source"
    source_dir.mkdir()
    for path in real_sources():
        (source_dir / path.name).write_bytes(path.read_bytes())
    for name, text in sources.items():
        (source_dir / f"{name}.yaml").write_text(HEADER + text, encoding="utf-8")
    return load(source_dir, tmp_path)


@pytest.fixture(scope="module")
def handbook(tmp_path_factory):
    return _handbook(
        tmp_path_factory.mktemp("formulir-nyata"),
        **{"nomor-melompat": SKIPPING, "tamu-ditolak": ENDING, "salinan-buram": BLURRED},
    )


def test_steps_keep_the_numbers_the_document_prints(handbook):
    sop = handbook.sop("nomor-melompat")
    assert [step.no for step in sop.langkah] == [1, 2, 3, 6, 7]
    page = render_sop.sop_page(sop, handbook)
    assert re.findall(r'<tr id="langkah-(\d+)"', page) == ["1", "2", "3", "6", "7"]
    assert "Ya: langkah berikutnya; Tidak: langkah 6" in page
    text = mermaid.swimlane(sop)
    assert 's2 -->|"Tidak"| s6' in text and "s3 --> s6" in text and "s7 --> selesai" in text
    drawn = bagan.draw(sop)
    tidak = next(arrow for arrow in drawn.panah if arrow.label == "Tidak")
    assert (tidak.dari, tidak.ke) == (1, 3)  # from the second row to the fourth, the one numbered 6


def test_a_skipped_number_is_noted_for_reviewers(handbook):
    notes = [p for p in handbook.catatan_mutu if p.file == "sop_source/nomor-melompat.yaml"]
    assert [(p.path, p.message) for p in notes if p.path[-1:] == ("no",)] == [
        (
            ("langkah", 3, "no"),
            "dokumen melompati nomor langkah 4–5; bila demikian tercetak di dokumen, biarkan "
            "(nomor langkah tetap seperti di dokumen)",
        )
    ]


def test_a_target_that_is_not_a_printed_number_lists_the_numbers_there_are(tmp_path):
    wrong = SKIPPING.replace("tidak: 6", "tidak: 4")
    with pytest.raises(SourceError) as info:
        _handbook(tmp_path, **{"nomor-melompat": wrong})
    assert [p.message for p in info.value.problems] == [
        "langkah tujuan 4 tidak ada; pilih nomor langkah lain (1, 2, 3, 6, 7)"
    ]


def test_a_branch_may_end_the_procedure(handbook):
    sop = handbook.sop("tamu-ditolak")
    assert sop.langkah[1].tidak == "selesai"
    page = render_sop.sop_page(sop, handbook)
    assert "Ya: langkah berikutnya; Tidak: prosedur selesai" in page
    text = mermaid.swimlane(sop)
    assert 's2 -->|"Tidak"| selesai' in text and 's2 -->|"Ya"| s3' in text
    notes = [p for p in handbook.catatan_mutu if p.file == "sop_source/tamu-ditolak.yaml"]
    assert not [p for p in notes if p.path[:1] == ("langkah",)]  # a known target, not a missing one


@pytest.mark.parametrize("lanes", [("anggota-tim", "ketua-tim"), ("ketua-tim", "anggota-tim")])
def test_the_printed_form_ends_the_branch_in_a_terminator_beside_the_decision(handbook, lanes):
    sop = handbook.sop("tamu-ditolak")
    sop = dataclasses.replace(sop, kolom_pelaksana=tuple(sop.unit.peran(p) for p in lanes))  # either edge
    drawn = bagan.draw(sop)
    assert not drawn.sesak
    row = drawn.geometri[1]
    decision = next(s for s in row.simbol if s.langkah == 1)
    end = next(s for s in row.simbol if s.langkah == rute.AKHIR)
    assert end.jenis == "terminator" and end.cy == decision.cy  # level with the diamond, beside it
    assert end.cx - end.half_w >= 0 and end.cx + end.half_w <= row.lebar
    n = next(i for i, a in enumerate(drawn.panah) if a.label == "Tidak")
    line = next(g for g in row.garis if g.panah == n)
    side = 1 if end.cx > decision.cx else -1
    assert line.kepala and line.titik[0] == (decision.cx + side * decision.half_w, decision.cy)
    assert line.titik[-1] == (end.cx - side * end.half_w, end.cy)  # ends on the terminator's side
    label = next(lb for lb in row.label if lb.panah == n)
    assert not label.kotak.tumpang(end.kotak) and not label.kotak.tumpang(decision.kotak)
    assert ">Selesai</text>" in drawn.baris[1]


@pytest.mark.parametrize("written", ["Selesai", "akhir", "'5'"])
def test_a_branch_target_is_a_step_number_or_selesai(tmp_path, written):
    wrong = ENDING.replace("tidak: selesai", f"tidak: {written}")
    with pytest.raises(SourceError) as info:
        _handbook(tmp_path, **{"tamu-ditolak": wrong})
    assert [p.message for p in info.value.problems] == [
        "tulis nomor langkah tujuan, atau 'selesai' bila cabang ini mengakhiri prosedur "
        f"(tertulis: {written.strip(chr(39))!r})"
    ]


def _identity(page: str) -> dict[str, str]:
    return dict(re.findall(r'<tr><th scope="row">([^<]+)</th> <td>(.*?)</td></tr>', page))


def test_what_the_copy_does_not_show_is_not_read_as_not_stated(handbook):
    sop = handbook.sop("salinan-buram")
    page = render_sop.sop_page(sop, handbook)
    rows = _identity(page)
    assert rows["Nomor SOP"] == TIDAK_TERBACA
    assert rows["Tanggal Efektif"] == TIDAK_TERBACA
    assert rows["Tanggal Pembuatan"] == '<span class="sop-kosong">Tidak tercantum</span>'  # not named: not stated
    assert rows["Dasar Hukum"].endswith('<small class="sop-tertulis">(sebagian tidak terbaca di salinan)</small>')
    assert "Undang-Undang Nomor 43 Tahun 2009" in rows["Dasar Hukum"]
    assert '<span class="sop-kosong">Nama tidak terbaca di salinan</span>' in rows["Disahkan oleh"]
    row = re.search(r'<tr id="langkah-2".*?</tr>', page, re.DOTALL)[0]
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.DOTALL)
    assert cells[2] == TIDAK_TERBACA  # pelaksana
    assert cells[4:8] == ["Surat", TIDAK_TERBACA, "", ""]  # kelengkapan, waktu, output, keterangan
    assert "Tidak: tujuan tidak terbaca di salinan" in cells[1]
    assert 'tidak_2(["tujuan tidak terbaca di salinan"])' in mermaid.swimlane(sop)
    exported = next(item for item in json.loads(export.sops_json(handbook)) if item["id"] == "salinan-buram")
    assert exported["tidak_terbaca"] == ["dasar_hukum", "disahkan_oleh", "nomor", "tanggal_efektif"]
    assert exported["langkah"][1]["tidak_terbaca"] == ["pelaksana", "tidak", "waktu"]


def test_what_the_copy_does_not_show_is_listed_for_reviewers(handbook):
    notes = {p.path: p.message for p in handbook.catatan_mutu if p.file == "sop_source/salinan-buram.yaml"}
    original = "; isi dari dokumen asli bila ada (lalu hapus dari tidak_terbaca), atau biarkan kosong"
    assert notes[("nomor",)] == "Nomor SOP tidak terbaca di salinan" + original
    assert notes[("dasar_hukum",)] == "Dasar Hukum sebagian tidak terbaca di salinan" + original
    assert notes[("disahkan_oleh",)] == "nama dan NIP pengesah tidak terbaca di salinan" + original
    assert notes[("langkah", 1, "tidak_terbaca")] == "waktu langkah 2 tidak terbaca di salinan" + original
    assert notes[("langkah", 1, "pelaksana")].startswith("pelaksana langkah 2 tidak terbaca di salinan")
    assert notes[("langkah", 1)].startswith("tujuan 'Tidak' keputusan langkah 2 tidak terbaca di salinan")
    assert notes[("tanggal_pembuatan",)].startswith("Tanggal Pembuatan tidak tercantum")


def test_a_field_both_written_and_unreadable_is_an_error(tmp_path):
    wrong = BLURRED.replace("tidak_terbaca: [nomor,", "nomor: 045/12/2020\ntidak_terbaca: [nomor,")
    wrong = wrong.replace("mutu_baku: {kelengkapan: Surat}", "mutu_baku: {kelengkapan: Surat, waktu: 1 jam}")
    with pytest.raises(SourceError) as info:
        _handbook(tmp_path, **{"salinan-buram": wrong})
    assert [str(p) for p in info.value.problems] == [
        "sop_source/salinan-buram.yaml:7: tidak_terbaca[0]: 'nomor' tertulis di tidak_terbaca, padahal isiannya "
        "terisi ('045/12/2020'); hapus 'nomor' dari tidak_terbaca bila terbaca, atau kosongkan isiannya bila tidak",
        "sop_source/salinan-buram.yaml:18: langkah[1].tidak_terbaca[2]: 'waktu' tertulis di tidak_terbaca, padahal "
        "isiannya terisi ('1 jam'); hapus 'waktu' dari tidak_terbaca bila terbaca, atau kosongkan isiannya bila tidak",
    ]
