"""Search that understands Indonesian: what the handbook adds to Material's search.

Material's search runs lunr in a web worker, which loads ``lunr.<lang>.min.js``
for the search language. There is no Indonesian one, so the handbook writes
``lunr.id.min.js`` itself (``language_script``): a port of the Sastrawi stemmer
(Nazief–Adriani's confix stripping with a root-word dictionary), the lunr glue
(``assets/lunr.id.js``), and this handbook's data: the root words its pages
use, the stop words, the closed compounds and the glossary's abbreviations.

The dictionary sent to the browser holds only the roots of words that occur in
the handbook (``browser_dictionary``): a query word whose root occurs nowhere
cannot find anything anyway, so the rest of Sastrawi's 30 000 roots would be
downloaded for nothing.

The steps of an SOP are indexed one by one (``step_entries``), so that a
step's text leads to its row in the flowchart table; the table itself is kept
out of Material's page-level index.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable
from importlib import resources
from typing import Any

from Sastrawi.Dictionary.ArrayDictionary import ArrayDictionary
from Sastrawi.Stemmer.Stemmer import Stemmer

from . import links
from .model import Handbook, Langkah, Singkatan
from .text import h

LANGUAGE = "id"
SCRIPT = f"assets/javascripts/lunr/min/lunr.{LANGUAGE}.min.js"  # where Material's worker looks for it
INDEX = "search/search_index.json"

# Words are split at spaces, punctuation and slashes ("206/2021" is two words),
# and at a full stop unless a digit follows ("1620.4" stays one word). The text
# of Material's index is HTML, hence the entities.
SEPARATOR = r"[\s\-–—,:;!?=\[\]()\"'“”‘’/…·|+*]+|\.(?!\d)|&(?:[lg]t|amp|quot|#x?[0-9a-f]+);"
PIPELINE = ["trimmer", "stopWordFilter", "stemmer"]

# Function words, which say nothing about where to look. Not the long lists of
# the literature: those drop "tahun", "kerja" or "baru", which staff search for.
STOP_WORDS = (  # noqa: SIM905  # a string keeps the list readable
    "ada adalah agar akan antara apabila atas atau bagi bahwa baik bila dalam dan dapat dari demikian dengan di "
    "hal harus itu jika juga ke kepada lain maka masing melalui menjadi oleh pada para sebagai secara sedang "
    "serta setelah sudah telah tentang terhadap tersebut untuk yaitu yakni yang"
).split()

# Closed compounds: written apart, but joined once they take a prefix and a
# suffix together ("tanda tangan" → "ditandatangani"). The joined form is a
# root of its own, indexed with its parts, so each spelling finds the other.
GABUNGAN_KATA = (
    "tanda tangan",
    "tanggung jawab",
    "serah terima",
    "kerja sama",
    "tindak lanjut",
    "ikut serta",
    "beri tahu",
    "garis bawah",
    "lipat ganda",
    "salah guna",
)

# Roots missing from Sastrawi's dictionary whose affix stripping would merge
# them with a word that only looks alike: "pemerintah" (government) is not
# "perintah" (an order), "kinerja" (performance, as in LAKIP) is not "kerja"
# (work, as in Rencana Kerja).
KATA_DASAR = ("pemerintah", "kinerja")


def step_entries(handbook: Handbook, directory_urls: bool = True) -> dict[str, list[dict[str, str]]]:
    """The search entries of every SOP's steps, by page URL: one per step, at its row."""
    entries = {}
    for sop in handbook.sops:
        url = links.page_url(links.sop_src(sop), directory_urls)
        entries[url] = [_step_entry(url, step) for step in sop.langkah]
    return entries


def _step_entry(url: str, step: Langkah) -> dict[str, str]:
    mutu = step.mutu_baku
    details = [
        ("Pelaksana", step.pelaksana_label),
        ("Kelengkapan", mutu.kelengkapan),
        ("Waktu", mutu.waktu),
        ("Output", mutu.output),
        ("Keterangan", step.keterangan),
    ]
    text = " ".join(f"{name}: {h(value)}." for name, value in details if value)
    location = f"{url}#{links.anchor(step.no)}"
    return {"location": location, "title": f"Langkah {step.no}: {h(step.kegiatan)}", "text": f"<p>{text}</p>"}


def with_steps(docs: list[dict[str, Any]], steps: dict[str, list[dict[str, str]]]) -> list[dict[str, Any]]:
    """Material's index entries with each SOP's steps after the last entry of its page."""
    result: list[dict[str, Any]] = []
    for position, doc in enumerate(docs):
        result.append(doc)
        page = doc["location"].split("#")[0]
        following = docs[position + 1]["location"].split("#")[0] if position + 1 < len(docs) else None
        if page in steps and following != page:
            result += steps[page]
    return result


def words(docs: Iterable[dict[str, Any]]) -> set[str]:
    """Every word the browser will index, split and lower-cased as Material's worker does."""
    separator = re.compile(SEPARATOR)
    found: set[str] = set()
    for doc in docs:
        for field in ("title", "text", "tags"):
            value = doc.get(field) or ""
            text = " ".join(value) if isinstance(value, list) else value
            text = re.sub(r"<[^>]*>", " ", text)  # entities stay: the separator splits at them
            found.update(w.lower() for w in separator.split(text) if w)
    return found


def extra_roots(glosarium: Iterable[Singkatan]) -> set[str]:
    """Roots the handbook adds to Sastrawi's dictionary: compounds, look-alikes, abbreviations."""
    roots = {compound.replace(" ", "") for compound in GABUNGAN_KATA} | set(KATA_DASAR)
    return roots | {entry.singkatan.lower() for entry in glosarium if entry.singkatan.isalnum()}


@functools.lru_cache(maxsize=1)
def sastrawi_roots() -> frozenset[str]:
    """Sastrawi's dictionary of Indonesian root words."""
    data = resources.files("Sastrawi.Stemmer").joinpath("data/kata-dasar.txt")
    return frozenset(line.strip() for line in data.read_text(encoding="utf-8").splitlines() if line.strip())


def browser_dictionary(vocabulary: Iterable[str], extra: set[str]) -> list[str]:
    """The roots of the handbook's words, as Sastrawi finds them with its whole dictionary."""
    roots = sastrawi_roots() | extra
    stemmer = Stemmer(_Dictionary(roots))
    # A word of letters that is itself a root is its own root (Sastrawi looks a word up before
    # stripping affixes): only the others go through the stemmer, which is slow.
    found = {word for word in vocabulary if word in roots and word.isalpha()}
    rest = (word for word in vocabulary if word not in found)
    found |= {root for word in rest for root in stemmer.stem(word).split() if root in roots}
    return sorted(found)


class _Dictionary(ArrayDictionary):  # type: ignore[misc]  # untyped package
    """Sastrawi's dictionary interface over a set: its own looks words up in a list."""

    def __init__(self, words: frozenset[str]) -> None:
        self.roots = words

    def contains(self, word: str) -> bool:
        return word in self.roots


def padanan(glosarium: Iterable[Singkatan]) -> list[list[str]]:
    """Pairs of a single-word term and its spelled-out form: abbreviations and closed compounds."""
    pairs = [[entry.singkatan.lower(), entry.kepanjangan] for entry in glosarium]
    return pairs + [[compound.replace(" ", ""), compound] for compound in GABUNGAN_KATA]


SCRIPT_HEADER = """/*
 * lunr.id.min.js: Indonesian for the search of this handbook, written by its
 * build (macros/sop_handbook/search.py): the Sastrawi stemmer, the lunr glue,
 * and the data below. The root words ("dictionary") are the part of Sastrawi's
 * dictionary (kata-dasar.txt, from Kateglo) that this handbook uses, under
 * CC BY-NC-SA 3.0: https://creativecommons.org/licenses/by-nc-sa/3.0/
 */
"""


def language_script(dictionary: list[str], pairs: list[list[str]]) -> str:
    """The ``lunr.id.min.js`` Material's worker loads: stemmer, glue and this handbook's data."""
    data = {"separator": SEPARATOR, "dictionary": dictionary, "stopWords": STOP_WORDS, "padanan": pairs}
    code = "\n".join(_asset(name) for name in ("sastrawi.js", "lunr.id.js"))
    return f"{SCRIPT_HEADER}{code}\nlunr.id.setup({json.dumps(data, ensure_ascii=False, separators=(',', ':'))});\n"


def _asset(name: str) -> str:
    return resources.files("sop_handbook").joinpath("assets", name).read_text(encoding="utf-8")


def index_and_script(
    index: dict[str, Any], handbook: Handbook, directory_urls: bool = True
) -> tuple[dict[str, Any], str]:
    """Material's search index with the steps added, and the language script that goes with it."""
    docs = with_steps(index["docs"], step_entries(handbook, directory_urls))
    vocabulary = words(docs) | {w.lower() for _, full in padanan(handbook.glosarium) for w in re.split(r"\W+", full)}
    extra = extra_roots(handbook.glosarium)
    script = language_script(browser_dictionary(vocabulary, extra), padanan(handbook.glosarium))
    return {**index, "docs": docs}, script
