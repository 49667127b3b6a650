"""The built site in real headless Chromium (Debian's), served on 127.0.0.1.

Material draws each diagram into a closed shadow root; an init script opens
it so the test can read the SVG. Every request that would leave 127.0.0.1
is recorded and refused.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from .browsing import DIAGRAM_DRAWN
from .conftest import ROOT, line_of

pytestmark = pytest.mark.browser

LANES_LEFT_TO_RIGHT = """() => {
    const svg = document.querySelector("div.mermaid").shadowRoot.querySelector("svg");
    return [...svg.querySelectorAll("g.cluster.swimlane")]
        .map(g => [g.getBoundingClientRect().x, g.textContent.trim()])
        .sort((a, b) => a[0] - b[0]).map(pair => pair[1]);
}"""
DIAGRAM_FACTS = """() => {
    const svg = document.querySelector("div.mermaid").shadowRoot.querySelector("svg");
    return {
        kind: svg.getAttribute("aria-roledescription"),
        nodes: [...svg.querySelectorAll("g.node")].map(n => n.textContent.trim()),
        edgeLabels: [...svg.querySelectorAll(".edgeLabel")].map(e => e.textContent.trim()).filter(Boolean),
        text: svg.textContent,
    };
}"""
STEP_ROWS = """() => {
    const svg = document.querySelector("div.mermaid").shadowRoot.querySelector("svg");
    return [...svg.querySelectorAll("g.node")]
        .map(n => [parseInt(n.textContent.trim(), 10), n.getBoundingClientRect().y])
        .filter(pair => !isNaN(pair[0])).sort((a, b) => a[0] - b[0]).map(pair => pair[1]);
}"""
SCREENSHOTS = Path(__file__).parent / "output"
REAL_SOPS = [p.stem for p in sorted((ROOT / "sop_source").glob("penyusunan-*.yaml"))]
LANES = ["Ketua Tim Kerja", "Anggota Tim Kerja", "Pejabat Level II (Sekretaris)", "Pejabat Level I (Kepala Dinas)"]


@pytest.mark.parametrize("sop_id", REAL_SOPS)
def test_each_sop_page_draws_its_swimlane(visit, real_url, real_site, sop_id):
    seen = visit(f"{real_url}sop/diskopukm/sekretariat/{sop_id}/")
    facts = seen.page.evaluate(DIAGRAM_FACTS)
    assert facts["kind"] == "swimlane"
    assert "Syntax error" not in facts["text"]
    assert seen.page.evaluate(LANES_LEFT_TO_RIGHT) == LANES
    steps = seen.page.locator("table.sop-prosedur tbody tr").count()
    assert len(facts["nodes"]) == steps + 2
    assert {"Mulai", "Selesai"} <= set(facts["nodes"])
    rows = seen.page.evaluate(STEP_ROWS)  # y of step 1, 2, 3, ...: each step on a lower row
    assert len(rows) == steps
    assert all(upper < lower for upper, lower in itertools.pairwise(rows))
    assert seen.outside == []
    assert seen.errors == []
    if sop_id == "penyusunan-rka-dpa":
        SCREENSHOTS.mkdir(exist_ok=True)  # for people to look at; not compared
        seen.page.add_style_tag(content=".md-header { display: none; }")
        seen.page.locator(".sop-diagram").screenshot(path=SCREENSHOTS / "rka-dpa-diagram.png")


def test_home_lists_the_six_sops_and_leads_to_them(visit, real_url):
    seen = visit(real_url, diagram=False)
    links = seen.page.locator("table.sop-daftar a")
    assert links.count() == 6
    assert seen.page.locator("html").get_attribute("lang") == "id"
    seen.page.get_by_role("link", name="Penyusunan LKPJ").first.click()
    seen.page.wait_for_function(DIAGRAM_DRAWN, timeout=20_000)
    assert seen.page.locator("h1").inner_text() == "Penyusunan LKPJ"
    assert seen.outside == []


def test_reviewers_page_lists_the_warnings(visit, real_url):
    seen = visit(f"{real_url}catatan-mutu-data/", diagram=False)
    assert seen.page.locator("table.sop-mutu tbody tr").count() >= 20
    assert seen.page.get_by_text("SOP ini menyebut dirinya sendiri sebagai SOP terkait").count() == 1
    assert seen.outside == []


def test_decision_has_ya_and_tidak_edges(visit, fixture_url):
    seen = visit(f"{fixture_url}sop/dinas-a/bidang-koperasi/pemeriksaan-berkas/")
    facts = seen.page.evaluate(DIAGRAM_FACTS)
    assert sorted(facts["edgeLabels"]) == ["Tidak", "Ya"]
    assert seen.page.evaluate(LANES_LEFT_TO_RIGHT) == ["Pelaksana", "Pejabat Level II (Kepala Bidang)"]


def test_hostile_sources_run_nothing_and_show_their_text(visit, fixture_url):
    seen = visit(f"{fixture_url}sop/dinas-a/sekretariat/teks-berbahaya/")
    page = seen.page
    assert seen.dialogs == []
    assert seen.errors == []
    assert seen.outside == []
    assert page.locator("h1").inner_text().startswith("<img src=x onerror=alert(1)> Nama {% raw %}")
    facts = page.evaluate(DIAGRAM_FACTS)
    assert facts["kind"] == "swimlane"
    assert '%%{init:{"theme":"dark"}}%% #35; `x` fa:fa-car "q" <b>b</b> end' in facts["text"]
    cell = page.locator("#langkah-1 td:not(.sop-bagan)").nth(5)  # Output, as the screen shows it
    assert cell.inner_text() == "</td></tr></table><script>alert(2)</script>"
    assert page.get_by_text("{{ 7*7 }} {% if true %}x{% endif %}").count() == 1


def test_relation_map_is_drawn_and_its_nodes_lead_to_the_sops(visit, real_url):
    seen = visit(f"{real_url}peta-keterkaitan/")
    hrefs = seen.page.evaluate(
        """() => [...document.querySelector("div.mermaid").shadowRoot.querySelectorAll("a")]
            .map(a => a.getAttribute("href") || a.getAttribute("xlink:href"))"""
    )
    assert sorted(hrefs) == sorted(f"../sop/diskopukm/sekretariat/{sop_id}/" for sop_id in REAL_SOPS)
    assert seen.page.evaluate(DIAGRAM_FACTS)["kind"] == "flowchart-v2"
    seen.page.evaluate(
        """() => document.querySelector("div.mermaid").shadowRoot
            .querySelector('a[href$="penyusunan-lkpj/"], a[*|href$="penyusunan-lkpj/"]').dispatchEvent(
                new MouseEvent("click", {bubbles: true, cancelable: true}))"""
    )
    seen.page.wait_for_url("**/penyusunan-lkpj/")
    seen.page.wait_for_function(DIAGRAM_DRAWN, timeout=20_000)
    assert seen.page.locator("h1").inner_text() == "Penyusunan LKPJ"
    assert seen.outside == []


def test_a_diagram_kind_the_handbook_does_not_draw_says_where_to_add_it(visit, real_url):
    """The handbook's Mermaid holds the swimlane and the flowchart only (tools/build-mermaid.mjs)."""
    seen = visit(f"{real_url}sop/diskopukm/sekretariat/penyusunan-lkpj/")
    outcome = seen.page.evaluate(
        """async () => {
            try { await window.mermaid.render("lain", "sequenceDiagram\\n  A->>B: halo"); return "drawn"; }
            catch (error) { return String(error && error.message || error); }
        }"""
    )
    assert "is not in the handbook's Mermaid" in outcome and "tools/build-mermaid.mjs" in outcome, outcome
    drawn = seen.page.evaluate("""async () => (await window.mermaid.render("alir", "flowchart LR\\n  a --> b")).svg""")
    assert "<svg" in drawn
    assert seen.outside == []


@pytest.mark.parametrize(
    ("path", "h1", "texts"),
    [
        (
            "dasar-hukum/",
            "Dasar Hukum",
            ["Undang-Undang Nomor 23 Tahun 2014", "Peraturan Presiden Nomor 29 Tahun 2014"],
        ),
        (
            "dasar-hukum/pergub-kalbar-125-2021/",
            "Peraturan Gubernur Kalimantan Barat Nomor 125 Tahun 2021",
            ["Diubah oleh", "Tidak ada SOP yang mencantumkan peraturan ini sebagai Dasar Hukum."],
        ),
        (
            "pelaksana/diskopukm/sekretariat/kepala-dinas/",
            "Pejabat Level I (Kepala Dinas)",
            ["Total waktu peran ini dalam SOP ini", "Menandatangani RKA dan DPA SKPD"],
        ),
        ("glosarium/", "Glosarium", ["Laporan Keterangan Pertanggungjawaban", "Tim Anggaran Pemerintah Daerah"]),
        ("kategori/", "Kategori", ["pelaporan", "penganggaran", "perencanaan"]),
    ],
)
def test_connected_pages_show_their_content(visit, real_url, path, h1, texts):
    seen = visit(f"{real_url}{path}", diagram=False)
    assert seen.page.locator("h1").inner_text().removesuffix("¶") == h1  # Markdown headings carry a permalink
    body = seen.page.locator("article").inner_text()
    assert all(text in body for text in texts), [text for text in texts if text not in body]
    assert seen.outside == []
    assert seen.errors == []


def test_source_page_shows_the_file_with_its_line_numbers(visit, real_url):
    """A plain page: the file as it is beside its numbers; the line a note points to is the target."""
    line = line_of("penyusunan-rka-dpa.yaml", "- sop: penyusunan-rka-dpa")
    seen = visit(f"{real_url}sumber/penyusunan-rka-dpa/#L{line}", diagram=False)
    assert seen.page.locator("h1").inner_text() == "sop_source/penyusunan-rka-dpa.yaml"
    text = seen.page.locator("pre.isi").inner_text()
    assert text == (ROOT / "sop_source" / "penyusunan-rka-dpa.yaml").read_text(encoding="utf-8").rstrip("\n")
    numbers = seen.page.locator("pre.nomor").inner_text().split()
    assert numbers == [str(n) for n in range(1, len(text.splitlines()) + 1)]
    assert seen.page.locator(f"#L{line}").evaluate("e => e.matches(':target')")
    assert seen.page.locator(f"#L{line}").is_visible()
    seen.page.get_by_role("link", name="Penyusunan RKA dan DPA SKPD").click()
    seen.page.wait_for_url("**/sop/diskopukm/sekretariat/penyusunan-rka-dpa/")
    assert seen.outside == []
    assert seen.errors == []


def test_abbreviations_show_their_full_form_and_steps_link_to_roles(visit, real_url):
    seen = visit(f"{real_url}sop/diskopukm/sekretariat/penyusunan-rka-dpa/")
    abbr = seen.page.locator("table.sop-prosedur abbr", has_text="BKAD").first
    assert abbr.get_attribute("title") == "Badan Keuangan dan Aset Daerah"
    seen.page.locator("#langkah-16 td a").first.click()
    seen.page.wait_for_url("**/pelaksana/diskopukm/sekretariat/anggota-tim/")
    assert seen.page.locator("h1").inner_text() == "Anggota Tim Kerja"
    assert seen.outside == []
