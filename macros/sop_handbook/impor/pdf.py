"""The reader of SOP AP forms in PDFs with a text layer, with pdfplumber.

A form's parts are ruled tables: the identity table (the kop in a cell
spanning its rows, or as lines above it; "label | value" rows), the table of
blocks ("label | items"), and the flowchart table, its header rows repeated
on each page it continues on. The symbols of the pelaksana columns are vector
shapes: the column whose cell holds a shape's centre is the step's pelaksana;
a four-cornered diamond is a decision, a rectangle a process, a rounded one a
terminator. A PDF whose pages hold no text (a scan) is refused with a message:
there is no OCR here.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfplumber.utils.exceptions import PdfminerException

from .label import TANDA, Kepala, jenis_kolom, kepala
from .mentah import Asal, BarisMentah, FormulirMentah, Isian, TidakTerbaca
from .teks import LABEL_DAFTAR, LABEL_IDENTITAS, _starts_with_label

_NUMBERED = re.compile(r"^\s*\d{1,2}[.)]\s+")
_HYPHEN_WRAP = re.compile(r"(\w)-[ \t]*\n\s*(\w)")  # "bidang-" at a line's end, "bidang" on the next: one word
_TOO_THIN = 2.0  # points: a rectangle this thin is a ruling of the table, not a symbol
_TOO_BIG = 150.0  # points: nor is one this large (a cell's shading)


def baca_pdf(path: Path, nama: str) -> list[FormulirMentah]:
    """Every SOP AP form of a PDF, in order; ``TidakTerbaca`` if it cannot be read or holds none."""
    try:
        with pdfplumber.open(path) as pdf:
            if not any(page.chars for page in pdf.pages):
                raise TidakTerbaca(
                    f"{nama}: PDF ini tidak memiliki lapisan teks (hasil pindaian); impor tidak membaca gambar "
                    "(tanpa OCR): pakai berkas Word/Excel aslinya, atau salin teksnya ke berkas .txt"
                )
            return _forms(pdf.pages, nama)
    except (PDFPasswordIncorrect, PDFEncryptionError) as error:
        raise TidakTerbaca(f"{nama}: PDF dilindungi kata sandi; simpan salinannya tanpa kata sandi") from error
    except (PdfminerException, PDFSyntaxError) as error:
        raise TidakTerbaca(f"{nama}: bukan PDF yang dapat dibaca (rusak?); simpan ulang dari aslinya") from error


def _forms(pages: list[Any], nama: str) -> list[FormulirMentah]:
    forms: list[FormulirMentah] = []
    header: Kepala | None = None
    for number, page in enumerate(pages, 1):
        shapes = _shapes(page)
        for t, table in enumerate(page.find_tables(_settings(page)), 1):
            rows = table.extract()
            place = f"halaman {number}, tabel {t}"
            if _is_identity(rows):
                form = FormulirMentah(Asal(nama, place))
                forms.append(form)
                _identity(form, rows, page, table, nama, place)
            elif forms and _is_blocks(rows):
                _blocks(forms[-1], rows, nama, place)
            elif forms and _flow_start(rows) is not None:
                start = _flow_start(rows)
                assert start is not None
                form = forms[-1]
                form.kolom, header = _header(rows, start, nama, place)
                if form.judul is None:
                    form.judul = _title_above(page, table, nama, number)
                _steps(form, table, rows, start + 2, header, shapes, nama, place)
            elif forms and header is not None and rows and _is_step(rows[0]):  # continued without headers
                _steps(forms[-1], table, rows, 0, header, shapes, nama, place)
    if not any(form.baris for form in forms):
        raise TidakTerbaca(
            f"{nama}: tidak ditemukan tabel bagan alir SOP AP (baris judul dengan 'Kegiatan', 'Pelaksana' dan "
            "'Mutu Baku'); periksa bahwa berkas ini formulir SOP AP"
        )
    for form in forms:
        if form.baris and not any(row.pelaksana for row in form.baris):
            form.catatan.append("tidak ada simbol di kolom pelaksana PDF ini: pelaksana setiap langkah tidak terbaca")
    return forms


def _settings(page: Any) -> dict[str, Any]:
    """Table finding where a row at the page's foot has no bottom ruling (it continues on the next page):
    the columns' rulings end where it does."""
    bottoms = [edge["bottom"] for edge in page.edges if edge["orientation"] == "v"]
    return {"explicit_horizontal_lines": [max(bottoms)]} if bottoms else {}


def _cells(row: list[str | None]) -> list[str]:
    return [" ".join(_HYPHEN_WRAP.sub(r"\1-\2", cell or "").split()) for cell in row]


def _is_identity(rows: list[list[str | None]]) -> bool:
    return any(_starts_with_label(cell, LABEL_IDENTITAS[:2]) for row in rows for cell in _cells(row) if cell)


def _is_blocks(rows: list[list[str | None]]) -> bool:
    return any(
        _starts_with_label(cell, LABEL_DAFTAR) for row in rows for cell in _cells(row)[:1] if cell
    ) and not _flow_start(rows)


def _flow_start(rows: list[list[str | None]]) -> int | None:
    for i, row in enumerate(rows):
        if {"kegiatan", "pelaksana"} <= {jenis_kolom(cell) for cell in _cells(row)}:
            return i
    return None


def _is_step(row: list[str | None]) -> bool:
    return bool(re.fullmatch(r"\d{1,3}\.?", _cells(row)[0]))


def _identity(form: FormulirMentah, rows: list[list[str | None]], page: Any, table: Any, nama: str, place: str) -> None:
    """Label/value rows; the kop is the cell holding neither (spanning the rows), else the text above."""
    for r, row in enumerate(rows, 1):
        cells = _cells(row)
        for c, cell in enumerate(cells):
            found = _starts_with_label(cell, LABEL_IDENTITAS) if cell else None
            if found is None:
                continue
            label, rest = found
            value = rest.strip() or next((v for v in cells[c + 1 :] if v), "")
            form.identitas[label] = Isian(value, Asal(nama, f"{place}, baris {r}"))
            break
        else:
            continue
        if r == 1 and c > 0 and row[0]:  # the kop's cell, left of the first label
            form.kop += [Isian(line.strip(), Asal(nama, place)) for line in (row[0] or "").splitlines() if line.strip()]
    if not form.kop:
        above = page.crop((0, 0, page.width, table.bbox[1])).extract_text() or ""
        form.kop = [Isian(line.strip(), Asal(nama, place)) for line in above.splitlines() if line.strip()]


def _blocks(form: FormulirMentah, rows: list[list[str | None]], nama: str, place: str) -> None:
    """Rows of "label | items" (or a label cell with its items under it); items without their numbers."""
    for r, row in enumerate(rows, 1):
        for c, cell in enumerate(row):
            found = _starts_with_label((cell or "").strip(), LABEL_DAFTAR)  # a label may wrap over lines
            if found is None:
                continue
            label, rest = " ".join(found[0].split()), found[1]
            items = [line.strip() for line in rest.splitlines() if line.strip()]
            if not items and c + 1 < len(row):
                items = [line.strip() for line in (row[c + 1] or "").splitlines() if line.strip()]
            asal = Asal(nama, f"{place}, baris {r}")
            form.daftar[label] = [Isian(_NUMBERED.sub("", item), asal) for item in _joined(items)]


def _joined(lines: list[str]) -> list[str]:
    """Lines as items: a line that does not start with a number continues the item before it."""
    if not any(_NUMBERED.match(line) for line in lines):
        return lines
    items: list[str] = []
    for line in lines:
        if _NUMBERED.match(line) or not items:
            items.append(line)
        else:
            items[-1] += " " + line
    return items


def _header(rows: list[list[str | None]], start: int, nama: str, place: str) -> tuple[list[Isian], Kepala]:
    """The pelaksana columns (their names) and where the other columns are."""
    sub = _cells(rows[start + 1]) if start + 1 < len(rows) else []
    columns = kepala(_cells(rows[start]), sub)
    kolom = [Isian(sub[i], Asal(nama, f"{place}, baris {start + 2}")) for i in range(*columns.lanes)]
    return kolom, columns


def _title_above(page: Any, table: Any, nama: str, number: int) -> Isian | None:
    above = page.crop((0, 0, page.width, table.bbox[1])).extract_text() or ""
    lines = [line.strip() for line in above.splitlines() if line.strip()]
    return Isian(lines[-1], Asal(nama, f"halaman {number}")) if lines else None


def _shapes(page: Any) -> list[tuple[float, float, str]]:
    """The page's drawn symbols: (centre x, centre y, kind)."""
    found = [
        ((r["x0"] + r["x1"]) / 2, (r["top"] + r["bottom"]) / 2, "proses")
        for r in page.rects
        if _TOO_THIN < r["width"] < _TOO_BIG and _TOO_THIN < r["height"] < _TOO_BIG
    ]
    for curve in page.curves:
        points = curve.get("pts") or []
        kind = "keputusan" if _diamond(points) else "terminator"
        found.append(((curve["x0"] + curve["x1"]) / 2, (curve["top"] + curve["bottom"]) / 2, kind))
    return found


def _diamond(points: list[tuple[float, float]]) -> bool:
    """Whether a path is a diamond: four corners, each at the middle of a side of its box."""
    corners = list(dict.fromkeys((round(x, 1), round(y, 1)) for x, y in points))
    if len(corners) != 4:
        return False
    xs, ys = [x for x, _ in corners], [y for _, y in corners]
    mid_x, mid_y = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    return all(abs(x - mid_x) < 1 or abs(y - mid_y) < 1 for x, y in corners)


def _steps(
    form: FormulirMentah,
    table: Any,
    rows: list[list[str | None]],
    first: int,
    header: Kepala,
    shapes: list[tuple[float, float, str]],
    nama: str,
    place: str,
) -> None:
    (lanes, mutu), where, ket = header.lanes, header.where, header.ket
    for r in range(first, len(rows)):
        cells = _cells(rows[r])
        if _flow_start([rows[r]]) is not None:
            continue  # a header row repeated on the page
        if not _is_step(rows[r]):
            if form.baris and any(cells):  # the rest of a step that the page break cut
                form.baris[-1] = _continued(form.baris[-1], cells, where, ket)
            continue
        asal = Asal(nama, f"{place}, baris {r + 1}")

        def cell(index: int | None, cells: list[str] = cells, asal: Asal = asal) -> Isian | None:
            return Isian(cells[index], asal) if index is not None and index < len(cells) and cells[index] else None

        boxes = table.rows[r].cells
        marks, kinds = [], []
        for j in range(lanes, mutu):
            box = boxes[j] if j < len(boxes) else None
            inside = [k for x, y, k in shapes if box and box[0] < x < box[2] and box[1] < y < box[3]]
            if inside or (j < len(cells) and cells[j] in TANDA):
                marks.append(j - lanes)
                kinds += inside
        kegiatan = cell(1)
        if kegiatan is None:
            continue
        form.baris.append(
            BarisMentah(
                asal=asal,
                kegiatan=kegiatan,
                no=Isian(cells[0].rstrip("."), asal),
                pelaksana=tuple(marks),
                simbol=kinds[0] if kinds else None,
                kelengkapan=cell(where["kelengkapan"]),
                waktu=cell(where["waktu"]),
                output=cell(where["output"]),
                keterangan=cell(ket),
            )
        )


def _continued(row: BarisMentah, cells: list[str], where: dict[str, int | None], ket: int | None) -> BarisMentah:
    """A step with the text its row carries on over a page break."""

    def more(value: Isian | None, index: int | None) -> Isian | None:
        extra = cells[index] if index is not None and index < len(cells) else ""
        if not extra:
            return value
        return Isian(f"{value.teks} {extra}", value.asal) if value else Isian(extra, row.asal)

    kegiatan = more(row.kegiatan, 1)
    assert kegiatan is not None
    return dataclasses.replace(
        row,
        kegiatan=kegiatan,
        kelengkapan=more(row.kelengkapan, where["kelengkapan"]),
        waktu=more(row.waktu, where["waktu"]),
        output=more(row.output, where["output"]),
        keterangan=more(row.keterangan, ket),
    )
