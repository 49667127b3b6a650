"""What the printed flowchart draws, as data: symbols, lines, labels and off-page connectors, in mm.

``bagan`` draws from it and tests check it (``Bagan.halaman_geometri``): boxes
that must not overlap, segments that must not run along each other.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field

KONEKTOR = 5.0  # width and height of an off-page connector
RAPAT = 0.5  # two lines nearer than this, side by side, print as one (channels keep 0.8 apart)
Titik = tuple[float, float]


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

    def bebas(self, box: Kotak) -> bool:
        """Whether ``box`` is inside the row and off everything drawn."""
        if box.x0 < 0 or box.y0 < 0 or box.x1 > self.lebar or box.y1 > self.tinggi:
            return False
        if any(box.tumpang(other) for other in self.terisi()):
            return False
        return not any(box.dilewati(a, b) for g in self.garis for a, b in itertools.pairwise(g.titik))


@dataclass(frozen=True)
class Halaman:
    """What one printed page draws, in its coordinates (mm from the top left of its first row)."""

    simbol: tuple[Simbol, ...]
    garis: tuple[Garis, ...]
    label: tuple[Label, ...]
    konektor: tuple[Konektor, ...]


def moved(simbol: Simbol, dy: float) -> Simbol:
    return Simbol(simbol.langkah, simbol.jenis, simbol.cx, simbol.cy + dy, simbol.half_w, simbol.half_h, simbol.utama)


def rapat(a: Titik, b: Titik, c: Titik, d: Titik) -> bool:
    """Whether segments a–b and c–d, both horizontal or both vertical, run along each other nearer than
    ``RAPAT`` for more than a point: on paper, one line."""
    if a[1] == b[1] and c[1] == d[1] and abs(a[1] - c[1]) < RAPAT:
        return min(max(a[0], b[0]), max(c[0], d[0])) > max(min(a[0], b[0]), min(c[0], d[0]))
    if a[0] == b[0] and c[0] == d[0] and abs(a[0] - c[0]) < RAPAT:
        return min(max(a[1], b[1]), max(c[1], d[1])) > max(min(a[1], b[1]), min(c[1], d[1]))
    return False
