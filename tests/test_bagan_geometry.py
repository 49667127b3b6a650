"""The printed flowchart's geometry (``Bagan.halaman_geometri``), checked over generated flows.

Flows of 4 to 24 steps in 2 to 8 pelaksana columns, with 1 to 3 decisions
(loops back over one or several steps, jumps ahead, Ya and Tidak to one step,
Tidak not stated), steps performed by several pelaksana, and texts long enough
to spread a flow over several printed pages. On every page: each off-page
connector's letter once, paired with its twin on the other page; no two
connectors or labels on one spot; no two arrows along one line; every arrow
ending on its target's boundary; a decision's Ya and Tidak leaving from
different points.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sop_handbook import bagan
from sop_handbook.cetak import TOTAL_WAKTU, capacity
from sop_handbook.geometri import RAPAT, Garis, Halaman, Simbol
from sop_handbook.model import Langkah, MutuBaku, Peran, Sop

from .conftest import ROOT, load
from .test_bagan import SOPS

BASE = load(ROOT / "sop_source", ROOT).sop("penyusunan-lakip")
TOLERANCE = 1e-6


@st.composite
def flows(draw: st.DrawFn) -> Sop:
    """An SOP with a generated flow."""
    lanes = draw(st.integers(2, 8))
    count = draw(st.integers(4, 24))
    roles = tuple(Peran(f"peran-{i}", f"Peran {i}") for i in range(lanes))
    decisions = draw(st.lists(st.integers(1, count - 2), min_size=1, max_size=3, unique=True))
    steps = []
    for i in range(count):
        first = draw(st.integers(0, lanes - 1))
        others = draw(st.lists(st.integers(0, lanes - 1), max_size=2, unique=True)) if draw(st.booleans()) else []
        pelaksana = tuple(roles[j] for j in dict.fromkeys([first, *others]))
        words = draw(st.integers(1, 60))
        ya = tidak = None
        if i in decisions:
            targets = [n for n in range(1, count + 1) if n != i + 1]
            back = st.sampled_from([max(1, i - k) for k in (0, 1, 3)])
            tidak = draw(st.one_of(st.sampled_from(targets), back))
            tidak = tidak if tidak != i + 1 else None
            ya = draw(st.one_of(st.none(), st.sampled_from(targets), st.just(tidak)))
        steps.append(
            Langkah(
                no=i + 1,
                kegiatan=" ".join(["Menyusun"] * words),
                label=None,
                jenis="keputusan" if i in decisions else "proses",
                pelaksana=pelaksana,
                pelaksana_direkonstruksi=False,
                mutu_baku=MutuBaku(None, None, None, None),
                ya=ya,
                tidak=tidak,
            )
        )
    unit = dataclasses.replace(BASE.unit, pelaksana=roles)
    return dataclasses.replace(BASE, id="alur", unit=unit, langkah=tuple(steps), kolom_pelaksana=())


def segments(garis: Garis) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    return list(itertools.pairwise(garis.titik))


def on_boundary(point: tuple[float, float], symbol: Simbol) -> bool:
    x, y = point
    dx, dy = abs(x - symbol.cx), abs(y - symbol.cy)
    if dy > symbol.half_h + TOLERANCE or dx > symbol.half_w + TOLERANCE:
        return False
    if symbol.jenis == "keputusan":
        return abs(dx / symbol.half_w + dy / symbol.half_h - 1) < TOLERANCE
    flat = symbol.half_w - (min(symbol.half_h, symbol.half_w) if symbol.jenis == "terminator" else 0.0)
    on_top = abs(dy - symbol.half_h) < TOLERANCE and dx <= flat + TOLERANCE
    return on_top or abs(dx - (symbol.tepi(1, dy) - symbol.cx)) < TOLERANCE


def collinear_overlap(a, b, c, d) -> bool:
    """Whether the segments run along each other, on one line or so near beside it they print as one."""
    if a[1] == b[1] and c[1] == d[1] and abs(a[1] - c[1]) < RAPAT:
        return min(max(a[0], b[0]), max(c[0], d[0])) - max(min(a[0], b[0]), min(c[0], d[0])) > TOLERANCE
    if a[0] == b[0] and c[0] == d[0] and abs(a[0] - c[0]) < RAPAT:
        return min(max(a[1], b[1]), max(c[1], d[1])) - max(min(a[1], b[1]), min(c[1], d[1])) > TOLERANCE
    return False


def check(sop: Sop, kertas: bagan.Kertas = bagan.A4) -> None:
    drawn = bagan.draw(sop, kertas)
    assert not drawn.sesak  # every connector and label in a free place
    pages = drawn.halaman_geometri()
    page_of = {index: number for number, rows in enumerate(drawn.halaman) for index in rows}
    check_connectors(drawn, pages, page_of)
    check_rows_fit(drawn)
    for page in pages:
        check_page(drawn, page, page_of)
    check_exits(sop, drawn)


def check_connectors(drawn: bagan.Bagan, pages: list[Halaman], page_of: dict[int, int]) -> None:
    for page in pages:
        letters = Counter(c.huruf for c in page.konektor)
        assert all(n == 1 for n in letters.values()), letters  # a letter once a page
        for a, b in itertools.combinations(page.konektor, 2):
            assert not a.kotak.tumpang(b.kotak), (a, b)  # each on its own spot
    everywhere = Counter(c.huruf for page in pages for c in page.konektor)
    assert all(n == 2 for n in everywhere.values()) and len(everywhere) == len(drawn.konektor)
    for letter, source, target in drawn.konektor:
        leaving = [n for n, page in enumerate(pages) for c in page.konektor if c.huruf == letter and c.keluar]
        arriving = [n for n, page in enumerate(pages) for c in page.konektor if c.huruf == letter and not c.keluar]
        assert leaving == [page_of[source]] and arriving == [page_of[target]], letter


def check_rows_fit(drawn: bagan.Bagan) -> None:
    """Each page holds its rows, grown ones too, and the last the total row: a page never splits a row."""
    room = capacity(drawn.tata)
    for number, rows in enumerate(drawn.halaman):
        total = TOTAL_WAKTU if number == len(drawn.halaman) - 1 else 0.0
        assert len(rows) == 1 or sum(drawn.tinggi[i] for i in rows) + total <= room + TOLERANCE, rows


def check_page(drawn: bagan.Bagan, page: Halaman, page_of: dict[int, int]) -> None:
    for a, b in itertools.combinations(page.label, 2):
        assert not a.kotak.tumpang(b.kotak), (a, b)
    for label in page.label:
        assert not any(label.kotak.tumpang(c.kotak) for c in page.konektor), label
    pieces = [(g.panah, s) for g in page.garis for s in segments(g)]
    for (first, (a, b)), (second, (c, d)) in itertools.combinations(pieces, 2):
        if first != second:
            assert not collinear_overlap(a, b, c, d), (first, second, (a, b), (c, d))
    for garis in page.garis:
        if not garis.kepala:
            continue
        assert garis.panah is not None
        end = garis.titik[-1]
        arrow = drawn.panah[garis.panah]
        into_connector = [c for c in page.konektor if c.panah == garis.panah and c.keluar]
        if into_connector:
            c = into_connector[0]
            half = bagan.KONEKTOR / 2
            on_side = abs(abs(end[0] - c.cx) - half) < TOLERANCE and c.top <= end[1] <= c.top + 0.6 * bagan.KONEKTOR
            on_top = abs(end[1] - c.top) < TOLERANCE and abs(end[0] - c.cx) <= half
            assert on_side or on_top, (c, end)
        else:
            targets = [s for s in page.simbol if s.langkah == arrow.ke]
            assert any(on_boundary(end, s) for s in targets), (arrow, end, targets)
        last = garis.titik[-2]
        assert abs(end[0] - last[0]) + abs(end[1] - last[1]) >= 1.0, garis  # room for the arrowhead's line


def check_exits(sop: Sop, drawn: bagan.Bagan) -> None:
    for index, step in enumerate(sop.langkah):
        if not step.keputusan:
            continue
        starts = [
            next(g.titik[0] for g in drawn.geometri[index].garis if g.panah == n)
            for n, arrow in enumerate(drawn.panah)
            if arrow.dari == index
        ]
        assert len(set(starts)) == len(starts), (step.no, starts)


@settings(max_examples=100, deadline=None)
@given(flows(), st.sampled_from([bagan.A4, bagan.F4]))
def test_generated_flows_have_clean_geometry_on_every_page(sop, kertas):
    check(sop, kertas)


@pytest.mark.parametrize("lanes", range(2, 9))
def test_ya_and_tidak_to_the_same_step_across_a_page_break(lanes):
    roles = tuple(Peran(f"peran-{i}", f"Peran {i}") for i in range(lanes))
    steps = [
        Langkah(
            i + 1,
            " ".join(["Menyusun"] * 70),
            None,
            "keputusan" if i in (3, 6) else "proses",
            (roles[i % lanes], roles[(i + 2) % lanes]) if i % 3 == 2 else (roles[i % lanes],),
            False,
            MutuBaku(None, None, None, None),
            ya=1 if i == 3 else None,
            tidak=1 if i in (3, 6) else None,
        )
        for i in range(9)
    ]
    unit = dataclasses.replace(BASE.unit, pelaksana=roles)
    sop = dataclasses.replace(BASE, unit=unit, langkah=tuple(steps), kolom_pelaksana=())
    drawn = bagan.draw(sop)
    assert len(drawn.halaman) > 1 and drawn.konektor
    check(sop)


def test_a_step_of_several_pelaksana_stands_in_each_of_their_columns_joined_at_its_middle():
    roles = tuple(Peran(f"peran-{i}", f"Peran {i}") for i in range(4))
    step = BASE.langkah[1]
    steps = list(BASE.langkah[:3])
    steps[1] = dataclasses.replace(step, pelaksana=(roles[2], roles[0], roles[3]))
    steps = [steps[0], steps[1], dataclasses.replace(steps[2], pelaksana=(roles[1],))]
    steps[0] = dataclasses.replace(steps[0], pelaksana=(roles[1],))
    unit = dataclasses.replace(BASE.unit, pelaksana=roles)
    sop = dataclasses.replace(BASE, unit=unit, langkah=tuple(steps), kolom_pelaksana=())
    drawn = bagan.draw(sop)
    row = drawn.geometri[1]
    width = drawn.lebar_lajur
    assert [int(s.cx // width) for s in row.simbol] == [0, 2, 3]  # in each of its columns, in column order
    assert [s.utama for s in row.simbol] == [True, False, False]  # the first column's is the primary
    joins = [g for g in row.garis if g.panah is None]
    middle = row.simbol[0].cy
    assert [g.titik for g in joins] == [
        ((a.cx + a.half_w, middle), (b.cx - b.half_w, middle)) for a, b in itertools.pairwise(row.simbol)
    ]
    primary = row.simbol[0]
    into = [g for g in row.garis if g.kepala]
    assert len(into) == 1 and into[0].titik[-1] == (primary.cx, primary.cy - primary.half_h)  # arrives at the primary
    out = [g for g in row.garis if g.panah is not None and not g.kepala]
    assert len(out) == 1 and out[0].titik[0] == (primary.cx, primary.cy + primary.half_h)  # and leaves it
    check(sop)


@pytest.mark.parametrize("sop", SOPS, ids=lambda sop: sop.id)
def test_the_handbook_s_flows_have_clean_geometry_and_every_connector_its_place(sop):
    check(sop)
    check(sop, bagan.F4)
