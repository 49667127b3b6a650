"""The package carries what a handbook needs: schemas, theme, standard pages; a handbook overrides them."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sop_handbook import resources

from .conftest import FIXTURES, HARI_INI, build, load, make_project, real_sources

SCHEMA_NAMES = ["glosarium.schema.json", "organisasi.schema.json", "peraturan.schema.json", "sop.schema.json"]


def sop_handbook(*arguments: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "sop_handbook", *arguments], cwd=cwd, capture_output=True, text=True)


def test_the_package_holds_every_file_it_names():
    assert sorted(p.name for p in resources.SCHEMAS.glob("*.schema.json")) == SCHEMA_NAMES
    for name in (resources.STYLESHEET, resources.DIAGRAM_SCRIPT, resources.MERMAID, resources.BOOK_COVER):
        assert (resources.THEME / name).is_file(), name
    assert (resources.THEME / "main.html").is_file() and (resources.THEME / "404.html").is_file()
    assert "dasar-hukum/index.md" in resources.standard_pages()
    assert "formulir-monitoring.md" in resources.standard_pages()


def test_a_handbook_without_schema_copy_is_checked_and_told_to_make_one(tmp_path):
    project = make_project(tmp_path / "proyek", real_sources())
    shutil.rmtree(project / "schema")
    result = sop_handbook(cwd=project)
    assert result.returncode == 0, result.stderr  # the package's schemas check the sources
    for name in SCHEMA_NAMES:
        assert f"catatan: schema/{name}:1: (berkas): tidak ada; jalankan `sop-handbook skema`" in result.stdout

    made = sop_handbook("skema", cwd=project)
    assert made.returncode == 0, made.stderr
    assert made.stdout.split() == [f"schema/{name}" for name in SCHEMA_NAMES]
    for name in SCHEMA_NAMES:
        assert (project / "schema" / name).read_bytes() == (resources.SCHEMAS / name).read_bytes()
    assert "sop-handbook skema" not in sop_handbook(cwd=project).stdout


def test_an_outdated_schema_copy_is_reported(tmp_path):
    project = make_project(tmp_path / "proyek", real_sources())
    (project / "schema" / "sop.schema.json").write_text("{}", encoding="utf-8")
    result = sop_handbook(cwd=project)
    assert result.returncode == 0, result.stderr
    assert "catatan: schema/sop.schema.json:1: (berkas): berbeda dengan skema yang dipakai pemeriksaan" in result.stdout
    assert "schema/organisasi.schema.json" not in result.stdout


@pytest.mark.build
def test_a_handbook_replaces_the_package_s_pages_templates_and_stylesheets(tmp_path):
    project = make_project(tmp_path / "proyek", real_sources())
    (project / "docs" / "glosarium.md").write_text("# Istilah kami\n\n{{ glosarium() }}\n", encoding="utf-8")
    theme = project / "tema"
    (theme / "partials").mkdir(parents=True)
    (theme / "partials" / "copyright.html").write_text("<p>Hak cipta Dinas Contoh</p>\n", encoding="utf-8")
    (theme / "assets" / "stylesheets").mkdir(parents=True)
    (theme / "assets" / "stylesheets" / "sop.css").write_text("/* gaya dinas */\n", encoding="utf-8")
    (theme / "partials" / "sop").mkdir()
    (theme / "partials" / "sop" / "kop.html").write_text(
        '<div class="sop-kop"><img src="{{ ke_akar }}assets/logo.png" alt="">'
        "{% for line in baris %}<p>{{ line }}</p>{% endfor %}<p>{{ sop.nama }}</p></div>\n",
        encoding="utf-8",
    )
    # Pages the plugin draws, and a macro's table, in the handbook's own words.
    (theme / "partials" / "sop" / "peran.md").write_text("<p>Tugas {{ peran.label }} di dinas kami</p>\n")
    (theme / "partials" / "sop" / "daftar-sop.md").write_text("<p>{{ unit | length }} unit kami</p>\n")
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("  name: material\n", "  name: material\n  custom_dir: tema\n", 1),
        encoding="utf-8",
    )
    result = build(project)
    assert result.returncode == 0, result.output
    glosarium = (result.site / "glosarium" / "index.html").read_text(encoding="utf-8")
    assert "Istilah kami" in glosarium and "Rencana Strategis" in glosarium  # its own page, the macros at work
    home = (result.site / "index.html").read_text(encoding="utf-8")
    assert "Hak cipta Dinas Contoh" in home
    assert (result.site / "assets" / "stylesheets" / "sop.css").read_text(encoding="utf-8") == "/* gaya dinas */\n"
    assert home.count("assets/stylesheets/sop.css") == 1
    # The rest is the package's: its other pages, its Mermaid, its templates.
    assert (result.site / "dasar-hukum" / "index.html").is_file()
    mermaid = result.site / resources.MERMAID
    assert mermaid.read_bytes() == (resources.THEME / resources.MERMAID).read_bytes()
    sop = (result.site / "sop/diskopukm/sekretariat/penyusunan-lkpj/index.html").read_text(encoding="utf-8")
    assert '<script src="../../../../assets/javascripts/mermaid/mermaid.js"></script>' in sop
    assert not (result.site / "main.html").exists() and not (result.site / "partials").exists()
    # Its kop, on the SOP's page and in the book, each with its own way to the site's root.
    assert '<div class="sop-kop"><img src="../../../../assets/logo.png" alt=""><p>Pemerintah Provinsi' in sop
    assert re.search(r"<p>Penyusunan (<abbr [^>]*>)?LKPJ(</abbr>)?</p></div>", sop)  # the SOP's own values too
    book = (result.site / "buku" / "index.html").read_text(encoding="utf-8")
    assert '<div class="sop-kop"><img src="../assets/logo.png" alt="">' in book
    peran = (result.site / "pelaksana/diskopukm/sekretariat/sekretaris/index.html").read_text(encoding="utf-8")
    assert re.search(r"<p>Tugas Pejabat Level II \(Sekretaris\) di dinas kami</p>", peran)
    assert "<p>1 unit kami</p>" in home


PARTIALS = resources.THEME / "partials" / "sop"


def every_page(handbook, env) -> str:
    """What every renderer of the package draws for ``handbook`` with the templates ``env``."""
    from sop_handbook import links, render_legal, render_pages, render_roles, render_sop
    from sop_handbook.problems import Problem

    sops = handbook.sops
    parts = [render_sop.sop_page(sop, handbook, HARI_INI, "x.pdf", templates=env) for sop in sops]
    parts += [render_sop.book_copy(sop, handbook, templates=env) for sop in sops]
    parts += [render_roles.peran_page(i, u, p, handbook, env) for i, u, _ in handbook.per_unit() for p in u.pelaksana]
    parts += [render_legal.peraturan_page(p, handbook, env) for p in handbook.peraturan]
    parts += [
        render_roles.daftar_peran(handbook, links.PELAKSANA, env),
        render_legal.daftar_peraturan(handbook, links.DASAR_HUKUM, env),
        render_pages.daftar_sop(handbook, links.HOME, env),
        render_pages.tautan_buku(links.HOME, "buku/buku.pdf", env),
        render_pages.sampul_buku(handbook, "Buku", env),
        render_pages.formulir_monitoring(handbook, env),
        render_pages.konvensi_waktu(handbook, env),
        render_pages.catatan_mutu(handbook, links.CATATAN_MUTU, env),
        render_pages.peta_keterkaitan(handbook, links.PETA_KETERKAITAN, env),
        render_pages.glosarium(handbook, env),
        render_pages.sumber_page("sop_source/a.yaml", "a: 1\n", "Buku", None, None, (), env),
        render_pages.source_error_page([Problem("error", "sop_source/a.yaml", 1, (), "rusak")], env),
    ]
    return "\n".join(parts)


@pytest.mark.parametrize("name", sorted(path.name for path in PARTIALS.iterdir()))
def test_every_template_of_the_package_is_drawn_and_replaced_by_the_handbook_s(name, handbook, tmp_path):
    from sop_handbook import templates

    handbooks = (handbook, load(FIXTURES / "multi", tmp_path))  # source notes; decisions, two agencies
    own = tmp_path / "tema" / "partials" / "sop"
    own.mkdir(parents=True)
    (own / name).write_text(f"<p>milik dinas: {name} {{{{ '<b>' }}}}</p>", encoding="utf-8")
    env = templates.environment([tmp_path / "tema", resources.THEME])
    pages = "".join(every_page(one, env) for one in handbooks)
    assert f"<p>milik dinas: {name} &lt;b&gt;</p>" in pages  # the handbook's, writing text inertly
    assert "milik dinas" not in "".join(every_page(one, templates.package()) for one in handbooks)


def test_a_template_writes_source_text_inertly_unless_it_is_markup():
    from markupsafe import Markup
    from sop_handbook import templates

    env = templates.environment([])
    page = env.from_string("<p>{{ teks }}</p>{{ html }}").render(teks="<b>{{ 7*7 }}</b> `x`", html=Markup("<br>"))
    assert page == "<p>&lt;b&gt;&#123;&#123; 7*7 &#125;&#125;&lt;/b&gt; &#96;x&#96;</p><br>"


def without_plugin(project: Path, entry: str, next_entry: str) -> None:
    """The project's mkdocs.yml without the plugins entry from the line ``entry`` to the line ``next_entry``."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    start = text.index(f"  - {entry}")
    config.write_text(text[:start] + text[text.index(f"  - {next_entry}", start) :], encoding="utf-8")


@pytest.mark.build
def test_the_macros_without_the_plugin_say_what_to_add(tmp_path):
    project = make_project(tmp_path / "proyek", real_sources())
    without_plugin(project, "sop-handbook:\n", "search\n")
    result = build(project)
    assert result.returncode == 1
    assert "sop_handbook.pluglet: pasang juga plugin 'sop-handbook' di mkdocs.yml (plugins)" in result.output
    assert "Traceback" not in result.output


@pytest.mark.build
def test_the_sources_may_sit_in_a_folder_of_another_name(tmp_path):
    project = make_project(tmp_path / "proyek", real_sources())
    (project / "sop_source").rename(project / "sumber-sop")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  - sop-handbook:\n", "  - sop-handbook:\n      sumber: sumber-sop\n", 1), "utf-8")
    result = build(project, SOP_EDIT_URI="https://git.contoh.invalid/edit/main/")
    assert result.returncode == 0, result.output
    sop = (result.site / "sop/diskopukm/sekretariat/penyusunan-lkpj/index.html").read_text(encoding="utf-8")
    assert "https://git.contoh.invalid/edit/main/sumber-sop/penyusunan-lkpj.yaml" in sop
    dasar_hukum = (result.site / "dasar-hukum" / "index.html").read_text(encoding="utf-8")
    assert "https://git.contoh.invalid/edit/main/sumber-sop/peraturan.yaml" in dasar_hukum
    assert (result.site / "sumber" / "sumber-sop" / "organisasi" / "index.html").is_file()
    checked = sop_handbook(cwd=project)  # the command reads the option from mkdocs.yml
    assert checked.returncode == 0, checked.stderr
    assert "6 SOP, 66 langkah: tidak ada galat" in checked.stdout


def test_the_sources_folder_is_watched_once_and_only_when_it_is_there(tmp_path):
    from types import SimpleNamespace

    from sop_handbook import site

    config = SimpleNamespace(watch=[])
    site._watch(config, tmp_path / "sop_source")
    assert config.watch == []  # not there: the build says so, the watcher is not asked to fail
    (tmp_path / "sop_source").mkdir()
    site._watch(config, tmp_path / "sop_source")
    site._watch(config, tmp_path / "." / "sop_source")
    assert config.watch == [str(tmp_path / "sop_source")]


@pytest.mark.build
def test_without_mkdocs_macros_the_build_says_what_to_add(tmp_path):
    project = make_project(tmp_path / "proyek", real_sources())
    without_plugin(project, "macros:\n", "mermaid2\n")
    result = build(project)
    assert result.returncode == 1
    assert "sop_handbook: plugin 'macros' (mkdocs-macros) harus dipasang di mkdocs.yml" in result.output
    assert not result.site.exists()
