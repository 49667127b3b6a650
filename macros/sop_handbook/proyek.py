"""``sop-handbook new DIR --instansi NAMA``: a new agency's handbook repository, ready to build.

The skeleton is ``kerangka/``: mkdocs.yml (this repository's, with the
agency's name), a Makefile whose ``serve`` and ``test`` set themselves up,
requirements.txt (this package from ``paket/`` and every dependency pinned as
it was tested, ``pins.txt``), the CI files of GitHub and GitLab, an Indonesian
README and CONTRIBUTING, ``sop_source/`` with the agency in organisasi.yaml
and one example SOP, and ``schema/`` for editors. Its files are Jinja
templates with ``[[ ]]`` for values (the CI files use ``${{ }}`` themselves);
a file named ``gitignore`` or ``github`` is written with its leading dot.
Values are written as YAML strings where they go into YAML, so any name
stays text.
"""

from __future__ import annotations

import json
import re
import shutil
import unicodedata
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from jinja2 import Environment, StrictUndefined

from .resources import PACKAGE, SCHEMAS

SKELETON = PACKAGE / "kerangka"
PINS = PACKAGE / "pins.txt"
DOTTED = {"gitignore", "github", "gitlab-ci.yml", "gitkeep"}  # written as .gitignore, .github/, ...
_ENV = Environment(
    block_start_string="[%",
    block_end_string="%]",
    variable_start_string="[[",
    variable_end_string="]]",
    comment_start_string="[#",
    comment_end_string="#]",
    keep_trailing_newline=True,
    undefined=StrictUndefined,
    autoescape=False,  # the files are YAML, Markdown and make, each value quoted for its place below
)


def package_version() -> str:
    """This package's version, as installed."""
    try:
        return version("sop-handbook")
    except PackageNotFoundError:  # pragma: no cover - the package runs installed (editable or from a wheel)
        return "0+unknown"


def slug(text: str) -> str:
    """An id from a name: lower case ASCII letters and digits joined by hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def pins() -> str:
    """The pinned dependencies (``pins.txt`` without its comments), one per line."""
    lines = PINS.read_text(encoding="utf-8").splitlines()
    return "\n".join(line for line in lines if line.strip() and not line.startswith("#"))


def _yaml_text(text: str) -> str:
    """A one-line YAML string (JSON's quoting is YAML's), whatever the text holds."""
    return json.dumps(" ".join(text.split()), ensure_ascii=False)


def new_project(
    target: Path, nama: str, instansi_id: str = "", pemerintah: str = "", paket: Path | None = None
) -> list[Path]:
    """Write the skeleton into ``target`` (new or empty) for the agency ``nama``; the files written.

    ``ValueError`` names what is wrong: a folder that holds files, an empty
    name, an id that is not one, a wheel that is not a file.
    """
    nama = " ".join(nama.split())
    if not nama:
        raise ValueError('tulis nama instansinya: --instansi "Dinas ... Kota ..."')
    instansi_id = instansi_id or slug(nama)
    if not re.fullmatch(r"[a-z0-9]+(?:[-_][a-z0-9]+)*", instansi_id):
        raise ValueError(f"id instansi '{instansi_id}' harus huruf kecil, angka dan tanda hubung; tulis --id")
    if target.exists() and any(target.iterdir()):
        raise ValueError(f"{target} sudah berisi berkas; pilih folder baru atau kosong")
    if paket is not None and not (paket.is_file() and paket.name.endswith(".whl")):
        raise ValueError(f"{paket} bukan berkas wheel (.whl); buat dengan `make wheel`")
    values = {
        "nama": nama,
        "nama_yaml": _yaml_text(nama),
        "kop_yaml": _yaml_text(nama.upper()),
        "instansi_id": instansi_id,
        "pemerintah": _yaml_text(pemerintah) if pemerintah.strip() else "",
        "site_name": _yaml_text("Buku Pedoman SOP"),
        "site_description": _yaml_text(f"SOP AP {nama}"),
        "versi": package_version(),
        "pins": pins(),
    }
    written = []
    for source in sorted(p for p in SKELETON.rglob("*") if p.is_file()):
        parts = [f".{part}" if part in DOTTED else part for part in source.relative_to(SKELETON).parts]
        path = target.joinpath(*parts)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_ENV.from_string(source.read_text(encoding="utf-8")).render(values), encoding="utf-8")
        written.append(path)
    for schema in sorted(SCHEMAS.glob("*.schema.json")):
        path = target / "schema" / schema.name
        path.parent.mkdir(exist_ok=True)
        shutil.copyfile(schema, path)
        written.append(path)
    if paket is not None:
        written.append(Path(shutil.copy2(paket, target / "paket" / paket.name)))
    return written
