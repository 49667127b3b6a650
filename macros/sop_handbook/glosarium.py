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


def build_glosarium(source: Source) -> tuple[tuple[Singkatan, ...], list[Problem]]:
    """The glossary of a schema-valid ``glosarium.yaml``, sorted, and its errors."""
    items = source.data["singkatan"]
    problems = source.duplicate_ids(("singkatan",), items, key="singkatan")
    entries = {
        item["singkatan"]: Singkatan(item["singkatan"], item["kepanjangan"], item.get("catatan")) for item in items
    }
    return tuple(sorted(entries.values(), key=lambda e: e.singkatan.casefold())), problems


# What is never wrapped, matched whole so that the scan skips over it: a Mermaid fence, an element whose text
# is code or already an abbreviation, any other tag, and a Markdown heading line (the abbr extension gives
# headings their <abbr>; wrapping them here too gave <abbr><abbr>).
_SKIP = (
    r"```mermaid\n.*?```"
    r"|<(?P<tag>(?i:code|abbr|pre|script|style))\b[^>]*>.*?</(?P=tag)\s*>"
    r"|<[^>]+>"
    r"|^[ \t]*\#[^\n]*"
)


@functools.lru_cache(maxsize=8)
def _pattern(entries: tuple[Singkatan, ...]) -> re.Pattern[str] | None:
    """One regular expression: a region to skip, or an abbreviation as a whole word."""
    words = sorted((re.escape(e.singkatan) for e in entries), key=len, reverse=True)
    if not words:
        return None
    return re.compile(rf"(?P<skip>{_SKIP})|(?<![\w.-])(?P<word>{'|'.join(words)})(?![\w-])", re.DOTALL | re.MULTILINE)


def abbreviate(html: str, entries: tuple[Singkatan, ...]) -> str:
    """Wrap every abbreviation in the text of ``html`` with its full form as a title (one pass over the text)."""
    pattern = _pattern(entries)
    if pattern is None:
        return html
    titles = _titles(entries)

    def wrap(match: re.Match[str]) -> str:
        word = match.group("word")
        return f'<abbr title="{titles[word]}">{word}</abbr>' if word else match.group(0)

    return pattern.sub(wrap, html)


@functools.lru_cache(maxsize=8)
def _titles(entries: tuple[Singkatan, ...]) -> dict[str, str]:
    return {e.singkatan: h(e.kepanjangan) for e in entries}


def markdown_definitions(entries: tuple[Singkatan, ...]) -> str:
    """Python-Markdown ``abbr`` definitions for hand-written pages."""
    return "\n".join(f"*[{e.singkatan}]: {' '.join(e.kepanjangan.split())}" for e in entries)
