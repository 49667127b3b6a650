"""PDFs of every SOP and of the book, printed from the built site by headless Chromium.

``make pdf`` and ``make publish`` build with ``SOP_PDF=1``: after the site is
written, each SOP page and the book (``buku/``) are opened in Chromium over a
local HTTP server and printed with the page's own ``@page`` size, as a
reader's "Print" does; the printed form's flowchart is SVG written at build
time, so nothing waits for JavaScript. Each SOP's PDF sits beside its page
(``sop/<instansi>/<unit>/<id>/<id>.pdf``), which links to it ("Unduh PDF").

Only this module needs Playwright and Chromium, and only when PDFs are asked for.
"""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from . import links
from .model import Handbook, Sop

ENV = "SOP_PDF"  # mkdocs.yml maps it onto the plugin's ``pdf`` option
BUKU_PDF = "buku-pedoman-sop.pdf"  # beside the book's page (in buku/)
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]


def nama_berkas(sop: Sop) -> str:
    """The file name of an SOP's PDF, in its page's folder: ``<id>.pdf``."""
    return f"{sop.id}.pdf"


def sop_pdf(sop: Sop, directory_urls: bool = True) -> str:
    """The PDF's path in the site, beside the page's file: ``sop/<instansi>/<unit>/<id>/<id>.pdf``."""
    return links.page_folder(links.sop_src(sop), directory_urls) + nama_berkas(sop)


def buku_pdf(directory_urls: bool = True) -> str:
    """The book's PDF's path in the site, beside the book's page: ``buku/buku-pedoman-sop.pdf``."""
    return links.page_folder(links.BUKU, directory_urls) + BUKU_PDF


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # the standard library's names
        pass


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        """A browser that closes a page in the middle of a download is no error."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def served(site: Path) -> Iterator[str]:
    """A built ``site`` served over HTTP on 127.0.0.1, quietly; its base URL (the tests and the bench use it too)."""
    server = _Server(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


def write_all(
    site: Path, handbook: Handbook, chromium: str, book: bool = True, directory_urls: bool = True
) -> list[Path]:
    """Print every SOP page (and the ``book``) of the built ``site`` (its pages at directory URLs unless told)
    to PDF with ``chromium``; the files written."""
    try:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
    except ImportError as error:
        raise RuntimeError(f"{ENV}: Playwright tidak terpasang; jalankan lewat `make pdf`") from error
    by = directory_urls
    jobs = [(links.page_url(links.sop_src(sop), by), site / sop_pdf(sop, by)) for sop in handbook.sops if not sop.draf]
    if book:
        jobs.append((links.page_url(links.BUKU, by), site / buku_pdf(by)))
    written: list[Path] = []
    with served(site) as base, sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(executable_path=chromium, args=LAUNCH_ARGS)
        except PlaywrightError as error:
            message = f"{ENV}: Chromium ({chromium}) tidak dapat dijalankan; `make pdf` memasangnya"
            raise RuntimeError(message) from error
        try:
            page = browser.new_page()
            # The site is self-contained: anything asked from elsewhere is refused, never waited for.
            page.route(lambda url: not url.startswith(base), lambda route: route.abort())
            for url, target in jobs:
                page.goto(base + url, wait_until="networkidle")
                target.parent.mkdir(parents=True, exist_ok=True)
                page.pdf(path=str(target), prefer_css_page_size=True, print_background=True)
                written.append(target)
        finally:
            browser.close()
    return written
