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

from . import bagan, links, mermaid, render_legal, render_roles
from .durations import KonvensiWaktu, format_jam
from .fragments import (
    DI_LUAR,
    KOSONG,
    NOT_SEARCHED,
    REKONSTRUKSI_MARK,
    REKONSTRUKSI_NOTE,
    TIDAK_TERBACA,
    admonition,
    column_heads,
    diagram_block,
    sop_link,
    sop_luar,
)
from .model import TIDAK_TERCANTUM, Handbook, Langkah, Peran, Sop
from .tanggal import Tanggal
from .templates import render
from .text import h, tanggal

PROSEDUR_ID = "prosedur"  # the heading of the flowchart table, the text form of the diagram
DRAF_NOTE = (
    "Bagian prosedur (bagan alir) SOP ini {}: SOP ini masih draf, "
    "tidak dicetak di buku pedoman dan belum dapat dijadikan pedoman kerja."
)


def sop_page(
    sop: Sop,
    handbook: Handbook,
    diubah: date | None = None,
    pdf: str | None = None,
    kertas: bagan.Kertas = bagan.A4,
    templates: jinja2.Environment | None = None,
) -> str:
    """The whole page of one SOP, as Markdown with raw HTML blocks.

    ``diubah`` is the day its source last changed (from git), when known;
    ``pdf`` the file name of its PDF in the page's folder, when the build writes one;
    ``kertas`` the paper its printed form is laid out for; ``templates`` the
    handbook's (``templates.environment``), else the package's.
    """
    # The title as Material would write it, but in the page's own HTML.
    parts = [f"<h1>{h(sop.judul_tampil)}</h1>", kop(sop, templates), _cetak(sop, pdf)]
    if sop.tinjauan_lewat(handbook.hari_ini) and sop.tanggal_revisi:
        message = (
            f"Tanggal Revisi (rencana peninjauan) {tanggal(sop.tanggal_revisi)} sudah lewat: SOP ini perlu ditinjau."
        )
        parts.append(admonition("warning", "Perlu ditinjau", message))
    if sop.ada_rekonstruksi:
        parts.append(admonition("info", "Pelaksana direkonstruksi", REKONSTRUKSI_NOTE))
    parts += ["## Identitas SOP", identitas_table(sop, handbook, templates=templates), dirujuk_oleh(sop, handbook)]
    parts += ["## Riwayat revisi", riwayat_revisi(sop, handbook.hari_ini, diubah)]
    if sop.draf:
        note = DRAF_NOTE.format(_belum_ditulis(sop))
        parts += [f"## Prosedur {{ #{PROSEDUR_ID} }}", admonition("warning", "Draf", note)]
    else:
        # Search finds the steps through entries of their own (search.step_entries).
        parts += [f"## Diagram alir {NOT_SEARCHED}", diagram_block(mermaid.swimlane(sop), _diagram_intro(sop))]
        parts += [
            f"## Prosedur {{ #{PROSEDUR_ID} data-search-exclude }}",
            prosedur_table(sop, sop.instansi.konvensi, kertas),
        ]
    parts.append(catatan_sumber(sop))
    source = links.relative_url(links.sop_src(sop), links.sumber_src(sop.file))
    parts.append(f'<p class="sop-berkas">Berkas sumber: <a href="{source}"><code>{h(sop.file)}</code></a></p>')
    return "\n\n".join(part for part in parts if part) + "\n"


def _cetak(sop: Sop, pdf: str | None) -> str:
    """What a reader can print besides the page itself (the home page says it prints as the form):
    its PDF when the build wrote one, and the blank monitoring form with this SOP filled in."""
    items = [f'<a href="{h(pdf)}" download>Unduh PDF</a>'] if pdf else []
    items.append(f'<a href="{h(monitoring_link(sop))}">Formulir monitoring</a>')
    return f'<p class="sop-cetak-tautan">{" · ".join(items)}</p>'


def monitoring_link(sop: Sop) -> str:
    """The monitoring form's URL from the SOP's page: the SOP's ids in the query; the form holds every
    SOP's name, number and unit itself (``render_pages.monitoring_data``), so a page carries its ids only."""
    path = f"{sop.instansi.id}/{sop.unit.id}/{sop.id}"
    return f"{links.relative_url(links.sop_src(sop), links.MONITORING)}?{urlencode({'sop': path}, safe='/')}"


def riwayat_revisi(sop: Sop, hari_ini: date, diubah: date | None) -> str:
    """Which revision is in force and since when, the history, and the source's last change."""
    current = sop.revisi_berlaku(hari_ini)
    lines = []
    if current is None:
        lines.append("Belum ada revisi yang berlaku." if sop.riwayat_revisi else "Riwayat revisi tidak tercantum.")
    else:
        since = f"sejak {tanggal(current.berlaku_sejak)}"
        if current.tanggal_efektif is None:
            since += " (tanggal pengesahan; tanggal efektif tidak tercantum)"
        lines.append(f"<strong>Berlaku: revisi {current.revisi}</strong>, {h(since)}.")
    lines += [
        f"Revisi {r.revisi} akan berlaku mulai {h(tanggal(r.berlaku_sejak))}."
        for r in sop.riwayat_revisi
        if r.berlaku_sejak > hari_ini
    ]
    if diubah is not None:
        lines.append(f"Berkas sumber terakhir diubah {h(tanggal(diubah))}.")
    status = f'<p class="sop-berlaku">{" ".join(lines)}</p>'
    if not sop.riwayat_revisi:
        return status
    rows = "\n".join(
        f"<tr><td>{r.revisi}</td> <td>{h(tanggal(r.tanggal))}</td> <td>{_date(r.tanggal_efektif)}</td> "
        f"<td>{h(r.perubahan)}</td> <td>{h(r.disahkan_oleh.nama) if r.disahkan_oleh else KOSONG}</td></tr>"
        for r in sop.riwayat_revisi
    )
    head = column_heads("Revisi", "Tanggal", "Tanggal Efektif", "Perubahan", "Disahkan oleh")
    return f'{status}\n<table class="sop-daftar"><thead><tr>{head}</tr></thead><tbody>\n{rows}\n</tbody></table>'


def _belum_ditulis(sop: Sop) -> str:
    return "tidak terbaca di salinan" if "langkah" in sop.tidak_terbaca else "belum ditulis"


def book_copy(
    sop: Sop, handbook: Handbook, kertas: bagan.Kertas = bagan.A4, templates: jinja2.Environment | None = None
) -> str:
    """An SOP as the printed book holds it (mkdocs-print-site-plugin's page): what its page prints.

    The title, the form's header, the identity part and the flowchart part,
    each after its heading, as HTML: no diagram (the flowchart part draws the
    steps), no revision history, notes for reviewers or links to print it.
    The book's links lead to its own sections, so only the links to other
    SOPs stay links; regulations and roles are their names.
    """
    return "\n".join(
        [
            f"<h1>{h(sop.judul_tampil)}</h1>",
            kop(sop, templates),  # its addresses relative to the SOP's page: print-site rewrites them for the book
            '<h2 id="identitas-sop">Identitas SOP</h2>',
            identitas_table(sop, handbook, book=True, templates=templates),
            f'<h2 data-search-exclude id="{PROSEDUR_ID}">Prosedur</h2>',  # as the page's: search leaves the steps
            prosedur_table(sop, sop.instansi.konvensi, kertas, book=True),
        ]
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


def dirujuk_oleh(sop: Sop, handbook: Handbook) -> str:
    """The reverse of Keterkaitan: the SOPs that list this one, computed from theirs."""
    src = links.sop_src(sop)
    items = [
        f'<li>{sop_link(other, src)} <small class="sop-tertulis">(sebagai {relation.jenis})</small></li>'
        for other, relation in handbook.dirujuk_oleh(sop.id)
    ]
    body = f"<ul>{''.join(items)}</ul>" if items else "<p>Tidak ada SOP lain yang mencantumkan SOP ini.</p>"
    return f'<div class="sop-dirujuk"><p><strong>Dirujuk oleh</strong></p>{body}</div>'


def _diagram_intro(sop: Sop) -> str:
    """The diagram's caption: its lanes, and the table that is its text form."""
    lanes = ", ".join(h(p.label) for p in sop.lajur)
    return (
        f"Satu lajur per pelaksana ({lanes}). "
        f'<a href="#{PROSEDUR_ID}">Tabel prosedur</a> di bawahnya memuat isi yang sama dalam bentuk teks.'
    )


def prosedur_table(sop: Sop, konvensi: KonvensiWaktu, kertas: bagan.Kertas = bagan.A4, book: bool = False) -> str:
    """The flowchart part as a table, one row per step, with the total time; for the ``book``, the
    pelaksana are names, not links to their pages.

    On screen the pelaksana is a column of names. In print (``sop-cetak``
    rows and the ``sop-bagan`` cells, hidden on screen; ``sop-layar`` rows and
    the cell before a ``sop-bagan`` one are hidden in print) it is the form's
    columns, one per pelaksana, each row's symbols and arrows drawn by
    ``bagan``; a row of column widths fixes the layout the row heights were
    computed for, and the rows that start a printed page say so.
    """
    drawn = bagan.draw(sop, kertas)
    lanes = len(drawn.lajur)
    head = column_heads("No", "Kegiatan", "Pelaksana", "Kelengkapan", "Waktu", "Output", "Keterangan")
    text = drawn.tata.kolom_teks
    widths = [bagan.KOLOM_NO, text["kegiatan"], *[drawn.lebar_lajur] * lanes]
    widths += [text["kelengkapan"], text["waktu"], text["output"], text["keterangan"]]
    # The widths' classes are sop.css's; the first cell also holds the arrowhead the rows' arrows use.
    sizes = " ".join(f'<td class="sop-l{w:.0f}">{bagan.PANAH if i == 0 else ""}</td>' for i, w in enumerate(widths))
    form = (
        '<th rowspan="2">No</th> <th rowspan="2">Kegiatan</th> '
        f'<th colspan="{lanes}">Pelaksana</th> <th colspan="3">Mutu Baku</th> <th rowspan="2">Keterangan</th>'
    )
    small = f' class="{drawn.tata.kelas_kepala}"' if drawn.tata.kelas_kepala else ""  # many columns: smaller type
    form_lanes = " ".join(f'<th scope="col"{small}>{h(p.label)}</th>' for p in drawn.lajur)
    form_lanes += " " + column_heads("Kelengkapan", "Waktu", "Output")
    thead = (
        f'<thead><tr class="sop-layar">{head}</tr>\n<tr class="sop-cetak sop-lebar">{sizes}</tr>\n'
        f'<tr class="sop-cetak">{form}</tr>\n<tr class="sop-cetak">{form_lanes}</tr></thead>'
    )
    page_starts = {rows[0] for rows in drawn.halaman[1:]}
    body = "\n".join(
        _step_row(sop, step, drawn.baris[index], lanes, index in page_starts, book)
        for index, step in enumerate(sop.langkah)
    )
    total_jam = h(total_waktu(sop))
    total = "\n".join(
        f'<tr class="{kind}"><th scope="row" colspan="{span}">Total waktu</th> <td colspan="3">{total_jam}</td></tr>'
        for kind, span in (("sop-layar", 4), ("sop-cetak", lanes + 3))
    )
    return f'<table class="sop-prosedur">{thead}<tbody>\n{body}\n</tbody><tfoot>{total}</tfoot></table>'


def _step_row(sop: Sop, step: Langkah, svg: str, lanes: int, new_page: bool, book: bool = False) -> str:
    mark = REKONSTRUKSI_MARK if step.pelaksana_direkonstruksi else ""
    kegiatan = h(step.kegiatan)
    cabang = bagan.cabang_text(step)
    if cabang:
        kegiatan += f'<br> <small class="sop-cabang">{cabang}</small>'
    src = links.sop_src(sop)
    kosong = TIDAK_TERBACA if "pelaksana" in step.tidak_terbaca else KOSONG

    def cell(peran: Peran) -> str:  # in the book a role is its name: the book has no role pages
        if peran is TIDAK_TERCANTUM:
            return kosong
        return h(peran.label) if book else render_roles.peran_link(sop.instansi, sop.unit, peran, src)

    pelaksana = ", ".join(cell(peran) for peran in step.pelaksana)
    pelaksana += mark
    mutu = step.mutu_baku
    cells = {
        "kelengkapan": _cell(mutu.kelengkapan),
        "waktu": _waktu(step),
        "output": _cell(mutu.output),
        "keterangan": _cell(step.keterangan),
    }  # an empty cell is empty, as on paper; one the copy does not show legibly says so
    cells = {key: cell or (TIDAK_TERBACA if key in step.tidak_terbaca else "") for key, cell in cells.items()}
    tds = "\n".join(f"<td>{cell}</td>" for cell in cells.values())
    page = ' class="sop-halaman"' if new_page else ""
    # A cell a line: as few bytes as a space between them, and mkdocs-print-site-plugin's search for
    # ids in the book (a regular expression from each tag to the end of its line) stays short.
    return (
        f'<tr id="{links.anchor(step.no)}"{page}><td>{step.no}</td>\n<td>{kegiatan}</td>\n'
        f'<td>{pelaksana}</td>\n<td class="sop-bagan" colspan="{lanes}">{svg}</td>\n'
        f"{tds}</tr>"
    )


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


def catatan_sumber(sop: Sop) -> str:
    """The source notes of an SOP and its steps, folded, for reviewers ('' if none)."""
    notes = [h(note) for note in sop.catatan_sumber]
    notes += [f"Langkah {step.no}: {h(step.catatan)}" for step in sop.langkah if step.catatan]
    if not notes:
        return ""
    items = "".join(f"<li>{note}</li>" for note in notes)
    return f'<details class="note"><summary>Catatan sumber untuk peninjau</summary><ul>{items}</ul></details>'
