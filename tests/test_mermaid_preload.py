"""Pages with a diagram name, in their head, every Mermaid module the SOP diagram needs."""

from __future__ import annotations

import posixpath
import re

from sop_handbook import mermaid_preload

from .conftest import ROOT

DOCS = ROOT / "docs"
ENTRY = "assets/javascripts/mermaid-global.mjs"  # mkdocs.yml's mermaid2 javascript
PRELOAD = re.compile(r'<link rel="modulepreload" href="([^"]+)">')


def test_the_modules_are_the_entry_its_imports_and_the_swimlane_diagram_s():
    assert f"javascript: {ENTRY}" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    modules = mermaid_preload.modules(DOCS, ENTRY)
    assert modules[0] == ENTRY
    assert "assets/javascripts/mermaid/mermaid.esm.min.mjs" in modules
    names = [posixpath.basename(m) for m in modules]
    assert any(n.startswith("swimlanesDiagram-") for n in names) and any(n.startswith("swimlanes-") for n in names)
    assert not any(n.startswith(("flowDiagram", "sequenceDiagram", "ganttDiagram")) for n in names)
    for module in modules:  # closed under static imports: nothing is left to a later round trip
        code = (DOCS / module).read_text(encoding="utf-8")
        for target in mermaid_preload._STATIC_IMPORT.findall(code):
            assert posixpath.normpath(posixpath.join(posixpath.dirname(module), target)) in modules, (module, target)
    assert len(set(modules)) == len(modules)


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
