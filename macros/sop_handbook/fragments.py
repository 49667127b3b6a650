"""Small HTML pieces shared by the pages and their templates: empty marks, links.

The pages themselves are the theme's templates (``partials/sop/``); these are
the pieces inside their cells, the templates' globals (``templates.GLOBALS``).
"""

from __future__ import annotations

from . import links
from .glosarium import abbreviate
from .legal import judul_lengkap, sitasi
from .model import Instansi, Keterkaitan, Peran, Peraturan, Singkatan, Sop, Unit
from .text import h

Glosarium = tuple[Singkatan, ...]  # the abbreviations whose hover titles a piece gets (none: no titles)

KOSONG = '<span class="sop-kosong">Tidak tercantum</span>'
TIDAK_TERBACA = '<span class="sop-kosong">Tidak terbaca di salinan</span>'  # in the document, not legible in the copy
DI_LUAR = "SOP di luar buku ini"  # a related SOP named as written, not linked
REKONSTRUKSI_NOTE = (
    "Kolom pelaksana dokumen sumber tidak terbaca, sehingga pelaksana langkah yang bertanda ※ "
    "direkonstruksi dari teks kegiatannya dan perlu dikonfirmasi."
)
REKONSTRUKSI_MARK = '<sup class="sop-rekonstruksi" title="Pelaksana direkonstruksi">※</sup>'


def sop_link(target: Sop, from_src: str, directory_urls: bool = True, glosarium: Glosarium = ()) -> str:
    """A link to an SOP's page, labelled with its name (its abbreviations titled from ``glosarium``)."""
    href = links.relative_url(from_src, links.sop_src(target), directory_urls)
    return f'<a href="{href}">{abbreviate(h(target.judul_tampil), glosarium)}</a>'


def peran_link(
    instansi: Instansi, unit: Unit, peran: Peran, from_src: str, directory_urls: bool = True, glosarium: Glosarium = ()
) -> str:
    """A link to a role's page, labelled with the role (and the office filling it)."""
    href = links.relative_url(from_src, links.peran_src(instansi, unit, peran), directory_urls)
    return f'<a href="{href}">{abbreviate(h(peran.label), glosarium)}</a>'


def peraturan_link(
    peraturan: Peraturan, from_src: str, full: bool = True, directory_urls: bool = True, glosarium: Glosarium = ()
) -> str:
    """A link to a regulation's page, labelled with its citation (in full, or its short form)."""
    label = judul_lengkap(peraturan) if full else sitasi(peraturan)
    href = links.relative_url(from_src, links.peraturan_src(peraturan), directory_urls)
    return f'<a href="{href}">{abbreviate(h(label), glosarium)}</a>'


def sop_luar(relation: Keterkaitan, glosarium: Glosarium = ()) -> str:
    """An SOP outside the handbook as written: its name (a link only to an http(s) address) and agency."""
    url = links.luar(relation.url)
    nama = abbreviate(h(relation.nama or ""), glosarium)
    label = f'<a href="{h(url)}" rel="external noopener">{nama}</a>' if url else nama
    return f"{label} ({abbreviate(h(relation.instansi), glosarium)})" if relation.instansi else label
