"""Dasar Hukum: one catalogue, citations by id, hierarchy order, amendments both ways."""

import json
import shutil

import pytest
from sop_handbook import legal, links, render_legal
from sop_handbook.problems import SourceError

from .conftest import FIXTURES, ROOT, check_golden, load, real_sources

HIERARCHY = [
    "uu-25-1992", "uu-20-2008", "uu-23-2014", "pp-38-2007", "pp-12-2019", "pp-13-2019", "perpres-29-2014",
    "permendagri-86-2017", "permendagri-77-2020", "pergub-kalbar-125-2021", "pergub-kalbar-206-2021",
]  # fmt: skip


def test_catalogue_is_in_hierarchy_then_year_then_number_order(handbook):
    assert [p.id for p in handbook.peraturan] == HIERARCHY


def test_citations(handbook):
    permendagri = handbook.cari_peraturan("permendagri-77-2020")
    assert legal.sitasi(permendagri) == "Peraturan Menteri Dalam Negeri Nomor 77 Tahun 2020"
    assert legal.judul_lengkap(handbook.cari_peraturan("uu-23-2014")) == (
        "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah"
    )


def test_every_citation_of_the_seed_resolves_and_one_spelling_is_one_entry(handbook):
    cited = {sop.id: len(sop.dasar_hukum) for sop in handbook.sops}
    assert cited == {
        "penyusunan-renja-renstra": 6,
        "penyusunan-laporan-evaluasi": 7,
        "penyusunan-rka-dpa": 7,
        "penyusunan-lkpj": 0,
        "penyusunan-lppd": 6,
        "penyusunan-lakip": 6,
    }
    # "Peraturan Pemerintah No. 38" and the Pergub with "Tantang" are the same entries as the others.
    assert len(handbook.sop_berdasarkan("pp-38-2007")) == 5
    assert len(handbook.sop_berdasarkan("pergub-kalbar-206-2021")) == 5


def test_amendment_is_shown_both_ways(handbook):
    assert handbook.cari_peraturan("pergub-kalbar-206-2021").mengubah == ("pergub-kalbar-125-2021",)
    assert [p.id for p in handbook.diubah_oleh("pergub-kalbar-125-2021")] == ["pergub-kalbar-206-2021"]
    page = render_legal.peraturan_page(handbook.cari_peraturan("pergub-kalbar-125-2021"), handbook)
    assert '<th scope="row">Diubah oleh</th> <td><a href="../pergub-kalbar-206-2021/">' in page
    assert "Tidak ada SOP yang mencantumkan peraturan ini sebagai Dasar Hukum." in page


def test_sop_lists_its_dasar_hukum_as_links_in_hierarchy_order(handbook):
    sop = handbook.sop("penyusunan-lakip")
    html = render_legal.dasar_hukum_list(sop.dasar_hukum, links.sop_src(sop))
    hrefs = [part.split('"')[0] for part in html.split('href="')[1:]]
    assert hrefs == [
        f"../../../../dasar-hukum/{i}/"
        for i in ("uu-25-1992", "uu-20-2008", "uu-23-2014", "pp-38-2007", "perpres-29-2014", "pergub-kalbar-206-2021")
    ]


def test_regulation_page_shows_how_each_sop_wrote_it(handbook):
    page = render_legal.peraturan_page(handbook.cari_peraturan("uu-20-2008"), handbook)
    assert page.count("Undang-undang Nomor 20 Tahun 2008 tentang UMKM") == 5
    check_golden("pages/dasar-hukum-uu-20-2008.md", page)


def test_golden_index(handbook):
    check_golden("pages/dasar-hukum-index.md", render_legal.daftar_peraturan(handbook, links.DASAR_HUKUM))


def test_uncited_regulation_is_a_warning(tmp_path):
    handbook = load(FIXTURES / "multi", tmp_path)
    warnings = [str(p) for p in handbook.catatan_mutu if "tidak dirujuk SOP" in p.message]
    assert warnings == []  # each one is cited or part of an amendment
    source_dir = tmp_path / "sop_source"
    shutil.copytree(FIXTURES / "multi", source_dir)
    catalogue = source_dir / "peraturan.yaml"
    catalogue.write_text(
        catalogue.read_text(encoding="utf-8")
        + '  - {id: pp-lain-1-2000, jenis: peraturan-pemerintah, nomor: "1", tahun: 2000, tentang: Lain}\n',
        encoding="utf-8",
    )
    handbook = load(source_dir, tmp_path)
    assert [p.message for p in handbook.catatan_mutu if p.path[:1] == ("peraturan",)] == [
        "tidak dirujuk SOP mana pun dan tidak terkait perubahan peraturan lain"
    ]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "mengubah: [perda-contoh-1-2024]",
            "mengubah: [perda-contoh-1-2042]",
            "peraturan.yaml:16: peraturan[1].mengubah[0]: peraturan 'perda-contoh-1-2042' tidak ada di katalog; "
            "maksud Anda 'perda-contoh-1-2024'?",
        ),
        (
            "mengubah: [perda-contoh-1-2024]",
            "mengubah: [perda-contoh-2-2024]",
            "peraturan.yaml:16: peraturan[1].mengubah[0]: peraturan tidak dapat mengubah dirinya sendiri",
        ),
        (
            "jenis: undang-undang",
            "jenis: undang undang",
            "peraturan.yaml:18: peraturan[2].jenis: nilai 'undang undang' tidak sah (pilihan: 'undang-undang', "
            "'peraturan-pemerintah', 'peraturan-presiden', 'peraturan-menteri', 'peraturan-daerah-provinsi', "
            "'peraturan-gubernur', 'peraturan-daerah-kabupaten-kota', 'peraturan-bupati-walikota'); "
            "maksud Anda 'undang-undang'?",
        ),
    ],
)
def test_catalogue_errors(tmp_path, old, new, expected):
    source_dir = tmp_path / "sop_source"
    shutil.copytree(FIXTURES / "multi", source_dir)
    catalogue = source_dir / "peraturan.yaml"
    catalogue.write_text(catalogue.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    with pytest.raises(SourceError) as info:
        load(source_dir, tmp_path)
    # Only the catalogue is reported: the SOPs citing it are not blamed for its mistake.
    assert [str(p) for p in info.value.problems] == [f"sop_source/{expected}"]


def test_unknown_regulation_in_an_sop_is_an_error(tmp_path):
    source_dir = tmp_path / "sop_source"
    source_dir.mkdir()
    for path in real_sources():
        text = path.read_text(encoding="utf-8").replace("peraturan: uu-23-2014", "peraturan: uu-23-2041")
        (source_dir / path.name).write_text(text, encoding="utf-8")
    with pytest.raises(SourceError) as info:
        load(source_dir, tmp_path)
    messages = {p.message for p in info.value.problems}
    assert messages == {"peraturan 'uu-23-2041' tidak ada di peraturan.yaml; maksud Anda 'uu-23-2014'?"}
    assert len(info.value.problems) == 5


def test_json_export(real_site):
    items = json.loads((real_site.site / "api" / "dasar-hukum.json").read_text(encoding="utf-8"))
    assert [item["id"] for item in items] == HIERARCHY
    assert {"id", "jenis", "nomor", "tahun", "tentang", "url", "dirujuk_oleh"} <= set(items[0])
    pergub = items[-1]
    assert (pergub["jenis"], pergub["nomor"], pergub["tahun"]) == ("Peraturan Gubernur Kalimantan Barat", "206", 2021)
    assert len(pergub["dirujuk_oleh"]) == 5
    assert (real_site.site / pergub["halaman"] / "index.html").exists()


def test_every_regulation_has_a_page(real_site):
    for peraturan_id in HIERARCHY:
        assert (real_site.site / "dasar-hukum" / peraturan_id / "index.html").exists()
    assert (ROOT / "docs" / "dasar-hukum" / "index.md").exists()
