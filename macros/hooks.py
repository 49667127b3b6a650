"""MkDocs hooks of the handbook: a thin adapter over ``sop_handbook.site``."""

from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from sop_handbook import mermaid_preload, mermaid_scripts, site

_command = {"name": "build"}


def on_startup(command: str, dirty: bool) -> None:
    """Remember whether this is ``mkdocs serve``: there, bad sources give an error page."""
    _command["name"] = command


@event_priority(100)  # before mkdocs-macros, whose define_env needs the handbook
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Load and check the sources; stop the build on any error (show them, when serving)."""
    mermaid_scripts.install(config)
    return site.configure(config, serving=_command["name"] == "serve")


def on_pre_build(config: MkDocsConfig) -> None:
    """Generated pages of one kind are one text: mkdocs-macros compiles it once."""
    site.reuse_page_templates(config)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the generated SOP pages and the JSON export."""
    return site.add_pages(files, config)


@event_priority(-100)  # after mkdocs-print-site-plugin's, which takes the pages for the book
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """The book holds the SOPs alone."""
    site.book_contents(nav, config)
    return nav


@event_priority(-100)  # after mkdocs-print-site-plugin has kept the page's HTML for the book
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """The book's copy of an SOP page holds what the page prints (``site.book_page``)."""
    site.book_page(page)
    return html


@event_priority(-100)  # after mkdocs-macros has rendered the page
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Abbreviations of the glossary get their full form as a hover title."""
    return site.append_abbreviations(markdown, config)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Smaller pages: the navigation without its indentation, no script of the book; pages with a diagram
    preload Mermaid's modules."""
    mermaid2 = config.plugins.get("mermaid2")
    entry = str(mermaid2.javascript) if mermaid2 else ""  # mkdocs.yml's mermaid2 javascript (its property)
    output = site.compact_navigation(site.without_book_script(output))
    return mermaid_preload.preload(output, page.url, Path(config.docs_dir), entry)


@event_priority(-100)  # after mkdocs-print-site-plugin's, which keeps the 404 page's context for the book
def on_template_context(context: dict, template_name: str, config: MkDocsConfig) -> dict:
    """The 404 page's and the book's base URLs (``site.not_found_context``)."""
    site.not_found_context(context, template_name, config)
    return context


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """The 404 page without the book's script, as the others."""
    return site.without_book_script(output_content)


# After Material's search plugin has written its index and print-site the book (0),
# before Material's offline plugin inlines the index we rewrite (-100).
@event_priority(-50)
def on_post_build(config: MkDocsConfig) -> None:
    """Search in Indonesian (steps in the index, the stemmer and the glossary for the worker); the PDFs, if asked;
    the offline edition without the 404 page no server shows."""
    site.finish_search(config)
    site.write_pdfs(config)
    site.finish_offline(config)


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Theme templates without the lines of their block tags: a third of every page was that whitespace."""
    return site.compact_templates(env)
