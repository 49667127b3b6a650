"""Waktu (the Mutu Baku time column): parse the author's text, count work hours.

Forms write "2 Jam", "15 menit", "1 Hari kerja", "1-2 hari", "2 x 24 jam",
"1 jam 30 menit", or "-" for none. The text is kept as written; this module
converts it to working hours with the agency's convention (``konvensi_waktu``
in ``organisasi.yaml``). A range counts as its upper bound.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

_SATUAN = {  # the units as forms write them, and the unit they count as
    "detik": "detik",
    "menit": "menit",
    "mnt": "menit",
    "jam": "jam",
    "hari": "hari",
    "hk": "hari",  # hari kerja
    "minggu": "minggu",
    "pekan": "minggu",
    "bulan": "bulan",
}
_ANGKA = r"\d+(?:[.,]\d+)?"
_UNIT = r"(detik|menit|mnt|jam|hari|hk|minggu|pekan|bulan)(?:\s+kerja)?"
_SAMPAI = r"\s*(?:-|–|—|s\.?\s?/?\s?d\.?|sampai(?:\s+dengan)?|hingga)\s*"
# "1 (satu) hari": the number in words after the digits is dropped.
_DALAM_KATA = re.compile(r"(\d)\s*\([a-z\s]+\)", re.IGNORECASE)
_PECAHAN = str.maketrans({"½": "0,5", "¼": "0,25", "¾": "0,75"})  # "½ Hari"
_BAGIAN = re.compile(rf"({_ANGKA})\s*{_UNIT}", re.IGNORECASE)
_JUMLAH = re.compile(rf"^(?:{_ANGKA}\s*{_UNIT}\s*)+$", re.IGNORECASE)  # 1 jam 30 menit
_RENTANG = re.compile(rf"^({_ANGKA})(?:\s*{_UNIT})?{_SAMPAI}({_ANGKA})\s*{_UNIT}$", re.IGNORECASE)  # 1-2 hari
_KALI = re.compile(rf"^({_ANGKA})\s*[x×]\s*({_ANGKA})\s*{_UNIT}$", re.IGNORECASE)  # 2 x 24 jam
# Times for several cases, as "7 hari dengan Bupati; 2 hari dengan Kadin": each case's words after its time.
_PILIHAN = re.compile(r";|\s+atau\s+", re.IGNORECASE)
_KASUS = re.compile(rf"(?<=[a-z])\s+(?!(?:{_UNIT}|kerja)\b)[^\d;]+$", re.IGNORECASE)
_KATA_SATUAN = re.compile(_UNIT, re.IGNORECASE)  # also inside a word: "sehari", "sejam"
FORMAT_HINT = (
    "tulis angka lalu satuan (menit, jam, hari, minggu atau bulan), mis. '15 menit', '2 jam', '1-2 hari', "
    "'1 jam 30 menit', '2 x 24 jam'; kosongkan (null) atau tulis '-' bila dokumen tidak menyebut waktunya"
)


@dataclass(frozen=True)
class KonvensiWaktu:
    """How many working hours a day, a week and a month hold."""

    jam_per_hari: float
    hari_per_minggu: float
    hari_per_bulan: float
    dasar: str | None = None

    def jam_per(self, satuan: str) -> float:
        """Working hours in one ``satuan`` as forms write it (menit, jam, hari, "hari kerja", minggu, ...)."""
        return {
            "detik": 1 / 3600,
            "menit": 1 / 60,
            "jam": 1.0,
            "hari": self.jam_per_hari,
            "minggu": self.jam_per_hari * self.hari_per_minggu,
            "bulan": self.jam_per_hari * self.hari_per_bulan,
        }[_SATUAN[satuan.lower()]]


@dataclass(frozen=True)
class Durasi:
    """A step's time in working hours: a range ("1-2 hari") has a shortest and a longest; it counts as
    the longest."""

    paling_cepat: float
    paling_lama: float

    @property
    def rentang(self) -> bool:
        return self.paling_cepat != self.paling_lama


def tanpa_waktu(text: str | None) -> bool:
    """Whether a Waktu text says the document gives no time: empty, "-", or words without a unit ("Tentatif")."""
    return text is None or (not any(char.isdigit() for char in text) and not _KATA_SATUAN.search(text))


def parse_waktu(text: str | None, konvensi: KonvensiWaktu) -> Durasi | None:
    """Working hours for a Waktu text (None: the document gives none); ``ValueError`` with the fix if unreadable.

    Read: "2 Jam", "15 menit", "1 Hari kerja", "3 HK", "2 Minggu", "1 Bulan"; a sum "1 jam 30 menit"; a range
    "1-2 hari", "1 s.d. 2 hari", "30 menit - 1 jam"; "n x 24 jam", which offices write for n days (n working
    days here), and other products "2 x 3 jam"; "1 (satu) hari"; times for several cases, each with its
    words ("7 hari dengan Bupati; 2 hari dengan Kadin", "1 hari atau 2 hari"), counting the longest.
    """
    if tanpa_waktu(text):
        return None
    assert text is not None
    cases = [part.strip() for part in _PILIHAN.split(text) if part.strip()]
    if len(cases) > 1:  # "7 hari dengan Bupati; 2 hari dengan Kadin": one time per case, the longest counts
        try:
            each = [_one(_KASUS.sub("", case), konvensi) for case in cases]
        except ValueError:
            raise ValueError(f"waktu '{text}' tidak terbaca; {FORMAT_HINT}") from None
        return Durasi(min(d.paling_cepat for d in each), max(d.paling_lama for d in each))
    return _one(text, konvensi)


def _one(text: str, konvensi: KonvensiWaktu) -> Durasi:
    """One time, a sum, a range or a product."""
    cleaned = _DALAM_KATA.sub(r"\1", " ".join(text.split())).translate(_PECAHAN)
    if match := _RENTANG.match(cleaned):
        low_unit = match.group(2) or match.group(4)
        low = _number(match.group(1)) * konvensi.jam_per(low_unit)
        high = _number(match.group(3)) * konvensi.jam_per(match.group(4))
        if low >= high:
            raise ValueError(f"rentang waktu '{text}' harus dari yang singkat ke yang lama (mis. '1-2 hari')")
        durasi = Durasi(low, high)
    elif match := _KALI.match(cleaned):
        times, size, unit = _number(match.group(1)), _number(match.group(2)), match.group(3)
        hours = (
            times * konvensi.jam_per("hari")
            if size == 24 and unit.lower() == "jam"
            else times * size * konvensi.jam_per(unit)
        )
        durasi = Durasi(hours, hours)
    elif _JUMLAH.match(cleaned):
        hours = sum(_number(n) * konvensi.jam_per(unit) for n, unit in _BAGIAN.findall(cleaned))
        durasi = Durasi(hours, hours)
    else:
        raise ValueError(f"waktu '{text}' tidak terbaca; {FORMAT_HINT}")
    if durasi.paling_cepat <= 0:
        raise ValueError(
            f"waktu '{text}' harus lebih dari nol; tulis lama langkah ini seperti di dokumen (mis. '15 menit'), "
            "atau kosongkan bila dokumen tidak menyebut waktunya"
        )
    if not math.isfinite(durasi.paling_lama):  # digits beyond what a float holds
        raise ValueError(f"waktu '{text}' terlalu besar; tulis lama langkah yang sebenarnya (mis. '2 Minggu')")
    return durasi


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def angka(value: float) -> str:
    """A number in Indonesian notation: 7, 2,5, 0,25."""
    if math.isclose(value, round(value)):
        return str(round(value))
    return f"{value:.2f}".rstrip("0").replace(".", ",")


def format_jam(jam: float, konvensi: KonvensiWaktu) -> str:
    """A duration in working hours, with whole working days when it spans them.

    ``55`` with 7.5 hours a day gives ``"7 hari 2,5 jam kerja (55 jam)"``.
    """
    hari = math.floor(jam / konvensi.jam_per_hari + 1e-9)
    sisa = jam - hari * konvensi.jam_per_hari
    if hari == 0:
        return f"{angka(jam)} jam kerja"
    bagian = f"{hari} hari" + (f" {angka(sisa)} jam" if sisa > 1e-9 else "")
    return f"{bagian} kerja ({angka(jam)} jam)"
