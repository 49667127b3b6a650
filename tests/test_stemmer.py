"""The Indonesian stemmer that search uses in the browser, on word lists.

Words are stemmed by the JavaScript port that runs in Material's search worker
(``macros/sop_handbook/assets/sastrawi.js``, through ``tools/stem.mjs``) with
the handbook's dictionary: Sastrawi's roots and the roots the handbook adds.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from sop_handbook import search

STEM = Path(__file__).parent / "tools" / "stem.mjs"

# Root and affixed forms that must find each other.
FAMILIES = {
    "susun": ["susun", "menyusun", "penyusunan", "disusun", "tersusun", "susunan", "penyusun"],
    "tandatangan": ["menandatangani", "ditandatangani", "penandatanganan", "tandatangan"],
    "periksa": ["periksa", "memeriksa", "pemeriksaan", "diperiksa", "pemeriksa"],
    "kirim": ["kirim", "mengirim", "mengirimkan", "pengiriman", "dikirim", "dikirimkan", "pengirim"],
    "anggar": ["anggaran", "penganggaran"],
    "koreksi": ["koreksi", "mengoreksi", "dikoreksi"],
    "lapor": ["lapor", "laporan", "melaporkan", "pelaporan", "dilaporkan", "pelapor"],
    "tanggungjawab": ["pertanggungjawaban", "tanggungjawab"],
    "kumpul": ["kumpul", "mengumpulkan", "pengumpulan", "dikumpulkan", "kumpulan"],
    "serah": ["serah", "menyerahkan", "penyerahan", "diserahkan"],
    "tugas": ["tugas", "menugaskan", "penugasan", "ditugaskan"],
    "dokumentasi": ["dokumentasi", "mendokumentasikan", "pendokumentasian", "didokumentasikan"],
    "rencana": ["rencana", "perencanaan", "merencanakan", "direncanakan"],
    "teliti": ["teliti", "meneliti", "penelitian", "diteliti"],
    "pemerintah": ["pemerintah", "pemerintahan"],
    "kinerja": ["kinerja"],
}

# Words that only look alike: they must keep different roots.
APART = [
    ("pemerintah", "perintah"),  # government, an order
    ("pemerintahan", "memerintahkan"),
    ("kinerja", "kerja"),  # performance (LAKIP), work (Rencana Kerja)
    ("perangkat", "angkat"),  # apparatus (Perangkat Daerah), to lift
    ("pertama", "tama"),
    ("peran", "ran"),
    ("berita", "beri"),  # news, to give (memberikan)
    ("dinas", "dina"),
    ("kadis", "kad"),  # Kepala Dinas, not a card
    ("bahan", "bah"),  # material, flood
]

# Abbreviations and names stay as they are.
UNCHANGED = ["lkpj", "lppd", "renja", "renstra", "bappeda", "bkad", "skpd", "sakip", "lakip", "tapd", "diskopukm"]


def stems(words: list[str], dictionary: list[str]) -> list[str]:
    """Stem ``words`` with the browser's stemmer over ``dictionary``."""
    payload = json.dumps({"dictionary": dictionary, "words": words})
    result = subprocess.run(["node", str(STEM)], input=payload, capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def dictionary(handbook) -> list[str]:
    """Sastrawi's dictionary with the roots the handbook adds (compounds, look-alikes, glossary)."""
    return sorted(search.sastrawi_roots() | search.extra_roots(handbook.glosarium))


@pytest.fixture(scope="module")
def stem(dictionary):
    """Stem a list of words at once (one node process)."""
    return lambda words: dict(zip(words, stems(words, dictionary), strict=True))


def test_affixed_forms_share_their_root(stem):
    words = [word for family in FAMILIES.values() for word in family]
    found = stem(words)
    wrong = {word: found[word] for root, family in FAMILIES.items() for word in family if found[word] != root}
    assert wrong == {}


def test_words_that_only_look_alike_stay_apart(stem):
    found = stem([word for pair in APART for word in pair])
    merged = [(a, b, found[a]) for a, b in APART if found[a] == found[b]]
    assert merged == []


def test_abbreviations_are_left_alone(stem):
    found = stem(UNCHANGED)
    assert {word: found[word] for word in UNCHANGED if found[word] != word} == {}


def test_the_browser_dictionary_stems_the_handbook_as_the_whole_dictionary_does(real_site, handbook, dictionary):
    """The browser gets only the roots the handbook uses; for its words that changes nothing."""
    index = json.loads((real_site.site / search.INDEX).read_text(encoding="utf-8"))
    vocabulary = sorted(word for word in search.words(index["docs"]) if word.isalpha())
    small = search.browser_dictionary(vocabulary, search.extra_roots(handbook.glosarium))
    assert len(small) < len(dictionary) / 10
    with_small = stems(vocabulary, small)
    with_all = stems(vocabulary, dictionary)
    differ = {w: (a, b) for w, a, b in zip(vocabulary, with_small, with_all, strict=True) if a != b}
    assert differ == {}
