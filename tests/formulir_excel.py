"""Excel fixtures: a ``Formulir`` laid out on a worksheet as agencies do, symbols drawn as shapes.

The layout follows the printed SOP AP form: the kop's lines top-left, the
identity rows to their right (label, value), the blocks in a two-column grid,
the flowchart's title, then its table ("No. | Kegiatan | PELAKSANA | MUTU
BAKU | KET" over the pelaksana names and Kelengkapan/Waktu/Output), one row
per step. openpyxl cannot write shapes, so ``tulis_xlsx`` adds them after
saving, editing the zip: a drawing part per sheet, its relationship from the
sheet, the sheet's ``<drawing>`` element and the content type.

``gaya``: "simbol" draws a shape in each pelaksana cell of a step (first and
last step terminators, decisions diamonds, the others processes), with a
text box at a decision's written branch ("Tidak → 1") and connectors between
the steps; "tanda" puts "√" in those cells instead; "tanpa-no" draws shapes
but has no No column, the number starting the Kegiatan text ("1. Mengajukan
…"); "kosong" neither draws nor marks.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from openpyxl import Workbook
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from .formulir_uji import Formulir, Langkah

GAYA = ("simbol", "tanda", "tanpa-no", "kosong")
_NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"
_NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_REL_DRAWING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing"
_CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml"
_TINGGI_LANGKAH = 36  # points: room for a shape in a step row
_LEBAR_PELAKSANA = 16  # characters


@dataclass
class _Gambar:
    """The drawing of one sheet, built while its forms are laid out: anchors as XML."""

    jangkar: list[str] = field(default_factory=list)

    def bentuk(self, kolom: int, baris: int, prst: str, teks: str = "", kotak_teks: bool = False) -> None:
        """A shape inside the cell at 1-based (baris, kolom)."""
        nomor = len(self.jangkar) + 2
        cnv = '<xdr:cNvSpPr txBox="1"/>' if kotak_teks else "<xdr:cNvSpPr/>"
        isi = f"<a:p><a:r><a:t>{escape(teks)}</a:t></a:r></a:p>" if teks else "<a:p/>"
        self.jangkar.append(
            _jangkar(kolom, baris, 150000, 60000, kolom, baris, 750000, 400000)
            + f'<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="{nomor}" name="Bentuk {nomor}"/>{cnv}'
            + f'</xdr:nvSpPr><xdr:spPr><a:prstGeom prst="{prst}"><a:avLst/></a:prstGeom></xdr:spPr>'
            + f"<xdr:txBody><a:bodyPr/><a:lstStyle/>{isi}</xdr:txBody></xdr:sp><xdr:clientData/></xdr:twoCellAnchor>"
        )

    def penghubung(self, kolom: int, baris: int, ke_kolom: int, ke_baris: int) -> None:
        """A connector from the bottom of one cell's shape to the top of another's."""
        nomor = len(self.jangkar) + 2
        self.jangkar.append(
            _jangkar(kolom, baris, 450000, 400000, ke_kolom, ke_baris, 450000, 60000)
            + f'<xdr:cxnSp macro=""><xdr:nvCxnSpPr><xdr:cNvPr id="{nomor}" name="Penghubung {nomor}"/>'
            + "<xdr:cNvCxnSpPr/></xdr:nvCxnSpPr>"
            + '<xdr:spPr><a:prstGeom prst="straightConnector1"><a:avLst/></a:prstGeom></xdr:spPr></xdr:cxnSp>'
            + "<xdr:clientData/></xdr:twoCellAnchor>"
        )

    def xml(self) -> str:
        """The drawing part."""
        return (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            + f'<xdr:wsDr xmlns:xdr="{_NS_XDR}" xmlns:a="{_NS_A}">'
            + "".join(self.jangkar)
            + "</xdr:wsDr>"
        )


def _jangkar(kolom: int, baris: int, dx: int, dy: int, ke_kolom: int, ke_baris: int, ke_dx: int, ke_dy: int) -> str:
    """The opening of a two-cell anchor between 1-based cells, with offsets in EMU."""

    def titik(tag: str, k: int, b: int, x: int, y: int) -> str:
        return (
            f"<xdr:{tag}><xdr:col>{k - 1}</xdr:col><xdr:colOff>{x}</xdr:colOff>"
            + f"<xdr:row>{b - 1}</xdr:row><xdr:rowOff>{y}</xdr:rowOff></xdr:{tag}>"
        )

    return (
        '<xdr:twoCellAnchor editAs="oneCell">'
        + titik("from", kolom, baris, dx, dy)
        + titik("to", ke_kolom, ke_baris, ke_dx, ke_dy)
    )


def tulis_xlsx(path: Path, forms: list[Formulir], gaya: str = "simbol", per_lembar: bool = False) -> None:
    """Write ``forms`` to a workbook at ``path``: one below another on one sheet, or one per sheet."""
    if gaya not in GAYA:
        raise ValueError(f"gaya {gaya!r}: one of {GAYA}")
    wb = Workbook()
    lembar: list[tuple[Worksheet, _Gambar]] = [(wb.active, _Gambar())]
    wb.active.title = "SOP 1"
    baris = 1
    for nomor, formulir in enumerate(forms, start=1):
        if per_lembar and nomor > 1:
            lembar.append((wb.create_sheet(f"SOP {nomor}"), _Gambar()))
            baris = 1
        ws, gambar = lembar[-1]
        baris = _tulis_formulir(ws, gambar, formulir, gaya, baris) + 3
    wb.save(path)
    _tambah_gambar(path, [g for _ws, g in lembar])


@dataclass(frozen=True)
class _Kolom:
    """The sheet columns (1-based) of a form's table."""

    no: int | None
    kegiatan: int
    pelaksana: int  # the first pelaksana column
    jumlah: int  # how many pelaksana columns

    @property
    def kelengkapan(self) -> int:
        return self.pelaksana + self.jumlah

    @property
    def terakhir(self) -> int:
        """The KET column, the last."""
        return self.kelengkapan + 3


def _tulis_formulir(ws: Worksheet, gambar: _Gambar, formulir: Formulir, gaya: str, baris: int) -> int:
    """Lay one form out from row ``baris``; the last row it uses."""
    tanpa_no = gaya == "tanpa-no"
    kolom = _Kolom(None if tanpa_no else 1, 1 if tanpa_no else 2, 2 if tanpa_no else 3, len(formulir.kolom))
    baris = _tulis_kepala(ws, formulir, kolom, baris)
    baris = _tulis_daftar(ws, formulir, kolom, baris + 1)
    if formulir.judul:
        _sel(ws, baris + 2, 1, formulir.judul, kolom.terakhir)
        baris += 2
    baris = _tulis_judul_tabel(ws, formulir, kolom, baris + 1)
    for urutan, langkah in enumerate(formulir.langkah):
        baris += 1
        _tulis_langkah(ws, gambar, formulir, langkah, urutan, kolom, baris, gaya)
    return baris


def _sel(ws: Worksheet, baris: int, kolom: int, nilai: str | int, sampai: int | None = None, turun: int = 0) -> None:
    """Write a cell, merged to column ``sampai`` and ``turun`` rows down when given."""
    ws.cell(row=baris, column=kolom, value=nilai).alignment = Alignment(wrap_text=True, vertical="top")
    if (sampai is not None and sampai > kolom) or turun:
        ws.merge_cells(start_row=baris, start_column=kolom, end_row=baris + turun, end_column=sampai or kolom)


def _tulis_kepala(ws: Worksheet, formulir: Formulir, kolom: _Kolom, baris: int) -> int:
    """The kop's lines top-left (each merged over two columns) beside the identity rows; the last row."""
    for i, teks in enumerate(formulir.kop):
        _sel(ws, baris + i, 1, teks, 2)
    for i, (label, nilai) in enumerate(formulir.identitas):
        _sel(ws, baris + i, 3, label, 4)
        _sel(ws, baris + i, 5, nilai, max(kolom.terakhir, 6))
    return baris + max(len(formulir.kop), len(formulir.identitas)) - 1


def _tulis_daftar(ws: Worksheet, formulir: Formulir, kolom: _Kolom, baris: int) -> int:
    """The blocks, two by two: the left one's items one per row, the right one's in one cell, line by line;
    numbered when there are several. The last row used."""
    blok = list(formulir.daftar)
    for i in range(0, len(blok), 2):
        baris += 1
        (kiri, butir_kiri), *kanan = blok[i : i + 2]
        _sel(ws, baris, 1, kiri, 2)
        for j, butir in enumerate(butir_kiri, start=1):
            _sel(ws, baris + j, 1, _nomori(butir, j, len(butir_kiri)), 2)
        tinggi = len(butir_kiri)
        if kanan:
            label, butir_kanan = kanan[0]
            _sel(ws, baris, 3, label, kolom.terakhir)
            if butir_kanan:
                teks = "\n".join(_nomori(b, j, len(butir_kanan)) for j, b in enumerate(butir_kanan, start=1))
                _sel(ws, baris + 1, 3, teks, kolom.terakhir)
                tinggi = max(tinggi, 1)
        baris += tinggi
    return baris


def _nomori(butir: str, nomor: int, jumlah: int) -> str:
    """An item as printed: "1. …" in a list of several."""
    return f"{nomor}. {butir}" if jumlah > 1 else butir


def _tulis_judul_tabel(ws: Worksheet, formulir: Formulir, kolom: _Kolom, baris: int) -> int:
    """The table's two header rows; the second's row."""
    if kolom.no is not None:
        _sel(ws, baris, kolom.no, "No.", turun=1)
    _sel(ws, baris, kolom.kegiatan, "Kegiatan", turun=1)
    _sel(ws, baris, kolom.pelaksana, "PELAKSANA", kolom.kelengkapan - 1)
    _sel(ws, baris, kolom.kelengkapan, "MUTU BAKU", kolom.kelengkapan + 2)
    _sel(ws, baris, kolom.terakhir, "KET", turun=1)
    for i, nama in enumerate(formulir.kolom):
        _sel(ws, baris + 1, kolom.pelaksana + i, nama)
        ws.column_dimensions[get_column_letter(kolom.pelaksana + i)].width = _LEBAR_PELAKSANA
    for i, nama in enumerate(("Kelengkapan", "Waktu", "Output")):
        _sel(ws, baris + 1, kolom.kelengkapan + i, nama)
    return baris + 1


def _tulis_langkah(
    ws: Worksheet,
    gambar: _Gambar,
    formulir: Formulir,
    langkah: Langkah,
    urutan: int,
    kolom: _Kolom,
    baris: int,
    gaya: str,
) -> None:
    """One step row, with its symbols (or marks) and a decision's written branches."""
    ws.row_dimensions[baris].height = _TINGGI_LANGKAH
    if kolom.no is None:
        _sel(ws, baris, kolom.kegiatan, f"{langkah.no}. {langkah.kegiatan}")
    else:
        _sel(ws, baris, kolom.no, langkah.no)
        _sel(ws, baris, kolom.kegiatan, langkah.kegiatan)
    for i, teks in enumerate((langkah.kelengkapan, langkah.waktu, langkah.output, langkah.keterangan)):
        if teks:
            _sel(ws, baris, kolom.kelengkapan + i, teks)
    if gaya == "tanda":
        for p in langkah.pelaksana:
            _sel(ws, baris, kolom.pelaksana + p, "√")
    if gaya not in ("simbol", "tanpa-no") or not langkah.pelaksana:  # a row without a symbol: nothing drawn
        return
    terakhir = urutan == len(formulir.langkah) - 1
    prst = _prst(langkah, urutan == 0 or terakhir)
    for p in langkah.pelaksana:
        gambar.bentuk(kolom.pelaksana + p, baris, prst, "" if prst == "flowChartDecision" else langkah.kegiatan[:20])
    sisi = kolom.pelaksana + (langkah.pelaksana[0] + 1 if langkah.pelaksana[0] + 1 < kolom.jumlah else -1)
    for cabang, tujuan in (("Ya", langkah.ya), ("Tidak", langkah.tidak)):
        if tujuan is not None and not tertulis_di_keterangan(langkah, cabang):
            gambar.bentuk(sisi, baris, "rect", f"{cabang} → {tujuan}", kotak_teks=True)
    berikut = None if terakhir else formulir.langkah[urutan + 1]
    if berikut is not None and berikut.pelaksana:
        dari, ke = kolom.pelaksana + langkah.pelaksana[0], kolom.pelaksana + berikut.pelaksana[0]
        gambar.penghubung(dari, baris, ke, baris + 1)


def tertulis_di_keterangan(langkah: Langkah, cabang: str) -> bool:
    """Whether the step's Keterangan writes the branch's target ("Tidak: kembali ke langkah 3")."""
    return re.search(rf"\b{cabang}\b", langkah.keterangan, re.IGNORECASE) is not None


def _prst(langkah: Langkah, ujung: bool) -> str:
    """The preset shape of a step's symbol."""
    if langkah.jenis == "keputusan":
        return "flowChartDecision"
    return "flowChartTerminator" if ujung else "flowChartProcess"


def _tambah_gambar(path: Path, gambar: list[_Gambar]) -> None:
    """Add each sheet's drawing to the saved workbook: the part, the sheet's relationship to it, its
    ``<drawing>`` element and the part's content type."""
    with zipfile.ZipFile(path) as arsip:
        isi = {nama: arsip.read(nama) for nama in arsip.namelist()}
    for nomor, g in enumerate(gambar, start=1):
        if not g.jangkar:
            continue
        isi[f"xl/drawings/drawing{nomor}.xml"] = g.xml().encode()
        rels = f"xl/worksheets/_rels/sheet{nomor}.xml.rels"
        relasi = isi.get(rels, b"").decode() or (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>'
        )
        relasi = relasi.replace(
            "</Relationships>",
            f'<Relationship Id="rIdGambar1" Type="{_REL_DRAWING}" Target="../drawings/drawing{nomor}.xml"/>'
            "</Relationships>",
        )
        isi[rels] = relasi.encode()
        lembar = f"xl/worksheets/sheet{nomor}.xml"
        xml = isi[lembar].decode()
        assert not re.search(r"<(legacyDrawing|tableParts|extLst)\b", xml), "drawing must precede these"
        elemen = f'<drawing xmlns:r="{_NS_R}" r:id="rIdGambar1"/>'
        isi[lembar] = xml.replace("</worksheet>", elemen + "</worksheet>").encode()
        jenis = isi["[Content_Types].xml"].decode()
        isi["[Content_Types].xml"] = jenis.replace(
            "</Types>", f'<Override PartName="/xl/drawings/drawing{nomor}.xml" ContentType="{_CT_DRAWING}"/></Types>'
        ).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as arsip:
        for nama, data in isi.items():
            arsip.writestr(nama, data)
