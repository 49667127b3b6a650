"""Generate a realistic synthetic handbook project, for benchmarks and tests.

Usage::

    python bench/generate.py --sops N --out DIR [--seed S]
    cd DIR && mkdocs build --strict

DIR gets ``sop_source/``: ``organisasi.yaml`` (several agencies, their units
and pelaksana roles; the government, time convention and approving official
of the real file), ``peraturan.yaml`` (the real catalogue plus more
regulations, some amending others), ``glosarium.yaml`` (the real glossary plus
the abbreviations the synthetic SOPs use) and N SOP files spread over the
units, about 30 per unit. It also gets copies of this project's ``docs/``,
``schema/`` and ``mkdocs.yml``; the generator is the sop-handbook package
installed from this project, so that DIR builds with the current code. The same seed gives the
same files (default seed 1).
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
from datetime import date, timedelta
from pathlib import Path
from typing import Any, NamedTuple

import yaml

ROOT = Path(__file__).resolve().parent.parent  # the project whose macros/ the output is built with
PROVINSI = "Kalimantan Barat"
PANRB = "Pendayagunaan Aparatur Negara dan Reformasi Birokrasi"
LAST_REVISION = date(2026, 6, 30)  # revisions are dated before it; planned reviews are years later
Data = dict[str, Any]

# Tables as text: fields separated by "|"; an indented line continues the row above.
AGENCIES = """
diskopukm | DISKOPUKM | Dinas Koperasi, Usaha Kecil dan Menengah | Kelembagaan dan Pengawasan Koperasi;
  Pemberdayaan Usaha Kecil dan Menengah; Pembiayaan Koperasi dan UKM; Pengembangan SDM Koperasi dan UKM
bappeda | Bappeda | Badan Perencanaan Pembangunan Daerah | Perencanaan Ekonomi;
  Pemerintahan dan Pembangunan Manusia; Infrastruktur dan Kewilayahan; Pengendalian dan Evaluasi
bkad | BKAD | Badan Keuangan dan Aset Daerah | Anggaran; Perbendaharaan; Akuntansi; Aset Daerah
dinkes | Dinkes | Dinas Kesehatan | Kesehatan Masyarakat; Pencegahan dan Pengendalian Penyakit;
  Pelayanan Kesehatan; Sumber Daya Kesehatan
disdikbud | Disdikbud | Dinas Pendidikan dan Kebudayaan | Pembinaan SMA; Pembinaan SMK; Pendidikan Khusus; Kebudayaan
dishub | Dishub | Dinas Perhubungan | Lalu Lintas dan Angkutan Jalan; Pelayaran; Sarana dan Prasarana;
  Keselamatan Transportasi
bkd | BKD | Badan Kepegawaian Daerah | Mutasi dan Promosi; Pengembangan Kompetensi; Informasi Kepegawaian;
  Penilaian Kinerja
dpmptsp | DPMPTSP | Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu | Perizinan; Promosi Penanaman Modal;
  Pengendalian Penanaman Modal; Pengaduan dan Informasi
"""
# Subjects: name in titles and steps | full form of an abbreviation (then also the SOP's `dokumen`
# and a glossary entry) | kategori | recipient | kinds of procedure.
DOCS = """
Renja | Rencana Kerja | perencanaan | Bappeda | Penyusunan, Reviu
Renstra | Rencana Strategis | perencanaan | Bappeda | Penyusunan, Evaluasi
Renaksi | Rencana Aksi | perencanaan | Bappeda | Penyusunan, Pemantauan
IKU | Indikator Kinerja Utama | perencanaan | Bappeda | Penetapan, Reviu
RKA | Rencana Kerja dan Anggaran | penganggaran | BKAD | Penyusunan, Verifikasi
DPA | Dokumen Pelaksanaan Anggaran | penganggaran | BKAD | Penyusunan, Pengesahan
Usulan Pergeseran Anggaran | - | penganggaran | BKAD | Pengajuan
LKPJ | Laporan Keterangan Pertanggungjawaban | pelaporan | Biro Pemerintahan | Penyusunan
LPPD | Laporan Penyelenggaraan Pemerintahan Daerah | pelaporan | Biro Pemerintahan | Penyusunan
LAKIP | Laporan Akuntabilitas Kinerja Instansi Pemerintah | pelaporan | Bappeda | Penyusunan
LRA | Laporan Realisasi Anggaran | pelaporan | BKAD | Penyusunan, Rekonsiliasi
Laporan Monitoring dan Evaluasi | - | pelaporan | Bappeda | Penyusunan
SPJ | Surat Pertanggungjawaban | keuangan | BKAD | Penyusunan, Verifikasi
SPP | Surat Permintaan Pembayaran | keuangan | BKAD | Pengajuan, Verifikasi
SPM | Surat Perintah Membayar | keuangan | BKAD | Penerbitan
SKP | Sasaran Kinerja Pegawai | kepegawaian | BKD | Penyusunan, Penilaian
Usulan Kenaikan Pangkat | - | kepegawaian | BKD | Pengajuan, Verifikasi
Usulan Diklat Pegawai | - | kepegawaian | BKD | Pengajuan
KIB | Kartu Inventaris Barang | aset | BKAD | Pemutakhiran, Rekonsiliasi
Rencana Kebutuhan Barang Milik Daerah | - | aset | BKAD | Penyusunan
RUP | Rencana Umum Pengadaan | pengadaan | Biro Pengadaan Barang dan Jasa | Penyusunan, Pengumuman
LHP | Laporan Hasil Pemeriksaan | pengawasan | Inspektorat | Tindak Lanjut
Permohonan Informasi Publik | - | pelayanan | pemohon | Pelayanan
Pengaduan Masyarakat | - | pelayanan | pelapor | Penanganan
Rekomendasi Teknis | - | pelayanan | pemohon | Penerbitan
Surat Keluar | - | persuratan | instansi tujuan | Pengelolaan
"""
# Regulations added to the real catalogue: id | topic (a kategori, "umum" or an agency) | tentang.
# Kind, number and year come from the id; "Perubahan ... atas <kind> Nomor n Tahun y" sets `mengubah`.
REGULATIONS = """
uu-17-2003 | keuangan | Keuangan Negara
uu-1-2004 | keuangan | Perbendaharaan Negara
uu-25-2004 | perencanaan | Sistem Perencanaan Pembangunan Nasional
uu-14-2008 | pelayanan | Keterbukaan Informasi Publik
uu-25-2009 | pelayanan | Pelayanan Publik
uu-43-2009 | persuratan | Kearsipan
uu-30-2014 | umum | Administrasi Pemerintahan
uu-9-2015 | umum | Perubahan Kedua atas Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah
uu-20-2023 | kepegawaian | Aparatur Sipil Negara
pp-28-2012 | persuratan | Pelaksanaan Undang-Undang Nomor 43 Tahun 2009 tentang Kearsipan
pp-27-2014 | aset | Pengelolaan Barang Milik Negara/Daerah
pp-11-2017 | kepegawaian | Manajemen Pegawai Negeri Sipil
pp-12-2017 | pengawasan | Pembinaan dan Pengawasan Penyelenggaraan Pemerintahan Daerah
pp-30-2019 | kepegawaian | Penilaian Kinerja Pegawai Negeri Sipil
pp-17-2020 | kepegawaian | Perubahan atas Peraturan Pemerintah Nomor 11 Tahun 2017 tentang
  Manajemen Pegawai Negeri Sipil
pp-28-2020 | aset | Perubahan atas Peraturan Pemerintah Nomor 27 Tahun 2014 tentang
  Pengelolaan Barang Milik Negara/Daerah
perpres-16-2018 | pengadaan | Pengadaan Barang/Jasa Pemerintah
perpres-95-2018 | umum | Sistem Pemerintahan Berbasis Elektronik
perpres-12-2021 | pengadaan | Perubahan atas Peraturan Presiden Nomor 16 Tahun 2018 tentang
  Pengadaan Barang/Jasa Pemerintah
perpres-21-2023 | kepegawaian | Hari Kerja dan Jam Kerja Instansi Pemerintah dan Pegawai Aparatur Sipil Negara
permenpanrb-35-2012 | umum | Pedoman Penyusunan Standar Operasional Prosedur Administrasi Pemerintahan
permenpanrb-53-2014 | perencanaan | Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja dan
  Tata Cara Reviu atas Laporan Kinerja Instansi Pemerintah
permendagri-19-2016 | aset | Pedoman Pengelolaan Barang Milik Daerah
permendagri-70-2019 | perencanaan | Sistem Informasi Pemerintahan Daerah
permendagri-90-2019 | penganggaran | Klasifikasi, Kodefikasi, dan Nomenklatur Perencanaan Pembangunan
  dan Keuangan Daerah
permendagri-18-2020 | pelaporan | Peraturan Pelaksanaan Peraturan Pemerintah Nomor 13 Tahun 2019 tentang
  Laporan dan Evaluasi Penyelenggaraan Pemerintahan Daerah
permendagri-47-2021 | aset | Tata Cara Pelaksanaan Pembukuan, Inventarisasi, dan Pelaporan Barang Milik Daerah
perda-kalbar-8-2016 | umum | Pembentukan dan Susunan Perangkat Daerah Provinsi Kalimantan Barat
pergub-kalbar-88-2023 | keuangan | Standar Harga Satuan Pemerintah Provinsi Kalimantan Barat Tahun Anggaran 2024
"""
REAL_TOPICS = {  # topics of the real catalogue's regulations; the others are "umum"
    "uu-25-1992": "diskopukm",
    "uu-20-2008": "diskopukm",
    "pp-12-2019": "penganggaran",
    "pp-13-2019": "pelaporan",
    "perpres-29-2014": "pelaporan",
    "permendagri-86-2017": "perencanaan",
    "permendagri-77-2020": "keuangan",
    "pergub-kalbar-125-2021": "diskopukm",
    "pergub-kalbar-206-2021": "diskopukm",
}
# Id prefix: (jenis, its name, penerbit, the short name SOPs also write), in the order of the legal hierarchy.
KINDS = {
    "uu": ("undang-undang", "Undang-Undang", None, "UU"),
    "pp": ("peraturan-pemerintah", "Peraturan Pemerintah", None, "PP"),
    "perpres": ("peraturan-presiden", "Peraturan Presiden", None, "Perpres"),
    "permenpanrb": ("peraturan-menteri", "Peraturan Menteri", PANRB, None),
    "permendagri": ("peraturan-menteri", "Peraturan Menteri", "Dalam Negeri", "Permendagri"),
    "perda-kalbar": ("peraturan-daerah-provinsi", "Peraturan Daerah Provinsi", PROVINSI, "Perda Provinsi Kalbar"),
    "pergub-kalbar": ("peraturan-gubernur", "Peraturan Gubernur", PROVINSI, "Pergub Kalbar"),
}
AMENDS = re.compile(r"^Perubahan (?:\w+ )?atas (Undang-Undang|Peraturan \w+) Nomor (\d+) Tahun (\d{4})")
ABBREVIATIONS = {  # besides the real glossary, the agencies and the DOCS abbreviations
    "UU": "Undang-Undang",
    "PP": "Peraturan Pemerintah",
    "Perpres": "Peraturan Presiden",
    "Perda": "Peraturan Daerah",
    "SIPD": "Sistem Informasi Pemerintahan Daerah",
    "SDM": "Sumber Daya Manusia",
    "SMA": "Sekolah Menengah Atas",
    "SMK": "Sekolah Menengah Kejuruan",
}
# Steps: (kegiatan, tier of the performer, output, may be a decision). Tiers: 0 anggota tim,
# 1 ketua tim or analis, 2 Pejabat Level II, 3 Pejabat Level I.
Template = tuple[str, int, str, bool]
OPENING: list[Template] = [
    ("Menyusun SK Tim {proses} {doc}", 2, "SK Tim {proses} {doc}", False),
    ("Menerima disposisi {proses_l} {doc} dari {l1}", 1, "Lembar disposisi", False),
    ("Mengadakan rapat persiapan {proses_l} {doc}", 1, "Hasil rapat persiapan", False),
]
PREP: list[Template] = [
    ("Menyiapkan nota dinas untuk mengumpulkan data {doc} dari setiap bidang", 0, "Nota dinas", False),
    ("Mengumpulkan data dan bahan {doc}", 0, "Bahan {doc}", False),
    ("Menghimpun masukan {doc} dari setiap bidang", 0, "Masukan {doc}", False),
    ("Mengolah data untuk rancangan {doc}", 0, "Data {doc} yang telah diolah", False),
    ("Menyusun rancangan {doc}", 0, "Rancangan {doc}", False),
    ("Menginput rancangan {doc} ke aplikasi SIPD", 0, "Rancangan {doc} dalam SIPD", False),
    ("Mengadakan rapat pembahasan rancangan {doc}", 1, "Berita acara rapat", False),
    ("Melengkapi dokumen pendukung {doc}", 0, "Dokumen pendukung {doc}", False),
    ("Menyusun laporan singkat hasil pembahasan {doc}", 0, "Laporan hasil pembahasan", False),
    ("Menyerahkan rancangan {doc} kepada Ketua Tim", 0, "Rancangan {doc}", False),
]
REVIEW: list[Template] = [
    ("Memeriksa kelengkapan dokumen {doc}", 1, "Dokumen {doc} yang lengkap", True),
    ("Memverifikasi kesesuaian {doc} dengan anggaran", 1, "{doc} yang telah diverifikasi", True),
    ("Mengoreksi rancangan {doc} kemudian meneruskan kepada {l2}", 1, "Rancangan {doc} yang telah dikoreksi", False),
    ("Menelaah kesesuaian rancangan {doc} dengan ketentuan", 2, "Catatan telaahan {doc}", True),
    ("Memperbaiki rancangan {doc} sesuai hasil koreksi", 0, "Rancangan {doc} yang telah diperbaiki", False),
    ("Memeriksa ulang rancangan {doc} yang telah diperbaiki", 1, "Rancangan {doc} yang telah diperiksa", True),
    ("Memberikan paraf pada rancangan {doc} dan meneruskan kepada {l1}", 2, "Rancangan {doc} yang diparaf", False),
]
CLOSING: list[Template] = [
    ("Menandatangani {doc} dan surat pengantar", 3, "{doc} yang telah ditandatangani {l1}", False),
    ("Meminta nomor surat keluar dan mengirimkan {doc} kepada {tujuan}", 0, "Tanda terima {doc}", False),
    ("Mengarsipkan {doc} dan surat pengantar", 0, "Arsip {doc}", False),
]
WAKTU = {  # (amount, unit) per phase of the procedure
    "buka": [(1, "hari"), (2, "jam"), (5, "jam")],
    "siapkan": [(2, "jam"), (1, "hari"), (3, "hari"), (1, "minggu"), (2, "minggu"), (1, "bulan")],
    "periksa": [(1, "jam"), (2, "jam"), (3, "jam"), (1, "hari"), (2, "hari"), (1, "minggu")],
    "tutup": [(1, "jam"), (2, "jam"), (3, "jam")],
}
FIRST_NAMES = ["Ahmad", "Budi", "Dewi", "Fitriani", "Hendra", "Irwan", "Kartika", "Muhammad", "Nurhayati", "Syarifah"]
LAST_NAMES = ["Santoso", "Pratama", "Wijaya", "Rahman", "Hidayat", "Saputra", "Kurniawan", "Lestari", "Gunawan"]
DEGREES = [", M.Si", ", MM", ", S.E., M.Ak", ", MT", ", M.Kes", ", S.Sos., M.AP"]
RANKS = ["Pembina Tingkat I (IV.b)", "Pembina Utama Muda (IV.c)", "Pembina Utama Madya (IV.d)"]
KUALIFIKASI = ["Pendidikan minimal D3 / S1", "Pendidikan minimal S1", "Pernah mengikuti diklat bidang pemerintahan"]
KUALIFIKASI += ["Bisa mengoperasikan Microsoft Office pada komputer", "Memahami aplikasi SIPD", "Memahami naskah dinas"]
PERALATAN = ["Komputer/Laptop", "Printer", "ATK", "Jaringan internet", "Aplikasi SIPD", "Lemari arsip"]
PENCATATAN = ["Buku agenda surat keluar", "Daftar hadir rapat", "Berita acara", "Data elektronik pada aplikasi SIPD"]
AKIBAT = ["kinerja {kepala} tidak dapat diukur", "penyampaian {doc} terlambat", "pelaksanaan anggaran terhambat"]
AKIBAT += ["{doc} tidak dapat dipertanggungjawabkan", "pelayanan kepada masyarakat terganggu"]
PERUBAHAN = ["Penyesuaian waktu langkah {k}", "Penambahan langkah pemeriksaan kelengkapan", "Penyesuaian dasar hukum"]
PERUBAHAN += ["Perubahan pelaksana langkah {k}", "Penyesuaian nomenklatur unit kerja"]


class UnitPlan(NamedTuple):
    """A unit as its SOPs need it: ids, roles per tier, officials' titles, the approving official."""

    instansi: str
    id: str
    singkatan: str
    tiers: dict[int, list[str]]
    l1: str
    l2: str
    pejabat: Data


class SopPlan(NamedTuple):
    """What is decided about an SOP before it is written: id, title, subject (a row of DOCS), unit."""

    id: str
    judul: str
    proses: str
    doc: list[str]
    unit: UnitPlan


_BaseDumper: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class Dumper(_BaseDumper):  # type: ignore[misc]
    """PyYAML's safe dumper (the C one when available) writing repeated values out: sources refuse aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        """Never write an anchor and an alias."""
        return True


def rows(table: str) -> list[list[str]]:
    """The rows of a text table: fields split at '|', indented lines joined to the row above."""
    lines: list[str] = []
    for line in table.strip("\n").splitlines():
        if line.startswith(" ") and lines:
            lines[-1] += " " + line.strip()
        elif line.strip():
            lines.append(line)
    return [[field.strip() for field in line.split("|")] for line in lines]


def slug(text: str) -> str:
    """An id made of the words of ``text``."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def real_source(name: str) -> Data:
    """A catalogue file of this project's ``sop_source/``."""
    data: Data = yaml.safe_load((ROOT / "sop_source" / name).read_text(encoding="utf-8"))
    return data


def head_of(rng: random.Random, agency: list[str], real: dict[str, Data]) -> Data:
    """The approving head of an agency: the real file's record when it has one, else a synthetic one."""
    pid = f"kepala-{slug(agency[2].split()[0])}-{agency[0]}"
    if pid in real:
        return real[pid]
    born = date(1965, 1, 1) + timedelta(days=rng.randrange(3650))
    hired = f"{born.year + rng.randint(22, 28)}{rng.randint(1, 12):02d}"
    nip = f"{born:%Y%m%d} {hired} {rng.randint(1, 2)} {rng.randint(1, 30):03d}"
    nama = f"{rng.choice(['Drs. ', 'Ir. ', 'Dr. ', 'H. ', ''])}{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
    jabatan, pangkat = f"Kepala {agency[2]}", rng.choice(RANKS)
    return {"id": pid, "jabatan": jabatan, "nama": nama + rng.choice(DEGREES), "pangkat": pangkat, "nip": nip}


def unit_entry(agency: list[str], index: int, head: Data) -> tuple[Data, UnitPlan]:
    """Unit ``index`` of an agency (0: Sekretariat, then its bidang) with its pelaksana columns."""
    l1 = f"Kepala {agency[2].split()[0]}"
    if index == 0:
        nama, l2 = "Sekretariat", "Sekretaris"
    else:
        nama, l2 = f"Bidang {agency[3].split(';')[index - 1].strip()}", "Kepala Bidang"
    roles: list[Data] = [
        {"id": "ketua-tim", "nama": "Ketua Tim Kerja", "uraian": "Memimpin tim kerja dan mengoreksi konsep anggota."},
        {"id": "anggota-tim", "nama": "Anggota Tim Kerja", "uraian": "Menyusun konsep, mengirim, mengarsipkan."},
    ]
    tiers = {0: ["anggota-tim"], 1: ["ketua-tim"], 2: [slug(l2)], 3: [slug(l1)]}
    if index % 2:  # some bidang have a functional official who reviews too
        roles.append({"id": "analis", "nama": "Pejabat Fungsional", "jabatan": "Analis Kebijakan Ahli Muda"})
        tiers[1].append("analis")
    roles.append({"id": slug(l2), "nama": "Pejabat Level II", "jabatan": l2, "uraian": "Memeriksa dan memaraf."})
    roles.append({"id": slug(l1), "nama": "Pejabat Level I", "jabatan": l1, "uraian": "Menandatangani."})
    entry = {"id": slug(nama), "nama": nama, "pelaksana": roles}
    return entry, UnitPlan(agency[0], slug(nama), agency[1], tiers, l1, l2, head)


def organisasi(rng: random.Random, n_units: int) -> tuple[Data, list[UnitPlan]]:
    """organisasi.yaml with ``n_units`` units (at most 5 per agency), and the plans of the units."""
    real = real_source("organisasi.yaml")
    agencies = rows(AGENCIES)[: min(n_units, max(2, -(-n_units // 5)))]
    heads = [head_of(rng, agency, {p["id"]: p for p in real["pejabat"]}) for agency in agencies]
    instansi, plans = [], []
    for a, (agency, head) in enumerate(zip(agencies, heads, strict=True)):
        count = len(range(a, n_units, len(agencies)))  # the units are dealt out to the agencies in turn
        units = [unit_entry(agency, index, head) for index in range(count)]
        plans += [plan for _, plan in units]
        kop = [agency[2].upper(), f"PROVINSI {PROVINSI.upper()}"]
        nama = f"{agency[2]} Provinsi {PROVINSI}"
        instansi.append({"id": agency[0], "nama": nama, "kop": kop, "unit": [entry for entry, _ in units]})
    org = {"pemerintah": real["pemerintah"], "konvensi_waktu": real["konvensi_waktu"], "instansi": instansi}
    return org | {"pejabat": heads}, plans


def peraturan(rng: random.Random, agencies: list[str]) -> tuple[list[Data], dict[str, str]]:
    """The catalogue (the real one, REGULATIONS, organisation Pergub of the agencies), in legal order,
    and the topic of each regulation."""
    catalogue = real_source("peraturan.yaml")["peraturan"]
    topics = {p["id"]: REAL_TOPICS.get(p["id"], "umum") for p in catalogue}
    free = [n for n in range(90, 240) if not any(f"pergub-kalbar-{n}-{y}" in topics for y in (2021, 2022))]
    added, numbers = rows(REGULATIONS), iter(rng.sample(free, 2 * len(agencies)))
    for agency in (a for a in rows(AGENCIES) if a[0] in agencies and a[0] not in topics.values()):
        tentang = f"Kedudukan, Susunan Organisasi, Tugas dan Fungsi, serta Tata Kerja {agency[2]} Provinsi {PROVINSI}"
        number = next(numbers)
        added.append([f"pergub-kalbar-{number}-2021", agency[0], tentang])
        if rng.random() < 0.5:
            amended = f"Perubahan atas Peraturan Gubernur Nomor {number} Tahun 2021 tentang {tentang}"
            added.append([f"pergub-kalbar-{next(numbers)}-2022", agency[0], amended])
    for pid, topic, tentang in added:
        prefix, nomor, tahun = pid.rsplit("-", 2)
        jenis, _, penerbit, _ = KINDS[prefix]
        item = {"id": pid, "jenis": jenis, "penerbit": penerbit, "nomor": nomor, "tahun": int(tahun)}
        catalogue.append({k: v for k, v in item.items() if v is not None} | {"tentang": tentang})
        topics[pid] = topic
    prefixes = {kind[1]: prefix for prefix, kind in KINDS.items()}
    for item in catalogue:
        found = AMENDS.match(item["tentang"])
        target = found and f"{prefixes[found[1]]}-{found[2]}-{found[3]}"
        if target in topics:
            item.setdefault("mengubah", [target])
    return sorted(catalogue, key=legal_order), topics


def legal_order(item: Data) -> tuple[int, int, int]:
    """Sort key of a regulation: its kind in the legal hierarchy, then year and number."""
    return list(dict.fromkeys(k[0] for k in KINDS.values())).index(item["jenis"]), item["tahun"], int(item["nomor"])


def tertulis(rng: random.Random, item: Data) -> str:
    """A regulation as an SOP writes it: with the full name of its kind or the common short one."""
    _, name, penerbit, short = KINDS[item["id"].rsplit("-", 2)[0]]
    full = f"{name} {penerbit or ''}".strip()
    kind, nomor = (short, "No.") if short and rng.random() < 0.4 else (full, "Nomor")
    return f"{kind} {nomor} {item['nomor']} Tahun {item['tahun']} tentang {' '.join(item['tentang'].split())}"


def plan_sops(rng: random.Random, n: int, units: list[UnitPlan]) -> list[SopPlan]:
    """Ids, titles and subjects of ``n`` SOPs; every unit gets one or more, titles unique in a unit."""
    weights = [rng.uniform(0.6, 1.4) for _ in units]
    owners = sorted([*range(len(units)), *rng.choices(range(len(units)), weights, k=n - len(units))])
    pools: dict[int, list[tuple[str, str, list[str]]]] = {}
    refills: dict[int, int] = {}
    used: set[str] = set()
    plans = []
    for owner in owners:
        unit = units[owner]
        if not pools.get(owner):  # every title taken: the revised documents, then numbered stages
            refill = refills[owner] = refills.get(owner, -1) + 1
            suffix = ["", " Perubahan"][refill] if refill < 2 else f" Tahap {refill}"
            pools[owner] = [(f"{p} {doc[0]}{suffix}", p, doc) for doc in rows(DOCS) for p in doc[4].split(", ")]
            rng.shuffle(pools[owner])
        judul, proses, doc = pools[owner].pop()
        ids = (slug(judul), slug(f"{judul} {unit.instansi}"), slug(f"{judul} {unit.instansi} {unit.id}"))
        sop_id = next(i for i in ids if i not in used)
        used.add(sop_id)
        plans.append(SopPlan(sop_id, judul, proses, doc, unit))
    return plans


def langkah(rng: random.Random, plan: SopPlan, rekonstruksi: bool) -> list[Data]:
    """8 to 20 steps: opening, preparing, checking (some decisions loop back), signing and sending."""
    body = rng.randint(8, 20) - 1 - len(CLOSING)
    n_review = rng.randint(max(2, body - len(PREP)), min(len(REVIEW), body - 2))
    prep = [("siapkan", PREP[i]) for i in sorted(rng.sample(range(len(PREP)), body - n_review))]
    review = [("periksa", REVIEW[i]) for i in sorted(rng.sample(range(len(REVIEW)), n_review))]
    flow = [("buka", rng.choice(OPENING)), *prep, *review, *(("tutup", t) for t in CLOSING)]
    can_decide = [no for no, (_, template) in enumerate(flow, 1) if template[3]]
    decisions = set(rng.sample(can_decide, min(len(can_decide), rng.choice([0, 1, 1, 2]))))
    unit, proses = plan.unit, plan.proses
    words = {"doc": plan.doc[0], "proses": proses, "proses_l": proses.lower(), "l1": unit.l1, "l2": unit.l2}
    words["tujuan"] = plan.doc[3]
    steps, kelengkapan = [], f"Peraturan terkait {proses.lower()} {plan.doc[0]}"
    for no, (phase, (text, tier, output, _)) in enumerate(flow, 1):
        step: Data = {"no": no, "kegiatan": text.format(**words)}
        label = re.split(r" (?:kemudian|untuk|dan|kepada|dari) ", step["kegiatan"])[0]
        if len(step["kegiatan"]) > 50 and label != step["kegiatan"]:
            step["label"] = label
        if no in decisions:  # back to a preparing step when the answer is Tidak
            step |= {"jenis": "keputusan", "tidak": rng.randint(2, 1 + len(prep))}
            step |= {"ya": no + 1} if rng.random() < 0.5 else {}
        step["pelaksana"] = rng.choice(unit.tiers[tier])
        step |= {"pelaksana_direkonstruksi": True} if rekonstruksi else {}
        amount, satuan = rng.choice(WAKTU[phase])
        waktu = f"{amount} {satuan.capitalize() if rng.random() < 0.8 else satuan}"
        step["mutu_baku"] = {"kelengkapan": kelengkapan, "waktu": waktu, "output": output.format(**words)}
        if no in decisions:
            step["keterangan"] = f"Bila belum sesuai, kembali ke langkah {step['tidak']} untuk diperbaiki"
        kelengkapan = step["mutu_baku"]["output"]
        steps.append(step)
    return steps


def dasar_hukum(rng: random.Random, plan: SopPlan, by_topic: dict[str, list[Data]]) -> list[Data]:
    """Regulations of the SOP's kategori, general ones and its agency's own, as the SOP writes them."""
    picks = []
    for topic, most in ((plan.doc[2], 3), ("umum", 2), (plan.unit.instansi, 2)):
        candidates = by_topic.get(topic, [])
        picks += rng.sample(candidates, min(len(candidates), rng.randint(1, most)))
    return [{"peraturan": p["id"], "tertulis": tertulis(rng, p)} for p in sorted(picks, key=legal_order)]


def keterkaitan(rng: random.Random, index: int, plans: list[SopPlan]) -> list[Data]:
    """The SOPs before and after it in its unit (prasyarat, lanjutan) and another one (terkait)."""
    plan, related = plans[index], []
    if index > 0 and plans[index - 1].unit == plan.unit and rng.random() < 0.6:
        related.append((plans[index - 1], "prasyarat"))
    if index + 1 < len(plans) and plans[index + 1].unit == plan.unit and rng.random() < 0.3:
        related.append((plans[index + 1], "lanjutan"))
    if len(plans) > 1 and (not related or rng.random() < 0.5):
        other = plans[(index + rng.randrange(1, len(plans))) % len(plans)]
        related += [(other, "terkait")] if other not in (r for r, _ in related) else []
    return [{"sop": p.id, "jenis": jenis, "tertulis": f"SOP {p.judul}"} for p, jenis in related]


def riwayat(rng: random.Random, dibuat: date, efektif: date, pejabat: str) -> list[Data]:
    """Revision 0 on the day the SOP was made, then up to two revisions."""
    entries: list[Data] = [{"revisi": 0, "tanggal": dibuat, "perubahan": "Penerbitan pertama"}]
    entries[0] |= {"tanggal_efektif": efektif} if efektif != dibuat else {}
    span = (LAST_REVISION - efektif).days - 60
    for day in sorted(rng.sample(range(span), rng.choice([0, 0, 0, 1, 1, 2]))) if span > 2 else []:
        perubahan = rng.choice(PERUBAHAN).format(k=rng.randint(2, 8))
        entries.append({"revisi": len(entries), "tanggal": efektif + timedelta(days=60 + day), "perubahan": perubahan})
    return [entry | {"disahkan_oleh": pejabat} for entry in entries]


def sop(rng: random.Random, index: int, plans: list[SopPlan], by_topic: dict[str, list[Data]]) -> Data:
    """One SOP file's data: identity part, revision history and steps."""
    plan = plans[index]
    unit, doc, head = plan.unit, plan.doc, plan.unit.pejabat
    dibuat = date(2023, 1, 2) + timedelta(days=rng.randrange(3 * 365))
    dibuat += timedelta(days=7 - dibuat.weekday() if dibuat.weekday() > 4 else 0)  # signed on a working day
    efektif = dibuat + timedelta(days=rng.choice([0, 0, 7, 14, 30]))
    nama = f"{plan.proses} {doc[1]} ({doc[0]})" if doc[1] != "-" and rng.random() < 0.3 else plan.judul
    rekonstruksi = rng.random() < 0.1
    pengesah = {k: head.get(k) for k in ("jabatan", "nama", "pangkat", "nip")}  # as in organisasi.yaml
    akibat = rng.choice(AKIBAT).format(kepala=unit.l1.split()[-1], doc=doc[0])
    data: Data = {
        "id": plan.id,
        "instansi": unit.instansi,
        "unit": unit.id,
        "judul": plan.judul,
        "nomor": f"{rng.choice(['000.8', '050', '100.3', '800', '900'])}/{rng.randint(100, 2999)}/{unit.singkatan}",
        "nama": nama,
        "dokumen": [doc[0]] if doc[1] != "-" else None,
        "kategori": [doc[2]],
        "tanggal_pembuatan": dibuat,
        "tanggal_revisi": efektif + timedelta(days=5 * 365),  # the planned review
        "tanggal_efektif": efektif,
        "disahkan_oleh": {"pejabat": head["id"], "tertulis": pengesah},
        "dasar_hukum": dasar_hukum(rng, plan, by_topic),
        "kualifikasi_pelaksana": rng.sample(KUALIFIKASI, rng.randint(2, 3)),
        "keterkaitan": keterkaitan(rng, index, plans),
        "peralatan_perlengkapan": rng.sample(PERALATAN, rng.randint(2, 4)),
        "peringatan": f"Apabila SOP {plan.judul} tidak dilaksanakan maka {akibat}",
        "pencatatan_pendataan": [f"Arsip {doc[0]}", *rng.sample(PENCATATAN, rng.randint(1, 2))],
        "catatan_sumber": ["Kolom PELAKSANA kosong di sumber; pelaksana direkonstruksi dari teks kegiatan."],
        "riwayat_revisi": riwayat(rng, dibuat, efektif, head["id"]),
        "langkah": langkah(rng, plan, rekonstruksi),
    }
    if not rekonstruksi:
        del data["catatan_sumber"]
    return {key: value for key, value in data.items() if value is not None}


def cite_all(rng: random.Random, catalogue: list[Data], topics: dict[str, str], sops: list[Data]) -> None:
    """Make an SOP of the same topic cite each regulation that no SOP cites and no amendment involves."""
    by_id = {p["id"]: p for p in catalogue}
    cited = {d["peraturan"] for s in sops for d in s["dasar_hukum"]}
    cited |= {target for p in catalogue for target in p.get("mengubah", [])}
    for item in catalogue:
        if item["id"] in cited or "mengubah" in item:
            continue
        fitting = [s for s in sops if topics[item["id"]] in (s["kategori"][0], s["instansi"], "umum")]
        chosen = rng.choice(fitting or sops)
        chosen["dasar_hukum"].append({"peraturan": item["id"], "tertulis": tertulis(rng, item)})
        chosen["dasar_hukum"].sort(key=lambda d: legal_order(by_id[d["peraturan"]]))


def glosarium() -> Data:
    """The real glossary with the agencies' and subjects' abbreviations and ABBREVIATIONS."""
    entries = {e["singkatan"]: e for e in real_source("glosarium.yaml")["singkatan"]}
    more = [(a[1], a[2]) for a in rows(AGENCIES)] + [(d[0], d[1]) for d in rows(DOCS) if d[1] != "-"]
    for singkatan, kepanjangan in [*more, *ABBREVIATIONS.items()]:
        entries.setdefault(singkatan, {"singkatan": singkatan, "kepanjangan": kepanjangan})
    return {"singkatan": sorted(entries.values(), key=lambda e: str(e["singkatan"]).casefold())}


def write(path: Path, schema: str, data: Data, seed: int) -> None:
    """A YAML source whose first line names its schema, as in the real files."""
    header = f"# yaml-language-server: $schema=../schema/{schema}.schema.json\n"
    header += f"# Data sintetis dari bench/generate.py (seed {seed}); bukan SOP yang disahkan.\n"
    body = yaml.dump(data, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=110)
    body = re.sub(r"^(\s*-?\s*)'no':", r"\1no:", body, flags=re.MULTILINE)  # the step key, as authors write it
    path.write_text(header + body, encoding="utf-8")


def copy_project(out: Path) -> None:
    """Copy what the build needs besides the sources; the macros stay in this project."""
    for part in ("docs", "schema"):
        shutil.copytree(ROOT / part, out / part, dirs_exist_ok=True, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / "mkdocs.yml", out / "mkdocs.yml")
    if not (ROOT / "macros/sop_handbook/theme/assets/javascripts/mermaid/mermaid.js").exists():
        print("note: the package's Mermaid is missing (run make setup); the build needs it")


def generate(n: int, out: Path, seed: int = 1) -> None:
    """Write a handbook project of ``n`` SOPs into ``out`` (its sop_source/ is replaced)."""
    rng = random.Random(seed)
    org, units = organisasi(rng, max(1, min(n, 40, max(3, round(n / 30)))))
    catalogue, topics = peraturan(rng, [i["id"] for i in org["instansi"]])
    by_topic: dict[str, list[Data]] = {}
    for item in catalogue:
        by_topic.setdefault(topics[item["id"]], []).append(item)
    plans = plan_sops(rng, n, units)
    sops = [sop(rng, index, plans, by_topic) for index in range(n)]
    cite_all(rng, catalogue, topics, sops)
    source = out / "sop_source"
    shutil.rmtree(source, ignore_errors=True)
    source.mkdir(parents=True)
    write(source / "organisasi.yaml", "organisasi", org, seed)
    write(source / "peraturan.yaml", "peraturan", {"peraturan": catalogue}, seed)
    write(source / "glosarium.yaml", "glosarium", glosarium(), seed)
    for data in sops:
        write(source / f"{data['id']}.yaml", "sop", data, seed)
    copy_project(out)
    print(f"{out}: {n} SOP in {len(units)} units of {len(org['instansi'])} agencies, {len(catalogue)} regulations")


def main(argv: list[str] | None = None) -> None:
    """The command line: ``--sops N --out DIR [--seed S]``."""
    parser = argparse.ArgumentParser(description="Generate a synthetic SOP handbook project.")
    parser.add_argument("--sops", type=int, required=True, help="number of SOPs (1 or more)")
    parser.add_argument("--out", type=Path, required=True, help="folder of the generated project")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = parser.parse_args(argv)
    if args.sops < 1:
        parser.error("--sops must be 1 or more")
    generate(args.sops, args.out, args.seed)


if __name__ == "__main__":
    main()
