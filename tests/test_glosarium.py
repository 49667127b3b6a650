"""The glossary: abbreviations get their full form as a hover title, wherever they appear."""

import re
import shutil

import pytest
from sop_handbook.glosarium import abbreviate, markdown_definitions
from sop_handbook.model import Singkatan
from sop_handbook.problems import SourceError

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
