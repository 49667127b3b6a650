"""Build the shared organisation (agencies, units, roles, officials) from its source."""

from __future__ import annotations

from dataclasses import dataclass

from .durations import KonvensiWaktu
from .model import Instansi, Pejabat, Peran, Unit, by_id
from .problems import Problem
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


def build_organisasi(source: Source) -> tuple[Organisasi, list[Problem]]:
    """The organisation model of a schema-valid ``organisasi.yaml``."""
    data = source.data
    problems = source.duplicate_ids(("instansi",), data["instansi"])
    problems += source.duplicate_ids(("pejabat",), data["pejabat"])
    konvensi = KonvensiWaktu(**data["konvensi_waktu"])
    instansi = []
    for i, item in enumerate(data["instansi"]):
        problems += source.duplicate_ids(("instansi", i, "unit"), item["unit"])
        units = []
        for j, unit in enumerate(item["unit"]):
            problems += source.duplicate_ids(("instansi", i, "unit", j, "pelaksana"), unit["pelaksana"])
            peran = tuple(Peran(p["id"], p["nama"], p.get("jabatan"), p.get("uraian")) for p in unit["pelaksana"])
            units.append(Unit(unit["id"], unit["nama"], peran))
        pemerintah = item.get("pemerintah") or data.get("pemerintah")
        if not pemerintah:
            message = (
                f"instansi '{item['id']}' tanpa pemerintah: tulis `pemerintah:` di instansi ini "
                "(mis. 'Pemerintah Kota Batu'), atau sekali di awal berkas untuk semua instansi"
            )
            problems.append(source.problem(("instansi", i), message))
        own = KonvensiWaktu(**item["konvensi_waktu"]) if "konvensi_waktu" in item else konvensi
        kop = tuple(item.get("kop", ()))
        instansi.append(Instansi(item["id"], item["nama"], pemerintah or "", kop, tuple(units), own))
    pejabat = tuple(
        Pejabat(
            p["id"],
            p["jabatan"],
            p.get("nama"),
            nip_grouped(p["nip"]) if p.get("nip") else None,
            p.get("pangkat"),
            p.get("catatan"),
        )
        for p in data["pejabat"]
    )
    return Organisasi(konvensi, tuple(instansi), pejabat), problems
