"""Bad sources: every case in tests/cases/errors/ stops the build with located messages.

A case is one of:

- a file ``<name>.yaml``, added to a copy of the real sources, that ends with
  the errors it must produce as ``# galat: <file>:<line>: <key path>: <message>``
  lines. Byte-level cases (other encodings, a byte-order mark, CRLF or CR line
  endings, control characters) are stored with their exact bytes; their
  ``# galat:`` lines are read with undecodable bytes replaced;
- a folder ``<name>/`` whose files are copied over the real sources: a file
  named like a real one (``organisasi.yaml``, ``peraturan.yaml``, ...) replaces
  it, any other is added. The expected errors are the ``# galat:`` lines of all
  its files and of ``galat.txt``, for files that cannot hold them (an empty
  file, UTF-16);
- generated here (``GENERATED``): files too large to store.

Adding a case means adding a file or a folder. Each case is loaded with the
loader (the exact set of errors), checked from the command line (exit status,
every line, no traceback) and its lines are checked to point at their key.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from sop_handbook import __main__ as command_line
from sop_handbook import render_pages, render_sop
from sop_handbook.durations import angka
from sop_handbook.problems import SourceError
from sop_handbook.yamlsource import MAX_BYTES

from .conftest import FIXTURES, HARI_INI, ROOT, build, load, make_project, real_sources

CASE_DIR = Path(__file__).parent / "cases" / "errors"
MARK = "# galat: "
EXPECTED_FILE = "galat.txt"
# A minimal valid SOP, for the generated cases.
CONTOH = """\
# yaml-language-server: $schema=../schema/sop.schema.json
id: contoh
instansi: diskopukm
unit: sekretariat
judul: Contoh
nomor: 001/CONTOH
disahkan_oleh:
  pejabat: kepala-dinas-diskopukm
langkah:
  - no: 1
    kegiatan: Menyusun konsep
    pelaksana: anggota-tim
    mutu_baku: {waktu: 2 Jam}
"""
TOO_BIG = "periksa apakah ada isi yang tertempel tidak sengaja, atau pecah menjadi beberapa SOP"


def expected_errors(data: bytes) -> list[str]:
    """The ``# galat:`` lines of a file's bytes, whatever its encoding or line endings."""
    text = data.decode("utf-8", errors="replace").removeprefix("\ufeff")
    return [line.removeprefix(MARK) for line in text.splitlines() if line.startswith(MARK)]


@dataclass(frozen=True)
class Case:
    """Files to put in ``sop_source/`` and the exact errors they must give."""

    name: str
    make: Callable[[], dict[str, bytes]]  # file name -> bytes
    expect: Callable[[dict[str, bytes]], list[str]]

    def write(self, source_dir: Path) -> list[str]:
        """Write the files into ``source_dir``; the expected error lines."""
        files = self.make()
        for name, data in files.items():
            (source_dir / name).write_bytes(data)
        return self.expect(files)


def _stored(path: Path) -> Case:
    if path.is_dir():
        expected = path / EXPECTED_FILE
        extra = expected_errors(expected.read_bytes()) if expected.exists() else []
        return Case(
            path.name,
            lambda: {p.name: p.read_bytes() for p in sorted(path.iterdir()) if p.name != EXPECTED_FILE},
            lambda files: [line for data in files.values() for line in expected_errors(data)] + extra,
        )
    return Case(path.stem, lambda: {path.name: path.read_bytes()}, lambda files: expected_errors(files[path.name]))


def _megabytes(data: bytes) -> str:
    return f"{len(data) / 1_000_000:.1f}".replace(".", ",")


def _big(name: str, make: Callable[[], bytes]) -> Case:
    def expect(files: dict[str, bytes]) -> list[str]:
        size = _megabytes(files[name])
        return [f"sop_source/{name}:1: (berkas): berkas {size} MB melebihi batas 1 MB per berkas sumber; {TOO_BIG}"]

    return Case(name.removesuffix(".yaml"), lambda: {name: make()}, expect)


def _twenty_megabytes() -> bytes:
    head = (CONTOH + "peringatan: ").encode()
    return head + b"x" * (20_000_000 - len(head) - 1) + b"\n"


def _hundred_thousand_steps() -> bytes:
    step = "\n".join(
        [
            "  - no: {0}",
            "    kegiatan: Menyusun konsep {0}",
            "    pelaksana: anggota-tim",
            "    mutu_baku: {{waktu: 1 Jam}}",
            "",
        ]
    )
    return (CONTOH + "".join(step.format(no) for no in range(2, 100_001))).encode()


GENERATED = [
    _big("besar-20mb.yaml", _twenty_megabytes),
    _big("seratus-ribu-langkah.yaml", _hundred_thousand_steps),
]
STORED = sorted(path for path in CASE_DIR.iterdir() if not path.name.startswith("."))  # not .gitattributes
CASES = [_stored(path) for path in STORED] + GENERATED
BY_NAME = {case.name: case for case in CASES}


def sources_with(tmp_path: Path, *cases: Case) -> tuple[Path, list[str]]:
    """A copy of the real sources with the files of ``cases``; the errors they expect."""
    source_dir = tmp_path / "sop_source"
    source_dir.mkdir()
    for path in real_sources():
        shutil.copy2(path, source_dir / path.name)
    expected = [line for case in cases for line in case.write(source_dir)]
    return source_dir, expected


def test_the_corpus_holds_at_least_44_cases():
    assert len(CASES) >= 44
    assert all(path.suffix == ".yaml" or path.is_dir() for path in STORED), STORED


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_bad_source_stops_with_located_message(case, tmp_path):
    source_dir, expected = sources_with(tmp_path, case)
    assert expected, f"{case.name} must end with its expected '{MARK}...' lines"
    with pytest.raises(SourceError) as info:
        load(source_dir, tmp_path)
    assert sorted(str(p) for p in info.value.problems) == sorted(expected)


LOCATED = re.compile(r"^(sop_source/[^:]+):(\d+): (.+?): (.+)$")


@pytest.mark.parametrize("case", [c for c in CASES if c not in GENERATED], ids=lambda c: c.name)
def test_each_line_number_points_at_its_key(case):
    """``file:line: key path: message``, and the line is the key's (or its list item's) line in that file."""
    files = case.make()
    for line in case.expect(files):
        match = LOCATED.match(line)
        assert match, f"not 'file:line: key path: message': {line}"
        file, number, path, message = match[1], int(match[2]), match[3], match[4]
        assert message.strip() and not message.startswith(" ")
        name = file.removeprefix("sop_source/")
        data = files[name] if name in files else (ROOT / file).read_bytes()
        lines = data.decode("utf-8", errors="replace").removeprefix("\ufeff").splitlines() or [""]
        assert 1 <= number <= len(lines), line
        if path == "(berkas)":
            continue
        text = lines[number - 1]
        last = re.split(r"\.|\[", path)[-1]
        if last.endswith("]"):  # a list item: its '- ' or its place in a flow list
            assert "- " in text or "[" in text, f"{line}\n  line {number}: {text!r}"
        else:
            assert last in text, f"{line}\n  line {number}: {text!r}"


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_check_command_stops_without_traceback(case, tmp_path, capsys):
    """The command, in this process (``test_check_command_passes_on_the_real_sources`` runs it as a program):
    any exception it let through would fail the test, as a traceback would."""
    project = tmp_path / "proyek"
    shutil.copytree(ROOT / "schema", project / "schema")
    _, expected = sources_with(project, case)
    returncode = command_line.main([str(project)])
    out, err = capsys.readouterr()
    assert returncode == 1, out + err
    reported = err.splitlines()
    assert reported[0] == f"{len(expected)} galat di sumber SOP; perbaiki lalu bangun ulang:"
    assert sorted(reported[1:]) == sorted(f"  {line}" for line in expected)


BUILD_CASES = ["sintaks-kutip-tidak-ditutup", "billion-laughs", "bukan-utf8", "organisasi-id-ganda"]


@pytest.mark.build
@pytest.mark.parametrize("name", BUILD_CASES)
def test_strict_build_stops_before_writing_the_site(name, tmp_path):
    project = make_project(tmp_path / "proyek", real_sources())
    expected = BY_NAME[name].write(project / "sop_source")
    result = build(project)
    assert result.returncode == 1, result.output
    assert "Traceback" not in result.output
    for line in expected:
        assert line in result.output, result.output
    assert not result.site.exists()


def test_nested_aliases_are_refused_without_being_expanded(tmp_path):
    """A "billion laughs" of 10**30 values: refused by reading its 300 aliases, never by expanding them."""
    levels = [f"l{i}" for i in range(31)]
    laughs = "".join(
        f"  - &{name} [{', '.join([f'*{levels[i - 1]}' if i else 'ha'] * 10)}]\n" for i, name in enumerate(levels)
    )
    case = Case("tawa", lambda: {"tawa.yaml": (CONTOH + "catatan_sumber:\n" + laughs).encode()}, lambda _: [])
    source_dir, _ = sources_with(tmp_path, case, BY_NAME["billion-laughs"])
    start = time.perf_counter()
    with pytest.raises(SourceError) as info:
        load(source_dir, tmp_path)
    assert time.perf_counter() - start < 2
    tawa = [str(p) for p in info.value.problems if p.file == "sop_source/tawa.yaml"]
    assert tawa[-1] == (
        "sop_source/tawa.yaml:16: catatan_sumber[1][5]: 295 alias lagi mulai baris ini; "
        "anchor/alias YAML (& dan *) tidak didukung; tulis nilainya langsung"
    )
    assert len(tawa) == 6


def test_big_files_are_refused_before_they_are_parsed(tmp_path):
    source_dir, expected = sources_with(tmp_path, *GENERATED)
    start = time.perf_counter()
    with pytest.raises(SourceError) as info:
        load(source_dir, tmp_path)
    assert time.perf_counter() - start < 2
    assert sorted(str(p) for p in info.value.problems) == sorted(expected)


def test_a_file_of_exactly_the_size_limit_is_read(tmp_path):
    source_dir, _ = sources_with(tmp_path)
    text = CONTOH + "# "
    path = source_dir / "contoh.yaml"
    path.write_text(text + "x" * (MAX_BYTES - len(text.encode()) - 1) + "\n", encoding="utf-8")
    assert path.stat().st_size == MAX_BYTES
    assert "contoh" in {sop.id for sop in load(source_dir, tmp_path).sops}
    path.write_bytes(path.read_bytes() + b"\n")
    with pytest.raises(SourceError) as info:
        load(source_dir, tmp_path)
    assert [str(p) for p in info.value.problems] == [
        f"sop_source/contoh.yaml:1: (berkas): berkas 1,0 MB melebihi batas 1 MB per berkas sumber; {TOO_BIG}"
    ]


def test_an_unreadable_source_is_an_error_not_a_traceback(tmp_path):
    source_dir, _ = sources_with(tmp_path)
    (source_dir / "folder.yaml").mkdir()
    with pytest.raises(SourceError) as info:
        load(source_dir, tmp_path)
    [problem] = info.value.problems
    assert (problem.file, problem.line) == ("sop_source/folder.yaml", 1)
    assert problem.message.startswith("berkas tidak dapat dibaca (")


def test_every_problem_of_every_file_is_reported_at_once(tmp_path):
    cases = [BY_NAME[name] for name in ("pelaksana-tidak-dikenal", "waktu-tidak-terbaca", "kunci-salah-ketik")]
    source_dir, _ = sources_with(tmp_path, *cases)
    with pytest.raises(SourceError) as info:
        load(source_dir, tmp_path)
    reported = {p.file for p in info.value.problems}
    assert reported == {f"sop_source/{c.name}.yaml" for c in cases}
    assert str(info.value).startswith(f"{len(info.value.problems)} galat di sumber SOP")


def test_the_real_sources_load_without_errors():
    handbook = load(ROOT / "sop_source", ROOT)
    assert {s.id: len(s.langkah) for s in handbook.sops} == {
        "penyusunan-renja-renstra": 10,
        "penyusunan-laporan-evaluasi": 10,
        "penyusunan-rka-dpa": 16,
        "penyusunan-lkpj": 10,
        "penyusunan-lppd": 10,
        "penyusunan-lakip": 10,
    }


def test_a_broken_sop_is_not_reported_again_by_the_sops_that_refer_to_it(tmp_path):
    source_dir, _ = sources_with(tmp_path)
    lkpj = source_dir / "penyusunan-lkpj.yaml"
    lkpj.write_text(lkpj.read_text(encoding="utf-8").replace("waktu: 1 Hari", "waktu: sehari"), encoding="utf-8")
    with pytest.raises(SourceError) as info:
        load(source_dir, tmp_path)
    assert {p.file for p in info.value.problems} == {"sop_source/penyusunan-lkpj.yaml"}


def test_missing_organisasi_is_an_error(tmp_path):
    source_dir, _ = sources_with(tmp_path)
    (source_dir / "organisasi.yaml").unlink()
    with pytest.raises(SourceError) as info:
        load(source_dir, tmp_path)
    assert [str(p) for p in info.value.problems] == [
        "sop_source/organisasi.yaml:1: (berkas): berkas tidak ada; buat berkas ini (lihat README)"
    ]


def test_errors_in_organisasi_are_located(tmp_path):
    source_dir, _ = sources_with(tmp_path)
    path = source_dir / "organisasi.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("- id: anggota-tim", "- id: ketua-tim").replace("jam_per_hari: 7.5", "jam_per_hari: 0")
    path.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    jam = next(i for i, line in enumerate(lines, 1) if "jam_per_hari" in line)
    second = [i for i, line in enumerate(lines, 1) if "- id: ketua-tim" in line]
    with pytest.raises(SourceError) as info:
        load(source_dir, tmp_path)
    assert [str(p) for p in info.value.problems] == [
        f"sop_source/organisasi.yaml:{jam}: konvensi_waktu.jam_per_hari: harus > 0 (tertulis: 0)"
    ]
    path.write_text(text.replace("jam_per_hari: 0", "jam_per_hari: 7.5"), encoding="utf-8")
    with pytest.raises(SourceError) as info:
        load(source_dir, tmp_path)
    expected = (
        f"sop_source/organisasi.yaml:{second[1]}: instansi[0].unit[0].pelaksana[1].id: "
        f"id 'ketua-tim' sudah dipakai di baris {second[0]}; setiap id harus unik"
    )
    assert expected in [str(p) for p in info.value.problems]


def test_each_agency_has_its_government_or_the_files_default(tmp_path):
    source_dir, _ = sources_with(tmp_path)
    path = source_dir / "organisasi.yaml"
    text = path.read_text(encoding="utf-8")
    default = next(line for line in text.splitlines() if line.startswith("pemerintah:"))
    own = "    pemerintah: Pemerintah Kota Pontianak\n"
    path.write_text(text.replace("    nama: Dinas Koperasi", own + "    nama: Dinas Koperasi", 1), encoding="utf-8")
    assert {i.pemerintah for i in load(source_dir, tmp_path).instansi} == {"Pemerintah Kota Pontianak"}
    path.write_text(text.replace(default + "\n", ""), encoding="utf-8")
    with pytest.raises(SourceError) as info:
        load(source_dir, tmp_path)
    line = next(
        i for i, line in enumerate(text.replace(default + "\n", "").splitlines(), 1) if "- id: diskopukm" in line
    )
    assert [str(p) for p in info.value.problems] == [
        f"sop_source/organisasi.yaml:{line}: instansi[0]: instansi 'diskopukm' tanpa pemerintah: tulis "
        "`pemerintah:` di instansi ini (mis. 'Pemerintah Kota Batu'), atau sekali di awal berkas untuk semua instansi; "
        "tulis `pemerintah: null` bila kop formulirnya tidak mencetak pemerintah"
    ]


def test_an_agency_may_count_working_hours_by_its_own_convention(tmp_path):
    source_dir, _ = sources_with(tmp_path)
    path = source_dir / "organisasi.yaml"
    text = path.read_text(encoding="utf-8")
    default = load(source_dir, tmp_path)
    own = "    konvensi_waktu: {jam_per_hari: 8, hari_per_minggu: 6, hari_per_bulan: 24}\n"
    path.write_text(text.replace("    nama: Dinas Koperasi", own + "    nama: Dinas Koperasi", 1), encoding="utf-8")
    handbook = load(source_dir, tmp_path)
    [instansi] = handbook.instansi
    assert (instansi.konvensi.jam_per_hari, handbook.konvensi.jam_per_hari) == (8, 7.5)
    sop, before = handbook.sop("penyusunan-lkpj"), default.sop("penyusunan-lkpj")
    day = next(i for i, step in enumerate(sop.langkah) if step.mutu_baku.waktu == "1 Hari")
    assert (sop.langkah[day].mutu_baku.durasi_jam, before.langkah[day].mutu_baku.durasi_jam) == (8, 7.5)
    page = render_sop.sop_page(sop, handbook, HARI_INI)
    assert f"({angka(sop.total_jam)} jam)" in page  # the total in the agency's own hours
    assert render_pages.konvensi_waktu(handbook) == (
        '<p class="sop-konvensi">Waktu dihitung dalam jam kerja: 1 hari = 8 jam, 1 minggu = 6 hari, '
        "1 bulan = 24 hari kerja.</p>"
    )  # the file's default, which no agency uses, is not named


def test_agencies_of_different_conventions_are_each_named_with_theirs(tmp_path):
    source_dir = tmp_path / "sop_source"
    shutil.copytree(FIXTURES / "multi", source_dir)
    path = source_dir / "organisasi.yaml"
    text = path.read_text(encoding="utf-8")
    own = "    konvensi_waktu: {jam_per_hari: 7.5, hari_per_minggu: 5, hari_per_bulan: 20}\n"
    path.write_text(text.replace("    nama: Badan Contoh B\n", "    nama: Badan Contoh B\n" + own), encoding="utf-8")
    handbook = load(source_dir, tmp_path)
    assert [[i.id for i in agencies] for _, agencies in handbook.konvensi_instansi] == [["dinas-a"], ["badan-b"]]
    assert render_pages.konvensi_waktu(handbook) == (
        '<p class="sop-konvensi">Waktu dihitung dalam jam kerja (Dinas Contoh A): 1 hari = 8 jam, '
        "1 minggu = 5 hari, 1 bulan = 22 hari kerja.</p>\n"
        '<p class="sop-konvensi">Waktu dihitung dalam jam kerja (Badan Contoh B): 1 hari = 7,5 jam, '
        "1 minggu = 5 hari, 1 bulan = 20 hari kerja.</p>"
    )


@pytest.mark.parametrize("written", ["196508091986031012", "19650809198603 1 012", "19650809 198603 1 012"])
def test_a_nip_is_shown_in_its_groups_however_it_is_spaced(tmp_path, written):
    source_dir, _ = sources_with(tmp_path)
    path = source_dir / "organisasi.yaml"
    text = path.read_text(encoding="utf-8")
    assert "nip: 19650809 198603 1 012" in text
    path.write_text(text.replace("nip: 19650809 198603 1 012", f'nip: "{written}"'), encoding="utf-8")
    handbook = load(source_dir, tmp_path)
    sop = handbook.sop("penyusunan-lkpj")
    assert sop.disahkan_oleh.pejabat.nip == "19650809 198603 1 012"
    assert "NIP. 19650809 198603 1 012" in render_sop.sop_page(sop, handbook, HARI_INI)


@pytest.mark.parametrize("written", ["19650809 198603 1 01", "19650809-198603-1-012", "19650809  198603 1 012"])
def test_a_nip_not_of_18_digits_is_an_error(tmp_path, written):
    source_dir, _ = sources_with(tmp_path)
    path = source_dir / "organisasi.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("nip: 19650809 198603 1 012", f'nip: "{written}"'), encoding="utf-8")
    with pytest.raises(SourceError) as info:
        load(source_dir, tmp_path)
    [problem] = info.value.problems
    assert problem.path == ("pejabat", 0, "nip")
    assert problem.message == (
        "NIP ditulis 18 angka, dengan atau tanpa spasi di antara kelompoknya: '19650809 198603 1 012' "
        f"atau '196508091986031012' (tertulis: {written!r})"
    )


def test_check_command_passes_on_the_real_sources():
    result = subprocess.run([sys.executable, "-m", "sop_handbook", str(ROOT)], capture_output=True, text=True)
    assert result.returncode == 0
    assert result.stdout.splitlines()[-1].startswith("6 SOP, 66 langkah: tidak ada galat;")
