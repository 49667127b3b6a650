"""``<link rel="modulepreload">`` for Mermaid on the pages that have a diagram.

mermaid2 writes its module script (``import mermaid from "…"``) inline at the
end of the ``<body>``, after Material's script: left to itself, the browser
asks for Mermaid only once it has run Material's script and reached that line.
A ``modulepreload`` link in the ``<head>`` starts the download with the page's
stylesheets, and compiles the module while the rest of the page loads.

The handbook's Mermaid is one module that imports nothing
(``tools/build-mermaid.mjs`` bundles it; ``tests/test_mermaid_preload.py``
checks it), so the link names that module alone.
"""

from __future__ import annotations

import functools
import posixpath
from pathlib import Path

from .mermaid_scripts import DIAGRAM


@functools.lru_cache(maxsize=4)
def local_module(docs_dir: Path, entry: str) -> bool:
    """Whether ``entry`` (mermaid2's ``javascript``) is an ES module served from the docs folder."""
    return entry.endswith(".mjs") and (docs_dir / entry).is_file()


def preload(page_html: str, page_url: str, docs_dir: Path, entry: str) -> str:
    """A page with a diagram gets the modulepreload link in its ``<head>``; other pages stay as they are."""
    end = page_html.find("</head>")
    if DIAGRAM not in page_html or end < 0 or not local_module(docs_dir, entry):
        return page_html
    href = posixpath.relpath(entry, posixpath.dirname(page_url) or ".")
    return f'{page_html[:end]}<link rel="modulepreload" href="{href}">{page_html[end:]}'
