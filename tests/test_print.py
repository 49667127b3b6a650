"""Printing an SOP page: the official SOP AP form, checked in Chromium's print and its PDF.

Each SOP page of both handbooks is printed to PDF by headless Chromium (as a
reader's "Print" does, with the page's own @page size) and the PDF is read
with pdfium: every page A4 landscape; the identity part, then the flowchart
part on the pages ``bagan`` planned, each step's row whole on its page; the
rows no taller than the drawing made for them (else the arrows would not
meet). One page is rendered to PNG in tests/output/ to look at.
"""

from __future__ import annotations

import re
import struct
import zlib
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from sop_handbook import bagan
from sop_handbook.model import Sop

from .conftest import FIXTURES, ROOT, load

pytestmark = pytest.mark.browser

OUTPUT = Path(__file__).parent / "output"
REAL = load(ROOT / "sop_source", ROOT)
FIXTURE = load(FIXTURES / "multi")
A4_LANDSCAPE = (297, 210)  # mm
ROWS_AND_DRAWINGS = """() => [...document.querySelectorAll("table.sop-prosedur tbody tr")].map(tr => [
    tr.getBoundingClientRect().height, tr.querySelector("td.sop-bagan svg").getBoundingClientRect().height])"""
VISIBLE = """(selector) => [...document.querySelectorAll(selector)]
    .filter(e => getComputedStyle(e).display !== "none" && e.getClientRects().length).length"""


def sop_path(sop: Sop) -> str:
    return f"sop/{sop.instansi.id}/{sop.unit.id}/{sop.id}/"


def squeezed(text: str) -> str:
    """Only the text's ASCII letters and digits: a cell's text is found however it was wrapped
    into lines, and whatever order the PDF keeps right-to-left text and emoji in."""
    return re.sub(r"[^A-Za-z0-9]+", "", text)


def print_pdf(visit, url: str, path: Path) -> list[str]:
    """Print ``url`` to ``path`` as Chromium's print does; the PDF's pages' text."""
    seen = visit(url)
    seen.page.pdf(path=str(path), prefer_css_page_size=True, print_background=True)
    assert seen.outside == [] and seen.errors == []
    document = pdfium.PdfDocument(str(path))
    sizes = {tuple(round(x / 72 * 25.4) for x in page.get_size()) for page in document}
    assert sizes == {A4_LANDSCAPE}
    return [page.get_textpage().get_text_range() for page in document]


CASES = [(sop, "real") for sop in REAL.sops] + [(sop, "fixture") for sop in FIXTURE.sops]


@pytest.mark.parametrize(("sop", "site"), CASES, ids=[f"{site}-{sop.id}" for sop, site in CASES])
def test_an_sop_page_prints_as_the_form_on_the_planned_pages(visit, real_url, fixture_url, tmp_path, sop, site):
    url = (real_url if site == "real" else fixture_url) + sop_path(sop)
    pages = [squeezed(text) for text in print_pdf(visit, url, tmp_path / "sop.pdf")]
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


@pytest.mark.parametrize("sop", REAL.sops, ids=lambda sop: sop.id)
def test_in_print_the_rows_fit_their_drawings_and_only_the_form_shows(visit, real_url, sop):
    seen = visit(real_url + sop_path(sop))
    page = seen.page
    assert page.evaluate(VISIBLE, ".sop-cetak") == 0  # on screen, the print-only parts are hidden
    page.emulate_media(media="print")
    for row, drawing in page.evaluate(ROWS_AND_DRAWINGS):
        assert row <= drawing + 2, (row, drawing)  # the border; any more and an arrow would break
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
    assert all(box[a]["bottom"] <= box[b]["top"] + 1 for a, b in zip(fields, fields[1:]))
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


def write_png(path: Path, width: int, height: int, channels: int, rows: list[bytes]) -> None:
    """A plain RGB PNG (no imaging library needed)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    rgb = [row if channels == 3 else b"".join(row[x : x + 3] for x in range(0, len(row), channels)) for row in rows]
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    body = zlib.compress(b"".join(b"\x00" + row for row in rgb), 6)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", body) + chunk(b"IEND", b""))
