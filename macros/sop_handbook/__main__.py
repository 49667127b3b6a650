"""Command line of the handbook's source tools.

- ``python -m sop_handbook [--format github] [DIR]``: check the sources of
  the project in DIR (default: here) without building the site; errors go to
  stderr with exit status 1, data-quality warnings to stdout. With
  ``--format github`` every problem is also a GitHub Actions annotation, shown
  on the YAML line it is about.
- ``python -m sop_handbook diff BASE [DIR]``: explain in Markdown what the
  working tree changes in the SOPs compared with git revision BASE.
- ``python -m sop_handbook new DIR --instansi NAMA [--id ID] [--pemerintah
  TEKS] [--paket WHEEL]``: write a new agency's handbook repository into DIR
  (``proyek``).
- ``python -m sop_handbook new-sop ID JUDUL [INSTANSI [UNIT]]``: write
  ``sop_source/ID.yaml`` here, a new SOP that passes the checks, to be filled
  in (INSTANSI and UNIT, when empty: the first of ``organisasi.yaml``).
- ``python -m sop_handbook import FILE... --out DIR [--instansi ID --unit ID]
  [--replace]``: read the SOP AP forms of Word, Excel or text files into one
  source each in DIR, with proposals for organisasi.yaml and peraturan.yaml
  and a report of what was read, guessed and missing.
- ``python -m sop_handbook skema [DIR]``: copy the package's JSON Schemas into
  DIR's ``schema/``, the copy the sources' first lines name for editors (the
  checks use the package's own).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

import yaml

from .diff import compare
from .impor.tulis import impor, laporan
from .loader import SCHEMA_DIR, SOURCE_DIR, load_project
from .problems import Level, Problem, SourceError, format_path
from .proyek import new_project
from .render_diff import diff_markdown
from .resources import SCHEMAS
from .scaffold import new_sop

USAGE = """\
pemakaian: sop-handbook [PERINTAH] ...  (atau python -m sop_handbook)
  sop-handbook [--format github] [FOLDER]   periksa sumber SOP buku di FOLDER (bawaan: di sini)
  sop-handbook new FOLDER --instansi NAMA [--id ID] [--pemerintah TEKS] [--paket WHEEL]
                                            buat repositori buku pedoman baru untuk satu instansi
  sop-handbook new-sop ID JUDUL [INSTANSI [UNIT]]
                                            tulis berkas SOP baru di sop_source/
  sop-handbook import BERKAS... --out FOLDER [--instansi ID --unit ID] [--replace]
                                            impor SOP dari Word, Excel, PDF atau teks
  sop-handbook diff REVISI [FOLDER]         jelaskan perubahan SOP terhadap revisi git
  sop-handbook skema [FOLDER]               salin skema JSON ke schema/ untuk editor
Situs dibangun dengan `mkdocs build` / `mkdocs serve` (plugin sop-handbook di mkdocs.yml).
"""


class _Tolerant(yaml.SafeLoader):
    """mkdocs.yml as data, its tags (``!ENV``, ``!!python/name:``) read as nothing."""


_Tolerant.add_multi_constructor("!", lambda loader, suffix, node: None)
_Tolerant.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def sources_folder(root: Path) -> str:
    """The sources' folder of the handbook in ``root``: the sop-handbook plugin's ``sumber`` in mkdocs.yml,
    else ``sop_source``."""
    try:
        config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Tolerant)
    except (OSError, yaml.YAMLError):
        return SOURCE_DIR
    plugins = config.get("plugins", []) if isinstance(config, dict) else []
    for entry in plugins if isinstance(plugins, list) else []:
        if isinstance(entry, dict) and isinstance(entry.get("sop-handbook"), dict):
            sumber = entry["sop-handbook"].get("sumber")
            return sumber if isinstance(sumber, str) and sumber else SOURCE_DIR
    return SOURCE_DIR


def check(root: Path, github: bool = False) -> int:
    """Check the sources; print errors or warnings (and annotations for GitHub)."""
    sumber = sources_folder(root)
    if not (root / sumber).is_dir():
        print(f"{root}: tidak ada {sumber}/; jalankan di folder proyek buku pedoman", file=sys.stderr)
        return 2
    try:
        handbook = load_project(root, sumber=sumber)
    except SourceError as error:
        print(error, file=sys.stderr)
        if github:
            print("\n".join(annotation(p) for p in error.problems))
        return 1
    for problem in handbook.catatan_mutu:
        print(annotation(problem) if github else f"catatan: {problem}")
    steps = sum(len(sop.langkah) for sop in handbook.sops)
    print(
        f"{len(handbook.sops)} SOP, {steps} langkah: tidak ada galat; {len(handbook.catatan_mutu)} catatan mutu data."
    )
    return 0


def annotation(problem: Problem) -> str:
    """A GitHub Actions workflow command that marks the problem on its file and line."""
    kind = "error" if problem.level is Level.ERROR else "warning"
    message = problem.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    title = format_path(problem.path).replace(",", "%2C").replace("::", "%3A%3A")
    return f"::{kind} file={problem.file},line={problem.line},title={title}::{message}"


def diff(base: str, root: Path) -> int:
    """Print the changes of the working tree's SOPs against git revision ``base``."""
    sumber = sources_folder(root)
    try:
        archive = subprocess.run(["git", "archive", base, sumber], cwd=root, capture_output=True, check=True).stdout
    except subprocess.CalledProcessError as error:
        print(f"revisi '{base}' tidak dapat dibaca dari git: {error.stderr.decode().strip()}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as old_root:
        with tarfile.open(fileobj=BytesIO(archive)) as tar:
            tar.extractall(old_root, filter="data")
        try:
            old, new = load_project(Path(old_root), sumber=sumber), load_project(root, sumber=sumber)
        except SourceError as error:
            print(f"sumber tidak dapat dibandingkan:\n{error}", file=sys.stderr)
            return 1
    print(diff_markdown(compare(old, new)), end="")
    return 0


def new_sop_file(argv: list[str]) -> int:
    """Write a new SOP file from the template."""
    if len(argv) < 2:
        print("pemakaian: python -m sop_handbook new-sop ID JUDUL [INSTANSI [UNIT]]", file=sys.stderr)
        return 2
    sop_id, judul, instansi, unit = (*argv[:4], "", "")[:4]
    root = Path.cwd()
    sumber = sources_folder(root)
    target = root / sumber / f"{sop_id}.yaml"
    try:
        if target.exists():
            raise ValueError(f"{target.relative_to(root)} sudah ada")
        text = new_sop(load_project(root, sumber=sumber), sop_id, judul, instansi, unit)
    except (ValueError, SourceError) as error:
        print(error, file=sys.stderr)
        return 1
    target.write_text(text, encoding="utf-8")
    print(f"{target.relative_to(root)} dibuat; isi bagian yang kosong, lalu jalankan make check.")
    return 0


def new_handbook(argv: list[str]) -> int:
    """Write a new agency's handbook repository (``proyek.new_project``)."""
    parser = argparse.ArgumentParser(prog="sop-handbook new", exit_on_error=False)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--instansi", required=True)
    parser.add_argument("--id", default="")
    parser.add_argument("--pemerintah", default="")
    parser.add_argument("--paket", type=Path)
    try:
        args = parser.parse_args(argv)
    except argparse.ArgumentError as error:
        print(f"{error}\npemakaian: {parser.format_usage().removeprefix('usage: ')}", file=sys.stderr)
        return 2
    try:
        new_project(args.folder, args.instansi, args.id, args.pemerintah, args.paket)
    except ValueError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"{args.folder}: buku pedoman {' '.join(args.instansi.split())} dibuat.")
    if args.paket is None:
        print(f"Taruh wheel sop-handbook di {args.folder / 'paket'}/ (lihat README.txt di sana).")
    print(f"Lalu: cd {args.folder} && make serve (README.md: juga untuk Windows).")
    return 0


def schemas(root: Path) -> int:
    """Copy the package's JSON Schemas into the project's schema/, which the sources' first lines name."""
    target = root / SCHEMA_DIR
    if target.resolve() == SCHEMAS.resolve():
        print(f"{SCHEMA_DIR}/ adalah skema paket itu sendiri; tidak ada yang disalin")
        return 0
    target.mkdir(exist_ok=True)
    for schema in sorted(SCHEMAS.glob("*.schema.json")):
        shutil.copyfile(schema, target / schema.name)
        print(f"{SCHEMA_DIR}/{schema.name}")
    return 0


def import_files(argv: list[str]) -> int:
    """Import documents as sources into --out; print the report."""
    parser = argparse.ArgumentParser(prog="python -m sop_handbook import", exit_on_error=False)
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--instansi")
    parser.add_argument("--unit")
    parser.add_argument("--replace", action="store_true")
    try:
        args = parser.parse_args(argv)
    except argparse.ArgumentError as error:
        print(f"{error}\npemakaian: {parser.format_usage().removeprefix('usage: ')}", file=sys.stderr)
        return 2
    root = Path.cwd()
    try:
        sumber = sources_folder(root)
        handbook = load_project(root, sumber=sumber) if (root / sumber / "organisasi.yaml").is_file() else None
    except SourceError as error:
        print(f"sumber buku ini bergalat; perbaiki dulu:\n{error}", file=sys.stderr)
        return 1
    hasil = impor(args.files, args.out, handbook, args.instansi, args.unit, args.replace)
    print(laporan(hasil), end="")
    return 1 if hasil.gagal and not hasil.sops else 0


def main(argv: list[str]) -> int:
    """Dispatch ``check`` (the default), ``diff``, ``new``, ``new-sop``, ``import`` or ``skema``."""
    if argv[:1] in (["-h"], ["--help"], ["help"]):
        print(USAGE, end="")
        return 0
    if argv[:1] == ["new"]:
        return new_handbook(argv[1:])
    if argv[:1] == ["new-sop"]:
        return new_sop_file(argv[1:])
    if argv[:1] == ["import"]:
        return import_files(argv[1:])
    if argv[:1] == ["skema"]:
        return schemas(Path(argv[1]) if len(argv) > 1 else Path.cwd())
    if argv[:1] == ["diff"]:
        if len(argv) < 2:
            print("pemakaian: python -m sop_handbook diff BASE [DIR]", file=sys.stderr)
            return 2
        return diff(argv[1], Path(argv[2]) if len(argv) > 2 else Path.cwd())
    github = argv[:2] == ["--format", "github"]
    rest = argv[2:] if github else argv
    return check(Path(rest[0]) if rest else Path.cwd(), github)


def cli() -> None:
    """The ``sop-handbook`` command (the package's console script), as ``python -m sop_handbook``."""
    sys.exit(main(sys.argv[1:]))


if __name__ == "__main__":
    cli()
