"""``<link rel="modulepreload">`` for the Mermaid modules an SOP page's diagram needs.

The handbook serves Mermaid's ES-module build (``make`` copies it to
``docs/assets/javascripts/mermaid/``): a 31 kB core whose chunks are imported
as they are needed, in place of a 5.5 MB script the browser must compile
before the page is ready. Left to themselves, the imports form a chain (the
core, its chunks, then the diagram's chunks only when Material draws it), a
round trip each. Every page with a diagram therefore names, in its ``<head>``,
every module of that chain for the SOP pages' diagram (the swimlane): the
browser fetches and compiles them all at once, before they are asked for.

The chain is read from the modules themselves (their ``import`` statements),
so a new Mermaid needs no change here.
"""

from __future__ import annotations

import functools
import posixpath
import re
from pathlib import Path

from .mermaid_scripts import DIAGRAM

PRELOADED_DIAGRAMS = ("swimlanes",)  # module names of the SOP pages' diagram kind
_STATIC_IMPORT = re.compile(r'(?:\bfrom|\bimport)\s*"(\.{1,2}/[^"]+\.mjs)"')
_DYNAMIC_IMPORT = re.compile(r'\bimport\(\s*"(\.{1,2}/[^"]+\.mjs)"\s*\)')


@functools.lru_cache(maxsize=4)
def modules(docs_dir: Path, entry: str) -> tuple[str, ...]:
    """``entry`` (a module under ``docs_dir``: mermaid2's ``javascript``) and the modules it imports,
    with the preloaded diagrams' own, in order; none when it is not a local module.

    Static imports are followed from the entry; a dynamic import is followed
    only when its file name starts with one of ``PRELOADED_DIAGRAMS``.
    """
    found: list[str] = []
    pending = [entry] if entry.endswith(".mjs") else []
    while pending:
        path = pending.pop(0)
        if path in found or not (docs_dir / path).is_file():
            continue
        found.append(path)
        code = (docs_dir / path).read_text(encoding="utf-8")
        folder = posixpath.dirname(path)
        imported = _STATIC_IMPORT.findall(code)
        imported += [
            target
            for target in _DYNAMIC_IMPORT.findall(code)
            if posixpath.basename(target).startswith(PRELOADED_DIAGRAMS)
        ]
        pending += [posixpath.normpath(posixpath.join(folder, target)) for target in imported]
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
