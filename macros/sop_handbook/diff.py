"""What a revision changes: compare two handbooks SOP by SOP.

Steps have no ids, so they are matched by their kegiatan: unchanged text is
the same step (its other fields may change), a near text in the same place is
an edited step, the same text elsewhere is a moved step, the rest are added
or removed.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from .legal import kutipan
from .model import Handbook, Langkah, Sop
from .tanggal import Tanggal
from .text import tanggal

SIMILAR = 0.6  # kegiatan texts at least this alike, in the same place, are one edited step


@dataclass(frozen=True)
class StepChange:
    """One change to a step: kind is ditambah, dihapus, dipindah or diubah."""

    kind: str
    old: Langkah | None
    new: Langkah | None
    fields: tuple[tuple[str, str, str], ...] = ()


@dataclass(frozen=True)
class SopDiff:
    """Everything that changed in one SOP (status: baru, dihapus or diubah)."""

    status: str
    old: Sop | None
    new: Sop | None
    identitas: tuple[tuple[str, str, str], ...] = ()
    langkah: tuple[StepChange, ...] = field(default_factory=tuple)

    @property
    def sop(self) -> Sop:
        """The SOP as it is now, or as it was when removed."""
        sop = self.new or self.old
        assert sop is not None, "a diff has at least one side"
        return sop


def compare(old: Handbook, new: Handbook) -> list[SopDiff]:
    """Every SOP that was added, removed or changed, in the order of the new handbook."""
    old_by_id = {sop.id: sop for sop in old.sops}
    new_ids = {sop.id for sop in new.sops}
    diffs = []
    for sop in new.sops:
        before = old_by_id.get(sop.id)
        if before is None:
            diffs.append(SopDiff("baru", None, sop))
            continue
        identitas, langkah = _identity(before, sop), _steps(before.langkah, sop.langkah)
        if identitas or langkah:
            diffs.append(SopDiff("diubah", before, sop, identitas, langkah))
    diffs += [SopDiff("dihapus", sop, None) for sop in old.sops if sop.id not in new_ids]
    return diffs


def _identity(old: Sop, new: Sop) -> tuple[tuple[str, str, str], ...]:
    return tuple((label, a, b) for label, a, b in zip(_IDENTITY, _fields(old), _fields(new), strict=True) if a != b)


_IDENTITY = (
    "Nomor SOP", "Nama SOP", "Judul", "Tanggal Pembuatan", "Tanggal Revisi", "Tanggal Efektif", "Disahkan oleh",
    "Dasar Hukum", "Kualifikasi Pelaksana", "Keterkaitan", "Peralatan/Perlengkapan", "Peringatan",
    "Pencatatan dan Pendataan", "Kategori", "Riwayat revisi",
)  # fmt: skip


def _fields(sop: Sop) -> tuple[str, ...]:
    def dates(value: Tanggal | None) -> str:
        return tanggal(value) if value else "—"

    return (
        sop.nomor or "—", sop.nama or "—", sop.judul, dates(sop.tanggal_pembuatan), dates(sop.tanggal_revisi),
        dates(sop.tanggal_efektif), sop.disahkan_oleh.nama or "—",
        "; ".join(kutipan(d) for d in sop.dasar_hukum) or "—",
        "; ".join(sop.kualifikasi_pelaksana) or "—",
        "; ".join(f"{k.sop_id or k.nama_luar} ({k.jenis})" for k in sop.keterkaitan) or "—",
        "; ".join(sop.peralatan_perlengkapan) or "—", sop.peringatan or "—",
        "; ".join(sop.pencatatan_pendataan) or "—", ", ".join(sop.kategori) or "—",
        "; ".join(f"revisi {r.revisi} ({tanggal(r.tanggal)})" for r in sop.riwayat_revisi) or "—",
    )  # fmt: skip


def _steps(old: tuple[Langkah, ...], new: tuple[Langkah, ...]) -> tuple[StepChange, ...]:
    keys_old, keys_new = [_key(s) for s in old], [_key(s) for s in new]
    changes: list[StepChange] = []
    removed: list[Langkah] = []
    added: list[Langkah] = []
    matcher = difflib.SequenceMatcher(None, keys_old, keys_new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            changes += [_edited(a, b) for a, b in zip(old[i1:i2], new[j1:j2], strict=True) if _step_fields(a, b)]
            continue
        left, right = list(old[i1:i2]), list(new[j1:j2])
        while left and right and _similar(left[0], right[0]):
            changes.append(_edited(left.pop(0), right.pop(0)))
        removed += left
        added += right
    for step in list(removed):
        twin = next((s for s in added if _key(s) == _key(step)), None)
        if twin is not None:
            removed.remove(step)
            added.remove(twin)
            changes.append(StepChange("dipindah", step, twin, _step_fields(step, twin)))
    changes += [StepChange("dihapus", s, None) for s in removed]
    changes += [StepChange("ditambah", None, s) for s in added]
    order = {"dihapus": 0, "ditambah": 1, "dipindah": 2, "diubah": 3}
    return tuple(sorted(changes, key=lambda c: (order[c.kind], _number(c))))


def _number(change: StepChange) -> int:
    step = change.new or change.old
    assert step is not None, "a step change has at least one side"
    return step.no


def _key(step: Langkah) -> str:
    return " ".join(step.kegiatan.split())


def _similar(a: Langkah, b: Langkah) -> bool:
    return difflib.SequenceMatcher(None, _key(a), _key(b)).ratio() >= SIMILAR


def _edited(a: Langkah, b: Langkah) -> StepChange:
    return StepChange("diubah", a, b, _step_fields(a, b))


def _step_fields(a: Langkah, b: Langkah) -> tuple[tuple[str, str, str], ...]:
    pairs = (
        ("kegiatan", _key(a), _key(b)),
        ("jenis", a.jenis, b.jenis),
        ("pelaksana", a.pelaksana_label, b.pelaksana_label),
        ("kelengkapan", a.mutu_baku.kelengkapan or "—", b.mutu_baku.kelengkapan or "—"),
        ("waktu", a.mutu_baku.waktu or "—", b.mutu_baku.waktu or "—"),
        ("output", a.mutu_baku.output or "—", b.mutu_baku.output or "—"),
        ("keterangan", a.keterangan or "—", b.keterangan or "—"),
    )
    return tuple(pair for pair in pairs if pair[1] != pair[2])
