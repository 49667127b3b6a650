"""``mkdocs serve`` survives a bad edit: it shows the errors and recovers when the source is fixed."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from .conftest import make_project, real_sources
from .servers import free_port

pytestmark = pytest.mark.build

SOP = "sop_source/penyusunan-lkpj.yaml"
ERROR_TITLE = "Sumber SOP bermasalah"


def wait_for(condition: Callable[[], bool], what: str, timeout: float = 180) -> None:
    """Until ``condition`` holds; the bound only ends a hung rebuild (a busy 2-core CI machine takes a minute)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.3)
    raise AssertionError(f"waited {timeout} s for {what}")


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


HANDBOOK = 'href="sop/diskopukm/sekretariat/penyusunan-lkpj/"'  # the home page's list of SOPs


@pytest.fixture
def serving(tmp_path) -> Iterator[tuple[Path, str, Path]]:
    """A copy of the handbook under ``mkdocs serve --strict``: project, URL, log file."""
    project = make_project(tmp_path / "proyek", real_sources())
    port = free_port()
    log = tmp_path / "serve.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "serve", "--strict", "-a", f"127.0.0.1:{port}"]
    with log.open("w") as output:
        process = subprocess.Popen(command, cwd=project, env=env, stdout=output, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_for(lambda: HANDBOOK in fetch(url), "the first build")
        yield project, url, log
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_a_bad_edit_shows_its_errors_and_a_fix_brings_the_handbook_back(serving):
    project, url, log = serving
    source = project / SOP
    good = source.read_text(encoding="utf-8")
    line = next(n for n, text in enumerate(good.splitlines(), 1) if "waktu: 2 Jam" in text)
    source.write_text(good.replace("waktu: 2 Jam", "waktu: dua jam", 1), encoding="utf-8")

    wait_for(lambda: ERROR_TITLE in fetch(url), "the error page")
    page = fetch(url)
    assert f"{SOP}:{line}: langkah[" in page
    output = log.read_text(encoding="utf-8")
    assert f"{SOP}:{line}: langkah[" in output
    assert "Traceback" not in output

    source.write_text(good, encoding="utf-8")
    wait_for(lambda: HANDBOOK in fetch(url) and ERROR_TITLE not in fetch(url), "the handbook again")
    assert "Penyusunan LKPJ" in fetch(f"{url}sop/diskopukm/sekretariat/penyusunan-lkpj/")
    assert "Traceback" not in log.read_text(encoding="utf-8")
