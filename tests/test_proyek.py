"""``sop-handbook new DIR --instansi NAMA``: a new agency's handbook, its files and their values."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from sop_handbook import proyek
from sop_handbook.loader import load_project

from .conftest import ROOT
from .test_ci import actionlint, gitlab_schema

HOSTILE = 'Dinas "Uji": <script>alert(1)</script> #1 & {x}\n  pejabat: []'


def test_a_new_handbook_has_every_file_and_passes_the_checks(tmp_path):
    target = tmp_path / "buku"
    written = proyek.new_project(target, "Dinas Pendidikan Kota Pontianak", pemerintah="Pemerintah Kota Pontianak")
    names = sorted(p.relative_to(target).as_posix() for p in written)
    assert names == [
        ".github/workflows/buku.yml",
        ".gitignore",
        ".gitlab-ci.yml",
        "CONTRIBUTING.md",
        "Makefile",
        "README.md",
        "docs/.gitkeep",
        "intranet/Dockerfile",
        "intranet/nginx.conf",
        "mkdocs.yml",
        "paket/README.txt",
        "requirements.txt",
        "schema/glosarium.schema.json",
        "schema/organisasi.schema.json",
        "schema/peraturan.schema.json",
        "schema/sop.schema.json",
        "sop_source/contoh-penanganan-surat-masuk.yaml",
        "sop_source/organisasi.yaml",
    ]
    handbook = load_project(target)
    assert [i.id for i in handbook.instansi] == ["dinas-pendidikan-kota-pontianak"]
    assert handbook.instansi[0].nama == "Dinas Pendidikan Kota Pontianak"
    assert handbook.pemerintahan == ("Pemerintah Kota Pontianak",)
    (sop,) = handbook.sops
    assert [step.no for step in sop.langkah] == [1, 2, 3, 4]
    assert not [p for p in handbook.catatan_mutu if "schema" in p.file or "baris pertama" in p.message]
    text = "\n".join(p.read_text(encoding="utf-8") for p in written if p.suffix != ".json")
    assert "[[" not in text and "[%" not in text  # every value filled in
    requirements = (target / "requirements.txt").read_text(encoding="utf-8").splitlines()
    assert "--find-links paket" in requirements and f"sop-handbook=={proyek.package_version()}" in requirements
    assert "mkdocs==1.6.1" in requirements and "mkdocs-mermaid2-plugin==1.2.3" in requirements


def test_without_a_government_the_form_prints_none_until_one_is_written(tmp_path):
    proyek.new_project(tmp_path / "buku", "Kementerian Contoh")
    handbook = load_project(tmp_path / "buku")
    assert handbook.pemerintahan == () and handbook.instansi[0].pemerintah is None


def test_its_mkdocs_yml_is_this_repository_s_with_the_agency_s_name(tmp_path):
    proyek.new_project(tmp_path / "buku", "Dinas Contoh")
    ours = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    theirs = (tmp_path / "buku" / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    assert theirs[2:] == ours[2:]
    assert theirs[:2] == ['site_name: "Buku Pedoman SOP"', 'site_description: "SOP AP Dinas Contoh"']


def test_its_ci_files_pass_the_forges_checkers(tmp_path):
    target = tmp_path / "buku"
    proyek.new_project(target, "Dinas Contoh")
    result = actionlint(target / ".github" / "workflows" / "buku.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    result = gitlab_schema(target / ".gitlab-ci.yml")
    assert result.returncode == 0, result.stdout + result.stderr


def test_any_name_stays_text(tmp_path):
    target = tmp_path / "buku"
    proyek.new_project(target, HOSTILE, instansi_id="dinas-uji", pemerintah="Pemerintah: 'Kota' #2")
    data = yaml.safe_load((target / "sop_source" / "organisasi.yaml").read_text(encoding="utf-8"))
    flat = " ".join(HOSTILE.split())
    assert data["instansi"][0]["nama"] == flat and data["pejabat"] == []
    assert data["instansi"][0]["kop"] == [flat.upper()]
    assert data["pemerintah"] == "Pemerintah: 'Kota' #2"
    config = (target / "mkdocs.yml").read_text(encoding="utf-8").splitlines()[1]
    assert yaml.safe_load(config) == {"site_description": f"SOP AP {flat}"}
    assert load_project(target).instansi[0].nama == flat


@pytest.mark.parametrize(
    ("nama", "instansi_id", "message"),
    [
        ("  ", "", "tulis nama instansinya"),
        ("Dinas Contoh", "Dinas Contoh", "id instansi 'Dinas Contoh' harus huruf kecil"),
        ("دائرة", "", "id instansi '' harus huruf kecil"),  # no Latin letter to make an id of
    ],
)
def test_a_bad_name_or_id_is_refused(tmp_path, nama, instansi_id, message):
    with pytest.raises(ValueError, match=message):
        proyek.new_project(tmp_path / "buku", nama, instansi_id)
    assert not (tmp_path / "buku").exists()


def test_the_command_never_writes_into_a_folder_with_files(tmp_path):
    target = tmp_path / "buku"
    target.mkdir()
    (target / "catatan.txt").write_text("milik orang lain", encoding="utf-8")
    command = [sys.executable, "-m", "sop_handbook", "new", str(target), "--instansi", "Dinas Contoh"]
    result = subprocess.run(command, capture_output=True, text=True)
    assert result.returncode == 1 and "sudah berisi berkas" in result.stderr
    assert [p.name for p in target.iterdir()] == ["catatan.txt"]
    missing = subprocess.run(command[:-2], capture_output=True, text=True)
    assert missing.returncode == 2 and "--instansi" in missing.stderr
    assert "Traceback" not in result.stderr + missing.stderr


def test_the_wheel_given_goes_into_paket(tmp_path):
    wheel = tmp_path / "sop_handbook-9.9.9-py3-none-any.whl"
    wheel.write_bytes(b"PK")
    written = proyek.new_project(tmp_path / "buku", "Dinas Contoh", paket=wheel)
    assert (tmp_path / "buku" / "paket" / wheel.name).read_bytes() == b"PK"
    assert tmp_path / "buku" / "paket" / wheel.name in written
    with pytest.raises(ValueError, match="bukan berkas wheel"):
        proyek.new_project(tmp_path / "lain", "Dinas Contoh", paket=tmp_path / "tidak-ada.whl")


def test_the_pins_are_this_repository_s(tmp_path):
    assert (ROOT / "requirements.txt").resolve() == proyek.PINS
    assert Path(proyek.PINS).read_text(encoding="utf-8").count("==") == len(proyek.pins().splitlines())


def test_the_command_says_how_it_is_used():
    result = subprocess.run([sys.executable, "-m", "sop_handbook", "--help"], capture_output=True, text=True)
    assert result.returncode == 0
    for command in ("new FOLDER --instansi", "new-sop ID JUDUL", "import BERKAS", "diff REVISI", "skema"):
        assert command in result.stdout
