"""The printed table's columns (``cetak.tata_kolom``): up to eight pelaksana columns fit A4 landscape
readably; a column is never narrower than the longest word of its header, headers wrap between words;
what does not fit is a warning of the source check naming the SOP and the fix."""

from __future__ import annotations

import dataclasses

import pytest
from sop_handbook import cetak, checks
from sop_handbook.model import Peran

from .conftest import ROOT, load

LABELS = [
    "Pejabat Level I (Kepala Dinas)",
    "Pejabat Level II (Sekretaris)",
    "Pejabat Level III (Kepala Subbagian)",
    "Ketua Tim Kerja",
    "Anggota Tim Kerja",
    "Bendahara",
    "Pelaksana",
    "Kepala Seksi Perencanaan",
]


def peran(count: int, labels: list[str] = LABELS) -> tuple[Peran, ...]:
    return tuple(Peran(f"peran-{i}", labels[i % len(labels)]) for i in range(count))


def header_lines(label: str, width: float, size: float) -> list[str]:
    """``label`` wrapped greedily between words in a column ``width`` mm wide, at ``size`` pt bold."""
    room, result = width - cetak.PADDING_SEL, [""]
    for word in label.split():
        line = f"{result[-1]} {word}".strip()
        if cetak.text_width(line, size) * cetak.TEBAL <= room or not result[-1]:
            result[-1] = line
        else:
            result.append(word)
    return result


@pytest.mark.parametrize("kertas", [cetak.A4, cetak.F4], ids=lambda k: k.nama)
@pytest.mark.parametrize("count", range(2, 9))
def test_two_to_eight_columns_fit_with_widths_adding_up_to_the_printable_width(count, kertas):
    tata = cetak.tata_kolom(peran(count), kertas)
    assert tata.muat
    teks = tata.kolom_teks
    assert list(teks) == ["kegiatan", "kelengkapan", "waktu", "output", "keterangan"]
    assert cetak.KOLOM_NO + sum(teks.values()) + count * tata.lebar_lajur == kertas.lebar_cetak
    assert tata.lebar_lajur >= cetak.LAJUR_MIN
    assert tata.lebar_lajur <= cetak.LAJUR_MAKS or count <= 2
    assert all(teks[name] >= least for name, least in cetak.KOLOM_TEKS_MIN.items())
    assert all(width == int(width) for width in (tata.lebar_lajur, *teks.values()))


@pytest.mark.parametrize("count", range(2, 9))
def test_headers_wrap_between_words_and_every_word_has_room(count):
    lajur = peran(count)
    tata = cetak.tata_kolom(lajur)
    room = tata.lebar_lajur - cetak.PADDING_SEL
    for p in lajur:
        for word in p.label.split():
            assert cetak.text_width(word, tata.huruf) * cetak.TEBAL <= room, (count, word)
        wrapped = header_lines(p.label, tata.lebar_lajur, tata.huruf)
        assert " ".join(wrapped) == p.label  # whole words on each line
        assert cetak.lines(p.label, tata.lebar_lajur, cetak.TEBAL * tata.huruf / cetak.UKURAN_HURUF) == len(wrapped)
    line = {size: height for size, height, _ in cetak.HURUF_KEPALA}[tata.huruf]
    most = max(len(header_lines(p.label, tata.lebar_lajur, tata.huruf)) for p in lajur)
    assert tata.tinggi_kepala == pytest.approx(
        2 * cetak.PADDING_SEL + cetak.TINGGI_BARIS_TEKS + max(most * line, 2 * cetak.TINGGI_BARIS_TEKS)
    )


def test_kegiatan_gives_up_width_before_the_other_text_columns():
    widths = [cetak.tata_kolom(peran(count)).kolom_teks for count in range(2, 9)]
    for teks in widths:
        if teks["kegiatan"] > cetak.KOLOM_TEKS_MIN["kegiatan"]:  # the others are whole while Kegiatan can give
            assert all(teks[name] == cetak.KOLOM_TEKS[name] for name in ("kelengkapan", "waktu", "output"))
    assert widths[0]["kegiatan"] > widths[-1]["kegiatan"]
    assert [w["kegiatan"] for w in widths] == sorted((w["kegiatan"] for w in widths), reverse=True)


def test_few_columns_keep_the_widest_lanes_and_type():
    tata = cetak.tata_kolom(peran(4))
    assert tata.lebar_lajur == cetak.LAJUR_MAKS and tata.huruf == cetak.UKURAN_HURUF and tata.kelas_kepala == ""
    assert cetak.tata_kolom(peran(8)).huruf < cetak.UKURAN_HURUF  # eight long names: smaller type


@pytest.mark.parametrize("count", [9, 10, 12])
def test_more_columns_than_fit_a4_are_a_warning_naming_the_sop_and_the_fix(count):
    assert not cetak.tata_kolom(peran(count)).muat
    handbook = load(ROOT / "sop_source", ROOT)
    sop = handbook.sop("penyusunan-lakip")
    unit = dataclasses.replace(sop.unit, pelaksana=peran(count))
    wide = dataclasses.replace(sop, unit=unit)
    warnings = list(checks._printed_columns(wide, source_of(sop)))
    assert len(warnings) == 1
    message = warnings[0].message
    assert sop.judul_tampil in message and f"{count} kolom pelaksana" in message
    assert "kurangi kolom dengan `kolom_pelaksana:`" in message
    if cetak.tata_kolom(wide.kolom, cetak.F4).muat:
        assert "cetak di kertas F4 (make pdf KERTAS=F4)" in message
    assert list(checks._printed_columns(sop, source_of(sop))) == []  # four columns: nothing to say


def test_fifteen_short_names_do_not_fit_even_on_f4():
    lajur = peran(15, ["Staf"])
    assert not cetak.tata_kolom(lajur).muat and not cetak.tata_kolom(lajur, cetak.F4).muat
    assert cetak.tata_kolom(peran(9, ["Staf"])).muat  # nine one-word columns fit: it is the words that count


def source_of(sop):
    from sop_handbook.yamlsource import read_source

    source, _ = read_source(ROOT / sop.file, sop.file)
    return source
