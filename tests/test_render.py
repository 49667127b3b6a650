"""Rendered pages: golden Markdown, the identity table, escaping, links."""

import re
from html.parser import HTMLParser

import pytest
from sop_handbook import fragments, links, render_pages, render_sop

from .conftest import FIXTURES, ROOT, check_golden, line_of, load

OUR_TAGS = {
    "div",
    "p",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "ol",
    "ul",
    "li",
    "a",
    "br",
    "small",
    "sup",
    "span",
    "details",
    "summary",
    "h1",
    "h2",
    "code",
    "strong",
    "figure",
    "figcaption",
    # The printed flowchart (bagan.py): shapes and fixed words only.
    "svg",
    "path",
    "rect",
    "polygon",
    "text",
    "marker",
}


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.attrs: set[str] = set()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attrs.update(name for name, _ in attrs)


def tags_of(markdown: str) -> Tags:
    parser = Tags()
    parser.feed(markdown)
    return parser


@pytest.fixture(scope="module")
def fixture_handbook(tmp_path_factory):
    return load(FIXTURES / "multi", tmp_path_factory.mktemp("multi"))


@pytest.mark.parametrize("sop_id", [p.stem for p in sorted((ROOT / "sop_source").glob("penyusunan-*.yaml"))])
def test_golden_page_of_each_real_sop(handbook, sop_id):
    check_golden(f"pages/{sop_id}.md", render_sop.sop_page(handbook.sop(sop_id), handbook))


def test_identity_table_has_the_thirteen_fields_and_shows_empty_ones(handbook):
    table = render_sop.identitas_table(handbook.sop("penyusunan-lkpj"), handbook)
    labels = re.findall(r'<th scope="row">([^<]+)</th>', table)
    assert labels == [
        "Unit Kerja",
        "Nomor SOP",
        "Tanggal Pembuatan",
        "Tanggal Revisi",
        "Tanggal Efektif",
        "Disahkan oleh",
        "Nama SOP",
        "Dasar Hukum",
        "Kualifikasi Pelaksana",
        "Keterkaitan",
        "Peralatan/Perlengkapan",
        "Peringatan",
        "Pencatatan dan Pendataan",
    ]
    # LKPJ has no Tanggal Revisi/Efektif, Dasar Hukum, Keterkaitan or Pencatatan.
    assert table.count(fragments.KOSONG) == 5
    assert "<td>31 Agustus 2023</td>" in table


def test_reconstruction_is_said_in_one_sentence_and_marked_per_step(handbook):
    page = render_sop.sop_page(handbook.sop("penyusunan-lakip"), handbook)
    assert page.count(fragments.REKONSTRUKSI_NOTE) == 1
    assert page.count(fragments.REKONSTRUKSI_MARK) == 10


def test_a_page_without_reconstruction_says_nothing_about_it(fixture_handbook):
    page = render_sop.sop_page(fixture_handbook.sop("pemeriksaan-berkas"), fixture_handbook)
    assert fragments.REKONSTRUKSI_NOTE not in page
    assert "Ya: langkah berikutnya; Tidak: langkah 1" in page


def test_hostile_text_stays_text(fixture_handbook):
    page = render_sop.sop_page(fixture_handbook.sop("teks-berbahaya"), fixture_handbook)
    found = tags_of(page)
    assert found.tags <= OUR_TAGS
    assert not any(attr.startswith("on") for attr in found.attrs)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;" in page
    assert "&#123;&#123; 7*7 &#125;&#125;" in page  # shown, never evaluated
    # One fence only: the diagram's. A source's ``` stays inside an HTML cell.
    assert [line for line in page.splitlines() if line.startswith("```")] == ["```mermaid", "```"]
    assert "&#96;&#96;&#96;mermaid" in page


def test_home_lists_each_unit_with_links_relative_to_the_page(fixture_handbook):
    text = render_pages.daftar_sop(fixture_handbook, links.HOME)
    assert re.findall(r"^### (.+)$", text, re.M) == ["Sekretariat", "Bidang Koperasi", "Sekretariat Badan"]
    assert 'href="sop/dinas-a/bidang-koperasi/pemeriksaan-berkas/"' in text
    assert "<td>3</td> <td>1 hari 2,5 jam kerja (10,5 jam)</td>" in text


def test_reviewers_page_links_each_warning_to_file_and_line(handbook):
    text = render_pages.catatan_mutu(handbook, links.CATATAN_MUTU)
    assert f"<p>{len(handbook.catatan_mutu)} catatan dari 6 berkas sumber.</p>" in text
    line = line_of("penyusunan-rka-dpa.yaml", "- sop: penyusunan-rka-dpa")
    assert f"<code>sop_source/penyusunan-rka-dpa.yaml:{line}</code>" in text
    assert 'href="../sop/diskopukm/sekretariat/penyusunan-lppd/"' in text


@pytest.mark.parametrize(
    ("from_src", "to_src", "url"),
    [
        ("index.md", "sop/a/b/c.md", "sop/a/b/c/"),
        ("sop/a/b/c.md", "sop/a/b/d.md", "../d/"),
        ("sop/a/b/c.md", "index.md", "../../../../"),
        ("catatan-mutu-data.md", "sop/a/b/c.md", "../sop/a/b/c/"),
        ("index.md", "index.md", "./"),
    ],
)
def test_relative_url(from_src, to_src, url):
    assert links.relative_url(from_src, to_src) == url


def test_time_convention_is_stated_in_indonesian_notation(handbook):
    assert "1 hari = 7,5 jam, 1 minggu = 5 hari, 1 bulan = 20 hari kerja." in render_pages.konvensi_waktu(handbook)


def test_source_page_numbers_every_line_and_keeps_it_literal():
    text = 'id: x\n  nama: "<script>{{ 7*7 }}</script>"\n\n```\n'
    page = render_pages.sumber_page("sop_source/x.yaml", text, "Buku <b>", ("SOP <i>", "sop/a/b/x.md"), None, {2, 9})
    assert page.startswith('<!doctype html>\n<html lang="id">')  # a plain page: no Markdown, no macros, no search
    assert '<pre class="nomor" aria-hidden="true">1\n2\n3\n4</pre>' in page
    # The text as it is, escaped; the line a note points to (2) is an anchor, a line past the end (9) is not.
    nama = "  nama: &quot;&lt;script&gt;&#123;&#123; 7*7 &#125;&#125;&lt;/script&gt;&quot;"
    content = f'id: x\n<span id="L2">{nama}</span>\n\n&#96;&#96;&#96;'
    assert f'<pre class="isi" tabindex="0"><code>{content}</code></pre>' in page
    assert 'id="L9"' not in page and "<script" not in page
    assert '<a href="../../">Buku &lt;b&gt;</a> › <a href="../../sop/a/b/x/">SOP &lt;i&gt;</a>' in page
    assert '<link rel="stylesheet" href="../../assets/stylesheets/sumber.css">' in page
    assert "Sunting" not in page
    edit = render_pages.sumber_page("sop_source/x.yaml", text, "B", None, 'https://git/edit/"x')
    assert '<a class="sunting" href="https://git/edit/&quot;x">Sunting berkas ini</a>' in edit
