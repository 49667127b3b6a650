"""The Markdown of an SOP page: header, identity table, diagram, flowchart table.

Everything taken from a source goes through ``text.h`` (HTML) or
``mermaid`` (diagram); the structure around it is fixed text. Tables are
raw HTML blocks, which Markdown leaves alone.
"""

from __future__ import annotations

from datetime import date
from urllib.parse import urlencode

import jinja2
from markupsafe import Markup

from . import bagan, links, mermaid, render_legal
from .durations import KonvensiWaktu, format_jam
from .fragments import (
    REKONSTRUKSI_NOTE,
)
from .model import TIDAK_TERCANTUM, Handbook, Langkah, Sop
from .templates import directory_urls, render
from .text import tanggal


def sop_page(
    sop: Sop,
    handbook: Handbook,
    diubah: date | None = None,
    pdf: str | None = None,
    kertas: bagan.Kertas = bagan.A4,
    templates: jinja2.Environment | None = None,
) -> str:
    """The whole page of one SOP (the theme's ``partials/sop/sop.md``), as Markdown with raw HTML blocks.

    ``diubah`` is the day its source last changed (from git), when known;
    ``pdf`` the file name of its PDF in the page's folder, when the build writes one;
    ``kertas`` the paper its printed form is laid out for; ``templates`` the
    handbook's (``templates.environment``), else the package's.
    """
    src = links.sop_src(sop)
    drawn = not sop.draf  # a draft has no diagram nor table: the page says why
    hari_ini = handbook.hari_ini
    page = render(
        templates,
        "sop.md",
        sop=sop,
        kop=Markup(kop(sop, templates)),
        identitas=Markup(identitas_table(sop, handbook, templates=templates)),
        kode=Markup(mermaid.swimlane(sop)) if drawn else "",
        prosedur=Markup(prosedur_table(sop, sop.instansi.konvensi, kertas, templates=templates)) if drawn else "",
        pdf=pdf or "",
        monitoring=monitoring_link(sop, directory_urls(templates)),
        tinjau=tanggal(sop.tanggal_revisi) if sop.tinjauan_lewat(hari_ini) and sop.tanggal_revisi else "",
        rekonstruksi=REKONSTRUKSI_NOTE,
        dirujuk=Markup(dirujuk_oleh(sop, handbook, templates)),
        riwayat=Markup(riwayat_revisi(sop, hari_ini, diubah, templates)),
        belum=_belum_ditulis(sop),
        catatan=Markup(catatan_sumber(sop, templates)),
        sumber=links.relative_url(src, links.sumber_src(sop.file), directory_urls(templates)),
        dari=src,
    )
    return page + "\n"


def monitoring_link(sop: Sop, by_directory: bool = True) -> str:
    """The monitoring form's URL from the SOP's page: the SOP's ids in the query; the form holds every
    SOP's name, number and unit itself (``render_pages.monitoring_data``), so a page carries its ids only."""
    path = f"{sop.instansi.id}/{sop.unit.id}/{sop.id}"
    form = links.relative_url(links.sop_src(sop), links.MONITORING, by_directory)
    return f"{form}?{urlencode({'sop': path}, safe='/')}"


def _belum_ditulis(sop: Sop) -> str:
    return "tidak terbaca di salinan" if "langkah" in sop.tidak_terbaca else "belum ditulis"


def book_copy(
    sop: Sop, handbook: Handbook, kertas: bagan.Kertas = bagan.A4, templates: jinja2.Environment | None = None
) -> str:
    """An SOP as the printed book holds it (the theme's ``partials/sop/buku-sop.html``): what its page
    prints. The book's links lead to its own sections, so only the links to other SOPs stay links;
    regulations and roles are their names. The kop's addresses are relative to the SOP's page:
    mkdocs-print-site-plugin rewrites them for the book."""
    return render(
        templates,
        "buku-sop.html",
        sop=sop,
        kop=Markup(kop(sop, templates)),
        identitas=Markup(identitas_table(sop, handbook, book=True, templates=templates)),
        prosedur=Markup(prosedur_table(sop, sop.instansi.konvensi, kertas, book=True, templates=templates)),
    )


def kop(sop: Sop, templates: jinja2.Environment | None = None) -> str:
    """The form's header as the agency prints it (the theme's ``partials/sop/kop.html``): its government,
    the agency (its own lines), the unit; addresses in it are relative to the SOP's page."""
    instansi = sop.instansi
    lines = [*((instansi.pemerintah,) if instansi.pemerintah else ()), *(instansi.kop or (instansi.nama,))]
    lines += sop.unit.jalur  # a unit inside another: the outer one first, as the form prints them
    ke_akar = links.relative_url(links.sop_src(sop), links.HOME, directory_urls(templates))
    return render(templates, "kop.html", baris=lines, sop=sop, ke_akar=ke_akar)


def identitas_table(
    sop: Sop, handbook: Handbook, book: bool = False, templates: jinja2.Environment | None = None
) -> str:
    """The identity part of the form (the theme's ``partials/sop/identitas.html``): thirteen fields, empty
    ones shown empty; for the ``book``, without links to regulations and without the notes for reviewers."""
    return render(
        templates,
        "identitas.html",
        sop=sop,
        buku=book,
        dasar_hukum=render_legal.dasar_hukum(sop.dasar_hukum),
        keterkaitan=[(None if r.sop_id is None else handbook.sop(r.sop_id), r) for r in sop.keterkaitan],
        jenis=JENIS_KETERKAITAN,
        dari=links.sop_src(sop),
    )


JENIS_KETERKAITAN = {
    "prasyarat": "prasyarat: dijalankan sebelum SOP ini",
    "lanjutan": "lanjutan: dijalankan sesudah SOP ini",
    "terkait": "terkait",
}


def dirujuk_oleh(sop: Sop, handbook: Handbook, templates: jinja2.Environment | None = None) -> str:
    """The reverse of Keterkaitan, computed from the other SOPs' (the theme's ``partials/sop/dirujuk.html``)."""
    return render(templates, "dirujuk.html", dirujuk=handbook.dirujuk_oleh(sop.id), dari=links.sop_src(sop))


def riwayat_revisi(sop: Sop, hari_ini: date, diubah: date | None, templates: jinja2.Environment | None = None) -> str:
    """Which revision is in force and since when, the history, and the source's last change (the theme's
    ``partials/sop/riwayat.html``)."""
    return render(
        templates,
        "riwayat.html",
        sop=sop,
        berlaku=sop.revisi_berlaku(hari_ini),
        akan_berlaku=[r for r in sop.riwayat_revisi if r.berlaku_sejak > hari_ini],
        diubah=diubah,
    )


def prosedur_table(
    sop: Sop,
    konvensi: KonvensiWaktu,
    kertas: bagan.Kertas = bagan.A4,
    book: bool = False,
    templates: jinja2.Environment | None = None,
) -> str:
    """The flowchart part as a table (the theme's ``partials/sop/prosedur.html``), one row per step, with
    the total time; for the ``book``, the pelaksana are names, not links to their pages.

    The rows' symbols and arrows are drawn by ``bagan`` for the ``kertas``;
    the widths of its columns are the classes the drawing was made for.
    """
    drawn = bagan.draw(sop, kertas)
    text = drawn.tata.kolom_teks
    widths = [bagan.KOLOM_NO, text["kegiatan"], *[drawn.lebar_lajur] * len(drawn.lajur)]
    widths += [text["kelengkapan"], text["waktu"], text["output"], text["keterangan"]]
    page_starts = {rows[0] for rows in drawn.halaman[1:]}
    return render(
        templates,
        "prosedur.html",
        langkah=[
            _step_row(sop, step, drawn.baris[index], index in page_starts) for index, step in enumerate(sop.langkah)
        ],
        buku=book,
        tanpa_pelaksana=TIDAK_TERCANTUM,
        dari=links.sop_src(sop),
        lajur=[p.label for p in drawn.lajur],
        lebar=[f"{w:.0f}" for w in widths],
        panah=Markup(bagan.PANAH),
        kelas_kepala=drawn.tata.kelas_kepala or "",
        total=total_waktu(sop),
        sop=sop,
    )


def _step_row(sop: Sop, step: Langkah, svg: str, new_page: bool) -> dict[str, object]:
    """A step's row of the flowchart table: the model's step, its drawing and what is written of it."""
    return {
        "step": step,
        "bagan": Markup(svg),
        "cabang": bagan.cabang_text(step) or "",
        "waktu": bagan.waktu_lines(step),
        "halaman_baru": new_page,
    }


def total_waktu(sop: Sop) -> str:
    """The SOP's total time in working hours, saying when it counts ranges at their longest and how many steps
    have no time: "3 hari kerja (22,5 jam), paling lama; 2 langkah tanpa waktu"."""
    text = format_jam(sop.total_jam, sop.instansi.konvensi)
    if any(step.mutu_baku.durasi and step.mutu_baku.durasi.rentang for step in sop.langkah):
        text += ", paling lama"
    if sop.tanpa_waktu == len(sop.langkah):
        return "tidak tercantum (tidak ada langkah yang mencantumkan waktu)"
    if sop.tanpa_waktu:
        text += f"; {sop.tanpa_waktu} langkah tanpa waktu"
    return text


def _catatan(sop: Sop) -> list[tuple[int | None, str]]:
    """The source notes of an SOP, then of its steps, each with its step's number (None: the SOP's)."""
    return [(None, note) for note in sop.catatan_sumber] + [
        (step.no, step.catatan) for step in sop.langkah if step.catatan
    ]


def catatan_sumber(sop: Sop, templates: jinja2.Environment | None = None) -> str:
    """The source notes of an SOP and its steps, folded, for reviewers (the theme's
    ``partials/sop/catatan-sumber.html``; '' if none)."""
    notes = _catatan(sop)
    return render(templates, "catatan-sumber.html", catatan=notes) if notes else ""
