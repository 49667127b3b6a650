"""SOP AP forms as a text copy exported from them: tab-separated cells, numbered list items, marks
for the symbols (a text copy keeps no drawing)."""

from __future__ import annotations

from pathlib import Path

from .formulir_uji import Formulir


def tulis_teks(path: Path, forms: list[Formulir]) -> None:
    """A text copy as exported from such a book: tab-separated cells, numbered list items."""
    lines: list[str] = []
    for form in forms:
        lines += [*form.kop, ""]
        lines += [f"{label}\t{value}" for label, value in form.identitas]
        for label, items in form.daftar:
            lines += [label, *(f"{i}. {item}" for i, item in enumerate(items, 1))]
        lines += ["", form.judul, ""]
        lanes = len(form.kolom)
        lines.append("No.\tKegiatan\tPELAKSANA" + "\t" * lanes + "MUTU BAKU\t\t\tKET")
        lines.append("\t\t" + "\t".join(form.kolom) + "\tKelengkapan\tWaktu\tOutput\t")
        for step in form.langkah:
            marks = ["√" if lane in step.pelaksana else "" for lane in range(lanes)]
            cells = [str(step.no), step.kegiatan, *marks, step.kelengkapan, step.waktu, step.output, step.keterangan]
            lines.append("\t".join(cells))
        lines += ["", ""]
    path.write_text("\n".join(lines), encoding="utf-8")
