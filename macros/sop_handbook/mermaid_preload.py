"""A preload link for Mermaid in the ``<head>`` of the pages that have a diagram.

mermaid2 writes its ``<script>`` for Mermaid at the end of the ``<body>``,
after Material's script: left to itself, the browser may ask for Mermaid
only once it reaches that line. A preload link in the ``<head>`` starts the
download with the page's stylesheets.

The handbook's Mermaid is one classic script that imports nothing
(``tools/build-mermaid.mjs`` bundles it; ``tests/test_mermaid_preload.py``
checks it), so the link names that script alone: ``rel="preload"
as="script"``. An ES module (``.mjs``, were mermaid2 configured with one)
gets ``rel="modulepreload"``.
"""

from __future__ import annotations

import functools
import posixpath
from pathlib import Path

from .mermaid_scripts import DIAGRAM

LINKS = {".js": '<link rel="preload" as="script" href="{}">', ".mjs": '<link rel="modulepreload" href="{}">'}


@functools.lru_cache(maxsize=4)
def local_script(folders: tuple[Path, ...], entry: str) -> str | None:
    """The preload link's pattern for ``entry`` (mermaid2's ``javascript``) if it is a file of the site:
    one of ``folders`` (the docs', the theme's) holds it."""
    link = LINKS.get(posixpath.splitext(entry)[1])
    return link if link and any((folder / entry).is_file() for folder in folders) else None


def preload(page_html: str, page_url: str, folders: tuple[Path, ...], entry: str) -> str:
    """A page with a diagram gets the preload link in its ``<head>``; other pages stay as they are."""
    end = page_html.find("</head>")
    link = local_script(folders, entry)
    if DIAGRAM not in page_html or end < 0 or link is None:
        return page_html
    href = posixpath.relpath(entry, posixpath.dirname(page_url) or ".")
    return page_html[:end] + link.format(href) + page_html[end:]
