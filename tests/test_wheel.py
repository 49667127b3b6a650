"""The package as an agency installs it: the wheel and the wheelhouse, into a fresh virtualenv, no internet.

``make wheelhouse`` builds the wheel (``make wheel``) and a wheelhouse of every
pinned dependency; a virtualenv made here installs the wheel from the
wheelhouse alone (``pip install --no-index``) and builds a handbook of another
agency's sources in a folder outside this repository, with nothing of the
repository on its path: no Node, no make, no source tree. The installed
``sop-handbook new`` then makes a new agency's repository, whose own
``make test`` sets itself up from the wheel and the wheelhouse alone.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sop_handbook.loader import CATALOGUES

from .conftest import PREBUILT, ROOT, VENV

pytestmark = pytest.mark.build
EXAMPLE = ROOT / "examples" / "lintas-instansi" / "sop_source"


def make_wheelhouse(dist: Path, wheelhouse: Path, *variables: str) -> None:
    """``make wheelhouse`` (and so ``make wheel``) into ``dist`` and ``wheelhouse``, with this run's virtualenv."""
    command = ["make", "wheelhouse", f"VENV={VENV}", f"DIST={dist}", f"WHEELHOUSE={wheelhouse}", *variables]
    command += [f"--assume-old={target}" for target in PREBUILT]
    made = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert made.returncode == 0, made.stdout + made.stderr


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> Path:
    """The folder holding ``dist/`` (the wheel) and ``wheelhouse/``, made by ``make wheelhouse``."""
    out = tmp_path_factory.mktemp("paket")
    make_wheelhouse(out / "dist", out / "wheelhouse")
    return out


def wheel(made: Path) -> Path:
    wheels = sorted((made / "dist").glob("sop_handbook-*-py3-none-any.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


@pytest.fixture(scope="module")
def installed(made) -> Path:
    """A fresh virtualenv with the wheel installed from the wheelhouse only; its folder."""
    out = made
    venv = out / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    install = subprocess.run(
        [str(venv / "bin" / "pip"), "install", "--no-index", "--find-links", str(out / "wheelhouse"), str(wheel(out))],
        capture_output=True,
        text=True,
        env=clean_env(out),
    )
    assert install.returncode == 0, install.stdout + install.stderr
    return venv


def clean_env(home: Path) -> dict[str, str]:
    """An environment with nothing of this repository or its virtualenv: no PYTHONPATH, a PATH of the system."""
    path = os.pathsep.join(p for p in os.environ["PATH"].split(os.pathsep) if not p.startswith(str(VENV)))
    return {"PATH": path, "HOME": str(home), "LANG": "C.UTF-8", "NO_MKDOCS_2_WARNING": "1"}


def run(command: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=env)


def test_the_wheel_carries_the_generator_and_installs_without_this_repository(installed):
    code = "import sop_handbook.resources as r; print(r.THEME)"
    where = run([str(installed / "bin" / "python"), "-c", code], installed, clean_env(installed))
    assert where.returncode == 0, where.stderr
    theme = Path(where.stdout.strip())
    assert theme.is_relative_to(installed) and not theme.is_relative_to(ROOT)
    assert (theme / "assets/javascripts/mermaid/mermaid.js").is_file()  # the built Mermaid: no Node needed


def test_an_agency_s_handbook_builds_from_the_installed_package(installed, tmp_path):
    project = tmp_path / "buku-dinas-lain"
    (project / "docs").mkdir(parents=True)
    shutil.copytree(EXAMPLE, project / "sop_source")
    shutil.copy2(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    result = run([str(installed / "bin" / "mkdocs"), "build", "--strict"], project, clean_env(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    site = project / "site"
    sops = sorted(p.stem for p in EXAMPLE.glob("*.yaml") if p.name not in CATALOGUES)
    assert sorted(p.parent.name for p in (site / "sop").rglob("index.html")) == sops
    assert (site / "index.html").is_file() and (site / "dasar-hukum" / "index.html").is_file()
    assert (site / "assets/javascripts/mermaid/mermaid.js").is_file()
    assert (site / "assets/stylesheets/sop.css").is_file()
    for page in site.rglob("*.html"):
        assert str(ROOT) not in page.read_text(encoding="utf-8"), page


def test_a_new_agency_s_handbook_passes_its_own_make_test_offline(installed, made, tmp_path):
    """``sop-handbook new`` from the installed package, then the new repository's README command:
    its Makefile makes its own virtualenv from requirements.txt (the wheel in paket/, the rest from
    the wheelhouse: no internet), checks the sources and builds the site strict."""
    project = tmp_path / "buku-dinas-baru"
    env = clean_env(tmp_path)
    command = [str(installed / "bin" / "sop-handbook"), "new", str(project), "--paket", str(wheel(made))]
    new = run([*command, "--instansi", "Dinas Pendidikan Kota Contoh"], tmp_path, env)
    assert new.returncode == 0, new.stdout + new.stderr
    offline = {**env, "PIP_NO_INDEX": "1", "PIP_FIND_LINKS": str(made / "wheelhouse")}
    python = Path(sys.base_prefix) / "bin" / "python3"
    result = run(["make", "test", f"PYTHON={python}"], project, offline)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 SOP, 4 langkah: tidak ada galat" in result.stdout
    assert "Uji lulus" in result.stdout
    built = run(["make", "build"], project, offline)
    assert built.returncode == 0, built.stdout + built.stderr
    page = project / "site/sop/dinas-pendidikan-kota-contoh/sekretariat/contoh-penanganan-surat-masuk/index.html"
    html = page.read_text(encoding="utf-8")
    assert "<h1>Penanganan Surat Masuk" in html and '<pre  class="mermaid">' in html  # the form and its diagram


def test_a_wheelhouse_for_windows_holds_all_that_pip_needs_there(made, tmp_path):
    """``make wheelhouse PLATFORM=win_amd64``: every pinned dependency as a Windows wheel, so that pip on an
    office's Windows machine installs the package from it with no internet (resolved here for that platform)."""
    wheelhouse = tmp_path / "wheelhouse-windows"
    make_wheelhouse(made / "dist", wheelhouse, "PLATFORM=win_amd64", "PYTHON_VERSION=3.12.8")
    compiled = sorted(p.name for p in wheelhouse.glob("*.whl") if not p.name.endswith("-any.whl"))
    assert compiled and all(name.endswith("-win_amd64.whl") for name in compiled), compiled
    report = tmp_path / "report.json"
    resolved = subprocess.run(
        [str(VENV / "bin" / "pip"), "install", "--dry-run", "--ignore-installed", "--no-index", "--find-links",
         str(wheelhouse), "--platform", "win_amd64", "--python-version", "3.12.8", "--only-binary=:all:",
         "--target", str(tmp_path / "ziel"), "--report", str(report), "sop-handbook"],
        capture_output=True,
        text=True,
    )  # fmt: skip
    assert resolved.returncode == 0, resolved.stdout + resolved.stderr
    installed = {item["metadata"]["name"].lower() for item in json.loads(report.read_text())["install"]}
    assert {"sop-handbook", "mkdocs-material", "lxml", "pillow", "pypdfium2"} <= installed
