"""Waktu: the author's text to working hours, and totals in words."""

import pytest
from sop_handbook.durations import Durasi, KonvensiWaktu, format_jam, parse_waktu, tanpa_waktu

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
        ("15 Menit", 0.25),
        ("10 mnt", 1 / 6),
        ("1,5 Jam", 1.5),
        ("½ Hari", 3.75),
        ("2 hari kerja", 15),
        ("3 HK", 22.5),
        ("1 (satu) hari", 7.5),
        ("1 jam 30 menit", 1.5),
        ("1 Hari 2 Jam", 9.5),
        ("2 x 24 jam", 15),  # n x 24 jam: n days, counted as working days
        ("1x24 Jam", 7.5),
        ("2 x 3 jam", 6),
    ],
)
def test_parse(text, hours):
    durasi = parse_waktu(text, K)
    assert durasi == Durasi(pytest.approx(hours), pytest.approx(hours))
    assert not durasi.rentang


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("1-2 hari", 7.5, 15),
        ("1 - 2 Hari", 7.5, 15),
        ("1–2 hari kerja", 7.5, 15),
        ("1 s.d. 2 hari", 7.5, 15),
        ("1 s/d 3 hari", 7.5, 22.5),
        ("1 sampai dengan 2 minggu", 37.5, 75),
        ("5 - 10 Menit", 1 / 12, 1 / 6),
        ("30 menit - 1 jam", 0.5, 1),
        # One time per case, as DPMPTSP Kabupaten Blitar writes who signs: from the shortest to the longest.
        ("7 hari dengan bupati; 2 hari dengan Kadin", 15, 52.5),
        ("3 hari untuk izin baru; 1 hari perpanjangan", 7.5, 22.5),
        ("1 hari atau 2 hari", 7.5, 15),
        ("2 hari kerja; 1-2 jam", 1, 15),
    ],
)
def test_a_range_keeps_both_ends_and_counts_as_its_longest(text, low, high):
    durasi = parse_waktu(text, K)
    assert durasi.rentang
    assert (durasi.paling_cepat, durasi.paling_lama) == (pytest.approx(low), pytest.approx(high))


@pytest.mark.parametrize("text", [None, "", "  ", "-", "–", "--", "Tentatif", "sesuai jadwal"])
def test_no_time_is_none_never_a_guess(text):
    assert tanpa_waktu(text)
    assert parse_waktu(text, K) is None


def test_convention_is_configurable():
    assert parse_waktu("1 Minggu", KonvensiWaktu(8, 6, 25)).paling_lama == 48
    assert parse_waktu("1 Bulan", KonvensiWaktu(8, 6, 25)).paling_lama == 200
    assert parse_waktu("2 x 24 jam", KonvensiWaktu(8, 6, 25)).paling_lama == 16


@pytest.mark.parametrize(
    "text",
    [
        "dua jam",
        "sehari",
        "setengah jam",
        "2",
        "Jam 2",
        "2 tahun",
        "2 jam lebih",
        "1-2",
        "dua jam; 3 jam",
        "1 atau 2 hari",
    ],
)
def test_unreadable_text_names_the_fix_and_the_way_to_say_none(text):
    with pytest.raises(
        ValueError, match=r"satuan \(menit, jam, hari, minggu atau bulan\).*kosongkan \(null\) atau tulis '-'"
    ):
        parse_waktu(text, K)


@pytest.mark.parametrize(
    ("text", "message"), [("0 Jam", "lebih dari nol"), ("2-1 hari", "dari yang singkat ke yang lama")]
)
def test_impossible_times_say_why(text, message):
    with pytest.raises(ValueError, match=message):
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
