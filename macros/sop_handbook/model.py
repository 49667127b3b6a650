"""The typed, immutable model of a handbook of SOP AP.

Names follow the form (Permenpan RB 35/2012): ``nomor``, ``langkah``,
``pelaksana``, ``mutu_baku``, ``dasar_hukum``, ``keterkaitan``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Final, Literal, Protocol, TypeAlias, TypeVar

from .durations import Durasi, KonvensiWaktu
from .problems import Problem
from .tanggal import Tanggal


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


_T = TypeVar("_T", bound=_HasId)


def by_id(items: Iterable[_T], item_id: str) -> _T | None:
    """The item with this id, if any."""
    return next((item for item in items if item.id == item_id), None)


@dataclass(frozen=True)
class Peran:
    """A pelaksana column of a unit, e.g. Pejabat Level II (Sekretaris)."""

    id: str
    nama: str
    jabatan: str | None = None
    uraian: str | None = None

    @property
    def label(self) -> str:
        """Column name with the office that fills it."""
        return f"{self.nama} ({self.jabatan})" if self.jabatan else self.nama


# The pelaksana of a step whose document does not show who performs it: a lane and a column of its own, after
# the unit's. Its id is outside the pattern of ids, so no role of a unit can have it.
TIDAK_TERCANTUM = Peran("_tidak-tercantum", "Pelaksana tidak tercantum")


@dataclass(frozen=True)
class Unit:
    """A work unit; its pelaksana are in the form's column order. A unit may be inside others (a Seksi in
    a Bidang: ``induk``, outermost first), and may have no name of its own when the document names none
    (the SOP is the agency's as a whole)."""

    id: str
    nama: str | None
    pelaksana: tuple[Peran, ...]
    induk: tuple[str, ...] = ()
    judul: str = ""  # how pages name it: "Bidang Koperasi › Seksi Kelembagaan", or the agency's name
    induk_id: tuple[str, ...] = ()  # the ids of the units it is inside, outermost first (named or not)

    def __post_init__(self) -> None:
        if not self.judul:
            object.__setattr__(self, "judul", " › ".join(self.jalur))

    @property
    def jalur(self) -> tuple[str, ...]:
        """The unit's lines on the kop, outermost first: its parents' names, then its own."""
        return (*self.induk, self.nama) if self.nama else self.induk

    def peran(self, peran_id: str) -> Peran | None:
        """The role with this id, if the unit has it."""
        return by_id(self.pelaksana, peran_id)


@dataclass(frozen=True)
class Instansi:
    """An agency with its units, of its government ("Pemerintah Kota Batu", a ministry), counting Waktu
    in working hours by its own convention."""

    id: str
    nama: str
    pemerintah: str | None  # None: the agency's form prints no government
    kop: tuple[str, ...]
    unit: tuple[Unit, ...]
    konvensi: KonvensiWaktu

    def cari_unit(self, unit_id: str) -> Unit | None:
        """The unit with this id, if the agency has it."""
        return by_id(self.unit, unit_id)


@dataclass(frozen=True)
class Pejabat:
    """An approving official, defined once in ``organisasi.yaml``; a document may not name them or give
    their NIP."""

    id: str
    jabatan: str
    nama: str | None
    nip: str | None
    pangkat: str | None = None
    catatan: str | None = None
    instansi: str | None = None  # the agency's id; None: not said (a file with several agencies)


@dataclass(frozen=True)
class Tertulis:
    """The approving official as the signed source writes it."""

    jabatan: str | None = None
    nama: str | None = None
    pangkat: str | None = None
    nip: str | None = None


@dataclass(frozen=True)
class Pengesahan:
    """Disahkan oleh: the official, and what the source document says (either may be missing)."""

    pejabat: Pejabat | None
    tertulis: Tertulis | None

    @property
    def jabatan(self) -> str | None:
        return self.pejabat.jabatan if self.pejabat else self.tertulis.jabatan if self.tertulis else None

    @property
    def nama(self) -> str | None:
        return self.pejabat.nama if self.pejabat else self.tertulis.nama if self.tertulis else None

    @property
    def pangkat(self) -> str | None:
        return self.pejabat.pangkat if self.pejabat else self.tertulis.pangkat if self.tertulis else None

    @property
    def nip(self) -> str | None:
        return self.pejabat.nip if self.pejabat else self.tertulis.nip if self.tertulis else None


@dataclass(frozen=True)
class Revisi:
    """One entry of an SOP's revision history (revisi 0 is the first issue)."""

    revisi: int
    tanggal: date
    perubahan: str
    tanggal_efektif: date | None = None
    disahkan_oleh: Pejabat | None = None

    @property
    def berlaku_sejak(self) -> date:
        """The day it takes effect: its Tanggal Efektif, else the day it was approved."""
        return self.tanggal_efektif or self.tanggal


@dataclass(frozen=True)
class Keterkaitan:
    """A related SOP, with its kind (prasyarat, lanjutan, terkait): one of this handbook by id (and the name
    the source used), or one outside it (``sop_id`` None) by its name as written, with its agency and
    address when the source gives them. An outside SOP is never matched to one of the handbook."""

    sop_id: str | None
    jenis: str = "terkait"
    tertulis: str | None = None
    nama: str | None = None
    instansi: str | None = None
    url: str | None = None

    @property
    def di_luar(self) -> bool:
        """Whether the SOP is outside this handbook (named, not linked)."""
        return self.sop_id is None

    @property
    def nama_luar(self) -> str:
        """An outside SOP as the handbook names it: its name, and its agency when known."""
        return f"{self.nama} ({self.instansi})" if self.instansi else self.nama or ""


@dataclass(frozen=True)
class Peraturan:
    """A law or regulation of the catalogue (``peraturan.yaml``); the UUD 1945 has no nomor or tentang."""

    id: str
    jenis: str
    nomor: str | None
    tahun: int
    tentang: str | None
    penerbit: str | None = None
    url: str | None = None
    catatan: str | None = None
    mengubah: tuple[str, ...] = ()


@dataclass(frozen=True)
class DasarHukum:
    """A regulation cited by an SOP, with the way the source wrote it; without a catalogue entry
    (``peraturan`` None) it is only the citation as written, which then is never None."""

    peraturan: Peraturan | None
    tertulis: str | None = None

    @property
    def peraturan_id(self) -> str | None:
        """The id of the regulation in the catalogue, if it is there."""
        return self.peraturan.id if self.peraturan else None


@dataclass(frozen=True)
class Singkatan:
    """An abbreviation of the glossary and its full form."""

    singkatan: str
    kepanjangan: str
    catatan: str | None = None


@dataclass(frozen=True)
class MutuBaku:
    """Kelengkapan, Waktu (as written and in working hours; None when the document gives none) and Output."""

    kelengkapan: str | None
    waktu: str | None
    durasi: Durasi | None
    output: str | None

    @property
    def durasi_jam(self) -> float:
        """The working hours the step counts for: the longest of a range, 0 without a time."""
        return self.durasi.paling_lama if self.durasi else 0.0


SELESAI: Final = "selesai"
Tujuan: TypeAlias = int | Literal["selesai"]  # a branch's target: a step number, or the end of the procedure


@dataclass(frozen=True)
class Langkah:
    """One step of the procedure."""

    no: int
    kegiatan: str
    label: str | None
    jenis: str
    pelaksana: tuple[Peran, ...]  # as the source lists them: one, or several who perform it together
    pelaksana_direkonstruksi: bool
    mutu_baku: MutuBaku
    ya: Tujuan | None = None  # None: the next step
    tidak: Tujuan | None = None  # None: the document does not show it
    keterangan: str | None = None
    catatan: str | None = None
    tidak_terbaca: frozenset[str] = frozenset()  # keys the copy it was transcribed from does not show legibly

    @property
    def keputusan(self) -> bool:
        """Whether this step is a decision (diamond with Ya/Tidak)."""
        return self.jenis == "keputusan"

    @property
    def pelaksana_label(self) -> str:
        """The pelaksana as the table names them: "Pejabat Level II (Sekretaris), Pelaksana"."""
        return ", ".join(peran.label for peran in self.pelaksana)

    def oleh(self, peran_id: str) -> bool:
        """Whether the role ``peran_id`` performs this step (alone or with others)."""
        return any(peran.id == peran_id for peran in self.pelaksana)


@dataclass(frozen=True)
class Sop:
    """One SOP: identity part and procedure part."""

    id: str
    file: str
    instansi: Instansi
    unit: Unit
    judul: str
    nomor: str | None
    nama: str | None
    dokumen: tuple[str, ...]
    kategori: tuple[str, ...]
    tanggal_pembuatan: Tanggal | None
    tanggal_revisi: Tanggal | None
    tanggal_efektif: Tanggal | None
    disahkan_oleh: Pengesahan
    dasar_hukum: tuple[DasarHukum, ...]
    kualifikasi_pelaksana: tuple[str, ...]
    keterkaitan: tuple[Keterkaitan, ...]
    peralatan_perlengkapan: tuple[str, ...]
    peringatan: str | None
    pencatatan_pendataan: tuple[str, ...]
    catatan_sumber: tuple[str, ...]
    langkah: tuple[Langkah, ...]
    riwayat_revisi: tuple[Revisi, ...] = ()
    # Fields the document marks as not stated, with the mark as written: (key, "-"), (key, "(ditinjau kembali)").
    tanda_kosong: tuple[tuple[str, str], ...] = ()
    # The printed form's pelaksana columns when the SOP names its own (``kolom_pelaksana:``); else the unit's.
    kolom_pelaksana: tuple[Peran, ...] = ()
    # Fields in the document that the copy it was transcribed from does not show legibly (``tidak_terbaca:``).
    tidak_terbaca: frozenset[str] = frozenset()

    @property
    def draf(self) -> bool:
        """Whether the flowchart part is not written yet: a draft, shown as such, not in the printed book."""
        return not self.langkah

    def tanda(self, key: str) -> str | None:
        """How the document marks the field ``key`` as not stated, if it does."""
        return next((mark for field_key, mark in self.tanda_kosong if field_key == key), None)

    @property
    def judul_tampil(self) -> str:
        """The name shown to readers: Nama SOP, or the procedure title without it."""
        return self.nama or self.judul

    @property
    def total_jam(self) -> float:
        """Total working hours of all steps (a range counts as its longest; a step without a time as none)."""
        return sum(step.mutu_baku.durasi_jam for step in self.langkah)

    @property
    def tanpa_waktu(self) -> int:
        """How many steps have no time (Waktu empty or "-")."""
        return sum(step.mutu_baku.durasi is None for step in self.langkah)

    def revisi_berlaku(self, hari_ini: date) -> Revisi | None:
        """The revision in force on ``hari_ini``: the latest one already in effect."""
        in_force = [r for r in self.riwayat_revisi if r.berlaku_sejak <= hari_ini]
        return max(in_force, key=lambda r: r.revisi, default=None)

    def tinjauan_lewat(self, hari_ini: date) -> bool:
        """Whether the planned review date (Tanggal Revisi; a month: its last day) has passed."""
        return self.tanggal_revisi is not None and self.tanggal_revisi.akhir < hari_ini

    @property
    def lajur(self) -> tuple[Peran, ...]:
        """The unit's pelaksana that perform a step of this SOP, in the form's column order: the lanes
        of the diagram and the pelaksana columns of the printed form. A role without steps gets none."""
        acting = {peran.id for step in self.langkah for peran in step.pelaksana}
        unknown = (TIDAK_TERCANTUM,) if TIDAK_TERCANTUM.id in acting else ()
        return tuple(peran for peran in self.unit.pelaksana if peran.id in acting) + unknown

    @property
    def kolom(self) -> tuple[Peran, ...]:
        """The pelaksana columns of the printed form, in its order: the SOP's own ``kolom_pelaksana`` if it
        names them, else every column of the unit, a role without a step of this SOP too (as the paper form
        lists them); then the column "Pelaksana tidak tercantum" if a step needs it."""
        columns = self.kolom_pelaksana or self.unit.pelaksana
        acting = {peran.id for step in self.langkah for peran in step.pelaksana}
        return columns + ((TIDAK_TERCANTUM,) if TIDAK_TERCANTUM.id in acting else ())

    @property
    def ada_rekonstruksi(self) -> bool:
        """Whether any step's pelaksana was reconstructed."""
        return any(step.pelaksana_direkonstruksi for step in self.langkah)


@dataclass(frozen=True, repr=False)
class Handbook:
    """All SOPs with the shared organisation, checked as a whole."""

    konvensi: KonvensiWaktu
    instansi: tuple[Instansi, ...]
    pejabat: tuple[Pejabat, ...]
    sops: tuple[Sop, ...]
    peraturan: tuple[Peraturan, ...] = ()
    glosarium: tuple[Singkatan, ...] = ()
    catatan_mutu: tuple[Problem, ...] = ()
    hari_ini: date = field(default_factory=date.today)  # the build's day: what is in force, what is overdue

    def __repr__(self) -> str:
        """Short: mkdocs-macros writes every variable's ``str()`` into a debug message, at every build."""
        return f"Handbook({len(self.sops)} SOP, {len(self.instansi)} instansi, {len(self.peraturan)} peraturan)"

    @cached_property
    def konvensi_instansi(self) -> tuple[tuple[KonvensiWaktu, tuple[Instansi, ...]], ...]:
        """Each working-time convention with the agencies counting by it (the file's default first)."""
        by: dict[KonvensiWaktu, list[Instansi]] = {self.konvensi: []}
        for instansi in self.instansi:
            by.setdefault(instansi.konvensi, []).append(instansi)
        return tuple((konvensi, tuple(agencies)) for konvensi, agencies in by.items() if agencies)

    @cached_property
    def pemerintahan(self) -> tuple[str, ...]:
        """The governments of the handbook's agencies, each once, in the agencies' order."""
        return tuple(dict.fromkeys(i.pemerintah for i in self.instansi if i.pemerintah))

    def sop(self, sop_id: str) -> Sop:
        """The SOP with this id (``KeyError`` if none)."""
        return self._sop_by_id[sop_id]

    @cached_property
    def _sop_by_id(self) -> dict[str, Sop]:
        return {sop.id: sop for sop in self.sops}

    def dirujuk_oleh(self, sop_id: str) -> list[tuple[Sop, Keterkaitan]]:
        """The SOPs that list this one under Keterkaitan, with their relation (computed)."""
        return self._rujukan_balik.get(sop_id, [])

    @cached_property
    def _rujukan_balik(self) -> dict[str, list[tuple[Sop, Keterkaitan]]]:
        reverse: dict[str, list[tuple[Sop, Keterkaitan]]] = {}
        for sop in self.sops:
            for relation in sop.keterkaitan:
                if relation.sop_id is not None and relation.sop_id != sop.id:
                    reverse.setdefault(relation.sop_id, []).append((sop, relation))
        return reverse

    def cari_peraturan(self, peraturan_id: str) -> Peraturan:
        """The regulation with this id (``KeyError`` if none)."""
        found = by_id(self.peraturan, peraturan_id)
        if found is None:
            raise KeyError(peraturan_id)
        return found

    def sop_berdasarkan(self, peraturan_id: str) -> list[Sop]:
        """The SOPs citing this regulation as Dasar Hukum (computed)."""
        return [sop for sop in self.sops if any(d.peraturan_id == peraturan_id for d in sop.dasar_hukum)]

    def diubah_oleh(self, peraturan_id: str) -> list[Peraturan]:
        """The regulations that amend this one (computed from their ``mengubah``)."""
        return [p for p in self.peraturan if peraturan_id in p.mengubah]

    def tugas(self, instansi: Instansi, unit: Unit, peran: Peran) -> list[tuple[Sop, list[Langkah]]]:
        """Every step a role of an agency's unit performs, grouped by SOP (computed).

        Units are told apart by agency and id: every agency has a "Sekretariat" with the same roles.
        """
        work = [
            (sop, [step for step in sop.langkah if step.oleh(peran.id)])
            for sop in self._sop_per_unit.get((instansi.id, unit.id), ())
        ]
        return [(sop, steps) for sop, steps in work if steps]

    def per_unit(self) -> list[tuple[Instansi, Unit, list[Sop]]]:
        """SOPs grouped by agency and unit, in the order of ``organisasi.yaml``."""
        return [
            (instansi, unit, list(self._sop_per_unit[instansi.id, unit.id]))
            for instansi in self.instansi
            for unit in instansi.unit
            if (instansi.id, unit.id) in self._sop_per_unit
        ]

    @cached_property
    def _sop_per_unit(self) -> dict[tuple[str, str], list[Sop]]:
        groups: dict[tuple[str, str], list[Sop]] = {}
        for sop in self.sops:
            groups.setdefault((sop.instansi.id, sop.unit.id), []).append(sop)
        return groups
