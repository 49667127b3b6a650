"""Legal references (Dasar Hukum): kinds, their rank in the hierarchy, citations.

The ranks follow the hierarchy of Indonesian laws and regulations
(UU 12/2011 as amended): Undang-Undang, Peraturan Pemerintah, Peraturan
Presiden, ministerial regulations, then regional ones.
"""

from __future__ import annotations

import re

from .model import Peraturan

# jenis id -> (rank, name)
JENIS: dict[str, tuple[int, str]] = {
    "undang-undang": (1, "Undang-Undang"),
    "peraturan-pemerintah": (2, "Peraturan Pemerintah"),
    "peraturan-presiden": (3, "Peraturan Presiden"),
    "peraturan-menteri": (4, "Peraturan Menteri"),
    "peraturan-daerah-provinsi": (5, "Peraturan Daerah Provinsi"),
    "peraturan-gubernur": (6, "Peraturan Gubernur"),
    "peraturan-daerah-kabupaten-kota": (7, "Peraturan Daerah Kabupaten/Kota"),
    "peraturan-bupati-walikota": (8, "Peraturan Bupati/Wali Kota"),
}


def nama_jenis(peraturan: Peraturan) -> str:
    """The kind as cited: 'Peraturan Menteri Dalam Negeri', 'Peraturan Gubernur Kalimantan Barat'."""
    name = JENIS[peraturan.jenis][1]
    return f"{name} {peraturan.penerbit}" if peraturan.penerbit else name


def sitasi(peraturan: Peraturan) -> str:
    """Short citation: 'Undang-Undang Nomor 23 Tahun 2014'."""
    return f"{nama_jenis(peraturan)} Nomor {peraturan.nomor} Tahun {peraturan.tahun}"


def judul_lengkap(peraturan: Peraturan) -> str:
    """Full citation with the subject: '... Tahun 2014 tentang Pemerintahan Daerah'."""
    return f"{sitasi(peraturan)} tentang {peraturan.tentang}"


def urutan(peraturan: Peraturan) -> tuple[int, int, int, str]:
    """Sort key: rank in the hierarchy, then year, then number."""
    digits = re.match(r"\d+", peraturan.nomor)
    return (JENIS[peraturan.jenis][0], peraturan.tahun, int(digits.group()) if digits else 0, peraturan.nomor)
