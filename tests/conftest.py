"""Shared fixtures: the real handbook, scratch projects in tmp_path, built sites."""

from __future__ import annotations

import contextlib
import functools
import io
import logging
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright
from sop_handbook.loader import load_handbook
from sop_handbook.model import Handbook
from sop_handbook.resources import IFRAME_WORKER, MERMAID, SCHEMAS, THEME

from . import browsing

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
GOLDEN = Path(__file__).parent / "golden"
# What a handbook project holds besides its sources: the generator is the installed package
# (this checkout's, installed editable), as in another agency's handbook.
PROJECT_PARTS = ("mkdocs.yml", "docs", "schema")


# The fixtures that build a site (or publish, or install): a test using one is a build test.
BUILDING_FIXTURES = frozenset(
    {
        "real_site",
        "fixture_site",
        "published",
        "site_under_sub_path",
        "editions",
        "offline_edition",
        "example_site",
        "recording",
        "run",
        "serving",
        "installed",
    }
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark as ``build`` every test that uses a site built by a fixture, as the tests that build one are."""
    for item in items:
        if BUILDING_FIXTURES.intersection(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.build)


@dataclass
class BuildResult:
    """The outcome of one ``mkdocs build`` in a scratch project."""

    returncode: int
    output: str
    site: Path


HARI_INI = date(2026, 11, 27)  # a fixed "today" for what is in force and what is overdue


def load(source_dir: Path, root: Path | None = None) -> Handbook:
    """Load a source directory with the project's schemas, as on ``HARI_INI``."""
    return load_handbook(source_dir, SCHEMAS, root or source_dir.parent, HARI_INI, editor_schemas=ROOT / "schema")


@pytest.fixture(scope="session")
def handbook() -> Handbook:
    """The real handbook of ``sop_source/``."""
    return load(ROOT / "sop_source", ROOT)


def line_of(file: str, text: str) -> int:
    """The number of the first line of ``sop_source/<file>`` containing ``text``."""
    lines = (ROOT / "sop_source" / file).read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)


def check_golden(name: str, text: str) -> None:
    """Compare ``text`` with ``tests/golden/<name>``; UPDATE_GOLDEN=1 rewrites the file (review the diff)."""
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"{name} differs from its golden file"


def make_project(target: Path, sources: Iterable[Path]) -> Path:
    """A copy of the handbook project in ``target`` whose sop_source holds ``sources``."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, target / part)
    (target / "sop_source").mkdir()
    for source in sources:
        shutil.copy2(source, target / "sop_source" / source.name)
    return target


def build_command(project: Path, **variables: str) -> BuildResult:
    """Run the ``mkdocs build --strict`` command (never ``-q``) in ``project``, with extra environment
    ``variables``: for a build that must have a process of its own (one that drives a browser itself,
    which cannot run inside the tests' own Playwright)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **variables}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", "site"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return BuildResult(result.returncode, result.stdout + result.stderr, project / "site")


@contextlib.contextmanager
def _environment(variables: dict[str, str]) -> Iterator[None]:
    """``os.environ`` with ``variables`` for the block (mkdocs.yml's !ENV reads them), as it was after."""
    saved = dict(os.environ)
    os.environ.update({"NO_MKDOCS_2_WARNING": "1", **variables})
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


class _Lines(logging.Handler):
    """Every record logged, as the ``mkdocs`` command writes it: ``WARNING -  message``."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.levelname:<7} -  {record.getMessage()}")


def build(project: Path, **variables: str) -> BuildResult:
    """``mkdocs build --strict`` of ``project`` into its ``site/``, with extra environment ``variables``.

    In this process, as ``mkdocs build`` runs it (load the config, the plugins'
    startup, the build, their shutdown): a second Python and its imports for
    every build would cost more than many builds. What it logs (INFO and up),
    prints, and the message of an error that stops it (as the command's
    "Error: ...") are the output; an unexpected exception fails the test.
    """
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    lines = _Lines()
    mkdocs_log = logging.getLogger("mkdocs")
    level = mkdocs_log.level
    printed = io.StringIO()
    returncode = 0
    with (
        _environment(variables),
        contextlib.chdir(project),
        contextlib.redirect_stdout(printed),
        contextlib.redirect_stderr(printed),
    ):
        mkdocs_log.addHandler(lines)
        mkdocs_log.setLevel(logging.INFO)
        try:
            config = load_config(config_file=str(project / "mkdocs.yml"), strict=True, site_dir="site")
            config.plugins.on_startup(command="build", dirty=False)
            try:
                mkdocs_build(config)
            finally:
                config.plugins.on_shutdown()
        except MkDocsException as error:  # what the command reports as "Error: ..." and exits 1 with
            lines.lines.append(f"Error: {error.format_message()}")
            returncode = 1
        finally:
            mkdocs_log.removeHandler(lines)
            mkdocs_log.setLevel(level)
    output = printed.getvalue() + "\n".join(lines.lines)
    return BuildResult(returncode, output, project / "site")


VENV = Path(sys.executable).parent.parent  # this test run's virtualenv
# What `make setup` makes, already made for this run: a project copy's make uses them as they are.
PREBUILT = (
    (THEME / MERMAID).relative_to(ROOT).as_posix(),
    (THEME / IFRAME_WORKER).relative_to(ROOT).as_posix(),
    f"{VENV}/.installed",
)


def make(project: Path, *arguments: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The Makefile's ``arguments`` (a target, variables) in a project copy, with this run's virtualenv,
    Mermaid and search shim."""
    command = ["make", *arguments, f"VENV={VENV}", *(f"--assume-old={target}" for target in PREBUILT)]
    return subprocess.run(command, cwd=project, capture_output=True, text=True, env=env)


def real_sources() -> list[Path]:
    """Every source file of the real handbook."""
    return sorted((ROOT / "sop_source").glob("*.yaml"))


def edited_fixture(tmp_path: Path, name: str, file: str, old: str, new: str) -> Path:
    """A copy of fixture ``name``'s sources in ``tmp_path``/sop_source, ``old`` replaced by ``new`` in ``file``."""
    source_dir = tmp_path / "sop_source"
    shutil.copytree(FIXTURES / name, source_dir)
    path = source_dir / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {name}/{file}"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return source_dir


def fixture_sources(name: str) -> list[Path]:
    """Every source file of a fixture handbook in ``tests/fixtures/<name>``."""
    return sorted((FIXTURES / name).glob("*.yaml"))


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> BuildResult:
    """The real handbook, built once with ``mkdocs build --strict``."""
    project = make_project(tmp_path_factory.mktemp("real"), real_sources())
    result = build(project)
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> BuildResult:
    """The two-agency fixture handbook (decisions, hostile text), built once."""
    project = make_project(tmp_path_factory.mktemp("multi"), fixture_sources("multi"))
    result = build(project)
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="session")
def real_url(real_site) -> Iterator[str]:
    """The real handbook served on 127.0.0.1."""
    yield from browsing.serve(real_site.site)


@pytest.fixture(scope="session")
def fixture_url(fixture_site) -> Iterator[str]:
    """The fixture handbook served on 127.0.0.1."""
    yield from browsing.serve(fixture_site.site)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, headless, for the whole test session."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=browsing.CHROMIUM, args=browsing.LAUNCH_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def visit(browser: Browser) -> Iterator[Callable[..., browsing.Visit]]:
    """Open pages in a fresh browser context: ``visit(url, diagram=True)``."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.add_init_script(browsing.OPEN_SHADOW_ROOTS)
    yield functools.partial(browsing.visit, context)
    context.close()
