"""The Markdown of the handbook's own pages: lists, the relation map, the glossary, reviewers' pages."""

from __future__ import annotations

import json
import posixpath
from collections.abc import Collection, Sequence

from . import links, mermaid
from .durations import angka
from .fragments import DI_LUAR, DRAF, KOSONG, admonition, column_heads, diagram_block, sop_link
from .model import Handbook
from .problems import Problem, format_path
from .render_sop import JENIS_KETERKAITAN, catatan_sumber, total_waktu
from .text import h, h_code, md, tanggal


def daftar_sop(handbook: Handbook, from_src: str) -> str:
    """The SOPs grouped by unit: nomor, nama, number of steps and total time."""
    parts = []
    for instansi, unit, sops in handbook.per_unit():
        parts.append(f"### {md(unit.judul)}")
        if unit.jalur:  # a unit without a name of its own is headed by its agency's name already
            parts.append(f'<p class="sop-instansi">{h(instansi.nama)}</p>')
        rows = "\n".join(
            f"<tr><td>{h(sop.nomor) if sop.nomor else KOSONG}</td> "
            f"<td>{sop_link(sop, from_src)}{DRAF if sop.draf else ''}</td> "
            f"<td>{len(sop.langkah)}</td> <td>{h(total_waktu(sop)) if not sop.draf else KOSONG}</td></tr>"
            for sop in sops
        )
        head = column_heads("Nomor", "Nama SOP", "Langkah", "Total waktu")
        parts.append(f'<table class="sop-daftar"><thead><tr>{head}</tr></thead><tbody>\n{rows}\n</tbody></table>')
    return "\n\n".join(parts) + "\n"


def tautan_buku(from_src: str, pdf: str | None) -> str:
    """The home page's way to the book (mkdocs-print-site-plugin's page), and to its PDF (its path in the
    site) when the build wrote it."""
    buku = links.relative_url(from_src, links.BUKU)
    unduh = f' (<a href="{h(links.url_from(from_src, pdf))}" download>unduh PDF</a>)' if pdf else ""
    return (
        "<p>Untuk dicetak: setiap halaman SOP tercetak sebagai formulir SOP AP, dan "
        f'<a href="{buku}">buku SOP</a>{unduh} memuat seluruh SOP dalam satu halaman, dengan sampul dan daftar isi.</p>'
    )


def sampul_buku(handbook: Handbook, judul: str) -> str:
    """The cover of the printed book: the governments and agencies, the title, what it holds and when it was
    made. Each government heads its own agencies, as on their forms."""
    lines = [
        line
        for pemerintah in (*handbook.pemerintahan, None)
        for line in ((pemerintah,) if pemerintah else ())
        + tuple(i.nama for i in handbook.instansi if i.pemerintah == pemerintah)
    ]
    kop = "".join(f"<p>{h(line.upper())}</p>" for line in lines)
    return (
        f'<div class="sop-sampul"><div class="sop-kop">{kop}</div><h1>{h(judul)}</h1>'
        "<p>Standar Operasional Prosedur Administrasi Pemerintahan (SOP AP)<br> "
        "menurut Permenpan RB No. 35 Tahun 2012</p>"
        f"<p>{sum(not sop.draf for sop in handbook.sops)} SOP, dicetak dari situs buku pedoman pada "
        f"{h(tanggal(handbook.hari_ini))}</p></div>"
    )


MONITORING_BARIS = 5  # the SOP's own row, then rows for what the assessor adds


def formulir_monitoring(handbook: Handbook) -> str:
    """The blank Formulir Monitoring of Permenpan RB 35/2012, one page for every SOP.

    An SOP page links to it with the SOP's ids in the query
    (``render_sop.monitoring_link``); ``monitoring.js`` finds the SOP's name,
    number, unit and government in the form's ``data-sop`` (``monitoring_data``) and writes
    them into the fields marked ``data-isi``, as text. The form reads nothing
    else, so it works from files too (the offline edition). Without the query
    (or without JavaScript) the fields stay blank, to be written by hand; the
    kop shows the government when the handbook has only one.
    """
    field = '<span class="sop-isian" data-isi="{}"></span>'
    data = [("Instansi / Unit", field.format("unit")), ("Nama SOP", field.format("nama"))]
    data += [("Nomor SOP", field.format("nomor")), ("Tanggal penilaian", ""), ("Nama penilai", "")]
    rows = "\n".join(f'<tr><th scope="row">{label}</th> <td>{value}</td></tr>' for label, value in data)
    head = (
        '<tr><th scope="col" rowspan="2">No</th> <th scope="col" rowspan="2">Prosedur</th> '
        '<th scope="colgroup" colspan="2">Penilaian terhadap penerapan</th> '
        '<th scope="col" rowspan="2">Catatan hasil penilaian</th> '
        '<th scope="col" rowspan="2">Tindakan yang harus diambil</th> '
        '<th scope="col" rowspan="2">Paraf penilai</th></tr>'
        '\n<tr><th scope="col">Berjalan dengan baik</th> <th scope="col">Tidak berjalan dengan baik</th></tr>'
    )
    first = f"<tr><td>1</td> <td>{field.format('nama')}</td>{' <td></td>' * 5}</tr>"
    blank = "\n".join(f"<tr><td>{n}</td>{' <td></td>' * 6}</tr>" for n in range(2, MONITORING_BARIS + 1))
    return (
        f'<div class="sop-monitoring" data-sop="{h(monitoring_data(handbook))}">\n'
        '<div class="sop-kop" role="group" aria-label="Kop formulir"><p><span class="sop-isian" data-isi="pemerintah">'
        f"{h(handbook.pemerintahan[0].upper()) if len(handbook.pemerintahan) == 1 else ''}</span></p></div>\n"
        '<p class="sop-monitoring-judul">FORMULIR MONITORING PELAKSANAAN SOP AP</p>\n'
        f'<table class="sop-monitoring-data"><tbody>\n{rows}\n</tbody></table>\n'
        f'<table class="sop-monitoring-tabel"><thead>{head}</thead><tbody>\n{first}\n{blank}\n</tbody></table>\n'
        '<p class="sop-monitoring-ttd">Penilai,<span class="sop-ttd"></span>'
        "(........................................)<br> NIP.</p>\n</div>"
    )


def monitoring_data(handbook: Handbook) -> str:
    """What the monitoring form fills in, as JSON: per ``<instansi>/<unit>``, the unit as the SOP page's
    identity table names it, per SOP id its Nama SOP (its title when it has none) and Nomor SOP, and the
    agency's government for the kop, each on one line as pages show text (``h``)."""

    def line(text: str) -> str:
        return " ".join(text.split())

    data = {
        f"{instansi.id}/{unit.id}": [
            line(f"{unit.judul}, {instansi.nama}" if unit.jalur else instansi.nama),
            {sop.id: [line(sop.nama or sop.judul_tampil), line(sop.nomor or "")] for sop in sops},
            line((instansi.pemerintah or "").upper()),
        ]
        for instansi, unit, sops in handbook.per_unit()
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def konvensi_waktu(handbook: Handbook) -> str:
    """How Waktu is converted to working hours: one sentence, or one per convention with the agencies
    counting by it when they differ."""
    conventions = handbook.konvensi_instansi
    lines = []
    for k, agencies in conventions:
        who = "" if len(conventions) == 1 else f" ({', '.join(i.nama for i in agencies)})"
        text = (
            f"Waktu dihitung dalam jam kerja{who}: 1 hari = {angka(k.jam_per_hari)} jam, "
            f"1 minggu = {angka(k.hari_per_minggu)} hari, 1 bulan = {angka(k.hari_per_bulan)} hari kerja."
        )
        if k.dasar:
            text += f" Dasar: {k.dasar}"
        lines.append(f'<p class="sop-konvensi">{h(text)}</p>')
    return "\n".join(lines)


def catatan_mutu(handbook: Handbook, from_src: str) -> str:
    """Every data-quality warning and source note, grouped by SOP."""
    warnings: dict[str, list[Problem]] = {}
    for problem in sorted(handbook.catatan_mutu, key=lambda p: (p.file, p.line)):
        warnings.setdefault(problem.file, []).append(problem)
    parts = [f"<p>{len(handbook.catatan_mutu)} catatan dari {len(warnings)} berkas sumber.</p>"]
    parts += [admonition("warning", f"Pejabat: {p.nama}", p.catatan) for p in handbook.pejabat if p.catatan]
    for sop in sorted(handbook.sops, key=lambda s: s.file):
        parts.append(f'<h2 class="sop-mutu-judul">{sop_link(sop, from_src)} <small>{h(sop.file)}</small></h2>')
        parts.append(_warning_table(warnings.pop(sop.file, []), from_src))
        parts.append(catatan_sumber(sop))
    for group in warnings.values():
        parts += [f'<h2 class="sop-mutu-judul">{h(group[0].file)}</h2>', _warning_table(group, from_src)]
    return "\n\n".join(part for part in parts if part) + "\n"


def _warning_table(problems: list[Problem], from_src: str) -> str:
    if not problems:
        return "<p>Tidak ada catatan mutu data.</p>"
    rows = "\n".join(
        f'<tr><td><a href="{links.relative_url(from_src, links.sumber_src(p.file))}#{links.baris(p.line)}">'
        f"<code>{h(p.file)}:{p.line}</code></a></td> <td><code>{h(format_path(p.path))}</code></td> "
        f"<td>{h(p.message)}</td></tr>"
        for p in problems
    )
    head = column_heads("Lokasi", "Kunci", "Catatan")
    return f'<table class="sop-mutu"><thead><tr>{head}</tr></thead><tbody>\n{rows}\n</tbody></table>'


TABEL_KETERKAITAN = "tabel-keterkaitan"  # the relation map's text form


def peta_keterkaitan(handbook: Handbook, from_src: str) -> str:
    """Every SOP and its relations: one diagram, then the same as a table."""
    rows = []
    for sop in handbook.sops:
        forward = [
            f"{h(r.nama_luar)} ({JENIS_KETERKAITAN[r.jenis]}; {DI_LUAR})"
            if r.sop_id is None
            else f"{sop_link(handbook.sop(r.sop_id), from_src)} ({JENIS_KETERKAITAN[r.jenis]})"
            for r in sop.keterkaitan
            if r.sop_id != sop.id
        ]
        reverse = [f"{sop_link(other, from_src)} ({r.jenis})" for other, r in handbook.dirujuk_oleh(sop.id)]
        cells = [sop_link(sop, from_src), "<br> ".join(forward) or "—", "<br> ".join(reverse) or "—"]
        rows.append("<tr>" + " ".join(f"<td>{cell}</td>" for cell in cells) + "</tr>")
    head = column_heads("SOP", "Keterkaitan", "Dirujuk oleh")
    table = (
        f'<table class="sop-daftar" id="{TABEL_KETERKAITAN}"><thead><tr>{head}</tr></thead><tbody>\n'
        + "\n".join(rows)
        + "\n</tbody></table>"
    )
    caption = f'Peta keterkaitan SOP — bentuk teksnya: <a href="#{TABEL_KETERKAITAN}">tabel keterkaitan</a>.'
    return diagram_block(mermaid.relation_map(handbook, from_src), caption) + "\n\n" + table + "\n"


def glosarium(handbook: Handbook) -> str:
    """The glossary as a table: abbreviation, full form, note."""
    rows = "\n".join(
        f"<tr><td><strong>{h(e.singkatan)}</strong></td> <td>{h(e.kepanjangan)}</td> <td>{h(e.catatan or '')}</td></tr>"
        for e in handbook.glosarium
    )
    head = column_heads("Singkatan", "Kepanjangan", "Catatan")
    return f'<table class="sop-daftar"><thead><tr>{head}</tr></thead><tbody>\n{rows}\n</tbody></table>\n'


SUMBER_CSS = "assets/stylesheets/sumber.css"


def sumber_page(
    file: str,
    text: str,
    site_name: str,
    made_into: tuple[str, str] | None,
    edit_url: str | None,
    marked: Collection[int] = (),
) -> str:
    """A source file with its line numbers; the ``marked`` lines (those a data-quality note points to) are anchors.

    A plain HTML page, not a Material page: a thousand copies of the navigation
    would be most of the site's size, and a source view needs none of it. The
    numbers are a column of their own, so the text is the file as it is, and
    copying it copies the source only. It links back to the handbook and to
    the page made from the file (``made_into``: its title and src), and to the
    editor when ``edit_url`` is set.
    """
    src = links.sumber_src(file)
    lines = h_code(text).splitlines()  # escaping adds no line break: escaped once, then split
    for n in marked:
        if 1 <= n <= len(lines):
            lines[n - 1] = f'<span id="{links.baris(n)}">{lines[n - 1]}</span>'
    numbers = "\n".join(str(n) for n in range(1, len(lines) + 1))
    content = "\n".join(lines)
    trail = [f'<a href="{links.relative_url(src, links.HOME)}">{h(site_name)}</a>']
    if made_into:
        title, page = made_into
        trail.append(f'<a href="{links.relative_url(src, page)}">{h(title)}</a>')
    edit = f' <a class="sunting" href="{h(edit_url)}">Sunting berkas ini</a>' if edit_url else ""
    css = posixpath.relpath(SUMBER_CSS, posixpath.dirname(src))
    return (
        '<!doctype html>\n<html lang="id">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{h(file)} — {h(site_name)}</title>\n"
        f'<link rel="stylesheet" href="{css}">\n</head>\n<body>\n'
        f'<header><nav aria-label="Jejak">{" › ".join(trail)}</nav>{edit}</header>\n'
        f"<main>\n<h1><code>{h(file)}</code></h1>\n"
        f"<p>Berkas sumber buku pedoman, {len(lines)} baris. Catatan mutu data menautkan ke barisnya.</p>\n"
        f'<div class="sop-sumber"><pre class="nomor" aria-hidden="true">{numbers}</pre>'
        f'<pre class="isi" tabindex="0"><code>{content}</code></pre></div>\n</main>\n</body>\n</html>\n'
    )


def source_error_page(problems: Sequence[Problem]) -> str:
    """The one page of the preview (``mkdocs serve``) while the sources have errors."""
    items = "\n".join(f"<li><code>{h_code(str(problem))}</code></li>" for problem in problems)
    return (
        "---\nrender_macros: false\nsearch:\n  exclude: true\n---\n"
        "# Sumber SOP bermasalah\n\n"
        f"<p>Buku pedoman belum dapat dibangun: {len(problems)} galat di sumber SOP. "
        "Perbaiki berkas yang disebut, simpan, dan halaman ini berganti sendiri dengan buku pedoman.</p>\n\n"
        f'<ul class="sop-galat">\n{items}\n</ul>\n'
    )
