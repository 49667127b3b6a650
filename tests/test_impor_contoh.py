"""Real SOPs of six agencies, written out as their forms and imported back.

The hand-made sources of ``sop_source/`` (Dinas Koperasi UKM Kalimantan
Barat, pelaksana filled in by hand) and ``examples/lintas-instansi/`` (a
kelurahan of Medan, Kupang, Blitar, a province, a madrasah: other roles,
decisions with loops and with a branch that ends the procedure, step numbers
with gaps, empty fields, steps whose pelaksana the document does not show)
are transcriptions of real documents. Each handbook is written by the tests'
fixture writers as one book, the way its agency keeps it (Word, Excel, a PDF,
a text copy), imported with that handbook's organisasi and catalogue, and
every field the form shows is compared with the source it came from.
"""

from __future__ import annotations

from typing import Any

import pytest
from sop_handbook.impor.excel import baca_xlsx
from sop_handbook.impor.mentah import FormulirMentah
from sop_handbook.impor.normalisasi import SopImpor, Usulan, hubungkan_keterkaitan, normalisasi
from sop_handbook.impor.pdf import baca_pdf
from sop_handbook.impor.teks import baca_teks
from sop_handbook.impor.word import baca_docx
from sop_handbook.loader import load_handbook
from sop_handbook.model import TIDAK_TERCANTUM, Handbook, Sop
from sop_handbook.yamlsource import read_source

from .conftest import ROOT, load
from .formulir_excel import tulis_xlsx
from .formulir_pdf import tulis_pdf
from .formulir_teks import tulis_teks
from .formulir_uji import Formulir, Langkah
from .formulir_word import tulis_docx
from .test_impor import _dump_list, _project, _run

HANDBOOKS = {"diskopukm": ROOT / "sop_source", "lintas-instansi": ROOT / "examples" / "lintas-instansi" / "sop_source"}


def _value(value: Any) -> str:
    return "" if value is None else str(value)


def _pengesah(sop: Sop) -> str:
    """Disahkan oleh as the form prints it: office, name, rank, NIP."""
    p = sop.disahkan_oleh
    parts = [p.jabatan, p.nama, p.pangkat, f"NIP. {p.nip}" if p.nip else None]
    return "   ".join(part for part in parts if part)


def formulir(sop: Sop, data: dict[str, Any], handbook: Handbook) -> Formulir:
    """The printed form of ``sop``, from its model (the agency's kop and columns) and its source (the
    fields as written)."""
    instansi = sop.instansi
    kop = [*((instansi.pemerintah,) if instansi.pemerintah else ()), *(instansi.kop or (instansi.nama,))]
    kolom = [peran for peran in sop.kolom if peran.id != TIDAK_TERCANTUM.id]
    index = {peran.id: i for i, peran in enumerate(kolom)}
    dasar = [d.tertulis or d.peraturan.id for d in sop.dasar_hukum if d.tertulis or d.peraturan]
    steps = []
    for step in sop.langkah:
        pelaksana = tuple(index[p.id] for p in step.pelaksana if p.id in index)
        steps.append(
            Langkah(
                step.no,
                step.kegiatan,
                pelaksana,
                step.jenis,
                kelengkapan=_value(step.mutu_baku.kelengkapan),
                waktu=_value(step.mutu_baku.waktu),
                output=_value(step.mutu_baku.output),
                keterangan=_value(step.keterangan),
                ya=None if step.ya is None else str(step.ya),
                tidak=None if step.tidak is None else str(step.tidak),
            )
        )
    return Formulir(
        kop=tuple(line.upper() for line in (*kop, *sop.unit.jalur)),
        identitas=(
            ("Nomor SOP", _value(data.get("nomor"))),
            ("Tanggal Pembuatan", _value(data.get("tanggal_pembuatan"))),
            ("Tanggal Revisi", _value(data.get("tanggal_revisi"))),
            ("Tanggal Efektif", _value(data.get("tanggal_efektif"))),
            ("Disahkan oleh", _pengesah(sop)),
            ("Nama SOP", _value(sop.nama)),
        ),
        daftar=(
            ("Dasar Hukum", tuple(dasar)),
            ("Kualifikasi Pelaksana", sop.kualifikasi_pelaksana),
            ("Keterkaitan", tuple(_named(sop, handbook))),
            ("Peralatan/Perlengkapan", sop.peralatan_perlengkapan),
            ("Peringatan", (sop.peringatan,) if sop.peringatan else ()),
            ("Pencatatan dan Pendataan", sop.pencatatan_pendataan),
        ),
        kolom=tuple(peran.nama for peran in kolom),
        langkah=tuple(steps),
        judul=f"SOP {sop.judul}",
    )


def _sources(name: str) -> tuple[Handbook, list[tuple[Sop, dict[str, Any]]]]:
    """A handbook and each SOP of it with its source's data."""
    folder = HANDBOOKS[name]
    handbook = load(folder, folder.parent)
    pairs = []
    for sop in handbook.sops:
        assert sop.langkah, sop.id  # a draft has no flowchart to write
        path = folder.parent / sop.file
        source, _ = read_source(path, path.name)
        assert source is not None
        pairs.append((sop, source.data))
    return handbook, pairs


def _import(raw: list[FormulirMentah], handbook: Handbook) -> list[dict[str, Any]]:
    usulan = Usulan()
    sops: list[SopImpor] = [normalisasi(form, handbook, usulan) for form in raw]
    hubungkan_keterkaitan(sops, None)  # the book's own SOPs, as when an agency imports it first
    return [sop.data for sop in sops]


def _words(text: str | None) -> str:
    return " ".join((text or "").split())


def compare(sop: Sop, data: dict[str, Any], got: dict[str, Any], handbook: Handbook, symbols: bool) -> list[str]:
    """Every difference between the imported source ``got`` and the SOP it was written from."""
    wrong = []

    def same(key: str, have: Any, want: Any) -> None:
        if have != want:
            wrong.append(f"{sop.id}.{key}: imported {have!r}, source {want!r}")

    same("judul", got["judul"], sop.judul)
    same("nama", got["nama"], sop.nama)
    same("instansi", got["instansi"], sop.instansi.id)
    same("unit", got["unit"], sop.unit.id)
    for key in ("nomor", "tanggal_pembuatan", "tanggal_revisi", "tanggal_efektif"):
        same(key, got[key], None if data.get(key) in (None, "") else str(data[key]))
    disahkan = got["disahkan_oleh"] or {}
    pejabat = next((p for p in handbook.pejabat if p.id == disahkan.get("pejabat")), None)
    if pejabat is not None:
        read = (pejabat.jabatan, pejabat.nama, pejabat.nip)
    else:
        tertulis = disahkan.get("tertulis") or {}
        read = (tertulis.get("jabatan"), tertulis.get("nama"), tertulis.get("nip"))
    p = sop.disahkan_oleh
    same(
        "disahkan_oleh",
        tuple(_words(v).replace(" ", "") or None for v in read),
        tuple(_words(v).replace(" ", "") or None for v in (p.jabatan, p.nama, p.nip)),
    )
    cited = [(d.peraturan_id, d.tertulis) for d in sop.dasar_hukum if d.tertulis]
    same("dasar_hukum", [(d.get("peraturan"), d["tertulis"]) for d in got["dasar_hukum"] if d.get("tertulis")], cited)
    for key in ("kualifikasi_pelaksana", "peralatan_perlengkapan", "pencatatan_pendataan"):
        same(key, got[key], list(getattr(sop, key)))
    same("peringatan", got["peringatan"], sop.peringatan)
    same(
        "keterkaitan",
        [k.get("tertulis") or k.get("nama") for k in got["keterkaitan"]],
        _named(sop, handbook),
    )
    same("langkah", [s["no"] for s in got["langkah"]], [s.no for s in sop.langkah])
    for want, have in zip(sop.langkah, got["langkah"], strict=False):
        where = f"langkah {want.no}"
        same(f"{where}.kegiatan", have["kegiatan"], want.kegiatan)
        ids = [p.id for p in want.pelaksana if p.id != TIDAK_TERCANTUM.id]
        same(f"{where}.pelaksana", have["pelaksana"], (ids[0] if len(ids) == 1 else ids) if ids else None)
        mutu = want.mutu_baku
        same(
            f"{where}.mutu_baku",
            have["mutu_baku"],
            {"kelengkapan": mutu.kelengkapan, "waktu": mutu.waktu, "output": mutu.output},
        )
        same(f"{where}.keterangan", have.get("keterangan"), want.keterangan)
        if symbols and ids:  # a row without a symbol shows no decision either
            same(f"{where}.jenis", have.get("jenis", "proses"), want.jenis)
            same(f"{where}.ya", have.get("ya"), want.ya)
            same(f"{where}.tidak", have.get("tidak"), want.tidak)
    return wrong


def _named(sop: Sop, handbook: Handbook) -> list[str]:
    """Keterkaitan as the form prints it: as written, else the linked SOP's name."""
    names = []
    for k in sop.keterkaitan:
        target = next((s for s in handbook.sops if s.id == k.sop_id), None)
        names.append(k.tertulis or k.nama or (f"SOP {target.judul_tampil}" if target else k.sop_id or ""))
    return names


WRITERS = {
    "word": (".docx", tulis_docx, baca_docx),
    "excel": (".xlsx", tulis_xlsx, baca_xlsx),
}


@pytest.mark.parametrize("name", sorted(HANDBOOKS))
@pytest.mark.parametrize("kind", sorted(WRITERS))
def test_real_sops_written_as_office_documents_import_as_their_sources(tmp_path, kind, name):
    handbook, pairs = _sources(name)
    suffix, write, read = WRITERS[kind]
    path = tmp_path / f"buku{suffix}"
    write(path, [formulir(sop, data, handbook) for sop, data in pairs])
    got = _import(read(path, path.name), handbook)
    assert len(got) == len(pairs)
    wrong = [w for (sop, data), g in zip(pairs, got, strict=True) for w in compare(sop, data, g, handbook, True)]
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("name", sorted(HANDBOOKS))
def test_real_sops_in_a_text_copy_import_as_their_sources(tmp_path, name):
    handbook, pairs = _sources(name)
    path = tmp_path / "salinan.txt"
    tulis_teks(path, [formulir(sop, data, handbook) for sop, data in pairs])
    got = _import(baca_teks(path.read_text(encoding="utf-8"), path.name), handbook)
    assert len(got) == len(pairs)
    wrong = [w for (sop, data), g in zip(pairs, got, strict=True) for w in compare(sop, data, g, handbook, False)]
    assert not wrong, "\n".join(wrong)


@pytest.mark.browser
@pytest.mark.parametrize("name", sorted(HANDBOOKS))
def test_real_sops_printed_to_pdf_import_as_their_sources(browser, tmp_path, name):
    handbook, pairs = _sources(name)
    path = tmp_path / "buku.pdf"
    tulis_pdf(browser, path, [formulir(sop, data, handbook) for sop, data in pairs])
    got = _import(baca_pdf(path, path.name), handbook)
    assert len(got) == len(pairs)
    wrong = [w for (sop, data), g in zip(pairs, got, strict=True) for w in compare(sop, data, g, handbook, True)]
    assert not wrong, "\n".join(wrong)


def test_other_agencies_unknown_to_the_handbook_load_once_the_proposals_are_copied_in(tmp_path):
    """The five agencies' book imported into a handbook that knows none of them: after the proposed
    organisasi and catalogue entries are copied in, every SOP loads with its agency, columns and steps."""
    theirs, pairs = _sources("lintas-instansi")
    root = _project(tmp_path)  # the Kalimantan Barat handbook's organisasi, no SOP
    book = tmp_path / "buku-sop.docx"
    tulis_docx(book, [formulir(sop, data, theirs) for sop, data in pairs])
    result = _run(root, str(book), "--out", "impor")
    assert result.returncode == 0, result.stderr
    out = root / "impor"
    for name, key in (("organisasi", "instansi"), ("organisasi", "pejabat"), ("peraturan", "peraturan")):
        proposed = read_source(out / f"{name}.usulan.yaml", "usulan")[0]
        assert proposed is not None
        catalogue = root / "sop_source" / f"{name}.yaml"
        text = catalogue.read_text(encoding="utf-8")
        block = "".join("  " + line + "\n" if line else "\n" for line in _dump_list(proposed.data[key]).splitlines())
        catalogue.write_text(text.replace(f"\n{key}:\n", f"\n{key}:\n{block}", 1), encoding="utf-8")
    for path in out.glob("*.yaml"):
        if not path.name.endswith(".usulan.yaml"):
            path.rename(root / "sop_source" / path.name)
    ours = load_handbook(root / "sop_source", root / "schema", root)
    assert len(ours.sops) == len(pairs)
    proposed = {i.id: i for i in ours.instansi if i.id not in {"diskopukm"}}
    # Kupang's kop prints the address: it stays on the kop, out of the agency's id and name.
    assert proposed["dinas-pertanian"].kop == ("DINAS PERTANIAN", "JL. TIMOR RAYA NO 124 TELEPON – KUPANG")
    assert proposed["dinas-pertanian"].nama == "Dinas Pertanian"
    assert proposed["lampiran-ii-peraturan-bupati-blitar"].nama == "Lampiran II Peraturan Bupati Blitar"
    by_title = {sop.judul: sop for sop in ours.sops}
    for sop, _ in pairs:
        got = by_title[sop.judul]
        assert got.instansi.pemerintah == sop.instansi.pemerintah, sop.id
        assert [p.nama for p in got.kolom if p.id != TIDAK_TERCANTUM.id] == [
            p.nama for p in sop.kolom if p.id != TIDAK_TERCANTUM.id
        ], sop.id
        assert [_step(s) for s in got.langkah] == [_step(s) for s in sop.langkah], sop.id


def _step(step: Any) -> tuple[Any, ...]:
    """What a loaded step says; a row without a symbol shows no decision either."""
    names = tuple(p.nama for p in step.pelaksana)
    drawn = (step.jenis, step.ya, step.tidak) if TIDAK_TERCANTUM.nama not in names else ()
    return (step.no, step.kegiatan, names, *drawn)
