"""An SOP AP form as a reader found it in a document, before it is understood.

Every reader (text, Word, Excel, PDF) turns a document into ``FormulirMentah``
objects, one per SOP form it holds, and says nothing more: labels stay as
printed ("Tgl. Efektif"), values as written ("31-8-2023"), and each value
keeps where it was read (``Asal``). Understanding them (which label is which
field, dates, NIPs, citations, the pelaksana columns) is ``normalisasi``'s
work, the same for every kind of document.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Asal:
    """Where a value was read: the file, and the place in it as a reviewer finds it again
    ("tabel 2, baris 5, kolom 3", "halaman 4", "baris 17")."""

    berkas: str
    tempat: str

    def __str__(self) -> str:
        return f"{self.berkas}, {self.tempat}" if self.tempat else self.berkas


@dataclass(frozen=True)
class Isian:
    """One value as written in the document. ``dugaan`` says why it is a guess, when it is one (a value
    read from its position rather than from a label, a symbol recognised by its shape)."""

    teks: str
    asal: Asal
    dugaan: str | None = None


@dataclass(frozen=True)
class BarisMentah:
    """One row of the flowchart table as read.

    ``pelaksana`` are the indices (into ``FormulirMentah.kolom``) of the
    pelaksana columns holding the row's symbol or mark; ``simbol`` its shape
    when the document draws one ("terminator", "proses", "keputusan"), None
    when it has only a mark or nothing; ``ya``/``tidak`` the text written at
    a decision's branches (a step number, "selesai"), when there is any.
    """

    asal: Asal
    kegiatan: Isian
    no: Isian | None = None  # None: the form has no No column, or the cell is empty
    pelaksana: tuple[int, ...] = ()
    simbol: str | None = None
    kelengkapan: Isian | None = None
    waktu: Isian | None = None
    output: Isian | None = None
    keterangan: Isian | None = None
    ya: Isian | None = None
    tidak: Isian | None = None


@dataclass
class FormulirMentah:
    """One SOP AP form as read from a document.

    ``kop`` is the header's lines in order (government, agency, unit, as
    printed); ``identitas`` the identity part's single values by their label
    as printed ("Nomor SOP", "Tgl. Efektif", "Disahkan oleh"); ``daftar``
    its lists by label ("Dasar Hukum", "Kualifikasi Pelaksana", ...);
    ``kolom`` the pelaksana column headers in order; ``baris`` the flowchart
    rows; ``catatan`` what the reader noticed that a reviewer must know
    ("the copy holds no symbol in the pelaksana columns").
    """

    asal: Asal
    judul: Isian | None = None  # the flowchart's title above its table ("SOP Penyusunan LKPJ"), if printed
    kop: list[Isian] = field(default_factory=list)
    identitas: dict[str, Isian] = field(default_factory=dict)
    daftar: dict[str, list[Isian]] = field(default_factory=dict)
    kolom: list[Isian] = field(default_factory=list)
    baris: list[BarisMentah] = field(default_factory=list)
    catatan: list[str] = field(default_factory=list)


class TidakTerbaca(Exception):
    """A file the readers cannot read, with what the author can do ("simpan sebagai .docx")."""
