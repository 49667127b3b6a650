"""Checks of the handbook as a whole: broken references are errors, and
inconsistencies a reviewer should see are warnings ("Catatan mutu data")."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from datetime import date

from . import bagan, cetak
from .model import Peraturan, Sop
from .problems import Level, Problem, close_id
from .yamlsource import Source

W = Level.WARNING
_ACTIVE_VERB = re.compile(r"^(me|ber)\w+", re.IGNORECASE)
_FORM_LISTS = {
    "dasar_hukum": "Dasar Hukum",
    "kualifikasi_pelaksana": "Kualifikasi Pelaksana",
    "keterkaitan": "Keterkaitan",
    "peralatan_perlengkapan": "Peralatan/Perlengkapan",
    "pencatatan_pendataan": "Pencatatan dan Pendataan",
}
_FORM_FIELDS = {
    "nomor": "Nomor SOP",
    "nama": "Nama SOP",
    "tanggal_pembuatan": "Tanggal Pembuatan",
    "tanggal_revisi": "Tanggal Revisi",
    "tanggal_efektif": "Tanggal Efektif",
    "peringatan": "Peringatan",
}
_LEAVE_EMPTY = "; isi seperti di dokumen bila ada, atau biarkan kosong"
_FROM_ORIGINAL = "; isi dari dokumen asli bila ada (lalu hapus dari tidak_terbaca), atau biarkan kosong"


def check_handbook(
    sops: Sequence[Sop], sources: Mapping[str, Source], known: set[str], hari_ini: date
) -> list[Problem]:
    """Every cross-SOP error and every data-quality warning.

    ``sources`` maps file names to sources; ``known`` holds every SOP id that exists.
    """
    problems = list(_duplicate_ids(sops, sources))
    owners: dict[str, list[Sop]] = {}  # each document, and the SOPs producing it, in order
    for sop in sops:
        for term in sop.dokumen:
            owners.setdefault(term, []).append(sop)
    for sop in sops:
        source = sources[sop.file]
        problems += _keterkaitan(sop, source, known)
        problems += _missing_fields(sop, source)
        problems += _pengesah(sop, source)
        problems += _steps(sop, source, owners)
        problems += _repeated_citations(sop, source)
        problems += _printed_rows(sop, source)
        problems += _printed_columns(sop, source)
        problems += _crowded_rows(sop, source)
        if sop.tinjauan_lewat(hari_ini):
            message = f"Tanggal Revisi (rencana peninjauan) {sop.tanggal_revisi} sudah lewat; tinjau SOP ini"
            problems.append(source.problem(("tanggal_revisi",), message, W))
    return problems


def _duplicate_ids(sops: Sequence[Sop], sources: Mapping[str, Source]) -> Iterator[Problem]:
    files: dict[str, list[str]] = {}
    for sop in sops:
        files.setdefault(sop.id, []).append(sop.file)
    for sop in sops:
        others = [file for file in files[sop.id] if file != sop.file]
        if others:
            message = f"id '{sop.id}' juga dipakai oleh {', '.join(others)}; setiap SOP harus punya id unik"
            yield sources[sop.file].problem(("id",), message)


_DI_LUAR = "bila SOP itu di luar buku ini, tulis `nama:` (dan `instansi:`/`url:` bila ada) sebagai ganti `sop:`"


def _keterkaitan(sop: Sop, source: Source, known: set[str]) -> Iterator[Problem]:
    for index, relation in enumerate(sop.keterkaitan):
        path = ("keterkaitan", index, "sop")
        if relation.sop_id is None:  # outside this handbook: named as written, never matched to one of it
            continue
        if relation.sop_id == sop.id:
            yield source.problem(path, "SOP ini menyebut dirinya sendiri sebagai SOP terkait", W)
        elif relation.sop_id not in known:
            close = close_id(relation.sop_id, known)
            if close:
                yield source.problem(path, f"SOP '{relation.sop_id}' tidak ada; maksud Anda '{close}'?")
            else:
                yield source.problem(path, f"tidak ada SOP dengan id '{relation.sop_id}' di buku ini; {_DI_LUAR}")


def _missing_fields(sop: Sop, source: Source) -> Iterator[Problem]:
    """Each field of the form the document does not state, or its copy does not show: listed, never to be
    invented."""
    for key, label in _FORM_FIELDS.items():
        if key in sop.tidak_terbaca:
            yield source.problem((key,), f"{label} tidak terbaca di salinan{_FROM_ORIGINAL}", W)
        elif getattr(sop, key) is None:
            mark = sop.tanda(key)
            written = f" (dokumen menulis '{mark}')" if mark else ""
            yield source.problem(
                (key,), f"{label} tidak tercantum{written}, padahal formulir SOP AP memintanya{_LEAVE_EMPTY}", W
            )
    for key, label in _FORM_LISTS.items():
        if key in sop.tidak_terbaca:
            part = "sebagian " if getattr(sop, key) else ""
            yield source.problem((key,), f"{label} {part}tidak terbaca di salinan{_FROM_ORIGINAL}", W)
        elif not getattr(sop, key):
            yield source.problem(
                (key,), f"{label} tidak tercantum, padahal formulir SOP AP memintanya{_LEAVE_EMPTY}", W
            )
    if sop.draf:
        written = "tidak terbaca di salinan" if "langkah" in sop.tidak_terbaca else "belum ditulis"
        message = f"bagian prosedur (langkah) {written}: SOP ini tampil sebagai draf dan tidak masuk buku cetak"
        yield source.problem(("langkah",), message, W)
    for index, step in enumerate(sop.langkah):
        keys = sorted(step.tidak_terbaca - {"pelaksana", "tidak"})  # those two have their own note
        if keys:
            message = f"{', '.join(keys)} langkah {step.no} tidak terbaca di salinan{_FROM_ORIGINAL}"
            yield source.problem(("langkah", index, "tidak_terbaca"), message, W)


def _pengesah(sop: Sop, source: Source) -> Iterator[Problem]:
    pengesah = sop.disahkan_oleh
    pejabat, tertulis = pengesah.pejabat, pengesah.tertulis
    unreadable = "disahkan_oleh" in sop.tidak_terbaca
    if pejabat is None and tertulis is None:
        message = f"Disahkan oleh tidak tercantum, padahal formulir SOP AP memintanya{_LEAVE_EMPTY}"
        if unreadable:
            message = f"Disahkan oleh tidak terbaca di salinan{_FROM_ORIGINAL}"
        yield source.problem(("disahkan_oleh",), message, W)
        return
    missing = [
        part
        for part, value in (("jabatan", pengesah.jabatan), ("nama", pengesah.nama), ("NIP", pengesah.nip))
        if not value
    ]
    if missing:
        state = f"tidak terbaca di salinan{_FROM_ORIGINAL}" if unreadable else f"tidak tercantum{_LEAVE_EMPTY}"
        yield source.problem(("disahkan_oleh",), f"{' dan '.join(missing)} pengesah {state}", W)
    path = ("disahkan_oleh", "tertulis")
    if pejabat is None:
        return
    if pejabat.instansi and pejabat.instansi != sop.instansi.id:
        message = (
            f"pejabat '{pejabat.id}' menjabat di instansi '{pejabat.instansi}', bukan di '{sop.instansi.id}' "
            f"(instansi SOP ini); periksa apakah benar, atau tulis pejabat instansi '{sop.instansi.id}'"
        )
        yield source.problem(("disahkan_oleh", "pejabat"), message, W)
    if tertulis is None or not (tertulis.nama and tertulis.nip):
        yield source.problem(path, "nama atau NIP pengesah tidak tercantum di dokumen sumber", W)
        return
    if pejabat.nip and _digits(tertulis.nip) != _digits(pejabat.nip):
        message = f"NIP tertulis '{tertulis.nip}' berbeda dari NIP {pejabat.id} ('{pejabat.nip}')"
        yield source.problem((*path, "nip"), message, W)
    elif pejabat.nama and tertulis.nama != pejabat.nama:
        message = f"NIP {pejabat.nip} tertulis dengan nama '{tertulis.nama}'; organisasi.yaml mencatat '{pejabat.nama}'"
        yield source.problem((*path, "nama"), message, W)


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _steps(sop: Sop, source: Source, owners: Mapping[str, Sequence[Sop]]) -> Iterator[Problem]:
    """Kegiatan not in the active voice, and kegiatan naming a document of another SOP (its last producer)."""
    others: dict[str, Sop] = {}
    for term, producers in owners.items():
        other = next((o for o in reversed(producers) if o.id != sop.id), None)
        if other is not None and term not in sop.dokumen:
            others[term] = other
    for index, step in enumerate(sop.langkah):
        path = ("langkah", index, "kegiatan")
        if not _ACTIVE_VERB.match(step.kegiatan):
            message = "kegiatan sebaiknya diawali kata kerja aktif tanpa subjek (mis. 'Menyusun ...')"
            yield source.problem(path, message, W)
        for term, other in others.items():
            # The substring test first: a regular expression per document and step was most of a check.
            if term in step.kegiatan and re.search(rf"(?<!\w){re.escape(term)}(?!\w)", step.kegiatan):
                message = f"kegiatan menyebut '{term}', dokumen SOP lain ({other.judul_tampil}); periksa apakah benar"
                yield source.problem(path, message, W)


_KOLOM_SUMBER = {  # the printed form's text columns, and the key of a step that fills each
    "kegiatan": ("kegiatan",),
    "kelengkapan": ("mutu_baku", "kelengkapan"),
    "waktu": ("mutu_baku", "waktu"),
    "output": ("mutu_baku", "output"),
    "keterangan": ("keterangan",),
}


def _printed_rows(sop: Sop, source: Source) -> Iterator[Problem]:
    """A step whose row of the printed form (A4, ``bagan``) is taller than a page: the print would split it."""
    tata = cetak.tata_kolom(sop.kolom)
    room = cetak.capacity(tata)
    for index, step in enumerate(sop.langkah):
        height = cetak.row_height(step, tata)
        if height > room:
            counts = cetak.column_lines(step, tata.kolom_teks)
            column = max(counts, key=lambda name: counts[name])
            message = (
                f"langkah {step.no} terlalu panjang untuk satu halaman formulir cetak (A4): barisnya sekitar "
                f"{height:.0f} mm, satu halaman memuat {room:.0f} mm, terbanyak di kolom {column.capitalize()}; "
                "persingkat teksnya atau bagi menjadi dua langkah"
            )
            yield source.problem(("langkah", index, *_KOLOM_SUMBER[column]), message, W)


def _crowded_rows(sop: Sop, source: Source) -> Iterator[Problem]:
    """A step whose row of the printed flowchart (A4 or F4) has an off-page connector or a "Ya"/"Tidak" drawn
    over something else: no free place was found for it (``bagan.Bagan.sesak``, a safety net)."""
    for index in dict.fromkeys(i for kertas in (bagan.A4, bagan.F4) for i in bagan.draw(sop, kertas).sesak):
        message = (
            f"bagan alir cetak langkah {sop.langkah[index].no}: konektor atau label Ya/Tidak tidak mendapat "
            "tempat kosong dan tergambar bertumpuk; laporkan ke pengelola buku pegangan"
        )
        yield source.problem(("langkah", index), message, W)


def _printed_columns(sop: Sop, source: Source) -> Iterator[Problem]:
    """A printed form with more pelaksana columns than its paper holds readably (A4; F4 with KERTAS=F4)."""
    if sop.draf or cetak.tata_kolom(sop.kolom).muat:
        return
    path = ("kolom_pelaksana",) if sop.kolom_pelaksana else ("unit",)
    columns = f"{len(sop.kolom)} kolom pelaksana"
    if cetak.tata_kolom(sop.kolom, cetak.F4).muat:
        fix = "cetak di kertas F4 (make pdf KERTAS=F4) atau kurangi kolom dengan `kolom_pelaksana:`"
        where = "kertas A4"
    else:
        fix = "kurangi kolom dengan `kolom_pelaksana:` (cukup pelaksana langkahnya)"
        where = "kertas A4 maupun F4"
    message = (
        f"formulir cetak SOP '{sop.judul_tampil}' memuat {columns}, lebih dari yang muat terbaca di {where} "
        f"(judul kolom terpotong di tengah kata); {fix}"
    )
    yield source.problem(path, message, W)


def check_peraturan(peraturan: Sequence[Peraturan], sops: Sequence[Sop], source: Source | None) -> list[Problem]:
    """Warnings on the catalogue: regulations that no SOP cites and no amendment involves."""
    problems: list[Problem] = []
    cited = {d.peraturan_id for sop in sops for d in sop.dasar_hukum}
    amended = {target for p in peraturan for target in p.mengubah}
    index_of = {item["id"]: i for i, item in enumerate(source.data["peraturan"])} if source else {}
    for item in peraturan:
        if source and item.id not in cited | amended and not item.mengubah:
            message = "tidak dirujuk SOP mana pun dan tidak terkait perubahan peraturan lain"
            problems.append(source.problem(("peraturan", index_of[item.id], "id"), message, W))
    return problems


def _repeated_citations(sop: Sop, source: Source) -> Iterator[Problem]:
    """A regulation cited twice, and a citation kept as written only (no entry in the catalogue)."""
    seen: set[str] = set()
    for index, cited in enumerate(sop.dasar_hukum):
        if cited.peraturan is None:
            message = "belum dicatat di peraturan.yaml; tambahkan bila ingin halaman peraturannya"
            yield source.problem(("dasar_hukum", index, "tertulis"), message, W)
        elif cited.peraturan.id in seen:
            message = f"peraturan '{cited.peraturan.id}' sudah dicantumkan di atas; hapus salah satunya"
            yield source.problem(("dasar_hukum", index, "peraturan"), message, W)
        else:
            seen.add(cited.peraturan.id)
