"""Pages with a diagram name Mermaid in their head; Mermaid is one module."""

from __future__ import annotations

import re

from sop_handbook import mermaid_preload

from .conftest import ROOT

DOCS = ROOT / "docs"
ENTRY = "assets/javascripts/mermaid/mermaid.mjs"  # mkdocs.yml's mermaid2 javascript, built by make
PRELOAD = re.compile(r'<link rel="modulepreload" href="([^"]+)">')


def test_the_handbook_s_mermaid_is_one_module_that_imports_nothing():
    assert f"javascript: {ENTRY}" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert mermaid_preload.modules(DOCS, ENTRY) == (ENTRY,)
    code = (DOCS / ENTRY).read_text(encoding="utf-8")
    assert "import(" not in code  # no module is left to a later round trip
    assert "swimlane-beta" in code and "flowchart" in code  # the kinds the handbook draws (drawn in test_browser)
    assert "window.mermaid=" in code  # the global Material draws with


def test_the_modules_are_the_entry_and_what_it_imports_statically(tmp_path):
    (tmp_path / "js/lib").mkdir(parents=True)
    files = {
        "js/entry.mjs": 'import{a}from"./lib/a.mjs";import"./lib/b.mjs";const later=()=>import("./lib/lazy.mjs");',
        "js/lib/a.mjs": 'import"../c.mjs";import"./b.mjs";export const a=1;',
        "js/lib/b.mjs": "export default 2;",
        "js/c.mjs": 'import "https://cdn.invalid/x.mjs";',
        "js/lib/lazy.mjs": "export const lazy=3;",
    }
    for name, code in files.items():
        (tmp_path / name).write_text(code, encoding="utf-8")
    expected = ("js/entry.mjs", "js/lib/a.mjs", "js/lib/b.mjs", "js/c.mjs")  # not the lazy one, nor the remote one
    assert mermaid_preload.modules(tmp_path, "js/entry.mjs") == expected
    assert mermaid_preload.modules(tmp_path, "https://cdn.invalid/mermaid.esm.min.mjs") == ()
    assert mermaid_preload.modules(tmp_path, "js/mermaid.min.js") == ()  # a classic script is not preloaded as a module


def test_sop_pages_preload_the_modules_and_pages_without_a_diagram_do_not(real_site):
    sop_page = real_site.site / "sop/diskopukm/sekretariat/penyusunan-lkpj/index.html"
    text = sop_page.read_text(encoding="utf-8")
    head = text[: text.index("</head>")]
    folder = sop_page.parent
    preloaded = [(folder / href).resolve() for href in PRELOAD.findall(head)]
    assert preloaded == [(real_site.site / m).resolve() for m in mermaid_preload.modules(DOCS, ENTRY)]
    assert all(path.is_file() for path in preloaded)
    for plain in ("index.html", "glosarium/index.html", "pelaksana/index.html"):
        assert not PRELOAD.search((real_site.site / plain).read_text(encoding="utf-8")), plain
