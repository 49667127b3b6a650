"""Where every page lives: the one place that computes paths and URLs.

Pages are addressed by their source path in ``docs/`` (``src``). A site
served by a web server uses directory URLs: ``sop/a/b/c.md`` is served at
``sop/a/b/c/`` (its file is ``sop/a/b/c/index.html``). The offline edition,
opened from a folder with no server (``file://``, where a folder's URL opens
a listing of the folder, not its ``index.html``), names the files:
``sop/a/b/c.html``, as MkDocs does with ``use_directory_urls: false``.
Every function here takes the build's style (``directory_urls``, MkDocs'
``use_directory_urls``; directory URLs unless told): the build holds it
(``site.Build``), its templates bind it (``templates.environment``). Links inside generated HTML are relative, so
the site works under any base path (an intranet server's sub-folder, a
versioned copy, a folder on a USB stick).
"""

from __future__ import annotations

import functools
from urllib.parse import urlsplit

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
BUKU = "buku.md"  # the book's page, written by mkdocs-print-site-plugin (print_page_basename in mkdocs.yml)
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


def luar(url: str | None) -> str | None:
    """An address outside the handbook that may be a link: only an http(s) URL with a host (never
    ``javascript:`` or ``data:``); None for anything else, which is then shown as text."""
    if url is None:
        return None
    try:
        parts = urlsplit(url)  # which drops leading spaces and control characters: the text must start with the scheme
    except ValueError:  # "https://[": not an address a browser could open either
        return None
    return url if parts.scheme in ("http", "https") and parts.netloc and url.startswith(parts.scheme) else None


def baris(line: int) -> str:
    """The id of a line on a source page."""
    return f"L{line}"


def page_url(src: str, directory_urls: bool = True) -> str:
    """The URL of a page relative to the site root: a directory URL (``sop/a/b/c/``, a served site) or, without
    ``directory_urls``, its file (``sop/a/b/c.html``, the offline edition)."""
    return _page_url(src, directory_urls)


@functools.lru_cache(maxsize=4096)
def _page_url(src: str, by_directory: bool) -> str:
    if src.endswith(".html") and not by_directory:
        return src
    stem = src.removesuffix(".md").removesuffix(".html")
    index = stem == "index" or stem.endswith("/index")
    if by_directory:
        return stem.removesuffix("index") if index else stem + "/"
    return stem + ".html"


def page_folder(src: str, directory_urls: bool = True) -> str:
    """The folder of a page's file, relative to the site root: where a file beside the page goes (its PDF)."""
    url = page_url(src, directory_urls)
    return url[: url.rfind("/") + 1]


def relative_url(from_src: str, to_src: str, directory_urls: bool = True) -> str:
    """A link from one page to another, relative to the first page's URL."""
    return _relative(page_url(from_src, directory_urls), page_url(to_src, directory_urls))


def url_from(from_src: str, url: str, directory_urls: bool = True) -> str:
    """A link from a page to a file of the site that is no page (e.g. the book's PDF), by its path from the root."""
    return _relative(page_url(from_src, directory_urls), url)


@functools.lru_cache(maxsize=4096)
def _relative(start: str, target: str) -> str:
    """``target`` relative to ``start``, both URLs from the site root ("" is the root).

    A URL ending in "/" is a folder (a directory URL); otherwise the part after
    the last "/" names a file. What ``posixpath.relpath`` gives (with a final
    "/" for a folder), without its turning both into absolute paths on every
    one of the tens of thousands of links of a large handbook.
    """
    start_folders = start.split("/")[:-1]
    *target_folders, name = target.split("/")
    common = 0
    for mine, theirs in zip(start_folders, target_folders, strict=False):
        if mine != theirs:
            break
        common += 1
    path = "/".join([*[".."] * (len(start_folders) - common), *target_folders[common:], name])
    return path or "./"


def anchor(no: int) -> str:
    """The id of a step's row in the flowchart table."""
    return f"langkah-{no}"
