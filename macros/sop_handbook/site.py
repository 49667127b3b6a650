"""The MkDocs side: wire the handbook into a build. Only this module imports MkDocs.

The plugin (``plugin.py``) calls ``configure`` (load and check, then the
nav), ``add_pages`` (the generated pages and the JSON exports) and the
rest; the mkdocs-macros pluglet (``pluglet.py``) calls ``define_macros``.
What a build knows (the loaded handbook, or the sources' errors, and the
build's settings) is a ``Build``, which ``configure`` returns and the plugin
keeps on its instance for the other events and the pluglet.
"""

from __future__ import annotations

import functools
import json
import logging
import os
import posixpath
import re
import subprocess
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import jinja2
import jinja2.ext
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from . import (
    bagan,
    export,
    links,
    mermaid_preload,
    mermaid_scripts,
    pdf,
    print_site,
    render_legal,
    render_pages,
    render_roles,
    render_sop,
    resources,
    search,
    templates,
)
from .glosarium import markdown_definitions
from .legal import JENIS, sitasi, urutan
from .loader import GLOSARIUM, ORGANISASI, PERATURAN, SOURCE_DIR, load_project
from .model import Handbook, Sop
from .problems import SourceError
from .text import h

log = logging.getLogger("mkdocs.sop_handbook")
MIKE_VERSION = "MIKE_DOCS_VERSION"  # set by mike while it builds an edition
OFFLINE = "material/offline"  # Material's offline plugin: the edition opened from files (make offline)
KERTAS_CSS = "assets/stylesheets/kertas-{}.css"  # the page size and column widths of a paper other than A4


@dataclass
class Build:
    """What one build of the handbook knows, from ``configure`` on."""

    handbook: Handbook | None = None  # None while the sources have errors, and in the bench's floor
    error: SourceError | None = None  # the sources' errors, while serving: the site is their list
    source_dates: dict[str, date] = field(default_factory=dict)  # when each source last changed in git
    cover: str = ""  # the book's cover, HTML with every text escaped (the theme's buku-sampul.html shows it)
    book: bool = False  # mkdocs-print-site-plugin builds the book (SOP_BUKU=false leaves it out)
    pdfs: bool = False  # this build prints every SOP and the book to PDF, and its pages link to them
    kertas: str = bagan.A4.nama  # the paper the forms print on
    sumber: str = SOURCE_DIR  # the sources' folder, relative to mkdocs.yml's
    sop_pages: dict[str, Sop] = field(default_factory=dict)  # each SOP by its page's path (links.sop_src)
    drawn: dict[str, Callable[[], str]] = field(default_factory=dict)  # the pages drawn from the model, by path
    templates: jinja2.Environment | None = None  # the pages' templates, the handbook's custom_dir first
    plain_templates: jinja2.Environment | None = None  # the same without hover titles: the book, source pages
    preload: mermaid_preload.Preload | None = None  # Mermaid's preload link on pages with a diagram (main.html)


def project_root(config: MkDocsConfig) -> Path:
    """The folder of mkdocs.yml, absolute (mike passes the config file as a relative path)."""
    return Path(config.config_file_path).resolve().parent


def configure(
    config: MkDocsConfig,
    serving: bool = False,
    kertas: str = "A4",
    pdfs: bool = False,
    buku: bool = True,
    sumber: str = SOURCE_DIR,
) -> Build:
    """Load and check every source, then set the navigation from the model; the forms print on
    ``kertas``; ``pdfs``: the build prints every SOP page and the book to PDF; ``buku``: the book is
    built (by mkdocs-print-site-plugin, when mkdocs.yml has it); ``sumber``: the sources' folder. What
    the build knows.

    Bad sources stop the build. Under ``mkdocs serve`` (``serving``) they give
    a one-page site listing the errors instead, so that the preview shows them
    and comes back by itself once the source is fixed.
    """
    print_site.turn_off_unless(config, buku)
    use_package_files(config)
    _offline_edition(config)
    if not os.environ.get(MIKE_VERSION):
        # Material's version selector reads mike's versions.json, which only a
        # site deployed by mike has; elsewhere it fails in the reader's browser.
        config.extra.pop("version", None)
    root = project_root(config)
    _watch(config, root / sumber)
    try:
        handbook = load_project(root, sumber=sumber)
    except SourceError as error:
        if not serving:
            raise PluginError(str(error)) from None
        return _show_errors(config, error)
    for problem in handbook.catatan_mutu:
        log.info("Catatan mutu data: %s", problem)
    config.nav = navigation(handbook)
    # The footer names the governments, and the agencies whose form prints none.
    owners = (*handbook.pemerintahan, *(i.nama for i in handbook.instansi if not i.pemerintah))
    config.copyright = config.copyright or " · ".join(owners)
    _paper(config, kertas)
    _search_in_indonesian(config)
    if config.plugins.get("macros") is None:  # the standard pages call its macros
        raise PluginError("sop_handbook: plugin 'macros' (mkdocs-macros) harus dipasang di mkdocs.yml")
    markup = templates.environment(config.theme.dirs, config.use_directory_urls, handbook.glosarium)
    plain = templates.environment(config.theme.dirs, config.use_directory_urls)
    build = Build(
        handbook=handbook,
        source_dates=source_dates(root, sumber),
        cover=render_pages.sampul_buku(handbook, config.site_name, plain),
        book=print_site.plugin(config) is not None,
        pdfs=pdfs and not serving,
        kertas=kertas,
        sumber=sumber,
        sop_pages={links.sop_src(sop): sop for sop in handbook.sops},
        templates=markup,
        plain_templates=plain,
        preload=_mermaid_preload(config),
    )
    build.drawn = drawn_pages(build)
    return build


def _mermaid_preload(config: MkDocsConfig) -> mermaid_preload.Preload | None:
    mermaid2 = config.plugins.get("mermaid2")
    entry = str(mermaid2.javascript) if mermaid2 else ""  # mermaid2's javascript (its property), the package's
    return mermaid_preload.link(_site_folders(config), entry)


def drawn_pages(build: Build) -> dict[str, Callable[[], str]]:
    """How each page drawn from the model is drawn, by its path: the SOPs', the roles', the regulations'."""
    handbook = build.handbook
    assert handbook is not None
    kertas = bagan.KERTAS[build.kertas]

    def sop_page(sop: Sop) -> Callable[[], str]:
        file_pdf = pdf.nama_berkas(sop) if build.pdfs and not sop.draf else None
        changed = build.source_dates.get(sop.file)
        return lambda: render_sop.sop_page(sop, handbook, changed, file_pdf, kertas, build.templates)

    drawn = {src: sop_page(sop) for src, sop in build.sop_pages.items()}
    for instansi, unit, _ in handbook.per_unit():
        for peran in unit.pelaksana:
            drawn[links.peran_src(instansi, unit, peran)] = functools.partial(
                render_roles.peran_page, instansi, unit, peran, handbook, build.templates
            )
    for peraturan in handbook.peraturan:
        drawn[links.peraturan_src(peraturan)] = functools.partial(
            render_legal.peraturan_page, peraturan, handbook, build.templates
        )
    return drawn


def _watch(config: MkDocsConfig, folder: Path) -> None:
    """``mkdocs serve`` rebuilds when a file of ``folder`` (the sources) changes, without a ``watch`` in mkdocs.yml.

    A folder that is not there is not watched (the watcher would fail on it): the build reports it missing.
    """
    if folder.is_dir() and all(Path(watched).resolve() != folder.resolve() for watched in config.watch):
        config.watch.append(str(folder))


def use_package_files(config: MkDocsConfig) -> None:
    """What the package carries (``resources``) into this handbook's build.

    Its theme folder goes into the theme's search path after the handbook's
    own ``custom_dir`` (a file there of the same name wins) and before
    Material's; MkDocs copies its static files into the site unless ``docs/``
    has the same file. Its stylesheet and the diagrams' script go first in
    ``extra_css`` and ``extra_javascript``, so the handbook's own come after
    them; mermaid2 gets the package's Mermaid unless ``mkdocs.yml`` names
    another, and mkdocs-print-site-plugin the book's cover unless it names one.
    """
    theme = str(resources.THEME)
    if theme not in config.theme.dirs:
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, theme)
    if resources.STYLESHEET not in config.extra_css:
        config.extra_css.insert(0, resources.STYLESHEET)
    if resources.DIAGRAM_SCRIPT not in map(str, config.extra_javascript):
        config.extra_javascript.insert(0, ExtraScriptValue(resources.DIAGRAM_SCRIPT))
    mermaid2 = config.plugins.get("mermaid2")
    built = _site_file(config, resources.MERMAID) is not None
    if mermaid2 is not None and mermaid_scripts.use_library(mermaid2, resources.MERMAID, built) and not built:
        raise PluginError(
            f"sop_handbook: {resources.THEME / resources.MERMAID} tidak ada; jalankan `make setup` "
            "(paket dari wheel sudah memuatnya)"
        )
    print_site.use_cover(config, str(_theme_file(config, resources.BOOK_COVER)))


def _site_folders(config: MkDocsConfig) -> tuple[Path, ...]:
    """The folders a file of the site comes from, the first holding it winning: the docs, then the theme's."""
    return (Path(config.docs_dir), *map(Path, config.theme.dirs))


def _first_file(folders: Iterable[str | Path], path: str) -> Path | None:
    """``path`` in the first of ``folders`` that holds it, if one does."""
    return next((Path(folder) / path for folder in folders if (Path(folder) / path).is_file()), None)


def _site_file(config: MkDocsConfig, path: str) -> Path | None:
    """Where the site's file ``path`` comes from (``assets/...``), if any folder of the site holds it."""
    return _first_file(_site_folders(config), path)


def _theme_file(config: MkDocsConfig, name: str) -> Path:
    """The theme's template ``name``: the handbook's own (``custom_dir``) if it has one, else the package's."""
    return _first_file(config.theme.dirs, name) or resources.THEME / name


def offline_plugin(config: MkDocsConfig) -> Any:
    """Material's offline plugin when it is on (``make offline``: the edition opened from files); else None."""
    plugin = config.plugins.get(OFFLINE)
    return plugin if plugin is not None and plugin.config.enabled else None


def _offline_edition(config: MkDocsConfig) -> None:
    """The offline edition, opened from a folder with no web server (``file://``).

    Material's offline plugin names pages by file (``use_directory_urls:
    false``, set here already, before its own ``on_config``, because the
    links are computed for it) and inlines the search index into a script.
    Its search worker runs in an iframe there (the ``iframe-worker`` shim),
    which the plugin would load from a CDN unless a copy is named: the site's
    own copy, which ``make`` takes from the pinned npm package.
    """
    if offline_plugin(config) is None:
        return
    if _site_file(config, resources.IFRAME_WORKER) is None:
        raise PluginError(
            f"sop_handbook: {resources.THEME / resources.IFRAME_WORKER} tidak ada; jalankan `make offline`"
        )
    config.use_directory_urls = False
    polyfills = config.extra.setdefault("polyfills", [])
    if resources.IFRAME_WORKER not in polyfills:
        polyfills.append(resources.IFRAME_WORKER)


def finish_offline(config: MkDocsConfig) -> None:
    """The offline edition without ``404.html``: only a web server shows it, and opened as a file its
    links (absolute, from ``site_url``) lead nowhere."""
    if offline_plugin(config) is not None:
        (Path(config.site_dir) / "404.html").unlink(missing_ok=True)


def _paper(config: MkDocsConfig, name: str) -> None:
    """The stylesheet of the paper ``name`` (the plugin's ``kertas``, checked)."""
    if name != bagan.A4.nama:
        config.extra_css.append(KERTAS_CSS.format(name.lower()))


def _show_errors(config: MkDocsConfig, error: SourceError) -> Build:
    """Serve a one-page site listing the errors (see ``_error_site``) and print them."""
    print(f"\n{error}\n", file=sys.stderr)  # not a MkDocs warning: strict mode would stop serving
    config.nav = [{"Galat sumber": links.HOME}]
    return Build(error=error)


def _search_in_indonesian(config: MkDocsConfig) -> None:
    """Set Material's search plugin to the handbook's Indonesian (see ``search``).

    Set here, not in mkdocs.yml: MkDocs checks ``lang`` against the languages
    lunr ships and would quietly replace "id" with "en".
    """
    plugin = config.plugins.get("material/search")
    if plugin is None:
        raise PluginError("sop_handbook: plugin 'search' (Material) harus dipasang di mkdocs.yml")
    plugin.config.lang = [search.LANGUAGE]
    plugin.config.separator = search.SEPARATOR
    plugin.config.pipeline = list(search.PIPELINE)


def finish_search(config: MkDocsConfig, build: Build) -> None:
    """Add the steps to Material's search index and write the Indonesian language for it."""
    handbook = build.handbook
    if handbook is None:
        return
    site_dir = Path(config.site_dir)
    index_path = site_dir / search.INDEX
    material_index = json.loads(index_path.read_text(encoding="utf-8"))
    index, script = search.index_and_script(material_index, handbook, config.use_directory_urls)
    index_path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    script_path = site_dir / search.SCRIPT
    script_path.parent.mkdir(parents=True, exist_ok=True)
    script_path.write_text(script, encoding="utf-8")


def write_pdfs(config: MkDocsConfig, build: Build, chromium: str) -> None:
    """When the build writes PDFs, print each SOP page and the book of the written site with ``chromium``."""
    if not build.pdfs or build.handbook is None:
        return
    try:
        written = pdf.write_all(Path(config.site_dir), build.handbook, chromium, build.book, config.use_directory_urls)
    except RuntimeError as error:
        raise PluginError(str(error)) from None
    log.info("PDF: %d berkas ditulis", len(written))


def not_found_context(context: dict[str, Any], template_name: str, config: MkDocsConfig) -> None:
    """The 404 page's ``base_url`` ends with "/", and the book's page gets its own (``book_context``).

    MkDocs gives the 404 page the path of ``site_url`` without its last "/"
    ("/sop"): Material resolves the search index and mike's ``versions.json``
    against it, so they were asked from the folder above ("/search/...").
    """
    if template_name != "404.html":
        return
    book_context(config)
    context["base_url"] = str(context["base_url"]).rstrip("/") + "/"


def book_context(config: MkDocsConfig) -> None:
    """The book's page gets its own ``base_url``, relative to it.

    mkdocs-print-site-plugin renders the book with the context it kept of the
    404 page, whose ``base_url`` is the absolute path of ``site_url`` ("/"
    without it): Material's search would fetch its index from the server's
    root, wrong under a sub-path, in an edition of mike and from files. Called
    for the 404 page after the plugin's ``on_template_context`` has kept that
    context: the plugin gets a copy, the 404 page keeps its own.
    """
    book = print_site.plugin(config)
    if book is not None:
        print_site.set_base_url(book, get_relative_url(".", links.page_url(links.BUKU, config.use_directory_urls)))


def book_contents(nav: Navigation, config: MkDocsConfig, build: Build) -> None:
    """The book holds the SOPs alone: the nav's sections of agencies and units, with their SOP pages.

    mkdocs-print-site-plugin puts every page of the nav in its page; the other
    pages (roles, regulations, the glossary, ...) are the web's ways through
    the SOPs, not part of the printed book. Called after the plugin's on_nav.
    """
    book = print_site.plugin(config)
    if book is not None:
        print_site.leave_script_out(config)
        handbook = build.handbook  # none in the bench's floor, plain Markdown without drafts
        drafts = {links.sop_src(sop) for sop in handbook.sops if sop.draf} if handbook else set()
        print_site.keep_pages(book, _sop_items(nav.items, drafts))


def _sop_items(items: list[Any], drafts: set[str]) -> list[Any]:
    """The nav's SOP pages and their sections, without the drafts (an SOP whose flowchart part is not written)."""
    kept: list[Any] = []
    for item in items:
        if item.is_page and item.file.src_uri.startswith(links.SOP_DIR):
            if item.file.src_uri not in drafts:
                kept.append(item)
        elif item.is_section and (children := _sop_items(item.children, drafts)):
            kept.append(Section(item.title, children))  # a copy: the site's own nav keeps all its pages
    return kept


def book_page(page: Page, build: Build) -> None:
    """An SOP as the book shows it (``render_sop.book_copy``): the parts of its form, made from the model.

    The book is for print, so it holds what an SOP page prints and no more.
    That leaves out the Mermaid diagram too: the book's page gets no Mermaid
    script (mkdocs-print-site-plugin skips the other plugins' on_post_page,
    where mermaid2 adds it), and without one Material would fetch Mermaid
    from the internet; printed, the form's flowchart shows the steps. The
    plugin turns every link to another SOP into a link to that SOP's section
    of the book. Called after the plugin's on_page_content, which keeps each
    page's HTML in ``page.html``, which this replaces.
    """
    sop = build.sop_pages.get(page.file.src_uri)
    if sop is None or build.handbook is None or not hasattr(page, "html"):
        return
    page.html = render_sop.book_copy(sop, build.handbook, bagan.KERTAS[build.kertas], build.plain_templates)


# Material's partials that draw the sidebars: every item of the navigation and of the table of contents.
SIDEBAR_PARTIALS = frozenset(
    {"partials/nav.html", "partials/nav-item.html", "partials/toc.html", "partials/toc-item.html"}
)
# In their source: the indentation and line break between one tag or Jinja tag and the next.
_BETWEEN_TAGS = re.compile(r"(?<=[>}])[ \t]*\n\s*(?=[<{])")


class CompactSidebars(jinja2.ext.Extension):
    """Material's sidebar partials (``SIDEBAR_PARTIALS``) compiled without the whitespace between their tags.

    Each item of the navigation is a few tags the theme writes one per line,
    indented: at a thousand SOPs, a third of every page. The partials hold no
    ``<pre>`` and their text is titles, so the line breaks and indentation
    between tags say nothing; they are left out of the templates' source
    once, when Jinja loads them, rather than cut out of every page written.
    """

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        return _BETWEEN_TAGS.sub("", source) if name in SIDEBAR_PARTIALS else source


def compact_templates(env: jinja2.Environment) -> jinja2.Environment:
    """Drop the whitespace that the theme's block tags leave (Jinja's ``trim_blocks`` and ``lstrip_blocks``),
    and the sidebars' between their tags (``CompactSidebars``).

    Material's templates put every ``{% if %}`` and ``{% set %}`` on a line of its
    own; rendered, each leaves its indentation and line break, for every item of
    the navigation on every page. Text and the whitespace between elements stay.
    Set before the first template is loaded, so every template is compiled with it.
    """
    env.trim_blocks = True
    env.lstrip_blocks = True
    env.add_extension(CompactSidebars)
    return env


def source_dates(root: Path, sumber: str = SOURCE_DIR) -> dict[str, date]:
    """The day each source file last changed in git (one ``git log`` for all of them).

    Outside a git checkout, or without git, nothing is known and pages say nothing.
    """
    command = ["git", "log", "--format=%x00%cs", "--name-only", "--", sumber]
    try:
        result = subprocess.run(command, cwd=root, capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return {}
    dates: dict[str, date] = {}
    for commit in result.stdout.split("\0")[1:]:
        day, *files = [line for line in commit.splitlines() if line]
        for file in files:
            dates.setdefault(file, date.fromisoformat(day))
    return dates


def navigation(handbook: Handbook) -> list[Any]:
    """The nav: Beranda, the SOPs by unit (and by agency when there are several), then the
    ways through the handbook (kinds, roles, relations, laws, glossary) and the reviewers' page.

    Long lists sit one level deeper than the sections, where ``navigation.prune``
    leaves them out of every page but those inside them: SOPs under their unit,
    roles under their unit (and agency), regulations under their kind. So a
    page's navigation stays small however many SOPs the handbook holds.
    """
    agencies: dict[str, list[Any]] = {}
    for instansi, unit, sops in handbook.per_unit():
        entry = {h(unit.judul): [{h(sop.judul_tampil): links.sop_src(sop)} for sop in sops]}
        agencies.setdefault(h(instansi.nama), []).append(entry)
    return [
        {"Beranda": links.HOME},
        *_by_agency(agencies),
        {"Kategori": links.KATEGORI},
        {"Pelaksana": [links.PELAKSANA, *_role_entries(handbook)]},
        {"Peta keterkaitan SOP": links.PETA_KETERKAITAN},
        {"Dasar Hukum": [links.DASAR_HUKUM, *_regulation_entries(handbook)]},
        {"Glosarium": links.GLOSARIUM},
        {"Catatan mutu data": links.CATATAN_MUTU},
    ]


def _by_agency(agencies: dict[str, list[Any]]) -> list[Any]:
    """Units under their agency when there are several agencies; otherwise the units alone."""
    if len(agencies) > 1:
        return [{name: units} for name, units in agencies.items()]
    return [entry for units in agencies.values() for entry in units]


def _role_entries(handbook: Handbook) -> list[Any]:
    """The role pages for the nav: under their unit when there are several, and their agency when there are several."""
    agencies: dict[str, list[Any]] = {}
    for instansi, unit, _ in handbook.per_unit():
        roles = [{h(p.label): links.peran_src(instansi, unit, p)} for p in unit.pelaksana]
        agencies.setdefault(h(instansi.nama), []).append({h(unit.judul): roles})
    units = _by_agency(agencies)
    if len(units) == 1:
        return next(iter(units[0].values()))
    return units


def _regulation_entries(handbook: Handbook) -> list[Any]:
    """The regulation pages for the nav, by kind in the order of the hierarchy."""
    kinds: dict[str, list[Any]] = {}
    for peraturan in sorted(handbook.peraturan, key=urutan):
        kinds.setdefault(JENIS[peraturan.jenis].judul, []).append(
            {h(sitasi(peraturan)): links.peraturan_src(peraturan)}
        )
    return [{kind: pages} for kind, pages in kinds.items()]


def add_pages(files: Files, config: MkDocsConfig, build: Build) -> Files:
    """Add the generated pages (SOPs, roles, regulations, source files) and the JSON exports.

    "Edit this page" (when ``edit_uri`` is set: the SOP_EDIT_URI environment
    variable, a repository's edit URL) opens the YAML a page is made from.
    """
    if build.error is not None:
        return _error_site(files, config, build.error)
    handbook = build.handbook
    assert handbook is not None  # configure loaded it, or raised
    root = project_root(config)
    docs = Path(config.docs_dir).relative_to(root).as_posix()
    drop_unused_theme_files(files, config)
    for page in files.documentation_pages():
        page.edit_uri = f"{docs}/{page.src_uri}"
    add_standard_pages(files, config, build.sumber)

    def add(src: str, content: str, source: str, **options: Any) -> None:
        file = File.generated(config, src, content=content, **options)
        file.edit_uri = source
        files.append(file)

    for sop in handbook.sops:
        # No table of contents column: the wide tables and the diagram need the room.
        # Kategori are Material tags: the Kategori page lists the SOPs by kind.
        tags = f"tags: [{', '.join(sop.kategori)}]\n" if sop.kategori else ""
        # The page's text is drawn from the model when MkDocs reads it (page_markdown), not by mkdocs-macros.
        add(links.sop_src(sop), f"---\nhide: [toc]\n{tags}{_GENERATED}---\n", sop.file)
    for instansi, unit, _ in handbook.per_unit():
        for peran in unit.pelaksana:
            add(links.peran_src(instansi, unit, peran), f"---\n{_GENERATED}---\n", f"{build.sumber}/{ORGANISASI}")
    for peraturan in handbook.peraturan:
        add(links.peraturan_src(peraturan), f"---\n{_GENERATED}---\n", f"{build.sumber}/{PERATURAN}")
    made_into = {sop.file: (sop.judul_tampil, links.sop_src(sop)) for sop in handbook.sops}
    made_into |= {
        f"{build.sumber}/{ORGANISASI}": ("Pelaksana", links.PELAKSANA),
        f"{build.sumber}/{PERATURAN}": ("Dasar Hukum", links.DASAR_HUKUM),
        f"{build.sumber}/{GLOSARIUM}": ("Glosarium", links.GLOSARIUM),
    }
    noted: dict[str, set[int]] = {}  # the lines "Catatan mutu data" links to
    for problem in handbook.catatan_mutu:
        noted.setdefault(problem.file, set()).add(problem.line)
    for path in sorted((root / build.sumber).rglob("*.yaml")):
        file = path.relative_to(root).as_posix()
        edit_url = f"{config.edit_uri}{file}" if config.edit_uri else None
        text = path.read_text(encoding="utf-8-sig")
        lines = noted.get(file, set())
        html = render_pages.sumber_page(
            file, text, config.site_name, made_into.get(file), edit_url, lines, build.plain_templates
        )
        files.append(File.generated(config, links.sumber_src(file), content=html))
    files.append(File.generated(config, links.API_SOPS, content=export.sops_json(handbook, config.use_directory_urls)))
    files.append(
        File.generated(
            config, links.API_DASAR_HUKUM, content=export.peraturan_json(handbook, config.use_directory_urls)
        )
    )
    return files


# The front matter of the pages drawn from the model: mkdocs-macros leaves them alone (its render_macros).
_GENERATED = "render_macros: false\n"


def page_markdown(markdown: str, page: Page, build: Build) -> str:
    """A page's Markdown as the build gives it: an SOP's, a role's or a regulation's page drawn from the
    model (``build.drawn``, whose templates give its abbreviations the glossary's hover titles); every page
    then gets the glossary's definitions for the abbreviations of its own text (``append_abbreviations``)."""
    draw = build.drawn.get(page.file.src_uri)
    if draw is not None and build.handbook is not None:
        markdown = draw() + "\n"
    return append_abbreviations(markdown, build)


# The standard pages made from one source file (its name in the sources' folder): "Edit this page" opens it.
_STANDARD_SOURCES = {links.PELAKSANA: ORGANISASI, links.DASAR_HUKUM: PERATURAN, links.GLOSARIUM: GLOSARIUM}


def add_standard_pages(files: Files, config: MkDocsConfig, sumber: str = SOURCE_DIR) -> None:
    """The package's standard pages (``resources.PAGES``) that the handbook's ``docs/`` does not have.

    A handbook replaces one by a page of the same path in ``docs/``. The
    monitoring form is reached from every SOP page's link, not from the nav.
    """
    pages = list(files.documentation_pages())
    for src_uri in resources.standard_pages():
        if files.get_file_from_path(src_uri) is not None:
            continue
        inclusion = InclusionLevel.NOT_IN_NAV if src_uri == links.MONITORING else InclusionLevel.UNDEFINED
        file = File.generated(config, src_uri, abs_src_path=str(resources.PAGES / src_uri), inclusion=inclusion)
        made_from = _STANDARD_SOURCES.get(src_uri)
        file.edit_uri = f"{sumber}/{made_from}" if made_from else None
        pages.append(file)
    # In the order MkDocs reads a docs folder, as if the standard pages were in it (the search index's order).
    for page in files.documentation_pages():
        files.remove(page)
    for page in sorted(pages, key=_walk_order):
        files.append(page)


def _walk_order(file: File) -> list[tuple[int, Any]]:
    """A file's place in MkDocs' walk of the docs folder: a folder's files (its index first), then its folders."""
    *folders, name = file.src_uri.split("/")
    return [(1, folder) for folder in folders] + [(0, (posixpath.splitext(name)[0] not in ("index", "README"), name))]


# The theme's files that no reader's browser loads here: lunr's other languages (the search worker
# loads lunr.stemmer.support and the language in use, lunr.id, which finish_search writes) and
# source maps (for the theme's developers' debugger). Two megabytes of every published edition.
_LUNR_MIN = "assets/javascripts/lunr/min/"
_SOURCE_MAP = re.compile(r"\n?/[/*]# sourceMappingURL=\S+(?: \*/)?\s*$")
_LUNR_KEPT = {f"{_LUNR_MIN}lunr.stemmer.support.min.js"}


def drop_unused_theme_files(files: Files, config: MkDocsConfig) -> Files:
    """Leave out the theme's files that no browser loads here (and the lines naming the source maps)."""
    for unused in [file for file in files if _never_loaded(file.src_uri)]:
        files.remove(unused)
        if unused.src_uri.endswith(".map"):  # and the theme file naming it, without that last line
            mapped = files.get_file_from_path(unused.src_uri.removesuffix(".map"))
            if mapped is not None:
                text = mapped.content_string
                files.remove(mapped)
                files.append(File.generated(config, mapped.src_uri, content=_SOURCE_MAP.sub("", text)))
    return files


def _never_loaded(src_uri: str) -> bool:
    if src_uri.startswith("assets/javascripts/lunr/"):
        return src_uri not in _LUNR_KEPT
    return src_uri.startswith("assets/") and src_uri.endswith(".map")


def _error_site(files: Files, config: MkDocsConfig, error: SourceError) -> Files:
    """While serving with bad sources: the static files and one page listing the errors."""
    kept = Files([file for file in files if not file.is_documentation_page()])
    markup = templates.environment(config.theme.dirs, config.use_directory_urls)
    page = render_pages.source_error_page(error.problems, markup)
    kept.append(File.generated(config, links.HOME, content=page))
    return kept


def define_macros(env: Any, build: Build) -> None:
    """Register the macros that pages use (mkdocs-macros ``define_env``).

    Every macro draws with the pages' templates, which give the abbreviations of its text the glossary's
    hover titles (``templates.HoverTitles``).
    """
    handbook = build.handbook
    if handbook is None:
        return  # the only page, the list of errors, uses no macro
    with_pdf = build.pdfs

    def here() -> str:
        return str(env.page.file.src_uri)

    def macro(name: str, render: Callable[..., str]) -> None:
        env.macro(render, name)

    macro("daftar_sop", lambda: render_pages.daftar_sop(handbook, here(), build.templates))
    macro("catatan_mutu", lambda: render_pages.catatan_mutu(handbook, here(), build.templates))
    macro("konvensi_waktu", lambda: render_pages.konvensi_waktu(handbook, build.templates))
    macro("peta_keterkaitan", lambda: render_pages.peta_keterkaitan(handbook, here(), build.templates))
    macro("daftar_peraturan", lambda: render_legal.daftar_peraturan(handbook, here(), build.templates))
    macro("daftar_peran", lambda: render_roles.daftar_peran(handbook, here(), build.templates))
    macro("glosarium", lambda: render_pages.glosarium(handbook, build.templates))
    macro("formulir_monitoring", lambda: render_pages.formulir_monitoring(handbook, build.templates))

    def tautan_buku() -> str:
        book_pdf = pdf.buku_pdf(templates.directory_urls(build.templates)) if with_pdf else None
        return render_pages.tautan_buku(here(), book_pdf, build.templates) if build.book else ""

    macro("tautan_buku", tautan_buku)


def append_abbreviations(markdown: str, build: Build) -> str:
    """Give hand-written Markdown the glossary's hover titles (the ``abbr`` extension)."""
    if build.handbook is None:
        return markdown
    return f"{markdown}\n\n{markdown_definitions(build.handbook.glosarium)}\n"
