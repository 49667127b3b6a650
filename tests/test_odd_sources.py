"""Odd but legal sources build: Windows line endings with a byte-order mark,
very long text, emoji and right-to-left text in free-text fields.

The odd SOP is written here byte for byte (a BOM, then CRLF lines) and added
to the real handbook. It loads without errors, its data-quality notes point at
the lines an editor shows, and ``mkdocs build --strict`` shows each odd text
literally (HTML-escaped) on its page.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from sop_handbook.text import h

from .conftest import build, load, make_project, real_sources

ARABIC = "ملخص الوثيقة الرسمية"
HEBREW = "אזהרה: לשמור במקום יבש"
EMOJI = "Naskah tercatat 📄✅ siap diarsipkan 🗂️"
JUDUL = "Pengarsipan Naskah 📁 Multibahasa"
# 5 000 characters of one kegiatan, with characters HTML must escape.
_CATAT = "Mencatat naskah masuk R&D <lampiran> beserta nomor agenda, tanggal terima dan asal naskah; "
LONG = (_CATAT * 60)[:5000]
PASIF = "Arsip ditandatangani oleh pengolah"  # not an active verb: a data-quality note on its line

SOURCE = f"""\
# yaml-language-server: $schema=../schema/sop.schema.json
id: sop-aneh
instansi: diskopukm
unit: sekretariat
judul: {JUDUL}
nomor: 000.8/0001/013/koPukem
nama: {JUDUL}
kategori: [pelaporan]
tanggal_pembuatan: 2023-08-31
tanggal_revisi: 2099-12-31
tanggal_efektif: 2023-09-01
disahkan_oleh:
  pejabat: kepala-dinas-diskopukm
  tertulis:
    nama: Drs. Junaidi, MM
    nip: 19650809 198603 1 012
dasar_hukum:
  - peraturan: uu-23-2014
    tertulis: Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah
kualifikasi_pelaksana:
  - "Membaca naskah berbahasa Arab: {ARABIC}"
keterkaitan:
  - sop: penyusunan-lkpj
peralatan_perlengkapan:
  - Komputer 💻
peringatan: "{HEBREW}"
pencatatan_pendataan:
  - Buku agenda naskah
catatan_sumber:
  - Berkas ini sengaja memakai BOM dan akhir baris Windows (CRLF).
langkah:
  - no: 1
    kegiatan: "{LONG}"
    pelaksana: anggota-tim
    mutu_baku: {{kelengkapan: Naskah masuk, waktu: 2 Jam, output: "{EMOJI}"}}
  - no: 2
    kegiatan: "{ARABIC}"
    label: Menerjemahkan ringkasan
    pelaksana: ketua-tim
    mutu_baku: {{waktu: 1 Hari, output: "{HEBREW}"}}
  - no: 3
    kegiatan: {PASIF}
    pelaksana: sekretaris
    mutu_baku: {{waktu: 30 Menit, output: Arsip}}
"""
FILE = "sop-aneh.yaml"
PAGE = Path("sop") / "diskopukm" / "sekretariat" / "sop-aneh" / "index.html"


def odd_bytes() -> bytes:
    """The odd SOP as a Windows editor saves it: a byte-order mark, then CRLF lines."""
    return b"\xef\xbb\xbf" + SOURCE.replace("\n", "\r\n").encode("utf-8")


def line_of(text: str) -> int:
    """The line an editor shows for the first line containing ``text``."""
    return next(n for n, line in enumerate(SOURCE.splitlines(), 1) if text in line)


def odd_sources(target: Path) -> Path:
    """A copy of the real sources plus the odd SOP in ``target/sop_source``."""
    source_dir = target / "sop_source"
    source_dir.mkdir(parents=True)
    for path in real_sources():
        shutil.copy2(path, source_dir / path.name)
    (source_dir / FILE).write_bytes(odd_bytes())
    return source_dir


def test_the_odd_file_has_the_odd_bytes():
    data = odd_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.count(b"\r\n") == data.count(b"\n") == len(SOURCE.splitlines())
    assert len(LONG) == 5000


def test_odd_sources_load_without_errors(tmp_path):
    handbook = load(odd_sources(tmp_path), tmp_path)
    sop = next(s for s in handbook.sops if s.id == "sop-aneh")
    assert sop.judul == JUDUL
    assert [step.kegiatan for step in sop.langkah] == [LONG, ARABIC, PASIF]
    assert sop.langkah[0].mutu_baku.output == EMOJI
    assert sop.peringatan == HEBREW
    assert sop.kualifikasi_pelaksana == (f"Membaca naskah berbahasa Arab: {ARABIC}",)
    assert "\r" not in "".join(step.kegiatan for step in sop.langkah)


def test_notes_on_the_crlf_file_name_the_lines_an_editor_shows(tmp_path):
    handbook = load(odd_sources(tmp_path), tmp_path)
    notes = {str(p) for p in handbook.catatan_mutu if p.file == f"sop_source/{FILE}"}
    for key, text in [("langkah[1].kegiatan", ARABIC), ("langkah[2].kegiatan", PASIF)]:
        line = line_of(f"kegiatan: {text}" if text == PASIF else f'kegiatan: "{text}"')
        expected = (
            f"sop_source/{FILE}:{line}: {key}: kegiatan sebaiknya diawali kata kerja aktif tanpa subjek "
            "(mis. 'Menyusun ...')"
        )
        assert expected in notes, notes


@pytest.mark.build
def test_odd_sources_build_and_show_their_text_literally(tmp_path):
    project = make_project(tmp_path / "proyek", real_sources())
    (project / "sop_source" / FILE).write_bytes(odd_bytes())
    result = build(project)
    assert result.returncode == 0, result.output
    assert "Traceback" not in result.output
    html = (result.site / PAGE).read_text(encoding="utf-8")
    for text in (JUDUL, LONG, ARABIC, HEBREW, EMOJI, "Komputer 💻"):
        assert h(text) in html, text[:40]
    assert "R&amp;D &lt;lampiran&gt;" in html
    assert "<lampiran>" not in html
    assert "\ufeff" not in html
    # The build lists the notes with the lines an editor shows, and the source page has them at those lines.
    line = line_of(f"kegiatan: {PASIF}")
    assert f"Catatan mutu data: sop_source/{FILE}:{line}: langkah[2].kegiatan:" in result.output
    source = (result.site / "sumber" / "sop-aneh" / "index.html").read_text(encoding="utf-8")
    shown = re.search(rf'<span id="L{line}">(.*?)</span>', source)
    assert shown is not None
    assert shown.group(1) == f"    kegiatan: {h(PASIF)}"
    assert "\ufeff" not in source
    numbers = "\n".join(str(n) for n in range(1, len(SOURCE.splitlines()) + 1))  # CRLF is one line break, not two
    assert f'<pre class="nomor" aria-hidden="true">{numbers}</pre>' in source
