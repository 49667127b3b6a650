"""Versioned publishing: `make publish` deploys editions with mike to the local gh-pages branch."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tarfile
from datetime import date
from io import BytesIO
from pathlib import Path

import pytest
from sop_handbook.text import tanggal

from .browsing import serve
from .conftest import ROOT, make, make_project, real_sources


def git(project: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=project, check=True, capture_output=True, text=True).stdout


def publish(project: Path, version: str) -> subprocess.CompletedProcess[str]:
    """The README's publish command, with this test run's virtualenv and Mermaid."""
    return make(project, "publish", f"VERSION={version}", env=os.environ | {"HOME": str(project)})


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    project = make_project(tmp_path_factory.mktemp("terbit") / "proyek", real_sources())
    shutil.copy2(ROOT / "Makefile", project / "Makefile")
    git(project, "init", "-q", "-b", "main")
    git(project, "add", ".")
    git(project, "-c", "user.name=Uji", "-c", "user.email=uji@localhost", "commit", "-q", "-m", "awal")
    for version in ("2023", "2024"):
        result = publish(project, version)
        assert result.returncode == 0, result.stdout + result.stderr
    return project


def test_both_editions_and_the_alias_are_published(published):
    versions = json.loads(git(published, "show", "gh-pages:versions.json"))
    assert versions == [
        {"version": "2024", "title": "2024", "aliases": ["latest"]},
        {"version": "2023", "title": "2023", "aliases": []},
    ]
    entries = {line.split("\t")[1]: line.split()[1] for line in git(published, "ls-tree", "gh-pages").splitlines()}
    # Aliases are copies (directories), not symlinks, so the tree can be copied anywhere.
    assert {entries[name] for name in ("2023", "2024", "latest")} == {"tree"}
    assert "latest/" in git(published, "show", "gh-pages:index.html")


def test_published_pages_say_when_their_source_last_changed_in_git(published):
    page = git(published, "show", "gh-pages:2024/sop/diskopukm/sekretariat/penyusunan-lkpj/index.html")
    committed = date.fromisoformat(git(published, "log", "-1", "--format=%cs").strip())
    assert f"Berkas sumber terakhir diubah {tanggal(committed)}." in page


def test_every_edition_carries_the_pdfs_its_pages_link_to(published):
    folder = "2024/sop/diskopukm/sekretariat/penyusunan-lkpj/"
    page = git(published, "show", f"gh-pages:{folder}index.html")
    assert '<a href="penyusunan-lkpj.pdf" download>Unduh PDF</a>' in page
    for pdf in (f"{folder}penyusunan-lkpj.pdf", "2024/buku/buku-pedoman-sop.pdf", "latest/buku/buku-pedoman-sop.pdf"):
        blob = subprocess.run(["git", "show", f"gh-pages:{pdf}"], cwd=published, check=True, capture_output=True).stdout
        assert blob.startswith(b"%PDF-"), pdf


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        (  # a source error stops the build before anything is written
            "sop_source/penyusunan-lkpj.yaml",
            "pelaksana: ketua-tim",
            "pelaksana: ketua",
            "pelaksana 'ketua' tidak ada di unit sekretariat",
        ),
        (  # a warning stops the strict build only after the pages are written
            "docs/glosarium.md",  # the handbook's own page in place of the package's
            None,
            "# Glosarium\n\n[tautan rusak](tidak-ada.md)\n",
            "strict mode",
        ),
    ],
    ids=["galat-sumber", "peringatan-strict"],
)
def test_a_failing_build_publishes_nothing(published, file, old, new, message):
    before = git(published, "rev-parse", "gh-pages")
    broken = published / file
    original = broken.read_text(encoding="utf-8") if old is not None else None
    assert original is None or old in original
    broken.write_text(new if original is None else original.replace(old, new, 1), encoding="utf-8")
    try:
        result = publish(published, "2025")
    finally:
        if original is None:
            broken.unlink()
        else:
            broken.write_text(original, encoding="utf-8")
    assert result.returncode != 0
    assert message in result.stdout + result.stderr
    assert git(published, "rev-parse", "gh-pages") == before


def export_branch(project: Path, target: Path) -> Path:
    archive = subprocess.run(["git", "archive", "gh-pages"], cwd=project, check=True, capture_output=True).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(target, filter="data")
    return target


@pytest.mark.browser
def test_deployed_branch_shows_the_version_selector_and_the_outdated_banner(published, tmp_path, visit):
    site = export_branch(published, tmp_path / "gh-pages")
    for url in serve(site):
        old = visit(f"{url}2023/sop/diskopukm/sekretariat/penyusunan-lkpj/")
        old.page.wait_for_selector(".md-version__current")
        assert old.page.locator(".md-version__current").inner_text() == "2023"
        versions = old.page.locator(".md-version__link")
        assert [link.get_attribute("href").rstrip("/").rsplit("/", 1)[-1] for link in versions.all()] == [
            "2024",
            "2023",
        ]
        assert old.page.locator(".md-version__alias").all_inner_texts() == ["latest"]
        banner = old.page.locator("[data-md-component=outdated]")
        banner.wait_for(state="visible")
        assert "Anda membaca edisi lama buku pedoman ini." in banner.inner_text()
        current = visit(f"{url}latest/sop/diskopukm/sekretariat/penyusunan-lkpj/")
        current.page.wait_for_selector(".md-version__current")
        assert current.page.locator("[data-md-component=outdated]").is_hidden()
        assert old.outside == current.outside == []
