"""Where the handbook reaches into mkdocs-mermaid2-plugin: its post-page step and its library's path.

mermaid2's post-page step (the Mermaid ``<script>`` tags) runs here without parsing the page.

mkdocs-mermaid2-plugin stays the handbook's Mermaid integration: its
``on_config``, its fence and its JavaScript library are used as they are.
Only its ``on_post_page`` is replaced, because it parses every page that
contains the word "mermaid" with BeautifulSoup's ``html.parser`` to count the
diagrams and append two ``<script>`` tags, then writes the whole page out
again: about half of the build time of a large handbook.

``post_page`` does the same with string operations: the diagrams are found by
the exact text that ``mermaid2.fence_mermaid_custom`` writes, and the script
tags, built from the plugin's own properties and ``mermaid2.pyjs.dumps``, go
before ``</body>``. The result is the original page with the scripts inserted;
BeautifulSoup's re-serialisation of it is mermaid2's output, byte for byte
(``tests/test_mermaid_scripts.py`` checks every page of three builds). Where
only an HTML parser could tell what mermaid2 would do (no custom loader, an
odd ``<pre>`` or ``<body>``), mermaid2's own method runs instead.

Proven against mkdocs-mermaid2-plugin ``PROVEN_WITH``: another version keeps
mermaid2's own handler until the equivalence is checked again. Like ``site``,
this module knows MkDocs, but only its plugin collection.

``use_library`` points mermaid2 at the package's own Mermaid, a file of the
theme rather than of the docs, by setting its ``javascript`` property's cached
value (``_javascript``). ``tests/test_mermaid_scripts.py`` fails on any other
mermaid2 than ``PROVEN_WITH``, which is pinned.
"""

from __future__ import annotations

import html
import json
import logging
import os
import re
from importlib.metadata import version
from typing import Any

from mermaid2.fence import fence_mermaid_custom  # type: ignore[import-untyped]
from mermaid2.plugin import MarkdownMermaidPlugin  # type: ignore[import-untyped]
from mermaid2.pyjs import dumps  # type: ignore[import-untyped]
from mermaid2.util import info  # type: ignore[import-untyped]
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.sop_handbook")
PROVEN_WITH = "1.2.3"  # the mkdocs-mermaid2-plugin whose on_post_page post_page reproduces
_ORIGINAL = MarkdownMermaidPlugin.on_post_page
# What the fence writes before a diagram's source (``<pre  class="mermaid"><code>``, two spaces),
# which mermaid2 finds as ``pre.mermaid code``.
DIAGRAM = fence_mermaid_custom("", "mermaid", "mermaid", {}, None).partition("<code>")[0] + "<code>"
_PRE = re.compile(r"<pre\b", re.IGNORECASE)
_BODY = re.compile(r"<(/\s*)?body\b", re.IGNORECASE)  # html.parser also ends an element at "</ body>"
_SCRIPT_END = re.compile(r"</\s*script", re.IGNORECASE)


def diagram_count(page_html: str) -> int | None:
    """How many diagrams mermaid2 finds in a page; ``None`` when only a parser can tell.

    A page with no diagram from the fence but some other ``<pre>`` might hold
    one written by hand, as ``<pre class='mermaid'>`` or the like.
    """
    count = page_html.count(DIAGRAM)
    return None if count == 0 and _PRE.search(page_html) else count


def body_end(page_html: str) -> int | None:
    """Where ``</body>`` starts, if the page has exactly one ``<body>`` and one ``</body>``, in that order."""
    tags = list(_BODY.finditer(page_html))
    if len(tags) != 2 or tags[0].group(1) is not None or not page_html.startswith("</body>", tags[1].start()):
        return None
    return tags[1].start()


def scripts(plugin: Any, page_url: str) -> str | None:
    """The ``<script>`` tags mermaid2 appends to a page with diagrams, as it writes them (custom loader).

    Same steps as ``MarkdownMermaidPlugin.on_post_page``, setting
    ``startOnLoad`` in the plugin's arguments as it does. ``None`` if the
    script's text would end the script (a ``</script`` in the configuration).
    """
    tags, opening, code = [], "<script>", []
    if not plugin.extra_javascript:
        javascript = plugin.javascript.strip()
        if not javascript.startswith("http"):
            javascript = os.path.relpath(javascript, os.path.dirname(page_url))
        if javascript.endswith(".mjs"):
            opening = '<script type="module">'
            code.append(f'import mermaid from "{javascript}";')
        else:
            tags.append(f'<script src="{html.escape(javascript)}"></script>')
    plugin.mermaid_args["startOnLoad"] = False
    code.append(f"window.mermaidConfig = {{default: {_dumps(plugin.mermaid_args)}}};")
    text = "\n".join(code)
    return None if _SCRIPT_END.search(text) else "".join([*tags, opening, text, "</script>"])


_DUMPED: dict[str, str] = {}


def _dumps(args: dict[str, Any]) -> str:
    """``pyjs.dumps`` of the arguments, once per distinct value: it is slow, and the same on every page."""
    key = json.dumps(args, sort_keys=True, default=repr)
    if key not in _DUMPED:
        _DUMPED[key] = dumps(args)
    return _DUMPED[key]


def add_scripts(page_html: str, page_url: str, plugin: Any) -> str | None:
    """The page with mermaid2's scripts before ``</body>`` if it has diagrams, else unchanged.

    ``None`` when only mermaid2's own method can give its result: no custom
    loader (it rewrites the diagrams), or a page a string cannot read for sure.
    """
    count, end = diagram_count(page_html), body_end(page_html)
    if count is None or (count and end is None) or not plugin.activate_custom_loader:
        return None
    if not count:
        return page_html
    tags = scripts(plugin, page_url)
    return None if tags is None else page_html[:end] + tags + page_html[end:]


def post_page(plugin: Any, output: str, config: MkDocsConfig, page: Page) -> str:
    """``MarkdownMermaidPlugin.on_post_page`` without parsing: same scripts, same messages.

    The page is kept as it is, not re-serialised; mermaid2's own method runs
    where ``add_scripts`` cannot tell.
    """
    if "mermaid" not in output:
        return output
    result = add_scripts(output, page.url, plugin)
    if result is None:
        return str(_ORIGINAL(plugin, output, config, page))
    info("Custom loader activated")
    if count := output.count(DIAGRAM):
        info(f"Page '{page.title}': found {count} diagrams, adding scripts")
    return result


class FastPostPage:
    """The ``post_page`` event handler that stands in for one mermaid2 plugin's."""

    def __init__(self, plugin: Any) -> None:
        self.plugin = plugin

    def __call__(self, output: str, *, config: MkDocsConfig, page: Page, **kwargs: Any) -> str:
        """Run ``post_page`` for this plugin."""
        return post_page(self.plugin, output, config, page)


def install(config: MkDocsConfig) -> None:
    """Replace mermaid2's ``post_page`` handler by ``FastPostPage``, in its place; no mermaid2, nothing.

    Call after the plugins are loaded (a hook's ``on_config``). A mermaid2
    other than ``PROVEN_WITH``, or a subclass with its own ``on_post_page``,
    keeps its handler.
    """
    handlers = config.plugins.events["post_page"]
    for index, handler in enumerate(handlers):
        plugin = getattr(handler, "__self__", None)
        if not isinstance(plugin, MarkdownMermaidPlugin) or getattr(handler, "__func__", None) is not _ORIGINAL:
            continue
        if version("mkdocs-mermaid2-plugin") != PROVEN_WITH:
            log.info(
                "mermaid2 %s, not %s: its own (slower) post_page runs", version("mkdocs-mermaid2-plugin"), PROVEN_WITH
            )
            return
        handlers[index] = fast = FastPostPage(plugin)
        origins = getattr(config.plugins, "_event_origins", {})  # the plugin MkDocs names in messages
        if handler in origins:
            origins[fast] = origins.pop(handler)


def use_library(plugin: Any, entry: str, built: bool) -> bool:
    """mermaid2 loads ``entry`` (the package's Mermaid, a path of the site, ``built`` when the site has it)
    unless ``mkdocs.yml`` names another; whether it does.

    mermaid2 takes a ``javascript`` of its own for a URL or a file of the docs
    folder, which it checks exists there the first time it is asked (its
    ``javascript`` property; without one it asks a CDN). The package's Mermaid
    is a file of the theme, copied into the site like the theme's others: the
    property's cached value is set to it, so the check is not made where the
    file is not. Call before mermaid2's own ``on_config``, which reads it.
    """
    if (plugin.config.get("javascript") or entry) != entry:
        return False
    plugin.config["javascript"] = entry
    if built:
        plugin._javascript = entry  # the property's cache (mermaid2 PROVEN_WITH)
    return True
