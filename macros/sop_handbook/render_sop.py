"""The Markdown of an SOP page: header, identity table, diagram, flowchart table.

Everything taken from a source goes through ``text.h`` (HTML) or
``mermaid`` (diagram); the structure around it is fixed text. Tables are
raw HTML blocks, which Markdown leaves alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from urllib.parse import urlencode

import jinja2
from markupsafe import Markup

from . import bagan, links, mermaid, render_legal
from .durations import KonvensiWaktu, format_jam
from .fragments import (
    DI_LUAR,
    KOSONG,
    REKONSTRUKSI_MARK,
    REKONSTRUKSI_NOTE,
    TIDAK_TERBACA,
    peran_link,
    sop_link,
    sop_luar,
)
from .model import TIDAK_TERCANTUM, Handbook, Langkah, Peran, Sop
from .tanggal import Tanggal
from .templates import render
from .text import h, tanggal

PROSEDUR_ID = "prosedur"  # the heading of the flowchart table, the text form of the diagram


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
        diagram=Markup(diagram(mermaid.swimlane(sop), _diagram_intro(sop), templates)) if drawn else "",
        prosedur=Markup(prosedur_table(sop, sop.instansi.konvensi, kertas, templates=templates)) if drawn else "",
        pdf=pdf or "",
        monitoring=monitoring_link(sop),
        tinjau=tanggal(sop.tanggal_revisi) if sop.tinjauan_lewat(hari_ini) and sop.tanggal_revisi else "",
        rekonstruksi=REKONSTRUKSI_NOTE,
        dirujuk=Markup(dirujuk_oleh(sop, handbook, templates)),
        riwayat=Markup(riwayat_revisi(sop, hari_ini, diubah, templates)),
        belum=_belum_ditulis(sop),
        catatan=Markup(catatan_sumber(sop, templates)),
        sumber=links.relative_url(src, links.sumber_src(sop.file)),
        dari=src,
    )
    return page + "\n"


def diagram(kode: str, keterangan: str, templates: jinja2.Environment | None = None) -> str:
    """A Mermaid diagram (its text made inert by ``mermaid``) as a figure with its caption (HTML), for
    mermaid2's fence: the theme's ``partials/sop/diagram.md``."""
    return render(templates, "diagram.md", kode=Markup(kode), keterangan=Markup(keterangan))


def monitoring_link(sop: Sop) -> str:
    """The monitoring form's URL from the SOP's page: the SOP's ids in the query; the form holds every
    SOP's name, number and unit itself (``render_pages.monitoring_data``), so a page carries its ids only."""
    path = f"{sop.instansi.id}/{sop.unit.id}/{sop.id}"
    return f"{links.relative_url(links.sop_src(sop), links.MONITORING)}?{urlencode({'sop': path}, safe='/')}"


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
    ke_akar = links.relative_url(links.sop_src(sop), links.HOME)
    return render(templates, "kop.html", baris=lines, sop=sop, ke_akar=ke_akar)


def identitas_table(
    sop: Sop, handbook: Handbook, book: bool = False, templates: jinja2.Environment | None = None
) -> str:
    """The identity part of the form (the theme's ``partials/sop/identitas.html``): thirteen fields, empty
    ones shown empty; for the ``book``, without links to regulations and without the notes for reviewers."""
    src = links.sop_src(sop)
    rows = [
        ("Unit Kerja", h(f"{sop.unit.judul}, {sop.instansi.nama}" if sop.unit.jalur else sop.instansi.nama)),
        ("Nomor SOP", h(sop.nomor) if sop.nomor else _kosong(sop, "nomor")),
        *((label, _date(value) if value else _kosong(sop, key)) for key, label, value in _dates(sop)),
        ("Disahkan oleh", _pengesah(sop, book)),
        ("Nama SOP", h(sop.nama) if sop.nama else f"{_kosong(sop, 'nama')} (judul prosedur: {h(sop.judul)})"),
        ("Dasar Hukum", _daftar(sop, "dasar_hukum", render_legal.dasar_hukum_list(sop.dasar_hukum, src, not book))),
        ("Kualifikasi Pelaksana", _daftar(sop, "kualifikasi_pelaksana", _list(sop.kualifikasi_pelaksana))),
        ("Keterkaitan", _daftar(sop, "keterkaitan", _keterkaitan(sop, handbook, src, book))),
        ("Peralatan/Perlengkapan", _daftar(sop, "peralatan_perlengkapan", _list(sop.peralatan_perlengkapan))),
        ("Peringatan", h(sop.peringatan) if sop.peringatan else _kosong(sop, "peringatan")),
        ("Pencatatan dan Pendataan", _daftar(sop, "pencatatan_pendataan", _list(sop.pencatatan_pendataan))),
    ]
    return render(templates, "identitas.html", rows=[(label, Markup(value)) for label, value in rows], sop=sop)


def _dates(sop: Sop) -> tuple[tuple[str, str, Tanggal | None], ...]:
    return (
        ("tanggal_pembuatan", "Tanggal Pembuatan", sop.tanggal_pembuatan),
        ("tanggal_revisi", "Tanggal Revisi", sop.tanggal_revisi),
        ("tanggal_efektif", "Tanggal Efektif", sop.tanggal_efektif),
    )


def _date(value: date | Tanggal | None) -> str:
    return h(tanggal(value)) if value else KOSONG


def _kosong(sop: Sop, key: str) -> str:
    """A field the document does not state: "Tidak tercantum", and on screen how the document marks it; one
    its copy does not show legibly: "Tidak terbaca di salinan"."""
    if key in sop.tidak_terbaca:
        return TIDAK_TERBACA
    mark = sop.tanda(key)
    return KOSONG + (f' <small class="sop-tertulis">(di dokumen: {h(mark)})</small>' if mark else "")


def _daftar(sop: Sop, key: str, html: str) -> str:
    """A list field: its items; if none, why; if the copy shows only some, a note saying so, on screen."""
    if html == KOSONG:
        return _kosong(sop, key)
    if key in sop.tidak_terbaca:
        return f'{html} <small class="sop-tertulis">(sebagian tidak terbaca di salinan)</small>'
    return html


def _list(items: Iterable[str]) -> str:
    entries = "".join(f"<li>{h(item)}</li>" for item in items)
    return f"<ol>{entries}</ol>" if entries else KOSONG


def _pengesah(sop: Sop, book: bool = False) -> str:
    """Disahkan oleh as the form prints it: the office, room to sign, the name, rank and NIP; each part
    the document does not give is "tidak tercantum". What the document writes, when it differs from
    organisasi.yaml, is a note for reviewers, on the screen only."""
    pengesah = sop.disahkan_oleh
    if pengesah.pejabat is None and pengesah.tertulis is None:
        return _kosong(sop, "disahkan_oleh")
    state = "tidak terbaca di salinan" if "disahkan_oleh" in sop.tidak_terbaca else "tidak tercantum"
    missing = f'<span class="sop-kosong">{{}} {state}</span>'
    nama = h(pengesah.nama) if pengesah.nama else missing.format("Nama")
    nip = f"NIP. {h(pengesah.nip)}" if pengesah.nip else missing.format("NIP")
    # In print, room for the signature and the stamp between the jabatan and the name.
    text = (h(pengesah.jabatan) if pengesah.jabatan else missing.format("Jabatan")) + "<br> "
    text += '<span class="sop-cetak sop-ttd"></span>' + "<br> ".join(
        part for part in (nama, h(pengesah.pangkat) if pengesah.pangkat else "", nip) if part
    )
    tertulis = pengesah.tertulis
    if tertulis is None or pengesah.pejabat is None or book:
        return text
    written = ", ".join(v for v in (tertulis.jabatan, tertulis.nama, tertulis.pangkat, tertulis.nip) if v)
    return f'{text}<br> <small class="sop-tertulis">Tertulis di dokumen sumber: {h(written) or KOSONG}</small>'


JENIS_KETERKAITAN = {
    "prasyarat": "prasyarat: dijalankan sebelum SOP ini",
    "lanjutan": "lanjutan: dijalankan sesudah SOP ini",
    "terkait": "terkait",
}


def _keterkaitan(sop: Sop, handbook: Handbook, src: str, book: bool = False) -> str:
    items = []
    for relation in sop.keterkaitan:
        if relation.sop_id is None:
            link, written = sop_luar(relation), f"; {DI_LUAR}"
        else:
            link = sop_link(handbook.sop(relation.sop_id), src)
            written = f"; tertulis: {h(relation.tertulis)}" if relation.tertulis else ""
        note = "" if book else f' <small class="sop-tertulis">({JENIS_KETERKAITAN[relation.jenis]}{written})</small>'
        items.append(f"<li>{link}{note}</li>")
    return f"<ul>{''.join(items)}</ul>" if items else KOSONG


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


def _diagram_intro(sop: Sop) -> str:
    """The diagram's caption: its lanes, and the table that is its text form."""
    lanes = ", ".join(h(p.label) for p in sop.lajur)
    return (
        f"Satu lajur per pelaksana ({lanes}). "
        f'<a href="#{PROSEDUR_ID}">Tabel prosedur</a> di bawahnya memuat isi yang sama dalam bentuk teks.'
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
            _step_row(sop, step, drawn.baris[index], index in page_starts, book)
            for index, step in enumerate(sop.langkah)
        ],
        lajur=[p.label for p in drawn.lajur],
        lebar=[f"{w:.0f}" for w in widths],
        panah=Markup(bagan.PANAH),
        kelas_kepala=drawn.tata.kelas_kepala or "",
        total=total_waktu(sop),
        sop=sop,
    )


def _step_row(sop: Sop, step: Langkah, svg: str, new_page: bool, book: bool = False) -> dict[str, object]:
    """A step's row of the flowchart table: its cells as HTML, the model's step beside them."""
    kegiatan = h(step.kegiatan)
    cabang = bagan.cabang_text(step)
    if cabang:
        kegiatan += f'<br> <small class="sop-cabang">{cabang}</small>'
    src = links.sop_src(sop)
    kosong = TIDAK_TERBACA if "pelaksana" in step.tidak_terbaca else KOSONG

    def cell(peran: Peran) -> str:  # in the book a role is its name: the book has no role pages
        if peran is TIDAK_TERCANTUM:
            return kosong
        return h(peran.label) if book else peran_link(sop.instansi, sop.unit, peran, src)

    pelaksana = ", ".join(cell(peran) for peran in step.pelaksana)
    pelaksana += REKONSTRUKSI_MARK if step.pelaksana_direkonstruksi else ""
    mutu = step.mutu_baku
    cells = {
        "kelengkapan": _cell(mutu.kelengkapan),
        "waktu": _waktu(step),
        "output": _cell(mutu.output),
        "keterangan": _cell(step.keterangan),
    }  # an empty cell is empty, as on paper; one the copy does not show legibly says so
    cells = {key: Markup(cell or (TIDAK_TERBACA if key in step.tidak_terbaca else "")) for key, cell in cells.items()}
    return {
        "id": links.anchor(step.no),
        "no": step.no,
        "kegiatan": Markup(kegiatan),
        "pelaksana": Markup(pelaksana),
        "bagan": Markup(svg),
        **cells,
        "halaman_baru": new_page,
        "step": step,
    }


def _waktu(step: Langkah) -> str:
    written = bagan.waktu_lines(step)
    if not written:
        return ""
    first, *hours = written
    return h(first) + "".join(f'<br> <small class="sop-jam">{h(line)}</small>' for line in hours)


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


def _cell(value: str | None) -> str:
    return h(value) if value else ""


def _catatan(sop: Sop) -> list[str]:
    """The source notes of an SOP, then of its steps."""
    return [*sop.catatan_sumber, *(f"Langkah {step.no}: {step.catatan}" for step in sop.langkah if step.catatan)]


def catatan_sumber(sop: Sop, templates: jinja2.Environment | None = None) -> str:
    """The source notes of an SOP and its steps, folded, for reviewers (the theme's
    ``partials/sop/catatan-sumber.html``; '' if none)."""
    notes = _catatan(sop)
    return render(templates, "catatan-sumber.html", catatan=notes) if notes else ""
