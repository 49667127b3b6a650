"""Accessibility: axe-core (from node_modules) in headless Chromium on every page type.

Every kind of page of the real handbook, and the SOP pages of the fixture
handbook (decisions, hostile text, a second agency), must have no violation
of impact "serious" or "critical" of axe's WCAG 2.0/2.1/2.2 A and AA rules.

Material draws each diagram into a closed shadow root; the tests' init
script opens it, and axe enters open shadow roots, so the diagrams are
checked with the page (the test asserts that axe examined elements in it).
axe leaves the contrast of the diagram's labels "incomplete" (it cannot tell
the colour behind text in an SVG foreignObject): dark grey (#36464e) on a
light tint, 8:1 or more, measured by hand.

The diagrams' text alternative: each diagram is a <figure> whose caption
links to the table holding the same content, and the SVG has a title and a
description (Mermaid's accTitle/accDescr) saying that the table is its text form.
"""

from __future__ import annotations

import re

import pytest
from sop_handbook import mermaid

from .browsing import Visit, axe_run

REAL_PAGES = {
    "home": "",
    "sop-reconstructed": "sop/diskopukm/sekretariat/penyusunan-lkpj/",
    "sop-dasar-hukum": "sop/diskopukm/sekretariat/penyusunan-rka-dpa/",
    "role": "pelaksana/diskopukm/sekretariat/kepala-dinas/",
    "roles-index": "pelaksana/",
    "regulation-cited": "dasar-hukum/uu-23-2014/",
    "regulation-amended": "dasar-hukum/pergub-kalbar-125-2021/",
    "regulations-index": "dasar-hukum/",
    "relation-map": "peta-keterkaitan/",
    "glossary": "glosarium/",
    "kategori": "kategori/",
    "catatan-mutu-data": "catatan-mutu-data/",
    "source": "sumber/penyusunan-lkpj/",
    "404": "404.html",
}
FIXTURE_PAGES = {
    "decisions": "sop/dinas-a/bidang-koperasi/pemeriksaan-berkas/",
    "hostile-text": "sop/dinas-a/sekretariat/teks-berbahaya/",
    "second-agency": "sop/badan-b/sekretariat/laporan-badan/",
}
CASES = [pytest.param("real", path, id=f"real-{name}") for name, path in REAL_PAGES.items()] + [
    pytest.param("fixture", path, id=f"fixture-{name}") for name, path in FIXTURE_PAGES.items()
]
BLOCKING = {"serious", "critical"}
SVG_TEXT_ALTERNATIVE = """() => {
    const svg = document.querySelector("div.mermaid").shadowRoot.querySelector("svg");
    const byId = id => id && svg.getRootNode().getElementById(id);
    return {
        role: svg.getAttribute("role"),
        title: byId(svg.getAttribute("aria-labelledby"))?.textContent,
        desc: byId(svg.getAttribute("aria-describedby"))?.textContent,
    };
}"""


def has_diagram(path: str) -> bool:
    return path.startswith("sop/") or path == "peta-keterkaitan/"


def describe(violations: list[dict]) -> str:
    """One line per violation: rule, impact, help and the first elements."""
    return "\n".join(
        f"{v['id']} ({v['impact']}, {v['nodes']} elements): {v['help']}; first: {v['targets']}" for v in violations
    )


def blocking(result: dict) -> list[dict]:
    return [v for v in result["violations"] if v["impact"] in BLOCKING]


@pytest.mark.browser
@pytest.mark.parametrize(("handbook_site", "path"), CASES)
def test_no_serious_or_critical_violation(request, visit, handbook_site, path):
    url = request.getfixturevalue(f"{handbook_site}_url")
    seen: Visit = visit(url + path, diagram=has_diagram(path))
    result = axe_run(seen.page)
    found = blocking(result)
    assert not found, f"{path or 'home'}:\n{describe(found)}"
    if has_diagram(path):  # axe got into the diagram's (opened) shadow root
        assert result["examined_in_shadow_dom"] > 0
    assert seen.outside == []
    assert seen.errors == []


@pytest.mark.browser
@pytest.mark.parametrize(
    ("handbook_site", "path"),
    [
        pytest.param("real", REAL_PAGES["sop-reconstructed"], id="real-sop"),
        pytest.param("fixture", FIXTURE_PAGES["hostile-text"], id="fixture-hostile-text"),
    ],
)
def test_the_swimlane_names_the_procedure_table_as_its_text_form(request, visit, handbook_site, path):
    page = visit(request.getfixturevalue(f"{handbook_site}_url") + path).page
    figure = page.get_by_role("figure", name=re.compile(r"Tabel prosedur di bawahnya memuat isi yang sama"))
    assert figure.count() == 1
    assert figure.locator("div.mermaid").count() == 1
    target = figure.locator("figcaption a").get_attribute("href")
    assert target == "#prosedur"
    # The link leads to the heading of the flowchart table, right after the figure.
    assert page.evaluate(
        """() => {
            const heading = document.getElementById("prosedur");
            return heading.tagName === "H2" && heading.nextElementSibling.matches("table.sop-prosedur")
                && document.querySelector("figure.sop-diagram").nextElementSibling === heading;
        }"""
    )
    svg = page.evaluate(SVG_TEXT_ALTERNATIVE)
    assert svg["role"] == "graphics-document document"
    h1 = page.locator("h1").inner_text()
    assert svg["title"] == f"Diagram alir {mermaid.acc_text(h1)}"
    steps = page.locator("table.sop-prosedur tbody tr").count()
    assert svg["desc"].startswith(f"{steps} langkah dalam ")
    assert svg["desc"].endswith("Bentuk teks diagram ini adalah tabel Prosedur di bawahnya.")


@pytest.mark.browser
def test_the_relation_map_names_its_table_as_its_text_form(visit, real_url):
    page = visit(f"{real_url}peta-keterkaitan/").page
    figure = page.get_by_role("figure", name=re.compile("bentuk teksnya: tabel keterkaitan"))
    assert figure.count() == 1
    assert figure.locator("figcaption a").get_attribute("href") == "#tabel-keterkaitan"
    assert page.locator("figure.sop-diagram + table#tabel-keterkaitan").count() == 1
    svg = page.evaluate(SVG_TEXT_ALTERNATIVE)
    assert svg["title"] == "Peta keterkaitan SOP"
    assert svg["desc"].endswith("Bentuk teks peta ini adalah tabel di bawahnya.")


@pytest.mark.parametrize(
    ("text", "acc"),
    [
        ("Penyusunan RKA & DPA", "Penyusunan RKA dan DPA"),
        ('<b>"x"</b> `y` #35; 50%', "b'x'/b 'y' 35; 50 persen"),
        ("%%{init: {}}%%\nbaris\u202ekedua", "persen persen {init: {}} persen persen baris kedua"),
    ],
)
def test_acc_text_is_one_line_mermaid_and_html_read_as_plain_text(text, acc):
    assert mermaid.acc_text(text) == acc
