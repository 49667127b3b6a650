"""The JavaScript port of Sastrawi (macros/sop_handbook/assets/sastrawi.js) stems exactly like Python Sastrawi."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Sequence
from importlib import resources

import pytest
from Sastrawi.Dictionary.ArrayDictionary import ArrayDictionary
from Sastrawi.Stemmer.Stemmer import Stemmer

from .conftest import ROOT

STEM_SCRIPT = ROOT / "tests" / "tools" / "stem.mjs"

PREFIXES = (
    *("", "me", "mem", "men", "meng", "meny", "menge", "pe", "pem", "pen", "peng", "peny", "penge"),
    *("di", "ter", "te", "ber", "be", "ke", "se", "per", "memper", "diper", "ku", "kau"),
)
SUFFIXES = (
    *("", "kan", "an", "i", "nya", "lah", "kah", "pun", "ku", "mu"),
    *("kannya", "annya", "inya", "kanlah", "nyalah", "kanpun", "-nya", "-lah"),
)
# meN- and peN- drop the first consonant of the root: me+kirim -> mengirim, pe+tulis -> penulis.
ASSIMILATING = {"k": ("meng", "peng"), "p": ("mem", "pem"), "t": ("men", "pen"), "s": ("meny", "peny")}
PARTICLES = ("ku", "mu", "nya", "lah", "kah", "tah", "pun")
MEN = ("me", "mem", "men", "meng", "meny")
AFFIXES = [(prefix, suffix) for prefix in PREFIXES for suffix in SUFFIXES]
GRID_STEP = 1000  # every 1000th root gets every prefix and suffix pair
PLURAL_STEP = 20  # every 20th root gets plural forms
# Forms on which only a few rules differ, found by breaking the port on purpose: rules 2, 5, 7, 20, 21b and 23,
# short words, particles after a hyphen.
RARE_PATHS = (
    *("pewerak", "pererai", "berkoersi", "perkoersi", "terreras", "pebekerma", "mebeserlah", "membeber-mbeberkan"),
    *("esi", "mii", "mui", "omi", "buku-pun", "buku-buku-tah", "aba-aba-tah"),
)
# "ajar" for rules 4 and 32; very short roots (abbreviations in the handbook's dictionary) for short words.
SMALL_EXTRAS = ("ajar", "a", "mu", "es")
NOT_IN_DICTIONARY = (
    *("", "a", "ab", "di", "ke", "se", "kan", "nya", "ku", "kau", "-", "--", "a-", "-a", "-nya", "a-a-a"),
    *("sea", "dia", "kea", "mui", "esi", "a-a", "a-lah", "mu-mu", "diesi", "kemu", "semua", "kaumu"),
    *("x-x-nya", "buku-buku-nya", "123", "abc123", "me-", "ber-ber", "belajar", "pelajar", "mempelajari"),
)


@pytest.fixture(scope="module")
def dictionary() -> list[str]:
    """Sastrawi's dictionary file, line by line, as StemmerFactory reads it."""
    data = resources.files("Sastrawi.Stemmer").joinpath("data", "kata-dasar.txt")
    return data.read_text(encoding="utf-8").split("\n")


@pytest.fixture(scope="module")
def roots(dictionary: list[str]) -> list[str]:
    """The dictionary's words of letters a-z only (no compounds with a hyphen)."""
    return [word for word in dictionary if word.isalpha() and word.isascii()]


def port_stems(dictionary: Sequence[str], words: Sequence[str]) -> list[str]:
    """Stems of ``words`` by the JavaScript port over ``dictionary``."""
    request = json.dumps({"dictionary": list(dictionary), "words": list(words)})
    done = subprocess.run(
        ["node", str(STEM_SCRIPT)], input=request, capture_output=True, text=True, check=True, cwd=ROOT
    )
    return json.loads(done.stdout)


def reference_stemmer(dictionary: Sequence[str], *, fast: bool = False) -> Stemmer:
    """Python Sastrawi over ``dictionary``. ``fast``: look words up in a frozenset instead of the list.

    ArrayDictionary.contains is ``word in self.words``; over a list of 30 000 words that takes about 50 ms per
    stemmed word. A frozenset of the same words gives the same answers in constant time.
    """
    array_dictionary = ArrayDictionary(dictionary)
    if fast:
        array_dictionary.words = frozenset(array_dictionary.words)
    return Stemmer(array_dictionary)


def mismatches(stemmer: Stemmer, dictionary: Sequence[str], words: Sequence[str]) -> dict[str, tuple[str, str]]:
    """The first 20 words the port stems differently, as word -> (Python, JavaScript)."""
    found = {}
    for word, port in zip(words, port_stems(dictionary, words), strict=True):
        python = stemmer.stem(word)
        if python != port:
            found[word] = (python, port)
            if len(found) == 20:
                break
    return found


def forms(root: str, prefix: str, suffix: str) -> list[str]:
    """``root`` with ``prefix`` and ``suffix``, and without its first letter where ``prefix`` assimilates it."""
    words = [prefix + root + suffix]
    if prefix in ASSIMILATING.get(root[0], ()):
        words.append(prefix + root[1:] + suffix)
    return words


def plurals(root: str, index: int) -> list[str]:
    """Reduplicated forms of ``root``, and ``root`` with a hyphenated particle; affixes cycle with ``index``."""
    prefix, suffix = AFFIXES[index * 7 % len(AFFIXES)]
    particle = PARTICLES[index % len(PARTICLES)]
    nasal = forms(root, MEN[index % len(MEN)], "")[-1]  # meniru-nirukan: the second half without "me"
    return [
        f"{root}-{root}",
        f"{root}-{root}{suffix}",
        f"{root}-{root}-{particle}",
        f"{root}-{particle}",
        f"{root}-{root}-{root}",
        f"{prefix}{root}-{root}",
        f"{prefix}{root}-{prefix}{root}{suffix}",
        f"{nasal}-{nasal[2:]}kan",
        f"{nasal}-{nasal[2:]}kannya",
    ]


def affixed_words(roots: Sequence[str], grid_step: int, plural_step: int) -> list[str]:
    """Affixed forms of ``roots``: each root with one prefix and suffix pair (cycling through all pairs), every
    ``grid_step``-th root with all pairs, every ``plural_step``-th root reduplicated, short roots (which take
    another path) with every suffix."""
    words: dict[str, None] = {}
    for index, root in enumerate(roots):
        pairs = AFFIXES if index % grid_step == 0 else [AFFIXES[index % len(AFFIXES)]]
        if len(root) <= 3:
            pairs = [*pairs, *(("", suffix) for suffix in SUFFIXES)]
        for prefix, suffix in pairs:
            words.update(dict.fromkeys(forms(root, prefix, suffix)))
        if index % plural_step == 0:
            words.update(dict.fromkeys(plurals(root, index)))
    return list(words)


def test_dictionary_words_stem_alike(dictionary: list[str]) -> None:
    assert len(dictionary) > 29_000
    assert mismatches(reference_stemmer(dictionary, fast=True), dictionary, dictionary) == {}


@pytest.mark.slow
def test_affixed_words_stem_alike(dictionary: list[str], roots: list[str]) -> None:
    words = [*affixed_words(roots, GRID_STEP, PLURAL_STEP), *RARE_PATHS]
    assert len(words) > 50_000
    assert mismatches(reference_stemmer(dictionary, fast=True), dictionary, words) == {}


@pytest.mark.slow
def test_small_dictionary_stems_alike(roots: list[str]) -> None:
    small = [*roots[::600][:50], *SMALL_EXTRAS]
    others = roots[300::600][:50]
    words = [*affixed_words(small, 3, 1), *affixed_words(others, 10, 1), *NOT_IN_DICTIONARY]
    assert len(words) > 10_000
    assert mismatches(reference_stemmer(small), small, words) == {}


def test_text_is_normalised_alike(dictionary: list[str]) -> None:
    texts = [
        "Perekonomian Indonesia sedang dalam pertumbuhan yang membanggakan",
        "Mereka meniru-nirukannya!",
        "  Buku-bukunya,   (BERSAMA)\tkata\nkata ",
        "berſama ıkan mengİkuti \u212aepada pe\u00f1a caf\u00e9 \U0001f600 menulis\u00a0surat",
    ]
    assert mismatches(reference_stemmer(dictionary, fast=True), dictionary, texts) == {}
