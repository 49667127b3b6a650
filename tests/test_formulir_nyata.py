"""Steps as real forms number and branch them.

A document may skip a step number (1, 2, 3, 4, 6): the steps keep the
numbers it prints, on the page, the diagram, the printed form and in the
decisions' targets; the gap is noted for reviewers, and a number out of
order is an error.
"""

from __future__ import annotations

import re

import pytest
from sop_handbook import bagan, mermaid, render_sop
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
    return _handbook(tmp_path_factory.mktemp("formulir-nyata"), **{"nomor-melompat": SKIPPING})


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
