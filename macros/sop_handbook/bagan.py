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

from dataclasses import dataclass

from .cetak import A4 as A4
from .cetak import F4 as F4
from .cetak import KERTAS as KERTAS
from .cetak import KOLOM_NO as KOLOM_NO
from .cetak import Kertas as Kertas
from .cetak import TataKolom, capacity, pages, row_height, tata_kolom
from .cetak import cabang_text as cabang_text
from .cetak import waktu_lines as waktu_lines
from .model import Peran, Sop

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
    tata: TataKolom  # the table's columns
    tinggi: tuple[float, ...]  # each step's row, mm
    halaman: tuple[tuple[int, ...], ...]  # the step indices printed on each page
    baris: tuple[str, ...]  # each row's SVG
    konektor: tuple[tuple[str, int, int], ...]  # (letter, from step index, to step index)

    @property
    def lebar_lajur(self) -> float:
        return self.tata.lebar_lajur

    @property
    def lebar(self) -> float:
        return self.lebar_lajur * len(self.lajur)


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
    tata = tata_kolom(lajur, kertas)
    width = tata.lebar_lajur
    heights = [row_height(step, tata) for step in sop.langkah]
    printed = pages(heights, capacity(tata))
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
        tata=tata,
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
