"""Legal references (Dasar Hukum): kinds, their rank in the hierarchy, citations.

The kinds are those SOPs cite, ranked in the order of the hierarchy of
Indonesian laws and regulations (UU 12/2011 as amended): the hierarchy of its
article 7 (UUD 1945 to the Peraturan Daerah), with the regulations its article 8
recognises beside it (of the President, ministers, agencies and heads of
regions), and decisions, instructions and circulars after the regulations of
the same office. A kind is printed with its own name and issuer ("Peraturan
Wali Kota Batu", "Peraturan Daerah Kabupaten Luwu Timur"): an agency of a
kabupaten and one of a kota never share a combined "Bupati/Wali Kota".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import DasarHukum, Peraturan


@dataclass(frozen=True)
class Jenis:
    """A kind of regulation: how it is cited, the heading of its group, and what its entries must say."""

    nama: str  # as cited, before the issuer: "Peraturan Bupati" (+ " Blitar")
    judul: str  # the heading of the kind's group on the Dasar Hukum pages
    penerbit: str | None  # what `penerbit` names, for messages; None: the kind has no issuer
    bernomor: bool = True  # UUD 1945 has neither nomor nor tentang


_KEMENTERIAN = "kementeriannya, mis. 'Dalam Negeri'"
_LEMBAGA = "lembaganya, mis. 'Badan Kepegawaian Negara' atau 'Kepala Badan Pusat Statistik'"
_PROVINSI = "provinsinya, mis. 'Kalimantan Barat'"
_KABUPATEN = "kabupatennya, mis. 'Blitar'"
_KOTA = "kotanya, mis. 'Batu'"
_PEJABAT = "pejabat penerbitnya, mis. 'Menteri Dalam Negeri' atau 'Gubernur Kalimantan Barat'"

# jenis id -> kind, in the order of the hierarchy (the rank is the position).
JENIS: dict[str, Jenis] = {
    "undang-undang-dasar": Jenis(
        "Undang-Undang Dasar Negara Republik Indonesia", "Undang-Undang Dasar", None, bernomor=False
    ),
    "ketetapan-mpr": Jenis("Ketetapan Majelis Permusyawaratan Rakyat", "Ketetapan MPR", None),
    "undang-undang": Jenis("Undang-Undang", "Undang-Undang", None),
    "perppu": Jenis(
        "Peraturan Pemerintah Pengganti Undang-Undang", "Peraturan Pemerintah Pengganti Undang-Undang", None
    ),
    "peraturan-pemerintah": Jenis("Peraturan Pemerintah", "Peraturan Pemerintah", None),
    "peraturan-presiden": Jenis("Peraturan Presiden", "Peraturan Presiden", None),
    "keputusan-presiden": Jenis("Keputusan Presiden", "Keputusan Presiden", None),
    "instruksi-presiden": Jenis("Instruksi Presiden", "Instruksi Presiden", None),
    "peraturan-menteri": Jenis("Peraturan Menteri", "Peraturan Menteri", _KEMENTERIAN),
    "keputusan-menteri": Jenis("Keputusan Menteri", "Keputusan Menteri", _KEMENTERIAN),
    "instruksi-menteri": Jenis("Instruksi Menteri", "Instruksi Menteri", _KEMENTERIAN),
    "peraturan-lembaga": Jenis("Peraturan", "Peraturan Lembaga", _LEMBAGA),
    "keputusan-lembaga": Jenis("Keputusan", "Keputusan Lembaga", _LEMBAGA),
    "peraturan-daerah-provinsi": Jenis("Peraturan Daerah Provinsi", "Peraturan Daerah Provinsi", _PROVINSI),
    "peraturan-daerah-kabupaten": Jenis("Peraturan Daerah Kabupaten", "Peraturan Daerah Kabupaten", _KABUPATEN),
    "peraturan-daerah-kota": Jenis("Peraturan Daerah Kota", "Peraturan Daerah Kota", _KOTA),
    "peraturan-gubernur": Jenis("Peraturan Gubernur", "Peraturan Gubernur", _PROVINSI),
    "keputusan-gubernur": Jenis("Keputusan Gubernur", "Keputusan Gubernur", _PROVINSI),
    "instruksi-gubernur": Jenis("Instruksi Gubernur", "Instruksi Gubernur", _PROVINSI),
    "peraturan-bupati": Jenis("Peraturan Bupati", "Peraturan Bupati", _KABUPATEN),
    "keputusan-bupati": Jenis("Keputusan Bupati", "Keputusan Bupati", _KABUPATEN),
    "instruksi-bupati": Jenis("Instruksi Bupati", "Instruksi Bupati", _KABUPATEN),
    "peraturan-wali-kota": Jenis("Peraturan Wali Kota", "Peraturan Wali Kota", _KOTA),
    "keputusan-wali-kota": Jenis("Keputusan Wali Kota", "Keputusan Wali Kota", _KOTA),
    "instruksi-wali-kota": Jenis("Instruksi Wali Kota", "Instruksi Wali Kota", _KOTA),
    "surat-edaran": Jenis("Surat Edaran", "Surat Edaran", _PEJABAT),
}
_RANK = {jenis: rank for rank, jenis in enumerate(JENIS, start=1)}


def peringkat(jenis: str) -> int:
    """The kind's rank in the hierarchy: 1 for the UUD 1945."""
    return _RANK[jenis]


def nama_jenis(peraturan: Peraturan) -> str:
    """The kind as cited: 'Peraturan Menteri Dalam Negeri', 'Peraturan Bupati Blitar'."""
    name = JENIS[peraturan.jenis].nama
    return f"{name} {peraturan.penerbit}" if peraturan.penerbit else name


def sitasi(peraturan: Peraturan) -> str:
    """Short citation: 'Undang-Undang Nomor 23 Tahun 2014'; a kind without a number: its name and year."""
    nomor = f" Nomor {peraturan.nomor}" if peraturan.nomor else ""
    return f"{nama_jenis(peraturan)}{nomor} Tahun {peraturan.tahun}"


def judul_lengkap(peraturan: Peraturan) -> str:
    """Full citation with the subject: '... Tahun 2014 tentang Pemerintahan Daerah'."""
    return f"{sitasi(peraturan)} tentang {peraturan.tentang}" if peraturan.tentang else sitasi(peraturan)


def dicatat(cited: tuple[DasarHukum, ...]) -> list[Peraturan]:
    """The regulations of an SOP's Dasar Hukum that are in the catalogue, in the order cited."""
    return [d.peraturan for d in cited if d.peraturan is not None]


def kutipan(cited: DasarHukum) -> str:
    """A Dasar Hukum in one line: the short citation of its regulation, or the citation as written."""
    return sitasi(cited.peraturan) if cited.peraturan else cited.tertulis or ""


def urutan(peraturan: Peraturan) -> tuple[int, int, int, str]:
    """Sort key: rank in the hierarchy, then year, then number."""
    nomor = peraturan.nomor or ""
    digits = re.match(r"\d+", nomor)
    return (peringkat(peraturan.jenis), peraturan.tahun, int(digits.group()) if digits else 0, nomor)


def entry_problems(peraturan: Peraturan) -> list[tuple[str | None, str]]:
    """What a catalogue entry lacks or has too much for its kind: (key, message); key None: the entry."""
    jenis = JENIS[peraturan.jenis]
    problems: list[tuple[str | None, str]] = []
    if jenis.penerbit and not peraturan.penerbit:
        problems.append((None, f"jenis '{peraturan.jenis}' perlu `penerbit:`: {jenis.penerbit}"))
    if not jenis.penerbit and peraturan.penerbit:
        problems.append(("penerbit", f"{jenis.nama} tidak disebut dengan penerbit; hapus `penerbit:`"))
    for key, value in (("nomor", peraturan.nomor), ("tentang", peraturan.tentang)):
        if jenis.bernomor and value is None:
            problems.append((None, f"jenis '{peraturan.jenis}' perlu `{key}:`; salin dari naskah peraturannya"))
        elif not jenis.bernomor and value is not None:
            problems.append((key, f"{jenis.nama} dikutip tanpa `{key}:`; hapus kunci ini"))
    return problems
