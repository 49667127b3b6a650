"""The flowchart of the printed SOP AP form, drawn at build time as SVG.

On paper (Permenpan RB 35/2012) the flowchart part is a table: one row per
step, one column per pelaksana. The step's symbol sits in the column of the
role that performs it, and arrows join the symbols: terminator (the first and
the last step), process, decision (with its Ya and Tidak branches), arrow and
off-page connector. Nothing else.

Each row gets its own SVG, as tall as the row and as wide as the pelaksana
columns, so the table can break between any two rows. The rows' heights are
fixed here from their text (``row_heights``), and the rows are grouped into
printed pages (``pages``) so that a page never splits a row: an arrow that
would cross from one printed page to another ends in an off-page connector (a
pentagon with a letter) and starts again at the connector with the same
letter on the other page.

Routing, in millimetres, with the symbol of step i centred in its lane:

- to the next step: down out of the symbol; if the next step is in another
  lane, across near the bottom of the row, then down into the next row;
- any other branch (a jump ahead, a loop back to an earlier step): out of the
  symbol's right side, along a channel at the right edge of the rightmost of
  the two lanes, and into the target's right side; the rows in between draw
  their piece of the channel.

Everything here is numbers computed from the model and fixed words ("Ya",
"Tidak", connector letters): no text from a source goes into the SVG.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass

from .durations import angka
from .model import Langkah, Peran, Sop

# A4 landscape, 10 mm margins: 277 x 190 mm to print on (F4: see Kertas).
MARGIN = 10.0
LEBAR_CETAK = 277.0
TINGGI_CETAK = 190.0
TOTAL_WAKTU = 8.0  # the "Total waktu" row, after the last step
CADANGAN = 6.0  # what a page keeps free, for the difference between estimate and print

# The text columns of the printed table (mm) and the pelaksana columns between them.
KOLOM_NO = 8.0
KOLOM_TEKS = {"kegiatan": 62.0, "kelengkapan": 34.0, "waktu": 18.0, "output": 34.0, "keterangan": 24.0}
LAJUR_MAKS = 24.0
LAJUR_MIN = 14.0
# Printed text: 8 pt Arial (or Liberation Sans, its metric twin; sop.css asks for them) on 3.6 mm lines.
UKURAN_HURUF = 8.0  # pt
MM_PER_PT = 25.4 / 72
CADANGAN_LEBAR = 1.03  # on every width: kerning, rounding, a fallback font a little wider
TEBAL = 1.12  # bold text (the table's header) is this much wider at most
TINGGI_BARIS_TEKS = 3.6
PADDING_SEL = 3.0
TINGGI_MIN = 16.0
TINGGI_MIN_KEPUTUSAN = 18.0  # a diamond, and its Ya below it

SIMBOL_TINGGI = {"terminator": 8.0, "proses": 9.0, "keputusan": 11.0}
KELAS = {"terminator": "t", "proses": "p", "keputusan": "k"}  # short: a thousand SOPs carry them
CELAH = 3.0  # between a symbol and the sides of its lane
RUANG_LABEL = 6.0  # a diamond leaves this much more on each side, for "Tidak" beside it
KONEKTOR = 5.0  # width and height of an off-page connector
SALURAN = (1.0, 2.0)  # channels: distance from the lane's right edge
# The arrowhead, defined once per table (the rows' arrows point to it from the CSS): 2.4 mm, its tip
# at the end of the line, turned along it.
PANAH = (
    '<svg class="sop-panah" width="0" height="0"><marker id="sop-panah" viewBox="0 0 4 4" refX="4" refY="2" '
    'markerWidth="2.4" markerHeight="2.4" markerUnits="userSpaceOnUse" orient="auto">'
    '<path d="M0 0L4 2L0 4z"/></marker></svg>'
)


@dataclass(frozen=True)
class Kertas:
    """A paper the form prints on, landscape, in mm (mkdocs.yml's ``extra.kertas``).

    A wider paper than A4 widens the Kegiatan column; the other columns keep their widths.
    """

    nama: str
    lebar: float
    tinggi: float

    @property
    def kolom_teks(self) -> dict[str, float]:
        """The text columns' widths on this paper."""
        return {**KOLOM_TEKS, "kegiatan": KOLOM_TEKS["kegiatan"] + self.lebar - 2 * MARGIN - LEBAR_CETAK}

    @property
    def tinggi_cetak(self) -> float:
        return self.tinggi - 2 * MARGIN


A4 = Kertas("A4", 297.0, 210.0)
F4 = Kertas("F4", 330.0, 215.0)  # folio, the paper of many Indonesian offices
KERTAS = {kertas.nama: kertas for kertas in (A4, F4)}


@dataclass(frozen=True)
class Panah:
    """An arrow of the flowchart, between two steps (their indices in ``sop.langkah``)."""

    dari: int
    ke: int
    label: str | None  # "Ya" / "Tidak" on a decision's branches
    samping: bool  # out of the symbol's right side (a jump or a loop) rather than its bottom


@dataclass(frozen=True)
class Bagan:
    """The printed flowchart of one SOP: its lanes, rows and pages."""

    lajur: tuple[Peran, ...]
    lebar_lajur: float
    tinggi: tuple[float, ...]  # each step's row, mm
    halaman: tuple[tuple[int, ...], ...]  # the step indices printed on each page
    baris: tuple[str, ...]  # each row's SVG
    konektor: tuple[tuple[str, int, int], ...]  # (letter, from step index, to step index)

    @property
    def lebar(self) -> float:
        return self.lebar_lajur * len(self.lajur)


def lane_width(count: int) -> float:
    """The width of a pelaksana column: what the text columns leave, within bounds."""
    free = LEBAR_CETAK - KOLOM_NO - sum(KOLOM_TEKS.values())
    return max(LAJUR_MIN, min(LAJUR_MAKS, math.floor(free / max(count, 1))))


# Arial's advance widths, in thousandths of an em, of the printable ASCII characters (space to "~").
_ARIAL = (
    (278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278)  # space to /
    + (556,) * 10  # digits
    + (278, 278, 584, 584, 584, 556, 1015)  # : ; < = > ? @
    + (667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833)  # A to M
    + (722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611)  # N to Z
    + (278, 278, 278, 469, 556, 333)  # [ \\ ] ^ _ `
    + (556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833)  # a to m
    + (556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500)  # n to z
    + (334, 260, 334, 584)  # { | } ~
)
_EM = {chr(32 + index): width for index, width in enumerate(_ARIAL)}
_LATIN_LEBAR = {"\u00a0": 278, "Æ": 1000, "æ": 889, "Œ": 1000, "œ": 944}  # no-break space; the widest letters
LATIN = 778  # any other accented Latin letter: the widest capital's width
LAIN = 1300  # any other script, symbol or emoji: wider than an em, whatever font the browser falls back to
_BREAK = re.compile(r"[ \t\n\r\f]+")  # where a browser may wrap: not at a no-break or other Unicode space


def _em(char: str) -> int:
    width = _EM.get(char)
    if width is not None:
        return width
    if "\u00a0" <= char <= "\u024f":
        return _LATIN_LEBAR.get(char, LATIN)
    return LAIN


@functools.lru_cache(maxsize=1 << 16)
def text_width(word: str) -> float:
    """The printed width (mm) of ``word`` at 8 pt, a little more than Arial's."""
    return sum(_em(char) for char in word) / 1000 * UKURAN_HURUF * MM_PER_PT * CADANGAN_LEBAR


def lines(text: str | None, width: float, scale: float = 1.0) -> int:
    """How many printed lines ``text`` takes in a column ``width`` mm wide (words wrapped greedily at
    spaces; a word wider than the column breaks anywhere, from a line of its own). ``scale``: wider text."""
    if not text:
        return 0
    room = width - PADDING_SEL
    space = text_width(" ") * scale
    count, used = 1, 0.0
    for word in _BREAK.split(text):
        if not word:
            continue
        size = text_width(word) * scale
        if size > room:
            count, used = (count + 1 if used else count), 0.0
            for char in word:
                size = text_width(char) * scale
                if used and used + size > room:
                    count, used = count + 1, size
                else:
                    used += size
        elif used and used + space + size > room:
            count, used = count + 1, size
        else:
            used += size + (space if used else 0.0)
    return count


_JAM_SAJA = re.compile(r"\s*\d+(?:[.,]\d+)?\s*jam(?:\s+kerja)?\s*", re.IGNORECASE)


def waktu_lines(step: Langkah) -> tuple[str, ...]:
    """Waktu as the table prints it: as written, then the working hours it counts for unless it is written
    in hours alone ("2 Jam"); a range shows both ends ("= 7,5–15 jam kerja"). Nothing more without a time."""
    waktu, durasi = step.mutu_baku.waktu, step.mutu_baku.durasi
    if durasi is None:
        return (waktu,) if waktu else ()
    assert waktu is not None
    if _JAM_SAJA.fullmatch(waktu):
        return (waktu,)
    hours = angka(durasi.paling_lama)
    if durasi.rentang:
        hours = f"{angka(durasi.paling_cepat)}–{hours}"
    return (waktu, f"= {hours} jam kerja")


def cabang_text(step: Langkah) -> str | None:
    """A decision's branches as the table states them under its kegiatan."""
    if not step.keputusan:
        return None
    ya = f"langkah {step.ya}" if step.ya else "langkah berikutnya"
    tidak = f"langkah {step.tidak}" if step.tidak is not None else "tujuan tidak tercantum"
    return f"Ya: {ya}; Tidak: {tidak}"


def column_lines(step: Langkah, kolom: dict[str, float] = KOLOM_TEKS) -> dict[str, int]:
    """How many printed lines each text column of a step's row takes (columns ``kolom`` wide)."""
    texts: dict[str, tuple[str | None, ...]] = {
        "kegiatan": (step.kegiatan, cabang_text(step)),
        "kelengkapan": (step.mutu_baku.kelengkapan,),
        "waktu": waktu_lines(step),
        "output": (step.mutu_baku.output,),
        "keterangan": (step.keterangan,),
    }
    return {column: sum(lines(text, kolom[column]) for text in parts) for column, parts in texts.items()}


@functools.lru_cache(maxsize=1 << 15)  # the source check and the drawing ask for the same rows
def row_height(step: Langkah, kertas: Kertas = A4) -> float:
    """The printed height of a step's row on ``kertas``: its longest column, at least room for a symbol."""
    most = max(column_lines(step, kertas.kolom_teks).values())
    least = TINGGI_MIN_KEPUTUSAN if step.keputusan else TINGGI_MIN
    return max(least, math.ceil(most * TINGGI_BARIS_TEKS + PADDING_SEL))


def header_height(lajur: tuple[Peran, ...], width: float) -> float:
    """The flowchart table's two header rows, repeated on every printed page: "Pelaksana" and
    "Mutu Baku" on one line, then the pelaksana's names, wrapped in their columns."""
    names = max((lines(peran.label, width, TEBAL) for peran in lajur), default=1)
    return 2 * PADDING_SEL + (1 + max(names, 2)) * TINGGI_BARIS_TEKS


def capacity(lajur: tuple[Peran, ...], width: float, kertas: Kertas = A4) -> float:
    """The height a printed page of ``kertas`` leaves for the steps' rows."""
    return kertas.tinggi_cetak - header_height(lajur, width) - CADANGAN


def page_room(lajur: tuple[Peran, ...], kertas: Kertas = A4) -> float:
    """The height a printed page of ``kertas`` leaves for the rows of a table with these lanes."""
    return capacity(lajur, lane_width(len(lajur)), kertas)


def pages(heights: list[float], capacity: float, last_extra: float = TOTAL_WAKTU) -> list[list[int]]:
    """The rows on each printed page, in order: as many as fit, the total row on the last page."""
    result: list[list[int]] = [[]]
    used = 0.0
    for index, height in enumerate(heights):
        if result[-1] and used + height > capacity:
            result.append([])
            used = 0.0
        result[-1].append(index)
        used += height
    if len(result[-1]) > 1 and used + last_extra > capacity:
        result.append([result[-1].pop()])  # the last step goes over with the total
    return result


def arrows(sop: Sop) -> list[Panah]:
    """The arrows between the steps: to the next step, or a decision's Ya and Tidak branches."""
    index = {step.no: i for i, step in enumerate(sop.langkah)}
    found = []
    for i, step in enumerate(sop.langkah):
        following = i + 1 if i + 1 < len(sop.langkah) else None
        if not step.keputusan:
            if following is not None:
                found.append(Panah(i, following, None, False))
            continue
        ya = index[step.ya] if step.ya else following
        tidak = index[step.tidak] if step.tidak is not None else None
        branches = [(target, label) for target, label in ((ya, "Ya"), (tidak, "Tidak")) if target is not None]
        # The branch to the next step leaves the bottom (Ya first if both do); the other one the side.
        down = next((label for target, label in branches if target == following), None)
        found += [Panah(i, target, label, samping=label != down) for target, label in branches]
    return found


def shape(sop: Sop, index: int) -> str:
    """The symbol of a step: a decision is a diamond; the first and the last a terminator; else a process."""
    if sop.langkah[index].keputusan:
        return "keputusan"
    return "terminator" if index in (0, len(sop.langkah) - 1) else "proses"


def _n(value: float) -> str:
    """A coordinate, short: at most one decimal, no trailing zero."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


class _Row:
    """The SVG pieces of one row, in its own coordinates (mm from its top left)."""

    def __init__(self, width: float, height: float) -> None:
        self.width, self.height = width, height
        self.parts: list[str] = []

    def line(self, *points: tuple[float, float], arrow: bool = False) -> None:
        """A polyline of horizontal and vertical segments; ``arrow``: with an arrowhead at its end
        (class "a": the page's CSS gives it the ``PANAH`` marker)."""
        (x, y), path = points[0], f"M{_n(points[0][0])} {_n(points[0][1])}"
        for nx, ny in points[1:]:
            path += f"H{_n(nx)}" if ny == y else f"V{_n(ny)}" if nx == x else f"L{_n(nx)} {_n(ny)}"
            x, y = nx, ny
        self.parts.append(f'<path class="a" d="{path}"/>' if arrow else f'<path d="{path}"/>')

    def text(self, x: float, y: float, words: str, end: bool = False) -> None:
        """A fixed word at (x, y), ending there with ``end``."""
        anchor = ' text-anchor="end"' if end else ""
        self.parts.append(f'<text x="{_n(x)}" y="{_n(y)}"{anchor}>{words}</text>')

    def svg(self) -> str:
        """The row's SVG. It has no size of its own: the page's CSS makes it as wide as the
        pelaksana columns, and the viewBox then makes it as tall as the row."""
        return f'<svg viewBox="0 0 {_n(self.width)} {_n(self.height)}">{"".join(self.parts)}</svg>'


def _symbol(row: _Row, kind: str, cx: float, cy: float, width: float) -> None:
    half_w, half_h = width / 2, SIMBOL_TINGGI[kind] / 2
    x, y = cx - half_w, cy - half_h
    if kind == "keputusan":
        points = f"{_n(cx)},{_n(y)} {_n(cx + half_w)},{_n(cy)} {_n(cx)},{_n(cy + half_h)} {_n(x)},{_n(cy)}"
        row.parts.append(f'<polygon class="k" points="{points}"/>')
        return
    rounded = f' rx="{_n(half_h)}"' if kind == "terminator" else ""
    size = f'x="{_n(x)}" y="{_n(y)}" width="{_n(width)}" height="{_n(SIMBOL_TINGGI[kind])}"'
    row.parts.append(f'<rect class="{KELAS[kind]}" {size}{rounded}/>')


def _connector(row: _Row, cx: float, top: float, letter: str) -> None:
    """An off-page connector: a pentagon pointing down, with its letter."""
    half, body = KONEKTOR / 2, KONEKTOR * 0.6
    points = f"{_n(cx - half)},{_n(top)} {_n(cx + half)},{_n(top)} {_n(cx + half)},{_n(top + body)} "
    points += f"{_n(cx)},{_n(top + KONEKTOR)} {_n(cx - half)},{_n(top + body)}"
    row.parts.append(f'<polygon class="c" points="{points}"/>')
    row.parts.append(f'<text class="c" x="{_n(cx)}" y="{_n(top + body - 0.4)}">{letter}</text>')


_ABJAD = [chr(c) for c in range(ord("A"), ord("Z") + 1)]
LETTERS = (*_ABJAD, *(a + b for a in _ABJAD for b in _ABJAD))  # the connectors' letters, in order


class _Layout:
    """Where each step's symbol is, in its row."""

    def __init__(self, sop: Sop, lajur: tuple[Peran, ...], width: float, heights: list[float]) -> None:
        self.sop, self.width, self.heights = sop, width, heights
        self.column = {peran.id: i for i, peran in enumerate(lajur)}
        self.symbol_width = width - 2 * CELAH

    def lane(self, index: int) -> int:
        return self.column[self.sop.langkah[index].pelaksana[0].id]

    def cx(self, index: int) -> float:
        return (self.lane(index) + 0.5) * self.width

    def cy(self, index: int) -> float:
        return self.heights[index] / 2

    def half_h(self, index: int) -> float:
        return SIMBOL_TINGGI[shape(self.sop, index)] / 2

    def half_w(self, index: int) -> float:
        """Half a symbol's width: a diamond is narrower, to leave room for its side branch's label."""
        if shape(self.sop, index) == "keputusan":
            return max(4.0, self.symbol_width / 2 - RUANG_LABEL)
        return self.symbol_width / 2


def draw(sop: Sop, kertas: Kertas = A4) -> Bagan:
    """The printed flowchart of ``sop`` on ``kertas``: rows, pages, and each row's SVG."""
    lajur = sop.kolom
    width = lane_width(len(lajur))
    heights = [row_height(step, kertas) for step in sop.langkah]
    printed = pages(heights, page_room(lajur, kertas))
    page_of = {index: number for number, rows in enumerate(printed) for index in rows}
    at = _Layout(sop, lajur, width, heights)
    rows = [_Row(width * len(lajur), height) for height in heights]
    letters = iter(LETTERS)
    connectors: list[tuple[str, int, int]] = []
    channel_use: dict[tuple[int, int], int] = {}  # (row, lane) -> channels taken
    for arrow in arrows(sop):
        source, target = arrow.dari, arrow.ke
        if page_of[source] != page_of[target]:
            letter = next(letters)
            connectors.append((letter, source, target))
            _cross_page(rows, at, arrow, letter)
        elif not arrow.samping:
            _down(rows, at, arrow)
        else:
            lane = max(at.lane(source), at.lane(target))
            span = range(min(source, target), max(source, target) + 1)
            taken = max(channel_use.get((r, lane), 0) for r in span)
            for r in span:
                channel_use[(r, lane)] = taken + 1
            _side(rows, at, arrow, (lane + 1) * width - SALURAN[min(taken, len(SALURAN) - 1)])
    for index in range(len(sop.langkah)):
        _symbol(rows[index], shape(sop, index), at.cx(index), at.cy(index), 2 * at.half_w(index))
    return Bagan(
        lajur=lajur,
        lebar_lajur=width,
        tinggi=tuple(heights),
        halaman=tuple(tuple(p) for p in printed),
        baris=tuple(row.svg() for row in rows),
        konektor=tuple(connectors),
    )


def _down(rows: list[_Row], at: _Layout, arrow: Panah) -> None:
    """Next step, same page: down, across near the bottom of the row if the lane changes, down again."""
    source, target = arrow.dari, arrow.ke
    start_x, end_x = at.cx(source), at.cx(target)
    bottom = at.cy(source) + at.half_h(source)
    below = rows[source].height
    turn = below - 1.5
    if start_x == end_x:
        rows[source].line((start_x, bottom), (start_x, below))
    else:
        rows[source].line((start_x, bottom), (start_x, turn), (end_x, turn), (end_x, below))
    if arrow.label:  # on the side away from the turn
        rows[source].text(start_x + (-1.0 if end_x > start_x else 1.0), bottom + 2.4, arrow.label, end_x > start_x)
    rows[target].line((end_x, 0.0), (end_x, at.cy(target) - at.half_h(target)), arrow=True)


def _side(rows: list[_Row], at: _Layout, arrow: Panah, x: float) -> None:
    """A jump or a loop: out of the right side, along the channel at ``x``, into the target's right side."""
    source, target = arrow.dari, arrow.ke
    out_x = at.cx(source) + at.half_w(source)
    in_x = at.cx(target) + at.half_w(target)
    upward = target < source
    edge_out = 0.0 if upward else rows[source].height
    edge_in = rows[target].height if upward else 0.0
    rows[source].line((out_x, at.cy(source)), (x, at.cy(source)), (x, edge_out))
    if arrow.label:  # on the side of the exit away from the channel
        rows[source].text(out_x + 0.4, at.cy(source) + (2.6 if upward else -0.8), arrow.label)
    for between in range(min(source, target) + 1, max(source, target)):
        rows[between].line((x, 0.0), (x, rows[between].height))
    rows[target].line((x, edge_in), (x, at.cy(target)), (in_x, at.cy(target)), arrow=True)


def _cross_page(rows: list[_Row], at: _Layout, arrow: Panah, letter: str) -> None:
    """An arrow between two printed pages: into a connector beside the source, out of one beside the target."""
    for index, outgoing in ((arrow.dari, True), (arrow.ke, False)):
        row, y = rows[index], at.cy(index)
        right = at.cx(index) + at.half_w(index)
        room_right = right + 1.5 + KONEKTOR <= row.width  # else the connector goes on the left
        sign = 1 if room_right else -1
        edge = right if room_right else at.cx(index) - at.half_w(index)
        centre = edge + sign * (1.5 + KONEKTOR / 2)
        near = centre - sign * KONEKTOR / 2  # the connector's side facing the symbol
        if outgoing:
            row.line((edge, y), (near, y), arrow=True)
            if arrow.label:
                row.text(edge + (0.4 if room_right else -6.0), y + 2.6, arrow.label)
        else:
            row.line((near, y), (edge, y), arrow=True)
        _connector(row, centre, y - KONEKTOR / 2, letter)
