"""The flowchart of the printed SOP AP form, drawn at build time as SVG.

On paper (Permenpan RB 35/2012) the flowchart part is a table: one row per
step, one column per pelaksana. The step's symbol sits in the column of the
role that performs it, and arrows join the symbols: terminator (the first and
the last step), process, decision (with its Ya and Tidak branches), arrow and
off-page connector. Nothing else.

Each row gets its own SVG, as tall as the row and as wide as the pelaksana
columns, so the table can break between any two rows. The rows' heights and
the printed pages come from ``cetak`` (a page never splits a row): an arrow
that would cross from one printed page to another ends in an off-page
connector (a pentagon with a letter of its own in the whole document) and
starts again at the connector with the same letter on the other page.

A step performed by several pelaksana stands in each of their columns: the
primary symbol in the first, copies in the others, joined by a line at their
middle; arrows leave and reach it at the primary (a branch on one side: at the
symbol farthest to that side).

Routing, in millimetres, with the symbol of step i centred in its lane:

- to the next step: down out of the symbol's bottom; if the next step is in
  another lane, across near the bottom of the row, then down into the next
  row. Across a page break: straight down into a connector below the symbol,
  and out of its twin above the next one (``cetak.pages_bersambung`` gives
  those two rows the room);
- a decision's other branch (a jump ahead, a loop back): out of its right
  corner, or its left one when neither branch goes to the next step (Ya left,
  Tidak right: they never leave from one point), along a channel of its own in
  the gap beside the lanes (``rute.Layout.channel``: no two arrows share a line;
  shorter loops nearer the symbols), and into the target's side at a height of
  its own (``rute.Layout.entry``); the rows in between draw their piece of the
  channel. Across a page break: into a connector beside the corner, and out of
  one beside the target (or beside another of its symbols, entering above or
  below the line joining them), each at the nearest free place in its row
  (``rute._place``): level with the corner or the entry, out across the lanes
  if need be, or above or below it anywhere in the row's height, the arrow
  turning once up or down and once towards the connector; the connectors
  where branches leave a page first, then the labels, then those where
  branches come in;
- "Ya" and "Tidak" are written where they cover nothing (``rute.label``);
- a row where a connector or a label finds no free place gets room for one
  more connector below its symbols (``RUANG_SESAK``), and the flowchart is
  drawn again, its pages too, until each has its place. A row never grows
  taller than a page holds: what still has no place is drawn regardless and
  its step listed in ``Bagan.sesak``, which the source check reports (a
  safety net: generated flows never need it).

What is drawn is kept as data (``Bagan.geometri`` per row,
``Bagan.halaman_geometri`` per page: segments, labels with their boxes,
connectors with letter and place), so tests can check the geometry itself.

Everything here is numbers computed from the model and fixed words ("Ya",
"Tidak", connector letters): no text from a source goes into the SVG.
"""

from __future__ import annotations

import dataclasses
import itertools
from dataclasses import dataclass

from . import rute
from .cetak import A4 as A4
from .cetak import F4 as F4
from .cetak import KERTAS as KERTAS
from .cetak import KOLOM_NO as KOLOM_NO
from .cetak import SAMBUNG, TOTAL_WAKTU, TataKolom, capacity, pages_bersambung, row_height, tata_kolom
from .cetak import Kertas as Kertas
from .cetak import cabang_text as cabang_text
from .cetak import waktu_lines as waktu_lines
from .geometri import KONEKTOR as KONEKTOR
from .geometri import Baris, Garis, Halaman, Konektor, Simbol, moved
from .model import Peran, Sop
from .rute import Panah, arrows
from .rute import shape as shape

KELAS = {"terminator": "t", "proses": "p", "keputusan": "k"}  # short: a thousand SOPs carry them
# The arrowhead, defined once per table (the rows' arrows point to it from the CSS): 2.4 mm, its tip
# at the end of the line, turned along it.
PANAH = (
    '<svg class="sop-panah" width="0" height="0"><marker id="sop-panah" viewBox="0 0 4 4" refX="4" refY="2" '
    'markerWidth="2.4" markerHeight="2.4" markerUnits="userSpaceOnUse" orient="auto">'
    '<path d="M0 0L4 2L0 4z"/></marker></svg>'
)


@dataclass(frozen=True)
class Bagan:
    """The printed flowchart of one SOP: its lanes, rows and pages, each row's SVG and what it draws."""

    lajur: tuple[Peran, ...]
    tata: TataKolom  # the table's columns
    tinggi: tuple[float, ...]  # each step's row, mm
    halaman: tuple[tuple[int, ...], ...]  # the step indices printed on each page
    baris: tuple[str, ...]  # each row's SVG
    konektor: tuple[tuple[str, int, int], ...]  # (letter, from step index, to step index)
    panah: tuple[Panah, ...] = ()
    geometri: tuple[Baris, ...] = ()
    # The steps (indices) whose rows hold a connector or a label drawn where it is not free: none found a free
    # place even in a row grown to what a page holds. A safety net: the source check warns of it.
    sesak: tuple[int, ...] = ()

    @property
    def lebar_lajur(self) -> float:
        return self.tata.lebar_lajur

    @property
    def lebar(self) -> float:
        return self.lebar_lajur * len(self.lajur)

    def halaman_geometri(self) -> list[Halaman]:
        """Each printed page's drawing, its rows one below the other."""
        result = []
        for rows in self.halaman:
            simbol, garis, label, konektor, top = [], [], [], [], 0.0
            for index in rows:
                row = self.geometri[index]
                simbol += [moved(s, top) for s in row.simbol]
                garis += [Garis(tuple((x, y + top) for x, y in g.titik), g.panah, g.kepala) for g in row.garis]
                label += [dataclasses.replace(lb, y=lb.y + top, kotak=lb.kotak.geser(top)) for lb in row.label]
                konektor += [dataclasses.replace(c, top=c.top + top) for c in row.konektor]
                top += row.tinggi
            result.append(Halaman(tuple(simbol), tuple(garis), tuple(label), tuple(konektor)))
        return result


_ABJAD = [chr(c) for c in range(ord("A"), ord("Z") + 1)]
LETTERS = (*_ABJAD, *(a + b for a in _ABJAD for b in _ABJAD))  # the connectors' letters, in order


# What a row crowded with symbols and connectors gets more below its symbols, each time one of them finds no
# free place in it: room for one more connector.
RUANG_SESAK = KONEKTOR + 1.6


def draw(sop: Sop, kertas: Kertas = A4) -> Bagan:
    """The printed flowchart of ``sop`` on ``kertas``: rows, pages, and each row's SVG and drawing. A row
    where a connector or a label finds no free place gets ``RUANG_SESAK`` more below its symbols, and it is
    all drawn again (the pages too, the rows being taller), until each has its place; as long as the row
    still fits a page."""
    tata = tata_kolom(sop.kolom, kertas)
    base = [row_height(step, tata) for step in sop.langkah]
    extra = [0.0] * len(base)
    room = capacity(tata) - 2 * SAMBUNG - TOTAL_WAKTU  # the tallest row any page holds
    while True:
        drawn = _draw(sop, tata, base, extra)
        grown = [i for i in drawn.sesak if base[i] + extra[i] + RUANG_SESAK <= room]
        if not grown:
            return drawn
        for index in grown:
            extra[index] += RUANG_SESAK


def _crowded(row: Baris) -> bool:
    """Whether a connector or a label of the row is drawn where it is not free."""
    return any(c.sesak for c in row.konektor) or any(lb.sesak for lb in row.label)


def _draw(sop: Sop, tata: TataKolom, base: list[float], extra: list[float]) -> Bagan:
    """The flowchart with rows as tall as ``base`` (the text's) and ``extra`` more below their symbols."""
    lajur = sop.kolom
    found = arrows(sop)
    turun = {a.dari for a in found if a.keluar == "bawah" and a.ke != rute.AKHIR}
    grown = [h + e for h, e in zip(base, extra, strict=True)]
    printed, above, below = pages_bersambung(grown, capacity(tata), turun)
    heights = [a + h + b for a, h, b in zip(above, grown, below, strict=True)]
    page_of = {index: number for number, rows in enumerate(printed) for index in rows}
    at = rute.Layout(sop, lajur, tata.lebar_lajur, [a + h / 2 for a, h in zip(above, base, strict=True)])
    found = [rute.away_from_edge(at, a, found, page_of) for a in found]
    rows = [Baris(tata.lebar_lajur * len(lajur), height) for height in heights]
    for index, row in enumerate(rows):
        row.simbol += at.symbols(index)
        row.garis += [
            Garis(((a.cx + a.half_w, a.cy), (b.cx - b.half_w, b.cy)), None) for a, b in itertools.pairwise(row.simbol)
        ]
    exits = {(a.dari, 1 if a.keluar == "kanan" else -1) for a in found if a.keluar != "bawah"}
    ends = [n for n, a in enumerate(found) if a.ke == rute.AKHIR]  # drawn in the decision's row
    crossing = [n for n, a in enumerate(found) if n not in ends and page_of[a.dari] != page_of[a.ke]]
    letters = dict(zip(crossing, LETTERS, strict=False))
    for n, arrow in enumerate(found):
        if arrow.keluar == "bawah" and arrow.ke != rute.AKHIR:
            (rute.down_across if n in letters else rute.down)(rows, at, arrow, n, letters.get(n, ""))
    side = [n for n, a in enumerate(found) if n not in letters and n not in ends and a.keluar != "bawah"]
    for n in sorted(side, key=lambda n: abs(found[n].ke - found[n].dari)):  # inner loops nearer the symbols
        rute.side(rows, at, found[n], n, exits)
    crowded = [n for n in ends if not rute.end(rows[found[n].dari], at, found[n], n)]  # beside the channels
    across = [n for n in letters if found[n].keluar != "bawah"]
    for n in across:  # the connectors where a branch leaves the page first: their place is fixed
        rute.leave_page(rows[found[n].dari], at, found[n], n, letters[n])
    for n, arrow in enumerate(found):  # then the labels, beside their corners, or their branch's connector
        if arrow.label:
            rute.label(rows[arrow.dari], at, arrow, n)
    for n in across:
        rute.enter_page(rows[found[n].ke], at, found[n], n, letters[n], exits)
    return Bagan(
        lajur=lajur,
        tata=tata,
        tinggi=tuple(heights),
        halaman=tuple(tuple(p) for p in printed),
        baris=tuple(_svg(row) for row in rows),
        konektor=tuple((letters[n], found[n].dari, found[n].ke) for n in crossing),
        panah=tuple(found),
        geometri=tuple(rows),
        sesak=tuple(i for i, row in enumerate(rows) if _crowded(row) or i in {found[n].dari for n in crowded}),
    )


def _n(value: float) -> str:
    """A coordinate, short: at most one decimal, no trailing zero."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


# How far a line that meets a row's bottom is drawn on below it: the SVG overflows, the cell clips it
# (sop.css). Chromium may print a row taller than planned (the rows of a page after a page break, about
# 10 %), and the line must still reach the next row's, whose top is where its own line starts.
SAMBUNG_BAWAH = 80.0


def _path(garis: Garis, height: float) -> str:
    """A polyline of horizontal and vertical segments; with an arrowhead at its end (class "a": the page's
    CSS gives it the ``PANAH`` marker). An end on the row's bottom, reached vertically, goes on below it."""
    points = list(garis.titik)
    (px, py), (lx, ly) = points[-2], points[-1]
    if ly == height and px == lx and py < ly:
        points[-1] = (lx, ly + SAMBUNG_BAWAH)
    (fx, fy), (sx, sy) = points[0], points[1]
    if fy == height and fx == sx and sy < fy:  # a loop going up from the row's bottom
        points[0] = (fx, fy + SAMBUNG_BAWAH)
    (x, y), path = points[0], f"M{_n(points[0][0])} {_n(points[0][1])}"
    for nx, ny in points[1:]:
        path += f"H{_n(nx)}" if ny == y else f"V{_n(ny)}" if nx == x else f"L{_n(nx)} {_n(ny)}"
        x, y = nx, ny
    return f'<path class="a" d="{path}"/>' if garis.kepala else f'<path d="{path}"/>'


def _symbol_svg(symbol: Simbol) -> str:
    cx, cy, half_w, half_h = symbol.cx, symbol.cy, symbol.half_w, symbol.half_h
    if symbol.jenis == "keputusan":
        corners = ((cx, cy - half_h), (cx + half_w, cy), (cx, cy + half_h), (cx - half_w, cy))
        return f'<polygon class="k" points="{" ".join(f"{_n(x)},{_n(y)}" for x, y in corners)}"/>'
    rounded = f' rx="{_n(min(half_h, half_w))}"' if symbol.jenis == "terminator" else ""
    size = f'x="{_n(cx - half_w)}" y="{_n(cy - half_h)}" width="{_n(2 * half_w)}" height="{_n(2 * half_h)}"'
    rect = f'<rect class="{KELAS[symbol.jenis]}" {size}{rounded}/>'
    if symbol.langkah == rute.AKHIR:  # the end of a branch that ends the procedure
        return f'{rect}<text class="e" x="{_n(cx)}" y="{_n(cy + 0.9)}">Selesai</text>'
    return rect


def _connector_svg(connector: Konektor) -> str:
    """An off-page connector: a pentagon pointing down, with its letter."""
    cx, top, half, body = connector.cx, connector.top, KONEKTOR / 2, KONEKTOR * 0.6
    points = f"{_n(cx - half)},{_n(top)} {_n(cx + half)},{_n(top)} {_n(cx + half)},{_n(top + body)} "
    points += f"{_n(cx)},{_n(top + KONEKTOR)} {_n(cx - half)},{_n(top + body)}"
    text = f'<text class="c" x="{_n(cx)}" y="{_n(top + body - 0.4)}">{connector.huruf}</text>'
    return f'<polygon class="c" points="{points}"/>{text}'


def _svg(row: Baris) -> str:
    """The row's SVG. It has no size of its own: the page's CSS makes it as wide as the pelaksana columns,
    and the viewBox then makes it as tall as the row. Lines first: the symbols, white, cover their ends."""
    parts = [_path(g, row.tinggi) for g in row.garis] + [_symbol_svg(s) for s in row.simbol]
    parts += [_connector_svg(c) for c in row.konektor]
    for label in row.label:
        anchor = ' text-anchor="end"' if label.akhir else ""
        parts.append(f'<text x="{_n(label.x)}" y="{_n(label.y)}"{anchor}>{label.teks}</text>')
    return f'<svg viewBox="0 0 {_n(row.lebar)} {_n(row.tinggi)}">{"".join(parts)}</svg>'
