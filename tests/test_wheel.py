"""The package as an agency installs it: the wheel and the wheelhouse, into a fresh virtualenv, no internet.

``make wheelhouse`` builds the wheel (``make wheel``) and a wheelhouse of every
pinned dependency; a virtualenv made here installs the wheel from the
wheelhouse alone (``pip install --no-index``) and builds a handbook of another
agency's sources in a folder outside this repository, with nothing of the
repository on its path: no Node, no make, no source tree.
"""

from __future__ import annotations

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


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A fresh virtualenv with the wheel installed from the wheelhouse only; its folder."""
    out = tmp_path_factory.mktemp("paket")
    made = subprocess.run(
        ["make", "wheelhouse", f"VENV={VENV}", f"DIST={out / 'dist'}", f"WHEELHOUSE={out / 'wheelhouse'}"]
        + [f"--assume-old={target}" for target in PREBUILT],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert made.returncode == 0, made.stdout + made.stderr
    wheels = sorted((out / "dist").glob("sop_handbook-*-py3-none-any.whl"))
    assert len(wheels) == 1, wheels
    venv = out / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    install = subprocess.run(
        [str(venv / "bin" / "pip"), "install", "--no-index", "--find-links", str(out / "wheelhouse"), str(wheels[0])],
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


def test_the_wheel_carries_the_generator_and_installs_without_this_repository(installed):
    where = subprocess.run(
        [str(installed / "bin" / "python"), "-c", "import sop_handbook.resources as r; print(r.THEME)"],
        capture_output=True,
        text=True,
        cwd=installed,
        env=clean_env(installed),
    )
    assert where.returncode == 0, where.stderr
    theme = Path(where.stdout.strip())
    assert theme.is_relative_to(installed) and not theme.is_relative_to(ROOT)
    assert (theme / "assets/javascripts/mermaid/mermaid.js").is_file()  # the built Mermaid: no Node needed


def test_an_agency_s_handbook_builds_from_the_installed_package(installed, tmp_path):
    project = tmp_path / "buku-dinas-lain"
    (project / "docs").mkdir(parents=True)
    shutil.copytree(EXAMPLE, project / "sop_source")
    shutil.copy2(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    result = subprocess.run(
        [str(installed / "bin" / "mkdocs"), "build", "--strict"],
        cwd=project,
        capture_output=True,
        text=True,
        env=clean_env(tmp_path),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    site = project / "site"
    sops = sorted(p.stem for p in EXAMPLE.glob("*.yaml") if p.name not in CATALOGUES)
    assert sorted(p.parent.name for p in (site / "sop").rglob("index.html")) == sops
    assert (site / "index.html").is_file() and (site / "dasar-hukum" / "index.html").is_file()
    assert (site / "assets/javascripts/mermaid/mermaid.js").is_file()
    assert (site / "assets/stylesheets/sop.css").is_file()
    for page in site.rglob("*.html"):
        assert str(ROOT) not in page.read_text(encoding="utf-8"), page
