"""Build the shared organisation (agencies, units, roles, officials) from its source."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .durations import KonvensiWaktu
from .model import Instansi, Pejabat, Peran, Unit, by_id
from .problems import KeyPath, Problem
from .yamlsource import Source


@dataclass(frozen=True)
class Organisasi:
    """Everything the SOP files refer to by id."""

    pemerintah: str
    konvensi: KonvensiWaktu
    instansi: tuple[Instansi, ...]
    pejabat: tuple[Pejabat, ...]

    def cari_instansi(self, instansi_id: str) -> Instansi | None:
        """The agency with this id, if any."""
        return by_id(self.instansi, instansi_id)

    def cari_pejabat(self, pejabat_id: str) -> Pejabat | None:
        """The official with this id, if any."""
        return by_id(self.pejabat, pejabat_id)


def build_organisasi(source: Source) -> tuple[Organisasi, list[Problem]]:
    """The organisation model of a schema-valid ``organisasi.yaml``."""
    data = source.data
    problems = _duplicate_ids(source, ("instansi",), data["instansi"])
    problems += _duplicate_ids(source, ("pejabat",), data["pejabat"])
    instansi = []
    for i, item in enumerate(data["instansi"]):
        problems += _duplicate_ids(source, ("instansi", i, "unit"), item["unit"])
        units = []
        for j, unit in enumerate(item["unit"]):
            problems += _duplicate_ids(source, ("instansi", i, "unit", j, "pelaksana"), unit["pelaksana"])
            peran = tuple(Peran(p["id"], p["nama"], p.get("jabatan"), p.get("uraian")) for p in unit["pelaksana"])
            units.append(Unit(unit["id"], unit["nama"], peran))
        instansi.append(Instansi(item["id"], item["nama"], tuple(item.get("kop", ())), tuple(units)))
    pejabat = tuple(
        Pejabat(p["id"], p["jabatan"], p["nama"], p["nip"], p.get("pangkat"), p.get("catatan")) for p in data["pejabat"]
    )
    konvensi = KonvensiWaktu(**data["konvensi_waktu"])
    return Organisasi(data["pemerintah"], konvensi, tuple(instansi), pejabat), problems


def _duplicate_ids(source: Source, path: KeyPath, items: list[dict[str, Any]]) -> list[Problem]:
    first: dict[str, int] = {}
    problems = []
    for index, item in enumerate(items):
        if item["id"] in first:
            line = source.line((*path, first[item["id"]], "id"))
            message = f"id '{item['id']}' sudah dipakai di baris {line}; setiap id harus unik"
            problems.append(source.problem((*path, index, "id"), message))
        first.setdefault(item["id"], index)
    return problems
