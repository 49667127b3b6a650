"""Machine-readable export of the handbook (``api/sops.json``)."""

from __future__ import annotations

import json
from typing import Any

from . import links
from .legal import dicatat, nama_jenis, urutan
from .model import Handbook, Langkah, Sop
from .tanggal import Tanggal


def sops_json(handbook: Handbook, directory_urls: bool = True) -> str:
    """Every SOP with its identity fields, lanes and steps, as JSON text."""
    sops = [_sop(sop, handbook, directory_urls) for sop in handbook.sops]
    return json.dumps(sops, ensure_ascii=False, separators=(",", ":")) + "\n"


def _sop(sop: Sop, handbook: Handbook, directory_urls: bool) -> dict[str, Any]:
    pengesah = sop.disahkan_oleh
    return {
        "id": sop.id,
        "nomor": sop.nomor,
        "draf": sop.draf,
        "tidak_tercantum": dict(sop.tanda_kosong),
        "tidak_terbaca": sorted(sop.tidak_terbaca),  # in the document, not legible in the copy transcribed
        "nama": sop.nama,
        "judul": sop.judul,
        "instansi": sop.instansi.nama,
        "unit": sop.unit.judul,
        "url": links.page_url(links.sop_src(sop), directory_urls),
        "tanggal_pembuatan": _iso(sop.tanggal_pembuatan),
        "tanggal_revisi": _iso(sop.tanggal_revisi),
        "tanggal_efektif": _iso(sop.tanggal_efektif),
        "disahkan_oleh": {
            "jabatan": pengesah.jabatan,
            "nama": pengesah.nama,
            "pangkat": pengesah.pangkat,
            "nip": pengesah.nip,
            "tertulis": vars(pengesah.tertulis) if pengesah.tertulis else None,
        },
        "dasar_hukum": [p.id for p in sorted(dicatat(sop.dasar_hukum), key=urutan)],
        # Citations kept as written only, not in the catalogue: they have no id.
        "dasar_hukum_belum_dicatat": [d.tertulis for d in sop.dasar_hukum if d.peraturan is None],
        "kualifikasi_pelaksana": list(sop.kualifikasi_pelaksana),
        # An SOP outside the handbook has no id ("sop": null) but its name, agency and address as written.
        "keterkaitan": [
            {"sop": k.sop_id, "jenis": k.jenis, "nama": k.nama, "instansi": k.instansi, "url": k.url}
            for k in sop.keterkaitan
        ],
        "dirujuk_oleh": [{"sop": other.id, "jenis": k.jenis} for other, k in handbook.dirujuk_oleh(sop.id)],
        "peralatan_perlengkapan": list(sop.peralatan_perlengkapan),
        "peringatan": sop.peringatan,
        "pencatatan_pendataan": list(sop.pencatatan_pendataan),
        "pelaksana": [{"id": p.id, "nama": p.nama, "jabatan": p.jabatan, "label": p.label} for p in sop.unit.pelaksana],
        "total_jam": sop.total_jam,
        "langkah": [_langkah(step) for step in sop.langkah],
    }


def peraturan_json(handbook: Handbook, directory_urls: bool = True) -> str:
    """Every regulation of the catalogue with the SOPs citing it, as JSON text."""
    items = [
        {
            "id": p.id,
            "jenis": nama_jenis(p),
            "nomor": p.nomor,
            "tahun": p.tahun,
            "tentang": p.tentang,
            "url": p.url,
            "mengubah": list(p.mengubah),
            "diubah_oleh": [other.id for other in handbook.diubah_oleh(p.id)],
            "halaman": links.page_url(links.peraturan_src(p), directory_urls),
            "dirujuk_oleh": [sop.id for sop in handbook.sop_berdasarkan(p.id)],
        }
        for p in handbook.peraturan
    ]
    return json.dumps(items, ensure_ascii=False, separators=(",", ":")) + "\n"


def _langkah(step: Langkah) -> dict[str, Any]:
    return {
        "no": step.no,
        "kegiatan": step.kegiatan,
        "jenis": step.jenis,
        "ya": step.ya,
        "tidak": step.tidak,
        "pelaksana": [peran.id for peran in step.pelaksana],
        "pelaksana_direkonstruksi": step.pelaksana_direkonstruksi,
        "kelengkapan": step.mutu_baku.kelengkapan,
        "waktu": step.mutu_baku.waktu,
        "durasi_jam": step.mutu_baku.durasi_jam if step.mutu_baku.durasi else None,
        "durasi_jam_paling_cepat": step.mutu_baku.durasi.paling_cepat if step.mutu_baku.durasi else None,
        "output": step.mutu_baku.output,
        "keterangan": step.keterangan,
        "tidak_terbaca": sorted(step.tidak_terbaca),
    }


def _iso(value: Tanggal | None) -> str | None:
    """``2016-09-12``, or ``2016-09`` when the document gives the month only."""
    return value.iso if value else None
