"""Load every source of a handbook into the model, reporting every problem at once.

``load_handbook`` is the single entry: read all files, validate each against
its schema, build the model from the valid ones, cross-check the whole, and
either return the ``Handbook`` (with its data-quality warnings) or raise
``SourceError`` listing every error.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from . import checks
from .durations import KonvensiWaktu, parse_waktu
from .glosarium import build_glosarium
from .katalog import build_peraturan
from .model import (
    SELESAI,
    TIDAK_TERCANTUM,
    DasarHukum,
    Handbook,
    Keterkaitan,
    Langkah,
    MutuBaku,
    Pengesahan,
    Peran,
    Peraturan,
    Revisi,
    Sop,
    Tertulis,
    Unit,
)
from .organisasi import Organisasi, build_organisasi
from .problems import KeyPath, Level, Problem, SourceError, close_id, did_you_mean, valid_values
from .resources import SCHEMAS
from .schema import schema_messages
from .tanggal import Tanggal, is_mark, parse_tanggal
from .yamlsource import Source, read_source

SOURCE_DIR = "sop_source"  # the project's folders, relative to the folder of mkdocs.yml
SCHEMA_DIR = "schema"
ORGANISASI = "organisasi.yaml"
PERATURAN = "peraturan.yaml"
GLOSARIUM = "glosarium.yaml"
CATALOGUES = (ORGANISASI, PERATURAN, GLOSARIUM)


def load_project(root: Path, hari_ini: date | None = None, sumber: str = SOURCE_DIR) -> Handbook:
    """Load the handbook of the project in ``root`` (its sources' folder ``sumber``), checked with the
    package's schemas.

    Its schema/ is the copy the sources' first lines name for their editors
    (``sop-handbook skema`` writes it); a copy that differs is reported.

    Python's cyclic garbage collector is paused meanwhile: loading makes a
    million objects that all stay (or go by reference counting, as the YAML
    nodes do), and each of the collector's passes over a build's whole heap
    found nothing to collect (a third of the time of loading a thousand SOPs in a build).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return load_handbook(root / sumber, SCHEMAS, root, hari_ini, editor_schemas=root / SCHEMA_DIR)
    finally:
        if was_enabled:
            gc.enable()


def load_handbook(
    source_dir: Path,
    schema_dir: Path,
    root: Path | None = None,
    hari_ini: date | None = None,
    editor_schemas: Path | None = None,
) -> Handbook:
    """Load and check ``source_dir`` against the schemas of ``schema_dir``; file names in messages are
    relative to ``root``.

    ``hari_ini`` (default: today) decides which revision is in force and which
    review is overdue. ``editor_schemas`` (default: ``schema_dir``) is the
    folder the sources' first lines name, a copy of ``schema_dir`` for editors.
    """
    root = root or source_dir.parent
    hari_ini = hari_ini or date.today()
    editor_schemas = editor_schemas or schema_dir
    problems: list[Problem] = _stale_schemas(schema_dir, editor_schemas, root)

    def read(path: Path, kind: str) -> Source | None:
        name = f"{kind}.schema.json"
        return _read_valid(path, root, schema_dir / name, editor_schemas / name, problems)

    org_source = read(source_dir / ORGANISASI, "organisasi")
    # The catalogues are optional; one that exists but is invalid is "unknown",
    # and what refers to it is not checked against it (its errors are reported).
    peraturan_source = read(source_dir / PERATURAN, "peraturan") if (source_dir / PERATURAN).exists() else None
    glosarium_source = read(source_dir / GLOSARIUM, "glosarium") if (source_dir / GLOSARIUM).exists() else None
    sop_files = [
        p for p in sorted(source_dir.rglob("*.yaml")) if p.relative_to(source_dir).as_posix() not in CATALOGUES
    ]
    valid = [s for s in (read(path, "sop") for path in sop_files) if s is not None]
    problems += [_misnamed(path, root) for path in sorted(source_dir.rglob("*.yml"))]
    if org_source is None:
        raise SourceError([p for p in problems if p.level is Level.ERROR])
    org, org_problems = build_organisasi(org_source)
    peraturan, peraturan_problems = build_peraturan(peraturan_source) if peraturan_source else ((), [])
    glosarium, glosarium_problems = build_glosarium(glosarium_source) if glosarium_source else ((), [])
    problems += org_problems + peraturan_problems + glosarium_problems
    peraturan_known = None if (source_dir / PERATURAN).exists() and not peraturan_source else peraturan
    sops = _build_sops(valid, org, peraturan_known, problems)
    # Ids of every schema-valid file count as known, so that a mistake inside
    # one SOP is not reported again as a broken reference from its neighbours.
    problems += checks.check_handbook(sops, {s.file: s for s in valid}, {s.data["id"] for s in valid}, hari_ini)
    problems += checks.check_peraturan(peraturan, sops, peraturan_source)
    errors = [p for p in problems if p.level is Level.ERROR]
    if errors:
        raise SourceError(errors)
    warnings = tuple(p for p in problems if p.level is Level.WARNING)
    return Handbook(org.konvensi, org.instansi, org.pejabat, sops, peraturan, glosarium, warnings, hari_ini)


def _build_sops(
    sources: list[Source], org: Organisasi, peraturan: tuple[Peraturan, ...] | None, problems: list[Problem]
) -> tuple[Sop, ...]:
    by_id = None if peraturan is None else {p.id: p for p in peraturan}
    sops = []
    for source in sources:
        sop, sop_problems = build_sop(source, org, by_id)
        problems += sop_problems
        if sop is not None:
            sops.append(sop)
    return tuple(sorted(sops, key=lambda s: (s.judul_tampil.casefold(), s.id)))


def _stale_schemas(schema_dir: Path, editor_schemas: Path, root: Path) -> list[Problem]:
    """Warnings for the editors' copy of the schemas where it is not the one the sources are checked with."""
    if editor_schemas.resolve() == schema_dir.resolve():
        return []
    stale = []
    for schema in sorted(schema_dir.glob("*.schema.json")):
        copy = editor_schemas / schema.name
        if not copy.is_file() or copy.read_bytes() != schema.read_bytes():
            display = copy.relative_to(root).as_posix() if copy.is_relative_to(root) else str(copy)
            state = "tidak ada" if not copy.is_file() else "berbeda dengan skema yang dipakai pemeriksaan"
            message = f"{state}; jalankan `sop-handbook skema` agar editor memeriksa isian dengan skema yang sama"
            stale.append(Problem(Level.WARNING, display, 1, (), message))
    return stale


def _read_valid(
    path: Path, root: Path, schema_file: Path, editor_schema: Path, problems: list[Problem]
) -> Source | None:
    display = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    if not path.exists():
        problems.append(Problem(Level.ERROR, display, 1, (), "berkas tidak ada; buat berkas ini (lihat README)"))
        return None
    source, read_problems = read_source(path, display)
    problems += read_problems
    if source is None or read_problems:
        return None
    schema_problems = [source.problem(key, message) for key, message in schema_messages(source, schema_file)]
    problems += schema_problems
    problems += _schema_line(source, path, editor_schema)
    return None if schema_problems else source


def _schema_line(source: Source, path: Path, schema_file: Path) -> list[Problem]:
    """Editors validate as the author types only if line 1 names the schema."""
    expected = f"# yaml-language-server: $schema={os.path.relpath(schema_file, path.parent)}"
    if source.first_line == expected:
        return []
    message = f"baris pertama sebaiknya '{expected}' agar editor memeriksa isian saat mengetik"
    return [Problem(Level.WARNING, source.file, 1, (), message)]


def _misnamed(path: Path, root: Path) -> Problem:
    display = path.relative_to(root).as_posix()
    return Problem(Level.ERROR, display, 1, (), "akhiran .yml tidak dibaca; ganti nama berkas menjadi .yaml")


def build_sop(
    source: Source, org: Organisasi, peraturan: Mapping[str, Peraturan] | None
) -> tuple[Sop | None, list[Problem]]:
    """The model of one schema-valid SOP file, or the reasons it cannot be built."""
    d = source.data
    problems: list[Problem] = []
    tidak_terbaca = _tidak_terbaca(source, (), d, problems)
    instansi = org.cari_instansi(d["instansi"])
    unit = instansi.cari_unit(d["unit"]) if instansi else None
    pengesahan = d.get("disahkan_oleh") or {}
    pejabat = org.cari_pejabat(pengesahan["pejabat"]) if "pejabat" in pengesahan else None
    if instansi is None:
        problems.append(_unknown(source, ("instansi",), [i.id for i in org.instansi], "instansi", ""))
    elif unit is None:
        problems.append(
            _unknown(source, ("unit",), [u.id for u in instansi.unit], "unit", f" di instansi {instansi.id}")
        )
    elif not unit.pelaksana:
        inner = [u.id for u in instansi.unit if unit.id in u.induk_id and u.pelaksana]
        message = f"unit '{unit.id}' hanya mengelompokkan unit lain; tulis unit SOP ini: {valid_values(inner)}"
        problems.append(source.problem(("unit",), message))
        unit = None
    if "pejabat" in pengesahan and pejabat is None:
        ids = [p.id for p in org.pejabat]
        problems.append(_unknown(source, ("disahkan_oleh", "pejabat"), ids, "pejabat", ""))
    marks: list[tuple[str, str]] = []
    dates = {key: _date(source, key, problems, marks) for key in _DATE_KEYS}
    nomor = d.get("nomor")
    if nomor is not None and is_mark(nomor):
        marks.append(("nomor", nomor.strip()))
        nomor = None
    langkah = _langkah(source, unit, instansi.konvensi, problems) if instansi and unit else ()
    kolom = _kolom_pelaksana(source, unit, langkah, problems) if unit else ()
    dasar_hukum = _dasar_hukum(source, peraturan, problems)
    keterkaitan = _keterkaitan(source, problems)
    riwayat = _riwayat(source, org, problems)
    if any(p.level is Level.ERROR for p in problems) or instansi is None or unit is None:
        return None, problems
    tertulis = pengesahan.get("tertulis")
    sop = Sop(
        id=d["id"],
        file=source.file,
        instansi=instansi,
        unit=unit,
        judul=d["judul"],
        nomor=nomor or None,
        nama=d.get("nama"),
        dokumen=tuple(d.get("dokumen", ())),
        kategori=tuple(d.get("kategori", ())),
        **dates,
        disahkan_oleh=Pengesahan(pejabat, Tertulis(**tertulis) if tertulis else None),
        dasar_hukum=dasar_hukum,
        kualifikasi_pelaksana=tuple(d.get("kualifikasi_pelaksana", ())),
        keterkaitan=keterkaitan,
        peralatan_perlengkapan=tuple(d.get("peralatan_perlengkapan", ())),
        peringatan=d.get("peringatan"),
        pencatatan_pendataan=tuple(d.get("pencatatan_pendataan", ())),
        catatan_sumber=tuple(d.get("catatan_sumber", ())),
        riwayat_revisi=riwayat,
        langkah=langkah,
        tanda_kosong=tuple(marks),
        kolom_pelaksana=kolom,
        tidak_terbaca=tidak_terbaca,
    )
    return sop, problems


# Fields that hold one value: unreadable, they are empty. A list or an approver may be read in part.
_ONE_VALUE = {"nomor", "nama", "tanggal_pembuatan", "tanggal_revisi", "tanggal_efektif", "peringatan"}
_ONE_VALUE_STEP = {"kelengkapan", "waktu", "output", "keterangan", "ya", "tidak"}


def _tidak_terbaca(source: Source, path: KeyPath, item: dict[str, Any], problems: list[Problem]) -> frozenset[str]:
    """The keys ``tidak_terbaca:`` names; one that names a field holding its one value is a contradiction."""
    keys = item.get("tidak_terbaca") or []
    fields = (item.get("mutu_baku") or {}) if path else item
    for j, key in enumerate(keys):
        value = (item if key in ("ya", "tidak", "keterangan") else fields).get(key)
        if key in (_ONE_VALUE_STEP if path else _ONE_VALUE) and value not in (None, ""):
            message = (
                f"'{key}' tertulis di tidak_terbaca, padahal isiannya terisi ({value!r}); hapus '{key}' dari "
                "tidak_terbaca bila terbaca, atau kosongkan isiannya bila tidak"
            )
            problems.append(source.problem((*path, "tidak_terbaca", j), message))
    return frozenset(keys)


def _kolom_pelaksana(
    source: Source, unit: Unit, langkah: tuple[Langkah, ...], problems: list[Problem]
) -> tuple[Peran, ...]:
    """The SOP's own printed pelaksana columns (``kolom_pelaksana``): roles of its unit, among them every
    role that performs a step."""
    written: list[str] = source.data.get("kolom_pelaksana") or []
    columns = []
    for index, peran_id in enumerate(written):
        found = unit.peran(peran_id)
        if found is None:
            ids = [p.id for p in unit.pelaksana]
            problems.append(_unknown(source, ("kolom_pelaksana", index), ids, "pelaksana", f" di unit {unit.id}"))
        elif found in columns:
            message = f"kolom '{peran_id}' sudah disebut; tulis setiap kolom sekali"
            problems.append(source.problem(("kolom_pelaksana", index), message))
        else:
            columns.append(found)
    if not written or len(columns) < len(written):  # none named, or an error already reported
        return tuple(columns)
    for peran in dict.fromkeys(p for step in langkah for p in step.pelaksana if p is not TIDAK_TERCANTUM):
        if peran not in columns:
            steps = ", ".join(str(step.no) for step in langkah if step.oleh(peran.id))
            message = (
                f"pelaksana '{peran.id}' (langkah {steps}) tidak ada di kolom_pelaksana; tambahkan '{peran.id}' ke "
                "daftar ini, atau hapus kunci kolom_pelaksana agar formulir memuat semua kolom unit"
            )
            problems.append(source.problem(("kolom_pelaksana",), message))
    return tuple(columns)


def _unknown(source: Source, path: KeyPath, choices: list[str], what: str, where: str) -> Problem:
    """'<what> 'x' tidak ada<where> (organisasi.yaml)' with a did-you-mean or the choices."""
    value = source.data
    for key in path:
        value = value[key]
    hint = did_you_mean(value, choices) or f"; pilihan: {valid_values(choices)}"
    return source.problem(path, f"{what} '{value}' tidak ada{where} (organisasi.yaml){hint}")


def _dasar_hukum(
    source: Source, peraturan: Mapping[str, Peraturan] | None, problems: list[Problem]
) -> tuple[DasarHukum, ...]:
    if peraturan is None:  # the catalogue itself has errors, reported on their own
        return ()
    cited = []
    for index, item in enumerate(source.data.get("dasar_hukum", ())):
        if "peraturan" not in item:  # cited as written only: shown so, and listed in Catatan mutu data
            cited.append(DasarHukum(None, item["tertulis"]))
            continue
        found = peraturan.get(item["peraturan"])
        if found is None:
            message = (
                f"peraturan '{item['peraturan']}' tidak ada di peraturan.yaml{_tambahkan(item['peraturan'], peraturan)}"
            )
            problems.append(source.problem(("dasar_hukum", index, "peraturan"), message))
        else:
            cited.append(DasarHukum(found, item.get("tertulis")))
    return tuple(cited)


def _tambahkan(peraturan_id: str, peraturan: Mapping[str, Peraturan]) -> str:
    """A did-you-mean of the same kind, or how to cite a regulation the catalogue does not hold (yet)."""
    close = close_id(peraturan_id, peraturan, same_kind=True)
    if close:
        return f"; maksud Anda '{close}'?"
    return (
        f"; tambahkan peraturan ini ke {SOURCE_DIR}/{PERATURAN} (id, jenis, nomor, tahun, tentang), atau bila "
        "belum dicatat, hapus `peraturan:` dan tulis kutipannya saja di `tertulis:`"
    )


# The keys of an SOP of this handbook (``sop``) and of one outside it (``nama``), apart from ``jenis``.
_DI_BUKU, _DI_LUAR = ("sop", "tertulis"), ("nama", "instansi", "url")


def _keterkaitan(source: Source, problems: list[Problem]) -> tuple[Keterkaitan, ...]:
    """Related SOPs; one item is either of this handbook (``sop``) or outside it (``nama``), not both."""
    relations = []
    for index, item in enumerate(source.data.get("keterkaitan", ())):
        path: KeyPath = ("keterkaitan", index)
        inside = "sop" in item
        wrong = [key for key in (_DI_LUAR if inside else _DI_BUKU) if key in item]
        for key in wrong:
            message = (
                f"`{key}:` hanya untuk SOP di luar buku ini (ditulis dengan `nama:` sebagai ganti `sop:`); hapus "
                f"`{key}:` bila SOP itu di buku ini, atau hapus `sop:` bila di luar"
                if inside
                else f"`{key}:` hanya bersama `sop:` (SOP di buku ini); untuk SOP di luar buku ini cukup `nama:` "
                "seperti tertulis di dokumen"
            )
            problems.append(source.problem((*path, key), message))
        if not wrong:
            values = (item.get(key) for key in ("tertulis", *_DI_LUAR))
            relations.append(Keterkaitan(item.get("sop"), item.get("jenis", "terkait"), *values))
    return tuple(relations)


_DATE_KEYS = ("tanggal_pembuatan", "tanggal_revisi", "tanggal_efektif")


def _date(source: Source, key: str, problems: list[Problem], marks: list[tuple[str, str]]) -> Tanggal | None:
    """A date of the identity part as written; a mark such as "-" is recorded in ``marks`` as not stated."""
    text = source.data.get(key)
    if text is None or not text.strip():
        return None
    if is_mark(text):
        marks.append((key, text.strip()))
        return None
    try:
        return parse_tanggal(text)
    except ValueError as error:
        problems.append(source.problem((key,), str(error)))
        return None


def _date_at(source: Source, path: KeyPath, text: str | None, problems: list[Problem]) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        problems.append(source.problem(path, f"tanggal '{text}' tidak ada di kalender; tulis TTTT-BB-HH yang benar"))
        return None


def _riwayat(source: Source, org: Organisasi, problems: list[Problem]) -> tuple[Revisi, ...]:
    entries, previous = [], -1
    for index, item in enumerate(source.data.get("riwayat_revisi", ())):
        path: KeyPath = ("riwayat_revisi", index)
        if item["revisi"] <= previous:
            message = f"revisi {item['revisi']} tidak urut; tulis revisi berurutan naik (sebelumnya {previous})"
            problems.append(source.problem((*path, "revisi"), message))
        previous = item["revisi"]
        pejabat = None
        if "disahkan_oleh" in item:
            pejabat = org.cari_pejabat(item["disahkan_oleh"])
            if pejabat is None:
                ids = [p.id for p in org.pejabat]
                problems.append(_unknown(source, (*path, "disahkan_oleh"), ids, "pejabat", ""))
        tanggal = _date_at(source, (*path, "tanggal"), item["tanggal"], problems)
        efektif = _date_at(source, (*path, "tanggal_efektif"), item.get("tanggal_efektif"), problems)
        if tanggal is not None:
            entries.append(Revisi(item["revisi"], tanggal, item["perubahan"], efektif, pejabat))
    return tuple(entries)


def _langkah(source: Source, unit: Unit, konvensi: KonvensiWaktu, problems: list[Problem]) -> tuple[Langkah, ...]:
    items: list[dict[str, Any]] = source.data.get("langkah") or []
    problems += _numbering(source, items)
    numbers = {item["no"] for item in items}
    steps = []
    for index, item in enumerate(items):
        step = _one_step(source, index, item, unit, konvensi, numbers, problems)
        if step is not None:
            steps.append(step)
    return tuple(steps)


def _numbering(source: Source, items: list[dict[str, Any]]) -> list[Problem]:
    """Step numbers as the document prints them: rising, each once. A number the document skips (1, 2, 4)
    stays skipped, noted for the reader; a number out of order is a mistake of the transcription."""
    problems: list[Problem] = []
    seen: dict[int, int] = {}
    previous = 0
    for index, item in enumerate(items):
        no = item["no"]
        path: KeyPath = ("langkah", index, "no")
        if no in seen:
            line = source.line(("langkah", seen[no], "no"))
            problems.append(source.problem(path, f"nomor langkah {no} sudah dipakai di baris {line}"))
        elif no < previous:
            message = (
                f"langkah ke-{index + 1} bernomor {no}, sesudah langkah {previous}; tulis langkah dalam urutan "
                "dokumen, nomornya naik"
            )
            problems.append(source.problem(path, message))
        elif no > previous + 1:
            skipped = f"{previous + 1}" if no == previous + 2 else f"{previous + 1}–{no - 1}"
            message = (
                f"dokumen melompati nomor langkah {skipped}; bila demikian tercetak di dokumen, biarkan "
                "(nomor langkah tetap seperti di dokumen)"
            )
            problems.append(source.problem(path, message, Level.WARNING))
        seen.setdefault(no, index)
        previous = max(previous, no)
    return problems


def _range(numbers: set[int]) -> str:
    """The step numbers an author may choose from: "1–8", or each when the document skips some."""
    ordered = sorted(numbers)
    if ordered == list(range(ordered[0], ordered[-1] + 1)):
        return f"{ordered[0]}–{ordered[-1]}"
    return ", ".join(map(str, ordered))


def _one_step(
    source: Source,
    index: int,
    item: dict[str, Any],
    unit: Unit,
    konvensi: KonvensiWaktu,
    numbers: set[int],
    problems: list[Problem],
) -> Langkah | None:
    path: KeyPath = ("langkah", index)
    before = len(problems)
    unreadable = _tidak_terbaca(source, path, item, problems)
    written = item.get("pelaksana")
    listed = isinstance(written, list)
    peran: list[Peran] = []
    if written is None:
        peran.append(TIDAK_TERCANTUM)
        message = (
            f"pelaksana langkah {item['no']} tidak tercantum di dokumen; tulis id perannya bila diketahui "
            "(tampil di lajur 'Pelaksana tidak tercantum')"
        )
        if "pelaksana" in unreadable:
            message = (
                f"pelaksana langkah {item['no']} tidak terbaca di salinan; tulis id perannya bila dokumen asli "
                "menunjukkannya (tampil di lajur 'Pelaksana tidak tercantum')"
            )
        problems.append(source.problem((*path, "pelaksana") if "pelaksana" in item else path, message, Level.WARNING))
    ids: list[str] = written if isinstance(written, list) else [] if written is None else [written]
    for j, peran_id in enumerate(ids):
        where: KeyPath = (*path, "pelaksana", j) if listed else (*path, "pelaksana")
        found = unit.peran(peran_id)
        if found is None:
            ids = [p.id for p in unit.pelaksana]
            problems.append(_unknown(source, where, ids, "pelaksana", f" di unit {unit.id}"))
        elif found in peran:
            problems.append(
                source.problem(where, f"pelaksana '{peran_id}' sudah disebut; tulis setiap pelaksana sekali")
            )
        else:
            peran.append(found)
    jenis = item.get("jenis", "proses")
    for branch in ("ya", "tidak"):
        target = item.get(branch)
        if target is None:
            continue
        if jenis != "keputusan":
            problems.append(
                source.problem((*path, branch), f"'{branch}' hanya untuk langkah dengan 'jenis: keputusan'")
            )
        elif target == SELESAI:
            continue
        elif target == item["no"]:
            message = (
                f"langkah {target} tidak dapat menjadi tujuan '{branch}' dirinya sendiri; tulis nomor langkah yang "
                f"dijalankan bila {'Ya' if branch == 'ya' else 'Tidak'} ({_range(numbers)}, selain {target})"
            )
            problems.append(source.problem((*path, branch), message))
        elif target not in numbers:
            message = f"langkah tujuan {target} tidak ada; pilih nomor langkah lain ({_range(numbers)})"
            problems.append(source.problem((*path, branch), message))
    if jenis == "keputusan" and item.get("tidak") is None:
        state = "tidak terbaca di salinan" if "tidak" in unreadable else "tidak tercantum"
        message = (
            f"tujuan 'Tidak' keputusan langkah {item['no']} {state}; tulis `tidak:` dengan nomor langkah "
            "tujuannya bila dokumen menyebutnya, atau biarkan kosong"
        )
        problems.append(source.problem(path, message, Level.WARNING))
    if jenis == "keputusan" and item["no"] == max(numbers):
        message = (
            "keputusan tidak dapat menjadi langkah terakhir: bagan alir berakhir pada simbol Selesai setelah "
            "langkah terakhir; tambahkan langkah sesudahnya (mis. 'Menyampaikan hasil ...'), atau jadikan langkah "
            "ini proses (hapus 'jenis: keputusan')"
        )
        problems.append(source.problem((*path, "jenis"), message))
    mutu = item.get("mutu_baku") or {}
    durasi = None
    try:
        durasi = parse_waktu(mutu.get("waktu"), konvensi)
    except ValueError as error:
        problems.append(source.problem((*path, "mutu_baku", "waktu"), str(error)))
    if any(problem.level is Level.ERROR for problem in problems[before:]):
        return None
    return Langkah(
        no=item["no"],
        kegiatan=item["kegiatan"],
        label=item.get("label"),
        jenis=jenis,
        pelaksana=tuple(peran),
        pelaksana_direkonstruksi=item.get("pelaksana_direkonstruksi", False),
        mutu_baku=MutuBaku(mutu.get("kelengkapan"), mutu.get("waktu"), durasi, mutu.get("output")),
        ya=item.get("ya"),
        tidak=item.get("tidak"),
        keterangan=item.get("keterangan"),
        catatan=item.get("catatan"),
        tidak_terbaca=unreadable,
    )
