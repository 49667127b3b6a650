"""The Markdown of the role pages (Pelaksana): every step a role performs."""

from __future__ import annotations

import jinja2

from . import links
from .durations import format_jam
from .fragments import REKONSTRUKSI_NOTE
from .model import Handbook, Instansi, Langkah, Peran, Unit
from .templates import directory_urls, render


def peran_page(
    instansi: Instansi, unit: Unit, peran: Peran, handbook: Handbook, templates: jinja2.Environment | None = None
) -> str:
    """A role's page (the theme's ``partials/sop/peran.md``): what it is, then its steps in every SOP of the
    unit, with times."""
    src = links.peran_src(instansi, unit, peran)
    work = handbook.tugas(instansi, unit, peran)
    tugas = [
        {
            "sop": sop,
            "alamat": links.relative_url(src, links.sop_src(sop), directory_urls(templates)),
            "waktu": format_jam(sum(s.mutu_baku.durasi_jam for s in steps), sop.instansi.konvensi),
            "baris": [{"step": step, "bersama": _bersama(step, peran)} for step in steps],
        }
        for sop, steps in work
    ]
    rekonstruksi = any(step.pelaksana_direkonstruksi for _, steps in work for step in steps)
    return render(
        templates,
        "peran.md",
        instansi=instansi,
        unit=unit,
        peran=peran,
        tugas=tugas,
        rekonstruksi=REKONSTRUKSI_NOTE if rekonstruksi else "",
        dari=src,
    )


def _bersama(step: Langkah, peran: Peran) -> str:
    """Who else performs a step this role performs together with them ('' if none)."""
    return ", ".join(other.label for other in step.pelaksana if other.id != peran.id)


def daftar_peran(handbook: Handbook, from_src: str, templates: jinja2.Environment | None = None) -> str:
    """Every role of every unit that has SOPs, with how many steps it performs (the theme's
    ``partials/sop/daftar-peran.md``)."""
    units = [
        {
            "instansi": instansi,
            "unit": unit,
            "peran": [
                (peran, sum(len(steps) for _, steps in handbook.tugas(instansi, unit, peran)))
                for peran in unit.pelaksana
            ],
        }
        for instansi, unit, _ in handbook.per_unit()
    ]
    return render(templates, "daftar-peran.md", unit=units, dari=from_src)
