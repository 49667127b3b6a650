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

import contextlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from . import browsing

pytestmark = pytest.mark.browser

# Problems on the page, as sentences: markup that could run or restyle the
# page (in the document and in the open shadow roots of the diagrams), and
# diagrams not drawn, drawn as Mermaid's error picture, or not from a
# figure of the handbook's own (a ```mermaid fence in source text would be).
PAGE_PROBLEMS = r"""() => {
    // The book's one <style>, mkdocs-print-site-plugin's numbering of headings: its rules name sections by the
    // pages' URLs and hold numbers, nothing else (an SOP's id is a slug, schema/sop.schema.json).
    const RULE = String.raw`\s*\.print-site-enumerate-headings #[a-z0-9-]+( > h1| h[2-6])?(:before)? \{[^{}<>]*\}`;
    const BOOK_HEADINGS = new RegExp(String.raw`^(${RULE})*\s*$`);
    const problems = [];
    const roots = [document, ...[...document.querySelectorAll("div.mermaid")].map(d => d.shadowRoot).filter(Boolean)];
    for (const root of roots) {
        for (const element of root.querySelectorAll("*")) {
            for (const attribute of element.attributes) {
                const value = attribute.value.trim().toLowerCase();
                if (attribute.name.startsWith("on") || value.startsWith("javascript:")) {
                    problems.push(`${element.tagName} ${attribute.name}="${attribute.value}"`);
                }
            }
        }
    }
    for (const element of document.querySelectorAll(
            "article :is(script, style, iframe, frame, object, embed, base, meta, link, form)")) {
        if (element.matches("#print-site-page + style") && BOOK_HEADINGS.test(element.textContent)) continue;
        problems.push(`<${element.tagName.toLowerCase()}> in the article`);
    }
    if (getComputedStyle(document.body).display === "none") problems.push("the body is hidden");
    const diagrams = [...document.querySelectorAll(".mermaid")];  // <pre> until Material draws it
    for (const [index, diagram] of diagrams.entries()) {
        const svg = diagram.shadowRoot && diagram.shadowRoot.querySelector("svg");
        if (!svg) problems.push(`diagram ${index + 1} is not drawn`);
        else if (svg.textContent.includes("Syntax error") || svg.getAttribute("aria-roledescription") === "error")
            problems.push(`diagram ${index + 1} is Mermaid's error picture`);
        if (!diagram.closest("figure.sop-diagram")) problems.push(`diagram ${index + 1} is not the handbook's`);
    }
    return {problems, diagrams: diagrams.length};
}"""


LANES = 4  # pages loading at the same time


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    """One context for a whole walk: open shadow roots, script traps."""
    context = browsing.new_context(browser)
    yield context
    context.close()


def walk(context: BrowserContext, base_url: str, site: Path) -> tuple[dict[str, list[str]], int, int]:
    """Open every page of ``site``; its problems by page, the number of pages and of diagrams drawn.

    ``LANES`` tabs load pages side by side, each tab waiting for its page to
    be quiet (no request for 500 ms) before the next: most of a page's time
    is that wait.
    """
    problems: dict[str, list[str]] = {}
    pages = browsing.site_pages(site)
    lanes = [browsing.watch(context.new_page()) for _ in range(LANES)]
    drawn = 0
    for start in range(0, len(pages), LANES):
        batch = list(zip(lanes, pages[start : start + LANES], strict=False))
        for lane, path in batch:
            for record in (lane.outside, lane.dialogs, lane.errors, lane.console, lane.requests):
                record.clear()
            lane.page.goto(base_url + path, wait_until="commit")
        for lane, path in batch:
            lane.page.wait_for_load_state("load")
            with contextlib.suppress(PlaywrightTimeoutError):  # PAGE_PROBLEMS names the diagrams not drawn
                lane.page.wait_for_function(browsing.ALL_DIAGRAMS_DRAWN, timeout=20_000)
            lane.page.wait_for_load_state("networkidle")
            found = lane.page.evaluate(PAGE_PROBLEMS)
            drawn += found["diagrams"]
            elsewhere = [u for u in lane.requests if not u.startswith((base_url, "data:", "blob:"))]
            page_problems = [
                *(f"request outside the site (refused): {url}" for url in lane.outside),
                *(f"request to another server: {url}" for url in elsewhere if url not in lane.outside),
                *(f"dialog: {message}" for message in lane.dialogs),
                *(f"page error: {error}" for error in lane.errors),
                *(f"console error: {message}" for message in lane.console),
                *(f"script ran: {call}" for call in lane.trapped()),
                *found["problems"],
            ]
            if page_problems:
                problems[path or "(home)"] = page_problems
    for lane in lanes:
        lane.page.close()
    return problems, len(pages), drawn


def test_no_page_of_the_hostile_handbook_runs_source_text_or_leaves_the_site(context, fixture_site, fixture_url):
    problems, pages, drawn = walk(context, fixture_url, fixture_site.site)
    assert problems == {}
    assert pages >= 27  # 3 SOPs, their roles, regulations and sources, the lists, 404
    assert drawn == 4  # the three SOPs' swimlanes and the relation map


def test_no_page_of_the_real_handbook_leaves_the_site(context, real_site, real_url):
    problems, pages, drawn = walk(context, real_url, real_site.site)
    assert problems == {}
    assert pages >= 38
    assert drawn == 7  # six swimlanes and the relation map
