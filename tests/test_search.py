"""What the handbook adds to Material's search, without a browser: steps, words, data."""

from __future__ import annotations

import json
import re

from Sastrawi.Stemmer.Stemmer import Stemmer
from sop_handbook import links, search
from sop_handbook.model import Singkatan

from .conftest import FIXTURES, load


def test_each_step_is_an_entry_at_its_row(handbook):
    sop = handbook.sop("penyusunan-rka-dpa")
    entries = search.step_entries(handbook)[links.page_url(links.sop_src(sop))]
    assert [e["location"].split("#")[1] for e in entries] == [f"langkah-{n}" for n in range(1, 17)]
    first = entries[0]
    assert first["title"] == "Langkah 1: Menyusun SK Tim Penyusunan RKA dan DPA SKPD"
    assert "Pelaksana: Pejabat Level II (Sekretaris)." in first["text"]
    assert "Output: SK Tim Penyusunan RKA dan DPA SKPD." in first["text"]


def test_step_text_from_a_source_is_escaped():
    handbook = load(FIXTURES / "multi")
    texts = [e["title"] + e["text"] for entries in search.step_entries(handbook).values() for e in entries]
    hostile = [t for t in texts if "script" in t]
    assert hostile, "the fixture has a step with markup in its text"
    assert all("<script" not in t for t in hostile)


def test_steps_follow_the_last_entry_of_their_page():
    docs = [{"location": "a/"}, {"location": "a/#x"}, {"location": "b/"}, {"location": "c/"}]
    steps = {"a/": [{"location": "a/#langkah-1"}], "c/": [{"location": "c/#langkah-1"}]}
    locations = [d["location"] for d in search.with_steps(docs, steps)]
    assert locations == ["a/", "a/#x", "a/#langkah-1", "b/", "c/", "c/#langkah-1"]


def test_words_are_split_as_the_browser_splits_them():
    docs = [{"title": "Pergub 206/2021", "text": "<p>Nomor 000-P/1620.4/DISKOPUKM &amp; Kadis.</p>", "tags": ["x"]}]
    assert search.words(docs) == {"pergub", "206", "2021", "nomor", "000", "p", "1620.4", "diskopukm", "kadis", "x"}


def test_the_browser_dictionary_holds_only_the_roots_in_use():
    roots = search.browser_dictionary(["penyusunan", "dikirimkan", "lkpj", "xyzzy"], {"lkpj"})
    assert roots == ["kirim", "lkpj", "susun"]


def test_padanan_pairs_abbreviations_and_compounds():
    pairs = search.padanan((Singkatan("LKPJ", "Laporan Keterangan Pertanggungjawaban", None),))
    assert ["lkpj", "Laporan Keterangan Pertanggungjawaban"] in pairs
    assert ["tandatangan", "tanda tangan"] in pairs


def test_the_built_site_searches_in_indonesian(real_site):
    index = json.loads((real_site.site / search.INDEX).read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["id"]
    assert index["config"]["separator"] == search.SEPARATOR
    locations = [doc["location"] for doc in index["docs"]]
    assert "sop/diskopukm/sekretariat/penyusunan-lkpj/#langkah-10" in locations
    script = (real_site.site / search.SCRIPT).read_text(encoding="utf-8")
    assert script.rstrip().endswith(");") and "lunr.id.setup(" in script


def test_the_flowchart_table_is_not_indexed_twice(real_site):
    index = json.loads((real_site.site / search.INDEX).read_text(encoding="utf-8"))
    page_entries = [d for d in index["docs"] if d["location"].startswith("sop/") and "#langkah-" not in d["location"]]
    text = " ".join(d["text"] for d in page_entries)
    assert "Meminta nomor surat keluar" not in text  # a step, found through its own entry only


def test_the_browser_dictionary_is_what_sastrawi_gives_every_word():
    """Roots are not stemmed again (the shortcut); every other word still is, with the whole dictionary."""
    roots = search.sastrawi_roots() | {"lkpj"}
    stemmer = Stemmer(search._Dictionary(roots))
    words = [*sorted(search.sastrawi_roots())[::50], "kunang-kunang", "lkpj", "penyusunan", "2024", "ke-2", "rka/dpa"]
    expected = sorted({root for word in words for root in stemmer.stem(word).split() if root in roots})
    assert search.browser_dictionary(words, {"lkpj"}) == expected


def test_table_cells_and_lines_are_separate_words_in_the_index(real_site):
    """Material's indexer drops tags without a space: adjacent cells or lines would glue into one word."""
    index = json.loads((real_site.site / search.INDEX).read_text(encoding="utf-8"))
    by_location = {doc["location"]: search.words([doc]) for doc in index["docs"]}
    assert {"atk", "alat", "singkatan", "kepanjangan"} <= by_location["glosarium/"]
    assert not {"atkalat", "singkatankepanjangan", "singkatankepanjangancatatan"} & by_location["glosarium/"]
    every_word = set().union(*by_location.values())
    assert not {"sopketerkaitan", "nomornama"} & every_word
    glued = re.compile(r"</t[dh]>(?:</?t(?:r|head|body)>)*<t[dh][ >]|<br>(?=\S)")
    pages = [p for p in real_site.site.rglob("*.html") if "sumber" not in p.parts]
    assert pages
    offending = [str(p.relative_to(real_site.site)) for p in pages if glued.search(p.read_text(encoding="utf-8"))]
    assert offending == []
