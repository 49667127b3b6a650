"""What every reader of SOP AP documents recognises the same way: labels however they are typed, the
flowchart table's columns by their variants, the marks that stand for a symbol, files of an old format."""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from .mentah import TidakTerbaca

# A text mark in a pelaksana cell that stands for the step's symbol.
TANDA = frozenset({"√", "✓", "✔", "v", "V", "x", "X", "●", "•", "■", "*", "o", "O"})
_OLE2 = b"\xd0\xcf\x11\xe0"  # the old binary Office formats (.doc, .xls), and password-protected files


def kunci(teks: str) -> str:
    """A label for comparing: lower case, punctuation as spaces, spaces collapsed ("Tgl. Efektif" →
    "tgl efektif", "Pencatatan & Pendataan" → "pencatatan pendataan")."""
    return " ".join(re.sub(r"[^\w]+", " ", teks.lower()).split())


def jenis_kolom(teks: str) -> str | None:
    """Which column of the flowchart table a header names ("no", "kegiatan", "pelaksana", "mutu",
    "kelengkapan", "waktu", "output", "keterangan"), with the variants offices print."""
    label = kunci(teks)
    if len(label.split()) > 6:  # a sentence ("... pelaksanaan kegiatan"), not a column's header
        return None
    if label in ("no", "nomor", "no urut"):
        return "no"
    if label.startswith(("kegiatan", "uraian", "aktivitas", "aktifitas", "prosedur")):
        return "kegiatan"
    if label.startswith("pelaksana"):
        return "pelaksana"
    if label.startswith("mutu baku"):
        return "mutu"
    if "kelengkapan" in label or label.startswith(("persyaratan", "syarat")):
        return "kelengkapan"
    if label.startswith("waktu"):
        return "waktu"
    if label.startswith(("output", "autput", "out put", "keluaran", "hasil")):
        return "output"
    if label in ("ket", "keterangan"):
        return "keterangan"
    return None


@dataclass(frozen=True)
class Kepala:
    """Where a flowchart table's columns are, from its two header rows (cells by index): the pelaksana
    columns ``lanes`` (start, stop), Kelengkapan/Waktu/Output in ``where``, Keterangan, and whether the
    table has a No column."""

    lanes: tuple[int, int]
    where: dict[str, int | None]
    ket: int | None
    has_no: bool


def kepala(top: list[str], sub: list[str]) -> Kepala:
    """The columns of a table whose header rows are ``top`` (No, Kegiatan, PELAKSANA over the pelaksana
    columns, MUTU BAKU over its three, Ket.) and ``sub`` (the pelaksana names, Kelengkapan, Waktu, Output)."""
    kinds = [jenis_kolom(cell) for cell in top]
    start = kinds.index("pelaksana")
    mutu = kinds.index("mutu") if "mutu" in kinds else len(sub)
    below = {jenis_kolom(sub[i]): i for i in reversed(range(mutu, len(sub)))}
    where = {field: below.get(field) for field in ("kelengkapan", "waktu", "output")}
    ket = kinds.index("keterangan") if "keterangan" in kinds else None
    return Kepala((start, mutu), where, ket, bool(kinds) and kinds[0] == "no")


def periksa_arsip(path: Path, nama: str, lama: str, rusak: str) -> None:
    """Refuse, before opening it, a file that is not an Office Open XML package: ``lama`` says what to do
    with an old binary (or password-protected) file, ``rusak`` with anything else."""
    try:
        with path.open("rb") as berkas:
            awal = berkas.read(8)
    except OSError as galat:
        raise TidakTerbaca(f"{nama}: berkas tidak dapat dibuka ({galat.strerror})") from galat
    if awal.startswith(_OLE2):
        raise TidakTerbaca(lama)
    if not zipfile.is_zipfile(path):
        raise TidakTerbaca(rusak)
