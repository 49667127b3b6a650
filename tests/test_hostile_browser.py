"""Every page of a built handbook in headless Chromium: nothing runs, nothing leaves the site.

The fixture handbook carries hostile source text (``teks-berbahaya.yaml``:
``<script>``, ``onerror=``, ``<iframe src=//...>``, ``<style>``, Mermaid
directives and ``click ... javascript:``). On every one of its pages: no
dialog, no page error, no console error, no call of ``alert`` & co. (trapped
by ``browsing.SCRIPT_TRAPS`` before any script of the page runs), no request
to any address but the site's own (refused and recorded), no markup from the
sources that could run or restyle anything, and every diagram drawn. The real
handbook gets the same walk for requests, errors and diagrams.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext

from . import browsing

pytestmark = pytest.mark.browser


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    """One context for a whole walk: open shadow roots, script traps."""
    context = browsing.new_context(browser)
    yield context
    context.close()


def test_no_page_of_the_hostile_handbook_runs_source_text_or_leaves_the_site(context, fixture_site, fixture_url):
    pages = browsing.site_pages(fixture_site.site)
    problems, drawn = browsing.walk(context, fixture_url, pages)
    assert problems == {}
    assert len(pages) >= 27  # 3 SOPs, their roles, regulations and sources, the lists, 404
    assert drawn == 4  # the three SOPs' swimlanes and the relation map


def test_no_page_of_the_real_handbook_leaves_the_site(context, real_site, real_url):
    pages = browsing.site_pages(real_site.site)
    problems, drawn = browsing.walk(context, real_url, pages)
    assert problems == {}
    assert len(pages) >= 38
    assert drawn == 7  # six swimlanes and the relation map
