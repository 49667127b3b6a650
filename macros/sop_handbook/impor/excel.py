"""Reading SOP AP forms from Excel workbooks (.xlsx).

A worksheet holds one form, or several one below another; a workbook may
hold one form per sheet. Each form is found by its flowchart table's header
row ("No. | Kegiatan | PELAKSANA | MUTU BAKU | KET"); what lies above it, up
to the previous form's table, is the form's kop, identity part and blocks.

openpyxl loads cells and merged ranges but not drawing shapes, so the
flowchart's symbols are read from the workbook's drawing parts in the zip
(``_baca_gambar``): a shape whose centre falls in a pelaksana cell of a step
row is that step's symbol. Text marks ("√", "X", "●") in pelaksana cells
count the same, without a shape.
"""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from openpyxl import load_workbook  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]
from openpyxl.utils.exceptions import InvalidFileException  # type: ignore[import-untyped]

from .label import TANDA, jenis_kolom, kunci, periksa_arsip
from .mentah import Asal, BarisMentah, FormulirMentah, Isian, TidakTerbaca

_NS = {
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "pr": "http://schemas.openxmlformats.org/package/2006/relationships",
    "xdr": "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
}
_XDR = "{" + _NS["xdr"] + "}"
_EMU_PER_PIXEL = 9525
_EMU_PER_POINT = 12700

# Preset geometries of flowchart symbols, by what they stand for in an SOP AP flowchart.
_SIMBOL = {
    "flowChartTerminator": "terminator",
    "flowChartAlternateProcess": "terminator",
    "roundRect": "terminator",
    "ellipse": "terminator",
    "flowChartProcess": "proses",
    "flowChartPredefinedProcess": "proses",
    "rect": "proses",
    "flowChartDecision": "keputusan",
    "diamond": "keputusan",
}
_URUTAN_SIMBOL = ("keputusan", "terminator", "proses")  # which wins when a row draws several kinds

# Header cells of the flowchart table, after ``_normal``.

_LABEL_IDENTITAS = re.compile(r"^(no|nomor|nmr) sop\b|^(tgl|tanggal) |^disahkan\b|^(nama|judul) sop\b")
_LABEL_DAFTAR = re.compile(r"^(dasar hukum|kualifikasi|keterkaitan|peralatan|perlengkapan|peringatan|pencatatan)")
_PENOMORAN = re.compile(r"^\s*(?:\d{1,2}[.)]|[a-zA-Z][.)]|[-•·*])\s+")
_NO_DI_AWAL = re.compile(r"^\s*(\d{1,3})\s*[.)]?\s+(\S.*)$", re.DOTALL)
_CABANG = re.compile(
    r"\b(ya|tidak)\b[^0-9a-z]*(?:(?:maka|kembali|lanjut|ke|langkah|nomor|no|kegiatan)\W*)*(\d+|selesai)\b",
    re.IGNORECASE,
)


def baca_xlsx(path: Path, nama: str) -> list[FormulirMentah]:
    """Every SOP AP form in the workbook at ``path``, in sheet order and top to bottom; ``nama`` names the
    file in values' ``Asal`` and in errors."""
    _periksa_berkas(path, nama)
    try:
        with zipfile.ZipFile(path) as arsip:
            lembar_berkas = _berkas_lembar(arsip, nama)
            wb = load_workbook(path, data_only=True)
            hasil: list[FormulirMentah] = []
            for ws in wb.worksheets:
                bentuk, catatan = _baca_gambar(arsip, lembar_berkas.get(ws.title), _Kisi(ws), nama, ws.title)
                hasil.extend(_Lembar(ws, nama).formulir(bentuk, catatan))
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError) as exc:
        raise TidakTerbaca(
            f"{nama}: berkas Excel rusak atau tidak dapat dibaca ({exc}): buka di Excel lalu simpan ulang sebagai .xlsx"
        ) from exc
    if not hasil:
        raise TidakTerbaca(
            f"{nama}: tidak ada tabel bagan alir SOP AP (baris judul kolom No, Kegiatan, Pelaksana, Mutu Baku) "
            "di lembar mana pun: periksa bahwa berkas ini formulir SOP AP"
        )
    return hasil


def _periksa_berkas(path: Path, nama: str) -> None:
    """Refuse a file that is not an .xlsx workbook before opening it, naming what the author can do."""
    lama = (
        f"{nama}: format .xls lama atau dilindungi kata sandi: buka di Excel lalu simpan sebagai .xlsx tanpa kata sandi"
    )
    rusak = f"{nama}: bukan berkas Excel .xlsx (berkas rusak?): buka di Excel lalu simpan sebagai .xlsx"
    periksa_arsip(path, nama, lama, rusak)
    with zipfile.ZipFile(path) as arsip:
        if "xl/workbook.xml" not in arsip.namelist():
            raise TidakTerbaca(
                f"{nama}: berkas zip ini bukan buku kerja Excel .xlsx: buka di Excel lalu simpan sebagai .xlsx"
            )


# --- Drawings -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Bentuk:
    """A drawing on a sheet: ``jenis`` a symbol kind, "gambar" (a picture) or "teks" (a text box), the
    1-based cell at its centre, and its text."""

    jenis: str
    baris: int
    kolom: int
    teks: str


class _Kisi:
    """A sheet's grid in EMU, to find the cell at a drawing's centre."""

    def __init__(self, ws: Any) -> None:
        self._lebar_baku = _lebar_emu(ws.sheet_format.defaultColWidth or 8.43)
        self._lebar: dict[int, int] = {}
        for dim in ws.column_dimensions.values():
            if dim.customWidth and dim.width and dim.min:
                for kolom in range(dim.min, (dim.max or dim.min) + 1):
                    self._lebar[kolom] = _lebar_emu(dim.width)
        self._tinggi_baku: int = round((ws.sheet_format.defaultRowHeight or 15) * _EMU_PER_POINT)
        self._tinggi: dict[int, int] = {
            baris: round(dim.height * _EMU_PER_POINT) for baris, dim in ws.row_dimensions.items() if dim.height
        }

    def x(self, kolom0: int, geser: int) -> int:
        """The EMU x of an anchor's 0-based column and offset."""
        return sum(self._lebar.get(k, self._lebar_baku) for k in range(1, kolom0 + 1)) + geser

    def y(self, baris0: int, geser: int) -> int:
        """The EMU y of an anchor's 0-based row and offset."""
        return sum(self._tinggi.get(b, self._tinggi_baku) for b in range(1, baris0 + 1)) + geser

    def kolom_di(self, x: float) -> int:
        """The 1-based column holding EMU x."""
        kolom, tepi = 1, 0
        while kolom < 16384:
            tepi += self._lebar.get(kolom, self._lebar_baku)
            if x < tepi:
                break
            kolom += 1
        return kolom

    def baris_di(self, y: float) -> int:
        """The 1-based row holding EMU y."""
        baris, tepi = 1, 0
        while baris < 1048576:
            tepi += self._tinggi.get(baris, self._tinggi_baku)
            if y < tepi:
                break
            baris += 1
        return baris


def _lebar_emu(lebar: float) -> int:
    """A column width in characters (of the default font's maximum digit width, 7 px) in EMU."""
    return int(lebar * 7 + 5) * _EMU_PER_PIXEL


def _berkas_lembar(arsip: zipfile.ZipFile, nama: str) -> dict[str, str]:
    """Each worksheet's title → the path of its part in the zip."""
    try:
        buku = ET.fromstring(arsip.read("xl/workbook.xml"))
        relasi = _relasi(arsip, "xl/workbook.xml")
    except ET.ParseError as exc:
        raise TidakTerbaca(
            f"{nama}: xl/workbook.xml rusak ({exc}): buka di Excel lalu simpan ulang sebagai .xlsx"
        ) from exc
    hasil = {}
    for lembar in buku.iterfind("m:sheets/m:sheet", _NS):
        rid = lembar.get("{" + _NS["r"] + "}id", "")
        if rid in relasi:
            hasil[lembar.get("name", "")] = relasi[rid]
    return hasil


def _relasi(arsip: zipfile.ZipFile, bagian: str, jenis: str = "") -> dict[str, str]:
    """A part's relationships: id → the target's path in the zip, only those whose type ends in ``jenis``."""
    folder, berkas = posixpath.split(bagian)
    lokasi = posixpath.join(folder, "_rels", berkas + ".rels")
    if lokasi not in arsip.namelist():
        return {}
    hasil = {}
    for rel in ET.fromstring(arsip.read(lokasi)).iterfind("pr:Relationship", _NS):
        target = rel.get("Target", "")
        if rel.get("TargetMode") == "External" or not rel.get("Type", "").endswith(jenis):
            continue
        path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        hasil[rel.get("Id", "")] = path
    return hasil


def _baca_gambar(
    arsip: zipfile.ZipFile, bagian: str | None, kisi: _Kisi, nama: str, judul: str
) -> tuple[list[_Bentuk], list[str]]:
    """The shapes, pictures and text boxes drawn on a sheet, and a note when its drawing cannot be read."""
    if bagian is None:
        return [], []
    hasil: list[_Bentuk] = []
    try:
        for gambar in _relasi(arsip, bagian, "/drawing").values():
            akar = ET.fromstring(arsip.read(gambar))
            for jangkar in akar:
                kotak = _kotak_jangkar(jangkar, kisi)
                if kotak is not None:
                    hasil.extend(_bentuk_dalam(jangkar, kotak, kisi))
    except (ET.ParseError, KeyError, ValueError) as exc:
        return hasil, [f"gambar di lembar '{judul}' tidak terbaca ({exc}); simbol bagan alir tidak dibaca, periksa"]
    return hasil, []


_Kotak = tuple[float, float, float, float]  # x1, y1, x2, y2 in EMU


def _kotak_jangkar(jangkar: ET.Element, kisi: _Kisi) -> _Kotak | None:
    """The EMU box of a two-cell, one-cell or absolute anchor; None for anything else."""

    def titik(nama: str) -> tuple[int, int]:
        el = jangkar.find(_XDR + nama)
        if el is None:
            raise ValueError(f"jangkar tanpa {nama}")
        nilai = {anak.tag.removeprefix(_XDR): int(anak.text or 0) for anak in el}
        return kisi.x(nilai["col"], nilai["colOff"]), kisi.y(nilai["row"], nilai["rowOff"])

    def ukuran(el: ET.Element | None) -> tuple[int, int]:
        if el is None:
            raise ValueError("jangkar tanpa ext")
        return int(el.get("cx", 0)), int(el.get("cy", 0))

    jenis = jangkar.tag.removeprefix(_XDR)
    if jenis == "twoCellAnchor":
        (x1, y1), (x2, y2) = titik("from"), titik("to")
        return x1, y1, x2, y2
    if jenis == "oneCellAnchor":
        (x1, y1), (cx, cy) = titik("from"), ukuran(jangkar.find(_XDR + "ext"))
        return x1, y1, x1 + cx, y1 + cy
    if jenis == "absoluteAnchor":
        pos = jangkar.find(_XDR + "pos")
        x1, y1 = (int(pos.get("x", 0)), int(pos.get("y", 0))) if pos is not None else (0, 0)
        cx, cy = ukuran(jangkar.find(_XDR + "ext"))
        return x1, y1, x1 + cx, y1 + cy
    return None


def _bentuk_dalam(induk: ET.Element, kotak: _Kotak, kisi: _Kisi) -> Iterator[_Bentuk]:
    """The drawings directly in an anchor (whose box is ``kotak``) or in a group (``kotak`` its box), groups'
    members included."""
    for el in induk:
        tag = el.tag.removeprefix(_XDR)
        if tag == "grpSp":
            yield from _bentuk_dalam(el, _kotak_anggota(el, kotak, induk), kisi)
            continue
        if tag not in ("sp", "pic", "cxnSp"):
            continue
        jenis, teks = _jenis_bentuk(el, tag)
        if jenis is None:
            continue
        x1, y1, x2, y2 = _kotak_anggota(el, kotak, induk)
        yield _Bentuk(jenis, kisi.baris_di((y1 + y2) / 2), kisi.kolom_di((x1 + x2) / 2), teks)


def _kotak_anggota(el: ET.Element, kotak: _Kotak, induk: ET.Element) -> _Kotak:
    """A drawing's EMU box: the anchor's box for a drawing anchored alone; in a group, its own offset and
    size mapped from the group's child coordinates onto the group's box ``kotak``."""
    if induk.tag.removeprefix(_XDR) != "grpSp":
        return kotak
    grup = induk.find("xdr:grpSpPr/a:xfrm", _NS)
    sendiri = el.find("xdr:grpSpPr/a:xfrm" if el.tag.endswith("grpSp") else "xdr:spPr/a:xfrm", _NS)
    if grup is None or sendiri is None:
        return kotak
    ch_x, ch_y = _pasangan(grup.find("a:chOff", _NS), "x", "y")
    ch_w, ch_h = _pasangan(grup.find("a:chExt", _NS), "cx", "cy")
    x, y = _pasangan(sendiri.find("a:off", _NS), "x", "y")
    w, h = _pasangan(sendiri.find("a:ext", _NS), "cx", "cy")
    skala_x = (kotak[2] - kotak[0]) / ch_w if ch_w else 1.0
    skala_y = (kotak[3] - kotak[1]) / ch_h if ch_h else 1.0
    x1, y1 = kotak[0] + (x - ch_x) * skala_x, kotak[1] + (y - ch_y) * skala_y
    return x1, y1, x1 + w * skala_x, y1 + h * skala_y


def _pasangan(el: ET.Element | None, a: str, b: str) -> tuple[int, int]:
    """Two integer attributes of an element, 0 when it or they are absent."""
    return (0, 0) if el is None else (int(el.get(a, 0)), int(el.get(b, 0)))


def _jenis_bentuk(el: ET.Element, tag: str) -> tuple[str | None, str]:
    """What a drawing is (a symbol kind, "gambar", "teks", or None for what is neither) and its text."""
    teks = " ".join(" ".join(t.text or "" for t in p.iterfind(".//a:t", _NS)) for p in el.iterfind(".//a:p", _NS))
    teks = " ".join(teks.split())
    if tag == "pic":
        return "gambar", teks
    kotak_teks = el.find("xdr:nvSpPr/xdr:cNvSpPr", _NS)
    if tag == "cxnSp" or (kotak_teks is not None and kotak_teks.get("txBox") == "1") or _CABANG_LABEL.match(teks):
        return ("teks" if teks else None), teks
    geometri = el.find("xdr:spPr/a:prstGeom", _NS)
    jenis = _SIMBOL.get(geometri.get("prst", "")) if geometri is not None else None
    if jenis is None and teks:
        return "teks", teks
    return jenis, teks


_CABANG_LABEL = re.compile(r"^\s*(ya|tidak)\b", re.IGNORECASE)


# --- Cells --------------------------------------------------------------------------------------------------


def _teks(nilai: object) -> str:
    """A cell's value as written: numbers without a spurious ".0", dates as day-month-year."""
    if nilai is None:
        return ""
    if isinstance(nilai, datetime | date):
        return f"{nilai.day}-{nilai.month}-{nilai.year}"
    if isinstance(nilai, time):
        return nilai.strftime("%H:%M")
    if isinstance(nilai, float) and nilai.is_integer():
        return str(int(nilai))
    return str(nilai).strip()


@dataclass
class _Tabel:
    """A flowchart table's header: the columns (1-based) of its parts and the rows it spans."""

    judul: int  # the header's first row
    mulai: int  # the first step row
    kegiatan: int
    no: int | None
    pelaksana: list[tuple[int, int]]  # each pelaksana column's first and last sheet column
    kelengkapan: int | None
    waktu: int | None
    output: int | None
    ket: int | None
    kolom: list[Isian]

    def indeks_pelaksana(self, kolom: int) -> int | None:
        """The pelaksana index of a sheet column, None outside the pelaksana columns."""
        return next((i for i, (awal, akhir) in enumerate(self.pelaksana) if awal <= kolom <= akhir), None)

    def kolom_terakhir(self) -> int:
        """The table's last sheet column."""
        return max(c for c in (self.kegiatan, self.no, self.kelengkapan, self.waktu, self.output, self.ket) if c)


class _Lembar:
    """One worksheet: its cells' text and merged ranges, and the forms on it."""

    def __init__(self, ws: Any, nama: str) -> None:
        self.ws = ws
        self.nama = nama
        self.judul: str = ws.title
        self.gabung: dict[tuple[int, int], tuple[int, int, int, int]] = {
            (r.min_row, r.min_col): (r.min_row, r.min_col, r.max_row, r.max_col) for r in ws.merged_cells.ranges
        }

    def teks(self, baris: int, kolom: int) -> str:
        """The text of a cell (of a merged range's first cell: the others are empty)."""
        nilai: object = self.ws.cell(row=baris, column=kolom).value
        return _teks(nilai)

    def asal(self, baris: int, kolom: int) -> Asal:
        """Where a cell is, as a reviewer finds it."""
        return Asal(self.nama, f"lembar '{self.judul}', sel {get_column_letter(kolom)}{baris}")

    def isian(self, baris: int, kolom: int | None) -> Isian | None:
        """A cell's value, None when the column is absent or the cell empty."""
        if kolom is None:
            return None
        teks = self.teks(baris, kolom)
        return Isian(teks, self.asal(baris, kolom)) if teks else None

    def akhir_kolom(self, baris: int, kolom: int) -> int:
        """The last column of the cell at (baris, kolom), merged or not."""
        return self.gabung.get((baris, kolom), (baris, kolom, baris, kolom))[3]

    def formulir(self, bentuk: list[_Bentuk], catatan_gambar: list[str]) -> list[FormulirMentah]:
        """The forms on this sheet, top to bottom: each from its flowchart table and what lies above it."""
        hasil = []
        awal = 1
        baris = 1
        while baris <= self.ws.max_row:
            tabel = self._tabel(baris)
            if tabel is None:
                baris += 1
                continue
            langkah = self._baris_langkah(tabel)
            formulir = FormulirMentah(asal=self.asal(tabel.judul, tabel.kegiatan), kolom=tabel.kolom)
            formulir.catatan.extend(catatan_gambar)
            _Atas(self, awal, tabel.judul - 1).isi(formulir)
            self._isi_langkah(formulir, tabel, langkah, bentuk)
            hasil.append(formulir)
            baris = awal = (langkah[-1][1] if langkah else tabel.mulai - 1) + 1
        return hasil

    # The flowchart table.

    def _tabel(self, baris: int) -> _Tabel | None:
        """The flowchart table whose header starts at ``baris``, if it does."""
        kepala = {kolom: kunci(self.teks(baris, kolom)) for kolom in range(1, self.ws.max_column + 1)}
        kegiatan = _cari(kepala, "kegiatan")
        pelaksana = _cari(kepala, "pelaksana")
        if kegiatan is None or pelaksana is None:
            return None
        bawah = {kolom: kunci(self.teks(baris + 1, kolom)) for kolom in range(1, self.ws.max_column + 1)}
        tabel = _Tabel(
            judul=baris,
            mulai=baris + 2,
            kegiatan=kegiatan,
            no=_cari(kepala, "no"),
            pelaksana=[],
            kelengkapan=_cari(bawah, "kelengkapan") or _cari(kepala, "kelengkapan"),
            waktu=_cari(bawah, "waktu") or _cari(kepala, "waktu"),
            output=_cari(bawah, "output") or _cari(kepala, "output"),
            ket=_cari(bawah, "keterangan") or _cari(kepala, "keterangan"),
            kolom=[],
        )
        self._kolom_pelaksana(tabel, baris, pelaksana, _cari(kepala, "mutu"))
        if _NO_KOLOM.match(self.teks(tabel.mulai, kegiatan)):  # a row of column numbers "(1) (2) (3)"
            tabel.mulai += 1
        return tabel

    def _kolom_pelaksana(self, tabel: _Tabel, baris: int, kolom: int, mutu_baku: int | None) -> None:
        """The pelaksana columns: under the PELAKSANA header (its merged range, or up to the next header)."""
        akhir = self.akhir_kolom(baris, kolom)
        if akhir == kolom:
            batas = [c for c in (mutu_baku, tabel.kelengkapan, tabel.waktu, tabel.output, tabel.ket) if c and c > kolom]
            akhir = min(batas, default=self.ws.max_column + 1) - 1
        c = kolom
        while c <= akhir:
            ujung = min(self.akhir_kolom(baris + 1, c), akhir)
            nama = self.teks(baris + 1, c)
            if nama:
                tabel.pelaksana.append((c, ujung))
                tabel.kolom.append(Isian(nama, self.asal(baris + 1, c)))
            c = ujung + 1

    def _baris_langkah(self, tabel: _Tabel) -> list[tuple[int, int]]:
        """The step rows, each as its first and last sheet row (a step's row range runs to the next step):
        the rows with a Kegiatan until the table ends at a row that is not a step after blank rows."""
        langkah: list[tuple[int, int]] = []
        baris = tabel.mulai
        while baris <= self.ws.max_row:
            jenis = self._jenis_baris(tabel, baris)
            berakhir = jenis == "lain" or (jenis == "kosong" and not self._berlanjut(tabel, baris))
            if berakhir or self._tabel(baris) is not None:
                break
            if jenis == "langkah":
                langkah.append((baris, baris))
            elif langkah:  # a row inside the table with no Kegiatan belongs to the step above
                langkah[-1] = (langkah[-1][0], baris)
            baris += 1
        return langkah

    def _jenis_baris(self, tabel: _Tabel, baris: int) -> str:
        """ "langkah" (a step), "kosong" (blank), "sisa" (other cells of the table only) or "lain" (text
        that is not part of a step: the table has ended)."""
        kegiatan = self.teks(baris, tabel.kegiatan)
        no = self.teks(baris, tabel.no) if tabel.no else ""
        if no and not re.match(r"^\d+\W*$", no):
            return "lain"
        if kegiatan:
            return "langkah"
        isi = any(self.teks(baris, c) for c in range(1, tabel.kolom_terakhir() + 1))
        return "sisa" if isi else "kosong"

    def _berlanjut(self, tabel: _Tabel, baris: int) -> bool:
        """Whether the table goes on after the blank row ``baris``: the next non-blank row is a step."""
        while baris <= self.ws.max_row and self._jenis_baris(tabel, baris) == "kosong":
            baris += 1
        if baris > self.ws.max_row or self._jenis_baris(tabel, baris) != "langkah":
            return False
        if tabel.no is not None:
            return bool(self.teks(baris, tabel.no))
        return bool(_NO_DI_AWAL.match(self.teks(baris, tabel.kegiatan)))

    def _isi_langkah(
        self, formulir: FormulirMentah, tabel: _Tabel, langkah: list[tuple[int, int]], bentuk: list[_Bentuk]
    ) -> None:
        """Read each step row, with the symbols and marks in its pelaksana cells and its branches' targets."""
        ada_tanda = False
        for awal, akhir in langkah:
            di_baris = [b for b in bentuk if awal <= b.baris <= akhir]
            baris = self._langkah(tabel, awal, di_baris, formulir.catatan)
            ada_tanda = ada_tanda or bool(baris.pelaksana)
            formulir.baris.append(baris)
        if langkah and not ada_tanda:
            formulir.catatan.append("tidak ada simbol atau tanda di kolom pelaksana")

    def _langkah(self, tabel: _Tabel, baris: int, bentuk: list[_Bentuk], catatan: list[str]) -> BarisMentah:
        """One step row."""
        kegiatan = Isian(self.teks(baris, tabel.kegiatan), self.asal(baris, tabel.kegiatan))
        no = self.isian(baris, tabel.no)
        if tabel.no is None and (cocok := _NO_DI_AWAL.match(kegiatan.teks)):
            no = Isian(cocok.group(1), kegiatan.asal, "nomor dibaca dari awal teks Kegiatan (tidak ada kolom No)")
            kegiatan = Isian(cocok.group(2).strip(), kegiatan.asal)
        nomor = no.teks if no else kegiatan.teks
        pelaksana, simbol = self._pelaksana(tabel, baris, bentuk, nomor, catatan)
        keterangan = self.isian(baris, tabel.ket)
        ya, tidak = _tujuan(bentuk, keterangan, self.asal(baris, tabel.kegiatan))
        if simbol == "keputusan" and ya is None and tidak is None:
            catatan.append(f"keputusan langkah {nomor}: tujuan Ya/Tidak tidak terbaca dari dokumen; periksa")
        return BarisMentah(
            asal=Asal(self.nama, f"lembar '{self.judul}', baris {baris}"),
            kegiatan=kegiatan,
            no=no,
            pelaksana=pelaksana,
            simbol=simbol,
            kelengkapan=self.isian(baris, tabel.kelengkapan),
            waktu=self.isian(baris, tabel.waktu),
            output=self.isian(baris, tabel.output),
            keterangan=keterangan,
            ya=ya,
            tidak=tidak,
        )

    def _pelaksana(
        self, tabel: _Tabel, baris: int, bentuk: list[_Bentuk], nomor: str, catatan: list[str]
    ) -> tuple[tuple[int, ...], str | None]:
        """The pelaksana columns holding the row's symbols or marks, and the symbol's kind."""
        indeks: set[int] = set()
        jenis: set[str] = set()
        for b in bentuk:
            i = tabel.indeks_pelaksana(b.kolom)
            if i is None or b.jenis == "teks":
                continue
            indeks.add(i)
            jenis.add(b.jenis)
        if "gambar" in jenis:
            catatan.append(f"langkah {nomor}: simbol berupa gambar, bentuknya tidak terbaca; periksa")
        for i, (awal, _akhir) in enumerate(tabel.pelaksana):
            if self.teks(baris, awal) in TANDA:
                indeks.add(i)
        simbol = next((s for s in _URUTAN_SIMBOL if s in jenis), None)
        return tuple(sorted(indeks)), simbol


_NO_KOLOM = re.compile(r"^\(?\d{1,2}\)?$")


def _cari(sel: dict[int, str], jenis: str) -> int | None:
    """The first column whose header names a column of this kind (``label.jenis_kolom``)."""
    return next((kolom for kolom, teks in sorted(sel.items()) if teks and jenis_kolom(teks) == jenis), None)


def _tujuan(bentuk: list[_Bentuk], keterangan: Isian | None, asal: Asal) -> tuple[Isian | None, Isian | None]:
    """A decision's Ya and Tidak targets as written beside it (a text box "Tidak → 2") or in its
    Keterangan ("Tidak: kembali ke langkah 2"), each None when nothing says it."""
    tujuan: dict[str, Isian] = {}
    sumber = [(b.teks, asal, "tujuan cabang dibaca dari teks di samping simbol") for b in bentuk if b.jenis == "teks"]
    if keterangan is not None:
        sumber.append((keterangan.teks, keterangan.asal, "tujuan cabang dibaca dari kolom Keterangan"))
    for teks, tempat, dugaan in sumber:
        for cocok in _CABANG.finditer(teks):
            tujuan.setdefault(cocok.group(1).lower(), Isian(cocok.group(2).lower(), tempat, dugaan))
    return tujuan.get("ya"), tujuan.get("tidak")


# --- Above the table: kop, identity, blocks ------------------------------------------------------------------


class _Atas:
    """The rows of a sheet above a form's flowchart table, from the previous form's end."""

    def __init__(self, lembar: _Lembar, awal: int, akhir: int) -> None:
        self.lembar = lembar
        self.sel = {
            (baris, kolom): teks
            for baris in range(awal, akhir + 1)
            for kolom in range(1, lembar.ws.max_column + 1)
            if (teks := lembar.teks(baris, kolom))
        }
        self.dipakai: set[tuple[int, int]] = set()

    def isi(self, formulir: FormulirMentah) -> None:
        """Read the identity part, the blocks and then the kop (what is left at the top) into ``formulir``."""
        akhir_identitas = self._identitas(formulir)
        awal_daftar = self._daftar(formulir)
        formulir.judul = self._judul()
        batas = awal_daftar if awal_daftar is not None else (akhir_identitas + 1 if akhir_identitas else None)
        for (baris, kolom), teks in sorted(self.sel.items()):
            if (baris, kolom) in self.dipakai or (batas is not None and baris >= batas):
                continue
            asal = self.lembar.asal(baris, kolom)
            formulir.kop.extend(Isian(baris_kop, asal) for baris_kop in _baris(teks))

    def _identitas(self, formulir: FormulirMentah) -> int | None:
        """Each identity label and the value to its right; the last identity row."""
        akhir = None
        for (baris, kolom), teks in sorted(self.sel.items()):
            if (baris, kolom) in self.dipakai or not _LABEL_IDENTITAS.match(kunci(teks)) or len(teks) > 60:
                continue
            self.dipakai.add((baris, kolom))
            akhir = baris
            label, _, sisa = teks.partition(":")
            if sisa.strip():
                formulir.identitas[label.strip()] = Isian(sisa.strip(), self.lembar.asal(baris, kolom))
                continue
            formulir.identitas[label.strip()] = self._nilai_kanan(baris, kolom)
        return akhir

    def _judul(self) -> Isian | None:
        """The flowchart's title: the last cell below everything the identity part and blocks used."""
        if not self.dipakai:
            return None
        bawah = max(baris for baris, _ in self.dipakai)
        sisa = [(b, k) for b, k in sorted(self.sel) if b > bawah and (b, k) not in self.dipakai]
        if not sisa:
            return None
        baris, kolom = sisa[-1]
        self.dipakai.add((baris, kolom))
        return Isian(" ".join(_baris(self.sel[(baris, kolom)])), self.lembar.asal(baris, kolom))

    def _nilai_kanan(self, baris: int, kolom: int) -> Isian:
        """The value of the label at (baris, kolom): the next non-empty cell to its right that is not a
        label nor a lone ":"; empty text at the label when there is none."""
        for c in range(self.lembar.akhir_kolom(baris, kolom) + 1, self.lembar.ws.max_column + 1):
            teks = self.sel.get((baris, c), "")
            if not teks or teks == ":":
                continue
            if _LABEL_IDENTITAS.match(kunci(teks)) or _LABEL_DAFTAR.match(kunci(teks)):
                break
            self.dipakai.add((baris, c))
            return Isian(teks.lstrip(": ").strip(), self.lembar.asal(baris, c))
        return Isian("", self.lembar.asal(baris, kolom))

    def _daftar(self, formulir: FormulirMentah) -> int | None:
        """Each block: its label and the items in the cells below it (one per cell or one per line); the
        first block's row."""
        awal = None
        for (baris, kolom), teks in sorted(self.sel.items()):
            label, *sisa = teks.split("\n")
            if (baris, kolom) in self.dipakai or not _LABEL_DAFTAR.match(kunci(label)) or len(label) > 60:
                continue
            self.dipakai.add((baris, kolom))
            awal = baris if awal is None else awal
            butir = _butir(sisa, self.lembar.asal(baris, kolom))
            b = baris + 1
            while (teks_bawah := self.sel.get((b, kolom))) and not self._label(teks_bawah):
                self.dipakai.add((b, kolom))
                butir.extend(_butir(teks_bawah.split("\n"), self.lembar.asal(b, kolom)))
                b += 1
            formulir.daftar[label.strip()] = butir
        return awal

    @staticmethod
    def _label(teks: str) -> bool:
        """Whether a cell's text is an identity or block label."""
        awal = kunci(teks.split("\n")[0])
        return bool(_LABEL_IDENTITAS.match(awal) or _LABEL_DAFTAR.match(awal))


def _baris(teks: str) -> list[str]:
    """A cell's non-empty lines."""
    return [b.strip() for b in teks.split("\n") if b.strip()]


def _butir(baris: list[str], asal: Asal) -> list[Isian]:
    """A block's items from lines of one cell: numbering ("1.", "a)", "-") stripped; when the lines are
    numbered, an unnumbered line continues the item above it."""
    baris = [b.strip() for b in baris if b.strip()]
    bernomor = any(_PENOMORAN.match(b) for b in baris)
    butir: list[str] = []
    for b in baris:
        if bernomor and butir and not _PENOMORAN.match(b):
            butir[-1] += " " + b
        else:
            butir.append(_PENOMORAN.sub("", b, count=1).strip())
    return [Isian(b, asal) for b in butir]
