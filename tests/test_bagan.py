"""The printed form's flowchart (bagan.py): each row's SVG checked against the source.

The rules are restated here from the regulation, not read back from the code:
the symbol of a step is in the column of its pelaksana; a decision is a
diamond, the first and the last step a terminator, any other step a process;
every arrow of the flow arrives, on its page or through a pair of off-page
connectors with the same letter; a printed page holds whole rows.
"""

from __future__ import annotations

import dataclasses
import itertools
import xml.etree.ElementTree as ET
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sop_handbook import bagan, cetak
from sop_handbook.model import Peran, Sop
from sop_handbook.resources import STYLESHEET, THEME

from .conftest import FIXTURES, ROOT, load

SYMBOLS = {("rect", "t"): "terminator", ("rect", "p"): "proses", ("polygon", "k"): "keputusan"}


def all_sops() -> list[Sop]:
    real = load(ROOT / "sop_source", ROOT)
    fixture = load(FIXTURES / "multi")
    return [*real.sops, *fixture.sops, long_sop(real.sop("penyusunan-rka-dpa"))]


def long_sop(sop: Sop) -> Sop:
    """Three times the steps of ``sop``, renumbered, with a loop from the last copy back to the first:
    an SOP of several printed pages whose arrows cross them."""
    count = len(sop.langkah)
    steps = []
    for copy in range(3):
        for step in sop.langkah:
            no = step.no + copy * count
            steps.append(dataclasses.replace(step, no=no, jenis="proses", ya=None, tidak=None))
    last = len(steps) - 2
    steps[last] = dataclasses.replace(steps[last], jenis="keputusan", ya=None, tidak=2)
    return dataclasses.replace(sop, id=sop.id + "-panjang", langkah=tuple(steps))


SOPS = all_sops()
LONG_LABEL = "Pejabat Level II (Sekretaris)"


def lanes(count: int, label: str = LONG_LABEL) -> tuple[Peran, ...]:
    return tuple(Peran(f"peran-{i}", label) for i in range(count))


def expected_shape(sop: Sop, index: int) -> str:
    if sop.langkah[index].keputusan:
        return "keputusan"
    return "terminator" if index in (0, len(sop.langkah) - 1) else "proses"


def expected_arrows(sop: Sop) -> list[tuple[int, int]]:
    """(from, to) step indices: the next step, or a decision's Ya (default: the next step) and Tidak."""
    index = {step.no: i for i, step in enumerate(sop.langkah)}
    found = []
    for i, step in enumerate(sop.langkah):
        following = i + 1 if i + 1 < len(sop.langkah) else None
        targets = [index[step.ya] if step.ya else following, index[step.tidak]] if step.keputusan else [following]
        found += [(i, target) for target in targets if target is not None]
    return found


def symbol_of(row: ET.Element) -> tuple[str, float]:
    """The one symbol of a row: its kind and the x of its centre."""
    found = [e for e in row if (e.tag, e.get("class")) in SYMBOLS]
    assert len(found) == 1, [e.tag for e in found]
    element = found[0]
    kind = SYMBOLS[(element.tag, element.get("class"))]
    if element.tag == "rect":
        return kind, float(element.get("x", "")) + float(element.get("width", "")) / 2
    xs = [float(point.split(",")[0]) for point in element.get("points", "").split()]
    return kind, (min(xs) + max(xs)) / 2


@pytest.mark.parametrize("sop", SOPS, ids=lambda sop: sop.id)
def test_each_step_s_symbol_is_its_kind_in_its_pelaksana_s_column(sop):
    drawn = bagan.draw(sop)
    # The form's columns: every column of the unit, in its order (a role without a step too).
    assert [peran.id for peran in drawn.lajur] == [p.id for p in sop.unit.pelaksana if p in drawn.lajur]
    assert set(sop.unit.pelaksana) <= set(drawn.lajur)
    assert {peran.id for peran in drawn.lajur} >= {p.id for step in sop.langkah for p in step.pelaksana}
    for index, (step, svg) in enumerate(zip(sop.langkah, drawn.baris, strict=True)):
        row = ET.fromstring(svg)
        kind, x = symbol_of(row)
        assert kind == expected_shape(sop, index), step.no
        column = int(x // drawn.lebar_lajur)
        assert drawn.lajur[column].id == step.pelaksana[0].id, step.no
        assert row.get("viewBox") == f"0 0 {bagan._n(drawn.lebar)} {bagan._n(drawn.tinggi[index])}"


@pytest.mark.parametrize("sop", SOPS, ids=lambda sop: sop.id)
def test_every_arrow_arrives_on_its_page_or_through_a_pair_of_connectors(sop):
    drawn = bagan.draw(sop)
    page = {index: number for number, rows in enumerate(drawn.halaman) for index in rows}
    rows = [ET.fromstring(svg) for svg in drawn.baris]
    heads = [sum(1 for e in row if e.tag == "path" and e.get("class") == "a") for row in rows]
    letters = [Counter(e.text for e in row if e.tag == "text" and e.get("class") == "c") for row in rows]
    expected_heads = [0] * len(rows)
    expected_letters: list[Counter[str]] = [Counter() for _ in rows]
    crossing = [(a, b) for a, b in expected_arrows(sop) if page[a] != page[b]]
    assert [(a, b) for _, a, b in drawn.konektor] == crossing
    assert len({letter for letter, _, _ in drawn.konektor}) == len(crossing)  # one letter per crossing arrow
    for letter, source, target in drawn.konektor:
        expected_letters[source][letter] += 1
        expected_letters[target][letter] += 1
        expected_heads[source] += 1  # into the connector
        expected_heads[target] += 1  # out of the connector, into the symbol
    for source, target in expected_arrows(sop):
        if page[source] == page[target]:
            expected_heads[target] += 1
    assert heads == expected_heads
    assert letters == expected_letters


def test_a_long_sop_continues_over_pages_with_lettered_connectors():
    sop = SOPS[-1]
    drawn = bagan.draw(sop)
    assert len(drawn.halaman) >= 3
    assert [letter for letter, _, _ in drawn.konektor][:2] == ["A", "B"]
    # The loop from the last copy back to step 2 crosses pages too.
    assert any(target == 1 and source == len(sop.langkah) - 2 for _, source, target in drawn.konektor)


@pytest.mark.parametrize("sop", SOPS, ids=lambda sop: sop.id)
def test_printed_pages_hold_whole_rows_in_order_within_the_page(sop):
    drawn = bagan.draw(sop)
    room = cetak.capacity(drawn.tata)
    assert room <= cetak.TINGGI_CETAK - 3 * cetak.TINGGI_BARIS_TEKS  # the header takes its lines
    assert [i for rows in drawn.halaman for i in rows] == list(range(len(sop.langkah)))
    assert all(rows for rows in drawn.halaman)
    for rows in drawn.halaman:
        assert sum(drawn.tinggi[i] for i in rows) <= room or len(rows) == 1
    last = drawn.halaman[-1]
    assert sum(drawn.tinggi[i] for i in last) + cetak.TOTAL_WAKTU <= room or len(last) == 1
    assert all(height >= cetak.TINGGI_MIN for height in drawn.tinggi)


def test_the_svg_holds_only_fixed_words_and_numbers():
    """Nothing from a source is drawn: the table's cells carry the text."""
    words = {"Ya", "Tidak", *bagan.LETTERS}
    for sop in SOPS:
        for svg in bagan.draw(sop).baris:
            row = ET.fromstring(svg)
            assert {e.text for e in row.iter("text")} <= words
            assert not any(e.tag not in {"svg", "path", "rect", "polygon", "text"} for e in row.iter())


@pytest.mark.parametrize(
    ("text", "width", "lines"),
    [
        (None, 30.0, 0),
        ("", 30.0, 0),
        ("Menyusun", 30.0, 1),
        ("i" * 26, 20.0, 1),  # 26 narrow letters: 16.6 mm in a column that leaves 17 mm
        ("M" * 10, 20.0, 2),  # a word wider than the column breaks anywhere: 7 capitals M on a line
        ("ab " + "M" * 10, 20.0, 3),  # ... on a line of its own first
        ("satu dua tiga empat lima enam", 20.0, 3),  # "satu dua tiga", "empat lima", "enam"
        ("satu\u00a0dua\u00a0tiga\u00a0empat\u00a0lima", 20.0, 2),  # no-break spaces: one word, broken anywhere
        ("日本語", 20.0, 1),  # another script: wider than an em a character
        ("日本語の文書です", 20.0, 2),
    ],
)
def test_lines_wraps_words_greedily_at_arials_widths(text, width, lines):
    assert cetak.lines(text, width) == lines


def test_text_width_is_arials_and_a_little_more():
    assert cetak.text_width("M") == pytest.approx(833 / 1000 * 8 * 25.4 / 72 * cetak.CADANGAN_LEBAR)
    assert cetak.text_width("i") < cetak.text_width("a") < cetak.text_width("W") < cetak.text_width("@")
    assert cetak.text_width("é") >= cetak.text_width("e") and cetak.text_width("Æ") > cetak.text_width("M")
    assert cetak.text_width("😀") > cetak.text_width("M")


@given(st.lists(st.text(min_size=1, max_size=30), max_size=30), st.text(min_size=1, max_size=10))
def test_more_words_never_take_fewer_lines_and_every_character_has_room(words, extra):
    text = " ".join(words)
    assert cetak.lines(text + " " + extra, 34.0) >= cetak.lines(text, 34.0)
    room = 34.0 - cetak.PADDING_SEL
    ink = sum(cetak.text_width(char) for char in text if char not in " \t\n\r\f")
    assert cetak.lines(text, 34.0) * room >= ink  # the lines counted hold all the text


def test_every_column_width_the_table_can_ask_for_has_its_print_rule():
    css = (THEME / STYLESHEET).read_text(encoding="utf-8")
    widths = {cetak.KOLOM_NO}
    for kertas, count, label in itertools.product((cetak.A4, cetak.F4), range(1, 16), ("Staf", LONG_LABEL, "M" * 40)):
        tata = cetak.tata_kolom(lanes(count, label), kertas)
        widths |= {tata.lebar_lajur, *tata.kolom_teks.values()}
    assert all(width == int(width) for width in widths)  # a class per whole millimetre
    for width in widths:
        assert f".sop-l{width:.0f} {{ width: {width:.0f}mm; }}" in css, width


def test_f4_widens_the_kegiatan_column_alone_and_never_needs_more_pages_than_a4():
    assert bagan.F4.kolom_teks == {**cetak.KOLOM_TEKS, "kegiatan": cetak.KOLOM_TEKS["kegiatan"] + 33}
    assert bagan.A4.kolom_teks == cetak.KOLOM_TEKS and bagan.A4.tinggi_cetak == cetak.TINGGI_CETAK
    for sop in SOPS:
        a4, f4 = bagan.draw(sop), bagan.draw(sop, bagan.F4)
        assert len(f4.halaman) <= len(a4.halaman)
        widths = zip(sop.langkah, [f4.tata] * len(sop.langkah), [a4.tata] * len(sop.langkah), strict=True)
        assert all(cetak.row_height(s, f) <= cetak.row_height(s, a) for s, f, a in widths)  # wider: fewer lines
