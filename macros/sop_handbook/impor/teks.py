"""The reader of text copied or exported from SOP AP documents (the seed file is such a copy).

What such a copy holds, form after form: the kop's lines; the identity part
as "label TAB value" lines (or "label value" when the tabs were lost), a
value sometimes running on over the next lines (an approver's name and NIP
under the office); the blocks below it, either as a row of two labels with a
row of two cells under it (each cell a list exported as ``<ol>`` markup whose
items ran together, or "1. … 2. …" numbering) or as one label with its
numbered lines under it; then the flowchart's title and its table: a header
row with "Kegiatan", "PELAKSANA" and "MUTU BAKU", a row with the pelaksana
columns' names and Kelengkapan/Waktu/Output, and one tab-separated row per
step. The symbols of the pelaksana columns do not survive such a copy.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from .label import Kepala, jenis_kolom, kepala
from .mentah import Asal, BarisMentah, FormulirMentah, Isian, TidakTerbaca

# The identity part's labels as forms print them (lower case, without dots): the first word of each group
# is how ``normalisasi`` knows them.
LABEL_IDENTITAS = (
    "nomor sop",
    "no sop",
    "tanggal pembuatan",
    "tgl pembuatan",
    "tanggal revisi",
    "tgl revisi",
    "tanggal direvisi",
    "tanggal efektif",
    "tanggal efektive",
    "tgl efektif",
    "tgl pengesahan",
    "tanggal pengesahan",
    "disahkan oleh",
    "nama sop",
)
LABEL_DAFTAR = (
    "dasar hukum",
    "kualifikasi pelaksana",
    "keterkaitan sop",
    "keterkaitan",
    "peralatan/perlengkapan",
    "peralatan/perengkapan",
    "peralatan / perlengkapan",
    "peralatan",
    "peringatan",
    "pencatatan dan pendataan",
    "pencatatan & pendataan",
    "pencatatan dan pendokumentasian",
)
_NUMBERED = re.compile(r"(?:^|\s)(\d{1,2})[.)]\s+")
_TAG = re.compile(r"<[^>]+>")


def _starts_with_label(line: str, labels: tuple[str, ...]) -> tuple[str, str] | None:
    """(label as printed, the rest) when ``line`` starts with one of ``labels``; the longest first."""
    for label in sorted(labels, key=len, reverse=True):
        pattern = r"\s*".join(re.escape(word) + r"\.?" for word in label.split())
        found = re.match(rf"\s*({pattern})(?=$|[\s:\t])[\s:]*", line, re.IGNORECASE)
        if found:
            return found.group(1), line[found.end() :]
    return None


@dataclass
class _Line:
    number: int  # 1-based, as an editor shows it
    text: str


def baca_teks(text: str, nama: str) -> list[FormulirMentah]:
    """Every SOP AP form of a text (or HTML) copy, in order. ``TidakTerbaca`` if it holds none."""
    if "<li" in text.lower() or "<br" in text.lower() or "<p" in text.lower():
        text = _html_lines(text)
    lines = [_Line(i, line.rstrip("\r")) for i, line in enumerate(text.splitlines(), 1)]
    tables = [i for i, line in enumerate(lines) if _is_header(line.text)]
    if not tables:
        raise TidakTerbaca(
            f"{nama}: tidak ditemukan tabel bagan alir SOP AP (baris judul dengan 'Kegiatan', 'Pelaksana' dan "
            "'Mutu Baku'); periksa bahwa berkas ini salinan formulir SOP AP"
        )
    forms, start = [], 0
    for header in tables:
        end = _table_end(lines, header)
        forms.append(_form(lines[start:header], lines[header:end], nama))
        start = end
    return forms


def _html_lines(text: str) -> str:
    """HTML as lines: list items and line breaks on lines of their own, numbered as the list numbers them."""
    text = re.sub(r"(?i)<br\s*/?>|</p>|</tr>", "\n", text)
    text = re.sub(r"(?i)</t[dh]>", "\t", text)
    text = re.sub(r"(?i)<li[^>]*>", "\n• ", text)
    return html.unescape(_TAG.sub("", text))


def _is_header(line: str) -> bool:
    """Whether a line is a flowchart table's header: a Kegiatan cell and a Pelaksana cell (not a sentence
    of a list that only says both words, "... pelaksanaan kegiatan")."""
    kinds = {jenis_kolom(cell) for cell in line.split("\t")}
    return {"kegiatan", "pelaksana"} <= kinds


def _table_end(lines: list[_Line], header: int) -> int:
    """The index after the table's last step row (rows start with their number, or are the sub-header)."""
    end = header + 1
    for i in range(header + 1, len(lines)):
        cells = lines[i].text.split("\t")
        numbered = re.fullmatch(r"\d{1,3}\.?", cells[0].strip()) or re.match(r"\d{1,3}[.)]\s", cells[0].strip())
        if numbered or (i == header + 1 and not cells[0].strip()):
            end = i + 1
        elif lines[i].text.strip():
            break
    return end


def _form(before: list[_Line], table: list[_Line], nama: str) -> FormulirMentah:
    """One form: what precedes its table (kop, identity, blocks, the title), and the table."""
    first = next((line for line in before if line.text.strip()), table[0])
    form = FormulirMentah(Asal(nama, f"baris {first.number}"))
    body = [line for line in before if line.text.strip()]
    if body and _title(body[-1].text):
        form.judul = Isian(body[-1].text.strip(), _at(nama, body[-1]))
        body = body[:-1]
    _identity_and_blocks(form, body, nama)
    _table(form, table, nama)
    return form


def _title(text: str) -> bool:
    """Whether the line just above a flowchart table is its title: not a label, a cell row or a
    block's list item."""
    plain = _TAG.sub("", text).strip()
    item = _NUMBERED.match(plain) or plain.startswith(("•", "- ", "* "))
    return bool(plain) and not _identity_or_block(text) and "\t" not in text and not item


def _identity_or_block(text: str) -> bool:
    return _starts_with_label(text, LABEL_IDENTITAS + LABEL_DAFTAR) is not None


def _at(nama: str, line: _Line, cell: int | None = None) -> Asal:
    return Asal(nama, f"baris {line.number}" + (f", sel {cell + 1}" if cell is not None else ""))


def _identity_and_blocks(form: FormulirMentah, body: list[_Line], nama: str) -> None:
    """The kop (the lines before the first label), the identity values and the blocks' items."""
    i = 0
    while i < len(body) and not _identity_or_block(body[i].text):
        form.kop.append(Isian(body[i].text.strip(), _at(nama, body[i])))
        i += 1
    last_value: str | None = None  # the identity label whose value may run on over the next lines
    while i < len(body):
        line = body[i]
        pair = _block_pair(line.text)
        if pair:
            i = _grid_row(form, body, i, pair, nama)
            last_value = None
            continue
        found = _starts_with_label(line.text, LABEL_IDENTITAS)
        if found:
            label, rest = found
            form.identitas[label] = Isian(rest.strip(), _at(nama, line))
            last_value = label
        elif (block := _starts_with_label(line.text, LABEL_DAFTAR)) is not None:
            label, rest = block
            items = _items(rest, _at(nama, line))
            while i + 1 < len(body) and not _identity_or_block(body[i + 1].text):
                i += 1
                items += _items(body[i].text, _at(nama, body[i]))
            form.daftar[label] = items
            last_value = None
        elif last_value is not None:  # an approver's name, rank and NIP under the office
            value = form.identitas[last_value]
            form.identitas[last_value] = Isian(f"{value.teks} {line.text.strip()}".strip(), value.asal)
        i += 1


def _block_pair(text: str) -> tuple[str, str] | None:
    """Two block labels side by side ("Dasar Hukum TAB Kualifikasi pelaksana"), the second possibly
    followed by its items on the same line."""
    first = _starts_with_label(text, LABEL_DAFTAR)
    if first is None or "\t" not in text:
        return None
    label, rest = first
    return (label, rest) if _starts_with_label(rest.lstrip("\t"), LABEL_DAFTAR) else None


def _grid_row(form: FormulirMentah, body: list[_Line], i: int, pair: tuple[str, str], nama: str) -> int:
    """A row of two block labels and the row of their two cells under it; the index after them."""
    left, rest = pair
    second = _starts_with_label(rest.lstrip("\t"), LABEL_DAFTAR)
    assert second is not None
    right, inline = second
    line = body[i]
    if inline.strip():  # "Kualifikasi pelaksana 1. … 2. …" on the label's line: the left cell is empty
        form.daftar[left] = []
        form.daftar[right] = _items(inline, _at(nama, line, 1))
        return i + 1
    if i + 1 < len(body) and not _identity_or_block(body[i + 1].text):
        cells = body[i + 1].text.split("\t")
        form.daftar[left] = _items(cells[0], _at(nama, body[i + 1], 0))
        form.daftar[right] = _items(cells[1] if len(cells) > 1 else "", _at(nama, body[i + 1], 1))
        return i + 2
    form.daftar[left], form.daftar[right] = [], []
    return i + 1


# Where items of a list exported without separators run together: a lower-case letter, a digit or a
# closing bracket directly followed by the capital that starts the next item ("PerkoperasianUndang-undang",
# "D3 / S1Pernah", "LaptopATK"), an acronym followed by a capitalised word ("UMKMPeraturan"), or an item
# of Keterkaitan starting with "SOP" ("SOP Penyusunan LAKIPSOP Penyusunan RKA"). Two acronyms running
# together ("SKPDATK") cannot be told apart: the report lists the items as guessed.
_RUN_TOGETHER = re.compile(
    r"(?<=[a-z0-9)])(?=[A-Z][a-z])|(?<=[a-z])(?=[A-Z]{2})|(?<=[A-Z]{2})(?=[A-Z][a-z]{2})|(?<=[A-Za-z])(?=SOP\s)"
)


def _items(text: str, asal: Asal) -> list[Isian]:
    """A cell's list items: markup removed; numbered ("1. … 2. …"), bulleted, or run together."""
    raw = text.strip()
    if not raw:
        return []
    glued = raw.lower().startswith("<ol") or raw.lower().startswith("<ul")
    plain = html.unescape(_TAG.sub("", raw)).strip()
    if "•" in plain:
        return [Isian(part.strip(), asal) for part in plain.split("•") if part.strip()]
    if _NUMBERED.match(plain):
        parts = [p.strip() for p in _NUMBERED.split(plain)[2::2]]
        return [Isian(part, asal) for part in parts if part]
    if glued:
        guess = "butir daftar dipisah pada huruf besar yang menyambung tanpa spasi (salinan tanpa pemisah butir)"
        parts = [p.strip() for p in _RUN_TOGETHER.split(plain) if p.strip()]
        return [Isian(part, asal, guess if len(parts) > 1 else None) for part in parts]
    return [Isian(plain, asal)]


def _table(form: FormulirMentah, table: list[_Line], nama: str) -> None:
    """The flowchart table: its columns from the two header rows, then one step per row."""
    top = table[0].text.split("\t")
    sub = table[1].text.split("\t") if len(table) > 1 else []
    columns = kepala(top, sub)
    start, mutu = columns.lanes
    form.kolom = [Isian(sub[i].strip(), _at(nama, table[1], i)) for i in range(start, mutu) if i < len(sub)]
    for line in table[2:] if sub else table[1:]:
        _row(form, line, nama, columns)
    if form.baris and not any(row.pelaksana for row in form.baris):
        form.catatan.append(
            "tidak ada simbol atau tanda di kolom pelaksana: salinan teks tidak membawa simbol bagan alir, "
            "sehingga pelaksana setiap langkah tidak terbaca"
        )


def _row(form: FormulirMentah, line: _Line, nama: str, columns: Kepala) -> None:
    cells = line.text.split("\t")

    def cell(index: int | None) -> Isian | None:
        if index is None or index >= len(cells) or not cells[index].strip():
            return None
        return Isian(cells[index].strip(), _at(nama, line, index))

    text = cell(1 if columns.has_no else 0)
    if text is None:
        return
    number = cell(0) if columns.has_no else None
    if number is not None:
        number = Isian(number.teks.rstrip("."), number.asal)
    elif (leading := re.match(r"(\d{1,3})[.)]\s+", text.teks)) is not None:  # a form without a No column
        number = Isian(leading.group(1), text.asal, "nomor langkah diambil dari awal teks Kegiatan")
        text = Isian(text.teks[leading.end() :], text.asal)
    elif not columns.has_no:
        return
    lanes = columns.lanes
    marks = tuple(i - lanes[0] for i in range(*lanes) if i < len(cells) and cells[i].strip())
    form.baris.append(
        BarisMentah(
            asal=_at(nama, line),
            kegiatan=text,
            no=number,
            pelaksana=marks,
            kelengkapan=cell(columns.where["kelengkapan"]),
            waktu=cell(columns.where["waktu"]),
            output=cell(columns.where["output"]),
            keterangan=cell(columns.ket),
        )
    )
