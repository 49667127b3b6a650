"""SOP AP forms printed to PDF by Chromium, as an agency's word processor would: text, ruled tables,
and the flowchart's symbols as vector shapes in the pelaksana cells."""

from __future__ import annotations

import html
from pathlib import Path

from playwright.sync_api import Browser

from .formulir_uji import Formulir, Langkah

_CSS = """
@page { size: A4 landscape; margin: 12mm; }
body { font: 9pt sans-serif; }
table { border-collapse: collapse; width: 100%; margin-bottom: 4mm; }
td, th { border: 0.3mm solid #000; padding: 1mm; vertical-align: top; }
.kop { text-align: center; font-weight: bold; }
td.p { text-align: center; vertical-align: middle; height: 12mm; }
.baru { page-break-before: always; }
"""
_SHAPE = {
    "terminator": '<rect x="1" y="3" width="22" height="10" rx="5" fill="#fff" stroke="#000"/>',
    "proses": '<rect x="1" y="2" width="22" height="12" fill="#fff" stroke="#000"/>',
    "keputusan": '<polygon points="12,1 23,8 12,15 1,8" fill="#fff" stroke="#000"/>',
}


def _h(text: str) -> str:
    return html.escape(text)


def _shape(form: Formulir, step: Langkah) -> str:
    last = form.langkah[-1].no
    kind = "keputusan" if step.jenis == "keputusan" else "terminator" if step.no in (1, last) else "proses"
    return f'<svg width="24" height="16" viewBox="0 0 24 16">{_SHAPE[kind]}</svg>'


def _form_html(form: Formulir, first: bool, tanda: bool) -> str:
    kop = "<br>".join(_h(line) for line in form.kop)
    identity = "".join(f"<tr><th>{_h(label)}</th><td>{_h(value)}</td></tr>" for label, value in form.identitas)
    blocks = "".join(
        f"<tr><th>{_h(label)}</th><td>{'<br>'.join(f'{n}. {_h(item)}' for n, item in enumerate(items, 1))}</td></tr>"
        for label, items in form.daftar
    )
    lanes = len(form.kolom)
    head = (
        f'<tr><th rowspan="2">No</th><th rowspan="2">Kegiatan</th><th colspan="{lanes}">PELAKSANA</th>'
        '<th colspan="3">MUTU BAKU</th><th rowspan="2">Keterangan</th></tr><tr>'
        + "".join(f"<th>{_h(name)}</th>" for name in form.kolom)
        + "<th>Kelengkapan</th><th>Waktu</th><th>Output</th></tr>"
    )
    rows = ""
    for step in form.langkah:
        cells = "".join(
            f'<td class="p">{("√" if tanda else _shape(form, step)) if lane in step.pelaksana else ""}</td>'
            for lane in range(lanes)
        )
        mutu = "".join(f"<td>{_h(v)}</td>" for v in (step.kelengkapan, step.waktu, step.output, step.keterangan))
        rows += f"<tr><td>{step.no}</td><td>{_h(step.kegiatan)}</td>{cells}{mutu}</tr>"
    title = f"<p><b>{_h(form.judul)}</b></p>" if form.judul else ""
    return (
        f'<div class="{"" if first else "baru"}"><table><tr><td class="kop" rowspan="{len(form.identitas) + 1}">'
        f"{kop}</td></tr>{identity}</table><table>{blocks}</table></div>"
        f'<div class="baru">{title}<table><thead>{head}</thead><tbody>{rows}</tbody></table></div>'
    )


def tulis_pdf(browser: Browser, path: Path, forms: list[Formulir], tanda: bool = False) -> None:
    """The forms, one after another, printed to ``path``; with ``tanda`` a mark "√" in the pelaksana
    cells instead of the symbols."""
    body = "".join(_form_html(form, n == 0, tanda) for n, form in enumerate(forms))
    page = browser.new_page()
    try:
        page.set_content(f"<!doctype html><html><head><style>{_CSS}</style></head><body>{body}</body></html>")
        page.pdf(path=str(path), prefer_css_page_size=True)
    finally:
        page.close()
