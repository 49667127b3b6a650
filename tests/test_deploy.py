"""The published handbook works wherever an agency puts it.

Debian's nginx and Apache httpd with their stock configuration and the
README's lines (``servers``), each serving the built site and the edition
tree ``make publish`` writes (``gh-pages``), at the server's root and under
``/sop/``; Python's ``http.server``; ``mkdocs serve``; and the offline
edition opened as files (``make offline``, ``file://``). In each, in
Chromium: every page opens with its diagrams drawn, no console error, no
failed request, no answer of an HTTP error, nothing asked from outside;
search answers and its result opens; an SOP prints as its form; the
monitoring form fills in; a missing page gets the handbook's 404 page; in
an edition tree the selector lists the editions and switching stays on the
same page.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext
from sop_handbook import bagan, links, resources

from . import browsing, servers
from .conftest import ROOT, BuildResult, build, load, make, make_project, real_sources
from .test_publish import export_branch, git

pytestmark = pytest.mark.browser

REAL = load(ROOT / "sop_source", ROOT)
SOP = REAL.sop("penyusunan-lkpj")
SOP_SRC = links.sop_src(SOP)
MONITORING = f"?sop={SOP.instansi.id}/{SOP.unit.id}/{SOP.id}"
DRAWN = 7  # on the pages of the real handbook: six swimlanes and the relation map
FORM_HEADER = "NoKegiatanPelaksanaMutuBakuKeterangan"  # the flowchart part's header, squeezed
# One port for every server of this module, one at a time: the editions' "same page" switch reads
# the sitemap, whose addresses keep the port of site_url (Material replaces only scheme and host).
PORT = servers.free_port()
SUB_PATH = servers.SUB_PATH
EDITIONS = ("2023", "2024")


def site_url(prefix: str) -> str:
    """The SITE_URL an agency sets for a handbook at ``prefix``: another host name than the one the
    browser uses, as an intranet's name and address differ (only the path and the port count)."""
    return f"http://localhost:{PORT}{prefix}"


@pytest.fixture(scope="module")
def site_under_sub_path(tmp_path_factory) -> BuildResult:
    """The real handbook built as the README says for http://intranet/sop/ (SITE_URL)."""
    project = make_project(tmp_path_factory.mktemp("sub") / "proyek", real_sources())
    result = build(project, SOP_SITE_URL=site_url(SUB_PATH))
    assert result.returncode == 0, result.output
    return result


def published_tree(project: Path, prefix: str) -> Path:
    """Two editions published with the README's ``make publish`` for ``prefix``, the gh-pages tree exported."""
    shutil.copy2(ROOT / "Makefile", project / "Makefile")
    git(project, "init", "-q", "-b", "main")
    git(project, "add", ".")
    git(project, "-c", "user.name=Uji", "-c", "user.email=uji@localhost", "commit", "-q", "-m", "awal")
    for version in EDITIONS:
        result = make(
            project,
            "publish",
            f"VERSION={version}",
            f"SITE_URL={site_url(prefix)}",
            env=os.environ | {"HOME": str(project)},
        )
        assert result.returncode == 0, result.stdout + result.stderr
    return export_branch(project, project.parent / "gh-pages")


@pytest.fixture(scope="module")
def editions(tmp_path_factory) -> Callable[[str], Path]:
    """The exported edition tree for a prefix ("/", "/sop/"), published once per prefix."""
    trees: dict[str, Path] = {}

    def tree(prefix: str) -> Path:
        if prefix not in trees:
            trees[prefix] = published_tree(
                make_project(tmp_path_factory.mktemp("edisi") / "proyek", real_sources()), prefix
            )
        return trees[prefix]

    return tree


@pytest.fixture(scope="module")
def offline_edition(tmp_path_factory) -> Path:
    """The README's ``make offline``: the folder to open as files."""
    project = make_project(tmp_path_factory.mktemp("luring") / "proyek", real_sources())
    shutil.copy2(ROOT / "Makefile", project / "Makefile")
    result = make(project, "offline")
    assert result.returncode == 0, result.stdout + result.stderr
    folder = project / "offline" / "buku-pedoman-sop"
    assert (project / "offline" / "buku-pedoman-sop.zip").is_file()
    return folder


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browsing.new_context(browser)
    yield context
    context.close()


@contextmanager
def mkdocs_serve(tmp_path: Path) -> Iterator[str]:
    """``make serve``'s ``mkdocs serve --strict`` on a copy of the handbook; its URL.

    Without live reload: its script keeps a request open to wait for the next
    build, so a page would never be quiet for the walk (test_serve.py drives it).
    """
    project = make_project(tmp_path / "proyek", real_sources())
    command = [sys.executable, "-m", "mkdocs", "serve", "--strict", "--no-livereload", "-a", f"127.0.0.1:{PORT}"]
    env = os.environ | {"NO_MKDOCS_2_WARNING": "1"}
    log = tmp_path / "serve.log"
    with log.open("w") as output:
        process = subprocess.Popen(command, cwd=project, env=env, stdout=output, stderr=subprocess.STDOUT)
    try:
        servers.wait(process, f"http://127.0.0.1:{PORT}/", log, timeout=120)
        yield f"http://127.0.0.1:{PORT}/"
    finally:
        process.terminate()
        process.wait(timeout=20)


def directory_pages(site: Path) -> list[str]:
    """Every page of a site built with directory URLs, and the monitoring form filled from an SOP."""
    return [*browsing.site_pages(site), f"{links.page_url('formulir-monitoring.md')}{MONITORING}"]


def file_pages(site: Path) -> list[str]:
    """Every page of the offline edition (pages named by file), and the monitoring form filled from an SOP."""
    pages = sorted(str(p.relative_to(site)) for p in site.rglob("*.html"))
    return [*pages, f"{links.page_url('formulir-monitoring.md', directory_urls=False)}{MONITORING}"]


def check_pages(context: BrowserContext, base: str, paths: list[str], home: str, diagrams: int = DRAWN) -> None:
    """Every page at ``paths`` without a problem, its ``diagrams`` drawn; nothing asked outside ``home``."""
    problems, drawn = browsing.walk(context, base, paths, inside=lambda url: url.startswith(home))
    assert problems == {}
    assert drawn == diagrams


def check_search(context: BrowserContext, url: str, home: str) -> None:
    """The search box of the page at ``url`` answers, in Indonesian (a stem), and its first result opens an SOP."""
    seen = browsing.watch(context.new_page(), lambda url: url.startswith(home))
    seen.page.goto(url)
    box = seen.page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("menyusun lkpj", delay=20)
    first = seen.page.locator(".md-search-result__item a").first
    # Results follow the typing: the first answer may be the one for "menyusun" alone, until "lkpj" arrives.
    seen.page.wait_for_function(
        "() => document.querySelector('.md-search-result__item a')?.innerText.includes('LKPJ')", timeout=20_000
    )
    first.click()
    seen.page.wait_for_url(re.compile(r"/sop/diskopukm/sekretariat/penyusunan-lkpj(/|\.html)"))
    seen.page.wait_for_function(browsing.DIAGRAM_DRAWN, timeout=20_000)
    seen.page.wait_for_load_state("networkidle")
    assert (seen.outside, seen.failed, seen.errors, seen.console) == ([], [], [], [])
    seen.page.close()


def check_print(context: BrowserContext, url: str, pdf: Path) -> None:
    """The SOP page prints as its form: the identity part, then the flowchart part's planned pages."""
    seen = browsing.watch(context.new_page(), lambda _: True)
    seen.page.goto(url)
    seen.page.wait_for_function(browsing.DIAGRAM_DRAWN, timeout=20_000)
    seen.page.wait_for_load_state("networkidle")
    seen.page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
    pages = browsing.pdf_pages(pdf)
    assert len(pages) == 1 + len(bagan.draw(SOP).halaman)
    assert browsing.squeezed(SOP.nomor) in pages[0] and FORM_HEADER in pages[1]
    assert (seen.failed, seen.errors) == ([], [])
    seen.page.close()


def check_not_found(context: BrowserContext, url: str, home: str) -> None:
    """A missing page answers 404 with the handbook's own 404 page, styled, its assets found; its link
    leads ``home``."""
    seen = browsing.watch(context.new_page())
    response = seen.page.goto(url)
    seen.page.wait_for_load_state("networkidle")
    assert response is not None and response.status == 404
    assert seen.failed == [f"404 {url}"]  # the page itself, nothing it loads
    assert seen.page.locator(".md-header").is_visible()
    assert seen.page.evaluate("() => getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    assert seen.page.locator("article h1").inner_text() == "404 - Halaman tidak ditemukan"
    seen.page.get_by_role("link", name="Kembali ke beranda").click()
    seen.page.wait_for_url(home)
    seen.page.wait_for_load_state("networkidle")
    assert seen.failed == [f"404 {url}"]
    seen.page.close()


def check_editions(context: BrowserContext, base: str) -> None:
    """The selector lists the editions; switching from an old one stays on the same page."""
    seen = browsing.watch(context.new_page())
    path = links.page_url(SOP_SRC)
    seen.page.goto(f"{base}2023/{path}")
    seen.page.wait_for_load_state("networkidle")  # switching earlier would abort the search worker's requests
    seen.page.wait_for_selector(".md-version__current")
    assert seen.page.locator(".md-version__current").inner_text() == "2023"
    assert seen.page.locator("[data-md-component=outdated]").is_visible()
    seen.page.locator(".md-version").hover()
    seen.page.locator(".md-version__link", has_text="2024").click()
    seen.page.wait_for_url(f"{base}2024/{path}")
    seen.page.wait_for_function(browsing.DIAGRAM_DRAWN, timeout=20_000)
    seen.page.wait_for_load_state("networkidle")
    assert seen.page.locator(".md-version__current").inner_text() == "2024latest"  # 2024, marked as latest
    assert (seen.outside, seen.failed, seen.errors, seen.console) == ([], [], [], [])
    seen.page.close()


def check_handbook(
    context: BrowserContext, base: str, paths: list[str], tmp_path: Path, home: str = "", directory_urls: bool = True
) -> None:
    """The walk, search, print: what every place must give. ``home``: where the site's requests go (``base``)."""
    home = home or base
    check_pages(context, base, paths, home)
    check_search(context, base + links.page_url("index.md", directory_urls), home)
    check_print(context, base + links.page_url(SOP_SRC, directory_urls), tmp_path / "sop.pdf")


SERVERS = {"nginx": servers.nginx, "apache": servers.apache}
PLACES = [(server, tree, prefix) for server in SERVERS for tree in ("situs", "edisi") for prefix in ("/", SUB_PATH)]


@pytest.mark.parametrize(
    ("server", "tree", "prefix"),
    PLACES,
    ids=[f"{server}-{tree}-{'akar' if prefix == '/' else 'subpath'}" for server, tree, prefix in PLACES],
)
def test_a_stock_web_server_serves_the_whole_handbook(
    server, tree, prefix, context, real_site, site_under_sub_path, editions, tmp_path
):
    if tree == "situs":
        # At the root nothing is set; under a sub-path SITE_URL is (the README).
        site = real_site.site if prefix == "/" else site_under_sub_path.site
        not_found = prefix
    else:
        site = editions(prefix)
        not_found = prefix + "latest/"  # the README's ErrorDocument for an edition tree
    snippet = servers.for_prefix(servers.readme_snippet(server), not_found)
    running: Callable[..., AbstractContextManager[str]] = SERVERS[server]
    with servers.docroot(site, prefix) as root, running(root, PORT, snippet) as url:
        home = url.rstrip("/") + prefix
        if tree == "situs":
            check_handbook(context, home, directory_pages(site), tmp_path)
            check_not_found(context, home + "sop/tidak-ada/", home)
        else:
            edition = home + "2024/"
            check_handbook(context, edition, directory_pages(site / "2024"), tmp_path, home=home)
            check_pages(context, home, ["", "latest/", "2023/"], home, diagrams=0)  # the root redirects to latest/
            check_editions(context, home)
            check_not_found(context, home + "latest/sop/tidak-ada/", edition)


def test_the_intranet_kit_s_nginx_serves_the_editions_with_types_and_caching(context, editions, tmp_path):
    """The kit a new handbook gets (``intranet/nginx.conf``, which its Dockerfile puts in the nginx image)
    on Debian's nginx: the edition tree at /sop/, the walk, search, print, the selector, the 404 page; and
    the answers' types and caching: pages and data revalidated, Material's hashed files kept a year."""
    site = editions(SUB_PATH)
    with servers.docroot(site, SUB_PATH) as root, servers.nginx_kit(root, PORT) as url:
        (root / "sop" / "2024" / "modul.mjs").write_text("export default 1;\n", encoding="utf-8")  # an agency's own
        home = url + "sop/"
        edition = home + "2024/"
        check_handbook(context, edition, directory_pages(site / "2024"), tmp_path, home=home)
        check_pages(context, home, ["", "latest/", "2023/"], home, diagrams=0)
        check_editions(context, home)
        check_not_found(context, home + "latest/sop/tidak-ada/", edition)
        hashed = next((site / "2024" / "assets" / "javascripts").glob("bundle.*.min.js")).name
        expected = {
            "": ("text/html", "no-cache"),
            "2024/search/search_index.json": ("application/json", "no-cache"),
            "versions.json": ("application/json", "no-cache"),
            f"2024/{resources.MERMAID}": ("application/javascript", "no-cache"),
            f"2024/{resources.STYLESHEET}": ("text/css", "no-cache"),
            f"2024/assets/javascripts/{hashed}": ("application/javascript", "public, max-age=31536000, immutable"),
            "2024/sop/diskopukm/sekretariat/penyusunan-lkpj/penyusunan-lkpj.pdf": ("application/pdf", "public"),
            "2024/modul.mjs": ("text/javascript", "no-cache"),
        }
        for path, (kind, caching) in expected.items():
            with urllib.request.urlopen(home + path) as answer:
                assert answer.headers.get_content_type() == kind, path
                assert answer.headers["Cache-Control"].startswith(caching), path
        with urllib.request.urlopen(url) as answer:  # the server's root leads to the handbook
            assert answer.url == home


def test_pythons_http_server_serves_the_handbook(context, real_site, real_url, tmp_path):
    check_handbook(context, real_url, directory_pages(real_site.site), tmp_path)


def test_mkdocs_serve_serves_the_handbook(context, real_site, tmp_path):
    with mkdocs_serve(tmp_path) as url:
        check_handbook(context, url, directory_pages(real_site.site), tmp_path)  # the pages of the same sources


def test_the_offline_edition_works_opened_as_files(context, offline_edition, tmp_path):
    base = offline_edition.as_uri() + "/"
    assert not (offline_edition / "404.html").exists()  # only a server shows a 404 page
    check_handbook(context, base, file_pages(offline_edition), tmp_path, directory_urls=False)
