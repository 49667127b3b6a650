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
  the gap beside the lanes (``_Layout.channel``: no two arrows share a line;
  shorter loops nearer the symbols), and into the target's side at a height of
  its own (``_Layout.entry``); the rows in between draw their piece of the
  channel. Across a page break: into a connector beside the corner, and out of
  one beside the target, each at the nearest free place (``_place``);
- "Ya" and "Tidak" are written where they cover nothing (``_label``).

What is drawn is kept as data (``Bagan.geometri`` per row,
``Bagan.halaman_geometri`` per page: segments, labels with their boxes,
connectors with letter and place), so tests can check the geometry itself.

Everything here is numbers computed from the model and fixed words ("Ya",
"Tidak", connector letters): no text from a source goes into the SVG.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
from dataclasses import dataclass, field

from .cetak import A4 as A4
from .cetak import F4 as F4
from .cetak import KERTAS as KERTAS
from .cetak import KOLOM_NO as KOLOM_NO
from .cetak import Kertas as Kertas
from .cetak import TataKolom, capacity, pages_bersambung, row_height, tata_kolom
from .cetak import cabang_text as cabang_text
from .cetak import waktu_lines as waktu_lines
from .model import Peran, Sop

SIMBOL_TINGGI = {"terminator": 8.0, "proses": 9.0, "keputusan": 11.0}
KELAS = {"terminator": "t", "proses": "p", "keputusan": "k"}  # short: a thousand SOPs carry them
RUANG_LABEL = 6.0  # a diamond leaves this much more on each side, for "Tidak" beside it
KONEKTOR = 5.0  # width and height of an off-page connector
JARAK_KONEKTOR = 2.8  # from a symbol to its connector: room for the arrowhead
JARAK_SALURAN = 0.8  # between two channels beside each other
BEBAS = 1.2  # what a channel keeps from a symbol's side
HURUF_LABEL = 2.6  # "Ya", "Tidak" and the connectors' letters, mm (sop.css)
# The arrowhead, defined once per table (the rows' arrows point to it from the CSS): 2.4 mm, its tip
# at the end of the line, turned along it.
PANAH = (
    '<svg class="sop-panah" width="0" height="0"><marker id="sop-panah" viewBox="0 0 4 4" refX="4" refY="2" '
    'markerWidth="2.4" markerHeight="2.4" markerUnits="userSpaceOnUse" orient="auto">'
    '<path d="M0 0L4 2L0 4z"/></marker></svg>'
)
Titik = tuple[float, float]


@dataclass(frozen=True)
class Panah:
    """An arrow of the flowchart, between two steps (their indices in ``sop.langkah``): out of the symbol's
    bottom ("bawah": to the next step), or its right or left corner ("kanan", "kiri": a jump or a loop)."""

    dari: int
    ke: int
    label: str | None  # "Ya" / "Tidak" on a decision's branches
    keluar: str = "bawah"


@dataclass(frozen=True)
class Kotak:
    """A rectangle, mm: left, top, right, bottom."""

    x0: float
    y0: float
    x1: float
    y1: float

    def geser(self, dy: float) -> Kotak:
        return Kotak(self.x0, self.y0 + dy, self.x1, self.y1 + dy)

    def tumpang(self, other: Kotak) -> bool:
        """Whether the two overlap (more than touch)."""
        return self.x0 < other.x1 and other.x0 < self.x1 and self.y0 < other.y1 and other.y0 < self.y1

    def dilewati(self, a: Titik, b: Titik) -> bool:
        """Whether the horizontal or vertical segment a–b passes through the inside of the box."""
        (x0, x1), (y0, y1) = sorted((a[0], b[0])), sorted((a[1], b[1]))
        return x0 < self.x1 and self.x0 < x1 and y0 < self.y1 and self.y0 < y1


@dataclass(frozen=True)
class Simbol:
    """A step's symbol in one of its pelaksana's columns (``utama``: the primary, in the first)."""

    langkah: int
    jenis: str
    cx: float
    cy: float
    half_w: float
    half_h: float
    utama: bool

    @property
    def kotak(self) -> Kotak:
        return Kotak(self.cx - self.half_w, self.cy - self.half_h, self.cx + self.half_w, self.cy + self.half_h)

    def tepi(self, sisi: int, dy: float) -> float:
        """The x of the boundary on side ``sisi`` (+1 right, -1 left) at ``dy`` from the middle."""
        if self.jenis == "keputusan":
            return self.cx + sisi * self.half_w * (1 - abs(dy) / self.half_h)
        if self.jenis == "terminator":
            r = min(self.half_h, self.half_w)
            return self.cx + sisi * (self.half_w - r + math.sqrt(max(r * r - dy * dy, 0.0)))
        return self.cx + sisi * self.half_w


@dataclass(frozen=True)
class Garis:
    """A piece of an arrow (``panah``: its index in ``Bagan.panah``) or of a joining line (None) in a row."""

    titik: tuple[Titik, ...]
    panah: int | None
    kepala: bool = False  # ends in an arrowhead


@dataclass(frozen=True)
class Label:
    """ "Ya" or "Tidak" beside a decision's branch: where it is written and the box it takes."""

    teks: str
    x: float
    y: float
    akhir: bool  # the text ends at x
    kotak: Kotak
    panah: int
    sesak: bool = False  # drawn over a connector or another label: no free place was found


@dataclass(frozen=True)
class Konektor:
    """An off-page connector: its letter, centre x, top, and whether the flow leaves the page there."""

    huruf: str
    cx: float
    top: float
    keluar: bool
    panah: int
    sesak: bool = False  # drawn where it is not free: no free place was found

    @property
    def kotak(self) -> Kotak:
        half = KONEKTOR / 2
        return Kotak(self.cx - half, self.top, self.cx + half, self.top + KONEKTOR)


@dataclass
class Baris:
    """What one row draws, in its own coordinates (mm from its top left)."""

    lebar: float
    tinggi: float
    simbol: list[Simbol] = field(default_factory=list)
    garis: list[Garis] = field(default_factory=list)
    label: list[Label] = field(default_factory=list)
    konektor: list[Konektor] = field(default_factory=list)

    def terisi(self) -> list[Kotak]:
        """The boxes a new label or connector must keep off."""
        return [s.kotak for s in self.simbol] + [c.kotak for c in self.konektor] + [lb.kotak for lb in self.label]

    def bebas(self, box: Kotak, *lines: tuple[Titik, Titik]) -> bool:
        """Whether ``box`` is inside the row and off everything drawn, and ``lines`` cross nothing drawn."""
        if box.x0 < 0 or box.y0 < 0 or box.x1 > self.lebar or box.y1 > self.tinggi:
            return False
        if any(box.tumpang(other) for other in self.terisi()):
            return False
        drawn = [(a, b) for g in self.garis for a, b in itertools.pairwise(g.titik)]
        if any(box.dilewati(a, b) for a, b in drawn):
            return False
        blocking = [c.kotak for c in self.konektor] + [lb.kotak for lb in self.label]
        return not any(
            other.dilewati(a, b) or _collinear(a, b, c, d) for a, b in lines for other in blocking for c, d in drawn
        )


@dataclass(frozen=True)
class Halaman:
    """What one printed page draws, in its coordinates (mm from the top left of its first row)."""

    simbol: tuple[Simbol, ...]
    garis: tuple[Garis, ...]
    label: tuple[Label, ...]
    konektor: tuple[Konektor, ...]


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
    # What found no free place (a row crowded with symbols and connectors) and was drawn at the nearest place
    # regardless: connectors by letter, labels as "Tidak 4" (the label and its decision's number).
    sesak: tuple[str, ...] = ()

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
                simbol += [_moved(s, top) for s in row.simbol]
                garis += [Garis(tuple((x, y + top) for x, y in g.titik), g.panah, g.kepala) for g in row.garis]
                label += [dataclasses.replace(lb, y=lb.y + top, kotak=lb.kotak.geser(top)) for lb in row.label]
                konektor += [dataclasses.replace(c, top=c.top + top) for c in row.konektor]
                top += row.tinggi
            result.append(Halaman(tuple(simbol), tuple(garis), tuple(label), tuple(konektor)))
        return result


def _moved(simbol: Simbol, dy: float) -> Simbol:
    return Simbol(simbol.langkah, simbol.jenis, simbol.cx, simbol.cy + dy, simbol.half_w, simbol.half_h, simbol.utama)


def _collinear(a: Titik, b: Titik, c: Titik, d: Titik) -> bool:
    """Whether segments a–b and c–d lie on one line and share more than a point."""
    if a[1] == b[1] == c[1] == d[1]:
        return min(max(a[0], b[0]), max(c[0], d[0])) > max(min(a[0], b[0]), min(c[0], d[0]))
    if a[0] == b[0] == c[0] == d[0]:
        return min(max(a[1], b[1]), max(c[1], d[1])) > max(min(a[1], b[1]), min(c[1], d[1]))
    return False


def arrows(sop: Sop) -> list[Panah]:
    """The arrows between the steps: to the next step, or a decision's Ya and Tidak branches. The branch to
    the next step leaves the bottom (Ya if both do); the other one the right corner; when neither goes to the
    next step, Ya leaves the left corner and Tidak the right: Ya and Tidak never leave from one point."""
    index = {step.no: i for i, step in enumerate(sop.langkah)}
    found = []
    for i, step in enumerate(sop.langkah):
        following = i + 1 if i + 1 < len(sop.langkah) else None
        if not step.keputusan:
            if following is not None:
                found.append(Panah(i, following, None))
            continue
        ya = index[step.ya] if step.ya else following
        tidak = index[step.tidak] if step.tidak is not None else None
        if ya is not None and ya == following:
            found.append(Panah(i, ya, "Ya"))
            found += [Panah(i, tidak, "Tidak", "kanan")] if tidak is not None else []
        elif tidak is not None and tidak == following and ya is not None:
            found += [Panah(i, ya, "Ya", "kanan"), Panah(i, tidak, "Tidak")]
        else:
            found += [Panah(i, ya, "Ya", "kiri")] if ya is not None else []
            found += [Panah(i, tidak, "Tidak", "kanan")] if tidak is not None else []
    return found


def shape(sop: Sop, index: int) -> str:
    """The symbol of a step: a decision is a diamond; the first and the last a terminator; else a process."""
    if sop.langkah[index].keputusan:
        return "keputusan"
    return "terminator" if index in (0, len(sop.langkah) - 1) else "proses"


_ABJAD = [chr(c) for c in range(ord("A"), ord("Z") + 1)]
LETTERS = (*_ABJAD, *(a + b for a in _ABJAD for b in _ABJAD))  # the connectors' letters, in order


def celah(width: float) -> float:
    """What a symbol leaves on each side of its lane: room for the channels of the arrows beside it."""
    return min(4.5, max(3.0, width / 4))


class _Layout:
    """Where each step's symbols are, in its row, and the channels and entries taken so far."""

    def __init__(self, sop: Sop, lajur: tuple[Peran, ...], width: float, middles: list[float]) -> None:
        self.sop, self.width, self.middles, self.count = sop, width, middles, len(lajur)
        self.column = {peran.id: i for i, peran in enumerate(lajur)}
        self.celah = celah(width)
        self.symbol_width = width - 2 * self.celah
        self.channels: dict[float, list[tuple[int, int]]] = {}  # x -> row spans taken
        self.entries: dict[tuple[int, int], int] = {}  # (row, side) -> entries taken

    def lanes(self, index: int) -> list[int]:
        """The columns of a step's symbols, the primary's first."""
        return sorted({self.column[peran.id] for peran in self.sop.langkah[index].pelaksana})

    def symbols(self, index: int) -> list[Simbol]:
        kind = shape(self.sop, index)
        half_w = self.symbol_width / 2
        if kind == "keputusan":  # narrower, to leave room for its side branch's label
            half_w = min(half_w, max(4.0, half_w - RUANG_LABEL))
        cy, half_h = self.middles[index], SIMBOL_TINGGI[kind] / 2
        return [
            Simbol(index, kind, (lane + 0.5) * self.width, cy, half_w, half_h, n == 0)
            for n, lane in enumerate(self.lanes(index))
        ]

    def outer(self, index: int, side: int) -> Simbol:
        """The symbol of a step farthest to ``side``: where a branch on that side leaves or arrives."""
        found = self.symbols(index)
        return found[-1] if side > 0 else found[0]

    def entry(self, index: int, side: int, exits: set[tuple[int, int]]) -> float:
        """The next free height (from the middle) where an arrow enters a step's symbol on ``side``."""
        symbol = self.outer(index, side)
        offsets = [0.0, 2.6, -3.6, 4.2, -4.4] if symbol.jenis == "keputusan" else [0.0, -2.5, 2.5, -3.6, 3.6]
        if (index, side) in exits:  # the corner is the exit's, its label above it
            offsets = [o for o in offsets if o > 0 or o < -3.2]
        taken = self.entries.get((index, side), 0)
        self.entries[(index, side)] = taken + 1
        return offsets[min(taken, len(offsets) - 1)]

    def channel(self, boundary: int, side: int, span: tuple[int, int]) -> float:
        """A free channel beside lane boundary ``boundary`` for rows ``span``, on the side of the symbols
        it serves (``side``: +1 the channel is right of its symbols); the nearest beyond the arrowhead's room."""
        reach = self.celah - BEBAS
        steps = int(reach // JARAK_SALURAN)
        offsets = [k * JARAK_SALURAN for k in range(-steps, steps + 1)]
        if boundary == self.count:
            offsets = [o - 0.4 for o in offsets if o - 0.4 < 0]
        if boundary == 0:
            offsets = [o + 0.4 for o in offsets if o + 0.4 > 0]
        best = side * (2.6 - self.celah)  # where the arrowhead just fits into the symbol beside
        offsets.sort(key=lambda o: (side * (o - best) < 0, abs(o - best)))
        for offset in offsets:
            x = boundary * self.width + offset
            if all(span[1] < a or b < span[0] for a, b in self.channels.get(x, [])):
                self.channels.setdefault(x, []).append(span)
                return x
        return -1.0


def draw(sop: Sop, kertas: Kertas = A4) -> Bagan:
    """The printed flowchart of ``sop`` on ``kertas``: rows, pages, and each row's SVG and drawing."""
    lajur = sop.kolom
    tata = tata_kolom(lajur, kertas)
    found = arrows(sop)
    turun = {a.dari for a in found if a.keluar == "bawah"}
    base = [row_height(step, tata) for step in sop.langkah]
    printed, above, below = pages_bersambung(base, capacity(tata), turun)
    heights = [a + h + b for a, h, b in zip(above, base, below, strict=True)]
    page_of = {index: number for number, rows in enumerate(printed) for index in rows}
    at = _Layout(sop, lajur, tata.lebar_lajur, [a + h / 2 for a, h in zip(above, base, strict=True)])
    found = [_away_from_edge(at, a, found, page_of) for a in found]
    rows = [Baris(tata.lebar_lajur * len(lajur), height) for height in heights]
    for index, row in enumerate(rows):
        row.simbol += at.symbols(index)
        row.garis += [
            Garis(((a.cx + a.half_w, a.cy), (b.cx - b.half_w, b.cy)), None) for a, b in itertools.pairwise(row.simbol)
        ]
    exits = {(a.dari, 1 if a.keluar == "kanan" else -1) for a in found if a.keluar != "bawah"}
    crossing = [n for n, a in enumerate(found) if page_of[a.dari] != page_of[a.ke]]
    letters = dict(zip(crossing, LETTERS, strict=False))
    for n, arrow in enumerate(found):
        if arrow.keluar == "bawah":
            (_down_across if n in letters else _down)(rows, at, arrow, n, letters.get(n, ""))
    side = [n for n, a in enumerate(found) if n not in letters and a.keluar != "bawah"]
    for n in sorted(side, key=lambda n: abs(found[n].ke - found[n].dari)):  # inner loops nearer the symbols
        _side(rows, at, found[n], n, exits)
    across = [n for n in letters if found[n].keluar != "bawah"]
    for n in across:  # the connectors where a branch leaves the page first: their place is fixed
        _leave_page(rows[found[n].dari], at, found[n], n, letters[n])
    for n in across:
        _enter_page(rows[found[n].ke], at, found[n], n, letters[n], exits)
    for n, arrow in enumerate(found):
        if arrow.label:
            _label(rows[arrow.dari], at, arrow, n)
    return Bagan(
        lajur=lajur,
        tata=tata,
        tinggi=tuple(heights),
        halaman=tuple(tuple(p) for p in printed),
        baris=tuple(_svg(row) for row in rows),
        konektor=tuple((letters[n], found[n].dari, found[n].ke) for n in crossing),
        panah=tuple(found),
        geometri=tuple(rows),
        sesak=tuple(dict.fromkeys(c.huruf for row in rows for c in row.konektor if c.sesak))
        + tuple(f"{lb.teks} {sop.langkah[found[lb.panah].dari].no}" for row in rows for lb in row.label if lb.sesak),
    )


def _away_from_edge(at: _Layout, arrow: Panah, found: list[Panah], page_of: dict[int, int]) -> Panah:
    """A branch to another page leaves from the corner away from the table's edge when that corner is free:
    its connector needs room beside the diamond."""
    if arrow.keluar == "bawah" or page_of[arrow.dari] == page_of[arrow.ke]:
        return arrow
    lanes = at.lanes(arrow.dari)
    at_edge = lanes[-1] == at.count - 1 if arrow.keluar == "kanan" else lanes[0] == 0
    other = "kiri" if arrow.keluar == "kanan" else "kanan"
    if at_edge and at.count > 1 and not any(a.dari == arrow.dari and a.keluar == other for a in found):
        return dataclasses.replace(arrow, keluar=other)
    return arrow


def _down(rows: list[Baris], at: _Layout, arrow: Panah, n: int, _letter: str = "") -> None:
    """Next step, same page: down, across near the bottom of the row if the lane changes, down again."""
    source, target = at.symbols(arrow.dari)[0], at.symbols(arrow.ke)[0]
    bottom, below = source.cy + source.half_h, rows[arrow.dari].tinggi
    if source.cx == target.cx:
        points: tuple[Titik, ...] = ((source.cx, bottom), (source.cx, below))
    else:
        turn = below - 1.5
        points = ((source.cx, bottom), (source.cx, turn), (target.cx, turn), (target.cx, below))
    rows[arrow.dari].garis.append(Garis(points, n))
    top = target.cy - target.half_h
    rows[arrow.ke].garis.append(Garis(((target.cx, 0.0), (target.cx, top)), n, True))


def _side(rows: list[Baris], at: _Layout, arrow: Panah, n: int, exits: set[tuple[int, int]]) -> None:
    """A jump or a loop: out of a corner, along a channel of its own beside the lanes, into the target's side."""
    side = 1 if arrow.keluar == "kanan" else -1
    source, target = at.outer(arrow.dari, side), at.outer(arrow.ke, side)
    lanes = [*at.lanes(arrow.dari), *at.lanes(arrow.ke)]
    boundary = max(lanes) + 1 if side > 0 else min(lanes)
    span = (min(arrow.dari, arrow.ke), max(arrow.dari, arrow.ke))
    x = at.channel(boundary, side, span)
    while x < 0 and 0 < boundary < at.count:  # no room there: the next gap outwards
        boundary += side
        x = at.channel(boundary, side, span)
    if x < 0:
        x = boundary * at.width - side * 0.4
    dy = at.entry(arrow.ke, side, exits)
    upward = arrow.ke < arrow.dari
    edge_out = 0.0 if upward else rows[arrow.dari].tinggi
    edge_in = rows[arrow.ke].tinggi if upward else 0.0
    out = (source.cx + side * source.half_w, source.cy)
    rows[arrow.dari].garis.append(Garis((out, (x, source.cy), (x, edge_out)), n))
    for between in range(span[0] + 1, span[1]):
        rows[between].garis.append(Garis(((x, 0.0), (x, rows[between].tinggi)), n))
    y = target.cy + dy
    rows[arrow.ke].garis.append(Garis(((x, edge_in), (x, y), (target.tepi(side, dy), y)), n, True))


def _down_across(rows: list[Baris], at: _Layout, arrow: Panah, n: int, letter: str) -> None:
    """Next step, on the next page: down into a connector below the symbol, out of its twin above the next
    step's symbol (the rows have room for them: ``cetak.pages_bersambung``)."""
    source, target = at.symbols(arrow.dari)[0], at.symbols(arrow.ke)[0]
    bottom = source.cy + source.half_h
    top = rows[arrow.dari].tinggi - KONEKTOR - 0.4
    rows[arrow.dari].konektor.append(Konektor(letter, source.cx, top, True, n))
    rows[arrow.dari].garis.append(Garis(((source.cx, bottom), (source.cx, top)), n, True))
    rows[arrow.ke].konektor.append(Konektor(letter, target.cx, 0.4, False, n))
    tip = (target.cx, 0.4 + KONEKTOR)
    rows[arrow.ke].garis.append(Garis((tip, (target.cx, target.cy - target.half_h)), n, True))


def _leave_page(row: Baris, at: _Layout, arrow: Panah, n: int, letter: str) -> None:
    """A branch to another printed page: out of its corner into a connector beside it."""
    side = 1 if arrow.keluar == "kanan" else -1
    symbol = at.outer(arrow.dari, side)
    if not _place(row, symbol, side, 0.0, letter, n, True):
        _place(row, symbol, side, 0.0, letter, n, True, force=True)


def _enter_page(row: Baris, at: _Layout, arrow: Panah, n: int, letter: str, exits: set[tuple[int, int]]) -> None:
    """A branch from another printed page: out of a connector beside its target, into the target's side."""
    preferred = 1 if arrow.keluar == "kanan" else -1
    members = at.symbols(arrow.ke)
    for side in (preferred, -preferred):  # beside the outer symbol, else beside another facing a free lane
        for symbol in sorted(members, key=lambda m: -side * m.cx):
            entries = dict(at.entries)
            dy = at.entry(arrow.ke, side, exits) if symbol == at.outer(arrow.ke, side) else 0.0
            if _place(row, symbol, side, dy, letter, n, False):
                return
            at.entries = entries
    dy = at.entry(arrow.ke, preferred, exits)
    _place(row, at.outer(arrow.ke, preferred), preferred, dy, letter, n, False, force=True)


def _place(
    row: Baris, symbol: Simbol, side: int, dy: float, letter: str, n: int, outgoing: bool, force: bool = False
) -> bool:
    """A connector on ``side`` of ``symbol``, its arrow meeting the symbol at ``dy`` from its middle: level
    with it where that is free, else above or below with a turn; as near as it is free. False when no place
    is free (unless ``force``: then the nearest)."""
    edge, y = symbol.tepi(side, dy), symbol.cy + dy
    shifts = [0.0, *(s * k * (KONEKTOR + 0.8) for k in (1, 2) for s in (-1, 1))]
    candidates = [(shift, step) for shift in shifts for step in range(10)]
    for shift, step in candidates if not force else candidates[:1]:
        turn = edge + side * JARAK_KONEKTOR
        cx = edge + side * (JARAK_KONEKTOR + KONEKTOR / 2 + step) + (side * 2.6 if shift else 0.0)
        level = y + shift
        connector = Konektor(letter, cx, level - KONEKTOR / 2, outgoing, n, force)
        near = (cx - side * KONEKTOR / 2, level)
        bend: tuple[Titik, ...] = ((turn, y), (turn, level)) if shift else ()
        points = ((edge, y), *bend, near) if outgoing else (near, *reversed(bend), (edge, y))
        lines = list(itertools.pairwise(points))
        if force or (row.bebas(connector.kotak, *lines) and not _crosses(row, connector.kotak, lines, symbol)):
            row.konektor.append(connector)
            row.garis.append(Garis(points, n, True))
            return True
    return False


def _crosses(row: Baris, box: Kotak, lines: list[tuple[Titik, Titik]], own: Simbol) -> bool:
    """Whether an arrow's ``lines`` pass through a symbol other than its own, or run along another line."""
    drawn = [(a, b) for g in row.garis for a, b in itertools.pairwise(g.titik)]
    others = [s.kotak for s in row.simbol if s != own]
    return any(k.dilewati(a, b) for a, b in lines for k in others) or any(
        _collinear(a, b, c, d) for a, b in lines for c, d in drawn
    )


def _label_box(text: str, x: float, y: float, end: bool) -> Kotak:
    width = sum(_EM_LABEL.get(char, 600) for char in text) / 1000 * HURUF_LABEL * 1.08
    left = x - width if end else x
    return Kotak(left, y - 0.75 * HURUF_LABEL, left + width, y + 0.25 * HURUF_LABEL)


_EM_LABEL = {"Y": 667, "a": 556, "T": 611, "i": 222, "d": 556, "k": 500}


def _label(row: Baris, at: _Layout, arrow: Panah, n: int) -> None:
    """ "Ya" or "Tidak" beside where the branch leaves the diamond, where it covers nothing."""
    assert arrow.label
    symbol = at.symbols(arrow.dari)[0]
    if arrow.keluar == "bawah":
        bottom = symbol.cy + symbol.half_h
        target = at.symbols(arrow.ke)[0]
        away = -1 if target.cx > symbol.cx else 1
        candidates = [
            (symbol.cx + s * d, bottom + 2.4, s < 0) for d in (0.8, KONEKTOR / 2 + 0.5) for s in (away, -away)
        ]
    else:
        side = 1 if arrow.keluar == "kanan" else -1
        symbol = at.outer(arrow.dari, side)
        corner = symbol.cx + side * symbol.half_w
        candidates = [(corner + side * 0.6, symbol.cy + dy, side < 0) for dy in (-0.8, 2.6, -3.2, 4.6)]
        # No room beside the corner (the lane at the table's edge): over or under the diamond, on its side.
        candidates += [(symbol.cx + side * 0.8, symbol.cy + dy, side < 0) for dy in (-symbol.half_h - 0.5, 7.6)]
        for c in (c for c in row.konektor if c.panah == n):  # over or under the branch's own connector
            edge = c.cx - side * KONEKTOR / 2
            candidates += [(edge, c.top - 0.5, side < 0), (edge, c.top + KONEKTOR + 2.2, side < 0)]
    boxes = [(_label_box(arrow.label, x, y, end), x, y, end) for x, y, end in candidates]
    free = [c for c in boxes if row.bebas(c[0])]
    inside = [c for c in boxes if c[0].x0 >= 0 and c[0].x1 <= row.lebar and c[0].y0 >= 0 and c[0].y1 <= row.tinggi]
    others = [other.kotak for other in row.label] + [c.kotak for c in row.konektor]
    apart = [c for c in inside or boxes if not any(c[0].tumpang(other) for other in others)]
    box, x, y, end = (free or apart or boxes)[0]
    row.label.append(Label(arrow.label, x, y, end, box, n, not apart))


def _n(value: float) -> str:
    """A coordinate, short: at most one decimal, no trailing zero."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


SAMBUNG_BAWAH = 3.0  # how far a line leaving a row's bottom is drawn on below it (the SVG overflows)


def _path(garis: Garis, height: float) -> str:
    """A polyline of horizontal and vertical segments; with an arrowhead at its end (class "a": the page's
    CSS gives it the ``PANAH`` marker). A line leaving the row's bottom goes on a little below it: Chromium
    prints the rows of a table's last page a little taller than planned, and the next row's line must meet."""
    points = list(garis.titik)
    (px, py), (lx, ly) = points[-2], points[-1]
    if ly == height and px == lx and py < ly:
        points[-1] = (lx, ly + SAMBUNG_BAWAH)
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
    return f'<rect class="{KELAS[symbol.jenis]}" {size}{rounded}/>'


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
