"""The glossary: abbreviations get their full form as a hover title, wherever they appear."""

import re
import shutil

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sop_handbook.glosarium import abbreviate, markdown_definitions
from sop_handbook.model import Singkatan
from sop_handbook.problems import SourceError
from sop_handbook.text import h

from .conftest import ROOT, load

ENTRIES = (
    Singkatan("SK", "Surat Keputusan"),
    Singkatan("SKPD", "Satuan Kerja Perangkat Daerah"),
    Singkatan("Renja", 'Rencana "Kerja" <x>'),
)


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<td>SK Tim</td>", '<td><abbr title="Surat Keputusan">SK</abbr> Tim</td>'),
        ("DPA SKPD.", 'DPA <abbr title="Satuan Kerja Perangkat Daerah">SKPD</abbr>.'),
        ("Renja/Renstra", '<abbr title="Rencana &quot;Kerja&quot; &lt;x&gt;">Renja</abbr>/Renstra'),
        ("SKPDX MSK SK-1 sk", "SKPDX MSK SK-1 sk"),  # whole words only, case as written
        ('<a href="sop/SK/" title="SK">x</a>', '<a href="sop/SK/" title="SK">x</a>'),  # never inside a tag
        ("<code>SK</code> SK", '<code>SK</code> <abbr title="Surat Keputusan">SK</abbr>'),
        ('```mermaid\ns1["SK"]\n```\nSK', '```mermaid\ns1["SK"]\n```\n<abbr title="Surat Keputusan">SK</abbr>'),
        # Markdown headings are left to the abbr extension (which would wrap an <abbr> again); '#' inside a line is text
        ("## SK\n<p>SK</p>", '## SK\n<p><abbr title="Surat Keputusan">SK</abbr></p>'),
        ("</table>\n\n## Prosedur SK { #x }\n", "</table>\n\n## Prosedur SK { #x }\n"),
        ("<td># SK</td>", '<td># <abbr title="Surat Keputusan">SK</abbr></td>'),
    ],
)
def test_abbreviate(html, expected):
    assert abbreviate(html, ENTRIES) == expected


def reference_abbreviate(html: str, entries: tuple[Singkatan, ...]) -> str:
    """The first, plain form of ``abbreviate`` (one callback per tag, a look-behind per position): what it must do."""
    skip = (
        r"```mermaid\n.*?```|<(?P<tag>(?i:code|abbr|pre|script|style))\b[^>]*>.*?</(?P=tag)\s*>|<[^>]+>|^[ \t]*\#[^\n]*"
    )
    words = "|".join(sorted((re.escape(e.singkatan) for e in entries), key=len, reverse=True))
    pattern = re.compile(rf"(?P<skip>{skip})|(?<![\w.-])(?P<word>{words})(?![\w-])", re.DOTALL | re.MULTILINE)
    titles = {e.singkatan: h(e.kepanjangan) for e in entries}

    def wrap(match: re.Match[str]) -> str:
        word = match.group("word")
        return f'<abbr title="{titles[word]}">{word}</abbr>' if word else match.group(0)

    return pattern.sub(wrap, html)


PIECES = [
    *(
        "SK",
        "SKPD",
        "Renja",
        "S",
        "K",
        "x",
        "é",
        "1",
        "_",
        ".",
        "-",
        "/",
        " ",
        "\t",
        "\n",
        "#",
        "`",
        "```mermaid\n",
        "```",
    ),
    *("<td>", "</td>", "<td\ntitle='SK'>", "<code>", "</code>", "<CODE class=x>", "</code >", "<abbr>", "</abbr>"),
    *("<pre>", "</pre>", "<br>", "<", ">", '<a title="SK">', "</a>", "<codex>", "<script>", "</script>"),
]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_abbreviate_does_what_its_plain_form_does(html):
    assert abbreviate(html, ENTRIES) == reference_abbreviate(html, ENTRIES)


def test_abbreviate_does_what_its_plain_form_does_on_every_built_page(real_site):
    pages = [p.read_text(encoding="utf-8") for p in real_site.site.rglob("*.html") if "sumber" not in p.parts]
    assert len(pages) > 20
    for page in pages:
        assert abbreviate(page, ENTRIES) == reference_abbreviate(page, ENTRIES)


def test_markdown_definitions_for_hand_written_pages():
    assert markdown_definitions(ENTRIES[:2]) == "*[SK]: Surat Keputusan\n*[SKPD]: Satuan Kerja Perangkat Daerah"


def test_the_glossary_covers_the_abbreviations_of_the_sops(handbook):
    known = {e.singkatan for e in handbook.glosarium}
    assert {"SKPD", "RKA", "DPA", "LKPJ", "LPPD", "LAKIP", "Renja", "Renstra", "BKAD", "Bappeda", "TAPD"} <= known
    assert {"SAKIP", "UMKM", "ATK", "SK", "NIP", "Kadis"} <= known


def test_duplicate_abbreviation_is_an_error(tmp_path):
    source_dir = tmp_path / "sop_source"
    shutil.copytree(ROOT / "sop_source", source_dir)
    path = source_dir / "glosarium.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "  - {singkatan: SK, kepanjangan: Lain}\n", encoding="utf-8")
    with pytest.raises(SourceError) as info:
        load(source_dir, tmp_path)
    lines = path.read_text(encoding="utf-8").splitlines()
    first = next(i for i, line in enumerate(lines, 1) if "{singkatan: SK," in line)
    assert [str(p) for p in info.value.problems] == [
        f"sop_source/glosarium.yaml:{len(lines)}: singkatan[28].singkatan: "
        f"singkatan 'SK' sudah dipakai di baris {first}; setiap singkatan harus unik"
    ]


def test_built_pages_carry_the_titles(real_site):
    sop = (real_site.site / "sop/diskopukm/sekretariat/penyusunan-lkpj/index.html").read_text(encoding="utf-8")
    assert '<abbr title="Laporan Keterangan Pertanggungjawaban">LKPJ</abbr>' in sop
    home = (real_site.site / "index.html").read_text(encoding="utf-8")
    assert '<abbr title="Standar Operasional Prosedur">SOP</abbr>' in home  # hand-written Markdown
    glossary = (real_site.site / "glosarium" / "index.html").read_text(encoding="utf-8")
    assert glossary.count("<tr><td><strong>") == 28
    for page in real_site.site.rglob("*.html"):
        assert not re.search(r"<abbr[^>]*><abbr", page.read_text(encoding="utf-8")), page  # never wrapped twice


def test_the_templates_title_abbreviations_in_text_and_nowhere_else(handbook, tmp_path):
    """The pages' templates give abbreviations their titles as they write them: the templates' own text and
    the values in an element's text, not attributes, headings, code or the diagram's source; the book's
    copy (the plain templates) has none, as its print would not show them."""
    from sop_handbook import render_pages, render_sop, resources, templates

    entries = (*ENTRIES, Singkatan("SOP", "Standar Operasional Prosedur"), Singkatan("LKPJ", "Laporan <K>"))
    titled = templates.environment([resources.THEME], glosarium=entries)
    sop = handbook.sop("penyusunan-lkpj")
    page = render_sop.sop_page(sop, handbook, templates=titled)
    lkpj = '<abbr title="Laporan &lt;K&gt;">LKPJ</abbr>'
    assert f"<h1>Penyusunan {lkpj}</h1>" in page  # a value
    assert '<th scope="row">Nomor <abbr title="Standar Operasional Prosedur">SOP</abbr></th>' in page  # its text
    assert not re.search(r'="[^"]*<abbr', page)  # no attribute holds one
    assert not re.search(r"^#.*<abbr", page, re.M)  # headings are the abbr extension's
    fence = page.split("```mermaid\n")[1].split("```")[0]
    assert "<abbr" not in fence and "LKPJ" in fence  # the diagram's source as Mermaid gets it
    assert page.count("<abbr") > 10 and "<abbr" not in render_sop.sop_page(sop, handbook)  # none without a glossary
    assert "<abbr" not in render_sop.book_copy(sop, handbook, templates=templates.environment([resources.THEME]))
    # A value holding an abbreviation in an attribute stays whole there: the monitoring form's data.
    data = render_pages.formulir_monitoring(handbook, titled).split('data-sop="')[1].split('"')[0]
    assert "&quot;Penyusunan LKPJ&quot;" in data and "abbr" not in data
    # An agency's own template of that folder gets the titles too.
    own = tmp_path / "tema" / "partials" / "sop"
    own.mkdir(parents=True)
    (own / "kop.html").write_text('<p class="sop-kop">SK {{ sop.nama }}</p><a title="SK">x</a>', encoding="utf-8")
    kop = render_sop.kop(sop, templates.environment([tmp_path / "tema", resources.THEME], glosarium=entries))
    assert kop == (
        f'<p class="sop-kop"><abbr title="Surat Keputusan">SK</abbr> Penyusunan {lkpj}</p><a title="SK">x</a>'
    )
