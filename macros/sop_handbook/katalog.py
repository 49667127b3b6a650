"""Build the catalogue of regulations (``peraturan.yaml``) cited as Dasar Hukum."""

from __future__ import annotations

from .legal import entry_problems, urutan
from .model import Peraturan
from .problems import Problem, close_id
from .yamlsource import Source


def build_peraturan(source: Source) -> tuple[tuple[Peraturan, ...], list[Problem]]:
    """The regulations of a schema-valid catalogue, in hierarchy order, and its errors."""
    items = source.data["peraturan"]
    problems = source.duplicate_ids(("peraturan",), items)
    known = {item["id"] for item in items}
    for index, item in enumerate(items):
        for j, target in enumerate(item.get("mengubah", ())):
            path = ("peraturan", index, "mengubah", j)
            if target == item["id"]:
                problems.append(source.problem(path, "peraturan tidak dapat mengubah dirinya sendiri"))
            elif target not in known:
                close = close_id(target, known, same_kind=True)
                hint = f"; maksud Anda '{close}'?" if close else "; tulis id peraturan lain di berkas ini"
                problems.append(source.problem(path, f"peraturan '{target}' tidak ada di katalog{hint}"))
    peraturan = [
        Peraturan(
            id=item["id"],
            jenis=item["jenis"],
            nomor=item.get("nomor"),
            tahun=item["tahun"],
            tentang=item.get("tentang"),
            penerbit=item.get("penerbit"),
            url=item.get("url"),
            catatan=item.get("catatan"),
            mengubah=tuple(item.get("mengubah", ())),
        )
        for item in items
    ]
    for index, entry in enumerate(peraturan):
        for key, message in entry_problems(entry):
            problems.append(source.problem(("peraturan", index, *((key,) if key else ())), message))
    return tuple(sorted(peraturan, key=urutan)), problems
