"""Where every page lives: the one place that computes paths and URLs.

Pages are addressed by their source path in ``docs/`` (``src``); the site
uses directory URLs, so ``sop/a/b/c.md`` is served at ``sop/a/b/c/``.
Links inside generated HTML are relative, so the site works under any
base path (an intranet server's sub-folder, a versioned copy).
"""

from __future__ import annotations

import posixpath

from .model import Instansi, Peran, Peraturan, Sop, Unit

HOME = "index.md"
CATATAN_MUTU = "catatan-mutu-data.md"
PETA_KETERKAITAN = "peta-keterkaitan.md"
DASAR_HUKUM = "dasar-hukum/index.md"
API_DASAR_HUKUM = "api/dasar-hukum.json"
PELAKSANA = "pelaksana/index.md"
GLOSARIUM = "glosarium.md"
KATEGORI = "kategori.md"
API_SOPS = "api/sops.json"


def sop_src(sop: Sop) -> str:
    """The generated page of an SOP: ``sop/<instansi>/<unit>/<id>.md``."""
    return f"sop/{sop.instansi.id}/{sop.unit.id}/{sop.id}.md"


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
    start = page_url(from_src) or "."
    target = page_url(to_src) or "."
    path = posixpath.relpath(target, start)
    return "./" if path == "." else path + "/"


def anchor(no: int) -> str:
    """The id of a step's row in the flowchart table."""
    return f"langkah-{no}"
