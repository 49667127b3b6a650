"""The Markdown of the Dasar Hukum pages: one per regulation, and the index."""

from __future__ import annotations

from itertools import groupby

from . import links
from .fragments import KOSONG, column_heads, peraturan_link, sop_link
from .legal import JENIS, dicatat, judul_lengkap, nama_jenis, urutan
from .model import DasarHukum, Handbook, Peraturan
from .text import h


def dasar_hukum_list(cited: tuple[DasarHukum, ...], from_src: str, linked: bool = True) -> str:
    """An SOP's Dasar Hukum as links (``linked``) or citations, in the order of the legal hierarchy; then,
    as written and in the order written, the citations the catalogue does not hold (their kind is not known)."""

    def cite(peraturan: Peraturan) -> str:
        return peraturan_link(peraturan, from_src) if linked else h(judul_lengkap(peraturan))

    items = [f"<li>{cite(p)}</li>" for p in sorted(dicatat(cited), key=urutan)]
    items += [f"<li>{h(d.tertulis)}</li>" for d in cited if d.peraturan is None and d.tertulis]
    return f"<ol>{''.join(items)}</ol>" if items else KOSONG


def peraturan_page(peraturan: Peraturan, handbook: Handbook) -> str:
    """A regulation's page: citation, amendments both ways, and every SOP citing it."""
    src = links.peraturan_src(peraturan)
    naskah = f'<a href="{h(peraturan.url)}">{h(peraturan.url)}</a>' if peraturan.url else KOSONG
    rows = [
        ("Jenis", h(nama_jenis(peraturan))),
        ("Nomor", h(peraturan.nomor) if peraturan.nomor else "—"),  # the UUD 1945 has none: nothing lacks
        ("Tahun", str(peraturan.tahun)),
        ("Tentang", h(peraturan.tentang) if peraturan.tentang else "—"),
        ("Mengubah", _links([handbook.cari_peraturan(i) for i in peraturan.mengubah], src)),
        ("Diubah oleh", _links(handbook.diubah_oleh(peraturan.id), src)),
        ("Naskah resmi", naskah),
        ("Catatan", h(peraturan.catatan) if peraturan.catatan else KOSONG),
    ]
    body = "\n".join(f'<tr><th scope="row">{label}</th> <td>{value}</td></tr>' for label, value in rows)
    table = f'<table class="sop-identitas"><tbody>\n{body}\n</tbody></table>'
    sitasi_lengkap = f'<p class="sop-sitasi">{h(judul_lengkap(peraturan))}</p>'
    return f"{sitasi_lengkap}\n\n{table}\n\n## Dirujuk oleh SOP\n\n{_citing(peraturan, handbook, src)}\n"


def _links(items: list[Peraturan], src: str) -> str:
    return "<br> ".join(peraturan_link(p, src) for p in items) or "—"


def _citing(peraturan: Peraturan, handbook: Handbook, src: str) -> str:
    rows = []
    for sop in handbook.sop_berdasarkan(peraturan.id):
        written = {d.tertulis for d in sop.dasar_hukum if d.peraturan_id == peraturan.id and d.tertulis}
        rows.append(
            f"<tr><td>{sop_link(sop, src)}</td> <td>{'<br> '.join(h(w) for w in sorted(written)) or '—'}</td></tr>"
        )
    if not rows:
        return "<p>Tidak ada SOP yang mencantumkan peraturan ini sebagai Dasar Hukum.</p>"
    head = column_heads("SOP", "Tertulis di dokumen SOP")
    return f'<table class="sop-daftar"><thead><tr>{head}</tr></thead><tbody>\n' + "\n".join(rows) + "\n</tbody></table>"


def daftar_peraturan(handbook: Handbook, from_src: str) -> str:
    """Every regulation, grouped by kind in the order of the legal hierarchy, then by year and number."""
    parts = []
    for jenis, group in groupby(handbook.peraturan, key=lambda p: p.jenis):
        rows = "\n".join(
            f"<tr><td>{peraturan_link(p, from_src, full=False)}</td> <td>{h(p.tentang) if p.tentang else '—'}</td> "
            f"<td>{len(handbook.sop_berdasarkan(p.id))}</td></tr>"
            for p in group
        )
        head = column_heads("Peraturan", "Tentang", "SOP")
        parts.append(f"## {JENIS[jenis].judul}")
        parts.append(f'<table class="sop-daftar"><thead><tr>{head}</tr></thead><tbody>\n{rows}\n</tbody></table>')
    return "\n\n".join(parts) + "\n"
