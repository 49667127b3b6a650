"""The import command: read each file, write one source per SOP, the proposals and the report.

Files are only written inside the output folder, under names made from the
SOPs' ids; an existing source is never overwritten unless asked
(``--replace``); proposals for ``organisasi.yaml`` and ``peraturan.yaml`` are
separate files to review, never merged into those.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from ..model import Handbook
from .mentah import FormulirMentah, TidakTerbaca
from .normalisasi import SopImpor, Usulan, hubungkan_keterkaitan, normalisasi
from .teks import baca_teks

LAPORAN = "laporan-impor.md"
USULAN_ORGANISASI = "organisasi.usulan.yaml"
USULAN_PERATURAN = "peraturan.usulan.yaml"
_JENIS = {"terbaca": "Terbaca", "kosong": "Tidak ada di dokumen", "dugaan": "Dugaan", "periksa": "Periksa"}


@dataclass
class Hasil:
    """What one run did: the SOPs written, the files skipped and why, the files that could not be read."""

    sops: list[tuple[SopImpor, Path]] = field(default_factory=list)
    dilewati: list[tuple[str, str]] = field(default_factory=list)  # (file, why)
    gagal: list[tuple[str, str]] = field(default_factory=list)  # (file, message)
    usulan: Usulan = field(default_factory=Usulan)


def _reader(path: Path) -> Callable[[Path, str], list[FormulirMentah]]:
    """The reader of a file by its kind; ``TidakTerbaca`` for kinds that cannot be read."""
    suffix = path.suffix.lower()
    if suffix in (".txt", ".html", ".htm"):
        return lambda p, nama: baca_teks(p.read_text(encoding="utf-8", errors="replace"), nama)
    readers = {".docx": ("word", "baca_docx"), ".xlsx": ("excel", "baca_xlsx"), ".pdf": ("pdf", "baca_pdf")}
    if suffix in readers:  # imported when needed: python-docx and openpyxl load slowly
        module, name = readers[suffix]
        reader: Callable[[Path, str], list[FormulirMentah]] = getattr(
            importlib.import_module(f".{module}", __package__), name
        )
        return reader
    fixes = {
        ".doc": "format Word lama: buka di Word lalu simpan sebagai .docx",
        ".xls": "format Excel lama: buka di Excel lalu simpan sebagai .xlsx",
    }
    raise TidakTerbaca(
        fixes.get(suffix, f"jenis berkas '{suffix or path.name}' tidak dikenal: pakai .docx, .xlsx, .pdf atau .txt")
    )


def impor(
    files: list[Path],
    out: Path,
    handbook: Handbook | None,
    instansi: str | None = None,
    unit: str | None = None,
    replace: bool = False,
) -> Hasil:
    """Import ``files`` into ``out``; write the sources, the proposals and the report there."""
    hasil = Hasil()
    out.mkdir(parents=True, exist_ok=True)
    taken = {sop.id for sop in handbook.sops} if handbook else set()
    sops: list[SopImpor] = []
    for path in files:
        try:
            forms = _reader(path)(path, path.name)
        except TidakTerbaca as error:
            hasil.gagal.append((path.name, str(error).removeprefix(f"{path.name}: ")))
            continue
        except OSError as error:
            hasil.gagal.append((path.name, f"tidak dapat dibuka ({error.strerror})"))
            continue
        for form in forms:
            sop = normalisasi(form, handbook, hasil.usulan, instansi, unit)
            _unique(sop, taken)
            sops.append(sop)
    hubungkan_keterkaitan(sops, handbook)
    for sop in sops:
        target = out / f"{sop.id}.yaml"
        if target.exists() and not replace:
            hasil.dilewati.append((target.name, "sudah ada; pakai --replace untuk menimpanya"))
            continue
        target.write_text(sumber_yaml(sop), encoding="utf-8")
        hasil.sops.append((sop, target))
    _write_proposals(hasil.usulan, out)
    (out / LAPORAN).write_text(laporan(hasil), encoding="utf-8")
    return hasil


def _unique(sop: SopImpor, taken: set[str]) -> None:
    """An id not used by the handbook or earlier in this run: the title's, numbered when it is taken."""
    base, n = sop.id, 2
    while sop.id in taken:
        sop.id = f"{base}-{n}"
        n += 1
    sop.data["id"] = sop.id
    taken.add(sop.id)


def sumber_yaml(sop: SopImpor) -> str:
    """The source file's text: the schema modeline as for its place in sop_source/, where it was imported
    from, the data."""
    head = [
        "# yaml-language-server: $schema=../schema/sop.schema.json",
        f"# Diimpor dari {sop.asal} pada {date.today().isoformat()}. Periksa {LAPORAN},",
        "# lalu pindahkan berkas ini ke sop_source/.",
    ]
    return "\n".join(head) + "\n" + _dump(sop.data)


class _Dumper(yaml.SafeDumper):
    """Writes YAML as the project's sources are written: keys such as ``no`` unquoted (the loader reads
    only true/false as booleans), lists indented under their key."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


_Dumper.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool" or first in "tfTF"]
    for first, resolvers in yaml.SafeDumper.yaml_implicit_resolvers.items()
}


def _dump(data: Any) -> str:
    text: str = yaml.dump(
        data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=110, default_flow_style=False
    )
    return text


def _write_proposals(usulan: Usulan, out: Path) -> None:
    if usulan.instansi or usulan.pejabat:
        organisasi = {"instansi": list(usulan.instansi.values()), "pejabat": list(usulan.pejabat.values())}
        note = "# Usulan tambahan organisasi.yaml dari impor: periksa, lalu salin ke organisasi.yaml.\n"
        (out / USULAN_ORGANISASI).write_text(note + _dump(organisasi), encoding="utf-8")
    if usulan.peraturan:
        note = "# Usulan tambahan peraturan.yaml dari impor: periksa judul resminya, lalu salin ke peraturan.yaml.\n"
        (out / USULAN_PERATURAN).write_text(
            note + _dump({"peraturan": list(usulan.peraturan.values())}), encoding="utf-8"
        )


def laporan(hasil: Hasil) -> str:
    """The run's report in Markdown: per SOP every field found, missing, guessed and to check."""
    lines = ["# Laporan impor SOP", ""]
    lines.append(
        f"{len(hasil.sops)} SOP ditulis, {len(hasil.dilewati)} dilewati, {len(hasil.gagal)} berkas tidak terbaca."
    )
    for name, message in hasil.gagal:
        lines += ["", f"- **{name}**: tidak terbaca: {message}"]
    for name, why in hasil.dilewati:
        lines += ["", f"- **{name}**: dilewati: {why}"]
    if hasil.usulan.instansi or hasil.usulan.pejabat:
        lines += ["", f"Usulan untuk `organisasi.yaml`: `{USULAN_ORGANISASI}`."]
    if hasil.usulan.peraturan:
        lines += ["", f"Usulan untuk `peraturan.yaml`: `{USULAN_PERATURAN}`."]
    for sop, target in hasil.sops:
        lines += ["", f"## {sop.data.get('judul') or sop.id} (`{target.name}`)", "", f"Dari {sop.asal}.", ""]
        for jenis, title in _JENIS.items():
            notes = [note for note in sop.catatan if note.jenis == jenis]
            if not notes:
                continue
            lines += [f"### {title}", ""]
            lines += [f"- `{n.kunci}`: {n.teks}" + (f" ({n.asal})" if n.asal else "") for n in notes]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"
