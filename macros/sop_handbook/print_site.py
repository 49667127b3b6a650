"""Where the handbook reaches into mkdocs-print-site-plugin, the book's engine.

Its options (``enabled``, ``cover_page_template``) are its public
configuration. Two things are its internals, proven with ``PROVEN_WITH``:

- ``renderer.items``, the pages its ``on_nav`` took for the book: the
  handbook replaces them by the SOPs alone (``keep_pages``);
- ``context``, the template context it kept of the 404 page to render the
  book with: the handbook gives the book its own ``base_url``
  (``set_base_url``).

Its script (``js/print-site.js``) is added to every page although only the
book uses it; ``without_script`` takes it out of the other pages.
``tests/test_print_site.py`` fails on any other version than the pinned one,
so that an upgrade is checked against these before it lands. Like ``site``,
this module knows MkDocs' plugin collection, nothing more.
"""

from __future__ import annotations

import re
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

NAME = "print-site"  # its name in mkdocs.yml's plugins
DISTRIBUTION = "mkdocs-print-site-plugin"
PROVEN_WITH = "2.9"
_SCRIPT = re.compile(r'<script src="/?(?:\.\./)*js/print-site\.js"></script>')


def plugin(config: MkDocsConfig) -> Any:
    """The plugin when it is on and so builds the book; else None (not installed, or turned off)."""
    found = config.plugins.get(NAME)
    return found if found is not None and found.config["enabled"] else None


def turn_off_unless(config: MkDocsConfig, wanted: bool) -> None:
    """The book is built only if ``wanted`` (the sop-handbook plugin's ``buku``) and the plugin is on; call
    before the plugin's own ``on_config``, which reads it."""
    found = config.plugins.get(NAME)
    if found is not None:
        found.config["enabled"] = bool(found.config["enabled"]) and wanted


def use_cover(config: MkDocsConfig, template: str) -> None:
    """The book's cover is ``template`` (an absolute path) unless mkdocs.yml names one."""
    found = config.plugins.get(NAME)
    if found is not None and not found.config["cover_page_template"]:
        found.config["cover_page_template"] = template


def keep_pages(book: Any, items: list[Any]) -> None:
    """The book holds ``items`` (nav items) instead of the whole nav; call after the plugin's ``on_nav``."""
    book.renderer.items = items


def set_base_url(book: Any, base_url: str) -> None:
    """The book's page renders with ``base_url``; call after the plugin's ``on_template_context`` of the
    404 page, which keeps that context. The plugin gets a copy: the 404 page keeps its own."""
    if book.context:
        book.context = {**book.context, "base_url": base_url}


def without_script(page_html: str) -> str:
    """A page without the plugin's script, which only the book's own page uses (0.12 MB at 1000 SOPs)."""
    return _SCRIPT.sub("", page_html, count=1)
