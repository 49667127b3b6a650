"""Mermaid text: escaping, labels, and golden diagrams of every SOP."""

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sop_handbook import mermaid

from .conftest import FIXTURES, ROOT, check_golden, load


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ('a "b" <c> & d', "a #quot;b#quot; #lt;c#gt; #amp; d"),
        ("#35; stays literal", "#35;35; stays literal"),
        ("%%{init: {}}%%", "#37;#37;{init#58; {}}#37;#37;"),
        ("`markdown`", "#96;markdown#96;"),
        ("fa:fa-car", "fa#58;fa-car"),
        ("baris\nkedua\t\u0007 x", "baris kedua x"),
        ("kanan\u202ekiri", "kanan kiri"),
    ],
)
def test_escape(text, escaped):
    assert mermaid.escape(text) == escaped


def test_escaped_text_is_inert_in_html():
    hostile = '<script>alert(1)</script> & " ` %% end'
    assert not set(mermaid.escape(hostile)) & set('<>&"`%')


@pytest.mark.parametrize(
    ("kegiatan", "label"),
    [
        ("Menyusun SK Tim Penyusunan LKPJ", "Menyusun SK Tim Penyusunan LKPJ"),
        ("Mengoreksi Draft LKPJ kemudian meneruskan kepada Sekretaris", "Mengoreksi Draft LKPJ"),
        ("Menyiapkan Nota Dinas, lalu mengirimkannya", "Menyiapkan Nota Dinas"),
        (
            "Menandatangani LKPJ SKPD dan Surat Pengantar serta memerintahkan Sekretaris melalui Ketua Tim",
            "Menandatangani LKPJ SKPD dan Surat Pengantar serta…",
        ),
    ],
)
def test_short_label(kegiatan, label):
    assert mermaid.short_label(kegiatan) == label


def test_lanes_follow_the_forms_column_order(handbook):
    text = mermaid.swimlane(handbook.sop("penyusunan-rka-dpa"))
    lanes = [line.strip() for line in text.splitlines() if line.strip().startswith("subgraph")]
    assert lanes == [
        'subgraph lane_1["Ketua Tim Kerja"]',
        'subgraph lane_2["Anggota Tim Kerja"]',
        'subgraph lane_3["Pejabat Level II (Sekretaris)"]',
        'subgraph lane_4["Pejabat Level I (Kepala Dinas)"]',
    ]
    assert text.count("-->") == 17  # Mulai, 15 joins between 16 steps, Selesai


@pytest.mark.parametrize("sop_id", [p.stem for p in sorted((ROOT / "sop_source").glob("penyusunan-*.yaml"))])
def test_golden_diagram_of_each_real_sop(handbook, sop_id):
    check_golden(f"mermaid/{sop_id}.mmd", mermaid.swimlane(handbook.sop(sop_id)))


@pytest.mark.parametrize("sop_id", ["pemeriksaan-berkas", "teks-berbahaya"])
def test_golden_diagram_with_decision_and_hostile_text(tmp_path, sop_id):
    handbook = load(FIXTURES / "multi", tmp_path)
    check_golden(f"mermaid/{sop_id}.mmd", mermaid.swimlane(handbook.sop(sop_id)))


def test_a_role_without_steps_gets_no_lane(tmp_path):
    handbook = load(FIXTURES / "multi", tmp_path)
    sop = handbook.sop("pemeriksaan-berkas")
    assert [p.id for p in sop.unit.pelaksana] == ["staf", "kabid", "bendahara"]
    assert [p.id for p in sop.lajur] == ["staf", "kabid"]
    assert "Bendahara" not in mermaid.swimlane(sop)


@settings(max_examples=1000, deadline=None)
@given(st.text())
def test_printable_is_the_test_escape_relies_on(text):
    """escape() cleans only texts that are not printable: those with a C* or Z* character other than ' '."""
    assert text.isprintable() == all(unicodedata.category(c)[0] not in "CZ" or c == " " for c in text)


@pytest.mark.parametrize("sop_id", ["dua-lajur", "lima-lajur", "delapan-lajur"])
def test_golden_diagram_of_two_five_and_eight_lanes(tmp_path, sop_id):
    handbook = load(FIXTURES / "lajur", tmp_path)
    check_golden(f"mermaid/{sop_id}.mmd", mermaid.swimlane(handbook.sop(sop_id)))


def test_a_tidak_the_document_does_not_show_is_drawn_in_its_decisions_lane(tmp_path):
    """Outside every lane, Mermaid would give the node a lane of its own, left of the first."""
    text = mermaid.swimlane(load(FIXTURES / "lajur", tmp_path).sop("delapan-lajur"))
    lane = text.split('subgraph lane_6["Pejabat Level II (Sekretaris Dinas)"]')[1].split("  end")[0]
    assert 's10{"10. Meneliti konsep surat izin usaha"}\n    tidak_10(["tujuan tidak tercantum"])' in lane
    assert 's10 -->|"Tidak"| tidak_10(["tujuan tidak tercantum"])' in text
