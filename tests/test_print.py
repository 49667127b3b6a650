"""Printing an SOP page: the official SOP AP form, checked in Chromium's print and its PDF.

Each SOP page of both handbooks is printed to PDF by headless Chromium (as a
reader's "Print" does, with the page's own @page size) and the PDF is read
with pdfium: every page A4 landscape; the identity part, then the flowchart
part on the pages ``bagan`` planned, each step's row whole on its page; the
rows no taller than the drawing made for them (else the arrows would not
meet). One page is rendered to PNG in tests/output/ to look at.
"""

from __future__ import annotations

import dataclasses
import itertools
import string
import struct
import zlib
from collections.abc import Iterator
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from playwright.sync_api import Browser, Page
from sop_handbook import bagan, render_sop
from sop_handbook.model import Sop

from . import browsing
from .browsing import pdf_pages, squeezed
from .conftest import FIXTURES, ROOT, build, build_command, load, make_project, real_sources

pytestmark = pytest.mark.browser

OUTPUT = Path(__file__).parent / "output"
REAL = load(ROOT / "sop_source", ROOT)
FIXTURE = load(FIXTURES / "multi")
F4_LANDSCAPE = (330, 215)
ROWS_AND_DRAWINGS = """() => [...document.querySelectorAll("table.sop-prosedur tbody tr")].map(tr => [
    tr.getBoundingClientRect().height, tr.querySelector("td.sop-bagan svg").getBoundingClientRect().height])"""
VISIBLE = """(selector) => [...document.querySelectorAll(selector)]
    .filter(e => getComputedStyle(e).display !== "none" && e.getClientRects().length).length"""


def sop_path(sop: Sop) -> str:
    return f"sop/{sop.instansi.id}/{sop.unit.id}/{sop.id}/"


def print_pdf(visit, url: str, path: Path, diagram: bool = True) -> list[str]:
    """Print ``url`` to ``path`` as Chromium's print does; the A4 landscape PDF's pages' text (``pdf_pages``)."""
    seen = visit(url, diagram=diagram)
    seen.page.pdf(path=str(path), prefer_css_page_size=True, print_background=True)
    assert seen.outside == [] and seen.errors == []
    return pdf_pages(path)


CASES = [(sop, "real") for sop in REAL.sops] + [(sop, "fixture") for sop in FIXTURE.sops]


@pytest.mark.parametrize(("sop", "site"), CASES, ids=[f"{site}-{sop.id}" for sop, site in CASES])
def test_an_sop_page_prints_as_the_form_on_the_planned_pages(visit, real_url, fixture_url, tmp_path, sop, site):
    url = (real_url if site == "real" else fixture_url) + sop_path(sop)
    pages = print_pdf(visit, url, tmp_path / "sop.pdf")
    drawn = bagan.draw(sop)
    identity = len(pages) - len(drawn.halaman)
    # The identity part, on one page for the real SOPs in the form's grid, then a page per planned flowchart page.
    assert identity == 1 if site == "real" else 1 <= identity <= 2, len(pages)
    assert squeezed(sop.nomor) in "".join(pages[:identity])
    for number, rows in enumerate(drawn.halaman):
        page = pages[identity + number]
        assert "NoKegiatanPelaksanaMutuBakuKeterangan" in page  # the form's header, on every page
        for index in rows:
            text = squeezed(sop.langkah[index].kegiatan)
            assert text in page, (sop.langkah[index].no, number)
            assert sum(text in other for other in pages) == 1  # whole on one page: no row is split
    assert "Totalwaktu" in pages[-1]


# Words of every kind the estimate has to allow for: narrow and wide letters, capitals, digits and
# punctuation, words longer than a column, accented Latin, other scripts and emoji.
WORDS = st.one_of(
    st.text(alphabet=string.ascii_lowercase, min_size=1, max_size=14),
    st.text(alphabet=string.ascii_uppercase, min_size=1, max_size=14),
    st.text(alphabet=string.digits + "./-,():;", min_size=1, max_size=10),
    st.text(alphabet="MWmw@%QG", min_size=1, max_size=45),
    st.text(alphabet="ilI.,;:|!'", min_size=1, max_size=45),
    st.text(alphabet="éÉüÜñçàÀÖß", min_size=1, max_size=10),
    st.sampled_from(["日本語の文書", "نص عربي طويل", "😀🎉📄", "Ελληνικά", "Кириллица"]),
)
TEXTS = st.lists(WORDS, min_size=1, max_size=70).map(" ".join)
OPTIONAL = st.none() | TEXTS


@pytest.fixture(scope="module")
def print_page(browser: Browser, real_url: str) -> Iterator[Page]:
    """A real SOP page in print emulation, whose flowchart table the test replaces."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.goto(real_url + sop_path(REAL.sop("penyusunan-rka-dpa")))
    page.wait_for_load_state("networkidle")
    page.emulate_media(media="print")
    yield page
    context.close()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(TEXTS, OPTIONAL, OPTIONAL, OPTIONAL), min_size=2, max_size=4))
@example([("M" * 300, "W" * 200, "MW " * 60, None), ("ﬃ " * 80, None, None, "@" * 90)])
def test_printed_rows_of_any_text_fit_the_height_planned_for_them(print_page, texts):
    """The build plans each printed row's height from its text (``cetak.row_height``); Chromium's row
    must never be taller than that, or the arrows would not meet and the pages would not be as planned."""
    base = REAL.sop("penyusunan-rka-dpa")
    steps = []
    for index, (kegiatan, kelengkapan, output, keterangan) in enumerate(texts):
        step = base.langkah[index]
        mutu = dataclasses.replace(step.mutu_baku, kelengkapan=kelengkapan, output=output)
        steps.append(dataclasses.replace(step, kegiatan=kegiatan, mutu_baku=mutu, keterangan=keterangan))
    sop = dataclasses.replace(base, langkah=(*steps, base.langkah[-1]))
    table = render_sop.prosedur_table(sop, REAL.konvensi)
    print_page.evaluate("html => { document.querySelector('table.sop-prosedur').outerHTML = html; }", table)
    for number, (row, drawing) in enumerate(print_page.evaluate(ROWS_AND_DRAWINGS), start=1):
        assert row <= drawing + 2, (number, row, drawing)


def test_the_book_prints_a_cover_contents_and_every_sop_as_its_form(visit, real_url, tmp_path):
    """buku/: cover, table of contents, a title page for the unit, then each SOP as it prints alone."""
    pages = print_pdf(visit, real_url + "buku/", tmp_path / "buku.pdf", diagram=False)
    sops = [sop for _, _, unit_sops in REAL.per_unit() for sop in unit_sops]
    assert squeezed(REAL.pemerintahan[0].upper()) in pages[0] and "BukuPedomanSOP" in pages[0]
    contents = pages[1]
    assert contents.startswith("DaftarIsiSekretariat")
    positions = [contents.index(squeezed(sop.judul_tampil)) for sop in sops]
    assert positions == sorted(positions)  # in the nav's order
    assert pages[2] == "Sekretariat"
    at = 3
    for sop in sops:
        drawn = bagan.draw(sop)
        assert squeezed(sop.nomor) in pages[at] and "DasarHukum" in pages[at], sop.id  # the identity part
        for number, rows in enumerate(drawn.halaman, start=1):
            assert "NoKegiatanPelaksanaMutuBakuKeterangan" in pages[at + number], (sop.id, number)
            for index in rows:
                assert squeezed(sop.langkah[index].kegiatan) in pages[at + number], (sop.id, index)
        at += 1 + len(drawn.halaman)
    assert at == len(pages)


@pytest.mark.parametrize("sop", REAL.sops, ids=lambda sop: sop.id)
def test_in_print_the_rows_fit_their_drawings_and_only_the_form_shows(visit, real_url, sop):
    seen = visit(real_url + sop_path(sop))
    page = seen.page
    assert page.evaluate(VISIBLE, ".sop-cetak") == 0  # on screen, the print-only parts are hidden
    page.emulate_media(media="print")
    for row, drawing in page.evaluate(ROWS_AND_DRAWINGS):
        assert row <= drawing + 2, (row, drawing)  # the border; any more and an arrow would break
    assert page.evaluate(VISIBLE, ".sop-tertulis") == 0 < page.locator(".sop-tertulis").count()  # notes: screen only
    for hidden in (".md-header", ".md-sidebar", ".md-footer", "figure.sop-diagram", ".sop-layar", "h1"):
        assert page.evaluate(VISIBLE, hidden) == 0, hidden
    assert page.evaluate(VISIBLE, "td.sop-bagan svg") == len(sop.langkah)
    assert page.evaluate(VISIBLE, "table.sop-identitas tr") == 12  # the fields of the form; Unit Kerja is the kop's
    assert page.evaluate(VISIBLE, ".sop-ttd") == 1  # room for the signature


BOXES = """() => Object.fromEntries([
    ["kop", document.querySelector(".sop-kop")],
    ...[...document.querySelectorAll("table.sop-identitas tr")].map(tr => [tr.querySelector("th").textContent, tr]),
].map(([name, e]) => { const r = e.getBoundingClientRect();
    return [name, {left: r.left, right: r.right, top: r.top, bottom: r.bottom, shown: r.height > 0}]; }))"""


@pytest.mark.parametrize("sop", REAL.sops, ids=lambda sop: sop.id)
def test_the_identity_part_prints_in_the_forms_grid(visit, real_url, sop):
    """The header left of the six fields Nomor SOP to Nama SOP, then the form's three pairs of boxes."""
    page = visit(real_url + sop_path(sop)).page
    page.emulate_media(media="print")
    box = page.evaluate(BOXES)
    assert not box.pop("Unit Kerja")["shown"]  # the header names the unit
    kop, fields = box["kop"], ["Nomor SOP", "Tanggal Pembuatan", "Tanggal Revisi", "Tanggal Efektif"]
    fields += ["Disahkan oleh", "Nama SOP"]
    assert all(abs(box[f]["left"] - kop["right"]) < 2 for f in fields)  # beside the header, one under another
    assert abs(box[fields[0]]["top"] - kop["top"]) < 2 and abs(box[fields[-1]]["bottom"] - kop["bottom"]) < 2
    assert all(box[a]["bottom"] <= box[b]["top"] + 1 for a, b in itertools.pairwise(fields))
    pairs = [("Dasar Hukum", "Kualifikasi Pelaksana"), ("Keterkaitan", "Peralatan/Perlengkapan")]
    pairs += [("Peringatan", "Pencatatan dan Pendataan")]
    above = kop["bottom"]
    for left, right in pairs:
        assert abs(box[left]["left"] - kop["left"]) < 2 and abs(box[left]["right"] - kop["right"]) < 2
        assert abs(box[right]["left"] - kop["right"]) < 2 and abs(box[right]["right"] - box["Nomor SOP"]["right"]) < 2
        assert abs(box[left]["top"] - above) < 2 and abs(box[right]["top"] - above) < 2  # side by side
        above = max(box[left]["bottom"], box[right]["bottom"])


def test_a_printed_flowchart_page_looks_like_the_form(visit, real_url, tmp_path):
    """Renders the first flowchart page of the RKA/DPA SOP to tests/output/ for people to look at."""
    sop = REAL.sop("penyusunan-rka-dpa")
    pdf_path = tmp_path / "rka-dpa.pdf"
    pages = print_pdf(visit, real_url + sop_path(sop), pdf_path)
    first_flowchart = len(pages) - len(bagan.draw(sop).halaman)
    document = pdfium.PdfDocument(str(pdf_path))
    bitmap = document[first_flowchart].render(scale=1.5, rev_byteorder=True)
    width, height, channels = bitmap.width, bitmap.height, bitmap.n_channels
    data = bytes(bitmap.buffer)
    rows = [data[y * bitmap.stride : y * bitmap.stride + width * channels] for y in range(height)]
    OUTPUT.mkdir(exist_ok=True)
    write_png(OUTPUT / "rka-dpa-cetak.png", width, height, channels, rows)
    dark = sum(1 for row in rows[::4] for x in range(0, width * channels, channels * 4) if row[x] < 128)
    assert dark > 500  # lines, symbols and text, not a blank page


def test_a_pdf_build_writes_and_links_a_pdf_of_each_sop_and_of_the_book(tmp_path):
    """``SOP_PDF=1`` (make pdf, make publish): Chromium prints every SOP page and the book of the built site."""
    result = build_command(make_project(tmp_path, real_sources()), SOP_PDF="1", CHROMIUM=browsing.CHROMIUM)
    assert result.returncode == 0, result.output
    assert "PDF: 7 berkas ditulis" in result.output
    for sop in REAL.sops:
        folder = result.site / sop_path(sop)
        html = (folder / "index.html").read_text(encoding="utf-8")
        assert f'<a href="{sop.id}.pdf" download>Unduh PDF</a>' in html  # beside the page
        pages = pdf_pages(folder / f"{sop.id}.pdf")
        assert len(pages) == 1 + len(bagan.draw(sop).halaman), sop.id  # the identity part, the flowchart's pages
        assert squeezed(sop.nomor) in pages[0] and "NoKegiatanPelaksanaMutuBakuKeterangan" in pages[1]
    book = pdf_pages(result.site / "buku" / "buku-pedoman-sop.pdf")
    assert len(book) == 3 + sum(1 + len(bagan.draw(sop).halaman) for sop in REAL.sops)  # cover, contents, unit
    assert "BukuPedomanSOP" in book[0]
    assert '<a href="buku/buku-pedoman-sop.pdf" download>unduh PDF</a>' in (result.site / "index.html").read_text(
        encoding="utf-8"
    )


def test_on_f4_every_sop_prints_on_folio_with_a_wider_kegiatan_on_the_pages_planned_for_it(visit, tmp_path):
    """``make pdf KERTAS=F4`` (mkdocs.yml's extra.kertas): the same form on 330 x 215 mm."""
    result = build(make_project(tmp_path, real_sources()), SOP_KERTAS="F4")
    assert result.returncode == 0, result.output
    for url in browsing.serve(result.site):
        for sop in REAL.sops:
            seen = visit(url + sop_path(sop))
            seen.page.pdf(path=str(tmp_path / "f4.pdf"), prefer_css_page_size=True, print_background=True)
            pages = pdf_pages(tmp_path / "f4.pdf", F4_LANDSCAPE)
            drawn = bagan.draw(sop, bagan.F4)
            assert len(pages) == 1 + len(drawn.halaman), sop.id
            for number, rows in enumerate(drawn.halaman, start=1):
                for index in rows:
                    text = squeezed(sop.langkah[index].kegiatan)
                    assert text in pages[number] and sum(text in page for page in pages) == 1, (sop.id, index)
            seen.page.emulate_media(media="print")
            for row, drawing in seen.page.evaluate(ROWS_AND_DRAWINGS):
                assert row <= drawing + 2, (sop.id, row, drawing)
            kegiatan = seen.page.evaluate("document.querySelector('tr.sop-lebar td:nth-child(2)').className")
            assert (
                kegiatan == f"sop-l{drawn.tata.kolom_teks['kegiatan']:.0f}" and drawn.tata.kolom_teks["kegiatan"] > 95
            )


FILLED = "(document.querySelector('.sop-monitoring [data-isi=nomor]')?.textContent ?? '') !== ''"


def test_the_monitoring_form_names_an_sop_without_nama_sop_by_its_title(visit, real_url):
    sop = REAL.sop("penyusunan-renja-renstra")
    assert sop.nama is None
    seen = visit(real_url + sop_path(sop))
    seen.page.click("a:text('Formulir monitoring')")
    seen.page.wait_for_function(FILLED)
    assert seen.page.locator(".sop-monitoring-data [data-isi=nama]").inner_text() == sop.judul_tampil
    assert seen.page.locator(".sop-monitoring-data [data-isi=nomor]").inner_text() == sop.nomor


def test_the_monitoring_form_has_the_kop_of_the_sops_own_government(visit, fixture_url, real_url):
    blank = visit(fixture_url + "formulir-monitoring/", diagram=False)
    assert blank.page.locator(".sop-kop [data-isi=pemerintah]").inner_text() == ""  # two governments: by hand
    other = FIXTURE.sop("laporan-badan")
    seen = visit(fixture_url + f"formulir-monitoring/?sop=badan-b/sekretariat/{other.id}", diagram=False)
    seen.page.wait_for_function(FILLED)
    assert seen.page.locator(".sop-kop [data-isi=pemerintah]").inner_text() == "PEMERINTAH KOTA CONTOH"
    one = visit(real_url + "formulir-monitoring/", diagram=False)  # one government: printed on the blank form
    assert one.page.locator(".sop-kop [data-isi=pemerintah]").inner_text() == "PEMERINTAH PROVINSI KALIMANTAN BARAT"


def test_the_monitoring_form_is_filled_from_an_sop_page_as_text_and_prints_on_one_page(visit, fixture_url, tmp_path):
    """The hostile SOP's name, number and unit reach the shared form through the link, as text only."""
    sop = FIXTURE.sop("teks-berbahaya")
    seen = visit(fixture_url + sop_path(sop))
    seen.page.click("a:text('Formulir monitoring')")
    seen.page.wait_for_function(FILLED)
    assert seen.page.url.startswith(fixture_url + "formulir-monitoring/?")
    filled = seen.page.evaluate(
        """() => [...document.querySelectorAll(".sop-monitoring [data-isi]")].map(e => [e.dataset.isi, e.textContent,
            e.children.length])"""
    )
    unit = f"{sop.unit.nama}, {sop.instansi.nama}"
    kop = ["pemerintah", sop.instansi.pemerintah.upper(), 0]  # blank until filled: the handbook has two governments
    assert filled == [kop, ["unit", unit, 0], ["nama", sop.nama, 0], ["nomor", sop.nomor, 0], ["nama", sop.nama, 0]]
    assert seen.page.evaluate("document.querySelectorAll('.sop-monitoring :is(img, script, b)').length") == 0
    assert seen.errors == [] and seen.outside == []
    seen.page.pdf(path=str(tmp_path / "monitoring.pdf"), prefer_css_page_size=True, print_background=True)
    pages = pdf_pages(tmp_path / "monitoring.pdf")
    assert len(pages) == 1
    assert "FORMULIRMONITORINGPELAKSANAANSOPAP" in pages[0] and squeezed(sop.nama) in pages[0]
    assert "BerjalandenganbaikTidakberjalandenganbaik" in pages[0] and "Parafpenilai" in pages[0]


def write_png(path: Path, width: int, height: int, channels: int, rows: list[bytes]) -> None:
    """A plain RGB PNG (no imaging library needed)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    rgb = [row if channels == 3 else b"".join(row[x : x + 3] for x in range(0, len(row), channels)) for row in rows]
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    body = zlib.compress(b"".join(b"\x00" + row for row in rgb), 6)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", body) + chunk(b"IEND", b""))
