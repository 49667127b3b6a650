"""Keterkaitan: forward links by id, reverse links computed, the relation map."""

from sop_handbook import links, mermaid, render_pages, render_sop

from .conftest import FIXTURES, check_golden, load


def test_reverse_links_mirror_the_forward_links(handbook):
    forward = {(s.id, r.sop_id, r.jenis) for s in handbook.sops for r in s.keterkaitan if r.sop_id != s.id}
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
