"""The floor's hooks: the handbook's settings of the theme's output, and nothing of its content.

The handbook compiles Material's templates without the whitespace of their
block tags, writes the navigation without indentation and leaves out the
theme's files no browser loads (``sop_handbook.site``). Those settings shape
every page the same way whatever makes the page, so the floor has them too
(and so has the book, mkdocs-print-site-plugin's page: what each SOP page prints):
the ratio then measures what reading the sources, the macros, mermaid2 and
the Indonesian search cost, not the size of the theme's whitespace. The
package's theme (its templates, stylesheet and scripts) is the floor's theme too.
"""

from __future__ import annotations

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from sop_handbook import site


@event_priority(100)  # as the sop-handbook plugin's, before mkdocs-print-site-plugin reads its cover
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    site.use_package_files(config)
    return config


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    return site.compact_templates(env)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    return site.drop_unused_theme_files(files, config)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return site.compact_navigation(site.without_book_script(output))


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    return site.without_book_script(output_content)


@event_priority(-100)  # after mkdocs-print-site-plugin's, as the handbook's hooks
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    site.book_contents(nav, config, site.Build())  # the book holds the same pages as the handbook's
    return nav


@event_priority(-100)
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    site.book_page(page)
    return html
