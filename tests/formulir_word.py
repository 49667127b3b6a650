"""Word fixtures: ``Formulir`` objects laid out as an agency's SOP AP document.

The layout follows the real forms: the kop (in a cell merged down beside the
identity rows, or as paragraphs above the identity table), the identity rows
"label | value", the blocks in a 2-column grid (label, then numbered items),
a page break, the flowchart's title and its table with two header rows
("PELAKSANA" merged over the pelaksana columns, "MUTU BAKU" over Kelengkapan,
Waktu and Output, both marked to repeat on each page) and one row per step.

``gaya`` chooses how a step's symbol is drawn and how the table is labelled:

- ``"simbol"``: DrawingML shapes (``wps:wsp`` with ``a:prstGeom``) inside
  ``mc:AlternateContent`` with a VML fallback, inline for a process and
  floating (``wp:anchor``) for a terminator or decision; a decision's
  branches as floating text boxes ("Tidak → 1") in its cell;
- ``"vml"``: VML shapes only (``v:roundrect``, ``v:rect``, ``v:shape`` of
  type ``#_x0000_t110``), branches as VML text boxes; header labels
  "URAIAN PROSEDUR", "Persyaratan/ Kelengkapan", "Autput", "Keterangan";
- ``"tanda"``: a "√" alone in each pelaksana cell, branches written in the
  Keterangan column ("Tidak: kembali ke langkah 1");
- ``"tanpa-no"``: shapes as "simbol", but no No column: the number starts
  the Kegiatan text ("1. Mengajukan permohonan").
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import count
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.text import WD_BREAK
from docx.oxml import parse_xml
from docx.table import Table, _Cell

from .formulir_uji import Formulir, Langkah

GAYA = ("simbol", "vml", "tanda", "tanpa-no")

_NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:o="urn:schemas-microsoft-com:office:office"'
)
_WPS_URI = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
# (No, Kegiatan, PELAKSANA, MUTU BAKU, Kelengkapan, Waktu, Output, Ket) as each style prints them.
_LABEL = {
    "simbol": ("No.", "Kegiatan", "PELAKSANA", "MUTU BAKU", "Kelengkapan", "Waktu", "Output", "KET"),
    "vml": (
        "NO",
        "URAIAN PROSEDUR",
        "Pelaksana",
        "Mutu Baku",
        "Persyaratan/ Kelengkapan",
        "Waktu",
        "Autput",
        "Keterangan",
    ),
    "tanda": ("No", "Aktivitas", "PELAKSANA", "MUTU BAKU", "Kelengkapan", "Waktu", "Output", "Ket."),
    "tanpa-no": ("", "Uraian Prosedur", "PELAKSANA", "MUTU BAKU", "Kelengkapan", "Waktu", "Output", "KET"),
}
_PRST = {"terminator": "flowChartTerminator", "proses": "flowChartProcess", "keputusan": "flowChartDecision"}
_VML_TIPE = {"terminator": "116", "proses": "109", "keputusan": "110"}


def jenis_simbol(formulir: Formulir, langkah: Langkah) -> str:
    """The symbol the form draws for a step: terminator for the first and last, else by its kind."""
    if langkah.jenis == "keputusan":
        return "keputusan"
    if langkah in (formulir.langkah[0], formulir.langkah[-1]):
        return "terminator"
    return "proses"


def cabang(langkah: Langkah) -> list[tuple[str, str]]:
    """A decision's branches as written: ("Ya", "4"), ("Tidak", "1"), those with a target only."""
    return [(label, tujuan) for label, tujuan in (("Ya", langkah.ya), ("Tidak", langkah.tidak)) if tujuan]


def keterangan_tertulis(langkah: Langkah, gaya: str) -> str:
    """The Keterangan cell's text: the step's own, and in ``"tanda"`` its branches after it."""
    if gaya != "tanda":
        return langkah.keterangan
    bagian = [langkah.keterangan] if langkah.keterangan else []
    bagian += [f"{label}: kembali ke langkah {tujuan}" for label, tujuan in cabang(langkah)]
    return "; ".join(bagian)


def tulis_docx(path: Path, forms: Sequence[Formulir], gaya: str = "simbol", baris_per_tabel: int | None = None) -> None:
    """Write ``forms`` one after another into a Word document at ``path``, a page break between them.

    ``baris_per_tabel`` splits a flowchart longer than that into several Word tables, a page break
    between them, each starting with the header rows again (as a table copied page by page).
    """
    if gaya not in GAYA:
        raise ValueError(f"gaya {gaya!r}: one of {GAYA}")
    dokumen = Document()
    penomor = count(1)
    for urutan, formulir in enumerate(forms):
        if urutan:
            _pisah_halaman(dokumen)
        _tulis_kepala(dokumen, formulir, gaya)
        _tulis_blok(dokumen, formulir, gaya)
        _pisah_halaman(dokumen)
        if formulir.judul:
            dokumen.add_paragraph(formulir.judul)
        langkah = list(formulir.langkah)
        ukuran = baris_per_tabel or len(langkah)
        for mulai in range(0, len(langkah), ukuran):
            if mulai:
                _pisah_halaman(dokumen)
            _tulis_bagan(dokumen, formulir, langkah[mulai : mulai + ukuran], gaya, penomor)
    dokumen.save(str(path))


def _pisah_halaman(dokumen: DocumentObject) -> None:
    """A paragraph holding only a page break."""
    dokumen.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _isi_sel(sel: _Cell, baris: Sequence[str]) -> None:
    """Replace a cell's text by one paragraph per line."""
    sel.text = baris[0] if baris else ""
    for teks in baris[1:]:
        sel.add_paragraph(teks)


def _tulis_kepala(dokumen: DocumentObject, formulir: Formulir, gaya: str) -> None:
    """The kop and the identity rows: in "simbol"/"vml" the kop fills a cell merged down beside the rows."""
    kop_di_sel = gaya in ("simbol", "vml")
    if not kop_di_sel:
        for baris in formulir.kop:
            dokumen.add_paragraph(baris)
    kolom = 3 if kop_di_sel else 2
    tabel = dokumen.add_table(rows=len(formulir.identitas), cols=kolom)
    tabel.style = "Table Grid"
    for nomor, (label, nilai) in enumerate(formulir.identitas):
        tabel.cell(nomor, kolom - 2).text = label
        tabel.cell(nomor, kolom - 1).text = nilai
    if kop_di_sel:
        kop = tabel.cell(0, 0).merge(tabel.cell(len(formulir.identitas) - 1, 0))
        _isi_sel(kop, formulir.kop)


def _tulis_blok(dokumen: DocumentObject, formulir: Formulir, gaya: str) -> None:
    """The blocks two by two: a row of labels, then a row of their items (numbered when more than one)."""
    pasangan = [formulir.daftar[i : i + 2] for i in range(0, len(formulir.daftar), 2)]
    tabel = dokumen.add_table(rows=2 * len(pasangan), cols=2)
    tabel.style = "Table Grid"
    for nomor, blok in enumerate(pasangan):
        for kolom, (label, butir) in enumerate(blok):
            tabel.cell(2 * nomor, kolom).text = label
            sel = tabel.cell(2 * nomor + 1, kolom)
            if len(butir) == 1 or gaya == "simbol":
                tampil = butir if len(butir) == 1 else [f"{i}. {teks}" for i, teks in enumerate(butir, 1)]
                _isi_sel(sel, tampil)
            else:
                sel.text = ""
                for i, teks in enumerate(butir):
                    paragraf = sel.paragraphs[0] if i == 0 else sel.add_paragraph()
                    paragraf.text = teks
                    paragraf.style = "List Number"


def _ulang_di_tiap_halaman(tabel: Table, baris: int) -> None:
    """Mark a row as a header row Word repeats on each page (``w:tblHeader``)."""
    tabel.rows[baris]._tr.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {_NS}/>"))


def _tulis_bagan(
    dokumen: DocumentObject, formulir: Formulir, langkah: Sequence[Langkah], gaya: str, penomor: Iterator[int]
) -> None:
    """One flowchart table: the two header rows, then the steps."""
    label = _LABEL[gaya]
    ada_no = gaya != "tanpa-no"
    awal = 2 if ada_no else 1  # the first pelaksana column
    n = len(formulir.kolom)
    lebar = awal + n + 4
    tabel = dokumen.add_table(rows=2 + len(langkah), cols=lebar)
    tabel.style = "Table Grid"
    tetap = [(0, label[0]), (1, label[1])] if ada_no else [(0, label[1])]
    for kolom, teks in [*tetap, (lebar - 1, label[7])]:
        tabel.cell(0, kolom).merge(tabel.cell(1, kolom)).text = teks
    tabel.cell(0, awal).merge(tabel.cell(0, awal + n - 1)).text = label[2]
    tabel.cell(0, awal + n).merge(tabel.cell(0, awal + n + 2)).text = label[3]
    for i, nama in enumerate(formulir.kolom):
        tabel.cell(1, awal + i).text = nama
    for i, teks in enumerate(label[4:7]):
        tabel.cell(1, awal + n + i).text = teks
    _ulang_di_tiap_halaman(tabel, 0)
    _ulang_di_tiap_halaman(tabel, 1)
    for nomor, step in enumerate(langkah, start=2):
        sel = tabel.rows[nomor].cells
        if ada_no:
            sel[0].text = str(step.no)
            sel[1].text = step.kegiatan
        else:
            sel[0].text = f"{step.no}. {step.kegiatan}"
        for i, teks in enumerate((step.kelengkapan, step.waktu, step.output, keterangan_tertulis(step, gaya))):
            sel[awal + n + i].text = teks
        for pertama, kolom in enumerate(step.pelaksana):
            _tulis_simbol(sel[awal + kolom], formulir, step, gaya, pertama == 0, penomor)


def _tulis_simbol(
    sel: _Cell, formulir: Formulir, step: Langkah, gaya: str, utama: bool, penomor: Iterator[int]
) -> None:
    """Draw the step's symbol (or its mark) in one pelaksana cell; a decision's branches beside the first."""
    if gaya == "tanda":
        sel.text = "√"
        return
    jenis = jenis_simbol(formulir, step)
    nomor = next(penomor)
    paragraf = sel.paragraphs[0]
    if gaya == "vml":
        paragraf._p.append(parse_xml(_vml(jenis, nomor)))
    else:
        paragraf._p.append(parse_xml(_drawingml(jenis, nomor)))
    if not utama:
        return
    for label, tujuan in cabang(step):
        nomor = next(penomor)
        teks = f"{label} → {tujuan}"
        xml = _vml_kotak_teks(teks, nomor) if gaya == "vml" else _drawingml_kotak_teks(teks, nomor)
        paragraf._p.append(parse_xml(xml))


def _drawingml(jenis: str, nomor: int) -> str:
    """A run holding a DrawingML flowchart shape, with its VML fallback; a process inline, others floating."""
    bentuk = (
        f'<a:graphic><a:graphicData uri="{_WPS_URI}"><wps:wsp><wps:cNvSpPr/>'
        f'<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="720000" cy="360000"/></a:xfrm>'
        f'<a:prstGeom prst="{_PRST[jenis]}"><a:avLst/></a:prstGeom></wps:spPr>'
        f"<wps:bodyPr/></wps:wsp></a:graphicData></a:graphic>"
    )
    ukuran = '<wp:extent cx="720000" cy="360000"/>'
    docpr = f'<wp:docPr id="{nomor}" name="Bentuk {nomor}"/>'
    if jenis == "proses":
        gambar = f"<wp:inline>{ukuran}{docpr}{bentuk}</wp:inline>"
    else:
        gambar = (
            '<wp:anchor simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" '
            'allowOverlap="1"><wp:simplePos x="0" y="0"/>'
            '<wp:positionH relativeFrom="column"><wp:posOffset>90000</wp:posOffset></wp:positionH>'
            '<wp:positionV relativeFrom="paragraph"><wp:posOffset>36000</wp:posOffset></wp:positionV>'
            f"{ukuran}<wp:wrapNone/>{docpr}{bentuk}</wp:anchor>"
        )
    return (
        f'<w:r {_NS}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>{gambar}</w:drawing></mc:Choice>'
        f"<mc:Fallback><w:pict>{_vml_bentuk(jenis, nomor)}</w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )


def _drawingml_kotak_teks(teks: str, nomor: int) -> str:
    """A run holding a floating DrawingML text box with ``teks`` (a branch's label)."""
    return (
        f'<w:r {_NS}><w:drawing><wp:anchor simplePos="0" relativeHeight="2" behindDoc="0" locked="0" '
        f'layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="column"><wp:posOffset>400000</wp:posOffset></wp:positionH>'
        f'<wp:positionV relativeFrom="paragraph"><wp:posOffset>300000</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="500000" cy="200000"/><wp:wrapNone/><wp:docPr id="{nomor}" name="Teks {nomor}"/>'
        f'<a:graphic><a:graphicData uri="{_WPS_URI}"><wps:wsp><wps:cNvSpPr txBox="1"/>'
        f'<wps:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>'
        f"<wps:txbx><w:txbxContent><w:p><w:r><w:t>{teks}</w:t></w:r></w:p></w:txbxContent></wps:txbx>"
        f"<wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>"
    )


def _vml_bentuk(jenis: str, nomor: int) -> str:
    """A VML flowchart shape: a rounded rectangle, a rectangle, or a shape of the decision's type."""
    gaya = 'style="width:57pt;height:28pt"'
    if jenis == "terminator":
        return f'<v:roundrect id="vml{nomor}" {gaya} arcsize="0.5"/>'
    if jenis == "proses":
        return f'<v:rect id="vml{nomor}" {gaya}/>'
    tipe = _VML_TIPE[jenis]
    return (
        f'<v:shapetype id="_x0000_t{tipe}" o:spt="{tipe}" coordsize="21600,21600"/>'
        f'<v:shape id="vml{nomor}" type="#_x0000_t{tipe}" {gaya}/>'
    )


def _vml(jenis: str, nomor: int) -> str:
    """A run holding a VML shape only (a document from an old Word)."""
    return f"<w:r {_NS}><w:pict>{_vml_bentuk(jenis, nomor)}</w:pict></w:r>"


def _vml_kotak_teks(teks: str, nomor: int) -> str:
    """A run holding a VML text box with ``teks``."""
    return (
        f'<w:r {_NS}><w:pict><v:shapetype id="_x0000_t202" o:spt="202" coordsize="21600,21600"/>'
        f'<v:shape id="teks{nomor}" type="#_x0000_t202" style="position:absolute;width:40pt;height:16pt">'
        f"<v:textbox><w:txbxContent><w:p><w:r><w:t>{teks}</w:t></w:r></w:p></w:txbxContent></v:textbox>"
        f"</v:shape></w:pict></w:r>"
    )
