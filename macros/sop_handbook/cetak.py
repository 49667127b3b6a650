"""The printed form's layout: paper, column widths, text lines, row heights and pages, in millimetres.

The flowchart part of the SOP AP form is a table: No, Kegiatan, one column per
pelaksana, Mutu Baku (Kelengkapan, Waktu, Output) and Keterangan. Its columns
are planned here (``tata_kolom``): the pelaksana columns take what the text
columns leave, between ``LAJUR_MIN`` and ``LAJUR_MAKS``; a column is never
narrower than the longest word of its header (headers wrap between words,
never inside one), and to make room the Kegiatan column gives up width first,
then the other text columns down to their own minimum, then the headers of the
pelaksana columns take a smaller type. What still does not fit is a table wider
than the paper (``TataKolom.muat`` false, a warning of the source check).

Plain functions of the model: ``bagan`` draws the rows planned here, and the
source check (``checks``) asks here whether a form fits its paper.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

from .durations import angka
from .model import SELESAI, Langkah, Peran, Tujuan

MARGIN = 10.0
LEBAR_CETAK = 277.0  # A4 landscape, 10 mm margins: 277 x 190 mm to print on (F4: see Kertas)
TINGGI_CETAK = 190.0
TOTAL_WAKTU = 8.0  # the "Total waktu" row, after the last step
CADANGAN = 6.0  # what a page keeps free, for the difference between estimate and print

# The text columns of the printed table (mm): as wide as this when the pelaksana columns leave room, never
# narrower than the minimum; Kegiatan gives up width first, then the others in this order.
KOLOM_NO = 8.0
KOLOM_TEKS = {"kegiatan": 62.0, "kelengkapan": 34.0, "waktu": 18.0, "output": 34.0, "keterangan": 24.0}
KOLOM_TEKS_MIN = {"kegiatan": 38.0, "kelengkapan": 24.0, "waktu": 18.0, "output": 24.0, "keterangan": 21.0}
LAJUR_MAKS = 24.0
LAJUR_MIN = 12.0
LAJUR_TERLEBAR = 40.0  # a header word wider than this column's room does not fit (sop.css has widths to 170)
# Printed text: 8 pt Arial (or Liberation Sans, its metric twin; sop.css asks for them) on 3.6 mm lines.
UKURAN_HURUF = 8.0  # pt
MM_PER_PT = 25.4 / 72
CADANGAN_LEBAR = 1.03  # on every width: kerning, rounding, a fallback font a little wider
TEBAL = 1.12  # bold text (the table's header) is this much wider at most
TINGGI_BARIS_TEKS = 3.6
PADDING_SEL = 3.0
TINGGI_MIN = 16.0
TINGGI_MIN_KEPUTUSAN = 18.0  # a diamond, and its Ya below it
# The type of the pelaksana columns' headers (pt) and its line height (mm): sop.css's th.sop-h7, th.sop-h6.
HURUF_KEPALA = ((8.0, TINGGI_BARIS_TEKS, ""), (7.0, 3.2, "sop-h7"), (6.0, 2.8, "sop-h6"))


@dataclass(frozen=True)
class Kertas:
    """A paper the form prints on, landscape, in mm (mkdocs.yml's ``extra.kertas``).

    A wider paper than A4 widens the Kegiatan column; the other columns keep their widths.
    """

    nama: str
    lebar: float
    tinggi: float

    @property
    def lebar_cetak(self) -> float:
        return self.lebar - 2 * MARGIN

    @property
    def kolom_teks(self) -> dict[str, float]:
        """The text columns' widths on this paper when the pelaksana columns leave them room."""
        return {**KOLOM_TEKS, "kegiatan": KOLOM_TEKS["kegiatan"] + self.lebar_cetak - LEBAR_CETAK}

    @property
    def tinggi_cetak(self) -> float:
        return self.tinggi - 2 * MARGIN


A4 = Kertas("A4", 297.0, 210.0)
F4 = Kertas("F4", 330.0, 215.0)  # folio, the paper of many Indonesian offices
KERTAS = {kertas.nama: kertas for kertas in (A4, F4)}


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
def text_width(word: str, size: float = UKURAN_HURUF) -> float:
    """The printed width (mm) of ``word`` at ``size`` pt (8 unless told), a little more than Arial's."""
    return sum(_em(char) for char in word) / 1000 * size * MM_PER_PT * CADANGAN_LEBAR


def words(text: str) -> list[str]:
    """The words of ``text`` between the places a browser may wrap it."""
    return [word for word in _BREAK.split(text) if word]


def lines(text: str | None, width: float, scale: float = 1.0) -> int:
    """How many printed lines ``text`` takes in a column ``width`` mm wide (words wrapped greedily at
    spaces; a word wider than the column breaks anywhere, from a line of its own). ``scale``: wider text."""
    if not text:
        return 0
    room = width - PADDING_SEL
    space = text_width(" ") * scale
    count, used = 1, 0.0
    for word in words(text):
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
    ya = _tujuan(step.ya) if step.ya is not None else "langkah berikutnya"
    tidak = _tujuan(step.tidak) if step.tidak is not None else f"tujuan {tidak_tercantum(step, 'tidak')}"
    return f"Ya: {ya}; Tidak: {tidak}"


def tidak_tercantum(step: Langkah, key: str) -> str:
    """Why a step's field is empty: the document gives none, or its copy does not show it legibly."""
    return "tidak terbaca di salinan" if key in step.tidak_terbaca else "tidak tercantum"


def _tujuan(target: Tujuan) -> str:
    return "prosedur selesai" if target == SELESAI else f"langkah {target}"


@dataclass(frozen=True)
class TataKolom:
    """The printed table's columns on a paper: a pelaksana column's width, the text columns' widths, the
    type of the pelaksana headers, and whether it all fits the paper's width."""

    kertas: Kertas
    lebar_lajur: float
    teks: tuple[tuple[str, float], ...]  # (column, mm), in the table's order
    huruf: float  # the pelaksana headers' type, pt
    tinggi_kepala: float  # the two header rows, mm
    muat: bool

    @property
    def kolom_teks(self) -> dict[str, float]:
        return dict(self.teks)

    @property
    def kelas_kepala(self) -> str:
        """The class of the pelaksana headers' cells in sop.css ('' for the table's own type)."""
        return next(css for size, _, css in HURUF_KEPALA if size == self.huruf)


def _widest_word(labels: Iterable[str], size: float) -> float:
    return max((text_width(word, size) * TEBAL for label in labels for word in words(label)), default=0.0)


def _shrink(teks: dict[str, float], deficit: float) -> float:
    """Take ``deficit`` mm from the text columns, Kegiatan first, down to their minimum; what is left."""
    for name in teks:
        take = min(deficit, teks[name] - KOLOM_TEKS_MIN[name])
        if take > 0:
            teks[name] -= take
            deficit -= take
    return deficit


def header_height(lajur: tuple[Peran, ...], width: float, size: float = UKURAN_HURUF) -> float:
    """The flowchart table's two header rows, repeated on every printed page: "Pelaksana" and
    "Mutu Baku" on one line, then the pelaksana's names, wrapped between words in their columns (at
    ``size`` pt), beside the one-line headers of Mutu Baku."""
    line = next(height for pt, height, _ in HURUF_KEPALA if pt == size)
    names = max((lines(peran.label, width, TEBAL * size / UKURAN_HURUF) for peran in lajur), default=1)
    return 2 * PADDING_SEL + TINGGI_BARIS_TEKS + max(names * line, 2 * TINGGI_BARIS_TEKS)


@functools.lru_cache(maxsize=1 << 12)
def tata_kolom(lajur: tuple[Peran, ...], kertas: Kertas = A4) -> TataKolom:
    """The columns of the table with the pelaksana columns ``lajur`` on ``kertas``: whole millimetres that
    add up to the paper's printable width (when it fits)."""
    count = max(len(lajur), 1)
    labels = [peran.label for peran in lajur]
    for size, _, _ in HURUF_KEPALA:
        teks = kertas.kolom_teks
        free = kertas.lebar_cetak - KOLOM_NO - sum(teks.values())
        least = min(LAJUR_TERLEBAR, max(LAJUR_MIN, math.ceil(_widest_word(labels, size) + PADDING_SEL)))
        lane = max(least, min(LAJUR_MAKS, math.floor(free / count)))
        if _shrink(teks, count * lane - free) <= 0:
            break
    else:  # too many columns: every text column at its least, the pelaksana columns what is left
        teks = dict(KOLOM_TEKS_MIN)
        lane = max(6.0, math.floor((kertas.lebar_cetak - KOLOM_NO - sum(teks.values())) / count))
    teks["kegiatan"] += kertas.lebar_cetak - KOLOM_NO - sum(teks.values()) - count * lane  # what rounding left
    fits = lane * count + KOLOM_NO + sum(teks.values()) <= kertas.lebar_cetak and lane >= LAJUR_MIN
    fits = fits and _widest_word(labels, size) + PADDING_SEL <= lane
    height = header_height(lajur, lane, size)
    return TataKolom(kertas, float(lane), tuple(teks.items()), size, height, fits)


def column_lines(step: Langkah, kolom: dict[str, float] | None = None) -> dict[str, int]:
    """How many printed lines each text column of a step's row takes (columns ``kolom`` wide; A4's widest)."""
    kolom = kolom or KOLOM_TEKS
    texts: dict[str, tuple[str | None, ...]] = {
        "kegiatan": (step.kegiatan, cabang_text(step)),
        "kelengkapan": (step.mutu_baku.kelengkapan,),
        "waktu": waktu_lines(step),
        "output": (step.mutu_baku.output,),
        "keterangan": (step.keterangan,),
    }
    return {column: sum(lines(text, kolom[column]) for text in parts) for column, parts in texts.items()}


@functools.lru_cache(maxsize=1 << 15)  # the source check and the drawing ask for the same rows
def row_height(step: Langkah, tata: TataKolom | None = None) -> float:
    """The printed height of a step's row in the table ``tata`` (A4's widest text columns unless told):
    its longest column, at least room for a symbol."""
    most = max(column_lines(step, tata.kolom_teks if tata else None).values())
    least = TINGGI_MIN_KEPUTUSAN if step.keputusan else TINGGI_MIN
    return max(least, math.ceil(most * TINGGI_BARIS_TEKS + PADDING_SEL))


def capacity(tata: TataKolom) -> float:
    """The height a printed page leaves for the steps' rows of the table ``tata``."""
    return tata.kertas.tinggi_cetak - tata.tinggi_kepala - CADANGAN


def page_room(lajur: tuple[Peran, ...], kertas: Kertas = A4) -> float:
    """The height a printed page of ``kertas`` leaves for the rows of a table with these lanes."""
    return capacity(tata_kolom(lajur, kertas))


SAMBUNG = 5.0  # the room an off-page connector takes above the first or below the last step of a page


def pages_bersambung(
    heights: list[float], capacity: float, turun: set[int], last_extra: float = TOTAL_WAKTU
) -> tuple[list[list[int]], list[float], list[float]]:
    """The rows on each printed page, when a row of ``turun`` (its arrow goes down to the next step) that
    ends a page needs ``SAMBUNG`` more below its symbol for the connector its arrow goes into, and the next
    row, starting the next page, as much above its symbol for the connector its arrow comes out of. The
    pages, and each row's room added above and below."""
    result: list[list[int]] = [[]]
    used, last = 0.0, len(heights) - 1
    for index, height in enumerate(heights):
        after = last_extra if index == last else SAMBUNG if index in turun else 0.0
        if result[-1] and used + height + after > capacity:
            result.append([])
            used = SAMBUNG if index - 1 in turun else 0.0
        result[-1].append(index)
        used += height
    above, below = [0.0] * len(heights), [0.0] * len(heights)
    for rows in result[1:]:
        if rows[0] - 1 in turun:
            above[rows[0]], below[rows[0] - 1] = SAMBUNG, SAMBUNG
    return result, above, below


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
