"""Waktu: the author's text to working hours, and totals in words."""

import pytest
from sop_handbook.durations import KonvensiWaktu, format_jam, parse_waktu

K = KonvensiWaktu(jam_per_hari=7.5, hari_per_minggu=5, hari_per_bulan=20)


@pytest.mark.parametrize(
    ("text", "hours"),
    [
        ("2 Jam", 2),
        ("3 jam", 3),
        ("1 Hari", 7.5),
        ("1 hari", 7.5),
        ("2 Minggu", 75),
        ("1 Bulan", 150),
        ("30 menit", 0.5),
        ("1,5 Jam", 1.5),
        ("2 hari kerja", 15),
    ],
)
def test_parse(text, hours):
    assert parse_waktu(text, K) == pytest.approx(hours)


def test_convention_is_configurable():
    assert parse_waktu("1 Minggu", KonvensiWaktu(8, 6, 25)) == 48
    assert parse_waktu("1 Bulan", KonvensiWaktu(8, 6, 25)) == 200


@pytest.mark.parametrize("text", ["dua jam", "2", "Jam 2", "2 tahun", "0 Jam", ""])
def test_unreadable_text_names_the_fix(text):
    with pytest.raises(ValueError, match=r"satuan: menit, jam, hari, minggu atau bulan|lebih dari nol"):
        parse_waktu(text, K)


@pytest.mark.parametrize(
    ("hours", "text"),
    [
        (5, "5 jam kerja"),
        (7.5, "1 hari kerja (7,5 jam)"),
        (55, "7 hari 2,5 jam kerja (55 jam)"),
        (0.5, "0,5 jam kerja"),
    ],
)
def test_format(hours, text):
    assert format_jam(hours, K) == text
