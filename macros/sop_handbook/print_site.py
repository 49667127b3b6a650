"""Where the handbook reaches into mkdocs-print-site-plugin, the book's engine.

Its options (``enabled``, ``cover_page_template``) are its public
configuration. Three things are its internals, proven with ``PROVEN_WITH``:

- ``renderer.items``, the pages its ``on_nav`` took for the book: the
  handbook replaces them by the SOPs alone (``keep_pages``);
- ``context``, the template context it kept of the 404 page to render the
  book with: the handbook gives the book its own ``base_url``
  (``set_base_url``);
- when it renders the book: in its ``on_post_build``, with the site's
  scripts. Its ``on_config`` adds its script (``SCRIPT``) to every page's
  although only the book uses it: the handbook leaves it out while the
  pages are rendered (``leave_script_out``) and puts it back for the book
  (``put_script_back``).
``tests/test_print_site.py`` fails on any other version than the pinned one,
so that an upgrade is checked against these before it lands. Like ``site``,
this module knows MkDocs' plugin collection, nothing more.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig

NAME = "print-site"  # its name in mkdocs.yml's plugins
DISTRIBUTION = "mkdocs-print-site-plugin"
PROVEN_WITH = "2.9"
SCRIPT = "js/print-site.js"  # its script, which its on_config puts first in extra_javascript


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


def leave_script_out(config: MkDocsConfig) -> None:
    """The site's pages without the plugin's script, which only the book's own page uses (0.12 MB at 1000
    SOPs); call after the plugin's ``on_config``, which adds it, and before the pages are rendered."""
    config.extra_javascript[:] = [script for script in config.extra_javascript if str(script) != SCRIPT]


def put_script_back(config: MkDocsConfig) -> None:
    """The plugin's script first again, for the book: call after every page is rendered and before the
    plugin's ``on_post_build``, which renders the book with the site's scripts."""
    if SCRIPT not in map(str, config.extra_javascript):
        config.extra_javascript.insert(0, SCRIPT)


def set_base_url(book: Any, base_url: str) -> None:
    """The book's page renders with ``base_url``; call after the plugin's ``on_template_context`` of the
    404 page, which keeps that context. The plugin gets a copy: the 404 page keeps its own."""
    if book.context:
        book.context = {**book.context, "base_url": base_url}
