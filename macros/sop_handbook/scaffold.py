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
nomor: null  # nomor SOP seperti di dokumen; biarkan kosong bila belum ada
nama: {judul}
kategori: []
tanggal_pembuatan: null  # mis. 2024-03-01 atau "September 2016"
tanggal_revisi: null  # rencana peninjauan
tanggal_efektif: null
{pengesah}
dasar_hukum: []  # - peraturan: <id di peraturan.yaml>, atau - tertulis: <kutipan seperti di dokumen>
kualifikasi_pelaksana: []
keterkaitan: []  # - sop: <id SOP di buku ini>, atau - nama: <SOP di luar buku ini>
peralatan_perlengkapan: []
peringatan: null
pencatatan_pendataan: []
riwayat_revisi: []

# Kolom pelaksana unit ini, urut seperti di formulirnya: {kolom}
langkah:
  - no: 1
    kegiatan: Menyusun ...  # kata kerja aktif tanpa subjek
    pelaksana: {pelaksana}
    mutu_baku:
      kelengkapan: null
      waktu: null  # mis. 15 menit, 2 jam, 1-2 hari, 2 x 24 jam
      output: null
"""


def new_sop(handbook: Handbook, sop_id: str, judul: str, instansi_id: str = "", unit_id: str = "") -> str:
    """The text of a new SOP file; ``ValueError`` names what is wrong.

    An empty ``instansi_id`` means the first agency of ``organisasi.yaml``, an empty ``unit_id`` its first
    unit with pelaksana columns. The approver is that agency's first official, if the file names one.
    """
    if not re.fullmatch(r"[a-z0-9]+(?:[-_][a-z0-9]+)*", sop_id):
        raise ValueError(f"id '{sop_id}' harus huruf kecil, angka dan tanda hubung, mis. 'penyusunan-lkpj'")
    if any(sop.id == sop_id for sop in handbook.sops):
        raise ValueError(f"id '{sop_id}' sudah dipakai")
    instansi = next((i for i in handbook.instansi if i.id == instansi_id or not instansi_id), None)
    if instansi is None:
        raise ValueError(f"instansi '{instansi_id}' tidak ada; pilihan: {', '.join(i.id for i in handbook.instansi)}")
    units = [u for u in instansi.unit if u.pelaksana]  # a unit that only groups others has no form
    unit = next((u for u in units if u.id == unit_id or not unit_id), None)
    if unit is None:
        choices = ", ".join(u.id for u in units)
        raise ValueError(f"unit '{unit_id}' tidak ada di instansi {instansi.id}; pilihan: {choices}")
    if not judul.strip() or "\n" in judul:
        raise ValueError("judul harus satu baris teks")
    pejabat = next((p for p in handbook.pejabat if p.instansi == instansi.id), None)
    pengesah = (
        f"disahkan_oleh:\n  pejabat: {pejabat.id}  # {_comment(pejabat.jabatan)}"
        if pejabat
        else "disahkan_oleh: {}  # pejabat: <id pejabat instansi ini di organisasi.yaml>"
    )
    return TEMPLATE.format(
        id=sop_id, instansi=instansi.id, unit=unit.id, judul=_yaml_text(judul), pengesah=pengesah,
        pelaksana=unit.pelaksana[0].id, kolom=", ".join(p.id for p in unit.pelaksana),
    )  # fmt: skip


def _comment(text: str) -> str:
    """Text for a YAML comment: one line."""
    return " ".join(text.split())


def _yaml_text(text: str) -> str:
    """A one-line YAML string, quoted so that any text stays text."""
    return '"' + text.strip().replace("\\", "\\\\").replace('"', '\\"') + '"'
