"""The floor's hooks: the handbook's settings of the theme's output, and nothing of its content.

The handbook compiles Material's templates without the whitespace of their
block tags and its sidebars without indentation, gives print-site's script to
the book alone and leaves out the theme's files no browser loads (``sop_handbook.site``). Those settings shape
every page the same way whatever makes the page, so the floor has them too
(and so has the book, mkdocs-print-site-plugin's page: what each SOP page prints):
the ratio then measures what reading the sources, the macros, mermaid2 and
the Indonesian search cost, not the size of the theme's whitespace. The
package's theme (its templates, stylesheet and scripts) is the floor's theme too.
"""

from __future__ import annotations

import posixpath
import re

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from sop_handbook import links, print_site, site


@event_priority(100)  # as the sop-handbook plugin's, before mkdocs-print-site-plugin reads its cover
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    site.use_package_files(config)
    return config


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    return site.compact_templates(env)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    return site.drop_unused_theme_files(files, config)


@event_priority(-100)  # after mkdocs-print-site-plugin's, as the handbook's hooks
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    site.book_contents(nav, config, site.Build())  # the same pages as the handbook's, its script for it alone
    return nav


@event_priority(50)  # as the handbook's: before mkdocs-print-site-plugin renders the book
def on_post_build(config: MkDocsConfig) -> None:
    print_site.put_script_back(config)


@event_priority(-100)
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    book_page(page)
    return html


# What the book keeps of an SOP page: what prints of it (sop.css, @media print) and its title, which the
# book's table of contents lists: the form's header, then the identity part and the flowchart part, each
# after its heading. The rest (the diagram, the revision history, notes, the links to print it, to its PDF
# and to its source, "Dirujuk oleh") is the web page's; at a thousand SOPs it was 4.6 MB of the book.
_IN_BOOK = re.compile(
    r'<h1>.*?</h1>|<div class="sop-kop".*?</div>'
    r'|<h2[^>]* id="(?:identitas-sop|prosedur)">.*?</h2>|<table class="sop-(?:identitas|prosedur)">.*?</table>',
    re.DOTALL,
)
# Hover titles of abbreviations and headings' permalinks: neither prints, and both are every page's many times.
# Nor do reviewers' notes (what the source wrote): the book shows the form alone.
_NOT_PRINTED = re.compile(
    r'<abbr title="[^"]*">|</abbr>|<a class="headerlink" [^>]*>[^<]*</a>'
    r'|(?:<br> | )?<small class="sop-tertulis">.*?</small>',
    re.DOTALL,
)
_LINK = re.compile(r'<a href="([^"#?]*)[^"]*"[^>]*>(.*?)</a>', re.DOTALL)


def book_page(page: Page) -> None:
    """An SOP as the book shows it: the parts of its form, linking only to the book's own sections.

    The book is for print, so it holds what an SOP page prints and no more
    (``_IN_BOOK``). That leaves out the Mermaid diagram too: the book's page
    gets no Mermaid script (mkdocs-print-site-plugin skips the other plugins'
    on_post_page, where mermaid2 adds it), and without one Material would
    fetch Mermaid from the internet; printed, the form's flowchart shows the
    steps. The plugin turns every link to another page into a link to that
    page's section of the book; links to pages the book does not hold (roles,
    regulations) become their text. Called after the plugin's on_page_content,
    which keeps each page's HTML in ``page.html``.

    The handbook makes its book's copy from the model (``site.book_page``);
    the floor, which has no model, cuts the same parts out of its plain pages,
    as the handbook did before.
    """
    if not (hasattr(page, "html") and page.file.src_uri.startswith(links.SOP_DIR)):
        return
    folder = posixpath.dirname(page.url)  # "sop/a/b/c/" is in "sop/a/b/c", "sop/a/b/c.html" in "sop/a/b"

    def link(match: re.Match[str]) -> str:
        href = match[1]
        target = posixpath.normpath(posixpath.join(folder, href)) + "/"
        return match[0] if not href or "://" in href or target.startswith(links.SOP_DIR) else match[2]

    printed = "\n".join(part[0] for part in _IN_BOOK.finditer(page.html))
    page.html = _LINK.sub(link, _NOT_PRINTED.sub("", printed))
