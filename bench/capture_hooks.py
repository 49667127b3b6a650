"""MkDocs hooks that capture a handbook build as plain Markdown: the content of the floor.

``bench/scale.py`` adds this file, last, to the ``hooks:`` of a copy of a
project's mkdocs.yml and builds once (untimed) with the environment variable
``SOP_BENCH_FLOOR`` naming a folder. The build writes there:

- ``docs/<src_uri>``: every page's final Markdown (after mkdocs-macros and the
  handbook's hooks, which run at priority -100 or higher) with ``page.meta`` as
  YAML front matter, so Material and its tags plugin see the same pages;
- ``docs/<src_uri>``: every other file of the build that comes from the docs
  folder or is generated in memory (assets, CSS, JavaScript, JSON exports),
  but not the theme's own files;
- ``capture.json``: the nav the hooks set (``config.nav``), the pages kept out
  of the nav, the keys left in ``config.extra`` and the copyright.

Material's tags plugin (priority -50) replaces each ``<!-- material/tags -->``
directive with a headline marking where its listing goes; the Markdown seen
just before it (``bench/capture_tags_hook.py``, priority -49, also added to the
hooks) gives the directive back, so the floor's tags plugin does the same work
as ours.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

FLOOR_VARIABLE = "SOP_BENCH_FLOOR"
CAPTURE_FILE = "capture.json"
# The headline Material's tags plugin puts in place of a listing directive: "###### <src>:<start>-<end>/name {...}".
TAGS_INJECTION = re.compile(r"^#{1,6} (?P<src>\S+?):(?P<start>\d+)-(?P<end>\d+)/name \{ #\S+/slug \}$", re.MULTILINE)
BEFORE_TAGS = "_sop_bench_before_tags"  # the page attribute capture_tags_hook.py sets


def _floor() -> Path:
    folder = os.environ.get(FLOOR_VARIABLE)
    if not folder:
        raise RuntimeError(f"capture_hooks: set {FLOOR_VARIABLE} to the floor's folder")
    return Path(folder)


def _write(src_uri: str, content: bytes) -> None:
    target = _floor() / "docs" / src_uri
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)


@event_priority(-1000)
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """Record the nav the handbook's hooks set, and the pages they keep out of it."""
    not_in_nav = sorted(
        f.src_uri for f in files.documentation_pages() if f.inclusion.value <= InclusionLevel.NOT_IN_NAV.value
    )
    capture = {
        "nav": config.nav,
        "not_in_nav": not_in_nav,
        "extra_keys": sorted(config.extra.keys()),
        "copyright": config.copyright if isinstance(config.copyright, str) else None,
    }
    (_floor() / CAPTURE_FILE).write_text(json.dumps(capture, ensure_ascii=False, indent=1), encoding="utf-8")
    return nav


@event_priority(-1000)  # after every other hook and plugin, the handbook's (-100) included
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Write the page's final Markdown, with its front matter and the tags directives back."""
    before: str = getattr(page, BEFORE_TAGS, markdown)

    def directive(match: re.Match[str]) -> str:
        if match["src"] != page.file.src_uri:
            return match[0]
        return before[int(match["start"]) : int(match["end"])]

    text = TAGS_INJECTION.sub(directive, markdown)
    front = yaml.safe_dump(_plain(page.meta), allow_unicode=True, sort_keys=False)
    _write(page.file.src_uri, f"---\n{front}---\n{text}".encode())
    return markdown


def on_env(env: Any, config: MkDocsConfig, files: Files) -> Any:
    """Copy every non-page file of the docs folder or generated in memory (not the theme's)."""
    docs = Path(config.docs_dir).resolve()
    for file in files:
        if file.is_documentation_page() or file.inclusion.value <= InclusionLevel.DRAFT.value:  # excluded
            continue
        generated = getattr(file, "generated_by", None) is not None
        inside = file.abs_src_path is not None and Path(file.abs_src_path).resolve().is_relative_to(docs)
        if generated or inside:
            _write(file.src_uri, file.content_bytes)
    return env


def _plain(value: Any) -> Any:
    """``value`` with tuples as lists, so that the safe dumper writes it."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value
