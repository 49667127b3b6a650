"""Property-based tests of escaping: hostile text in every free-text field.

Hypothesis builds handbooks whose every free-text field holds a mix of
arbitrary characters and weighted hostile fragments (HTML, script, Markdown,
Jinja, Mermaid syntax and Mermaid's own entity placeholders, Python-Markdown's
placeholders, control, bidi and separator characters, emoji). The texts are
what a loaded source can hold: libyaml carries every character through
double-quoted escapes except lone surrogates, so surrogates are left out;
required fields (schema ``teks``) hold a non-space character.

- Property A: the pinned Mermaid (node_modules, 12.3.0) parses every generated
  diagram in headless Chromium as the expected kind, with no config from the
  text; drawn, each box shows its label as written (after the one-line,
  printable-only normalisation of ``mermaid.escape``) and nothing active.
- Property B: every generated page, converted by Python-Markdown with the
  extensions MkDocs loads from mkdocs.yml, holds only the handbook's own tags
  and attributes, shows each text literally in its place (after ``h()``'s
  one-line normalisation), passes the diagram source to Mermaid unchanged, and
  gives mkdocs-macros no Jinja delimiter.

Each property runs twice: on generated handbooks (a different text in every
field), and on one generated text put in every field, which shrinks a failure
to the one text that causes it. FOUND holds the minimal inputs found so far.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import re
import unicodedata
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import markdown
import pytest
from bs4 import BeautifulSoup, Tag
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config
from playwright.sync_api import Browser
from sop_handbook import links, mermaid, render_legal, render_pages, render_roles, render_sop, site
from sop_handbook.durations import _JUMLAH, Durasi, KonvensiWaktu, parse_waktu
from sop_handbook.glosarium import abbreviate
from sop_handbook.legal import JENIS, dicatat, judul_lengkap, nama_jenis, sitasi, urutan
from sop_handbook.model import (
    DasarHukum,
    Handbook,
    Instansi,
    Keterkaitan,
    Langkah,
    MutuBaku,
    Pejabat,
    Pengesahan,
    Peran,
    Peraturan,
    Revisi,
    Singkatan,
    Sop,
    Tertulis,
    Unit,
)
from sop_handbook.problems import Level, Problem
from sop_handbook.tanggal import Tanggal

from .conftest import HARI_INI, ROOT

HARNESS = ROOT / "tests" / "tools" / "mermaid_parse.html"
COMMON = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow]}
PARSE_EXAMPLES, DRAW_EXAMPLES, ONE_TEXT_DRAW_EXAMPLES, PAGE_EXAMPLES, ONE_TEXT_PAGE_EXAMPLES = 150, 25, 60, 150, 150

# --- Hostile text -------------------------------------------------------------------------------------------------

FRAGMENTS = (
    # HTML and script
    "<script>alert(1)</script>",
    "</td></tr></table>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    '" onmouseover="alert(1)',
    "' onfocus='alert(1)",
    "<!--",
    "<![CDATA[x]]>",
    "<style>body{display:none}</style>",
    "&lt;b&gt;",
    "&amp;",
    "&#123;",
    "&#x3C;",
    "<br>",
    "</p>",
    "<details open>",
    # Markdown and its extensions
    "```",
    "```mermaid",
    "~~~",
    "[a](javascript:alert(1))",
    "<javascript:alert(1)>",
    "*",
    "**",
    "_",
    "#",
    "## ",
    "1. ",
    "- ",
    "> ",
    "\\",
    "| a | b |",
    "===",
    "!!! danger",
    "???+ note",
    "*[HTML]: Hyper Text",
    "{: onclick=alert(1) }",
    "{ #id .kelas }",
    "[^1]",
    "![x](y)",
    # Jinja (mkdocs-macros)
    "{{ x }}",
    "{{",
    "}}",
    "{% if %}",
    "{%",
    "%}",
    "{#",
    "#}",
    "{% raw %}",
    "{{ config }}",
    # Mermaid, with the placeholders Mermaid codes its entities as (ﬂ°°, ﬂ°, ¶ß)
    "end",
    "subgraph",
    "%%",
    "%%{init: {}}%%",
    '%%{init: {"securityLevel": "loose"}}%%',
    "#35;",
    "#quot;",
    "#lt;",
    '"',
    "'",
    "[",
    "]",
    "(",
    ")",
    "{",
    "}",
    "|",
    "-->",
    ";",
    ":::",
    "fa:fa-car",
    "click s1 call alert(1)",
    "style s1 fill:#f00;",
    "\\n",
    "ﬂ°°",
    "ﬂ°",
    "¶ß",
    "$$",
    "$$x^2$$",
    "`",
    # Python-Markdown's placeholders (raw HTML, inline)
    "\x02wzxhzdk:0\x03",
    "\x02klzzwxh:0\x03",
    # Whitespace, control, bidi and special characters
    "\n",
    "\t",
    "\r\n",
    "\x00",
    "\x07",
    "\x1b",
    "\x7f",
    "\x85",
    "\u2028",
    "\u200b",
    "\u200d",
    "\u200f",
    "\u202e",
    "\u2066",
    "\ufeff",
    "\xa0",
    "\ufffe",
    "\U0010ffff",
    # Emoji and other scripts; ß and ﬁ change length when upper-cased (the kop is in capitals)
    "🙂",
    "👩‍💻",
    "🇮🇩",
    "שלום",
    "مرحبا",
    "e\u0301",
    "ß",
    "ﬁ",
    # Abbreviations of the generated glossary, wrapped in <abbr> on the page
    "LKPJ",
    "SK",
)
_PIECES = st.one_of(
    st.text(max_size=6),  # any character a loaded string can hold (hypothesis leaves out surrogates)
    st.text(st.characters(max_codepoint=0x7F), max_size=6),  # ASCII: punctuation and control characters
    st.sampled_from(FRAGMENTS),
    st.sampled_from(FRAGMENTS),  # twice: fragments are the point
    st.sampled_from(("Menyusun", "laporan", " ")),
)
_ANY_TEXT = st.lists(_PIECES, max_size=6).map("".join)
# Schema 'teks': at least one non-space character (jsonschema searches the pattern '\S' with Python's re).
TEKS = st.lists(_PIECES, min_size=1, max_size=6).map("".join).filter(lambda text: re.search(r"\S", text) is not None)
# Schema 'teks_opsional': null or any string.
TEKS_OPSIONAL = st.none() | _ANY_TEXT
KONVENSI = KonvensiWaktu(7.5, 5, 20, None)
# The address of an SOP outside the handbook: none, an http(s) one, or one that must never become a link.
_NOT_A_LINK = ("javascript:", "JavaScript:", "data:text/html,", " https://", "\x01http://", "//", "https:")
URL_LUAR = st.none() | st.tuples(st.sampled_from(("http://", "https://", *_NOT_A_LINK)), _ANY_TEXT).map("".join)
# Known, not fixed here (glosarium.markdown_definitions): a full form of only STX/ETX, which Python-Markdown
# drops, leaves "*[ABBR]: " as a paragraph on every page. Generated full forms keep other characters.
GLOSARIUM_KEPANJANGAN = TEKS.filter(lambda text: text.replace("\x02", "").replace("\x03", "").split() != [])


def _durasi(waktu: str) -> Durasi | None:
    try:
        durasi = parse_waktu(waktu, KONVENSI)
    except ValueError:
        return None
    return durasi if durasi and durasi.paling_lama < 1e9 else None  # '99…9 jam': not a realistic Waktu


_SATUAN = st.sampled_from(["menit", "Menit", "mnt", "jam", "Jam", "hari", "Hari kerja", "HK", "minggu", "Bulan"])
# Waktu must parse: sums generated from the parser's own pattern (any case, Unicode digits and spaces), and
# the other forms agencies write: ranges, "n x 24 jam", and a mark for no time.
WAKTU = st.one_of(
    st.from_regex(_JUMLAH, fullmatch=True).filter(lambda w: len(w) < 40 and _durasi(w) is not None),
    st.builds(lambda a, b, unit: f"{a}-{a + b} {unit}", st.integers(1, 50), st.integers(1, 50), _SATUAN),
    st.builds(lambda n: f"{n} x 24 jam", st.integers(1, 9)),
    st.sampled_from(["-", "Tentatif"]),
)


@st.composite
def handbooks(
    draw: st.DrawFn, teks: st.SearchStrategy[str] = TEKS, opsional: st.SearchStrategy[str | None] = TEKS_OPSIONAL
) -> Handbook:
    """Two agencies, two SOPs relating to each other; every free-text field hostile.

    ``teks`` fills the required text fields (schema 'teks'), ``opsional`` the optional ones ('teks_opsional').
    """
    text = st.none() | teks
    peran_a = tuple(Peran(f"peran-{i}", draw(teks), draw(text), draw(text)) for i in range(draw(st.integers(1, 3))))
    unit_a = Unit("unit-a", draw(teks), peran_a)
    konvensi = dataclasses.replace(KONVENSI, dasar=draw(text))
    kop_a = tuple(draw(st.lists(teks, max_size=2)))
    instansi_a = Instansi("instansi-a", draw(teks), draw(teks), kop_a, (unit_a,), konvensi)
    unit_b = Unit("unit-b", draw(teks), (Peran("peran-b", draw(teks), draw(text), None),))
    # The second agency counts by a convention of its own: each text is checked on every page.
    own = dataclasses.replace(KONVENSI, jam_per_hari=8.0, dasar=draw(text))
    instansi_b = Instansi("instansi-b", draw(teks), draw(teks), (), (unit_b,), own)
    pejabat = Pejabat("pejabat-a", draw(teks), draw(teks), "19650809 198603 1 012", draw(text), draw(opsional))
    url = draw(st.none() | st.tuples(st.sampled_from(("http://", "https://")), _ANY_TEXT).map("".join))
    peraturan = Peraturan(
        "peraturan-a",
        draw(st.sampled_from(sorted(JENIS))),
        draw(st.from_regex(r"[0-9A-Za-z./-]{1,12}", fullmatch=True)),
        draw(st.integers(1945, 2100)),
        draw(teks),
        draw(text),
        url,
        draw(text),
    )
    glosarium = tuple(
        {
            entry.singkatan: entry
            for entry in draw(
                st.lists(
                    st.builds(
                        Singkatan,
                        st.sampled_from(("LKPJ", "SK")) | st.from_regex(r"[A-Z][A-Za-z0-9./-]{0,5}", fullmatch=True),
                        GLOSARIUM_KEPANJANGAN,
                        opsional,
                    ),
                    max_size=2,
                )
            )
        }.values()
    )
    day = st.dates(date(2000, 1, 1), date(2030, 12, 31))
    jenis = st.sampled_from(("terkait", "prasyarat", "lanjutan"))
    dates = st.none() | day.map(lambda d: Tanggal(d.year, d.month, d.day)) | day.map(lambda d: Tanggal(d.year, d.month))
    main = Sop(
        id="sop-utama",
        file="sop_source/sop-utama.yaml",
        instansi=instansi_a,
        unit=unit_a,
        judul=draw(teks),
        nomor=draw(teks),
        nama=draw(opsional),
        dokumen=(),
        kategori=(),
        tanggal_pembuatan=draw(dates),
        tanggal_revisi=draw(dates),
        tanggal_efektif=draw(dates),
        disahkan_oleh=Pengesahan(
            pejabat, draw(st.none() | st.builds(Tertulis, opsional, opsional, opsional, opsional))
        ),
        # A regulation of the catalogue, and one cited as written only (no entry, no link).
        dasar_hukum=(DasarHukum(peraturan, draw(text)), DasarHukum(None, draw(teks))),
        kualifikasi_pelaksana=tuple(draw(st.lists(teks, max_size=2))),
        keterkaitan=(
            Keterkaitan("sop-lain", draw(jenis), draw(text)),
            # An SOP outside the handbook: a name, maybe an agency, an address that may be anything.
            Keterkaitan(None, draw(jenis), None, draw(teks), draw(text), draw(URL_LUAR)),
        ),
        peralatan_perlengkapan=tuple(draw(st.lists(teks, max_size=2))),
        peringatan=draw(opsional),
        pencatatan_pendataan=tuple(draw(st.lists(teks, max_size=2))),
        catatan_sumber=tuple(draw(st.lists(teks, max_size=2))),
        langkah=_steps(draw, peran_a, teks, opsional),
        riwayat_revisi=tuple(
            Revisi(
                n,
                draw(day),
                draw(teks),
                draw(st.none() | day),
                draw(st.none() | st.just(pejabat)),
            )
            for n in range(draw(st.integers(0, 2)))
        ),
    )
    other = Sop(
        id="sop-lain",
        file="sop_source/sop-lain.yaml",
        instansi=instansi_b,
        unit=unit_b,
        judul=draw(teks),
        nomor=draw(teks),
        nama=draw(opsional),
        dokumen=(),
        kategori=(),
        tanggal_pembuatan=None,
        tanggal_revisi=None,
        tanggal_efektif=None,
        disahkan_oleh=Pengesahan(pejabat, None),
        dasar_hukum=(),
        kualifikasi_pelaksana=(),
        keterkaitan=(Keterkaitan("sop-utama", "terkait", draw(text)),),
        peralatan_perlengkapan=(),
        peringatan=None,
        pencatatan_pendataan=(),
        catatan_sumber=(),
        langkah=(_step(draw, teks, opsional, 1, unit_b.pelaksana[0]),),
    )
    return Handbook(
        konvensi=konvensi,
        instansi=(instansi_a, instansi_b),
        pejabat=(pejabat,),
        sops=(main, other),
        peraturan=(peraturan,),
        glosarium=glosarium,
        catatan_mutu=(Problem(Level.WARNING, main.file, 3, ("langkah", 0, "kegiatan"), draw(teks)),),
        hari_ini=HARI_INI,
    )


def _step(
    draw: st.DrawFn,
    teks: st.SearchStrategy[str],
    opsional: st.SearchStrategy[str | None],
    no: int,
    peran: Peran,
    **branches: Any,
) -> Langkah:
    waktu = draw(WAKTU)
    return Langkah(
        no=no,
        kegiatan=draw(teks),
        label=draw(st.none() | teks),
        jenis="keputusan" if branches else "proses",
        pelaksana=(peran,),
        pelaksana_direkonstruksi=draw(st.booleans()),
        mutu_baku=MutuBaku(draw(opsional), waktu, _durasi(waktu), draw(opsional)),
        keterangan=draw(opsional),
        catatan=draw(opsional),
        **branches,
    )


def _steps(
    draw: st.DrawFn, peran: tuple[Peran, ...], teks: st.SearchStrategy[str], opsional: st.SearchStrategy[str | None]
) -> tuple[Langkah, ...]:
    count = draw(st.integers(1, 4))
    steps = []
    for no in range(1, count + 1):
        others = [n for n in range(1, count + 1) if n != no]
        branches = {}
        if others and draw(st.booleans()):  # a decision: Tidak goes to another step, Ya maybe too
            branches = {"tidak": draw(st.sampled_from(others)), "ya": draw(st.none() | st.sampled_from(others))}
        steps.append(_step(draw, teks, opsional, no, draw(st.sampled_from(peran)), **branches))
    return tuple(steps)


def handbook_of(text: str) -> Handbook:
    """A fixed handbook with ``text`` in every free-text field: for explicit examples and the one-text property."""
    peran = (Peran("peran-0", text, text, text), Peran("peran-1", text, None, None))
    unit = Unit("unit-a", text, peran)
    instansi = Instansi("instansi-a", text, text, (text,), (unit,), dataclasses.replace(KONVENSI, dasar=text))
    pejabat = Pejabat("pejabat-a", text, text, "19650809 198603 1 012", text, text)
    peraturan = Peraturan("peraturan-a", "peraturan-menteri", "12/2024", 2024, text, text, f"https://{text}", text)
    mutu = MutuBaku(text, "1 Jam", Durasi(1.0, 1.0), text)
    steps = (
        Langkah(1, text, None, "proses", (peran[0],), True, mutu, keterangan=text, catatan=text),
        Langkah(2, text, text, "keputusan", (peran[1],), False, mutu, ya=None, tidak=1, keterangan=text, catatan=text),
    )
    main = Sop(
        id="sop-utama",
        file="sop_source/sop-utama.yaml",
        instansi=instansi,
        unit=unit,
        judul=text,
        nomor=text,
        nama=text,
        dokumen=(),
        kategori=(),
        tanggal_pembuatan=Tanggal(2024, 1, 1),
        tanggal_revisi=Tanggal(2025, 1, 1),
        tanggal_efektif=Tanggal(2024, 1, 1),
        disahkan_oleh=Pengesahan(pejabat, Tertulis(text, text, text, text)),
        dasar_hukum=(DasarHukum(peraturan, text), DasarHukum(None, text)),
        kualifikasi_pelaksana=(text,),
        keterkaitan=(Keterkaitan("sop-lain", "prasyarat", text), Keterkaitan(None, "lanjutan", None, text, text, text)),
        peralatan_perlengkapan=(text,),
        peringatan=text,
        pencatatan_pendataan=(text,),
        catatan_sumber=(text,),
        langkah=steps,
        riwayat_revisi=(Revisi(0, date(2024, 1, 1), text, None, pejabat),),
    )
    other = dataclasses.replace(
        main, id="sop-lain", file="sop_source/sop-lain.yaml", keterkaitan=(Keterkaitan("sop-utama", "terkait", text),)
    )
    return Handbook(
        konvensi=dataclasses.replace(KONVENSI, dasar=text),
        instansi=(instansi,),
        pejabat=(pejabat,),
        sops=(main, other),
        peraturan=(peraturan,),
        glosarium=(Singkatan("SK", f"Surat Keputusan {text}", text),),  # see GLOSARIUM_KEPANJANGAN
        catatan_mutu=(Problem(Level.WARNING, main.file, 3, ("langkah", 0, "kegiatan"), text),),
        hari_ini=HARI_INI,
    )


# The minimal inputs the properties found, each a defect when found, fixed since: tested every run.
FOUND = (
    # mermaid.escape
    "\x1b",  # no printable character: the label was "", which Mermaid's parser refuses
    "\\;",  # a lane title (swimlane) read "\;" as an escape and showed ";"
    "\\n",  # a node label read "\n" as a line break and showed neither character
    "¶ß",  # Mermaid's placeholder for ";" in its entity codes: the drawing showed ";"
    "ﬂ°",  # Mermaid's placeholder for "&": the drawing showed "&"
    "*a*",  # a lane title (swimlane) is Markdown: it showed "a" in italics
    "_a_",  # the same with "_"
    "$$",  # "$$...$$" is KaTeX math: "$$ ($$)" showed " (", "&$$" was not drawn at all (KaTeX parse error)
    # text.md (headings)
    ">",  # coded twice, "\&gt;": the heading showed "\>"
    "~",  # not escapable in Python-Markdown: the heading showed "\~" (also "^", "=", ":")
    "{%",  # "\{%" still held "{%" for mkdocs-macros
    "\x02",  # Python-Markdown drops STX: the empty heading showed its attribute list "{ data-search-exclude }"
)


def found(test: Callable[..., None]) -> Callable[..., None]:
    """Every input of FOUND as an explicit example of a one-text property."""
    for text in reversed(FOUND):
        test = example(text=text)(test)
    return test


# --- Property A: Mermaid's own parser accepts every diagram, and draws the labels as written -------------------------


def drawn(text: str) -> str:
    """What a diagram shows of a text: ``mermaid.escape``'s one printable line, before Mermaid's codes."""
    return " ".join("".join(" " if unicodedata.category(c)[0] in "CZ" else c for c in text).split())


@dataclasses.dataclass
class MermaidPage:
    """The harness page in Chromium, with what it tried to fetch, its dialogs and errors."""

    call: Callable[[str, str], dict[str, Any]]
    outside: list[str]
    dialogs: list[str]
    errors: list[str]

    def parse(self, text: str) -> dict[str, Any]:
        return self.call("parseDiagram", text)

    def render(self, text: str) -> dict[str, Any]:
        return self.call("renderDiagram", text)


@pytest.fixture(scope="module")
def mermaid_page(browser: Browser) -> Iterator[MermaidPage]:
    """tests/tools/mermaid_parse.html from file://, with the pinned Mermaid; nothing else may load."""
    pinned = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["dependencies"]["mermaid"]
    installed = json.loads((ROOT / "node_modules/mermaid/package.json").read_text(encoding="utf-8"))["version"]
    assert installed == pinned == "12.3.0"
    context = browser.new_context()
    page = context.new_page()
    harness = MermaidPage(lambda name, text: page.evaluate(f"t => window.{name}(t)", text), [], [], [])

    def route(route: Any) -> None:
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            harness.outside.append(route.request.url)
            route.abort()

    page.route("**/*", route)
    page.on("dialog", lambda dialog: (harness.dialogs.append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda error: harness.errors.append(str(error)))
    page.goto(HARNESS.as_uri())
    page.wait_for_function("window.mermaidReady === true")
    yield harness
    context.close()
    assert harness.outside == [] and harness.dialogs == [] and harness.errors == []


SWIMLANE_CONFIG = {
    "flowchart": {"useMaxWidth": False},
    "swimlane": {"ignoreCrossLaneEdges": False, "optimizeRanksByCrossings": False},
}


def _parsed(page: MermaidPage, text: str, kind: str, config: dict[str, Any]) -> None:
    result = page.parse(text)
    assert result["ok"], f"Mermaid's parser refused the diagram: {result['error']}\n{text}"
    assert result["type"] == kind
    assert result["config"] == config, "the diagram's config came from somewhere else than its front matter"


def _drawn(page: MermaidPage, text: str, labels: dict[str, str], edge_labels: list[str]) -> None:
    result = page.render(text)
    assert result["ok"], f"Mermaid could not draw the diagram: {result['error']}\n{text}"
    # mermaid.escape puts an invisible word joiner after "ﬂ" and "¶" (see there); a reader sees the text as written.
    assert {key: (value or "").replace("\u2060", "").strip() for key, value in result["labels"].items()} == labels
    assert sorted(result["edgeLabels"]) == sorted(edge_labels)
    assert result["active"] == [], "the drawing holds something active"
    assert page.dialogs == []


def check_diagrams_parse(page: MermaidPage, handbook: Handbook) -> None:
    """Every SOP's swimlane and the relation map are accepted by Mermaid's parser, as the right kind."""
    for sop in handbook.sops:
        _parsed(page, mermaid.swimlane(sop), "swimlane", SWIMLANE_CONFIG)
    _parsed(page, mermaid.relation_map(handbook, links.PETA_KETERKAITAN), "flowchart-v2", {})


def check_diagrams_draw(page: MermaidPage, handbook: Handbook) -> None:
    """The first SOP's swimlane and the relation map show each label as written."""
    sop = handbook.sops[0]
    labels = {"mulai": "Mulai", "selesai": "Selesai"}
    labels |= {f"lane_{i}": drawn(peran.label) for i, peran in enumerate(sop.lajur, start=1)}
    labels |= {f"s{step.no}": drawn(mermaid.step_label(step)) for step in sop.langkah}
    decisions = sum(step.keputusan for step in sop.langkah)
    _drawn(page, mermaid.swimlane(sop), labels, ["Ya", "Tidak"] * decisions)
    groups = handbook.per_unit()
    labels = {f"unit_{i}": drawn(f"{unit.nama} — {instansi.nama}") for i, (instansi, unit, _) in enumerate(groups, 1)}
    labels |= {f"sop_{i}": drawn(sop.judul_tampil) for i, sop in enumerate(handbook.sops, start=1)}
    outside = dict.fromkeys(r.nama_luar for sop in handbook.sops for r in sop.keterkaitan if r.di_luar)
    if outside:
        labels |= {"luar": "Di luar buku ini"} | {f"luar_{i}": drawn(n) for i, n in enumerate(outside, start=1)}
    named = [r.jenis for sop in handbook.sops for r in sop.keterkaitan if r.jenis != "terkait" and r.sop_id != sop.id]
    _drawn(page, mermaid.relation_map(handbook, links.PETA_KETERKAITAN), labels, named)


@pytest.mark.browser
@settings(max_examples=PARSE_EXAMPLES, **COMMON)
@given(handbook=handbooks())
def test_mermaid_parses_every_diagram(mermaid_page: MermaidPage, handbook: Handbook) -> None:
    check_diagrams_parse(mermaid_page, handbook)


@pytest.mark.browser
@settings(max_examples=DRAW_EXAMPLES, **COMMON)
@given(handbook=handbooks())
def test_mermaid_draws_every_label_as_written(mermaid_page: MermaidPage, handbook: Handbook) -> None:
    check_diagrams_draw(mermaid_page, handbook)


@pytest.mark.browser
@settings(max_examples=ONE_TEXT_DRAW_EXAMPLES, **COMMON)
@given(text=TEKS)
@found
def test_one_text_in_every_field_is_parsed_and_drawn(mermaid_page: MermaidPage, text: str) -> None:
    """The same text everywhere: a failure shrinks to the one text that breaks a diagram."""
    handbook = handbook_of(text)
    check_diagrams_parse(mermaid_page, handbook)
    check_diagrams_draw(mermaid_page, handbook)


# --- Property B: every page shows the text literally, and nothing in it is active -----------------------------------

# What the handbook's renderers and Python-Markdown write; anything else came from a source.
TAGS = {
    *("div", "p", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "ol", "ul", "li", "a", "br", "small", "sup"),
    *("span", "details", "summary", "h1", "h2", "h3", "code", "pre", "strong", "abbr", "figure", "figcaption"),
}
ATTRIBUTES = {"class", "id", "href", "title", "scope", "colspan", "rowspan", "role", "aria-label"}
ATTRIBUTES |= {"data-search-exclude", "rel"}
# The printed flowchart (bagan.py): shapes whose attributes are numbers, path commands and fixed words.
SVG_TAGS = {"svg", "path", "rect", "polygon", "text", "marker"}
SVG_ATTRIBUTES = {"viewbox", "d", "x", "y", "width", "height", "rx", "points", "class", "text-anchor", "id"}
SVG_ATTRIBUTES |= {"refx", "refy", "markerwidth", "markerheight", "markerunits", "orient"}  # the arrowhead
SVG_VALUE = re.compile(r"[-0-9., MLHVlhvz]*|[a-z]|end|sop-panah|userSpaceOnUse|auto")
SVG_WORDS = re.compile(r"Ya|Tidak|[A-Z]{1,2}")
OUR_HREF = re.compile(r"(?:\.\./|\./|[\w-]+/)*(?:#[\w-]+)?")  # relative page links and anchors (links.py, toc)
# The monitoring form's link: the SOP page's path (ids, schema-checked slugs) in its query (render_sop.monitoring_link).
MONITORING_HREF = re.compile(r"(?:\.\./)*formulir-monitoring/\?sop=[a-z0-9_-]+/[a-z0-9_-]+/[a-z0-9_-]+")
JINJA = ("{{", "{%", "{#")
DIAGRAM_SOURCE = re.compile(r"^```mermaid\n.*?^```$", re.M | re.S)
KOSONG = "Tidak tercantum"


def shown(text: str) -> str:
    """What a page shows of a text: ``h()``'s one line, less STX and ETX (Python-Markdown drops them first)."""
    return " ".join(text.split()).replace("\x02", "").replace("\x03", "")


@functools.cache
def converter() -> markdown.Markdown:
    """Python-Markdown with the extensions and settings MkDocs reads from mkdocs.yml (its built-ins included)."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    return markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)


def page(macro_output: str, handbook: Handbook, urls: tuple[str, ...] = ()) -> BeautifulSoup:
    """A page as the build makes it: mkdocs-macros' output with the glossary's <abbr>, the hook's abbr
    definitions, Python-Markdown; checked to hold no Jinja delimiter and nothing active."""
    text = abbreviate(macro_output, handbook.glosarium)  # what site.define_macros' wrapper returns
    # h() and md() code braces. The diagram source keeps them: it is Mermaid's text, and mkdocs-macros
    # renders a page's Markdown once, never a macro's output (mkdocs_macros.plugin.render).
    for delimiter in JINJA:
        assert delimiter not in DIAGRAM_SOURCE.sub("", text), f"{delimiter!r} from a source in the page's Markdown"
    text = site.append_abbreviations(text, site.Build(handbook=handbook))
    soup = BeautifulSoup(converter().reset().convert(text), "html.parser")
    last = [element for element in soup.contents if isinstance(element, Tag)][-1]
    assert not last.get_text().startswith("*["), "an abbreviation definition shows as text"
    for element in soup.find_all(True):
        if element.name in SVG_TAGS and (
            element.find_parent("td", class_="sop-bagan") or element.find_parent("tr", class_="sop-lebar")
        ):
            assert set(element.attrs) <= SVG_ATTRIBUTES, f"<{element.name} {element.attrs}> in the printed flowchart"
            values = [v for value in element.attrs.values() for v in (value if isinstance(value, list) else [value])]
            assert all(SVG_VALUE.fullmatch(v) for v in values), f"<{element.name} {element.attrs}> holds text"
            assert element.name != "text" or SVG_WORDS.fullmatch(element.get_text()), element.get_text()
            continue
        assert element.name in TAGS, f"<{element.name}> came from a source"
        assert set(element.attrs) <= ATTRIBUTES, f"<{element.name} {element.attrs}> has an attribute from a source"
        href = element.get("href")
        if href is not None:
            ours = OUR_HREF.fullmatch(href) or MONITORING_HREF.fullmatch(href)
            assert ours or href in urls, f"href {href!r} came from a source"
    return soup


def texts(elements: list[Tag]) -> list[str]:
    return [element.get_text() for element in elements]


def _check_sop_page(sop: Sop, handbook: Handbook) -> None:
    other = next(s for s in handbook.sops if s.id != sop.id)
    outside = [links.luar(r.url) for r in sop.keterkaitan if r.di_luar]
    addresses = tuple(shown(url) for url in outside if url)  # the only links a source may give
    soup = page(render_sop.sop_page(sop, handbook, date(2024, 5, 6)), handbook, addresses)
    kop = [sop.instansi.pemerintah, *(sop.instansi.kop or (sop.instansi.nama,)), sop.unit.nama]
    assert texts(soup.select("div.sop-kop p")) == [shown(line.upper()) for line in kop]
    rows = {row.th.get_text(): row.td for row in soup.select("table.sop-identitas tr")}
    assert rows["Unit Kerja"].get_text() == shown(f"{sop.unit.nama}, {sop.instansi.nama}")
    assert rows["Nomor SOP"].get_text() == shown(sop.nomor)
    nama = shown(sop.nama) if sop.nama else f"{KOSONG} (judul prosedur: {shown(sop.judul)})"
    assert rows["Nama SOP"].get_text() == nama
    pejabat, tertulis = sop.disahkan_oleh.pejabat, sop.disahkan_oleh.tertulis
    # Lines are separated by a line break and a space (so that search does not glue them into one word).
    lines = [shown(line) for line in (pejabat.jabatan, pejabat.nama, pejabat.pangkat) if line]
    pengesah = " ".join([*lines, f"NIP. {pejabat.nip}"])
    if tertulis is not None:
        written = ", ".join(v for v in (tertulis.jabatan, tertulis.nama, tertulis.pangkat, tertulis.nip) if v)
        pengesah += f" Tertulis di dokumen sumber: {shown(written) if written.split() else KOSONG}"
    assert rows["Disahkan oleh"].get_text() == pengesah
    cited = [shown(judul_lengkap(p)) for p in sorted(dicatat(sop.dasar_hukum), key=urutan)]
    cited += [shown(d.tertulis or "") for d in sop.dasar_hukum if d.peraturan is None]
    assert texts(rows["Dasar Hukum"].select("li")) == cited
    assert len(rows["Dasar Hukum"].select("a")) == len(dicatat(sop.dasar_hukum))
    for label, items in (
        ("Kualifikasi Pelaksana", sop.kualifikasi_pelaksana),
        ("Peralatan/Perlengkapan", sop.peralatan_perlengkapan),
        ("Pencatatan dan Pendataan", sop.pencatatan_pendataan),
    ):
        assert texts(rows[label].select("li")) == [shown(item) for item in items]
        assert items or rows[label].get_text() == KOSONG
    related = [
        f"{shown(handbook.sop(r.sop_id).judul_tampil)} ({render_sop.JENIS_KETERKAITAN[r.jenis]}"
        + (f"; tertulis: {shown(r.tertulis)})" if r.tertulis else ")")
        if r.sop_id
        else shown(r.nama or "")
        + (f" ({shown(r.instansi)})" if r.instansi else "")
        + f" ({render_sop.JENIS_KETERKAITAN[r.jenis]}; SOP di luar buku ini)"
        for r in sop.keterkaitan
    ]
    assert texts(rows["Keterkaitan"].select("li")) == related
    hrefs = [a["href"] for a in rows["Keterkaitan"].select("a")]
    assert [href for href in hrefs if not OUR_HREF.fullmatch(href)] == list(addresses)
    assert rows["Peringatan"].get_text() == (shown(sop.peringatan) if sop.peringatan else KOSONG)
    assert texts(soup.select("div.sop-dirujuk li a")) == [shown(other.judul_tampil)]
    history = [row.find_all("td") for row in soup.select("table.sop-daftar tbody tr")]
    assert [row[3].get_text() for row in history] == [shown(r.perubahan) for r in sop.riwayat_revisi]
    assert [row[4].get_text() for row in history] == [
        shown(r.disahkan_oleh.nama) if r.disahkan_oleh else KOSONG for r in sop.riwayat_revisi
    ]
    lanes = ", ".join(shown(p.label) for p in sop.lajur)
    assert (
        soup.select_one("figure.sop-diagram figcaption").get_text().startswith(f"Satu lajur per pelaksana ({lanes}). ")
    )
    # mermaid2's fence writes the diagram source unescaped: it must reach Mermaid exactly as generated.
    assert texts(soup.select("pre.mermaid code")) == [mermaid.swimlane(sop)]
    for step in sop.langkah:
        row = soup.select_one(f"tr#{links.anchor(step.no)}")
        assert len(row.select("td.sop-bagan > svg")) == 1  # the printed flowchart's row: shapes only (page())
        cells = [td for td in row.find_all("td", recursive=False) if "sop-bagan" not in td.get("class", [])]
        kegiatan = shown(step.kegiatan)
        if step.keputusan:
            kegiatan += f" Ya: {f'langkah {step.ya}' if step.ya else 'langkah berikutnya'}; Tidak: langkah {step.tidak}"
        assert cells[1].get_text() == kegiatan
        assert [a.get_text() for a in cells[2].select("a")] == [shown(p.label) for p in step.pelaksana]
        assert cells[3].get_text() == shown(step.mutu_baku.kelengkapan or "")
        assert cells[4].get_text().startswith(shown(step.mutu_baku.waktu))
        assert cells[5].get_text() == shown(step.mutu_baku.output or "")
        assert cells[6].get_text() == shown(step.keterangan or "")
    notes = [shown(note) for note in sop.catatan_sumber]
    notes += [f"Langkah {step.no}: {shown(step.catatan)}" for step in sop.langkah if step.catatan]
    assert texts(soup.select("details.note li")) == notes


def heading(text: str) -> str:
    """What a heading shows of a text (``text.md``): one line, its ends stripped, never empty (a zero-width space)."""
    return " ".join(shown(text).split()) or "\u200b"


def _heading(element: Tag) -> str:
    """A heading's text without the toc extension's permalink."""
    for link in element.select("a.headerlink"):
        link.decompose()
    return element.get_text()


def _check_other_pages(handbook: Handbook) -> None:
    for instansi, unit, _ in handbook.per_unit():
        for peran in unit.pelaksana:
            soup = page(render_roles.peran_page(instansi, unit, peran, handbook), handbook)
            intro = f"{shown(peran.label)} — kolom pelaksana {shown(unit.nama)}, {shown(instansi.nama)}."
            assert soup.select("p")[0].get_text() == intro
            if peran.uraian:
                assert soup.select("p")[1].get_text() == shown(peran.uraian)
            work = handbook.tugas(instansi, unit, peran)
            assert [_heading(h2) for h2 in soup.select("h2")][1:] == [heading(sop.judul_tampil) for sop, _ in work]
            rows = [row.find_all("td") for row in soup.select("table.sop-prosedur tbody tr")]
            steps = [step for _, steps in work for step in steps]
            assert [row[1].get_text().removesuffix("※") for row in rows] == [shown(s.kegiatan) for s in steps]
            assert [row[2].get_text() for row in rows] == [shown(s.mutu_baku.output or "") for s in steps]
            assert [row[3].get_text() for row in rows] == [shown(s.mutu_baku.waktu) for s in steps]
    peraturan = handbook.peraturan[0]
    naskah = (shown(peraturan.url),) if peraturan.url else ()
    soup = page(render_legal.peraturan_page(peraturan, handbook), handbook, naskah)
    assert soup.select_one("p.sop-sitasi").get_text() == shown(judul_lengkap(peraturan))
    rows = {row.th.get_text(): row.td for row in soup.select("table.sop-identitas tr")}
    assert rows["Jenis"].get_text() == shown(nama_jenis(peraturan))
    assert rows["Tentang"].get_text() == shown(peraturan.tentang)
    assert rows["Naskah resmi"].get_text() == (naskah[0] if naskah else KOSONG)
    assert [a["href"] for a in rows["Naskah resmi"].select("a")] == list(naskah)
    assert rows["Catatan"].get_text() == (shown(peraturan.catatan) if peraturan.catatan else KOSONG)
    citing = [[td.get_text() for td in row.find_all("td")] for row in soup.select("table.sop-daftar tbody tr")]
    expected_citing = []
    for sop in handbook.sop_berdasarkan(peraturan.id):
        written = sorted({d.tertulis for d in sop.dasar_hukum if d.peraturan_id == peraturan.id and d.tertulis})
        expected_citing.append(
            [shown(sop.judul_tampil), "".join(shown(w) for w in written) if any(w.split() for w in written) else "—"]
        )
    assert citing == expected_citing
    soup = page(render_legal.daftar_peraturan(handbook, links.DASAR_HUKUM), handbook)
    rows = [[td.get_text() for td in row.find_all("td")[:2]] for row in soup.select("tbody tr")]
    assert rows == [[shown(sitasi(p)), shown(p.tentang)] for p in handbook.peraturan]
    soup = page(render_roles.daftar_peran(handbook, links.PELAKSANA), handbook)
    assert [_heading(h2) for h2 in soup.select("h2")] == [heading(u.nama) for _, u, _ in handbook.per_unit()]
    rows = [[td.get_text() for td in row.find_all("td")[:2]] for row in soup.select("tbody tr")]
    roles = [peran for _, unit, _ in handbook.per_unit() for peran in unit.pelaksana]
    assert rows == [[shown(peran.label), shown(peran.uraian or "")] for peran in roles]
    soup = page(render_pages.daftar_sop(handbook, links.HOME), handbook)
    assert [_heading(h3) for h3 in soup.select("h3")] == [heading(u.nama) for _, u, _ in handbook.per_unit()]
    assert texts(soup.select("p.sop-instansi")) == [shown(i.nama) for i, _, _ in handbook.per_unit()]
    rows = [row.find_all("td") for row in soup.select("table.sop-daftar tbody tr")]
    by_unit = [sop for _, _, sops in handbook.per_unit() for sop in sops]
    assert [(row[0].get_text(), row[1].get_text()) for row in rows] == [
        (shown(s.nomor), shown(s.judul_tampil)) for s in by_unit
    ]
    soup = page(render_pages.peta_keterkaitan(handbook, links.PETA_KETERKAITAN), handbook)
    assert texts(soup.select("pre.mermaid code")) == [mermaid.relation_map(handbook, links.PETA_KETERKAITAN)]
    assert [texts(row.select("td > a")[:1]) for row in soup.select("table.sop-daftar tbody tr")] == [
        [shown(sop.judul_tampil)] for sop in handbook.sops
    ]
    soup = page(render_pages.catatan_mutu(handbook, links.CATATAN_MUTU), handbook)
    pejabat = handbook.pejabat[0]
    if pejabat.catatan:
        assert soup.select_one("p.admonition-title").get_text() == shown(f"Pejabat: {pejabat.nama}")
        assert soup.select(".admonition p")[1].get_text() == shown(pejabat.catatan)
    assert soup.select("table.sop-mutu tbody td")[2].get_text() == shown(handbook.catatan_mutu[0].message)
    soup = page(render_pages.glosarium(handbook), handbook)
    assert [[td.get_text() for td in row.find_all("td")] for row in soup.select("tbody tr")] == [
        [e.singkatan, shown(e.kepanjangan), shown(e.catatan or "")] for e in handbook.glosarium
    ]
    konvensi = render_pages.konvensi_waktu(handbook)
    expected = "1 bulan = 20 hari kerja." + (
        f" Dasar: {shown(handbook.konvensi.dasar)}" if handbook.konvensi.dasar else ""
    )
    assert page(konvensi, handbook).select_one("p.sop-konvensi").get_text().endswith(expected)


def _nav_titles(entries: Any) -> Iterator[str]:
    for entry in entries:
        if isinstance(entry, dict):
            for title, value in entry.items():
                yield title
                if isinstance(value, list):
                    yield from _nav_titles(value)


def check_pages(handbook: Handbook) -> None:
    """Every page showing source text, and the nav titles."""
    for sop in handbook.sops:
        _check_sop_page(sop, handbook)
    _check_other_pages(handbook)
    # Nav titles become page titles, which mkdocs-macros renders as templates and themes insert unescaped.
    for title in _nav_titles(site.navigation(handbook)):
        assert not any(delimiter in title for delimiter in JINJA)
        assert "<" not in title and ">" not in title


@pytest.mark.slow
@settings(max_examples=PAGE_EXAMPLES, **COMMON)
@given(handbook=handbooks())
def test_pages_show_every_text_literally(handbook: Handbook) -> None:
    check_pages(handbook)


@pytest.mark.slow
@settings(max_examples=ONE_TEXT_PAGE_EXAMPLES, **COMMON)
@given(text=TEKS)
@found
def test_one_text_in_every_field_is_shown_literally(text: str) -> None:
    """The same text everywhere: a failure shrinks to the one text that a page does not show as written."""
    check_pages(handbook_of(text))
