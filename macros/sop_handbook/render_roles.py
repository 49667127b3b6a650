"""The Markdown of the role pages (Pelaksana): every step a role performs."""

from __future__ import annotations

from . import links
from .durations import format_jam
from .fragments import (
    NOT_SEARCHED,
    REKONSTRUKSI_MARK,
    REKONSTRUKSI_NOTE,
    admonition,
    column_heads,
    peran_link,
    sop_link,
)
from .model import Handbook, Instansi, Langkah, Peran, Sop, Unit
from .text import h, md


def peran_page(instansi: Instansi, unit: Unit, peran: Peran, handbook: Handbook) -> str:
    """A role's page: what it is, then its steps in every SOP of the unit, with times."""
    src = links.peran_src(instansi, unit, peran)
    work = handbook.tugas(instansi, unit, peran)
    intro = [f"<p><strong>{h(peran.label)}</strong> — kolom pelaksana {h(unit.judul)}, {h(instansi.nama)}.</p>"]
    if peran.uraian:
        intro.append(f"<p>{h(peran.uraian)}</p>")
    parts = ["\n".join(intro)]
    if any(step.pelaksana_direkonstruksi for _, steps in work for step in steps):
        parts.append(admonition("info", "Pelaksana direkonstruksi", REKONSTRUKSI_NOTE))
    parts += ["## Ringkasan", _summary(work, handbook, src)]
    for sop, steps in work:  # searched through the steps' own entries, at their rows in the SOP
        parts += [f"## {md(sop.judul_tampil)} {NOT_SEARCHED}", _steps_table(sop, steps, peran, src)]
    return "\n\n".join(parts) + "\n"


def _summary(work: list[tuple[Sop, list[Langkah]]], handbook: Handbook, src: str) -> str:
    if not work:
        return "<p>Peran ini tidak melaksanakan langkah apa pun dalam SOP yang ada.</p>"
    rows = "\n".join(
        f"<tr><td>{sop_link(sop, src)}</td> <td>{len(steps)} dari {len(sop.langkah)}</td> "
        f"<td>{h(format_jam(sum(s.mutu_baku.durasi_jam for s in steps), sop.instansi.konvensi))}</td></tr>"
        for sop, steps in work
    )
    head = column_heads("SOP", "Langkah", "Waktu peran ini")
    return f'<table class="sop-daftar"><thead><tr>{head}</tr></thead><tbody>\n{rows}\n</tbody></table>'


def _steps_table(sop: Sop, steps: list[Langkah], peran: Peran, src: str) -> str:
    sop_url = links.relative_url(src, links.sop_src(sop))
    rows = "\n".join(
        f'<tr><td><a href="{sop_url}#{links.anchor(step.no)}">{step.no}</a></td> '
        f"<td>{h(step.kegiatan)}{REKONSTRUKSI_MARK if step.pelaksana_direkonstruksi else ''}"
        f"{_bersama(step, peran)}</td> "
        f"<td>{h(step.mutu_baku.output or '')}</td> <td>{h(step.mutu_baku.waktu or '')}</td></tr>"
        for step in steps
    )
    total = h(format_jam(sum(s.mutu_baku.durasi_jam for s in steps), sop.instansi.konvensi))
    head = column_heads("No", "Kegiatan", "Output", "Waktu")
    foot = f'<tr><th scope="row" colspan="3">Total waktu peran ini dalam SOP ini</th> <td>{total}</td></tr>'
    return (
        f'<table class="sop-prosedur"><thead><tr>{head}</tr></thead><tbody>\n{rows}\n</tbody>'
        f"<tfoot>{foot}</tfoot></table>"
    )


def _bersama(step: Langkah, peran: Peran) -> str:
    """Who else performs a step this role performs together with them ('' if none)."""
    others = [other.label for other in step.pelaksana if other.id != peran.id]
    return f'<br> <small class="sop-cabang">bersama {h(", ".join(others))}</small>' if others else ""


def daftar_peran(handbook: Handbook, from_src: str) -> str:
    """Every role of every unit that has SOPs, with how many steps it performs."""
    parts = []
    for instansi, unit, _ in handbook.per_unit():
        rows = "\n".join(
            f"<tr><td>{peran_link(instansi, unit, peran, from_src)}</td> <td>{h(peran.uraian or '')}</td> "
            f"<td>{sum(len(steps) for _, steps in handbook.tugas(instansi, unit, peran))}</td></tr>"
            for peran in unit.pelaksana
        )
        head = column_heads("Pelaksana", "Uraian", "Langkah")
        parts.append(f"## {md(unit.judul)}")
        parts.append(f'<p class="sop-instansi">{h(instansi.nama)}</p>')
        parts.append(f'<table class="sop-daftar"><thead><tr>{head}</tr></thead><tbody>\n{rows}\n</tbody></table>')
    return "\n\n".join(parts) + "\n"
