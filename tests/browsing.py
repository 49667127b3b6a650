"""Driving Debian's headless Chromium against a built site served on 127.0.0.1.

Material draws each diagram into a closed shadow root; an init script opens
it so that tests can read the SVG. Every request that would leave 127.0.0.1
is recorded and refused.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

from playwright.sync_api import Page

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


@dataclass
class Visit:
    """A page opened in the browser, with what it did."""

    page: Page
    outside: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


def serve(directory: Path) -> Iterator[str]:
    handler = functools.partial(QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    server.server_close()


def visit(context, url: str, diagram: bool = True) -> Visit:
    """Open ``url``, record what leaves the site, dialogs and errors; wait for the diagram."""
    page = context.new_page()
    visit = Visit(page)

    def route(route):
        if urlparse(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            visit.outside.append(route.request.url)
            route.abort()

    page.route("**/*", route)
    page.on("dialog", lambda dialog: (visit.dialogs.append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda error: visit.errors.append(str(error)))
    page.goto(url)
    if diagram:
        page.wait_for_function(DIAGRAM_DRAWN, timeout=20_000)
    page.wait_for_load_state("networkidle")
    return visit
