"""``<link rel="modulepreload">`` for Mermaid on the pages that have a diagram.

mermaid2 writes its module script (``import mermaid from "…"``) inline at the
end of the ``<body>``, after Material's script: left to itself, the browser
asks for Mermaid only once it has run Material's script and reached that line.
A ``modulepreload`` link in the ``<head>`` starts the download with the page's
stylesheets, and compiles the module while the rest of the page loads.

The handbook's Mermaid (``tools/build-mermaid.mjs``) is one module. Should it
ever import others, their links come too: the list is read from the modules'
own ``import`` statements.
"""

from __future__ import annotations

import functools
import posixpath
import re
from pathlib import Path

from .mermaid_scripts import DIAGRAM

_STATIC_IMPORT = re.compile(r'(?:\bfrom|\bimport)\s*"(\.{1,2}/[^"]+\.mjs)"')


@functools.lru_cache(maxsize=4)
def modules(docs_dir: Path, entry: str) -> tuple[str, ...]:
    """``entry`` (a module under ``docs_dir``: mermaid2's ``javascript``) and the modules it imports
    statically, in order; none when it is not a local module."""
    found: list[str] = []
    pending = [entry] if entry.endswith(".mjs") else []
    while pending:
        path = pending.pop(0)
        if path in found or not (docs_dir / path).is_file():
            continue
        found.append(path)
        code = (docs_dir / path).read_text(encoding="utf-8")
        folder = posixpath.dirname(path)
        pending += [posixpath.normpath(posixpath.join(folder, target)) for target in _STATIC_IMPORT.findall(code)]
    return tuple(found)


def preload(page_html: str, page_url: str, docs_dir: Path, entry: str) -> str:
    """A page with a diagram gets the modulepreload links in its ``<head>``; other pages stay as they are."""
    end = page_html.find("</head>")
    if DIAGRAM not in page_html or end < 0:
        return page_html
    folder = posixpath.dirname(page_url) or "."
    tags = "".join(
        f'<link rel="modulepreload" href="{posixpath.relpath(module, folder)}">' for module in modules(docs_dir, entry)
    )
    return page_html[:end] + tags + page_html[end:]
