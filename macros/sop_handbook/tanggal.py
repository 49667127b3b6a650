"""Dates of the identity part as agencies write them.

A form's Tanggal Pembuatan, Revisi and Efektif is a full date ("12 September
2016", "12-09-2016", "2016-09-12") or only a month of a year ("September
2016", "2016-09"), in Indonesian month names and the variants offices use
("Pebruari", "Nopember", "Agt", "Sept"). Some forms mark a date as absent
("-", "(ditinjau kembali)"): text with no digit is such a mark, recorded as
not stated, never read as a date.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

BULAN = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
# Each month's names as written, lower case: full names, their variants, and the usual abbreviations.
_NAMA_BULAN: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            ("januari", "jan", "january"),
            ("februari", "pebruari", "febuari", "peb", "feb", "february"),
            ("maret", "mar", "march"),
            ("april", "apr", "april"),
            ("mei", "may"),
            ("juni", "jun", "june"),
            ("juli", "jul", "july"),
            ("agustus", "agt", "agu", "ags", "agst", "aug", "august"),
            ("september", "sep", "sept", "sepember"),
            ("oktober", "okt", "oct", "october"),
            ("november", "nopember", "nov", "nop"),
            ("desember", "des", "dec", "december", "dember"),
        ),
        start=1,
    )
    for name in names
}
_TAHUN = r"(\d{4})"
_POLA = (  # (pattern, the groups' meaning)
    (re.compile(rf"^{_TAHUN}-(\d{{1,2}})-(\d{{1,2}})$"), "ybd"),  # 2016-09-12
    (re.compile(rf"^{_TAHUN}-(\d{{1,2}})$"), "yb"),  # 2016-09
    (re.compile(rf"^(\d{{1,2}})\s*[-/.]\s*(\d{{1,2}})\s*[-/.]\s*{_TAHUN}$"), "dby"),  # 12-09-2016, 12/09/2016
    (re.compile(rf"^(\d{{1,2}})\s*[-\s.]?\s*([A-Za-z]+)\.?\s*[-\s.,]?\s*{_TAHUN}$"), "dny"),  # 12 September 2016
    (re.compile(rf"^([A-Za-z]+)\.?\s*[-\s.,]?\s*{_TAHUN}$"), "ny"),  # September 2016
)
PETUNJUK = (
    "tulis seperti di dokumen: '12 September 2016', 'September 2016' atau '2016-09-12'; "
    "kosongkan (null) bila dokumen tidak mencantumkannya"
)


@dataclass(frozen=True, order=True)
class Tanggal:
    """A date as the form gives it: a day, or only a month (``hari`` is None)."""

    tahun: int
    bulan: int
    hari: int | None = None

    @property
    def awal(self) -> date:
        """The first day it can mean."""
        return date(self.tahun, self.bulan, self.hari or 1)

    @property
    def akhir(self) -> date:
        """The last day it can mean: a month runs to its last day."""
        return date(self.tahun, self.bulan, self.hari or calendar.monthrange(self.tahun, self.bulan)[1])

    @property
    def iso(self) -> str:
        """``2016-09-12``, or ``2016-09`` for a month."""
        return f"{self.tahun:04d}-{self.bulan:02d}" + (f"-{self.hari:02d}" if self.hari else "")

    def __str__(self) -> str:
        """As Indonesians write it: ``12 September 2016``, ``September 2016``."""
        month = f"{BULAN[self.bulan - 1]} {self.tahun}"
        return f"{self.hari} {month}" if self.hari else month


def is_mark(text: str) -> bool:
    """Whether ``text`` marks a date or a number as not stated ("-", "(ditinjau kembali)"): no digit."""
    return not any(char.isdigit() for char in text)


def parse_tanggal(text: str) -> Tanggal:
    """The date ``text`` writes; ``ValueError`` with the fix when it is not one."""
    cleaned = " ".join(text.split())
    for pattern, order in _POLA:
        match = pattern.match(cleaned)
        if match is None:
            continue
        parts = dict(zip(order, match.groups(), strict=True))
        month = int(parts["b"]) if "b" in parts else _NAMA_BULAN.get(parts["n"].casefold())
        if month is None:
            raise ValueError(f"bulan '{parts['n']}' di tanggal '{text}' tidak dikenal; {PETUNJUK}")
        day = int(parts["d"]) if "d" in parts else None
        value = Tanggal(int(parts["y"]), month, day)
        try:
            value.awal  # noqa: B018 - validates the day and the month
        except ValueError:
            raise ValueError(f"tanggal '{text}' tidak ada di kalender; {PETUNJUK}") from None
        return value
    raise ValueError(f"tanggal '{text}' tidak terbaca; {PETUNJUK}")
