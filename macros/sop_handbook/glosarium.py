"""The glossary of abbreviations: built from ``glosarium.yaml``, shown as hover titles.

Generated pages get ``<abbr title="...">`` around each abbreviation of their
text (never inside tags, code or a Mermaid fence) as their templates write
it (``templates.HoverTitles`` calls ``abbreviate`` on each template's text
and each value it writes); hand-written Markdown pages get the same through
Python-Markdown's ``abbr`` definitions.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

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
# is code or already an abbreviation, other tags, and a Markdown heading line (the abbr extension gives
# headings their <abbr>; wrapping them here too gave <abbr><abbr>).
#
# The expression is flat, each branch starting with a known character ('`', '<', a line break, an
# abbreviation's first letter): Python's engine then jumps from one such character to the next instead of
# trying every branch at every position (ten times faster; a group around the branches, or a look-behind
# in front, stops it). So the match itself says what it is, by its first character, and the check that an
# abbreviation starts a word (no letter, digit, '.' or '-' before it) is done for the few found. Other tags
# are matched as runs, with the text between them when it holds no character a branch starts with: a
# table row is one match, not one per tag.
_KEPT = r"(?i:code|abbr|pre|script|style)\b"
_SKIP_STARTS = "`<\n"
_WORD_BEFORE = re.compile(r"[\w.-]")


@functools.lru_cache(maxsize=8)
def _pattern(entries: tuple[Singkatan, ...]) -> re.Pattern[str] | None:
    """One regular expression: a region to skip, or an abbreviation not followed by a letter, digit or '-'."""
    words = sorted((re.escape(e.singkatan) for e in entries), key=len, reverse=True)
    if not words:
        return None
    starts = "".join(re.escape(c) for c in sorted({*_SKIP_STARTS, *(e.singkatan[0] for e in entries)}))
    skip = [
        r"```mermaid\n.*?```",
        rf"<(?P<tag>{_KEPT})[^>]*>.*?</(?P=tag)\s*>",
        rf"<[^>]+>(?:[^{starts}]*<(?!{_KEPT})[^>]+>)*",
        r"\n[ \t]*\#[^\n]*",
    ]
    return re.compile("|".join([*skip, *(rf"{word}(?![\w-])" for word in words)]), re.DOTALL)


def abbreviate(html: str, entries: tuple[Singkatan, ...]) -> str:
    """Wrap every abbreviation in the text of ``html`` with its full form as a title (one pass over the text)."""
    return abbreviator(entries)(html)


@functools.lru_cache(maxsize=8)
def abbreviator(entries: tuple[Singkatan, ...]) -> Callable[[str], str]:
    """``abbreviate`` for one glossary, its expression and titles made once: for the many short texts of a
    page (``templates.HoverTitles``)."""
    pattern = _pattern(entries)
    if pattern is None:
        return lambda html: html
    titles = _titles(entries)

    def wrapped(html: str) -> str:
        text = "\n" + html  # a heading on the first line starts after a line break too

        def wrap(match: re.Match[str]) -> str:
            found = match.group()
            if found[0] in _SKIP_STARTS or _WORD_BEFORE.match(text, match.start() - 1):
                return found
            return f'<abbr title="{titles[found]}">{found}</abbr>'

        return pattern.sub(wrap, text)[1:]

    return wrapped


@functools.lru_cache(maxsize=8)
def _titles(entries: tuple[Singkatan, ...]) -> dict[str, str]:
    return {e.singkatan: h(e.kepanjangan) for e in entries}


def markdown_definitions(entries: tuple[Singkatan, ...]) -> str:
    """Python-Markdown ``abbr`` definitions for hand-written pages."""
    return "\n".join(f"*[{e.singkatan}]: {' '.join(e.kepanjangan.split())}" for e in entries)
