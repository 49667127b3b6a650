"""Reading SOP AP forms from a Word (.docx) document.

A document holds one form or a book of them, one after another: the kop (as
paragraphs, or in a cell of the identity table merged down beside its rows),
the identity rows "label | value", the blocks (Dasar Hukum, Kualifikasi
Pelaksana, ... each a label cell and its items), then the flowchart table: a
header row "No | Kegiatan | PELAKSANA | MUTU BAKU | KET" with the pelaksana
names and Kelengkapan/Waktu/Output in a second row, and one row per step. The
table may go on in further Word tables after page breaks, its header rows
repeated at the top of each; those are not steps.

A step's pelaksana are the columns holding its symbol: a DrawingML shape
(``wps:wsp``, its ``a:prstGeom`` telling terminator, process or decision), a
VML shape (``v:roundrect``, ``v:rect``, ``v:shape`` of a flowchart type), a
picture (a symbol of unknown shape), or a mark ("√", "v", "X") on a line of
its own in the cell. A decision's branches come from a text box near it
("Tidak → 2"), text in its cell, or its Keterangan ("Tidak: kembali ke
langkah 2"), always as a guess.

Merged cells: python-docx gives the same cell at each grid position it
covers, so cells are told apart by their ``w:tc`` element.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

import docx
from docx.document import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.oxml.table import CT_Tc
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from lxml.etree import XMLSyntaxError  # type: ignore[import-untyped]

from .label import TANDA, jenis_kolom, kunci, periksa_arsip
from .mentah import Asal, BarisMentah, FormulirMentah, Isian, TidakTerbaca

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
_PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_V = "urn:schemas-microsoft-com:vml"
_O = "urn:schemas-microsoft-com:office:office"

# DrawingML preset geometries of the flowchart's symbols; connectors, arrows and lines are no symbol.
_PRST = {
    "flowChartTerminator": "terminator",
    "flowChartAlternateProcess": "terminator",
    "roundRect": "terminator",
    "flowChartProcess": "proses",
    "flowChartPredefinedProcess": "proses",
    "rect": "proses",
    "flowChartDecision": "keputusan",
    "diamond": "keputusan",
}
_BUKAN_SIMBOL = re.compile(r"connector|arrow|line|ellipse|flowChartOffpage|callout|brace|bracket", re.IGNORECASE)
# VML shape types (o:spt) of the flowchart's symbols; the rest below are connectors, text boxes, lines.
_SPT = {"116": "terminator", "176": "terminator", "2": "terminator", "109": "proses", "1": "proses"}
_SPT |= {"110": "keputusan", "4": "keputusan"}
_SPT_BUKAN = {"20", "32", "33", "34", "35", "36", "37", "38", "120", "177", "202", "13", "67", "66", "68"}
_NOMOR_AWAL = re.compile(r"^(\d{1,3})\s*[.)]?\s+(\S.*)$", re.DOTALL)
_NOMOR_BUTIR = re.compile(r"^(?:\d{1,2}|[a-z])[.)]\s+")
_CABANG = re.compile(
    r"(?:^|[;\n]\s*)(ya|tidak)\b\s*[:=,.\-–—>→)]*\s*"
    r"(?:(?:kembali|lanjut|dilanjutkan|menuju)\s+)?(?:ke\s+)?(?:langkah|nomor|no\.?|kegiatan)?\s*(\d+|selesai)\b",
    re.IGNORECASE | re.MULTILINE,
)
_LABEL_IDENTITAS = ("nomor", "no sop", "tanggal", "tgl", "disahkan", "ditetapkan", "nama sop", "judul sop")
_LABEL_BLOK = ("dasar hukum", "kualifikasi", "keterkaitan", "peralatan", "perlengkapan", "peringatan", "pencatatan")


def baca_docx(path: Path, nama: str) -> list[FormulirMentah]:
    """Every SOP AP form in the Word document at ``path``, in order; ``nama`` names the file in messages."""
    dokumen = _buka(path, nama)
    pembaca = _Pembaca(nama)
    for unsur in dokumen.iter_inner_content():
        if isinstance(unsur, Paragraph):
            pembaca.paragraf(unsur)
        else:
            pembaca.tabel(unsur)
    if not pembaca.formulir:
        raise TidakTerbaca(
            f"{nama}: tidak memuat tabel bagan alir SOP AP; tidak ada tabel dengan kolom Kegiatan dan Pelaksana. "
            "Pastikan bagan alir berupa tabel Word (bukan gambar atau hasil pindai)."
        )
    for formulir in pembaca.formulir:
        _catat_kekurangan(formulir)
    return pembaca.formulir


def _buka(path: Path, nama: str) -> Document:
    """Open the document, or say in Indonesian why it cannot be read and what to do."""
    rusak = f"{nama}: bukan dokumen Word .docx yang utuh (berkas rusak atau format lain); buka di Word lalu simpan "
    rusak += "ulang sebagai .docx."
    lama = (
        f"{nama}: dilindungi kata sandi atau format .doc lama: buka di Word lalu simpan sebagai .docx tanpa kata sandi."
    )
    periksa_arsip(path, nama, lama, rusak)
    try:
        return docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile, XMLSyntaxError) as galat:
        raise TidakTerbaca(rusak) from galat


def _baris_sel(sel: _Cell) -> list[str]:
    """A cell's non-empty lines (paragraphs, and lines broken inside them), stripped."""
    return [baris.strip() for p in sel.paragraphs for baris in p.text.split("\n") if baris.strip()]


def _teks_sel(sel: _Cell) -> str:
    """A cell's text, its lines joined by newlines."""
    return "\n".join(_baris_sel(sel))


def _kisi(tabel: Table) -> list[list[_Cell | None]]:
    """The table as a grid: one cell (or None where a row leaves the grid empty) per grid column."""
    kisi: list[list[_Cell | None]] = []
    for baris in tabel.rows:
        sel: list[_Cell | None] = [None] * baris.grid_cols_before
        sel += list(baris.cells)
        kisi.append(sel)
    lebar = max((len(baris) for baris in kisi), default=0)
    return [baris + [None] * (lebar - len(baris)) for baris in kisi]


def _unik(baris: list[_Cell | None]) -> list[tuple[int, _Cell]]:
    """A row's distinct cells with the grid column each starts at."""
    hasil: list[tuple[int, _Cell]] = []
    for kolom, sel in enumerate(baris):
        if sel is not None and not any(sel._tc is lain._tc for _, lain in hasil):
            hasil.append((kolom, sel))
    return hasil


def _tempat(tabel: int, baris: int, kolom: int | None = None) -> str:
    """A place in the document as a reviewer counts it, 1-based."""
    tempat = f"tabel {tabel}, baris {baris + 1}"
    return tempat if kolom is None else f"{tempat}, kolom {kolom + 1}"


@dataclass
class _Kepala:
    """The flowchart table's header: each grid column's part, the pelaksana columns and the header rows."""

    peran: dict[int, str]  # grid column -> "no", "kegiatan", "pelaksana", "kelengkapan", ...
    pelaksana: dict[int, int]  # grid column -> index into the pelaksana columns
    kolom: list[tuple[str, int, int]]  # the pelaksana headers: (text, row, grid column)
    pola: list[tuple[str, ...]]  # the header rows' texts, to know them again where they repeat
    baris_kepala: int  # how many rows at the table's top are header rows


def _pola_baris(baris: list[_Cell | None]) -> tuple[str, ...]:
    """A row's texts per grid column, normalised: what a repeated header row has again."""
    return tuple(kunci(_teks_sel(sel)) if sel is not None else "" for sel in baris)


def _baris_nomor_kolom(baris: list[_Cell | None]) -> bool:
    """A row numbering the columns "(1) (2) (3) ...", printed under the header by some forms."""
    teks = [t for _, sel in _unik(baris) if (t := _teks_sel(sel))]
    return len(teks) >= 3 and all(re.fullmatch(r"\(?\d{1,2}\)?", t) for t in teks)


def _cari_kepala(kisi: list[list[_Cell | None]]) -> _Kepala | None:
    """The flowchart header in the table's first rows: a row naming Kegiatan and PELAKSANA or Mutu Baku."""
    for atas in range(min(3, len(kisi))):
        label = {kolom: jenis_kolom(_teks_sel(sel)) for kolom, sel in enumerate(kisi[atas]) if sel is not None}
        ada = set(label.values())
        if "kegiatan" in ada and ada & {"pelaksana", "mutu", "kelengkapan", "waktu", "output"}:
            return _susun_kepala(kisi, atas, label)
    return None


def _baris_kedua(atas: list[_Cell | None], bawah: list[_Cell | None]) -> bool:
    """Whether the row below the header's first goes on with it: cells merged down into it, or a merged
    group label (PELAKSANA, MUTU BAKU) over it, or Mutu Baku's parts named in it."""
    sama = [a is not None and b is not None and a._tc is b._tc for a, b in zip(atas, bawah, strict=True)]
    if all(sama) or not any(a is not None for a in atas):
        return False
    grup = any(a is not None and b is not None and a._tc is b._tc for a, b in pairwise(atas))
    bagian = any(b is not None and jenis_kolom(_teks_sel(b)) in ("kelengkapan", "waktu", "output") for b in bawah)
    return any(sama) or grup or bagian


def _susun_kepala(kisi: list[list[_Cell | None]], atas: int, label: dict[int, str | None]) -> _Kepala:
    """Read the header from its first row ``atas`` and the row below it (pelaksana names, Mutu Baku parts).

    The pelaksana columns are those under "PELAKSANA", named in the row below; on a form printing no
    such label, the unlabelled columns between Kegiatan and Mutu Baku, named in the first row.
    """
    kosong: list[_Cell | None] = [None] * len(kisi[atas])
    bawah = kisi[atas + 1] if atas + 1 < len(kisi) else kosong
    dua_baris = _baris_kedua(kisi[atas], bawah)
    kiri = max(kolom for kolom, nama in label.items() if nama in ("no", "kegiatan"))
    kanan = min((k for k, nama in label.items() if nama not in (None, "no", "kegiatan", "pelaksana")), default=999)
    peran: dict[int, str] = {}
    pelaksana: dict[int, int] = {}
    kolom_pelaksana: list[tuple[str, int, int]] = []
    sebelumnya: CT_Tc | None = None
    for kolom, nama_peran in label.items():
        sel_atas = kisi[atas][kolom]
        sel_bawah = bawah[kolom] if dua_baris else None
        if sel_atas is None or (sel_bawah is not None and sel_bawah._tc is sel_atas._tc):
            sel_bawah = None
        baris_nama, sel_nama = (atas + 1, sel_bawah) if nama_peran == "pelaksana" else (atas, sel_atas)
        if nama_peran == "mutu":
            nama_peran = jenis_kolom(_teks_sel(sel_bawah)) if sel_bawah is not None else None
        elif nama_peran is None and kiri < kolom < kanan:
            nama_peran = "pelaksana"
        if nama_peran is None:
            continue
        peran[kolom] = nama_peran
        if nama_peran == "pelaksana":
            penanda = sel_nama._tc if sel_nama is not None else None
            if penanda is None or penanda is not sebelumnya:
                teks = _teks_sel(sel_nama) if sel_nama is not None else ""
                kolom_pelaksana.append((teks, baris_nama, kolom))
                sebelumnya = penanda
            pelaksana[kolom] = len(kolom_pelaksana) - 1
    jumlah = atas + (2 if dua_baris else 1)
    pola = [_pola_baris(kisi[i]) for i in range(atas, jumlah)]
    if jumlah < len(kisi) and _baris_nomor_kolom(kisi[jumlah]):
        pola.append(_pola_baris(kisi[jumlah]))
        jumlah += 1
    return _Kepala(peran, pelaksana, kolom_pelaksana, pola, jumlah)


@dataclass
class _Gambar:
    """A drawing in a cell: its symbol ("terminator", "proses", "keputusan", "tak-dikenal", "gambar"), or a
    text box's text (``teks``) when it labels a branch; ``di_luar`` when floating beyond its cell."""

    simbol: str | None
    teks: str = ""
    di_luar: bool = False


def _di_fallback(unsur: Any) -> bool:
    """Whether an element sits in an ``mc:Fallback`` (the old copy of a drawing already read)."""
    induk = unsur.getparent()
    while induk is not None:
        if induk.tag == f"{{{_MC}}}Fallback":
            return True
        induk = induk.getparent()
    return False


def _teks_unsur(unsur: Any) -> str:
    """The text inside an element (a text box's paragraphs), lines joined by newlines."""
    baris = []
    for p in unsur.iter(f"{{{_W}}}p"):
        baris.append("".join(str(t.text or "") for t in p.iter(f"{{{_W}}}t")).strip())
    return "\n".join(b for b in baris if b)


def _lebar_sel(sel: _Cell) -> int | None:
    """The cell's width in EMU when the document gives it in twentieths of a point."""
    tcw = sel._tc.tcPr.tcW if sel._tc.tcPr is not None else None
    if tcw is None or tcw.get(qn("w:type")) != "dxa" or not str(tcw.get(qn("w:w")) or "").isdigit():
        return None
    return int(str(tcw.get(qn("w:w")))) * 635


def _keluar_sel(wsp: Any, lebar: int | None) -> bool:
    """Whether a floating shape's horizontal offset from its column puts it outside the cell."""
    if lebar is None:
        return False
    induk = wsp.getparent()
    while induk is not None and induk.tag != f"{{{_WP}}}anchor":
        induk = induk.getparent()
    if induk is None:
        return False
    posisi = induk.find(f"{{{_WP}}}positionH")
    offset = posisi.find(f"{{{_WP}}}posOffset") if posisi is not None else None
    if posisi is None or posisi.get("relativeFrom") != "column" or offset is None or not offset.text:
        return False
    geser = int(offset.text)
    return geser < 0 or geser >= lebar


def _gambar_sel(sel: _Cell) -> list[_Gambar]:
    """The drawings anchored in a cell: DrawingML shapes, pictures, and VML shapes not already read."""
    tc = sel._tc
    lebar = _lebar_sel(sel)
    hasil: list[_Gambar] = []
    for wsp in tc.iter(f"{{{_WPS}}}wsp"):
        if not _di_fallback(wsp):
            hasil.append(_gambar_wsp(wsp, lebar))
    hasil += [_Gambar("gambar") for pic in tc.iter(f"{{{_PIC}}}pic") if not _di_fallback(pic)]
    for pict in tc.iter(f"{{{_W}}}pict", f"{{{_W}}}object"):
        if not _di_fallback(pict):
            hasil += [_gambar_vml(bentuk) for bentuk in pict.iter(f"{{{_V}}}*")]
    return [g for g in hasil if g.simbol or g.teks]


def _gambar_wsp(wsp: Any, lebar: int | None) -> _Gambar:
    """A DrawingML shape: a branch's text box, a symbol by its preset geometry, or no symbol."""
    teks = _teks_unsur(wsp)
    if _CABANG.search(teks) or kunci(teks) in ("ya", "tidak"):
        return _Gambar(None, teks)
    penanda = wsp.find(f"{{{_WPS}}}cNvSpPr")
    if penanda is not None and penanda.get("txBox") in ("1", "true"):
        return _Gambar(None)  # a text box of its own, not a symbol
    geometri = wsp.find(f"{{{_WPS}}}spPr/{{{_A}}}prstGeom")
    prst = str(geometri.get("prst", "")) if geometri is not None else ""
    if prst in _PRST:
        return _Gambar(_PRST[prst], di_luar=_keluar_sel(wsp, lebar))
    if prst and _BUKAN_SIMBOL.search(prst):
        return _Gambar(None)
    return _Gambar("tak-dikenal", di_luar=_keluar_sel(wsp, lebar))


def _gambar_vml(bentuk: Any) -> _Gambar:
    """A VML element: a symbol by its element or shape type, a branch's text box, or no symbol."""
    nama = str(bentuk.tag).rsplit("}", 1)[-1]
    if nama in ("roundrect", "rect", "shape"):
        teks = _teks_unsur(bentuk)
        if _CABANG.search(teks) or kunci(teks) in ("ya", "tidak"):
            return _Gambar(None, teks)
    if nama == "roundrect":
        return _Gambar("terminator")
    if nama == "rect":
        return _Gambar("proses")
    if nama == "imagedata":
        return _Gambar("gambar")
    if nama != "shape":
        return _Gambar(None)
    spt = str(bentuk.get(f"{{{_O}}}spt") or str(bentuk.get("type") or "").removeprefix("#_x0000_t"))
    if spt in _SPT:
        return _Gambar(_SPT[spt])
    if spt in _SPT_BUKAN or any(True for _ in bentuk.iter(f"{{{_V}}}imagedata")):
        return _Gambar(None)  # a picture frame's image is read as its own element
    return _Gambar("tak-dikenal")


@dataclass
class _Bagian:
    """What was read of a form before its flowchart table: kop, identity, blocks, where it starts."""

    kop: list[Isian] = field(default_factory=list)
    identitas: dict[str, Isian] = field(default_factory=dict)
    daftar: dict[str, list[Isian]] = field(default_factory=dict)
    tabel_awal: int | None = None

    def kosong(self) -> bool:
        """Whether nothing of a form's identity part was read."""
        return not self.identitas and not self.daftar


class _Pembaca:
    """Walks the document's paragraphs and tables in order, gathering forms."""

    def __init__(self, nama: str) -> None:
        self.nama = nama
        self.formulir: list[FormulirMentah] = []
        self.bagian = _Bagian()
        self.paragraf_tertunda: list[Isian] = []
        self.nomor_paragraf = 0
        self.nomor_tabel = 0
        self.kepala: _Kepala | None = None  # the current flowchart's header, for a table going on without one
        self.lebar_bagan = 0

    def asal(self, tempat: str) -> Asal:
        """Where in this file."""
        return Asal(self.nama, tempat)

    def paragraf(self, paragraf: Paragraph) -> None:
        """A body paragraph: kept as a possible kop line until the next table says what it is."""
        self.nomor_paragraf += 1
        for baris in paragraf.text.split("\n"):
            if baris.strip():
                self.paragraf_tertunda.append(Isian(baris.strip(), self.asal(f"paragraf {self.nomor_paragraf}")))

    def tabel(self, tabel: Table) -> None:
        """A body table: a flowchart, the identity part or blocks, a flowchart going on, or other."""
        self.nomor_tabel += 1
        kisi = _kisi(tabel)
        if not kisi:
            return
        kepala = _cari_kepala(kisi)
        if kepala is not None:
            self.bagan(kisi, kepala)
        elif self._bagian_identitas(kisi):
            if self.bagian.tabel_awal is None:
                self.bagian.tabel_awal = self.nomor_tabel
                self.bagian.kop += self.paragraf_tertunda
            self.identitas_dan_blok(kisi)
        elif self.kepala is not None and self.bagian.kosong() and len(kisi[0]) == self.lebar_bagan:
            self.baris_bagan(kisi, self.kepala, 0)
        elif self.bagian.kosong():
            self.paragraf_tertunda += [
                Isian(baris, self.asal(_tempat(self.nomor_tabel, r, c)))
                for r, isi in enumerate(kisi)
                for c, sel in _unik(isi)
                for baris in _baris_sel(sel)
            ]
            return
        self.paragraf_tertunda = []

    def _bagian_identitas(self, kisi: list[list[_Cell | None]]) -> bool:
        """Whether a table holds identity rows or blocks (a cell starting with one of their labels)."""
        return any(
            _awal_label(_baris_sel(sel), _LABEL_IDENTITAS + _LABEL_BLOK) for isi in kisi for _, sel in _unik(isi)
        )

    def identitas_dan_blok(self, kisi: list[list[_Cell | None]]) -> None:
        """Read the kop cells, identity rows and blocks of a table of the identity part."""
        baris_sel: dict[int, list[int]] = {}  # id of a w:tc -> the rows it covers
        for r, isi in enumerate(kisi):
            for _, sel in _unik(isi):
                baris_sel.setdefault(id(sel._tc), []).append(r)
        mulai = next(
            (
                r
                for r, isi in enumerate(kisi)
                if any(_awal_label(_baris_sel(s), _LABEL_IDENTITAS) for _, s in _unik(isi))
            ),
            len(kisi),
        )
        blok: dict[int, str] = {}  # grid column -> the block its cells add to
        terbaca: set[int] = set()
        dipakai: set[int] = set()  # the w:tc of identity cells read, a value merged over rows read once
        for r, isi in enumerate(kisi):
            for c, sel in _unik(isi):
                if id(sel._tc) in terbaca:
                    continue
                terbaca.add(id(sel._tc))
                baris = _baris_sel(sel)
                asal = self.asal(_tempat(self.nomor_tabel, r, c))
                if _awal_label(baris, _LABEL_BLOK) or blok:
                    self._blok(baris, asal, c, blok)
                elif r < mulai or _sel_kop(isi, sel, baris_sel):
                    self.bagian.kop += [Isian(b, asal) for b in baris]
            if not blok and r >= mulai:
                self._identitas(kisi, r, baris_sel, dipakai)

    def _blok(self, baris: list[str], asal: Asal, kolom: int, blok: dict[int, str]) -> None:
        """A cell of the blocks: a label and maybe items, or more items of the block above it."""
        if _awal_label(baris, _LABEL_BLOK):
            blok[kolom] = baris[0]
            self.bagian.daftar.setdefault(baris[0], [])
            baris = baris[1:]
        label = blok.get(kolom)
        if label is not None:
            self.bagian.daftar[label] += [Isian(_NOMOR_BUTIR.sub("", b), asal) for b in baris]

    def _identitas(
        self, kisi: list[list[_Cell | None]], r: int, baris_sel: dict[int, list[int]], dipakai: set[int]
    ) -> None:
        """An identity row: its label cell and value cells, leaving out the kop cell merged beside them."""
        sel = [
            (c, s)
            for c, s in _unik(kisi[r])
            if not _sel_kop(kisi[r], s, baris_sel) and id(s._tc) not in dipakai and _teks_sel(s) not in (":", "")
        ]
        dipakai.update(id(s._tc) for _, s in sel)
        if not sel:
            return
        (c_label, s_label), nilai = sel[0], sel[1:]
        label = _teks_sel(s_label).replace("\n", " ")
        if not nilai and ":" in label:
            label, _, isi = label.partition(":")
            teks, c_nilai = isi.strip(), c_label
        else:
            teks = "\n".join(_teks_sel(s) for _, s in nilai).lstrip(": ").strip()
            c_nilai = nilai[0][0] if nilai else c_label
        label = label.strip().rstrip(":").strip()
        self.bagian.identitas[label] = Isian(teks, self.asal(_tempat(self.nomor_tabel, r, c_nilai)))

    def bagan(self, kisi: list[list[_Cell | None]], kepala: _Kepala) -> None:
        """A flowchart table: a new form's, or the current one's going on after a page break."""
        kolom = [Isian(teks, self.asal(_tempat(self.nomor_tabel, r, c))) for teks, r, c in kepala.kolom]
        sekarang = self.formulir[-1] if self.formulir else None
        lanjutan = (
            sekarang is not None
            and self.bagian.kosong()
            and [k.teks for k in sekarang.kolom] == [k.teks for k in kolom]
        )
        if not lanjutan:
            awal = self.bagian.tabel_awal or self.nomor_tabel
            kop = self.bagian.kop if self.bagian.tabel_awal is not None else self.paragraf_tertunda
            self.formulir.append(
                FormulirMentah(
                    asal=self.asal(f"tabel {awal}"),
                    kop=kop,
                    identitas=self.bagian.identitas,
                    daftar=self.bagian.daftar,
                    kolom=kolom,
                    judul=self._judul(),
                )
            )
            self.bagian = _Bagian()
        self.kepala = kepala
        self.lebar_bagan = len(kisi[0])
        self.baris_bagan(kisi, kepala, kepala.baris_kepala)

    def _judul(self) -> Isian | None:
        """The flowchart's title: the last line between the identity part and the flowchart table."""
        if self.bagian.tabel_awal is None or not self.paragraf_tertunda:
            return None
        terakhir = self.paragraf_tertunda[-1]
        return None if _awal_label([terakhir.teks], _LABEL_IDENTITAS + _LABEL_BLOK) else terakhir

    def baris_bagan(self, kisi: list[list[_Cell | None]], kepala: _Kepala, mulai: int) -> None:
        """The steps of a flowchart table from row ``mulai``, leaving out header rows repeated among them."""
        formulir = self.formulir[-1]
        for r in range(mulai, len(kisi)):
            if _pola_baris(kisi[r]) in kepala.pola or _baris_nomor_kolom(kisi[r]):
                continue
            langkah = self._langkah(kisi[r], r, kepala, formulir)
            if langkah is not None:
                formulir.baris.append(langkah)

    def _langkah(
        self, isi: list[_Cell | None], r: int, kepala: _Kepala, formulir: FormulirMentah
    ) -> BarisMentah | None:
        """One step's row, or None for an empty one."""
        nilai: dict[str, Isian] = {}
        for c, sel in _unik(isi):
            peran = kepala.peran.get(c)
            teks = _teks_sel(sel)
            if peran is not None and peran != "pelaksana" and peran not in nilai and teks:
                nilai[peran] = Isian(teks, self.asal(_tempat(self.nomor_tabel, r, c)))
        pelaksana, simbol, cabang = self._simbol(isi, r, kepala, formulir)
        kegiatan = nilai.get("kegiatan")
        if kegiatan is None and not pelaksana and not nilai:
            return None
        if kegiatan is None:
            kegiatan = Isian("", self.asal(_tempat(self.nomor_tabel, r)))
        no = nilai.get("no")
        if "no" not in kepala.peran.values() and (cocok := _NOMOR_AWAL.match(kegiatan.teks)):
            dugaan = "nomor dibaca dari awal teks kegiatan"
            no = Isian(cocok.group(1), kegiatan.asal, dugaan)
            kegiatan = Isian(cocok.group(2).strip(), kegiatan.asal, dugaan)
        keterangan = nilai.get("keterangan")
        if keterangan is not None:
            cabang += [
                (label, tujuan, keterangan.asal, "dibaca dari kolom Keterangan")
                for label, tujuan in _cabang(keterangan.teks)
            ]
        ya = next((Isian(t, a, d) for label, t, a, d in cabang if label == "ya"), None)
        tidak = next((Isian(t, a, d) for label, t, a, d in cabang if label == "tidak"), None)
        return BarisMentah(
            asal=self.asal(_tempat(self.nomor_tabel, r)),
            kegiatan=kegiatan,
            no=no,
            pelaksana=pelaksana,
            simbol=simbol,
            kelengkapan=nilai.get("kelengkapan"),
            waktu=nilai.get("waktu"),
            output=nilai.get("output"),
            keterangan=keterangan,
            ya=ya,
            tidak=tidak,
        )

    def _simbol(
        self, isi: list[_Cell | None], r: int, kepala: _Kepala, formulir: FormulirMentah
    ) -> tuple[tuple[int, ...], str | None, list[tuple[str, str, Asal, str]]]:
        """The pelaksana holding the row's symbol or mark, the symbol's shape, and branch texts near it."""
        pelaksana: list[int] = []
        bentuk: list[str] = []
        cabang: list[tuple[str, str, Asal, str]] = []
        for c, sel in _unik(isi):
            indeks = kepala.pelaksana.get(c)
            asal = self.asal(_tempat(self.nomor_tabel, r, c))
            gambar = _gambar_sel(sel)
            if indeks is None:
                if any(g.simbol for g in gambar):
                    formulir.catatan.append(
                        f"{asal.tempat}: simbol ditambatkan di luar kolom pelaksana; "
                        "pelaksananya tidak terbaca; periksa"
                    )
                continue
            cabang += [
                (label, tujuan, asal, "dibaca dari teks di kolom pelaksana")
                for label, tujuan in _cabang(_teks_sel(sel))
            ]
            for g in gambar:
                cabang += [
                    (label, tujuan, asal, "dibaca dari kotak teks di dekat simbol") for label, tujuan in _cabang(g.teks)
                ]
                if g.di_luar:
                    formulir.catatan.append(
                        f"{asal.tempat}: simbol melayang di luar selnya; pelaksananya diduga dari sel tempatnya "
                        "ditambatkan; periksa"
                    )
            simbol = [g.simbol for g in gambar if g.simbol]
            if simbol or any(baris in TANDA for baris in _baris_sel(sel)):
                pelaksana.append(indeks)
                bentuk += simbol
        return tuple(dict.fromkeys(pelaksana)), self._bentuk(bentuk, r, formulir), cabang

    def _bentuk(self, bentuk: list[str], r: int, formulir: FormulirMentah) -> str | None:
        """The row's symbol from the shapes found in it; a note when they disagree or are not recognised."""
        dikenal = [b for b in bentuk if b in ("terminator", "proses", "keputusan")]
        tempat = _tempat(self.nomor_tabel, r)
        if len(set(dikenal)) > 1:
            formulir.catatan.append(f"{tempat}: simbol berbeda di kolom pelaksana ({', '.join(dikenal)}); periksa")
        if not dikenal and bentuk:
            formulir.catatan.append(
                f"{tempat}: simbol berupa gambar atau bentuk yang tidak dikenali; jenisnya tidak dapat diduga; periksa"
            )
        for jenis in ("keputusan", "terminator", "proses"):
            if jenis in dikenal:
                return jenis
        return None


def _sel_kop(isi: list[_Cell | None], sel: _Cell, baris_sel: dict[int, list[int]]) -> bool:
    """Whether a cell of the identity rows is the kop's: merged down over several rows, first in its row,
    and not a label."""
    pertama = _unik(isi)[0][1]
    return (
        len(baris_sel[id(sel._tc)]) > 1
        and pertama._tc is sel._tc
        and not _awal_label(_baris_sel(sel), _LABEL_IDENTITAS)
    )


def _awal_label(baris: list[str], label: tuple[str, ...]) -> bool:
    """Whether a cell's first line starts with one of the labels."""
    return bool(baris) and kunci(baris[0]).startswith(label)


def _cabang(teks: str) -> list[tuple[str, str]]:
    """The branches written in a text: ("tidak", "2") for "Tidak → 2" or "Tidak: kembali ke langkah 2"."""
    return [(label.lower(), tujuan.lower()) for label, tujuan in _CABANG.findall(teks)]


def _catat_kekurangan(formulir: FormulirMentah) -> None:
    """Notes on what the form leaves unread: no symbol anywhere, a decision's branches."""
    if formulir.baris and not any(baris.pelaksana for baris in formulir.baris):
        formulir.catatan.append("tidak ada simbol atau tanda di kolom pelaksana")
    for nomor, baris in enumerate(formulir.baris, start=1):
        if baris.simbol == "keputusan" and baris.ya is None and baris.tidak is None:
            langkah = baris.no.teks if baris.no is not None else str(nomor)
            formulir.catatan.append(f"keputusan langkah {langkah}: tujuan Ya/Tidak tidak terbaca dari dokumen; periksa")
