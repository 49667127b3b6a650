"""Waktu (the Mutu Baku time column): parse the author's text, count work hours.

Authors write "2 Jam", "3 jam", "1 Hari", "2 Minggu", "1 Bulan". The text is
kept as written; this module converts it to working hours with the
handbook's convention (``konvensi_waktu`` in ``organisasi.yaml``).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

_WAKTU = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*(menit|jam|hari|minggu|bulan)(?:\s+kerja)?\s*$", re.IGNORECASE)
FORMAT_HINT = "tulis angka lalu satuan: menit, jam, hari, minggu atau bulan (mis. '2 Jam', '1 Hari')"


@dataclass(frozen=True)
class KonvensiWaktu:
    """How many working hours a day, a week and a month hold."""

    jam_per_hari: float
    hari_per_minggu: float
    hari_per_bulan: float
    dasar: str | None = None

    def jam_per(self, satuan: str) -> float:
        """Working hours in one ``satuan`` (menit, jam, hari, minggu, bulan)."""
        return {
            "menit": 1 / 60,
            "jam": 1.0,
            "hari": self.jam_per_hari,
            "minggu": self.jam_per_hari * self.hari_per_minggu,
            "bulan": self.jam_per_hari * self.hari_per_bulan,
        }[satuan]


def parse_waktu(text: str, konvensi: KonvensiWaktu) -> float:
    """Working hours for a Waktu text; ``ValueError`` with the fix if unreadable."""
    match = _WAKTU.match(text)
    if not match:
        raise ValueError(f"waktu '{text}' tidak terbaca; {FORMAT_HINT}")
    jumlah = float(match.group(1).replace(",", "."))
    if jumlah <= 0:
        raise ValueError(
            f"waktu '{text}' harus lebih dari nol; tulis lama langkah ini (mis. '15 Menit') atau tanya pemilik SOP"
        )
    return jumlah * konvensi.jam_per(match.group(2).lower())


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
