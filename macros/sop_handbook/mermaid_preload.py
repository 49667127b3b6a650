"""A preload link for Mermaid in the ``<head>`` of the pages that have a diagram.

mermaid2 writes its ``<script>`` for Mermaid at the end of the ``<body>``,
after Material's script: left to itself, the browser may ask for Mermaid
only once it reaches that line. A preload link in the ``<head>`` starts the
download with the page's stylesheets.

The theme's ``main.html`` writes the link (``Preload``) in its ``extrahead``
block, on the pages whose content holds a diagram.

The handbook's Mermaid is one classic script that imports nothing
(``tools/build-mermaid.mjs`` bundles it; ``tests/test_mermaid_preload.py``
checks it), so the link names that script alone: ``rel="preload"
as="script"``. An ES module (``.mjs``, were mermaid2 configured with one)
gets ``rel="modulepreload"``.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path

from .mermaid_scripts import DIAGRAM


@dataclass(frozen=True)
class Preload:
    """The preload link of the site's Mermaid, which the theme's ``main.html`` writes in the ``<head>`` of a
    page whose content holds a diagram (``penanda``, how mermaid2's fence starts)."""

    entry: str  # mermaid2's javascript, a file of the site: the link's href, relative to each page
    rel: str  # "preload" for a classic script, "modulepreload" for an ES module
    as_: str  # what it preloads ("script"), or "" (a module needs none)
    penanda: str = DIAGRAM


KINDS = {".js": ("preload", "script"), ".mjs": ("modulepreload", "")}


def link(folders: tuple[Path, ...], entry: str) -> Preload | None:
    """The preload link for ``entry`` (mermaid2's ``javascript``) if it is a script or module of the site:
    one of ``folders`` (the docs', the theme's) holds it. Else none: a page does not preload what another
    server sends."""
    kind = KINDS.get(posixpath.splitext(entry)[1])
    if kind is None or not any((folder / entry).is_file() for folder in folders):
        return None
    return Preload(entry, *kind)
