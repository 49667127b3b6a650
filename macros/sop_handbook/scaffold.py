"""``make new-sop``: a new SOP source file that already passes the checks.

The file names the schema on line 1, refers to the unit and official by id,
and holds one example step; the empty form fields show up as warnings on the
reviewers' page until they are filled in.
"""

from __future__ import annotations

import re

from .model import Handbook

TEMPLATE = """\
# yaml-language-server: $schema=../schema/sop.schema.json
id: {id}
instansi: {instansi}
unit: {unit}
judul: {judul}
nomor: BELUM-ADA  # nomor SOP dari bagian umum
nama: {judul}
kategori: []
tanggal_pembuatan: null
tanggal_revisi: null  # rencana peninjauan (TTTT-BB-HH)
tanggal_efektif: null
disahkan_oleh:
  pejabat: {pejabat}
dasar_hukum: []  # - peraturan: <id di peraturan.yaml>
kualifikasi_pelaksana: []
keterkaitan: []  # - sop: <id SOP lain>
peralatan_perlengkapan: []
peringatan: null
pencatatan_pendataan: []
riwayat_revisi: []

langkah:
  - no: 1
    kegiatan: Menyusun ...  # kata kerja aktif tanpa subjek
    pelaksana: {pelaksana}  # pilihan: {pilihan}
    mutu_baku:
      kelengkapan: null
      waktu: 1 Jam  # menit, jam, hari, minggu atau bulan
      output: null
"""


def new_sop(handbook: Handbook, sop_id: str, judul: str, instansi_id: str = "", unit_id: str = "") -> str:
    """The text of a new SOP file; ``ValueError`` names what is wrong.

    An empty ``instansi_id`` or ``unit_id`` means the first one of ``organisasi.yaml``.
    """
    if not re.fullmatch(r"[a-z0-9]+(?:[-_][a-z0-9]+)*", sop_id):
        raise ValueError(f"id '{sop_id}' harus huruf kecil, angka dan tanda hubung, mis. 'penyusunan-lkpj'")
    if any(sop.id == sop_id for sop in handbook.sops):
        raise ValueError(f"id '{sop_id}' sudah dipakai")
    instansi = next((i for i in handbook.instansi if i.id == instansi_id or not instansi_id), None)
    unit = next((u for u in instansi.unit if u.id == unit_id or not unit_id), None) if instansi else None
    if instansi is None or unit is None:
        units = ", ".join(f"{i.id}/{u.id}" for i in handbook.instansi for u in i.unit)
        raise ValueError(f"unit '{instansi_id}/{unit_id}' tidak ada; pilihan: {units}")
    if not judul.strip() or "\n" in judul:
        raise ValueError("judul harus satu baris teks")
    return TEMPLATE.format(
        id=sop_id, instansi=instansi.id, unit=unit.id, judul=_yaml_text(judul),
        pejabat=handbook.pejabat[0].id if handbook.pejabat else "ISI-ID-PEJABAT",
        pelaksana=unit.pelaksana[0].id, pilihan=", ".join(p.id for p in unit.pelaksana),
    )  # fmt: skip


def _yaml_text(text: str) -> str:
    """A one-line YAML string, quoted so that any text stays text."""
    return '"' + text.strip().replace("\\", "\\\\").replace('"', '\\"') + '"'
