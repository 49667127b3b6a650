"""The printed form's pelaksana columns (``Sop.kolom``): the unit's columns in the form's order, a role
without a step of the SOP too, unless the SOP names its own (``kolom_pelaksana:``). The web diagram keeps
one lane per acting role (``Sop.lajur``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sop_handbook import bagan, mermaid
from sop_handbook.model import TIDAK_TERCANTUM
from sop_handbook.problems import SourceError

from .conftest import fixture_sources, load

HEADER = "# yaml-language-server: $schema=../schema/sop.schema.json\n"
SOURCE = """\
id: rapat
instansi: dinas-a
unit: bidang-koperasi
judul: Rapat
nomor: 001/TEST
{kolom}langkah:
  - no: 1
    kegiatan: Menyiapkan bahan rapat
    pelaksana: {pertama}
    mutu_baku: {{waktu: 1 Hari}}
  - no: 2
    kegiatan: Menyusun notulen
    pelaksana: staf
    mutu_baku: {{waktu: 1 Jam}}
"""


def handbook_with(tmp_path: Path, kolom: str = "", pertama: str = "staf"):
    source_dir = tmp_path / "sop_source"
    source_dir.mkdir()
    for path in fixture_sources("multi"):
        (source_dir / path.name).write_bytes(path.read_bytes())
    text = HEADER + SOURCE.format(kolom=kolom, pertama=pertama)
    (source_dir / "rapat.yaml").write_text(text, encoding="utf-8")
    return load(source_dir, tmp_path)


def ids(peran) -> list[str]:
    return [p.id for p in peran]


def test_the_form_lists_every_column_of_the_unit_a_role_without_a_step_too(tmp_path):
    sop = handbook_with(tmp_path).sop("rapat")
    assert ids(sop.kolom) == ["staf", "kabid", "bendahara"]  # the unit's order; kabid and bendahara act in no step
    assert ids(sop.lajur) == ["staf"]  # the web diagram: a lane per acting role
    drawn = bagan.draw(sop)
    assert ids(drawn.lajur) == ["staf", "kabid", "bendahara"]
    assert drawn.lebar == pytest.approx(3 * drawn.lebar_lajur)
    assert "lane_2" not in mermaid.swimlane(sop)  # the web diagram has the one acting role's lane


def test_an_sop_naming_its_own_columns_prints_those_in_its_order(tmp_path):
    sop = handbook_with(tmp_path, "kolom_pelaksana: [bendahara, staf]\n", "bendahara").sop("rapat")
    assert ids(sop.kolom) == ["bendahara", "staf"]
    assert ids(bagan.draw(sop).lajur) == ["bendahara", "staf"]
    assert ids(sop.lajur) == ["staf", "bendahara"]  # the diagram keeps the unit's order of acting roles


def test_a_step_without_pelaksana_adds_its_column_after_the_named_ones(tmp_path):
    sop = handbook_with(tmp_path, "kolom_pelaksana: [staf]\n", "null").sop("rapat")
    assert sop.kolom[0].id == "staf" and sop.kolom[-1] is TIDAK_TERCANTUM and len(sop.kolom) == 2


def errors_of(tmp_path: Path, kolom: str, pertama: str = "staf") -> list[str]:
    with pytest.raises(SourceError) as raised:
        handbook_with(tmp_path, kolom, pertama)
    return [str(problem) for problem in raised.value.problems]


def test_a_column_the_unit_does_not_have_is_an_error_at_its_line_with_a_did_you_mean(tmp_path):
    errors = errors_of(tmp_path, "kolom_pelaksana: [staf, bendahra]\n")
    assert errors == [
        "sop_source/rapat.yaml:7: kolom_pelaksana[1]: pelaksana 'bendahra' tidak ada di unit bidang-koperasi "
        "(organisasi.yaml); maksud Anda 'bendahara'?"
    ]


def test_an_acting_role_missing_from_the_columns_is_an_error_naming_its_steps_and_the_fix(tmp_path):
    errors = errors_of(tmp_path, "kolom_pelaksana: [kabid]\n")
    assert errors == [
        "sop_source/rapat.yaml:7: kolom_pelaksana: pelaksana 'staf' (langkah 1, 2) tidak ada di kolom_pelaksana; "
        "tambahkan 'staf' ke daftar ini, atau hapus kunci kolom_pelaksana agar formulir memuat semua kolom unit"
    ]


def test_a_column_named_twice_is_an_error(tmp_path):
    errors = errors_of(tmp_path, "kolom_pelaksana: [staf, staf]\n")
    assert errors == [
        "sop_source/rapat.yaml:7: kolom_pelaksana[1]: kolom 'staf' sudah disebut; tulis setiap kolom sekali"
    ]
