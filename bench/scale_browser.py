"""The scale benchmark's measurements in a browser and under ``mkdocs serve`` (see ``scale.py``).

- ``diagram_times``: headless Chromium (Debian's), a new context (cold cache)
  per page, the time from navigation until the SOP page's diagram is drawn.
  Material draws Mermaid into a closed shadow root: an init script opens it
  (as ``tests/browsing.py`` does) and another one polls every 5 ms for an
  ``svg`` in a ``div.mermaid``'s shadow root, noting ``performance.now()``
  (milliseconds since the navigation started).
- ``mermaid_loads``: which pages ask for Mermaid's script.
- ``serve_edit``: how long ``mkdocs serve`` takes to start, and to show an
  edited source.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from playwright.sync_api import Browser, Page, Route, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from sop_handbook import pdf

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
LAUNCH_ARGS = [
    "--headless",
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
DRAW_CLOCK = """
(() => {
    const drawn = () => [...document.querySelectorAll("div.mermaid")]
        .some(d => d.shadowRoot && d.shadowRoot.querySelector("svg"));
    const poll = () => drawn() ? (window.__sopDrawnAt = performance.now()) : setTimeout(poll, 5);
    poll();
})();
"""
DRAW_TIMEOUT_MS = 30_000
LOADED = "() => performance.getEntriesByType('navigation')[0]?.loadEventEnd"
HAS_DIAGRAM = re.compile(r"""class=["'][^"']*\bmermaid\b""")
MERMAID_SCRIPT = re.compile(r"mermaid[^/]*\.m?js$|/mermaid/")  # a Mermaid script or module, or a module under mermaid/


@dataclass(frozen=True)
class Draw:
    """An SOP page: milliseconds from navigation until its diagram is drawn (None: not within the
    timeout) and until the end of its load event."""

    path: str
    drawn_ms: float | None
    loaded_ms: float


@dataclass(frozen=True)
class MermaidLoad:
    """Whether a page has a diagram and whether it asked for Mermaid's script."""

    label: str
    path: str
    has_diagram: bool
    loaded: bool


@dataclass(frozen=True)
class ServeResult:
    """``mkdocs serve``: seconds until the first page is served, and from an edit until it shows."""

    startup_s: float
    edit_s: float
    source: str
    path: str


served = pdf.served  # ``site`` served over HTTP on 127.0.0.1; its base URL


@contextmanager
def chromium() -> Iterator[Browser]:
    """Debian's headless Chromium, launched as the project's browser tests launch it."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def has_diagram(site: Path, path: str) -> bool:
    """Whether the built page at ``path`` (a directory URL) holds a Mermaid diagram."""
    return bool(HAS_DIAGRAM.search((site / path / "index.html").read_text(encoding="utf-8")))


def _keep_local(route: Route) -> None:
    """Let requests to 127.0.0.1 through, refuse the others (a CDN copy of Mermaid, say)."""
    if urlparse(route.request.url).hostname == "127.0.0.1":
        route.continue_()
    else:
        route.abort()


@contextmanager
def _cold_page(browser: Browser, url: str, requests: list[str]) -> Iterator[Page]:
    """``url`` opened in a new context (cold cache), its requests' paths noted in ``requests``."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        context.add_init_script(OPEN_SHADOW_ROOTS)
        context.add_init_script(DRAW_CLOCK)
        page = context.new_page()
        page.route("**/*", _keep_local)
        page.on("request", lambda request: requests.append(urlparse(request.url).path))
        page.goto(url, wait_until="commit")
        yield page
    finally:
        context.close()


def diagram_time(browser: Browser, base: str, path: str) -> Draw:
    """Milliseconds from navigation to ``path`` until its diagram is drawn, with a cold cache."""
    with _cold_page(browser, base + path, []) as page:
        try:
            page.wait_for_function("() => window.__sopDrawnAt !== undefined", timeout=DRAW_TIMEOUT_MS)
            drawn: float | None = page.evaluate("() => window.__sopDrawnAt")
        except PlaywrightTimeout:
            drawn = None
        page.wait_for_function(LOADED)
        return Draw(path, drawn, page.evaluate(LOADED))


def diagram_times(browser: Browser, base: str, paths: list[str]) -> list[Draw]:
    """``diagram_time`` of each path, after one unmeasured visit that starts the browser's processes."""
    diagram_time(browser, base, paths[0])
    return [diagram_time(browser, base, path) for path in paths]


def mermaid_loads(browser: Browser, site: Path, base: str, pages: dict[str, str]) -> list[MermaidLoad]:
    """For each labelled page: does it have a diagram, did it ask for Mermaid's script (cold cache)?"""
    loads = []
    for label, path in pages.items():
        requests: list[str] = []
        with _cold_page(browser, base + path, requests) as page:
            page.wait_for_load_state("networkidle")
        loaded = any(MERMAID_SCRIPT.search(request) for request in requests)
        loads.append(MermaidLoad(label, path, has_diagram(site, path), loaded))
    return loads


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            text: str = response.read().decode("utf-8")
            return text
    except OSError:
        return ""


def _wait(condition: Callable[[], bool], process: subprocess.Popen[bytes], what: str, timeout: float) -> float:
    """Seconds until ``condition`` holds (polled every 0.2 s); fails if the server stops or time runs out."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if condition():
            return time.perf_counter() - start
        if process.poll() is not None:
            raise RuntimeError(f"mkdocs serve stopped (exit {process.returncode}) while waiting for {what}")
        time.sleep(0.2)
    raise RuntimeError(f"waited {timeout:.0f} s for {what}")


def edited(text: str, word: str) -> str:
    """The YAML source with ``word`` appended to the first step's ``kegiatan`` written as a plain scalar."""
    line = re.compile(r"^(\s*(?:- )?kegiatan: [A-Za-z].*?)\s*$", re.MULTILINE)
    found = line.search(text)
    if found is None:
        raise RuntimeError("no plain 'kegiatan:' line to edit")
    return text[: found.end(1)] + f" {word}" + text[found.end(1) :]


def serve_edit(project: Path, source: Path, path: str, log: Path, timeout: float) -> ServeResult:
    """Start ``mkdocs serve --strict``, append a word to a step of ``source``, wait for it on ``path``."""
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    command = [sys.executable, "-m", "mkdocs", "serve", "--strict", "-a", f"127.0.0.1:{port}"]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    original = source.read_text(encoding="utf-8")
    word = f"Ukurserve{os.getpid()}x{int(time.time())}"
    with log.open("wb") as output:
        process = subprocess.Popen(
            command, cwd=project, env=env, stdout=output, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        startup = _wait(lambda: bool(_fetch(base)), process, "the first page", timeout)
        source.write_text(edited(original, word), encoding="utf-8")
        shown = _wait(lambda: word in _fetch(base + path), process, "the edited page", timeout)
        return ServeResult(startup, shown, source.name, path)
    finally:
        source.write_text(original, encoding="utf-8")
        _stop(process)


def _stop(process: subprocess.Popen[bytes]) -> None:
    """End the server's process group: SIGTERM, then SIGKILL after 20 s."""
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    except ProcessLookupError:
        process.wait()
