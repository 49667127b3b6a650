"""End to end: ``mkdocs build --strict`` of whole handbooks in tmp_path."""

import json
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from sop_handbook import links, resources
from sop_handbook.text import h

from .conftest import ROOT, build, fixture_sources, line_of, load, make, make_project, real_sources

SOP_KEYS = {
    "id",
    "nomor",
    "draf",
    "tidak_tercantum",
    "tidak_terbaca",
    "nama",
    "judul",
    "instansi",
    "unit",
    "url",
    "tanggal_pembuatan",
    "tanggal_revisi",
    "tanggal_efektif",
    "disahkan_oleh",
    "dasar_hukum",
    "dasar_hukum_belum_dicatat",
    "kualifikasi_pelaksana",
    "keterkaitan",
    "peralatan_perlengkapan",
    "dirujuk_oleh",
    "peringatan",
    "pencatatan_pendataan",
    "pelaksana",
    "total_jam",
    "langkah",
}
LANGKAH_KEYS = {
    "tidak_terbaca",
    "no",
    "kegiatan",
    "jenis",
    "ya",
    "tidak",
    "pelaksana",
    "pelaksana_direkonstruksi",
    "kelengkapan",
    "waktu",
    "durasi_jam",
    "durasi_jam_paling_cepat",
    "output",
    "keterangan",
}


def test_real_handbook_builds_strict_without_warnings(real_site):
    assert not re.search(r"^(WARNING|ERROR)", real_site.output, re.M), real_site.output
    pages = sorted(p.parent.name for p in (real_site.site / "sop" / "diskopukm" / "sekretariat").glob("*/index.html"))
    assert pages == [
        "penyusunan-lakip",
        "penyusunan-laporan-evaluasi",
        "penyusunan-lkpj",
        "penyusunan-lppd",
        "penyusunan-renja-renstra",
        "penyusunan-rka-dpa",
    ]
    # Nothing of the project's own beside the pages: the theme's templates stay out of the site.
    assert sorted(p.name for p in real_site.site.iterdir() if p.is_file()) == [
        "404.html",
        "index.html",
        "sitemap.xml",
        "sitemap.xml.gz",
        "tags.json",
    ]


def test_warnings_are_listed_in_the_build_output(real_site):
    line = line_of("penyusunan-rka-dpa.yaml", "- sop: penyusunan-rka-dpa")
    assert (
        f"INFO    -  Catatan mutu data: sop_source/penyusunan-rka-dpa.yaml:{line}: keterkaitan[0].sop:"
        in real_site.output
    )


def test_json_export(real_site):
    sops = json.loads((real_site.site / "api" / "sops.json").read_text(encoding="utf-8"))
    assert len(sops) == 6
    assert all(set(sop) == SOP_KEYS for sop in sops)
    assert sum(len(sop["langkah"]) for sop in sops) == 66
    rka = next(sop for sop in sops if sop["id"] == "penyusunan-rka-dpa")
    assert rka["url"] == "sop/diskopukm/sekretariat/penyusunan-rka-dpa/"
    assert (real_site.site / rka["url"] / "index.html").exists()
    assert [lane["label"] for lane in rka["pelaksana"]] == [
        "Ketua Tim Kerja",
        "Anggota Tim Kerja",
        "Pejabat Level II (Sekretaris)",
        "Pejabat Level I (Kepala Dinas)",
    ]
    step = rka["langkah"][3]
    assert set(step) == LANGKAH_KEYS
    assert (step["no"], step["waktu"], step["durasi_jam"], step["pelaksana"]) == (4, "2 Minggu", 75.0, ["anggota-tim"])
    assert step["pelaksana_direkonstruksi"] is True


def test_each_agency_prints_its_own_government_and_the_footer_names_every_one(fixture_site):
    """One handbook, two governments: each SOP's kop starts with its agency's, the footer lists both."""

    def kop(page: str) -> list[str]:
        html = (fixture_site.site / page / "index.html").read_text(encoding="utf-8")
        block = html[html.index('<div class="sop-kop"') :]
        return re.findall(r"<p>([^<]+)</p>", block[: block.index("</div>")])

    assert kop("sop/badan-b/sekretariat/laporan-badan") == [
        "PEMERINTAH KOTA CONTOH",
        "BADAN CONTOH B",
        "SEKRETARIAT BADAN",
    ]
    assert kop("sop/dinas-a/bidang-koperasi/pemeriksaan-berkas")[:2] == ["PEMERINTAH PROVINSI CONTOH", "DINAS CONTOH A"]
    for page in ("", "pelaksana/", "dasar-hukum/"):
        html = (fixture_site.site / page / "index.html").read_text(encoding="utf-8")
        footer = '<div class="md-copyright__highlight">Pemerintah Provinsi Contoh · Pemerintah Kota Contoh</div>'
        assert footer in html, page


def test_the_book_holds_a_cover_then_every_sop_by_agency_and_unit(fixture_site):
    """buku/ (mkdocs-print-site-plugin): the cover, then the SOPs in the nav's order and nothing else."""
    html = (fixture_site.site / "buku" / "index.html").read_text(encoding="utf-8")
    handbook = load(ROOT / "tests" / "fixtures" / "multi")
    assert '<a href="buku/">buku' in (fixture_site.site / "index.html").read_text(encoding="utf-8")  # from home
    cover = html[html.index('<div class="sop-sampul">') : html.index('id="print-page-toc"')]
    # Each government heads its own agencies.
    kop = re.findall(r"<p>([^<]+)</p>", cover[: cover.index("</div>")])
    assert kop == ["PEMERINTAH PROVINSI CONTOH", "DINAS CONTOH A", "PEMERINTAH KOTA CONTOH", "BADAN CONTOH B"]
    assert f"{len(handbook.sops)} SOP" in cover
    sections = re.findall(r'<section class="print-page" id="([^"]+)"', html)
    assert sections == [links.sop_src(sop).removesuffix(".md").replace("/", "-") for sop in nav_order(handbook)]
    titles = re.findall(r"<section class='print-page md-section'[^>]*>\s*<h1>([^<]+)<", html)
    assert titles == ["Dinas Contoh A", "Sekretariat", "Bidang Koperasi", "Badan Contoh B", "Sekretariat Badan"]
    assert html.count('<div class="sop-kop"') == len(handbook.sops) + 1  # each SOP's form, and the cover's
    assert html.count('<table class="sop-prosedur">') == len(handbook.sops)
    # The SOPs alone: no role, regulation or glossary page; no Mermaid diagram, which the book could not draw.
    assert "Glosarium" not in html.split('id="print-site-page"')[1] and "pelaksana-" not in "".join(sections)
    assert 'class="mermaid"' not in html and "sop-diagram" not in html
    # The plugin's script, which the book's table of contents needs, is on the book's page only.
    assert '<script src="../js/print-site.js"></script>' in html
    others = [p for p in fixture_site.site.rglob("*.html") if "print-site.js" in p.read_text(encoding="utf-8")]
    assert others == [fixture_site.site / "buku" / "index.html"]


def test_the_book_holds_what_an_sop_prints_and_no_more(real_site):
    """Each SOP's section of buku/: its title, the form's header, the identity and flowchart parts, as printed."""
    html = (real_site.site / "buku" / "index.html").read_text(encoding="utf-8")
    sections = dict(re.findall(r'<section class="print-page" id="(sop-[^"]+)"[^>]*>(.*?)</section>', html, re.DOTALL))
    handbook = load(ROOT / "sop_source", ROOT)
    assert len(sections) == len(handbook.sops)

    def words(part: str) -> str:
        return " ".join(re.sub(r"<[^>]+>", "", part).split())

    for sop in handbook.sops:
        page = (real_site.site / links.page_url(links.sop_src(sop)) / "index.html").read_text(encoding="utf-8")
        body = sections[links.sop_src(sop).removesuffix(".md").replace("/", "-")]
        outline = re.findall(r'<(h1|h2|div|table)\b(?: class="([^"]+)")?', body)
        assert outline == [
            *[("h1", ""), ("div", "sop-kop")],
            *[("h2", ""), ("table", "sop-identitas")],
            *[("h2", ""), ("table", "sop-prosedur")],
        ], sop.id
        for table in ("sop-identitas", "sop-prosedur"):  # the same text, its links to other pages as plain text,
            pattern = f'<table class="{table}">.*?</table>'  # without the reviewers' notes
            printed = re.sub(r'\s*<small class="sop-tertulis">.*?</small>', "", re.search(pattern, page, re.DOTALL)[0])
            assert words(re.search(pattern, body, re.DOTALL)[0]) == words(printed)
        # What the page has and does not print: the diagram, the history, hover titles, permalinks, notes.
        for web_only in ('class="sop-diagram"', 'id="riwayat-revisi"', "<abbr ", 'class="headerlink"', "sop-tertulis"):
            assert web_only in page and web_only.replace('id="', 'id="sop-') not in body, (sop.id, web_only)


def test_sop_pages_link_the_monitoring_form_and_a_pdf_only_when_the_build_writes_one(real_site):
    handbook = load(ROOT / "sop_source", ROOT)
    assert not list(real_site.site.rglob("*.pdf"))  # a plain build writes no PDF, and links none
    for sop in handbook.sops:
        page = real_site.site / links.page_url(links.sop_src(sop)) / "index.html"
        html = page.read_text(encoding="utf-8")
        assert "Unduh PDF" not in html
        href = re.search(r'<a href="([^"]*formulir-monitoring/[^"]*)">Formulir monitoring</a>', html)[1]
        url = urlsplit(href.replace("&amp;", "&"))
        form = real_site.site / "formulir-monitoring" / "index.html"
        assert (page.parent / url.path / "index.html").resolve() == form
        query = {key: value for key, [value] in parse_qs(url.query).items()}
        assert query == {"sop": f"{sop.instansi.id}/{sop.unit.id}/{sop.id}"}  # the form reads the rest there


def nav_order(handbook):
    """The SOPs as the nav lists them: by agency, then unit, then title."""
    return [sop for _, _, sops in handbook.per_unit() for sop in sops]


def test_no_page_refers_outside_the_site(real_site):
    for page in real_site.site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert not re.search(r'<(script|link|img)[^>]+(src|href)="(https?:)?//', html), page
        assert "fonts.googleapis" not in html, page


def primary_nav(site: Path, page: str) -> str:
    """The text of a page's navigation sidebar: its titles in order (a label and a link may repeat one)."""
    html = (site / page / "index.html").read_text(encoding="utf-8")
    nav = html[
        html.index('<nav class="md-nav md-nav--primary"') : html.index('<div class="md-sidebar md-sidebar--secondary"')
    ]
    nav = re.sub(r'<nav class="md-nav md-nav--secondary".*?</nav>', "", nav, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", nav)).strip()


def test_nav_is_a_tree_pruned_to_the_page_branch(fixture_site):
    """Agencies, then units, then SOPs: a page carries the top level and its own branch only."""
    top = "Dinas Contoh A Badan Contoh B Kategori Pelaksana Peta keterkaitan SOP Dasar Hukum Glosarium"
    assert primary_nav(fixture_site.site, "").endswith(f"{top} Catatan mutu data")  # no unit on the home page
    sop = primary_nav(fixture_site.site, "sop/dinas-a/bidang-koperasi/pemeriksaan-berkas")
    expected = (
        "Beranda Dinas Contoh A Dinas Contoh A Sekretariat Bidang Koperasi Bidang Koperasi Pemeriksaan Berkas Koperasi"
        " Pemeriksaan Berkas Koperasi Badan Contoh B Kategori"
    )
    assert expected in sop  # the other agency's units and SOPs, the roles and the laws are left out
    assert "Penyusunan Laporan Badan" not in sop and "Undang-Undang" not in sop
    # Roles by agency and unit, regulations by kind: on their pages, their own branch.
    role = primary_nav(fixture_site.site, "pelaksana/dinas-a/bidang-koperasi/kabid")
    assert "Pelaksana Dinas Contoh A Dinas Contoh A Sekretariat Bidang Koperasi Bidang Koperasi" in role
    assert "Badan Contoh B Peta keterkaitan SOP" in role  # the other agency's units are left out
    law = primary_nav(fixture_site.site, "dasar-hukum/")
    assert "Dasar Hukum Dasar Hukum Undang-Undang Peraturan Daerah Provinsi Glosarium" in law  # kinds, not laws


def test_hostile_titles_are_escaped_in_nav_and_title(fixture_site):
    page = fixture_site.site / "sop" / "dinas-a" / "sekretariat" / "teks-berbahaya" / "index.html"
    html = page.read_text(encoding="utf-8")
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<script>alert(" not in html


@pytest.mark.parametrize(
    ("old", "new", "key", "message"),
    [
        (
            "pelaksana: ketua-tim",
            "pelaksana: ketua",
            "langkah[1].pelaksana",
            "pelaksana 'ketua' tidak ada di unit sekretariat (organisasi.yaml); maksud Anda 'ketua-tim'?",
        ),
        (
            "keterkaitan: []",
            "keterkaitan: [{sop: penyusunan-lkp}]",
            "keterkaitan[0].sop",
            "SOP 'penyusunan-lkp' tidak ada; maksud Anda 'penyusunan-lkpj'?",
        ),
        (
            "dasar_hukum: []",
            "dasar_hukum: [{peraturan: uu-23-2004}]",
            "dasar_hukum[0].peraturan",
            "peraturan 'uu-23-2004' tidak ada di peraturan.yaml; maksud Anda 'uu-23-2014'?",
        ),
    ],
)
@pytest.mark.build
def test_broken_source_stops_the_build_before_writing(tmp_path, old, new, key, message):
    good = (ROOT / "sop_source" / "penyusunan-lkpj.yaml").read_text(encoding="utf-8")
    line = next(i for i, text in enumerate(good.splitlines(), 1) if old in text)
    project = make_project(tmp_path / "proyek", real_sources())
    (project / "sop_source" / "penyusunan-lkpj.yaml").write_text(good.replace(old, new, 1), encoding="utf-8")
    (project / "site").mkdir()
    (project / "site" / "terakhir-baik.txt").write_text("situs lama")
    result = build(project)
    assert result.returncode == 1
    assert f"sop_source/penyusunan-lkpj.yaml:{line}: {key}: {message}" in result.output
    assert "Traceback" not in result.output
    assert [p.name for p in (project / "site").iterdir()] == ["terakhir-baik.txt"]


def test_search_index_has_the_steps_but_not_the_diagram_source(real_site):
    index = json.loads((real_site.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = " ".join(doc["title"] + " " + doc["text"] for doc in index["docs"])
    assert "Langkah 1: Menyusun SK Tim Penyusunan LKPJ" in text  # each step has an entry of its own
    assert "swimlane-beta" not in text
    assert "subgraph" not in text


def test_sops_are_browsable_by_kategori_with_material_tags(real_site):
    page = (real_site.site / "sop/diskopukm/sekretariat/penyusunan-laporan-evaluasi/index.html").read_text(
        encoding="utf-8"
    )
    assert re.findall(r'class="md-tag"[^>]*>\s*([a-z]+)\s*<', page) == ["pelaporan", "penganggaran"]
    listing = (real_site.site / "kategori" / "index.html").read_text(encoding="utf-8")
    sections = listing.split('<span class="md-tag">')[1:]
    listed = {
        section.split("<")[0]: re.findall(r'href="\.\./sop/diskopukm/sekretariat/([^/]+)/"', section)
        for section in sections
    }
    assert listed == {
        "pelaporan": ["penyusunan-lakip", "penyusunan-lkpj", "penyusunan-lppd", "penyusunan-laporan-evaluasi"],
        "penganggaran": ["penyusunan-rka-dpa", "penyusunan-laporan-evaluasi"],
        "perencanaan": ["penyusunan-renja-renstra"],
    }


def test_reviewers_page_links_each_warning_to_its_source_line(real_site):
    page = (real_site.site / "catatan-mutu-data" / "index.html").read_text(encoding="utf-8")
    line = line_of("penyusunan-rka-dpa.yaml", "- sop: penyusunan-rka-dpa")
    assert (
        f'<a href="../sumber/penyusunan-rka-dpa/#L{line}"><code>sop_source/penyusunan-rka-dpa.yaml:{line}</code>'
        in page
    )
    source = (real_site.site / "sumber" / "penyusunan-rka-dpa" / "index.html").read_text(encoding="utf-8")
    assert f'\n<span id="L{line}">  - sop: penyusunan-rka-dpa</span>\n' in source
    # A plain page: back to the handbook and to the SOP made from the file; no copy of the navigation.
    assert (
        '<a href="../../">Buku Pedoman SOP</a> › <a href="../../sop/diskopukm/sekretariat/penyusunan-rka-dpa/">'
        in source
    )
    assert "md-nav" not in source
    index = json.loads((real_site.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [doc["location"] for doc in index["docs"] if doc["location"].startswith("sumber/")]


def test_edit_this_page_opens_the_yaml_source(tmp_path, real_site):
    project = make_project(tmp_path / "proyek", real_sources())
    result = build(project, SOP_EDIT_URI="https://git.contoh.invalid/dinas/sop/edit/main/")
    assert result.returncode == 0, result.output

    def edit_link(page: str) -> str:
        html = (result.site / page / "index.html").read_text(encoding="utf-8")
        return re.search(r'href="([^"]+)"[^>]*rel="edit"|rel="edit"[^>]*href="([^"]+)"', html).group(0)

    base = "https://git.contoh.invalid/dinas/sop/edit/main/"
    assert base + "sop_source/penyusunan-lkpj.yaml" in edit_link("sop/diskopukm/sekretariat/penyusunan-lkpj")
    assert base + "sop_source/organisasi.yaml" in edit_link("pelaksana/diskopukm/sekretariat/ketua-tim")
    assert base + "sop_source/peraturan.yaml" in edit_link("dasar-hukum/uu-23-2014")
    assert 'rel="edit"' not in (result.site / "index.html").read_text(encoding="utf-8")  # the package's home
    # The package's standard pages open the source they are made from, or have no edit button.
    assert base + "sop_source/peraturan.yaml" in edit_link("dasar-hukum")
    assert base + "sop_source/glosarium.yaml" in edit_link("glosarium")
    assert 'rel="edit"' not in (result.site / "kategori" / "index.html").read_text(encoding="utf-8")
    source = (result.site / "sumber" / "glosarium" / "index.html").read_text(encoding="utf-8")
    assert f'<a class="sunting" href="{base}sop_source/glosarium.yaml">Sunting berkas ini</a>' in source
    # Without the variable (the default build) there is no edit button at all.
    assert 'rel="edit"' not in (real_site.site / "index.html").read_text(encoding="utf-8")
    assert "Sunting berkas ini" not in (real_site.site / "sumber" / "glosarium" / "index.html").read_text("utf-8")


@pytest.mark.build
def test_make_build_swaps_in_only_a_successful_build(tmp_path):
    """``make build`` builds beside the site and replaces it only when the strict build succeeds."""
    project = make_project(tmp_path / "proyek", real_sources())
    shutil.copy2(ROOT / "Makefile", project / "Makefile")
    (project / "site").mkdir()
    (project / "site" / "terakhir-baik.txt").write_text("situs lama")
    page = project / "docs" / "glosarium.md"  # the handbook's own page in place of the package's
    good = (resources.PAGES / "glosarium.md").read_text(encoding="utf-8")
    page.write_text(good + "\n[tautan rusak](tidak-ada.md)\n", encoding="utf-8")
    failed = make_build(project)
    assert failed.returncode != 0
    assert "strict mode" in failed.stdout + failed.stderr
    assert [p.name for p in (project / "site").iterdir()] == ["terakhir-baik.txt"]
    page.write_text(good, encoding="utf-8")
    done = make_build(project)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (project / "site" / "index.html").is_file()
    assert not (project / "site" / "terakhir-baik.txt").exists()
    assert not (project / "site.new").exists() and not (project / "site.old").exists()


def make_build(project: Path) -> subprocess.CompletedProcess[str]:
    """The README's ``make build`` with this test run's virtualenv and Mermaid."""
    return make(project, "build")


@pytest.mark.build
def test_each_source_is_parsed_once_per_build_with_the_c_parser(tmp_path, monkeypatch):
    """One build reads every YAML source exactly once, with libyaml (PyYAML's C parser) when it is there."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from sop_handbook import loader, yamlsource

    assert yaml.__with_libyaml__ and issubclass(yamlsource._Loader, yaml.CSafeLoader)
    project = make_project(tmp_path / "proyek", real_sources())
    read: list[str] = []
    original = loader.read_source
    monkeypatch.setattr(loader, "read_source", lambda path, display: read.append(display) or original(path, display))
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.chdir(project)
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    config.plugins.on_startup(command="build", dirty=False)
    mkdocs_build(config)
    config.plugins.on_shutdown()
    sources = sorted(path.relative_to(project).as_posix() for path in (project / "sop_source").glob("*.yaml"))
    assert sorted(read) == sources


@pytest.mark.build
def test_generated_pages_are_drawn_from_the_model_once_and_never_through_jinja(tmp_path, monkeypatch):
    """mkdocs-macros compiles every page it renders as a Jinja template: the pages drawn from the model
    (SOPs, roles, regulations) tell it not to (render_macros: false), and each SOP is drawn once."""
    import jinja2
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from sop_handbook import render_sop

    project = make_project(tmp_path / "proyek", fixture_sources("multi"))
    parsed: list[str] = []
    original = jinja2.Environment._parse
    monkeypatch.setattr(
        jinja2.Environment, "_parse", lambda env, source, *a: parsed.append(source) or original(env, source, *a)
    )
    drawn: list[str] = []
    draw = render_sop.sop_page
    monkeypatch.setattr(render_sop, "sop_page", lambda sop, *a: drawn.append(sop.id) or draw(sop, *a))
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.chdir(project)
    site = tmp_path / "site"
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command="build", dirty=False)
    mkdocs_build(config)
    config.plugins.on_shutdown()
    handbook = load(project / "sop_source", project)
    assert len(handbook.sops) >= 3
    assert sorted(drawn) == sorted(sop.id for sop in handbook.sops)
    for sop in handbook.sops:  # each page drew its own SOP
        page = (site / links.page_url(links.sop_src(sop)) / "index.html").read_text(encoding="utf-8")
        assert f'<tr id="langkah-1"><td>1</td>\n<td>{h(sop.langkah[0].kegiatan)}' in page
    assert "" not in parsed  # a drawn page's body, had mkdocs-macros compiled it
    assert any("{{ daftar_sop() }}" in source for source in parsed)  # the authors' pages are its


def test_loading_pauses_the_garbage_collector_and_gives_it_back(tmp_path, monkeypatch):
    """load_project runs without the cyclic collector (nothing it makes is garbage) and restores it, errors too."""
    import gc

    from sop_handbook import loader
    from sop_handbook.problems import SourceError

    project = make_project(tmp_path / "proyek", fixture_sources("multi"))
    during: list[bool] = []
    original = loader.load_handbook
    monkeypatch.setattr(
        loader, "load_handbook", lambda *args, **kw: during.append(gc.isenabled()) or original(*args, **kw)
    )
    assert gc.isenabled()
    assert loader.load_project(project).sops
    (project / "sop_source" / "organisasi.yaml").write_text("instansi: [\n", encoding="utf-8")
    with pytest.raises(SourceError):
        loader.load_project(project)
    assert during == [False, False]
    assert gc.isenabled()


@pytest.mark.build
def test_bad_plugin_options_stop_the_build_naming_each_option_and_the_choices(tmp_path):
    result = build(make_project(tmp_path, real_sources()), SOP_KERTAS="A3", SOP_PDF="mungkin", SOP_BUKU="ya")
    assert result.returncode != 0
    assert "Plugin 'sop-handbook' option 'kertas': 'A3' tidak dikenal; tulis A4 atau F4" in result.output
    assert "Plugin 'sop-handbook' option 'pdf': 'mungkin' bukan true atau false" in result.output
    assert "Plugin 'sop-handbook' option 'buku': 'ya' bukan true atau false" in result.output
    assert not result.site.exists()


@pytest.mark.build
def test_sop_buku_false_leaves_the_book_and_its_link_out(tmp_path):
    """A handbook too big for one printed page (SOP_BUKU=false) builds without the book."""
    result = build(make_project(tmp_path, real_sources()), SOP_BUKU="false")
    assert result.returncode == 0, result.output
    assert not (result.site / "buku").exists()
    home = (result.site / "index.html").read_text(encoding="utf-8")
    assert "buku/" not in home and "print-site" not in home


def test_a_dasar_hukum_cited_as_written_builds_strictly_and_is_a_note(fixture_site):
    assert fixture_site.returncode == 0, fixture_site.output
    page = (fixture_site.site / "sop" / "dinas-a" / "sekretariat" / "teks-berbahaya" / "index.html").read_text("utf-8")
    assert "<li>Peraturan Bupati &quot;Blitar&quot; &lt;script&gt;alert(&#x27;dasar&#x27;)&lt;/script&gt;" in page
    assert "alert('dasar')" not in page and "<a href=javascript" not in page
    notes = (fixture_site.site / "catatan-mutu-data" / "index.html").read_text(encoding="utf-8")
    assert "belum dicatat di peraturan.yaml; tambahkan bila ingin halaman peraturannya" in notes


def test_the_sidebars_are_written_without_whitespace_between_their_tags(real_site):
    """Material's sidebar partials, compiled without the line breaks and indentation between their tags:
    the navigation's items come out on one line each page, nothing cut out of the pages afterwards."""
    from sop_handbook import site

    material = Path(__import__("material").__file__).parent / "templates"
    assert all((material / name).is_file() for name in site.SIDEBAR_PARTIALS)  # Material still has them
    page = (real_site.site / "sop/diskopukm/sekretariat/penyusunan-lkpj/index.html").read_text(encoding="utf-8")
    nav = page[page.index('<nav class="md-nav md-nav--primary"') : page.index('<div class="md-content"')]
    items = re.findall(r'<li class="md-nav__item[^"]*">', nav)
    assert len(items) > 10 and not re.search(r">\s*\n\s*<", nav.split("</nav>")[0])
    assert '<span class="md-ellipsis">Penyusunan LKPJ</span>' in nav  # the title as written, without its indentation
