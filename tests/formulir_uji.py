"""SOP AP forms as the tests write them into Word, Excel and PDF fixtures, and expect them back.

A ``Formulir`` is what a form shows, in its own words: the kop's lines, the
identity part's labels and values as printed, its lists, the pelaksana
columns and the steps. The fixture writers (``formulir_word``,
``formulir_excel``) lay it out as an agency's document does; the importer's
tests read the document back and compare with the same ``Formulir``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Langkah:
    """One row of the flowchart: the pelaksana as indices into ``Formulir.kolom``; a decision's targets
    as written at its branches ("2", "selesai"), or None when the form writes none."""

    no: int
    kegiatan: str
    pelaksana: tuple[int, ...]
    jenis: str = "proses"  # "proses" or "keputusan"; the first and last step are drawn as terminators
    kelengkapan: str = ""
    waktu: str = ""
    output: str = ""
    keterangan: str = ""
    ya: str | None = None
    tidak: str | None = None


@dataclass(frozen=True)
class Formulir:
    """One SOP AP form as printed."""

    kop: tuple[str, ...]
    identitas: tuple[tuple[str, str], ...]  # (label as printed, value), in the form's order
    # The blocks below the identity table, (label as printed, items): Dasar Hukum, Kualifikasi Pelaksana,
    # Keterkaitan, Peralatan/Perlengkapan, Peringatan (one item), Pencatatan dan Pendataan.
    daftar: tuple[tuple[str, tuple[str, ...]], ...]
    kolom: tuple[str, ...]  # the pelaksana columns' headers
    langkah: tuple[Langkah, ...]
    judul: str = ""  # the flowchart's title above its table ("SOP Penyusunan Renja"), if printed


CONTOH = Formulir(
    kop=("PEMERINTAH KABUPATEN CONTOH", "DINAS PENANAMAN MODAL DAN PTSP", "BIDANG PELAYANAN PERIZINAN"),
    identitas=(
        ("Nomor SOP", "503/012/DPMPTSP/2021"),
        ("Tgl. Pembuatan", "12 Pebruari 2021"),
        ("Tgl. Revisi", "-"),
        ("Tgl. Efektif", "1 Maret 2021"),
        ("Disahkan oleh", "Kepala Dinas Drs. Budi Santoso, M.Si Pembina Tk. I NIP. 19700101 199503 1 002"),
        ("Nama SOP", "Pelayanan Izin Reklame"),
    ),
    daftar=(
        ("Dasar Hukum", ("Peraturan Bupati Contoh Nomor 12 Tahun 2019 tentang Penyelenggaraan Reklame",)),
        ("Kualifikasi Pelaksana", ("Memahami ketentuan perizinan", "Mampu mengoperasikan komputer")),
        ("Keterkaitan", ("SOP Penerbitan Izin",)),
        ("Peralatan/Perlengkapan", ("Komputer", "Printer")),
        ("Peringatan", ("Apabila SOP tidak dilaksanakan, pelayanan terhambat",)),
        ("Pencatatan dan Pendataan", ("Buku register izin",)),
    ),
    kolom=("Pemohon", "Petugas Loket", "Kepala Bidang", "Kepala Dinas"),
    langkah=(
        Langkah(1, "Mengajukan permohonan", (0,), kelengkapan="Formulir permohonan", waktu="10 menit", output="Berkas"),
        Langkah(
            2, "Memeriksa kelengkapan berkas", (1,), "keputusan", "Berkas", "15 menit", "Berkas lengkap", tidak="1"
        ),
        Langkah(3, "Memaraf konsep izin", (2,), kelengkapan="Konsep izin", waktu="1 jam", output="Konsep diparaf"),
        Langkah(
            4,
            "Menandatangani izin",
            (2, 3),
            kelengkapan="Konsep diparaf",
            waktu="1 hari",
            output="Izin",
            keterangan="-",
        ),
        Langkah(5, "Menyerahkan izin", (1,), kelengkapan="Izin", waktu="10 menit", output="Tanda terima"),
    ),
    judul="SOP Pelayanan Izin Reklame",
)
