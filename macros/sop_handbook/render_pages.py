"""The Markdown of the handbook's own pages: lists, the relation map, the glossary, reviewers' pages."""

from __future__ import annotations

import json
import posixpath
from collections.abc import Collection, Sequence
from typing import Any

import jinja2
from markupsafe import Markup

from . import links, mermaid
from .durations import angka
from .model import Handbook, Sop
from .problems import Problem, format_path
from .render_sop import JENIS_KETERKAITAN, catatan_sumber, total_waktu
from .templates import directory_urls, render
from .text import h_code


def daftar_sop(handbook: Handbook, from_src: str, templates: jinja2.Environment | None = None) -> str:
    """The SOPs grouped by unit: nomor, nama, number of steps and total time (``partials/sop/daftar-sop.md``)."""
    units = [{"instansi": instansi, "unit": unit, "sop": sops} for instansi, unit, sops in handbook.per_unit()]
    return render(templates, "daftar-sop.md", unit=units, total_waktu=total_waktu, dari=from_src)


def tautan_buku(from_src: str, pdf: str | None, templates: jinja2.Environment | None = None) -> str:
    """The home page's way to the book (mkdocs-print-site-plugin's page), and to its PDF (its path in the
    site) when the build wrote it (``partials/sop/tautan-buku.html``)."""
    by_directory = directory_urls(templates)
    buku = links.relative_url(from_src, links.BUKU, by_directory)
    unduh = links.url_from(from_src, pdf, by_directory) if pdf else ""
    return render(templates, "tautan-buku.html", buku=buku, pdf=unduh)


def sampul_buku(handbook: Handbook, judul: str, templates: jinja2.Environment | None = None) -> str:
    """The cover of the printed book (``partials/sop/sampul.html``): the governments and agencies, the
    title, what it holds and when it was made. Each government heads its own agencies, as on their forms."""
    lines = [
        line
        for pemerintah in (*handbook.pemerintahan, None)
        for line in ((pemerintah,) if pemerintah else ())
        + tuple(i.nama for i in handbook.instansi if i.pemerintah == pemerintah)
    ]
    jumlah = sum(not sop.draf for sop in handbook.sops)
    return render(templates, "sampul.html", kop=lines, judul=judul, jumlah=jumlah, hari_ini=handbook.hari_ini)


MONITORING_BARIS = 5  # the SOP's own row, then rows for what the assessor adds


def formulir_monitoring(handbook: Handbook, templates: jinja2.Environment | None = None) -> str:
    """The blank Formulir Monitoring of Permenpan RB 35/2012, one page for every SOP
    (``partials/sop/monitoring.html``).

    An SOP page links to it with the SOP's ids in the query
    (``render_sop.monitoring_link``); ``monitoring.js`` finds the SOP's name,
    number, unit and government in the form's ``data-sop`` (``monitoring_data``) and writes
    them into the fields marked ``data-isi``, as text. The form reads nothing
    else, so it works from files too (the offline edition). Without the query
    (or without JavaScript) the fields stay blank, to be written by hand; the
    kop shows the government when the handbook has only one.
    """
    pemerintah = handbook.pemerintahan[0] if len(handbook.pemerintahan) == 1 else ""
    data = monitoring_data(handbook)
    return render(templates, "monitoring.html", data=data, pemerintah=pemerintah, baris=MONITORING_BARIS)


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


def konvensi_waktu(handbook: Handbook, templates: jinja2.Environment | None = None) -> str:
    """How Waktu is converted to working hours (``partials/sop/konvensi.html``): one sentence, or one per
    convention with the agencies counting by it when they differ."""
    conventions = handbook.konvensi_instansi
    items = [
        {"k": k, "instansi": "" if len(conventions) == 1 else ", ".join(i.nama for i in agencies)}
        for k, agencies in conventions
    ]
    return render(templates, "konvensi.html", konvensi=items, angka=angka)


def catatan_mutu(handbook: Handbook, from_src: str, templates: jinja2.Environment | None = None) -> str:
    """Every data-quality warning and source note, grouped by SOP, then the other files
    (``partials/sop/catatan-mutu.md``)."""
    warnings: dict[str, list[Problem]] = {}
    for problem in sorted(handbook.catatan_mutu, key=lambda p: (p.file, p.line)):
        warnings.setdefault(problem.file, []).append(problem)
    count = len(warnings)

    def berkas(file: str, sop: Sop | None) -> dict[str, Any]:
        notes = Markup(catatan_sumber(sop, templates)) if sop else ""
        alamat = links.relative_url(from_src, links.sumber_src(file), directory_urls(templates))
        return {"sop": sop, "file": file, "catatan": warnings.pop(file, []), "sumber": notes, "alamat": alamat}

    files = [berkas(sop.file, sop) for sop in sorted(handbook.sops, key=lambda s: s.file)]
    files += [berkas(file, None) for file in list(warnings)]
    page = render(
        templates,
        "catatan-mutu.md",
        jumlah=len(handbook.catatan_mutu),
        jumlah_berkas=count,
        pejabat=[p for p in handbook.pejabat if p.catatan],
        berkas=files,
        kunci=format_path,
        baris=links.baris,
        dari=from_src,
    )
    return page + "\n"


def peta_keterkaitan(handbook: Handbook, from_src: str, templates: jinja2.Environment | None = None) -> str:
    """Every SOP and its relations: one diagram, then the same as a table (``partials/sop/peta-keterkaitan.md``)."""
    rows = [
        {
            "sop": sop,
            "maju": [
                (None if r.sop_id is None else handbook.sop(r.sop_id), r) for r in sop.keterkaitan if r.sop_id != sop.id
            ],
            "balik": handbook.dirujuk_oleh(sop.id),
        }
        for sop in handbook.sops
    ]
    kode = Markup(mermaid.relation_map(handbook, from_src, directory_urls(templates)))
    page = render(templates, "peta-keterkaitan.md", kode=kode, baris=rows, jenis=JENIS_KETERKAITAN, dari=from_src)
    return page + "\n"


def glosarium(handbook: Handbook, templates: jinja2.Environment | None = None) -> str:
    """The glossary as a table: abbreviation, full form, note (``partials/sop/glosarium.html``)."""
    return render(templates, "glosarium.html", glosarium=handbook.glosarium) + "\n"


SUMBER_CSS = "assets/stylesheets/sumber.css"


def sumber_page(
    file: str,
    text: str,
    site_name: str,
    made_into: tuple[str, str] | None,
    edit_url: str | None,
    marked: Collection[int] = (),
    templates: jinja2.Environment | None = None,
) -> str:
    """A source file with its line numbers (``partials/sop/sumber.html``); the ``marked`` lines (those a
    data-quality note points to) are anchors.

    It links back to the handbook and to the page made from the file
    (``made_into``: its title and src), and to the editor when ``edit_url`` is set.
    """
    src = links.sumber_src(file)
    lines = h_code(text).splitlines()  # escaping adds no line break: escaped once, then split
    anchors = {n: links.baris(n) for n in marked}
    isi = [(anchors.get(n, ""), Markup(line)) for n, line in enumerate(lines, 1)]
    by_directory = directory_urls(templates)
    dibuat = (made_into[0], links.relative_url(src, made_into[1], by_directory)) if made_into else None
    page = render(
        templates,
        "sumber.html",
        file=file,
        judul_situs=site_name,
        beranda=links.relative_url(src, links.HOME, by_directory),
        dibuat=dibuat,
        sunting=edit_url or "",
        css=posixpath.relpath(SUMBER_CSS, posixpath.dirname(src)),
        nomor=Markup("\n".join(str(n) for n in range(1, len(lines) + 1))),
        isi=isi,
        baris_baru=Markup("\n"),
        jumlah=len(lines),
    )
    return page + "\n"


def source_error_page(problems: Sequence[Problem], templates: jinja2.Environment | None = None) -> str:
    """The one page of the preview (``mkdocs serve``) while the sources have errors (``partials/sop/galat.md``)."""
    galat = [Markup(h_code(str(problem))) for problem in problems]
    return render(templates, "galat.md", galat=galat) + "\n"
