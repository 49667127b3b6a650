"""The swimlane diagram as a reader sees it, in headless Chromium: 2, 5 and 8 lanes.

The fixture handbook ``tests/fixtures/lajur`` has flows of two, five and
eight lanes (decisions looping back over one and several steps, Ya and Tidak
to the same step, a step of two pelaksana, a Tidak the document does not
show, eighteen steps). At 1280 px every edge ends on its target and all text
is at least 12 CSS px; on a 390 px phone the diagram keeps its natural size
in a box that scrolls sideways, zooms with its buttons, and the names of the
lanes stay under the page header at the bottom of a long diagram, over the
lanes they name (the package's ``theme/assets/javascripts/diagram-alir.js``).

"Effective" text size is the computed font size times the SVG's scale (its
drawn width over its viewBox width): what the reader's eye gets.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser
from sop_handbook import mermaid

from . import browsing
from .conftest import FIXTURES, build, fixture_sources, load, make_project

pytestmark = pytest.mark.browser

SOPS = {"dua-lajur": 2, "lima-lajur": 5, "delapan-lajur": 8}  # id: lanes
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
MIN_TEXT_PX = 12
# Mermaid's arrowheads ("pointEnd-margin" markers) end their path, on purpose, 4 px before
# the target's border; a line without an arrowhead (two pelaksana joined) ends on it.
ARROW_GAP = 4
TOLERANCE = 3
# Every edge of the drawn diagram: the nodes Mermaid joined (its edge ids are
# L_<from>_<to>_<n>; node ids hold "_" too, so split where both halves are nodes),
# and how far, in CSS px, the path's first and last points are from their boxes.
EDGES = """() => {
    const svg = document.querySelector("div.mermaid").shadowRoot.querySelector("svg");
    const boxes = new Map();
    for (const node of svg.querySelectorAll("g.node")) {
        const shape = node.querySelector(":scope > :is(rect, polygon, path, circle), :scope > g > path") || node;
        boxes.set(node.id.match(/-flowchart-(.+)-\\d+$/)[1], shape.getBoundingClientRect());
    }
    const away = ([x, y], r) => Math.hypot(Math.max(r.left - x, 0, x - r.right), Math.max(r.top - y, 0, y - r.bottom));
    return [...svg.querySelectorAll("path.flowchart-link")].map(path => {
        const id = path.dataset.id.replace(/^L_/, "").replace(/_\\d+$/, "");
        const at = [...id.matchAll(/_/g)].map(m => m.index)
            .find(i => boxes.has(id.slice(0, i)) && boxes.has(id.slice(i + 1)));
        const m = path.getScreenCTM();
        const point = length => {
            const p = path.getPointAtLength(length);
            return [p.x * m.a + p.y * m.c + m.e, p.x * m.b + p.y * m.d + m.f];
        };
        if (at === undefined) return {id: path.dataset.id};
        const [from, to] = [id.slice(0, at), id.slice(at + 1)];
        return {
            id: path.dataset.id, from, to, arrow: (path.getAttribute("marker-end") || "").includes("pointEnd"),
            start: away(point(0), boxes.get(from)), end: away(point(path.getTotalLength()), boxes.get(to)),
        };
    });
}"""
# The effective size of every text of the diagram: steps, lane titles, Ya/Tidak.
TEXT_SIZES = """() => {
    const svg = document.querySelector("div.mermaid").shadowRoot.querySelector("svg");
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    const sizes = selector => [...svg.querySelectorAll(selector)]
        .filter(e => e.textContent.trim())
        .map(e => [e.textContent.trim(), parseFloat(getComputedStyle(e).fontSize) * scale,
                   e.getBoundingClientRect().height]);
    return {
        scale,
        nodes: sizes("g.node foreignObject > div"),
        lanes: sizes("g.swimlane-label foreignObject > div"),
        edges: sizes("g.edgeLabel foreignObject > div"),
    };
}"""
# The row of lane names over the diagram, and the SVG's own lane titles, in page px.
LANE_HEADER = """() => {
    const svg = document.querySelector("div.mermaid").shadowRoot.querySelector("svg");
    const header = document.querySelector(".sop-lajur");
    const rect = e => {
        const r = e.getBoundingClientRect();
        return {left: r.left, right: r.right, top: r.top, bottom: r.bottom};
    };
    const cells = [...header.querySelectorAll(".sop-lajur__sel")].map(cell => {
        const name = cell.querySelector(".sop-lajur__nama"), r = rect(name);
        const x = (Math.max(r.left, 0) + Math.min(r.right, innerWidth)) / 2;
        const hit = document.elementFromPoint(x, (r.top + r.bottom) / 2);
        return {name: name.textContent, cell: rect(cell), text: r, onTop: !!hit && cell.contains(hit)};
    });
    const titles = [...svg.querySelectorAll("g.cluster.swimlane")].map(lane => ({
        name: lane.textContent.trim(), ...rect(lane.querySelector("rect.swimlane-title")),
    })).sort((a, b) => a.left - b.left);
    const scroller = document.querySelector(".sop-gulir");
    return {
        shown: getComputedStyle(header).visibility === "visible", cells, titles,
        pageHeader: document.querySelector(".md-header").getBoundingClientRect().bottom,
        scroller: {...rect(scroller), scrollLeft: scroller.scrollLeft, scrollWidth: scroller.scrollWidth,
                   clientWidth: scroller.clientWidth},
        hint: document.querySelector(".sop-alat__petunjuk").checkVisibility(),
    };
}"""
SVG_WIDTH = """() => document.querySelector("div.mermaid").shadowRoot.querySelector("svg")
    .getBoundingClientRect().width"""


@pytest.fixture(scope="module")
def lajur_url(tmp_path_factory) -> Iterator[str]:
    """The fixture handbook of 2, 5 and 8 lanes, built and served."""
    project = make_project(tmp_path_factory.mktemp("lajur"), fixture_sources("lajur"))
    result = build(project)
    assert result.returncode == 0, result.output
    yield from browsing.serve(result.site)


@pytest.fixture(scope="module")
def lajur_handbook(tmp_path_factory):
    return load(FIXTURES / "lajur", tmp_path_factory.mktemp("lajur-sumber"))


def open_sop(browser: Browser, url: str, sop_id: str, viewport: dict, open_roots: bool = True) -> browsing.Visit:
    """An SOP page of the fixture at ``viewport``, its diagram drawn; shadow roots opened for the test."""
    context = browser.new_context(viewport=viewport)
    if open_roots:
        context.add_init_script(browsing.OPEN_SHADOW_ROOTS)
    # A closed root cannot be seen drawn: the script's lane names show that it is.
    seen = browsing.visit(context, f"{url}sop/dinas-uji/bidang-uji/{sop_id}/", diagram=open_roots)
    seen.page.wait_for_selector(".sop-lajur__sel", state="attached", timeout=5_000)
    return seen


def assert_clean(seen: browsing.Visit) -> None:
    assert seen.outside == []
    assert seen.errors == []
    assert seen.console == []


def edges_in_text(text: str) -> list[tuple[str, str]]:
    """The (from, to) node ids of every edge line of the diagram's Mermaid text, sorted."""
    return sorted(re.findall(r"^  (\w+) (?:-->(?:\|\"[^\"]*\"\|)?|---) (\w+)", text, re.MULTILINE))


@pytest.mark.parametrize("sop_id", SOPS)
def test_every_edge_ends_on_its_target(browser, lajur_url, lajur_handbook, sop_id):
    seen = open_sop(browser, lajur_url, sop_id, DESKTOP)
    edges = seen.page.evaluate(EDGES)
    assert all("to" in edge for edge in edges), [edge["id"] for edge in edges if "to" not in edge]
    drawn = sorted((edge["from"], edge["to"]) for edge in edges)  # Ya and Tidak to one step: two edges
    assert drawn == edges_in_text(mermaid.swimlane(lajur_handbook.sop(sop_id)))
    far = [
        edge
        for edge in edges
        if edge["start"] > TOLERANCE or edge["end"] > TOLERANCE + (ARROW_GAP if edge["arrow"] else 0)
    ]
    assert far == []
    assert_clean(seen)
    seen.page.context.close()


@pytest.mark.parametrize("sop_id", ["lima-lajur", "delapan-lajur"])
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280px", "390px"])
def test_text_is_at_least_12_px_with_five_to_eight_lanes(browser, lajur_url, sop_id, viewport):
    seen = open_sop(browser, lajur_url, sop_id, viewport)
    sizes = seen.page.evaluate(TEXT_SIZES)
    assert sizes["scale"] == pytest.approx(1, abs=0.01)  # natural size: not shrunk to the page
    assert len(sizes["lanes"]) == SOPS[sop_id]
    assert {"Ya", "Tidak"} <= {text for text, _, _ in sizes["edges"]}
    small = [
        (text, round(px, 1))
        for kind in ("nodes", "lanes", "edges")
        for text, px, height in sizes[kind]
        if px < MIN_TEXT_PX or height < MIN_TEXT_PX
    ]
    assert small == []
    assert_clean(seen)
    seen.page.context.close()


def test_on_a_phone_the_diagram_scrolls_and_the_lane_names_stay_in_view(browser, lajur_url):
    seen = open_sop(browser, lajur_url, "delapan-lajur", PHONE)
    page = seen.page
    before = page.evaluate(LANE_HEADER)
    assert before["scroller"]["scrollWidth"] > 5 * before["scroller"]["clientWidth"]  # 8 lanes at 14 px
    assert before["hint"]  # "Geser diagram ke samping ..."
    assert not before["shown"]  # the diagram's own titles are in view
    page.evaluate("""() => {
        const scroller = document.querySelector(".sop-gulir");
        scroller.scrollLeft = 400;  // in the middle of the wide lane of Petugas Loket Pelayanan
        scroller.scrollIntoView({block: "end"});
    }""")
    page.wait_for_function("() => document.querySelector('.sop-lajur--tampil')")
    after = page.evaluate(LANE_HEADER)
    assert after["scroller"]["scrollLeft"] == 400
    assert after["scroller"]["bottom"] <= PHONE["height"]  # at the bottom of the diagram
    assert after["titles"][0]["bottom"] < 0  # the diagram's own titles scrolled off long ago
    assert after["shown"]
    assert [cell["name"] for cell in after["cells"]] == [title["name"] for title in after["titles"]]
    for cell, title in zip(after["cells"], after["titles"], strict=True):
        assert cell["cell"]["left"] == pytest.approx(title["left"], abs=1), cell["name"]
        assert cell["cell"]["right"] == pytest.approx(title["right"], abs=1), cell["name"]
        assert after["pageHeader"] - 1 <= cell["cell"]["top"] <= after["pageHeader"] + 1
    view = after["scroller"]
    # A lane whose part in view is wide enough for its name shows the whole name there,
    # however much of the lane is scrolled away, and nothing covers it.
    readable = [
        cell
        for cell in after["cells"]
        if min(cell["cell"]["right"], view["right"]) - max(cell["cell"]["left"], view["left"])
        > cell["text"]["right"] - cell["text"]["left"] + 20
    ]
    assert readable and any(cell["cell"]["left"] < view["left"] for cell in readable)  # one only partly in view
    for cell in readable:
        assert view["left"] - 1 <= cell["text"]["left"] and cell["text"]["right"] <= view["right"] + 1, cell["name"]
        assert cell["onTop"], cell["name"]
    assert_clean(seen)
    page.context.close()


def test_the_zoom_buttons_zoom_and_the_lane_names_follow(browser, lajur_url):
    seen = open_sop(browser, lajur_url, "lima-lajur", PHONE)
    page = seen.page
    natural = page.evaluate(SVG_WIDTH)
    page.get_by_role("button", name="Perkecil diagram").click()
    assert page.evaluate(SVG_WIDTH) == pytest.approx(natural / 1.25, abs=1)
    page.get_by_role("button", name="Perbesar diagram").click()
    page.get_by_role("button", name="Perbesar diagram").click()
    assert page.evaluate(SVG_WIDTH) == pytest.approx(natural * 1.25, abs=1)
    page.get_by_role("button", name="Selebar layar").click()
    header = page.evaluate(LANE_HEADER)
    assert page.evaluate(SVG_WIDTH) == pytest.approx(header["scroller"]["clientWidth"], abs=1)
    assert not header["hint"]  # nothing left to scroll to
    for cell, title in zip(header["cells"], header["titles"], strict=True):
        assert cell["cell"]["left"] == pytest.approx(title["left"], abs=1), cell["name"]
    page.get_by_role("button", name="Ukuran asli").click()
    assert page.evaluate(SVG_WIDTH) == pytest.approx(natural, abs=1)
    assert page.locator(".sop-alat__skala").inner_text() == "100%"
    assert_clean(seen)
    page.context.close()


def test_the_script_reads_materials_closed_shadow_root(browser, lajur_url):
    """Without the tests' opening of shadow roots: what readers get, Material's closed root."""
    seen = open_sop(browser, lajur_url, "delapan-lajur", PHONE, open_roots=False)
    page = seen.page
    assert page.evaluate("() => document.querySelector('div.mermaid').shadowRoot") is None
    names = page.locator(".sop-lajur__nama").all_text_contents()
    assert names[0] == "Pemohon" and names[-1] == "Arsiparis" and len(names) == 8
    assert_clean(seen)
    page.context.close()


def test_four_lanes_are_shown_whole_at_1280_px_while_their_text_stays_12_px(browser, real_url):
    """The real SOPs' four lanes (1062 px) fit the 936 px column at 0.88: text 12.3 px, no scrolling."""
    context = browser.new_context(viewport=DESKTOP)
    context.add_init_script(browsing.OPEN_SHADOW_ROOTS)
    seen = browsing.visit(context, f"{real_url}sop/diskopukm/sekretariat/penyusunan-rka-dpa/")
    seen.page.wait_for_selector(".sop-lajur__sel", state="attached", timeout=5_000)
    sizes = seen.page.evaluate(TEXT_SIZES)
    header = seen.page.evaluate(LANE_HEADER)
    assert sizes["scale"] < 1
    assert header["scroller"]["scrollWidth"] <= header["scroller"]["clientWidth"]
    assert not header["hint"]
    assert min(px for kind in ("nodes", "lanes", "edges") for _, px, _ in sizes[kind]) >= MIN_TEXT_PX
    assert_clean(seen)
    context.close()


PAGE_WIDTH = "() => document.documentElement.scrollWidth"


@pytest.mark.parametrize("sop_id", ["delapan-lajur", "lima-lajur"])
def test_on_a_phone_the_page_itself_never_scrolls_sideways(browser, lajur_url, sop_id):
    """Only the diagram and the tables scroll sideways on a 390 px phone; the page keeps its width."""
    seen = open_sop(browser, lajur_url, sop_id, PHONE)
    assert seen.page.evaluate(PAGE_WIDTH) <= PHONE["width"]
    wide = seen.page.evaluate("() => document.querySelector('table.sop-prosedur').scrollWidth")
    assert wide > PHONE["width"]  # the procedure table is wider than the phone: it scrolls in its own box
    assert_clean(seen)
