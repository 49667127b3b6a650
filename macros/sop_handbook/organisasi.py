"""Build the shared organisation (agencies, units, roles, officials) from its source."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .durations import KonvensiWaktu
from .model import Instansi, Pejabat, Peran, Unit, by_id
from .problems import KeyPath, Problem, valid_values
from .yamlsource import Source


@dataclass(frozen=True)
class Organisasi:
    """Everything the SOP files refer to by id."""

    konvensi: KonvensiWaktu
    instansi: tuple[Instansi, ...]
    pejabat: tuple[Pejabat, ...]

    def cari_instansi(self, instansi_id: str) -> Instansi | None:
        """The agency with this id, if any."""
        return by_id(self.instansi, instansi_id)

    def cari_pejabat(self, pejabat_id: str) -> Pejabat | None:
        """The official with this id, if any."""
        return by_id(self.pejabat, pejabat_id)


def nip_grouped(nip: str) -> str:
    """A NIP as it is printed, in groups of 8, 6, 1 and 3 digits (birth date, appointment, sex, number),
    however the source spaced its 18 digits (the schema checks them)."""
    digits = nip.replace(" ", "")
    return f"{digits[:8]} {digits[8:14]} {digits[14]} {digits[15:]}"


def _units(
    source: Source,
    path: KeyPath,
    items: list[dict[str, Any]],
    induk: tuple[Unit, ...],
    agency: str,
    problems: list[Problem],
) -> Iterator[tuple[Unit, KeyPath]]:
    """Every unit of a (nested) list, each after its parent, with where it is written."""
    for j, item in enumerate(items):
        here: KeyPath = (*path, j)
        problems += source.duplicate_ids((*here, "pelaksana"), item.get("pelaksana", ()))
        peran = tuple(Peran(p["id"], p["nama"], p.get("jabatan"), p.get("uraian")) for p in item.get("pelaksana", ()))
        if not peran and not item.get("unit"):
            message = (
                f"unit '{item['id']}' tanpa pelaksana: tulis kolom pelaksana formulirnya di `pelaksana:`, "
                "atau unit di bawahnya di `unit:`"
            )
            problems.append(source.problem(here, message))
        nama = item.get("nama")
        jalur = induk[-1].jalur if induk else ()
        ids = tuple(u.id for u in induk)
        unit = Unit(item["id"], nama, peran, jalur, induk_id=ids)  # named by its path; without one, by its agency
        unit = unit if unit.judul else Unit(unit.id, nama, peran, jalur, agency, ids)
        yield unit, here
        yield from _units(source, (*here, "unit"), item.get("unit", []), (*induk, unit), agency, problems)


def _duplicate_units(source: Source, units: list[tuple[Unit, KeyPath]]) -> list[Problem]:
    """A unit id used twice in one agency, at any depth: SOPs name their unit by id."""
    problems: list[Problem] = []
    seen: dict[str, KeyPath] = {}
    for unit, where in units:
        if unit.id in seen:
            line = source.line((*seen[unit.id], "id"))
            message = f"id '{unit.id}' sudah dipakai di baris {line}; setiap id unit dalam satu instansi harus unik"
            problems.append(source.problem((*where, "id"), message))
        seen.setdefault(unit.id, where)
    return problems


def build_organisasi(source: Source) -> tuple[Organisasi, list[Problem]]:
    """The organisation model of a schema-valid ``organisasi.yaml``."""
    data = source.data
    problems = source.duplicate_ids(("instansi",), data["instansi"])
    problems += source.duplicate_ids(("pejabat",), data["pejabat"])
    konvensi = KonvensiWaktu(**data["konvensi_waktu"])
    instansi = []
    for i, item in enumerate(data["instansi"]):
        units = list(_units(source, ("instansi", i, "unit"), item["unit"], (), item["nama"], problems))
        problems += _duplicate_units(source, units)
        if "pemerintah" in item:
            pemerintah = item["pemerintah"]
        elif "pemerintah" in data:
            pemerintah = data["pemerintah"]
        else:
            pemerintah = None
            message = (
                f"instansi '{item['id']}' tanpa pemerintah: tulis `pemerintah:` di instansi ini "
                "(mis. 'Pemerintah Kota Batu'), atau sekali di awal berkas untuk semua instansi; "
                "tulis `pemerintah: null` bila kop formulirnya tidak mencetak pemerintah"
            )
            problems.append(source.problem(("instansi", i), message))
        own = KonvensiWaktu(**item["konvensi_waktu"]) if "konvensi_waktu" in item else konvensi
        kop = tuple(item.get("kop", ()))
        instansi.append(Instansi(item["id"], item["nama"], pemerintah, kop, tuple(u for u, _ in units), own))
    agencies = [i.id for i in instansi]
    only = agencies[0] if len(agencies) == 1 else None
    for j, p in enumerate(data["pejabat"]):
        if "instansi" in p and p["instansi"] not in agencies:
            message = f"instansi '{p['instansi']}' tidak ada di berkas ini; tulis salah satu: {valid_values(agencies)}"
            problems.append(source.problem(("pejabat", j, "instansi"), message))
    pejabat = tuple(
        Pejabat(
            p["id"],
            p["jabatan"],
            p.get("nama"),
            nip_grouped(p["nip"]) if p.get("nip") else None,
            p.get("pangkat"),
            p.get("catatan"),
            p.get("instansi", only),
        )
        for p in data["pejabat"]
    )
    return Organisasi(konvensi, tuple(instansi), pejabat), problems
