"""The handbook as an MkDocs plugin: ``sop-handbook`` in ``mkdocs.yml``'s ``plugins``.

A thin adapter: each MkDocs event calls the plain functions of ``site``. The
options are validated by MkDocs' config system, which reports every problem
of ``mkdocs.yml`` at once. Environment variables are mapped onto options in
``mkdocs.yml`` itself, with MkDocs' ``!ENV`` tag (``kertas: !ENV [SOP_KERTAS,
A4]``), and nowhere else.
"""

from __future__ import annotations

from typing import Any

from jinja2 import Environment
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from . import bagan, loader, mermaid_scripts, print_site, site


class Kertas(c.OptionallyRequired[str]):
    """The paper the forms print on: A4 or F4, in any case; empty for the default."""

    def run_validation(self, value: object) -> str:
        name = str(value or bagan.A4.nama).strip().upper()
        if name not in bagan.KERTAS:
            raise base.ValidationError(f"'{value}' tidak dikenal; tulis {' atau '.join(bagan.KERTAS)}")
        return name


class Saklar(c.OptionallyRequired[bool]):
    """On or off: true/false, or 1/0 and empty as environment variables are often set."""

    def run_validation(self, value: object) -> bool:
        if value in (True, 1, "1", "true"):
            return True
        if value in (False, 0, "0", "", "false", None):
            return False
        raise base.ValidationError(f"'{value}' bukan true atau false")


class SopHandbookConfig(base.Config):
    """The options of the ``sop-handbook`` plugin."""

    sumber = c.Type(str, default=loader.SOURCE_DIR)  # the sources' folder, relative to mkdocs.yml's
    kertas = Kertas(default=bagan.A4.nama)
    buku = Saklar(default=True)  # the book of every SOP to print (mkdocs-print-site-plugin's page buku/)
    pdf = Saklar(default=False)  # print every SOP page and the book to PDF after the build
    chromium = c.Type(str, default="/usr/bin/chromium")  # the browser that prints them


class SopHandbookPlugin(BasePlugin[SopHandbookConfig]):
    """Loads and checks the sources, generates the pages, finishes search, the book and the PDFs."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.serving = False
        self.build = site.Build()  # what this build knows, from on_config on (the pluglet reads it too)

    def load_config(
        self, options: dict[str, Any], config_file_path: str | None = None
    ) -> tuple[base.ConfigErrors, base.ConfigWarnings]:
        """Validate the options; MkDocs stops at the first bad one, so every one is checked again to
        report them all at once."""
        errors, warnings = super().load_config(options, config_file_path)
        if errors:
            errors = []
            for key, option in self.config_scheme:
                try:
                    option.validate(options.get(key))
                except base.ValidationError as error:
                    errors.append((key, error))
        return errors, warnings

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Remember whether this is ``mkdocs serve``: there, bad sources give an error page."""
        self.serving = command == "serve"

    @event_priority(100)  # before mkdocs-macros, whose define_env needs the handbook
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Load and check the sources; stop the build on any error (show them, when serving)."""
        mermaid_scripts.install(config)
        options = self.config
        self.build = site.configure(config, self.serving, options.kertas, options.pdf, options.buku, options.sumber)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Add the generated SOP pages and the JSON export."""
        return site.add_pages(files, config, self.build)

    @event_priority(-100)  # after mkdocs-print-site-plugin's, which takes the pages for the book
    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        """The book holds the SOPs alone, and the book alone has print-site's script."""
        site.book_contents(nav, config, self.build)
        return nav

    @event_priority(-100)  # after mkdocs-print-site-plugin has kept the page's HTML for the book
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """The book's copy of an SOP page holds what the page prints (``site.book_page``)."""
        site.book_page(page, self.build)
        return html

    @event_priority(-100)  # after mkdocs-macros has rendered the authors' pages (it leaves the drawn ones alone)
    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """The SOP, role and regulation pages drawn from the model; abbreviations of the glossary get their
        full form as a hover title."""
        return site.page_markdown(markdown, page, self.build)

    @event_priority(-100)  # after mkdocs-print-site-plugin's, which keeps the 404 page's context for the book
    def on_template_context(self, context: Any, *, template_name: str, config: MkDocsConfig) -> Any:
        """The 404 page's and the book's base URLs (``site.not_found_context``)."""
        site.not_found_context(context, template_name, config)
        return context

    # Every page is rendered; mkdocs-print-site-plugin renders the book next (0), with the site's scripts.
    @event_priority(50)
    def _before_the_book(self, *, config: MkDocsConfig) -> None:
        """The book's script, which the pages were rendered without, for the book."""
        print_site.put_script_back(config)

    # After Material's search plugin has written its index and print-site the book (0),
    # before Material's offline plugin inlines the index we rewrite (-100).
    @event_priority(-50)
    def _after_the_book(self, *, config: MkDocsConfig) -> None:
        """Search in Indonesian (steps in the index, the stemmer and the glossary for the worker); the PDFs,
        if asked; the offline edition without the 404 page no server shows."""
        site.finish_search(config, self.build)
        site.write_pdfs(config, self.build, self.config.chromium)
        site.finish_offline(config)

    on_post_build = CombinedEvent(_before_the_book, _after_the_book)

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        """Theme templates without the lines of their block tags, and the sidebars without the whitespace
        between their tags: a third of every page was that whitespace."""
        return site.compact_templates(env)
