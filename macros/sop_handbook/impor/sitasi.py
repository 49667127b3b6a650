"""A Dasar Hukum citation as an SOP writes it, read into kind, issuer, number, year and subject.

"Undang-undang Nomor 25 Tahun 1992 tentang Perkoperasian", "Permendagri No.
86 Tahun 2017 tentang …", "Peraturan Gubernur Kalimantan Barat Nomor 206
Tahun 2021 tentang …", "Perwal Medan No 39 Th. 2013": the kind by its name
or its usual abbreviation, the issuer the words between it and the number
(a ministry, a province, a regency or a city), the number and the year. What
cannot be read stays as written, for the author to catalogue by hand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..legal import JENIS
from ..model import Peraturan

# (pattern of the kind's name as written, jenis id, issuer when the name implies one); longest first.
_NAMA: tuple[tuple[str, str, str | None], ...] = (
    (r"undang[- ]undang dasar(?: negara republik indonesia)?(?: tahun)?", "undang-undang-dasar", None),
    (r"peraturan pemerintah pengganti undang[- ]undang|perppu", "perppu", None),
    (r"undang[- ]undang|uu", "undang-undang", None),
    (r"peraturan pemerintah|pp", "peraturan-pemerintah", None),
    (r"peraturan presiden|perpres", "peraturan-presiden", None),
    (r"keputusan presiden|keppres", "keputusan-presiden", None),
    (r"instruksi presiden|inpres", "instruksi-presiden", None),
    (r"permendagri", "peraturan-menteri", "Dalam Negeri"),
    (r"permen ?pan(?: ?-? ?rb)?", "peraturan-menteri", "Pendayagunaan Aparatur Negara dan Reformasi Birokrasi"),
    (r"permenkes", "peraturan-menteri", "Kesehatan"),
    (r"permenkeu|pmk", "peraturan-menteri", "Keuangan"),
    (r"kepmendagri", "keputusan-menteri", "Dalam Negeri"),
    (r"peraturan menteri|permen", "peraturan-menteri", None),
    (r"keputusan menteri|kepmen", "keputusan-menteri", None),
    (r"instruksi menteri", "instruksi-menteri", None),
    (r"peraturan daerah provinsi|perda provinsi|perda prov\.?", "peraturan-daerah-provinsi", None),
    (r"peraturan daerah kabupaten|perda kabupaten|perda kab\.?", "peraturan-daerah-kabupaten", None),
    (r"peraturan daerah kota|perda kota", "peraturan-daerah-kota", None),
    (r"peraturan gubernur|pergub", "peraturan-gubernur", None),
    (r"keputusan gubernur|kepgub", "keputusan-gubernur", None),
    (r"instruksi gubernur", "instruksi-gubernur", None),
    (r"peraturan bupati|perbup", "peraturan-bupati", None),
    (r"keputusan bupati", "keputusan-bupati", None),
    (r"instruksi bupati", "instruksi-bupati", None),
    (r"peraturan wali ?kota|perwali?|perwako", "peraturan-wali-kota", None),
    (r"keputusan wali ?kota", "keputusan-wali-kota", None),
    (r"instruksi wali ?kota", "instruksi-wali-kota", None),
    (r"surat edaran", "surat-edaran", None),
)
_NOMOR = r"(?:nomor|no\.?)\s*:?\s*(?P<nomor>[0-9][\w./-]*|[A-Z]+[\w./-]*)"
_TAHUN = r"(?:tahun|th\.?|thn\.?)\s*(?P<tahun>\d{4})"
_TENTANG = r"(?:\s+tentang\s+(?P<tentang>.+))?"
_NOMOR_TAHUN = r"(?:nomor|no\.?)\s*:?\s*(?P<nomor>\d+)/(?P<tahun>(?:19|20)\d{2})\b"  # "Nomor 21/2011"
# Short names of issuers in ids, as the catalogue names them (pergub-kalbar-206-2021).
_SINGKAT = {
    "dalam negeri": "permendagri",
    "pendayagunaan aparatur negara dan reformasi birokrasi": "permenpan-rb",
    "kalimantan barat": "kalbar",
}
_ID_JENIS = {
    "undang-undang": "uu",
    "perppu": "perppu",
    "peraturan-pemerintah": "pp",
    "peraturan-presiden": "perpres",
    "keputusan-presiden": "keppres",
    "instruksi-presiden": "inpres",
    "peraturan-menteri": "permen",
    "keputusan-menteri": "kepmen",
    "peraturan-daerah-provinsi": "perda",
    "peraturan-daerah-kabupaten": "perda",
    "peraturan-daerah-kota": "perda",
    "peraturan-gubernur": "pergub",
    "keputusan-gubernur": "kepgub",
    "peraturan-bupati": "perbup",
    "keputusan-bupati": "kepbup",
    "peraturan-wali-kota": "perwal",
    "keputusan-wali-kota": "kepwal",
}


@dataclass(frozen=True)
class Sitasi:
    """What a citation says, as far as it could be read."""

    jenis: str
    penerbit: str | None
    nomor: str | None
    tahun: int
    tentang: str | None


def baca_sitasi(text: str) -> Sitasi | None:
    """The citation's parts, or None when its kind or year cannot be read."""
    clean = " ".join(text.split()).rstrip(".;")
    for name, jenis, issuer in _NAMA:
        found = re.match(rf"(?i)(?:{name})\b\s*(?P<rest>.*)$", clean)
        if not found:
            continue
        rest = found.group("rest")
        if jenis == "undang-undang-dasar":
            year = re.search(r"\b(19|20)\d{2}\b", clean)
            return Sitasi(jenis, None, None, int(year.group(0)) if year else 1945, None)
        parts = re.match(rf"(?i)(?P<penerbit>.*?)\s*{_NOMOR}\s*,?\s*{_TAHUN}{_TENTANG}$", rest) or re.match(
            rf"(?i)(?P<penerbit>.*?)\s*{_NOMOR_TAHUN}{_TENTANG}$", rest
        )
        if not parts:
            return None
        written = parts.group("penerbit").strip(" ,") or None
        penerbit = issuer or (_issuer(jenis, written) if written else None)
        tentang = parts.group("tentang")
        return Sitasi(jenis, penerbit, parts.group("nomor").rstrip("."), int(parts.group("tahun")), tentang)
    return None


def _issuer(jenis: str, written: str) -> str:
    """The issuer as the catalogue names it: "Kalimantan Barat", "Dalam Negeri" (without "Menteri",
    "Provinsi", "Kabupaten" or "Kota" that the kind's name already says)."""
    words = re.sub(r"(?i)^(menteri|provinsi|prov\.|kabupaten|kab\.|kota)\s+", "", written)
    return " ".join(word if word.isupper() and len(word) > 3 else word.capitalize() for word in words.split())


def cocok(sitasi: Sitasi, katalog: tuple[Peraturan, ...]) -> Peraturan | None:
    """The catalogue's entry of the same regulation: same kind, number and year, and issuer when both say."""
    for entry in katalog:
        if entry.jenis != sitasi.jenis or entry.tahun != sitasi.tahun:
            continue
        if (entry.nomor or "").lstrip("0") != (sitasi.nomor or "").lstrip("0"):
            continue
        if entry.penerbit and sitasi.penerbit and entry.penerbit.lower() != sitasi.penerbit.lower():
            continue
        return entry
    return None


def usulan_id(sitasi: Sitasi) -> str:
    """An id for a new catalogue entry in the catalogue's style: uu-25-1992, permendagri-86-2017,
    pergub-kalbar-206-2021."""
    prefix = _ID_JENIS.get(sitasi.jenis, sitasi.jenis)
    issuer = (sitasi.penerbit or "").lower()
    if sitasi.jenis == "peraturan-menteri" and issuer in _SINGKAT:
        prefix, issuer = _SINGKAT[issuer], ""
    short = _SINGKAT.get(issuer, issuer)
    parts = [prefix, short, sitasi.nomor or "", str(sitasi.tahun)]
    return re.sub(r"[^a-z0-9]+", "-", "-".join(p for p in parts if p).lower()).strip("-")


def nama_jenis(jenis: str) -> str:
    """The kind's name as cited ("Peraturan Gubernur")."""
    return JENIS[jenis].nama
