"""Where every page lives: the one place that computes paths and URLs.

Pages are addressed by their source path in ``docs/`` (``src``); the site
uses directory URLs, so ``sop/a/b/c.md`` is served at ``sop/a/b/c/``.
Links inside generated HTML are relative, so the site works under any
base path (an intranet server's sub-folder, a versioned copy).
"""

from __future__ import annotations

import functools

from .model import Instansi, Peran, Peraturan, Sop, Unit

HOME = "index.md"
CATATAN_MUTU = "catatan-mutu-data.md"
PETA_KETERKAITAN = "peta-keterkaitan.md"
DASAR_HUKUM = "dasar-hukum/index.md"
API_DASAR_HUKUM = "api/dasar-hukum.json"
PELAKSANA = "pelaksana/index.md"
GLOSARIUM = "glosarium.md"
KATEGORI = "kategori.md"
MONITORING = "formulir-monitoring.md"  # one blank form for every SOP, filled in from the SOP page's link
SOP_DIR = "sop/"  # the generated SOP pages, and nothing else
BUKU = "buku/"  # the book, written by mkdocs-print-site-plugin (print_page_basename in mkdocs.yml)
API_SOPS = "api/sops.json"


def sop_src(sop: Sop) -> str:
    """The generated page of an SOP: ``sop/<instansi>/<unit>/<id>.md``."""
    return f"{SOP_DIR}{sop.instansi.id}/{sop.unit.id}/{sop.id}.md"


def peraturan_src(peraturan: Peraturan) -> str:
    """The generated page of a regulation: ``dasar-hukum/<id>.md``."""
    return f"dasar-hukum/{peraturan.id}.md"


def peran_src(instansi: Instansi, unit: Unit, peran: Peran) -> str:
    """The generated page of a unit's role: ``pelaksana/<instansi>/<unit>/<peran>.md``."""
    return f"pelaksana/{instansi.id}/{unit.id}/{peran.id}.md"


def sumber_src(file: str) -> str:
    """The plain HTML page showing a source file with numbered lines: ``sumber/<path in sop_source>/index.html``."""
    return f"sumber/{file.removeprefix('sop_source/').removesuffix('.yaml')}/index.html"


def baris(line: int) -> str:
    """The id of a line on a source page."""
    return f"L{line}"


def page_url(src: str) -> str:
    """The URL of a page relative to the site root (directory URLs)."""
    stem = src.removesuffix(".md").removesuffix(".html")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def relative_url(from_src: str, to_src: str) -> str:
    """A link from one page to another, relative to the first page's URL."""
    return _relative(page_url(from_src), page_url(to_src))


def url_from(from_src: str, url: str) -> str:
    """A link from a page to a directory URL of the site that is no page of ours (e.g. the book, ``BUKU``)."""
    return _relative(page_url(from_src), url)


@functools.lru_cache(maxsize=4096)
def _relative(start: str, target: str) -> str:
    """``target`` relative to ``start``, both directory URLs from the site root ("" is the root).

    What ``posixpath.relpath`` gives (with a final "/"), without its turning both into absolute paths
    on every one of the tens of thousands of links of a large handbook.
    """
    start_parts = start.rstrip("/").split("/") if start else []
    target_parts = target.rstrip("/").split("/") if target else []
    common = 0
    for mine, theirs in zip(start_parts, target_parts, strict=False):
        if mine != theirs:
            break
        common += 1
    path = "/".join([".."] * (len(start_parts) - common) + target_parts[common:])
    return path + "/" if path else "./"


def anchor(no: int) -> str:
    """The id of a step's row in the flowchart table."""
    return f"langkah-{no}"
