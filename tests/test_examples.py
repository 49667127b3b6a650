"""The example handbook of examples/lintas-instansi: five real SOP AP documents of five governments.

Built strictly in a project copy, as ``real_site`` is: every SOP page shows
its own agency's kop (the government line only where the form prints one),
its steps, and its decisions' branches in the diagram; every page of the site
opens in Chromium without errors or requests outside it, diagrams drawn; and
every SOP page prints to PDF as its form: the kop on the first sheet, the
form's header row on each flowchart sheet, every step, and none of the
screen's notes for reviewers.

The sources are built as they are, with what real documents hold: an
uncatalogued Dasar Hukum, a Keterkaitan outside the handbook, a Waktu per
case, steps whose pelaksana is not stated, step numbers the document skips,
a branch that ends the procedure, fields the copy does not show legibly.
"""

from __future__ import annotations

import html
import re

import pytest
from sop_handbook.model import Sop

from . import browsing
from .browsing import pdf_pages, squeezed
from .conftest import ROOT, BuildResult, build, load, make_project

EXAMPLE = ROOT / "examples" / "lintas-instansi" / "sop_source"
# On the screen only: the page's notes for reviewers, which the printed form leaves out.
REVIEWER_NOTES = ("Tertulis di dokumen sumber", "Catatan sumber untuk peninjau")


pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def example() -> tuple[Sop, ...]:
    return load(EXAMPLE, EXAMPLE.parent).sops


@pytest.fixture(scope="module")
def example_site(tmp_path_factory) -> BuildResult:
    project = make_project(tmp_path_factory.mktemp("lintas-instansi"), sorted(EXAMPLE.glob("*.yaml")))
    result = build(project)
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="module")
def example_url(example_site):
    yield from browsing.serve(example_site.site)


def sop_path(sop: Sop) -> str:
    return f"sop/{sop.instansi.id}/{sop.unit.id}/{sop.id}/"


def kop_lines(sop: Sop) -> list[str]:
    """The kop as the agency's form prints it: its government if it prints one, its own lines, its unit."""
    instansi = sop.instansi
    government = [instansi.pemerintah] if instansi.pemerintah else []
    return [*government, *(instansi.kop or [instansi.nama]), *sop.unit.jalur]


def text_of(page: str) -> str:
    """A page's text: tags (the glossary's abbreviations among them) removed, whitespace collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def page_kop(page: str) -> list[str]:
    found = re.search(r'<div class="sop-kop"[^>]*>(.*?)</div>', page, re.S)
    assert found, "the page has no kop"
    return [html.unescape(line) for line in re.findall(r"<p>(.*?)</p>", found.group(1))]


def test_the_example_is_five_agencies_of_different_governments(example):
    governments = {sop.instansi.pemerintah for sop in example}
    assert len(example) >= 5 and len({sop.instansi.id for sop in example}) >= 5
    assert {"Pemerintah Kota Medan", "Kementerian Agama Republik Indonesia", None} <= governments
    assert sum(any(step.jenis == "keputusan" for step in sop.langkah) for sop in example) >= 2


def test_the_example_is_written_as_its_documents_are(example):
    sops = {sop.id: sop for sop in example}
    assert [step.no for step in sops["izin-prinsip"].langkah] == [1, 2, 3, 4, 6, 7, 8]  # the document skips 5
    assert sops["pelayanan-pilam"].langkah[3].tidak == "selesai"  # the guest refused: the procedure ends
    assert "dasar_hukum" in sops["rekomendasi-produk-asal-hewan"].tidak_terbaca  # the copy stops mid-list
    assert "tidak" in sops["pengurusan-surat-masuk"].langkah[1].tidak_terbaca


def test_the_example_builds_strictly_without_errors(example_site):
    assert "ERROR" not in example_site.output and "WARNING" not in example_site.output, example_site.output


def test_each_sop_page_shows_its_own_kop_and_its_steps(example_site, example):
    for sop in example:
        page = (example_site.site / sop_path(sop) / "index.html").read_text(encoding="utf-8")
        assert page_kop(page) == [line.upper() for line in kop_lines(sop)], sop.id
        if sop.instansi.pemerintah is None:
            assert not any(line.startswith(("PEMERINTAH", "KEMENTERIAN")) for line in page_kop(page)), sop.id
        text = text_of(page).replace(" ", "")
        for step in sop.langkah:
            assert step.kegiatan.replace(" ", "") in text, (sop.id, step.no)


def test_decisions_are_drawn_with_both_branches(example_site, example):
    for sop in example:
        page = html.unescape((example_site.site / sop_path(sop) / "index.html").read_text(encoding="utf-8"))
        for step in sop.langkah:
            if step.jenis != "keputusan":
                continue
            assert re.search(rf's{step.no}\{{"{step.no}\. ', page), (sop.id, step.no)  # a diamond
            assert f's{step.no} -->|"Ya"|' in page and f's{step.no} -->|"Tidak"|' in page, (sop.id, step.no)
            if step.tidak == "selesai":  # the branch ends the procedure
                assert f's{step.no} -->|"Tidak"| selesai\n' in page, (sop.id, step.no)
            elif step.tidak is not None:
                assert f's{step.no} -->|"Tidak"| s{step.tidak}\n' in page, (sop.id, step.no)
            else:
                state = "terbaca di salinan" if "tidak" in step.tidak_terbaca else "tercantum"
                assert f's{step.no} -->|"Tidak"| tidak_{step.no}(["tujuan tidak {state}"])' in page


def test_every_page_opens_in_the_browser_without_problems(browser, example_site, example_url, example):
    context = browsing.new_context(browser)
    try:
        problems, drawn = browsing.walk(context, example_url, browsing.site_pages(example_site.site))
    finally:
        context.close()
    assert problems == {}
    assert drawn >= len(example)


@pytest.fixture(scope="module")
def printed(browser, example_url, example, tmp_path_factory) -> dict[str, list[str]]:
    """Each SOP page printed to PDF as a reader's Print does: its pages' text, by SOP id."""
    context = browsing.new_context(browser, traps=False)
    folder = tmp_path_factory.mktemp("pdf")
    pages = {}
    try:
        for sop in example:
            seen = browsing.visit(context, example_url + sop_path(sop))
            seen.page.pdf(path=str(folder / f"{sop.id}.pdf"), prefer_css_page_size=True, print_background=True)
            assert seen.outside == [] and seen.errors == [] and seen.failed == [], sop.id
            pages[sop.id] = pdf_pages(folder / f"{sop.id}.pdf")
            seen.page.close()
    finally:
        context.close()
    return pages


def test_each_sop_prints_as_its_own_form(printed, example, example_site):
    screen = " ".join(text_of((example_site.site / sop_path(sop) / "index.html").read_text("utf-8")) for sop in example)
    assert all(note in screen for note in REVIEWER_NOTES)  # on the screen, so their absence below means something
    for sop in example:
        pages = printed[sop.id]
        assert len(pages) >= 2, sop.id  # the identity part, then the flowchart part
        for line in kop_lines(sop):  # the kop heads the form's first sheet
            assert squeezed(line.upper()) in pages[0].upper(), (sop.id, line)
        for number, text in enumerate(pages[1:], 2):  # each flowchart sheet has the form's header row
            assert "NoKegiatanPelaksanaMutuBakuKeterangan" in text, (sop.id, number)
        for number, text in enumerate(pages, 1):
            for note in REVIEWER_NOTES:
                assert squeezed(note) not in text, (sop.id, number, note)
        for step in sop.langkah:
            assert squeezed(step.kegiatan) in "".join(pages[1:]), (sop.id, step.no)


def test_a_form_without_a_government_line_prints_none(printed, example):
    others = {line for sop in example for line in kop_lines(sop)[:1] if sop.instansi.pemerintah}
    for sop in example:
        if sop.instansi.pemerintah is None:
            assert not any(squeezed(line.upper()) in printed[sop.id][0].upper() for line in others), sop.id
