"""Where the printed flowchart's symbols stand and how its arrows run between them, in mm.

The arrows between the steps (``arrows``), the lanes' symbols and channels
(``Layout``), and one routing function per kind of arrow; ``bagan`` calls
them in order and writes the SVG. See ``bagan`` for the rules.
"""

from __future__ import annotations

import dataclasses
import heapq
import itertools
import math
from collections.abc import Iterator
from dataclasses import dataclass

from .geometri import KONEKTOR, Baris, Garis, Konektor, Kotak, Label, Simbol, Titik, rapat
from .model import SELESAI, Peran, Sop, Tujuan

SIMBOL_TINGGI = {"terminator": 8.0, "proses": 9.0, "keputusan": 11.0}
RUANG_LABEL = 6.0  # a diamond leaves this much more on each side, for "Tidak" beside it
JARAK_KONEKTOR = 2.8  # from a symbol to its connector: room for the arrowhead
JARAK_SALURAN = 0.8  # between two channels beside each other
BEBAS = 1.2  # what a channel keeps from a symbol's side
DEKAT = 16.0  # a connector's spot this near its symbol (the arrow's length, mm) is sought on every side first
JANGKAU_BELOKAN = 12.0  # how far from a symbol an arrow to or from a connector may turn
HURUF_LABEL = 2.6  # "Ya", "Tidak" and the connectors' letters, mm (sop.css)


AKHIR = -1  # where a branch that ends the procedure leads (``Panah.ke``): a terminator of its own
AKHIR_W, AKHIR_H = 5.5, 2.5  # that terminator's half width and half height: "Selesai" fits in it
Spot = tuple[float, float, float, float]  # a connector's place: cost, its x, its middle's y, where its arrow turns


@dataclass(frozen=True)
class Panah:
    """An arrow of the flowchart, between two steps (their indices in ``sop.langkah``): out of the symbol's
    bottom ("bawah": to the next step), or its right or left corner ("kanan", "kiri": a jump or a loop, or a
    branch that ends the procedure: ``ke`` is ``AKHIR``)."""

    dari: int
    ke: int
    label: str | None  # "Ya" / "Tidak" on a decision's branches
    keluar: str = "bawah"


def arrows(sop: Sop) -> list[Panah]:
    """The arrows between the steps: to the next step, or a decision's Ya and Tidak branches. The branch to
    the next step leaves the bottom (Ya if both do); the other one the right corner; when neither goes to the
    next step, the one that ends the procedure leaves the bottom, or else Ya leaves the left corner and Tidak
    the right: Ya and Tidak never leave from one point."""
    index: dict[Tujuan, int] = {step.no: i for i, step in enumerate(sop.langkah)}
    index[SELESAI] = AKHIR
    found = []
    for i, step in enumerate(sop.langkah):
        following = i + 1 if i + 1 < len(sop.langkah) else None
        if not step.keputusan:
            if following is not None:
                found.append(Panah(i, following, None))
            continue
        ya = following if step.ya is None else index[step.ya]
        tidak = None if step.tidak is None else index[step.tidak]
        if ya is not None and ya == following:
            found.append(Panah(i, ya, "Ya"))
            found += [Panah(i, tidak, "Tidak", "kanan")] if tidak is not None else []
        elif tidak is not None and tidak == following and ya is not None:
            found += [Panah(i, ya, "Ya", "kanan"), Panah(i, tidak, "Tidak")]
        elif AKHIR in (ya, tidak):  # neither to the next step: the branch that ends leaves the bottom
            ends, other = ("Ya", "Tidak") if ya == AKHIR else ("Tidak", "Ya")
            goes = tidak if ya == AKHIR else ya
            found.append(Panah(i, AKHIR, ends))
            found += [Panah(i, goes, other, "kanan")] if goes is not None else []
        else:
            found += [Panah(i, ya, "Ya", "kiri")] if ya is not None else []
            found += [Panah(i, tidak, "Tidak", "kanan")] if tidak is not None else []
    return found


def shape(sop: Sop, index: int) -> str:
    """The symbol of a step: a decision is a diamond; the first and the last a terminator; else a process."""
    if sop.langkah[index].keputusan:
        return "keputusan"
    return "terminator" if index in (0, len(sop.langkah) - 1) else "proses"


def celah(width: float) -> float:
    """What a symbol leaves on each side of its lane: room for the channels of the arrows beside it."""
    return min(4.5, max(3.0, width / 4))


class Layout:
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

    def entry(self, index: int, side: int, exits: set[tuple[int, int]], skip: int = 0) -> float:
        """The next free height (from the middle) where an arrow enters a step's symbol on ``side``; or
        the one ``skip`` after it, the ones between left unused."""
        offsets = masuk(self.outer(index, side))
        if (index, side) in exits:  # the corner is the exit's, its label above it
            offsets = [o for o in offsets if o > 0 or o < -3.2]
        taken = self.entries.get((index, side), 0) + skip
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


def masuk(symbol: Simbol) -> list[float]:
    """The heights (from the middle) where arrows enter a symbol's side, in the order they are taken."""
    return [0.0, 2.6, -3.6, 4.2, -4.4] if symbol.jenis == "keputusan" else [0.0, -2.5, 2.5, -3.6, 3.6]


def away_from_edge(at: Layout, arrow: Panah, found: list[Panah], page_of: dict[int, int]) -> Panah:
    """A branch to another page, or one that ends the procedure, leaves from the corner away from the table's
    edge when that corner is free: its connector or terminator needs room beside the diamond."""
    beside = arrow.ke == AKHIR or page_of[arrow.dari] != page_of[arrow.ke]
    if arrow.keluar == "bawah" or not beside:
        return arrow
    lanes = at.lanes(arrow.dari)
    at_edge = lanes[-1] == at.count - 1 if arrow.keluar == "kanan" else lanes[0] == 0
    other = "kiri" if arrow.keluar == "kanan" else "kanan"
    if at_edge and at.count > 1 and not any(a.dari == arrow.dari and a.keluar == other for a in found):
        return dataclasses.replace(arrow, keluar=other)
    return arrow


def down(rows: list[Baris], at: Layout, arrow: Panah, n: int, _letter: str = "") -> None:
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


def side(rows: list[Baris], at: Layout, arrow: Panah, n: int, exits: set[tuple[int, int]]) -> None:
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


def down_across(rows: list[Baris], at: Layout, arrow: Panah, n: int, letter: str) -> None:
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


def leave_page(row: Baris, at: Layout, arrow: Panah, n: int, letter: str) -> None:
    """A branch to another printed page: out of its corner into a connector beside it."""
    side = 1 if arrow.keluar == "kanan" else -1
    symbol = at.outer(arrow.dari, side)
    if not _place(row, symbol, side, 0.0, letter, n, True):
        _place(row, symbol, side, 0.0, letter, n, True, force=True)


def enter_page(row: Baris, at: Layout, arrow: Panah, n: int, letter: str, exits: set[tuple[int, int]]) -> None:
    """A branch from another printed page: out of a connector beside its target, into the target's side."""
    preferred = 1 if arrow.keluar == "kanan" else -1
    members = at.symbols(arrow.ke)
    # Near the outer symbol, else near another facing a free lane; else farther, the same way.
    for reach, side in itertools.product((DEKAT, math.inf), (preferred, -preferred)):
        for symbol in sorted(members, key=lambda m: -side * m.cx):
            entries = dict(at.entries)
            if symbol != at.outer(arrow.ke, side):  # the middle is the join's
                if any(_place(row, symbol, side, dy, letter, n, False, reach) for dy in masuk(symbol)[1:]):
                    return
                continue
            for skip in range(len(masuk(symbol))):  # the next free height, else one after it
                at.entries = dict(entries)
                if _place(row, symbol, side, at.entry(arrow.ke, side, exits, skip), letter, n, False, reach):
                    return
            at.entries = entries
    dy = at.entry(arrow.ke, preferred, exits)
    _place(row, at.outer(arrow.ke, preferred), preferred, dy, letter, n, False, force=True)


def end(row: Baris, at: Layout, arrow: Panah, n: int) -> bool:
    """A branch that ends the procedure: out of its corner into a terminator "Selesai" of its own, the
    nearest free place first: level with the corner beside it (leaving room for the branch's label on the
    line), else above or below it, the arrow turning to reach its side, else under or over the arrow's turn,
    reached from its top or bottom. False when no place is free: then at the first, over what is there."""
    side = 1 if arrow.keluar == "kanan" else -1
    symbol = at.outer(arrow.dari, side) if arrow.keluar != "bawah" else at.symbols(arrow.dari)[0]
    edge, y = symbol.cx + side * symbol.half_w, symbol.cy
    room = _Ruang(row, symbol)
    first: tuple[Simbol, tuple[Titik, ...]] | None = None
    places = _below(row, symbol) if arrow.keluar == "bawah" else _end_places(row, edge, y, side)
    if not symbol.utama:  # a copy's bottom is free (arrows leave the primary): under it, at the table's edge
        places = itertools.chain(places, _below(row, symbol))
    for terminator, points in places:
        first = first or (terminator, points)
        if room.free(terminator.kotak) and room.clear(points, True):
            row.simbol.append(terminator)
            row.garis.append(Garis(points, n, True))
            return True
    assert first is not None
    row.simbol.append(first[0])
    row.garis.append(Garis(first[1], n, True))
    return False


def _below(row: Baris, symbol: Simbol) -> Iterator[tuple[Simbol, tuple[Titik, ...]]]:
    """The places of an end terminator under a symbol, nearest first, reached straight down."""
    bottom = symbol.cy + symbol.half_h
    for k in range(int(row.tinggi / JARAK_SALURAN)):
        level = bottom + JARAK_KONEKTOR + AKHIR_H + k * JARAK_SALURAN
        yield (
            Simbol(AKHIR, "terminator", symbol.cx, level, AKHIR_W, AKHIR_H, True),
            ((symbol.cx, bottom), (symbol.cx, level - AKHIR_H)),
        )


def _end_places(row: Baris, edge: float, y: float, side: int) -> Iterator[tuple[Simbol, tuple[Titik, ...]]]:
    """The places of a branch's end terminator, nearest first, with the arrow to each."""
    turn = edge + side * JARAK_KONEKTOR
    for shift in (0.0, *(s * k * (2 * AKHIR_H + 0.8) for k in (1, 2) for s in (-1, 1))):
        for gap in (JARAK_KONEKTOR + 6.6, *(JARAK_KONEKTOR + k for k in range(10))):  # 6.6: "Tidak" on the line
            cx = edge + side * (gap + AKHIR_W)
            bend: tuple[Titik, ...] = ((turn, y), (turn, y + shift)) if shift else ()
            yield (
                Simbol(AKHIR, "terminator", cx, y + shift, AKHIR_W, AKHIR_H, True),
                ((edge, y), *bend, (cx - side * AKHIR_W, y + shift)),
            )
    flat = AKHIR_W - AKHIR_H  # where an arrow meets the terminator's top or bottom
    levels = [AKHIR_H + 0.4 + j * JARAK_SALURAN for j in range(int(row.tinggi / JARAK_SALURAN))]
    levels = sorted((v for v in levels if abs(v - y) >= AKHIR_H + 1.0), key=lambda v: abs(v - y))
    # Under or over the turn, reached from top or bottom; the turn no farther out than an arrow to a
    # connector may turn (beyond it the row has room level with the corner, tried first).
    for k in range(int(JANGKAU_BELOKAN / JARAK_SALURAN) + 1):
        x = edge + side * (JARAK_KONEKTOR + k * JARAK_SALURAN)
        for level in levels:
            tip = level - AKHIR_H if level > y else level + AKHIR_H
            for offset in (0.0, -side * flat / 2, -side * flat, side * flat / 2, side * flat):
                terminator = Simbol(AKHIR, "terminator", x + offset, level, AKHIR_W, AKHIR_H, True)
                yield terminator, ((edge, y), (x, y), (x, tip))


def _place(
    row: Baris,
    symbol: Simbol,
    side: int,
    dy: float,
    letter: str,
    n: int,
    outgoing: bool,
    reach: float = math.inf,
    force: bool = False,
) -> bool:
    """A connector on ``side`` of ``symbol``, its arrow meeting the symbol at ``dy`` from its middle: the
    nearest free spot of the row (``_spots``) within ``reach`` (the arrow's length), level with it or turning
    once up or down and once towards the connector. False when no spot is free (unless ``force``: then the
    nearest, drawn as ``sesak``)."""
    edge, y = symbol.tepi(side, dy), symbol.cy + dy
    room = _Ruang(row, symbol)
    spots = _spots(row, edge, y, side, outgoing)
    for _, cx, level, turn in (
        itertools.islice(spots, 1) if force else itertools.takewhile(lambda s: s[0] <= reach, spots)
    ):
        connector = Konektor(letter, cx, level - KONEKTOR / 2, outgoing, n, force)
        toward = 1 if cx > turn else -1
        near = (cx - toward * KONEKTOR / 2, level)
        bend: tuple[Titik, ...] = ((turn, y), (turn, level)) if level != y else ()
        points = ((edge, y), *bend, near) if outgoing else (near, *reversed(bend), (edge, y))
        if force or (room.free(connector.kotak) and room.clear(points, outgoing)):
            row.konektor.append(connector)
            row.garis.append(Garis(points, n, True))
            return True
    return False


class _Ruang:
    """What a connector beside ``own`` and its arrow keep off in a row: each box and each piece of line is
    tested once (many spots share them)."""

    def __init__(self, row: Baris, own: Simbol) -> None:
        self.row, self.own = row, own.kotak
        self.drawn = [(a, b) for g in row.garis for a, b in itertools.pairwise(g.titik)]
        others = [c.kotak for c in row.konektor] + [lb.kotak for lb in row.label]
        self.others = others + [s.kotak for s in row.simbol if s != own]
        self.boxes: dict[Kotak, bool] = {}
        self.pieces: dict[tuple[Titik, Titik], bool] = {}

    def free(self, box: Kotak) -> bool:
        """Whether the connector's box is inside the row and off everything drawn."""
        if box not in self.boxes:
            self.boxes[box] = self.row.bebas(box)
        return self.boxes[box]

    def clear(self, points: tuple[Titik, ...], outgoing: bool) -> bool:
        """Whether the arrow passes through no other symbol, connector or label, runs along no drawn line,
        and, after leaving its symbol (before reaching it), keeps off its symbol too."""
        for piece in itertools.pairwise(points):
            if piece not in self.pieces:
                self.pieces[piece] = not _crosses([piece], self.others, self.drawn)
        pieces = list(itertools.pairwise(points))
        away = pieces[1:] if outgoing else pieces[:-1]
        return all(self.pieces[p] for p in pieces) and not any(self.own.dilewati(a, b) for a, b in away)


def _spots(row: Baris, edge: float, y: float, side: int, outgoing: bool) -> Iterator[Spot]:
    """Where a connector for an arrow meeting a symbol's side at (``edge``, ``y``) may stand in the row,
    nearest first (by the arrow's length, a turn counting 2 mm): level with the point, out on ``side``; or
    above or below it anywhere in the row's height, the arrow going out on ``side`` (beyond its arrowhead's
    room when it comes in), up or down, and to the connector on either side of the turn (beyond the
    arrowhead's room when it goes in)."""
    half, grid = KONEKTOR / 2, 2 * JARAK_SALURAN
    level = [
        (JARAK_KONEKTOR + k * grid, edge + side * (JARAK_KONEKTOR + k * grid + half), y, edge)
        for k in range(int((row.lebar - JARAK_KONEKTOR) / grid))
    ]
    levels = [half + 0.4 + k * grid for k in range(int((row.tinggi - KONEKTOR - 0.8) / grid) + 1)]
    levels = sorted((lv for lv in levels if lv != y), key=lambda lv: abs(lv - y))
    first, last = (1.2, JARAK_KONEKTOR) if outgoing else (JARAK_KONEKTOR, 1.2)
    turns = [edge + side * (first + k * grid) for k in range(int(JANGKAU_BELOKAN / grid))]
    bent = (
        _bent(levels, y, turn, abs(turn - edge) + e + 2.0, turn + toward * (e + half))
        for turn in turns
        if 0.4 <= turn <= row.lebar - 0.4
        for toward in (side, -side)
        for e in (last + k * grid for k in range(3))
    )
    return heapq.merge(level, *bent)


def _bent(levels: list[float], y: float, turn: float, cost: float, cx: float) -> Iterator[Spot]:
    """The spots of a connector at ``cx`` reached by an arrow turning at ``turn``, nearest level first."""
    return ((cost + abs(level - y), cx, level, turn) for level in levels)


def _crosses(lines: list[tuple[Titik, Titik]], boxes: list[Kotak], drawn: list[tuple[Titik, Titik]]) -> bool:
    """Whether an arrow's ``lines`` pass through one of ``boxes``, or run along a ``drawn`` line (or so near
    beside it that they print as one: ``geometri.rapat``)."""
    return any(k.dilewati(a, b) for a, b in lines for k in boxes) or any(
        rapat(a, b, c, d) for a, b in lines for c, d in drawn
    )


def _label_box(text: str, x: float, y: float, end: bool) -> Kotak:
    width = sum(_EM_LABEL.get(char, 600) for char in text) / 1000 * HURUF_LABEL * 1.08
    left = x - width if end else x
    return Kotak(left, y - 0.75 * HURUF_LABEL, left + width, y + 0.25 * HURUF_LABEL)


_EM_LABEL = {"Y": 667, "a": 556, "T": 611, "i": 222, "d": 556, "k": 500}


def label(row: Baris, at: Layout, arrow: Panah, n: int) -> None:
    """ "Ya" or "Tidak" beside where the branch leaves the diamond, where it covers nothing."""
    assert arrow.label
    symbol = at.symbols(arrow.dari)[0]
    if arrow.keluar == "bawah":
        bottom = symbol.cy + symbol.half_h
        target = at.symbols(arrow.ke)[0] if arrow.ke != AKHIR else symbol
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
