"""Driving Debian's headless Chromium against a built site served on 127.0.0.1.

Material draws each diagram into a closed shadow root; an init script opens
it so that tests can read the SVG. Every request that would leave 127.0.0.1
is recorded and refused. Another init script traps the functions a script
smuggled in through source text would call (``alert`` and friends), and
axe-core, from ``node_modules``, checks accessibility.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pypdfium2 as pdfium
from playwright.sync_api import Browser, BrowserContext, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from sop_handbook import pdf

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
OPEN_SHADOW_ROOTS = """
const attach = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (init) { return attach.call(this, {...init, mode: "open"}); };
"""
DIAGRAM_DRAWN = """() => [...document.querySelectorAll("div.mermaid")]
    .some(d => d.shadowRoot && d.shadowRoot.querySelector("svg"))"""
# Every diagram of the page drawn (true at once on a page without any):
# Material replaces each <pre class="mermaid"> with a <div class="mermaid">.
ALL_DIAGRAMS_DRAWN = """() => !document.querySelector("pre.mermaid") && [...document.querySelectorAll("div.mermaid")]
    .every(d => d.shadowRoot && d.shadowRoot.querySelector("svg"))"""
# What a script injected through source text would call: each call is noted in
# window.__sopTrapped; alert, confirm and prompt still open their dialog (for
# the page's "dialog" event), print and open do nothing.
SCRIPT_TRAPS = """
window.__sopTrapped = [];
for (const name of ["alert", "confirm", "prompt", "print", "open"]) {
    const original = window[name];
    window[name] = function (...args) {
        window.__sopTrapped.push(`${name}(${args.map(String).join(", ")})`);
        return ["alert", "confirm", "prompt"].includes(name) ? original.apply(window, args) : null;
    };
}
"""
A4_LANDSCAPE = (297, 210)  # mm
AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
# axe-core's rules for WCAG 2.0, 2.1 and 2.2, levels A and AA.
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@dataclass
class Visit:
    """A page opened in the browser, with what it did."""

    page: Page
    outside: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)  # console messages of type "error"
    requests: list[str] = field(default_factory=list)  # every URL asked for, refused or not
    failed: list[str] = field(default_factory=list)  # requests that failed or were answered >= 400 (not the refused)

    def trapped(self) -> list[str]:
        """The calls caught by ``SCRIPT_TRAPS`` (None when the context has no traps)."""
        return self.page.evaluate("() => window.__sopTrapped")


def serve(directory: Path) -> Iterator[str]:
    """A built site served on 127.0.0.1 (as ``make pdf`` serves it), for a fixture: its base URL."""
    with pdf.served(directory) as url:
        yield url


def new_context(browser: Browser, traps: bool = True) -> BrowserContext:
    """A browser context whose pages have open shadow roots and, with ``traps``, ``SCRIPT_TRAPS``."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.add_init_script(OPEN_SHADOW_ROOTS)
    if traps:
        context.add_init_script(SCRIPT_TRAPS)
    return context


def on_this_machine(url: str) -> bool:
    """Whether ``url`` is of a server on 127.0.0.1 (a site the tests serve)."""
    return urlparse(url).hostname == "127.0.0.1"


def watch(page: Page, inside: Callable[[str], bool] = on_this_machine) -> Visit:
    """Record what ``page`` asks outside the site (refused; by default, outside 127.0.0.1), its dialogs
    (dismissed), errors, console errors, requests that failed and answers of an HTTP error."""
    visit = Visit(page)

    def route(route):
        if inside(route.request.url):
            route.continue_()
        else:
            visit.outside.append(route.request.url)
            route.abort()

    # Requests of the page's workers (Material's search) come through the page's route too.
    page.route("**/*", route)
    page.on("dialog", lambda dialog: (visit.dialogs.append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda error: visit.errors.append(str(error)))
    page.on("console", lambda message: visit.console.append(message.text) if message.type == "error" else None)
    page.on("request", lambda request: visit.requests.append(request.url))
    page.on(
        "response",
        lambda response: visit.failed.append(f"{response.status} {response.url}") if response.status >= 400 else None,
    )
    page.on(
        "requestfailed",
        lambda request: (
            None if request.url in visit.outside else visit.failed.append(f"{request.failure} {request.url}")
        ),
    )
    return visit


def visit(context, url: str, diagram: bool = True) -> Visit:
    """Open ``url``, record what leaves the site, dialogs and errors; wait for the diagram."""
    visit = watch(context.new_page())
    visit.page.goto(url)
    if diagram:
        visit.page.wait_for_function(DIAGRAM_DRAWN, timeout=20_000)
    visit.page.wait_for_load_state("networkidle")
    return visit


def site_pages(site: Path) -> list[str]:
    """Every page of a built site, as paths relative to its root: "" (home), "sop/.../", ..., "404.html"."""
    pages = sorted(str(index.parent.relative_to(site)) for index in site.rglob("index.html"))
    return [("" if page == "." else page + "/") for page in pages] + ["404.html"]


def axe_run(page: Page) -> dict:
    """axe-core's WCAG A/AA rules on ``page``.

    Returns the violations (id, impact, help, number of elements, first
    targets), the rules left "incomplete" (for a person to check), how many
    elements the rules examined, and how many of those in shadow roots: axe
    enters open ones (``OPEN_SHADOW_ROOTS`` opens Material's), so it checks
    the diagrams too.
    """
    if not page.evaluate("() => 'axe' in window"):
        page.add_script_tag(path=AXE)
    return page.evaluate(
        """async tags => {
            const result = await axe.run(document, {runOnly: {type: "tag", values: tags}});
            const brief = v => ({
                id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length,
                targets: v.nodes.slice(0, 3).map(n => n.target),
            });
            const nodes = ["passes", "incomplete", "violations"].flatMap(kind => result[kind].flatMap(v => v.nodes));
            return {
                violations: result.violations.map(brief),
                incomplete: result.incomplete.map(brief),
                examined: nodes.length,
                // A target crossing into a shadow root is a list of selectors, host first.
                examined_in_shadow_dom: nodes.filter(n => Array.isArray(n.target[0])).length,
            };
        }""",
        WCAG_AA,
    )


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


def walk(
    context: BrowserContext, base_url: str, paths: list[str], inside: Callable[[str], bool] | None = None
) -> tuple[dict[str, list[str]], int]:
    """Open the pages at ``paths`` (relative to ``base_url``); their problems by page and the number of diagrams
    drawn. Requests ``inside`` (by default: under ``base_url``) are the site's; any other is refused and a problem.

    ``LANES`` tabs load pages side by side, each tab waiting for its page to
    be quiet (no request for 500 ms) before the next: most of a page's time
    is that wait.
    """
    problems: dict[str, list[str]] = {}
    pages = paths
    ours = inside or (lambda url: url.startswith((base_url, "data:", "blob:")))
    lanes = [watch(context.new_page(), ours) for _ in range(LANES)]
    drawn = 0
    for start in range(0, len(pages), LANES):
        batch = list(zip(lanes, pages[start : start + LANES], strict=False))
        for lane, path in batch:
            for record in (lane.outside, lane.dialogs, lane.errors, lane.console, lane.requests, lane.failed):
                record.clear()
            lane.page.goto(base_url + path, wait_until="commit")
        for lane, path in batch:
            lane.page.wait_for_load_state("load")
            with contextlib.suppress(PlaywrightTimeoutError):  # PAGE_PROBLEMS names the diagrams not drawn
                lane.page.wait_for_function(ALL_DIAGRAMS_DRAWN, timeout=20_000)
            lane.page.wait_for_load_state("networkidle")
            found = lane.page.evaluate(PAGE_PROBLEMS)
            drawn += found["diagrams"]
            if lane.page.url != base_url + path:  # the page sent the browser on (mike's redirect to latest/):
                # its own document may show as aborted when the redirect starts before it finished loading
                aborted = f"net::ERR_ABORTED {base_url + path}"
                lane.failed[:] = [failure for failure in lane.failed if failure != aborted]
            page_problems = [
                *(f"request outside the site (refused): {url}" for url in lane.outside),
                *(f"request failed: {failure}" for failure in lane.failed),
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
    return problems, drawn


def squeezed(text: str) -> str:
    """Only the text's ASCII letters and digits: a cell's text is found however it was wrapped
    into lines, and whatever order the PDF keeps right-to-left text and emoji in."""
    return re.sub(r"[^A-Za-z0-9]+", "", text)


def pdf_pages(path: Path, size: tuple[int, int] = A4_LANDSCAPE) -> list[str]:
    """The text of each page of a PDF, after checking that every page is ``size`` (mm)."""
    document = pdfium.PdfDocument(str(path))
    assert {tuple(round(x / 72 * 25.4) for x in page.get_size()) for page in document} == {size}
    return [squeezed(page.get_textpage().get_text_range()) for page in document]
