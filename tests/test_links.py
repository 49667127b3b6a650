"""Every link of every built page resolves: the file exists and so does the anchor.

The SOP pages are raw HTML that MkDocs does not validate, so the built site
is checked as a browser would follow it.
"""

from __future__ import annotations

import functools
import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sop_handbook import links, resources

BASE = "http://handbook.invalid/"


class Page(HTMLParser):
    """The links and the ids of one HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.add(attributes["id"])
        for name in ("href", "src"):
            if attributes.get(name) and tag in ("a", "link", "script", "img"):
                self.links.append(attributes[name])


@functools.cache
def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def target_file(site: Path, url: str) -> Path:
    path = site / unquote(urlparse(url).path).removeprefix("/")
    return path / "index.html" if url.split("#")[0].endswith("/") else path


def broken_links(site: Path) -> list[str]:
    broken = []
    for html in sorted(site.rglob("*.html")):
        page_url = urljoin(BASE, html.relative_to(site).as_posix())
        for link in parse(html).links:
            url = urljoin(page_url, link)
            if not url.startswith(BASE):
                continue  # outside the site: only followed by the reader, never loaded
            target = target_file(site, url)
            fragment = urlparse(url).fragment
            if not target.exists():
                broken.append(f"{html.relative_to(site)}: {link} (no file {target.relative_to(site)})")
            elif fragment and target.suffix == ".html" and unquote(fragment) not in parse(target).ids:
                broken.append(f"{html.relative_to(site)}: {link} (no id '{fragment}')")
    return broken


@pytest.mark.parametrize("site_fixture", ["real_site", "fixture_site"])
@pytest.mark.build  # its sites are built by fixtures, asked for by name
def test_every_link_and_anchor_resolves(request, site_fixture):
    site = request.getfixturevalue(site_fixture).site
    assert len(list(site.rglob("*.html"))) > 10
    assert broken_links(site) == []


def test_the_checker_finds_a_broken_link_and_anchor(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text('<a href="a/">ok</a><a href="b/">no</a><a href="a/#x">anchor</a>')
    (tmp_path / "a" / "index.html").write_text('<p id="y">y</p><a href="../#top">up</a>')
    assert broken_links(tmp_path) == [
        "a/index.html: ../#top (no id 'top')",
        "index.html: b/ (no file b/index.html)",
        "index.html: a/#x (no id 'x')",
    ]


SEGMENTS = st.lists(st.sampled_from(["sop", "a", "b", "dasar-hukum", "x.y", "index"]), max_size=4)


@settings(max_examples=800, deadline=None)
@given(SEGMENTS, SEGMENTS, st.booleans(), st.booleans())
def test_relative_url_is_what_posixpath_gives(start, target, start_is_index, target_is_index):
    """links.relative_url computes posixpath.relpath's answer (with a final '/') without its absolute paths."""
    from_src = "/".join([*start, "index.md" if start_is_index or not start else f"{start.pop()}.md"])
    to_src = "/".join([*target, "index.md" if target_is_index or not target else f"{target.pop()}.md"])
    expected = posixpath.relpath(links.page_url(to_src) or ".", links.page_url(from_src) or ".")
    assert links.relative_url(from_src, to_src) == ("./" if expected == "." else expected + "/")


def test_a_build_s_url_style_lives_in_its_templates_not_in_the_module(handbook):
    from sop_handbook import render_roles, render_sop, templates

    sop = handbook.sop("penyusunan-lakip")
    offline = templates.environment([resources.THEME], directory_urls=False)
    by_file = render_sop.sop_page(sop, handbook, templates=offline)
    assert 'href="../../../formulir-monitoring.html?sop=diskopukm/sekretariat/penyusunan-lakip"' in by_file
    assert 'href="../../../pelaksana/diskopukm/sekretariat/sekretaris.html"' in by_file
    assert 'href="../../../dasar-hukum/uu-23-2014.html"' in by_file
    # Drawn beside it, without the offline build's templates: directory URLs, as always.
    served = render_sop.sop_page(sop, handbook)
    assert 'href="../../../../pelaksana/diskopukm/sekretariat/sekretaris/"' in served and ".html" not in served
    instansi, unit, _ = handbook.per_unit()[0]
    role = render_roles.peran_page(instansi, unit, unit.pelaksana[0], handbook, offline)
    assert 'href="../../../sop/diskopukm/sekretariat/penyusunan-lkpj.html#langkah-' in role
    assert 'href="../../../sop/diskopukm/sekretariat/penyusunan-lkpj.html"' in role
