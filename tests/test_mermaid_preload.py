"""Pages with a diagram name Mermaid in their head; Mermaid is one classic script."""

from __future__ import annotations

import re

from sop_handbook import mermaid_preload, mermaid_scripts
from sop_handbook.resources import MERMAID as ENTRY  # built by make into the package's theme
from sop_handbook.resources import THEME

PRELOAD = re.compile(r'<link rel="preload" as="script" href="([^"]+)">')
MODULE_PRELOAD = re.compile(r'<link rel="modulepreload" href="([^"]+)">')
# A dynamic import, or a static one of a file ("@import" in Mermaid's CSS is neither).
IMPORT = re.compile(r'(?<![@.\w])import\s*\(|(?:\bfrom|(?<![@.\w])import)\s*["\'](?:\.{1,2}/|/|https?:)')


def test_the_handbook_s_mermaid_is_one_classic_script_that_imports_nothing():
    assert mermaid_preload.link((THEME,), ENTRY) == mermaid_preload.Preload(ENTRY, "preload", "script")
    code = (THEME / ENTRY).read_text(encoding="utf-8")
    assert not IMPORT.search(code)  # the one link is all: no module is left to a later round trip
    # A classic script (an IIFE), which any server's stock types and file:// run: no module syntax.
    assert code.startswith("(()=>{") and not re.search(r"\bexport\s*(default|\{)", code)
    assert "swimlane-beta" in code and "flowchart" in code  # the kinds the handbook draws (drawn in test_browser)
    assert "window.mermaid=" in code  # the global Material draws with


def test_only_a_local_script_or_module_is_preloaded(tmp_path):
    (tmp_path / "js").mkdir()
    (tmp_path / "js/m.mjs").write_text("export default 1;", encoding="utf-8")
    (tmp_path / "js/m.min.js").write_text("var m = 1;", encoding="utf-8")
    (tmp_path / "js/m.css").write_text("", encoding="utf-8")
    assert mermaid_preload.link((tmp_path,), "js/m.min.js") == mermaid_preload.Preload(
        "js/m.min.js", "preload", "script"
    )
    assert mermaid_preload.link((tmp_path,), "js/m.mjs") == mermaid_preload.Preload("js/m.mjs", "modulepreload", "")
    for other in ("js/m.css", "js/missing.js", "https://cdn.invalid/mermaid.esm.min.mjs"):
        assert mermaid_preload.link((tmp_path,), other) is None, other
    # A file of any of the site's folders (the docs', the theme's) is the site's.
    elsewhere = tmp_path / "tema"
    (elsewhere / "js").mkdir(parents=True)
    (elsewhere / "js/lain.js").write_text("var m = 2;", encoding="utf-8")
    assert mermaid_preload.link((tmp_path,), "js/lain.js") is None
    assert mermaid_preload.link((tmp_path, elsewhere), "js/lain.js").entry == "js/lain.js"
    assert mermaid_preload.Preload("x.js", "preload", "script").penanda == mermaid_scripts.DIAGRAM


def test_sop_pages_preload_mermaid_and_pages_without_a_diagram_do_not(real_site):
    sop_page = real_site.site / "sop/diskopukm/sekretariat/penyusunan-lkpj/index.html"
    text = sop_page.read_text(encoding="utf-8")
    head = text[: text.index("</head>")]
    folder = sop_page.parent
    preloaded = [(folder / href).resolve() for href in PRELOAD.findall(head)]
    assert preloaded == [(real_site.site / ENTRY).resolve()]
    assert preloaded[0].is_file()
    for plain in ("index.html", "glosarium/index.html", "pelaksana/index.html", "buku/index.html"):
        assert not PRELOAD.search((real_site.site / plain).read_text(encoding="utf-8")), plain
    relation_map = (real_site.site / "peta-keterkaitan/index.html").read_text(encoding="utf-8")
    assert PRELOAD.findall(relation_map) == [f"../{ENTRY}"]  # a standard page's diagram too
