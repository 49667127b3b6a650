"""Mermaid text of an SOP's swimlane diagram: the one place that quotes and escapes.

Every label is written as a quoted string with Mermaid's entity codes for
the characters that could end the string, start markup, or be read as a
directive (``%%{...}%%``) or an icon (``fa:fa-...``). The result contains no
``<``, ``>``, ``&``, ``"``, backtick, ``%`` or backslash, so it is inert in HTML as well.

Each diagram also carries ``accTitle`` / ``accDescr``: Mermaid writes them as
the SVG's ``<title>`` and ``<desc>`` (its accessible name and description),
which say that the table below the diagram is its text form.
"""

from __future__ import annotations

import re
import unicodedata

from . import links
from .cetak import tidak_tercantum
from .model import SELESAI, Handbook, Langkah, Peran, Sop, Tujuan

LABEL_LIMIT = 56
# '#' first: every other code starts with '#'.
_CODES = [
    ("#", "#35;"),
    ("&", "#amp;"),
    ('"', "#quot;"),
    ("<", "#lt;"),
    (">", "#gt;"),
    ("`", "#96;"),
    ("%", "#37;"),
    (":", "#58;"),
    # Mermaid reads escapes: "\n" breaks a node's line, a lane title drops a backslash.
    ("\\", "#92;"),
    # A lane title (swimlane) is Markdown: "*a*" and "_a_" are emphasis.
    ("*", "#42;"),
    ("_", "#95;"),
    # "$$...$$" in a label is KaTeX math.
    ("$", "#36;"),
]
# Mermaid codes its entities with the placeholders "ﬂ°", "ﬂ°°" and "¶ß", then replaces
# them anywhere in the drawing with "&", "&#" and ";": a word joiner (invisible)
# keeps a text's own pairs apart.
_PLACEHOLDERS = str.maketrans({"ﬂ": "ﬂ\u2060", "¶": "¶\u2060"})
# Diagram config goes in the diagram: Material ignores mermaid2's arguments.
# Counting cross-lane edges when ranking puts every step on a row of its own,
# top to bottom in step order, as on the paper form. The swimlane is drawn by
# Mermaid's flowchart renderer, which reads the flowchart options: at its
# natural size (no useMaxWidth), so that five to eight lanes are not shrunk to
# the page's width and their 14 px text to 5 px; the page scrolls it sideways
# (the theme's assets/javascripts/diagram-alir.js).
_FRONTMATTER = """---
config:
  flowchart:
    useMaxWidth: false
  swimlane:
    ignoreCrossLaneEdges: false
    optimizeRanksByCrossings: false
---
"""
_CLAUSE_BREAK = re.compile(r",| kemudian | lalu | untuk | dan selanjutnya ")
# accTitle/accDescr values are plain text up to the end of the line: Mermaid
# reads no entity codes there (they would show as written) and passes the text
# through DOMPurify (markup is dropped, "&" would show as "&amp;").
_ACC_TEXT = str.maketrans({"&": " dan ", "%": " persen ", '"': "'", "`": "'", "<": None, ">": None, "#": None})


def escape(text: str) -> str:
    """Text made safe for a quoted Mermaid label: one line, special characters coded.

    A text without a printable character becomes one space: Mermaid's parser refuses ``""``.
    """
    if not text.isprintable():  # a control, format or separator character other than " " (categories C*, Z*)
        text = "".join(" " if unicodedata.category(c)[0] in "CZ" and c != " " else c for c in text)
    text = re.sub(r" {2,}", " ", text).strip().translate(_PLACEHOLDERS)
    for char, code in _CODES:
        text = text.replace(char, code)
    return text or " "


def acc_text(text: str) -> str:
    """Text made safe for an ``accTitle:`` / ``accDescr:`` line: one line, nothing Mermaid or HTML would read."""
    text = "".join(" " if unicodedata.category(c)[0] in "CZ" and c != " " else c for c in text)
    return re.sub(r" {2,}", " ", text.translate(_ACC_TEXT)).strip()


def short_label(kegiatan: str, limit: int = LABEL_LIMIT) -> str:
    """A readable label from a long kegiatan: its first clause, cut at a word."""
    text = _CLAUSE_BREAK.split(kegiatan, maxsplit=1)[0].strip()
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",.;:/ ") + "…"


def step_label(step: Langkah) -> str:
    """The label of a step's box: its number and a short text."""
    return f"{step.no}. {step.label or short_label(step.kegiatan)}"


def swimlane(sop: Sop) -> str:
    """The ``swimlane-beta TB`` diagram: one lane per pelaksana, in column order (``Sop.lajur``: a role
    without steps gets no lane, which Mermaid would place out of order)."""
    lines = [
        "swimlane-beta TB",
        f"  accTitle: Diagram alir {acc_text(sop.judul_tampil)}",
        f"  accDescr: {len(sop.langkah)} langkah dalam {len(sop.lajur)} lajur pelaksana, dari Mulai sampai Selesai."
        " Bentuk teks diagram ini adalah tabel Prosedur di bawahnya.",
    ]
    first, last = sop.langkah[0], sop.langkah[-1]
    for index, peran in enumerate(sop.lajur, start=1):
        lines.append(f'  subgraph lane_{index}["{escape(peran.label)}"]')
        if first.pelaksana[0] == peran:
            lines.append('    mulai(["Mulai"])')
        for step in sop.langkah:
            if step.pelaksana[0] == peran:
                lines.append(f"    {_node(step)}")
                if step.keputusan and step.tidak is None:  # beside its decision: outside every lane,
                    lines.append(f"    {_tidak_tercantum(step)}")  # Mermaid adds a lane of its own
            elif peran in step.pelaksana:  # performed together: the same symbol in this lane too
                lines.append(f"    {_node(step, peran)}")
        if last.pelaksana[0] == peran:
            lines.append('    selesai(["Selesai"])')
        lines.append("  end")
    lines.append(f"  mulai --> s{first.no}")
    lines += [f"  {edge}" for edge in _edges(sop)]
    # Performers of one step together: their symbols joined by a line, as the paper form draws them.
    lines += [f"  s{step.no} --- {_node_id(step, peran)}" for step in sop.langkah for peran in step.pelaksana[1:]]
    return _FRONTMATTER + "\n".join(lines) + "\n"


def _node_id(step: Langkah, peran: Peran | None = None) -> str:
    """The id of a step's node: ``s3``, or ``s3_2`` for its copy in the lane of its second pelaksana."""
    if peran is None or peran == step.pelaksana[0]:
        return f"s{step.no}"
    return f"s{step.no}_{step.pelaksana.index(peran) + 1}"


def _node(step: Langkah, peran: Peran | None = None) -> str:
    label = escape(step_label(step))
    node = _node_id(step, peran)
    return f'{node}{{"{label}"}}' if step.keputusan else f'{node}["{label}"]'


def _edges(sop: Sop) -> list[str]:
    edges = []
    for index, step in enumerate(sop.langkah):
        following = f"s{sop.langkah[index + 1].no}" if index + 1 < len(sop.langkah) else "selesai"
        if step.keputusan:
            ya = _target(step.ya) if step.ya is not None else following
            edges.append(f's{step.no} -->|"Ya"| {ya}')
            # Where Tidak leads, if the document does not show it: a node saying so, in the decision's lane.
            tidak = _target(step.tidak) if step.tidak is not None else _tidak_tercantum(step)
            edges.append(f's{step.no} -->|"Tidak"| {tidak}')
        else:
            edges.append(f"s{step.no} --> {following}")
    return edges


def _target(target: Tujuan) -> str:
    """The node a branch leads to: a step's, or the end terminator."""
    return "selesai" if target == SELESAI else f"s{target}"


def _tidak_tercantum(step: Langkah) -> str:
    """Where a decision's Tidak leads when the document (or its copy) does not show it: a node saying so."""
    return f'tidak_{step.no}(["tujuan {tidak_tercantum(step, "tidak")}"])'


# A plain relation is dotted; the kinds that order two SOPs are solid and named.
_ARROWS = {"terkait": "-.->", "prasyarat": '-->|"prasyarat"|', "lanjutan": '-->|"lanjutan"|'}


def relation_map(handbook: Handbook, from_src: str, directory_urls: bool = True) -> str:
    """All SOPs grouped by unit, an arrow per Keterkaitan, each node a link to its page; the SOPs outside
    the handbook a group of their own, one node per name and agency as written, without a link."""
    ids = {sop.id: f"sop_{index}" for index, sop in enumerate(handbook.sops, start=1)}
    lines = [
        "flowchart LR",
        "  accTitle: Peta keterkaitan SOP",
        f"  accDescr: {len(handbook.sops)} SOP dikelompokkan per unit kerja, dengan panah dari SOP yang mencantumkan"
        " keterkaitan ke SOP yang dicantumkannya. Bentuk teks peta ini adalah tabel di bawahnya.",
    ]
    for index, (instansi, unit, sops) in enumerate(handbook.per_unit(), start=1):
        lines.append(f'  subgraph unit_{index}["{escape(unit.judul)} — {escape(instansi.nama)}"]')
        lines += [f'    {ids[sop.id]}["{escape(sop.judul_tampil)}"]' for sop in sops]
        lines.append("  end")
    named = dict.fromkeys(r.nama_luar for sop in handbook.sops for r in sop.keterkaitan if r.di_luar)
    outside = {name: f"luar_{index}" for index, name in enumerate(named, start=1)}
    if outside:
        lines.append('  subgraph luar["Di luar buku ini"]')
        lines += [f'    {node}["{escape(name)}"]' for name, node in outside.items()]
        lines.append("  end")
    for sop in handbook.sops:
        lines += [
            f"  {ids[sop.id]} {_ARROWS[relation.jenis]} "
            + (outside[relation.nama_luar] if relation.sop_id is None else ids[relation.sop_id])
            for relation in sop.keterkaitan
            if relation.sop_id != sop.id
        ]
    for sop in handbook.sops:
        url = links.relative_url(from_src, links.sop_src(sop), directory_urls)
        lines.append(f'  click {ids[sop.id]} href "{escape(url)}" "{escape(sop.judul_tampil)}"')
    return "\n".join(lines) + "\n"
