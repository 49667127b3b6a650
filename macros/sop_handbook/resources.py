"""What the package carries for every handbook besides its code, and where it is.

- ``schemas/``: the JSON Schemas the sources are validated against (this
  repository's ``schema/`` is a link to it; ``sop-handbook skema`` copies them
  into another handbook's ``schema/`` for its editors).
- ``theme/``: the templates over Material's (the SOP page's scripts, the 404
  page, the book's cover, the footer, the old-edition banner) and the static
  files: the stylesheets, the diagram's script, the built Mermaid library and
  the offline edition's search shim. The plugin puts the folder in the theme's
  search path under the handbook's own ``custom_dir``, so an agency overrides
  any of them by a file of the same name there, and MkDocs copies its static
  files into the site (a file of ``docs/`` with the same path wins).
- ``pages/``: the standard pages (Dasar Hukum, Pelaksana, Glosarium, ...),
  added to a handbook whose ``docs/`` has no page of that name.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
SCHEMAS = PACKAGE / "schemas"
THEME = PACKAGE / "theme"
PAGES = PACKAGE / "pages"

STYLESHEET = "assets/stylesheets/sop.css"  # every page's
DIAGRAM_SCRIPT = "assets/javascripts/diagram-alir.js"  # every page's: the diagrams scroll, zoom, keep lane names
MERMAID = "assets/javascripts/mermaid/mermaid.js"  # built by make (tools/build-mermaid.mjs); pages with a diagram
IFRAME_WORKER = "assets/javascripts/iframe-worker.js"  # the offline edition's search worker shim (npm iframe-worker)
BOOK_COVER = "buku-sampul.html"  # mkdocs-print-site-plugin's cover of the book


def standard_pages() -> list[str]:
    """The standard pages by their path in the docs (``dasar-hukum/index.md``), each a file of ``PAGES``."""
    return sorted(path.relative_to(PAGES).as_posix() for path in PAGES.rglob("*.md"))
