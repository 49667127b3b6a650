"""Escaping source text for the places it goes in a page (HTML, Markdown, dates).

Mermaid has its own escaping in ``mermaid.py``.
"""

from __future__ import annotations

import functools
import html
import re
from datetime import date

from .tanggal import BULAN, Tanggal

# Python-Markdown's backslash-escapable characters (the tables extension adds "|"). Not ">":
# html.escape codes it, and a backslash before "&gt;" would show.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]()#+\-.!|])")
# Character references: braces as in h() ("\{%" would still hold "{%"), and what other
# Markdown reads (GitHub's, in the sop-diff comment: "~~", ":emoji:", setext "=") but
# Python-Markdown cannot backslash-escape (the backslash would show).
_MD_CODES = str.maketrans({"{": "&#123;", "}": "&#125;", "~": "&#126;", "^": "&#94;", "=": "&#61;", ":": "&#58;"})


_HTML_EXTRA = str.maketrans({"`": "&#96;", "{": "&#123;", "}": "&#125;"})


@functools.lru_cache(maxsize=65536)  # names, roles and titles come back on every page that links them
def h(text: str) -> str:
    """Text as inert HTML on one line.

    Besides markup, backticks are coded so that no Markdown fence can start
    inside a raw HTML block, and braces so that no Jinja tag (``{{``, ``{%``)
    survives: mkdocs-macros renders page titles as templates.
    """
    one_line = " ".join(text.split())
    return html.escape(one_line, quote=True).translate(_HTML_EXTRA)


def h_code(line: str) -> str:
    """One line of source code as inert HTML, spaces kept."""
    return html.escape(line.rstrip("\r\n"), quote=True).translate(_HTML_EXTRA)


def md(text: str) -> str:
    """Text as inert inline Markdown (for headings and nav titles).

    Never empty: an empty heading would show a trailing attribute list (``{ ... }``)
    as its text. STX and ETX go first, as Python-Markdown drops them.
    """
    one_line = " ".join(text.replace("\x02", "").replace("\x03", "").split())
    return html.escape(_MD_SPECIAL.sub(r"\\\1", one_line), quote=False).translate(_MD_CODES) or "&#8203;"


def tanggal(value: date | Tanggal) -> str:
    """A date as Indonesians write it: ``31 Agustus 2023``, or ``Agustus 2023`` when only the month is known."""
    if isinstance(value, Tanggal):
        return str(value)
    return f"{value.day} {BULAN[value.month - 1]} {value.year}"
