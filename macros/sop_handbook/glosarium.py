"""The glossary of abbreviations: built from ``glosarium.yaml``, shown as hover titles.

Generated HTML gets ``<abbr title="...">`` around each abbreviation (text only,
never inside tags, code or a Mermaid fence); hand-written Markdown pages get
the same through Python-Markdown's ``abbr`` definitions.
"""

from __future__ import annotations

import functools
import re

from .model import Singkatan
from .problems import Problem
from .text import h
from .yamlsource import Source

_FENCE_OR_TAG = re.compile(r"(```mermaid\n.*?```|<[^>]+>)", re.DOTALL)
_SKIP = {"code", "abbr", "pre", "script", "style"}


def build_glosarium(source: Source) -> tuple[tuple[Singkatan, ...], list[Problem]]:
    """The glossary of a schema-valid ``glosarium.yaml``, sorted, and its errors."""
    items = source.data["singkatan"]
    problems = source.duplicate_ids(("singkatan",), items, key="singkatan")
    entries = {
        item["singkatan"]: Singkatan(item["singkatan"], item["kepanjangan"], item.get("catatan")) for item in items
    }
    return tuple(sorted(entries.values(), key=lambda e: e.singkatan.casefold())), problems


@functools.lru_cache(maxsize=8)
def _pattern(entries: tuple[Singkatan, ...]) -> re.Pattern[str] | None:
    words = sorted((re.escape(e.singkatan) for e in entries), key=len, reverse=True)
    return re.compile(rf"(?<![\w.-])({'|'.join(words)})(?![\w-])") if words else None


def abbreviate(html: str, entries: tuple[Singkatan, ...]) -> str:
    """Wrap every abbreviation in the text of ``html`` with its full form as a title."""
    pattern = _pattern(entries)
    if pattern is None:
        return html
    titles = {e.singkatan: h(e.kepanjangan) for e in entries}
    parts, skipping = [], 0
    for part in _FENCE_OR_TAG.split(html):
        if part.startswith("```") or not part:
            parts.append(part)
        elif part.startswith("<"):
            name = re.match(r"</?([a-zA-Z0-9]+)", part)
            if name and name.group(1).lower() in _SKIP and not part.endswith("/>"):
                skipping += -1 if part.startswith("</") else 1
            parts.append(part)
        elif skipping:
            parts.append(part)
        else:
            parts.append(pattern.sub(lambda m: f'<abbr title="{titles[m.group(1)]}">{m.group(1)}</abbr>', part))
    return "".join(parts)


def markdown_definitions(entries: tuple[Singkatan, ...]) -> str:
    """Python-Markdown ``abbr`` definitions for hand-written pages."""
    return "\n".join(f"*[{e.singkatan}]: {' '.join(e.kepanjangan.split())}" for e in entries)
