"""Keterkaitan: forward links by id, reverse links computed, the relation map."""

import json

import pytest
from sop_handbook import export, fragments, links, mermaid, render_pages, render_sop
from sop_handbook.model import Keterkaitan

from .conftest import FIXTURES, check_golden, edited_fixture, load


def test_reverse_links_mirror_the_forward_links(handbook):
    forward = {(s.id, r.sop_id, r.jenis) for s in handbook.sops for r in s.keterkaitan if r.sop_id not in (s.id, None)}
    reverse = {(other.id, s.id, r.jenis) for s in handbook.sops for other, r in handbook.dirujuk_oleh(s.id)}
    assert forward == reverse
    assert len(forward) == 7  # the seed's relations; RKA/DPA's mention of itself is left out


def test_one_name_in_the_source_can_mean_two_sops(handbook):
    lakip = handbook.sop("penyusunan-lakip")
    assert [(r.sop_id, r.tertulis) for r in lakip.keterkaitan] == [
        ("penyusunan-lppd", "SOP Penyusunan LPPD dan LKPJ Dinas Koperasi UKM Provinsi Kalimantan Barat"),
        ("penyusunan-lkpj", "SOP Penyusunan LPPD dan LKPJ Dinas Koperasi UKM Provinsi Kalimantan Barat"),
    ]
    assert {r.jenis for s in handbook.sops for r in s.keterkaitan} == {"terkait"}  # the source names no kind


def test_sop_page_shows_who_refers_to_it(handbook):
    text = render_sop.dirujuk_oleh(handbook.sop("penyusunan-rka-dpa"), handbook)
    assert text.count("<li>") == 3
    assert '<a href="../penyusunan-renja-renstra/">Penyusunan Renja/Renstra</a>' in text
    assert "Penyusunan RKA dan DPA SKPD" not in text  # its mention of itself is not a reference
    nobody = render_sop.dirujuk_oleh(handbook.sop("penyusunan-laporan-evaluasi"), handbook)
    assert "Tidak ada SOP lain yang mencantumkan SOP ini." in nobody


def test_kind_of_relation_is_shown_both_ways(tmp_path):
    handbook = load(FIXTURES / "multi", tmp_path)
    forward = render_sop.identitas_table(handbook.sop("pemeriksaan-berkas"), handbook)
    assert "(lanjutan: dijalankan sesudah SOP ini)" in forward
    reverse = render_sop.dirujuk_oleh(handbook.sop("laporan-badan"), handbook)
    assert "Pemeriksaan Berkas Koperasi</a> <small" in reverse and "(sebagai lanjutan)" in reverse


def test_golden_relation_maps(handbook, tmp_path):
    check_golden("mermaid/peta-keterkaitan.mmd", mermaid.relation_map(handbook, links.PETA_KETERKAITAN))
    multi = load(FIXTURES / "multi", tmp_path)
    check_golden("mermaid/peta-keterkaitan-multi.mmd", mermaid.relation_map(multi, links.PETA_KETERKAITAN))


def test_relation_map_page_has_the_same_as_a_table(handbook):
    text = render_pages.peta_keterkaitan(handbook, links.PETA_KETERKAITAN)
    assert text.count("<tr><td>") == 6
    assert "```mermaid" in text


OUTSIDE = (
    "  - nama: Penyusunan Laporan Badan\n"  # the name of an SOP of this handbook, but of another agency's
    "    instansi: DPMPTSP Kabupaten Blitar\n"
    "    url: https://contoh.invalid/sop?a=1&b=2\n"
    "    jenis: prasyarat\n"
    "  - nama: SOP Pengaduan\n"
)


@pytest.fixture
def outside(tmp_path):
    """The multi fixture whose first SOP also names two SOPs outside the handbook."""
    source_dir = edited_fixture(
        tmp_path, "multi", "pemeriksaan-berkas.yaml", "keterkaitan:\n", "keterkaitan:\n" + OUTSIDE
    )
    return load(source_dir, tmp_path)


def test_an_sop_outside_the_handbook_is_named_as_written_and_never_matched(outside):
    sop = outside.sop("pemeriksaan-berkas")
    named = [(r.sop_id, r.nama, r.instansi, r.jenis) for r in sop.keterkaitan if r.di_luar]
    assert named == [
        (None, "Penyusunan Laporan Badan", "DPMPTSP Kabupaten Blitar", "prasyarat"),
        (None, "SOP Pengaduan", None, "terkait"),
    ]
    # Not a reference to the handbook's "Penyusunan Laporan Badan": only its own lanjutan points there.
    assert [(other.id, r.jenis) for other, r in outside.dirujuk_oleh("laporan-badan")] == [
        ("pemeriksaan-berkas", "lanjutan")
    ]
    assert not any("Keterkaitan" in p.message or p.path[:1] == ("keterkaitan",) for p in outside.catatan_mutu)


def test_sop_page_links_an_outside_sop_only_to_its_own_address(outside):
    table = render_sop.identitas_table(outside.sop("pemeriksaan-berkas"), outside)
    row = next(line for line in table.splitlines() if "Keterkaitan" in line)
    assert (
        '<li><a href="https://contoh.invalid/sop?a=1&amp;b=2" rel="external noopener">Penyusunan Laporan Badan</a>'
        ' (DPMPTSP Kabupaten Blitar) <small class="sop-tertulis">(prasyarat: dijalankan sebelum SOP ini; '
        "SOP di luar buku ini)</small></li>"
    ) in row
    assert '<li>SOP Pengaduan <small class="sop-tertulis">(terkait; SOP di luar buku ini)</small></li>' in row
    assert row.count("<a href=") == 2  # the outside one with its address, and the handbook's laporan-badan


def test_relation_map_shows_outside_sops_apart_without_a_link(outside):
    text = mermaid.relation_map(outside, links.PETA_KETERKAITAN)
    assert '  subgraph luar["Di luar buku ini"]' in text
    # luar_1 is the hostile SOP's (tests/fixtures/multi/teks-berbahaya.yaml), which sorts first.
    assert '    luar_2["Penyusunan Laporan Badan (DPMPTSP Kabupaten Blitar)"]' in text
    assert '    luar_3["SOP Pengaduan"]' in text
    assert 'sop_2 -->|"prasyarat"| luar_2' in text and "sop_2 -.-> luar_3" in text
    assert "click luar" not in text and "contoh.invalid/sop" not in text
    table = render_pages.peta_keterkaitan(outside, links.PETA_KETERKAITAN)
    assert "SOP Pengaduan (terkait; SOP di luar buku ini)" in table


def test_outside_sops_are_exported_with_their_name(outside):
    sop = next(s for s in json.loads(export.sops_json(outside)) if s["id"] == "pemeriksaan-berkas")
    assert sop["keterkaitan"][1] == {
        "sop": None, "jenis": "terkait", "nama": "SOP Pengaduan", "instansi": None, "url": None
    }  # fmt: skip


@pytest.mark.parametrize(
    ("url", "link"),
    [
        ("https://contoh.invalid/sop", True),
        ("http://contoh.invalid", True),
        ("javascript:alert(1)", False),
        ("JavaScript:alert(1)", False),
        (" https://contoh.invalid", False),  # a browser would drop the space: only text that starts so
        ("\x01javascript:alert(1)", False),
        ("data:text/html,<script>alert(1)</script>", False),
        ("https:alert(1)", False),  # no host
        ("//contoh.invalid", False),
        ("https://[contoh", False),  # urlsplit raises: shown as text, never a traceback
        (None, False),
    ],
)
def test_only_an_http_address_becomes_a_link(url, link):
    relation = Keterkaitan(None, nama='<b>"x"</b>', url=url)
    html = fragments.sop_luar(relation)
    assert (links.luar(url) is not None) is link
    assert html.startswith("<a ") is link
    assert "<b>" not in html and "&lt;b&gt;&quot;x&quot;&lt;/b&gt;" in html
