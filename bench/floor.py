"""The floor of the scale benchmark: the handbook's pages as plain Markdown, built without our code.

``capture_config`` writes a copy of a project's mkdocs.yml whose hooks end
with ``capture_tags_hook.py`` and ``capture_hooks.py``; one build with it
writes the final Markdown of every page, the other files and the nav into a
floor folder (see ``capture_hooks.py``). ``floor_config`` then writes the
floor's own mkdocs.yml: the project's, with

- ``hooks`` replaced by ``floor_hooks.py``: the handbook's settings of the
  theme's output (template whitespace, navigation indentation, unused theme
  files), none of its content; ``watch`` removed (it names the sources, which
  the floor does not have);
- the ``sop-handbook``, ``macros`` and ``mermaid2`` plugins removed; every other plugin (search,
  tags, mike) kept as configured;
- ``nav`` set to the nav the handbook's hooks produced, and the generated pages
  the hooks keep out of the nav (the source listings) added to ``not_in_nav``;
- every superfences custom fence formatted by a function from outside
  pymdownx (mermaid2's ``fence_mermaid_custom``) formatted by
  pymdownx.superfences' own ``fence_code_format`` instead;
- ``extra`` without the keys the hooks remove (the version selector outside
  mike) and the ``copyright`` the hooks set;
- the same theme, features, ``custom_dir`` (copied), Markdown extensions and
  validation; the package's theme files come from ``floor_hooks.py``.

The YAML is read and written with its tags kept as written (``!ENV``,
``!!python/name:``), so that MkDocs reads the floor's file as it reads ours.
"""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

BENCH = Path(__file__).resolve().parent
CAPTURE_HOOKS = (BENCH / "capture_tags_hook.py", BENCH / "capture_hooks.py")
CAPTURE_FILE = "capture.json"  # written by capture_hooks.py
CAPTURE_CONFIG = "mkdocs.bench-capture.yml"
FLOOR_HOOKS = BENCH / "floor_hooks.py"
REMOVED_PLUGINS = {"sop-handbook", "macros", "mermaid2"}
PYMDOWNX_FUNCTION = "tag:yaml.org,2002:python/name:pymdownx."
PLAIN_FENCE = PYMDOWNX_FUNCTION + "superfences.fence_code_format"


@dataclass(frozen=True)
class Tagged:
    """A YAML value with an application tag (``!ENV [...]``, ``!!python/name:x ''``), kept as written."""

    tag: str
    value: Any


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


def _construct_tagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Tagged:
    if isinstance(node, yaml.SequenceNode):
        return Tagged(node.tag, loader.construct_sequence(node, deep=True))
    if isinstance(node, yaml.MappingNode):
        return Tagged(node.tag, loader.construct_mapping(node, deep=True))
    assert isinstance(node, yaml.ScalarNode)
    return Tagged(node.tag, loader.construct_scalar(node))


def _represent_tagged(dumper: yaml.SafeDumper, data: Tagged) -> yaml.Node:
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value)
    if isinstance(data.value, dict):
        return dumper.represent_mapping(data.tag, data.value)
    return dumper.represent_scalar(data.tag, str(data.value))


_Loader.add_multi_constructor("!", _construct_tagged)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _construct_tagged)
_Dumper.add_representer(Tagged, _represent_tagged)


def read_config(path: Path) -> dict[str, Any]:
    """An mkdocs.yml as data, its tagged values as ``Tagged``."""
    data: dict[str, Any] = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)  # a SafeLoader
    return data


def write_config(path: Path, config: dict[str, Any]) -> None:
    """Write ``config`` as an mkdocs.yml."""
    text = yaml.dump(config, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=120)
    path.write_text(text, encoding="utf-8")


def capture_config(project: Path) -> Path:
    """A copy of the project's mkdocs.yml with the capture hooks last; its path."""
    config = read_config(project / "mkdocs.yml")
    config["hooks"] = [*config.get("hooks", []), *(str(hook) for hook in CAPTURE_HOOKS)]
    path = project / CAPTURE_CONFIG
    write_config(path, config)
    return path


def _name(entry: Any) -> str:
    """The name of a plugin or Markdown extension entry (a string or a one-key mapping)."""
    name = next(iter(entry)) if isinstance(entry, dict) else str(entry)
    return str(name)


def _plain_fences(extension: Any) -> Any:
    """The superfences entry with fence formats from outside pymdownx (mermaid2's) replaced by its own."""
    if _name(extension) != "pymdownx.superfences" or not isinstance(extension, dict):
        return extension
    options = dict(extension["pymdownx.superfences"] or {})
    fences = []
    for fence in options.get("custom_fences", []):
        format = fence.get("format")
        if isinstance(format, Tagged) and not format.tag.startswith(PYMDOWNX_FUNCTION):
            fence = {**fence, "format": Tagged(PLAIN_FENCE, "")}
        fences.append(fence)
    if fences:
        options["custom_fences"] = fences
    return {"pymdownx.superfences": options}


def _escaped(src_uri: str) -> str:
    """A docs path as a gitignore pattern anchored at the docs folder."""
    return "/" + re.sub(r"([*?\[\]\\])", r"\\\1", src_uri)


def floor_config(project: Path, floor: Path) -> dict[str, Any]:
    """The floor's mkdocs.yml (see the module's docstring), from the project's and the capture."""
    config = read_config(project / "mkdocs.yml")
    capture = json.loads((floor / CAPTURE_FILE).read_text(encoding="utf-8"))
    for key in ("hooks", "watch", "docs_dir", "site_dir"):
        config.pop(key, None)
    config["hooks"] = [FLOOR_HOOKS.as_posix()]
    config["plugins"] = [p for p in config.get("plugins", []) if _name(p).split("/")[-1] not in REMOVED_PLUGINS]
    config["markdown_extensions"] = [_plain_fences(e) for e in config.get("markdown_extensions", [])]
    config["nav"] = capture["nav"]
    patterns = [str(config["not_in_nav"])] if config.get("not_in_nav") else []
    patterns += [_escaped(src) for src in capture["not_in_nav"]]
    if patterns:
        config["not_in_nav"] = "\n".join(patterns)
    if isinstance(config.get("extra"), dict):
        config["extra"] = {k: v for k, v in config["extra"].items() if k in capture["extra_keys"]}
    if capture["copyright"]:
        config["copyright"] = capture["copyright"]
    return config


def make_floor(project: Path, floor: Path) -> Path:
    """Write the floor's mkdocs.yml and copy the theme's ``custom_dir``, after the capture build."""
    config = floor_config(project, floor)
    theme = config.get("theme")
    custom_dir = theme.get("custom_dir") if isinstance(theme, dict) else None
    if isinstance(custom_dir, str):
        shutil.copytree(project / custom_dir, floor / custom_dir, dirs_exist_ok=True)
    path = floor / "mkdocs.yml"
    write_config(path, config)
    return path


def html_pages(site: Path) -> set[str]:
    """The HTML files of a built site, relative to it."""
    return {path.relative_to(site).as_posix() for path in site.rglob("*.html")}
