"""A step performed by several pelaksana together.

On paper its symbol stands in each of their columns, joined. Here: the source
lists them (``pelaksana: [kabid, bendahara]``); the table names each with a
link to their role page, each role page lists the step with who else does it,
the diagram draws the step in each of their lanes joined by a line, and search
names them all.
"""

from __future__ import annotations

import re

import pytest
from sop_handbook import mermaid, render_roles, render_sop, search

from .conftest import fixture_sources, load

HEADER = "# yaml-language-server: $schema=../schema/sop.schema.json\n"
SOURCE = """\
id: rapat-anggaran
instansi: dinas-a
unit: bidang-koperasi
judul: Rapat Anggaran Koperasi
nomor: 002/TEST/2024
langkah:
  - no: 1
    kegiatan: Menyiapkan bahan rapat
    pelaksana: staf
    mutu_baku: {waktu: 1 Hari}
  - no: 2
    kegiatan: Membahas anggaran bersama
    pelaksana: [kabid, bendahara]
    mutu_baku: {waktu: 2 Jam, output: Notulen}
  - no: 3
    kegiatan: Menyusun notulen
    pelaksana: staf
    mutu_baku: {waktu: 1 Jam}
"""


@pytest.fixture(scope="module")
def handbook(tmp_path_factory):
    root = tmp_path_factory.mktemp("bersama")
    source_dir = root / "sop_source"
    source_dir.mkdir()
    for path in fixture_sources("multi"):
        (source_dir / path.name).write_bytes(path.read_bytes())
    (source_dir / "rapat-anggaran.yaml").write_text(HEADER + SOURCE, encoding="utf-8")
    return load(source_dir, root)


def test_the_step_has_both_pelaksana_in_the_order_written(handbook):
    step = handbook.sop("rapat-anggaran").langkah[1]
    assert [p.id for p in step.pelaksana] == ["kabid", "bendahara"]
    assert step.oleh("kabid") and step.oleh("bendahara") and not step.oleh("staf")
    assert step.pelaksana_label == "Pejabat Level II (Kepala Bidang), Bendahara"
    assert [p.id for p in handbook.sop("rapat-anggaran").lajur] == ["staf", "kabid", "bendahara"]


def test_the_table_links_each_pelaksana(handbook):
    sop = handbook.sop("rapat-anggaran")
    page = render_sop.sop_page(sop, handbook)
    row = re.search(r'<tr id="langkah-2".*?</tr>', page, re.DOTALL)[0]
    cell = re.findall(r"<td>(.*?)</td>", row, re.DOTALL)[2]
    names = re.findall(r'<a href="([^"]+)">([^<]+)</a>', cell)
    assert [name for _, name in names] == ["Pejabat Level II (Kepala Bidang)", "Bendahara"]
    assert [href.rsplit("/", 2)[-2] for href, _ in names] == ["kabid", "bendahara"]


def test_each_role_page_lists_the_step_with_who_else_performs_it(handbook):
    instansi = next(i for i in handbook.instansi if i.id == "dinas-a")
    unit = instansi.cari_unit("bidang-koperasi")
    for role, other in (("kabid", "Bendahara"), ("bendahara", "Pejabat Level II (Kepala Bidang)")):
        peran = unit.peran(role)
        work = dict((sop.id, [s.no for s in steps]) for sop, steps in handbook.tugas(instansi, unit, peran))
        assert work["rapat-anggaran"] == [2]
        page = render_roles.peran_page(instansi, unit, peran, handbook)
        assert f'Membahas anggaran bersama<br> <small class="sop-cabang">bersama {other}</small>' in page


def test_the_diagram_draws_the_step_in_each_lane_joined_by_a_line(handbook):
    text = mermaid.swimlane(handbook.sop("rapat-anggaran"))
    lanes = re.findall(r'subgraph (lane_\d)\["([^"]+)"\]\n(.*?)\n  end', text, re.DOTALL)
    nodes = {name: re.findall(r"^\s+(s\d+(?:_\d)?)\[", body, re.M) for _, name, body in lanes}
    assert nodes["Pejabat Level II (Kepala Bidang)"] == ["s2"]
    assert nodes["Bendahara"] == ["s2_2"]
    assert "  s2 --- s2_2" in text.splitlines()
    # The arrows go to and from the step itself, once.
    assert text.count("--> s2\n") == 1 and text.count("s2 --> s3") == 1


def test_search_names_every_pelaksana_of_the_step(handbook):
    entries = [entry for page in search.step_entries(handbook).values() for entry in page]
    text = next(entry["text"] for entry in entries if "Membahas anggaran" in entry["title"])
    assert "Pejabat Level II (Kepala Bidang), Bendahara" in text
