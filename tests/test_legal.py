"""Dasar Hukum: one catalogue, citations by id, hierarchy order, amendments both ways."""

import json
import shutil

import pytest
from sop_handbook import export, legal, links, render_legal, render_sop
from sop_handbook.problems import SourceError, close_id, valid_values
from sop_handbook.text import h

from .conftest import FIXTURES, check_golden, edited_fixture, load, real_sources

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


def dasar_hukum_cell(sop, handbook, book=False) -> str:
    """The Dasar Hukum cell of an SOP's identity table, as HTML."""
    table = render_sop.identitas_table(sop, handbook, book=book)
    return table.split('<th scope="row">Dasar Hukum</th> <td>')[1].split("</td></tr>")[0]


def test_sop_lists_its_dasar_hukum_as_links_in_hierarchy_order(handbook):
    sop = handbook.sop("penyusunan-lakip")
    html = dasar_hukum_cell(sop, handbook)
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
            "peraturan.yaml:18: peraturan[2].jenis: nilai 'undang undang' tidak sah "
            f"(pilihan: {valid_values(legal.JENIS)}); maksud Anda 'undang-undang'?",
        ),
        (
            "jenis: undang-undang",
            "jenis: peraturan-bupati-walikota",  # a kind of earlier versions: which one it is, is not guessed
            "peraturan.yaml:18: peraturan[2].jenis: nilai 'peraturan-bupati-walikota' tidak sah "
            f"(pilihan: {valid_values(legal.JENIS)}); tulis 'peraturan-bupati' untuk kabupaten, "
            "'peraturan-wali-kota' untuk kota",
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
    assert (real_site.site / "dasar-hukum" / "index.html").exists()  # the package's standard page


# Kinds SOPs cite, one entry each, in the order of the hierarchy, as they must be cited.
KINDS = [
    ("uud-1945", "undang-undang-dasar", None, None, 1945, None,
     "Undang-Undang Dasar Negara Republik Indonesia Tahun 1945"),
    ("tap-mpr-3-2000", "ketetapan-mpr", None, "III/MPR/2000", 2000, "Sumber Hukum",
     "Ketetapan Majelis Permusyawaratan Rakyat Nomor III/MPR/2000 Tahun 2000"),
    ("uu-5-2014", "undang-undang", None, "5", 2014, "Aparatur Sipil Negara", "Undang-Undang Nomor 5 Tahun 2014"),
    ("perppu-1-2020", "perppu", None, "1", 2020, "Kebijakan Keuangan Negara",
     "Peraturan Pemerintah Pengganti Undang-Undang Nomor 1 Tahun 2020"),
    ("pp-18-2016", "peraturan-pemerintah", None, "18", 2016, "Perangkat Daerah",
     "Peraturan Pemerintah Nomor 18 Tahun 2016"),
    ("perpres-95-2018", "peraturan-presiden", None, "95", 2018, "SPBE", "Peraturan Presiden Nomor 95 Tahun 2018"),
    ("keppres-1-2021", "keputusan-presiden", None, "1", 2021, "Contoh", "Keputusan Presiden Nomor 1 Tahun 2021"),
    ("inpres-3-2003", "instruksi-presiden", None, "3", 2003, "E-Government", "Instruksi Presiden Nomor 3 Tahun 2003"),
    ("permenpanrb-35-2012", "peraturan-menteri", "Pendayagunaan Aparatur Negara dan Reformasi Birokrasi", "35",
     2012, "Pedoman Penyusunan SOP AP",
     "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 35 Tahun 2012"),
    ("kepmendagri-1-2022", "keputusan-menteri", "Dalam Negeri", "050-145", 2022, "Kode Klasifikasi",
     "Keputusan Menteri Dalam Negeri Nomor 050-145 Tahun 2022"),
    ("perbkn-7-2022", "peraturan-lembaga", "Badan Kepegawaian Negara", "7", 2022, "Contoh",
     "Peraturan Badan Kepegawaian Negara Nomor 7 Tahun 2022"),
    ("kepka-bps-1-2020", "keputusan-lembaga", "Kepala Badan Pusat Statistik", "1", 2020, "Contoh",
     "Keputusan Kepala Badan Pusat Statistik Nomor 1 Tahun 2020"),
    ("perda-kalbar-8-2016", "peraturan-daerah-provinsi", "Kalimantan Barat", "8", 2016, "Perangkat Daerah",
     "Peraturan Daerah Provinsi Kalimantan Barat Nomor 8 Tahun 2016"),
    ("perda-lutim-2-2016", "peraturan-daerah-kabupaten", "Luwu Timur", "2", 2016, "Perangkat Daerah",
     "Peraturan Daerah Kabupaten Luwu Timur Nomor 2 Tahun 2016"),
    ("perda-batu-7-2016", "peraturan-daerah-kota", "Batu", "7", 2016, "Perangkat Daerah",
     "Peraturan Daerah Kota Batu Nomor 7 Tahun 2016"),
    ("pergub-kalbar-1-2022", "peraturan-gubernur", "Kalimantan Barat", "1", 2022, "Contoh",
     "Peraturan Gubernur Kalimantan Barat Nomor 1 Tahun 2022"),
    ("kepgub-kalbar-1-2022", "keputusan-gubernur", "Kalimantan Barat", "1", 2022, "Contoh",
     "Keputusan Gubernur Kalimantan Barat Nomor 1 Tahun 2022"),
    ("perbup-blitar-5-2019", "peraturan-bupati", "Blitar", "5", 2019, "Contoh",
     "Peraturan Bupati Blitar Nomor 5 Tahun 2019"),
    ("kepbup-blitar-5-2019", "keputusan-bupati", "Blitar", "5", 2019, "Contoh",
     "Keputusan Bupati Blitar Nomor 5 Tahun 2019"),
    ("perwali-batu-10-2020", "peraturan-wali-kota", "Batu", "10", 2020, "Contoh",
     "Peraturan Wali Kota Batu Nomor 10 Tahun 2020"),
    ("kepwali-batu-10-2020", "keputusan-wali-kota", "Batu", "10", 2020, "Contoh",
     "Keputusan Wali Kota Batu Nomor 10 Tahun 2020"),
    ("se-mendagri-800-2021", "surat-edaran", "Menteri Dalam Negeri", "800/1234/SJ", 2021, "Contoh",
     "Surat Edaran Menteri Dalam Negeri Nomor 800/1234/SJ Tahun 2021"),
]  # fmt: skip


def _entry(peraturan_id, jenis, penerbit, nomor, tahun, tentang):
    fields = {"id": peraturan_id, "jenis": jenis, "penerbit": penerbit, "nomor": nomor, "tahun": tahun}
    fields["tentang"] = tentang
    return "  - {" + ", ".join(f"{k}: {json.dumps(v)}" for k, v in fields.items() if v is not None) + "}\n"


def _catalogue_with(tmp_path, entries):
    source_dir = tmp_path / "sop_source"
    shutil.copytree(FIXTURES / "multi", source_dir, dirs_exist_ok=True)
    catalogue = source_dir / "peraturan.yaml"
    catalogue.write_text(catalogue.read_text(encoding="utf-8") + "".join(entries), encoding="utf-8")
    return source_dir


@pytest.fixture
def kinds_handbook(tmp_path):
    entries = [_entry(*kind[:6]) for kind in reversed(KINDS)]  # written in reverse: the order is computed
    return load(_catalogue_with(tmp_path, entries), tmp_path)


def test_each_kind_is_cited_with_its_own_name_and_issuer(kinds_handbook):
    for peraturan_id, *_, expected in KINDS:
        assert legal.sitasi(kinds_handbook.cari_peraturan(peraturan_id)) == expected
    uud = kinds_handbook.cari_peraturan("uud-1945")
    assert legal.judul_lengkap(uud) == "Undang-Undang Dasar Negara Republik Indonesia Tahun 1945"
    assert legal.judul_lengkap(kinds_handbook.cari_peraturan("perbup-blitar-5-2019")) == (
        "Peraturan Bupati Blitar Nomor 5 Tahun 2019 tentang Contoh"
    )


def test_no_kind_combines_kabupaten_and_kota():
    for jenis in legal.JENIS.values():
        assert "/" not in jenis.nama + jenis.judul, jenis


def test_kinds_sort_in_the_order_of_the_hierarchy(kinds_handbook):
    ours = [p.id for p in kinds_handbook.peraturan if p.id in {k[0] for k in KINDS}]
    assert ours == [k[0] for k in KINDS]
    assert legal.peringkat("undang-undang-dasar") == 1
    assert legal.peringkat("peraturan-daerah-kota") < legal.peringkat("peraturan-gubernur")
    assert (
        legal.peringkat("peraturan-bupati") < legal.peringkat("peraturan-wali-kota") < legal.peringkat("surat-edaran")
    )


def test_index_groups_by_kind_in_hierarchy_order_with_their_headings(kinds_handbook):
    text = render_legal.daftar_peraturan(kinds_handbook, links.DASAR_HUKUM)
    headings = [line.removeprefix("## ") for line in text.splitlines() if line.startswith("## ")]
    assert headings[:4] == [
        "Undang-Undang Dasar",
        "Ketetapan MPR",
        "Undang-Undang",
        "Peraturan Pemerintah Pengganti Undang-Undang",
    ]
    assert headings[-3:] == ["Peraturan Wali Kota", "Keputusan Wali Kota", "Surat Edaran"]
    assert len(headings) == len(set(headings)) == len(KINDS)  # one group per kind: the multi fixture's kinds too
    assert "Bupati/Wali Kota" not in text and "Kabupaten/Kota" not in text


def test_the_uud_has_no_nomor_and_no_tentang_and_nothing_lacks(kinds_handbook):
    page = render_legal.peraturan_page(kinds_handbook.cari_peraturan("uud-1945"), kinds_handbook)
    assert '<th scope="row">Nomor</th> <td>—</td>' in page
    assert '<th scope="row">Tentang</th> <td>—</td>' in page
    assert "Tidak tercantum" not in page.split("Naskah resmi")[0]


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        (
            '  - {id: perbup-blitar-1-2019, jenis: peraturan-bupati, nomor: "1", tahun: 2019, tentang: X}\n',
            "peraturan[3]: jenis 'peraturan-bupati' perlu `penerbit:`: kabupatennya, mis. 'Blitar'",
        ),
        (
            '  - {id: uu-1-2019, jenis: undang-undang, penerbit: RI, nomor: "1", tahun: 2019, tentang: X}\n',
            "peraturan[3].penerbit: Undang-Undang tidak disebut dengan penerbit; hapus `penerbit:`",
        ),
        (
            '  - {id: uud-1945, jenis: undang-undang-dasar, nomor: "1945", tahun: 1945}\n',
            "peraturan[3].nomor: Undang-Undang Dasar Negara Republik Indonesia dikutip tanpa `nomor:`; hapus kunci ini",
        ),
        (
            "  - {id: pp-1-2019, jenis: peraturan-pemerintah, tahun: 2019, tentang: X}\n",
            "peraturan[3]: jenis 'peraturan-pemerintah' perlu `nomor:`; salin dari naskah peraturannya",
        ),
    ],
)
def test_an_entry_must_say_what_its_kind_is_cited_with(tmp_path, entry, expected):
    source_dir = _catalogue_with(tmp_path, [entry])
    with pytest.raises(SourceError) as info:
        load(source_dir, tmp_path)
    assert [str(p) for p in info.value.problems] == [f"sop_source/peraturan.yaml:22: {expected}"]


@pytest.mark.parametrize(
    ("value", "same_kind", "expected"),
    [
        ("uu-23-2004", True, "uu-23-2014"),  # one edit
        ("uu-23-2041", True, "uu-23-2014"),  # two edits
        ("pp-23-2014", True, None),  # two edits, but a PP is not the Undang-Undang meant
        ("permenpan-77-2020", True, None),  # ratio 0.83, but a PermenPAN-RB is not a Permendagri
        ("pp-23-2014", False, "uu-23-2014"),
        ("uu-99-1999", True, None),  # three edits, ratio 0.7
        ("sk-kadis-12-2023", True, None),
        ("pergub-kalbar-206", True, "pergub-kalbar-206-2021"),  # ratio 0.87
    ],
)
def test_did_you_mean_only_when_close_and_of_the_same_kind(value, same_kind, expected):
    ids = ["uu-23-2014", "uu-25-1992", "permendagri-77-2020", "pergub-kalbar-206-2021", "pergub-kalbar-125-2021"]
    assert close_id(value, ids, same_kind) == expected


CITED_AS_WRITTEN = 'Peraturan Bupati Blitar Nomor 5 Tahun 2019 tentang <Contoh> & "Kutip"'


@pytest.fixture
def as_written(tmp_path):
    """The multi fixture with a Dasar Hukum cited as written only, between two catalogued ones."""
    uu = "  - peraturan: uu-contoh-9-2020\n"
    cited = f"  - tertulis: {json.dumps(CITED_AS_WRITTEN)}\n{uu}"
    return load(edited_fixture(tmp_path, "multi", "pemeriksaan-berkas.yaml", uu, cited), tmp_path)


def test_a_citation_as_written_is_shown_escaped_without_a_link_after_the_catalogued(as_written):
    sop = as_written.sop("pemeriksaan-berkas")
    assert [(d.peraturan_id, d.tertulis) for d in sop.dasar_hukum][1] == (None, CITED_AS_WRITTEN)
    html = dasar_hukum_cell(sop, as_written)
    items = html.removeprefix("<ol>").removesuffix("</ol>").split("</li>")
    assert items[-2] == "<li>Peraturan Bupati Blitar Nomor 5 Tahun 2019 tentang &lt;Contoh&gt; &amp; &quot;Kutip&quot;"
    assert all("<a href" in item for item in items[:-2])  # the two catalogued ones, in hierarchy order, first
    book = dasar_hukum_cell(sop, as_written, book=True).removeprefix("<ol>").removesuffix("</ol>").split("</li>")
    assert [item.removeprefix("<li>") for item in book[:-1]] == [
        *(h(legal.judul_lengkap(p)) for p, _ in render_legal.dasar_hukum(sop.dasar_hukum)[:-1]),
        "Peraturan Bupati Blitar Nomor 5 Tahun 2019 tentang &lt;Contoh&gt; &amp; &quot;Kutip&quot;",
    ]  # the book names them: it has no regulation pages


def test_a_citation_as_written_is_a_data_quality_note_not_an_error(as_written):
    notes = [str(p) for p in as_written.catatan_mutu if p.path[:1] == ("dasar_hukum",) and "berkas" in p.file]
    assert notes == [
        "sop_source/pemeriksaan-berkas.yaml:17: dasar_hukum[1].tertulis: belum dicatat di peraturan.yaml; "
        "tambahkan bila ingin halaman peraturannya"
    ]


def test_a_citation_as_written_gets_no_page_and_is_not_counted(as_written):
    assert len(as_written.peraturan) == 3  # the catalogue's, and nothing made of the citation
    assert [len(as_written.sop_berdasarkan(p.id)) for p in as_written.peraturan] == [2, 1, 1]
    index = render_legal.daftar_peraturan(as_written, links.DASAR_HUKUM)
    assert "Blitar" not in index
    sop = json.loads(export.sops_json(as_written))[1]
    assert sop["id"] == "pemeriksaan-berkas"
    assert sop["dasar_hukum"] == ["uu-contoh-9-2020", "perda-contoh-2-2024"]
    assert sop["dasar_hukum_belum_dicatat"] == [CITED_AS_WRITTEN]
