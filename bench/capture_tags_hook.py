"""The Markdown of each page as Material's tags plugin receives it (see ``capture_hooks.py``).

A hook file of its own: a hook module has one function per event, and this
one runs at another priority than the capture.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

BEFORE_TAGS = "_sop_bench_before_tags"


@event_priority(-49)  # after mkdocs-macros (0), just before Material's tags plugin (-50)
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Keep the Markdown on the page for the capture, which runs last."""
    setattr(page, BEFORE_TAGS, markdown)
    return markdown
