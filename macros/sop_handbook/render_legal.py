"""The Markdown of the Dasar Hukum pages: one per regulation, and the index."""

from __future__ import annotations

from itertools import groupby

import jinja2

from . import links
from .legal import JENIS, dicatat, judul_lengkap, nama_jenis, urutan
from .model import DasarHukum, Handbook, Peraturan
from .templates import render


def dasar_hukum(cited: tuple[DasarHukum, ...]) -> list[tuple[Peraturan | None, str | None]]:
    """An SOP's Dasar Hukum as its identity part lists it: the catalogued regulations in the order of the
    legal hierarchy, then, as written and in the order written, the citations the catalogue does not
    hold (their kind is not known); each a pair of the regulation (or None) and what is written (or None)."""
    listed: list[tuple[Peraturan | None, str | None]] = [(p, None) for p in sorted(dicatat(cited), key=urutan)]
    return listed + [(None, d.tertulis) for d in cited if d.peraturan is None and d.tertulis]


def peraturan_page(peraturan: Peraturan, handbook: Handbook, templates: jinja2.Environment | None = None) -> str:
    """A regulation's page (the theme's ``partials/sop/peraturan.md``): citation, amendments both ways, and
    every SOP citing it."""
    dirujuk = [
        {
            "sop": sop,
            "tertulis": sorted({d.tertulis for d in sop.dasar_hukum if d.peraturan_id == peraturan.id and d.tertulis}),
        }
        for sop in handbook.sop_berdasarkan(peraturan.id)
    ]
    return render(
        templates,
        "peraturan.md",
        peraturan=peraturan,
        jenis=nama_jenis(peraturan),
        judul=judul_lengkap(peraturan),
        mengubah=[handbook.cari_peraturan(i) for i in peraturan.mengubah],
        diubah_oleh=handbook.diubah_oleh(peraturan.id),
        dirujuk=dirujuk,
        dari=links.peraturan_src(peraturan),
    )


def daftar_peraturan(handbook: Handbook, from_src: str, templates: jinja2.Environment | None = None) -> str:
    """Every regulation, grouped by kind in the order of the legal hierarchy, then by year and number (the
    theme's ``partials/sop/daftar-peraturan.md``)."""
    kinds = [
        {"judul": JENIS[jenis].judul, "peraturan": [(p, len(handbook.sop_berdasarkan(p.id))) for p in group]}
        for jenis, group in groupby(handbook.peraturan, key=lambda p: p.jenis)
    ]
    return render(templates, "daftar-peraturan.md", jenis=kinds, dari=from_src)
