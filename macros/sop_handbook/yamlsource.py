"""Read YAML source files into plain data, remembering the line of every key.

The sources are parsed once, with PyYAML's C parser when available, into
nodes; the nodes are turned into plain JSON-like data (dates stay strings so
that the JSON Schema sees what the author typed). Anchors and aliases and
duplicate keys are refused: both hide what a reviewer reads in a diff.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import KeyPath, Level, Problem

_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class _Loader(_BaseLoader):  # type: ignore[misc]
    """Safe loader that keeps dates as the strings the author wrote."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != _TIMESTAMP]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class Source:
    """One parsed YAML file: its data and the line of each key path."""

    file: str
    data: Any
    lines: dict[KeyPath, int] = field(repr=False)
    first_line: str = ""

    def line(self, path: KeyPath) -> int:
        """The line of ``path``, or of its nearest recorded parent."""
        for end in range(len(path), -1, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return 1

    def problem(self, path: KeyPath, message: str, level: Level = Level.ERROR) -> Problem:
        """A problem located at ``path`` in this file."""
        return Problem(level, self.file, self.line(path), path, message)

    def duplicate_ids(self, path: KeyPath, items: list[dict[str, Any]], key: str = "id") -> list[Problem]:
        """An error for each item of the list at ``path`` whose ``key`` an earlier item has."""
        first: dict[str, int] = {}
        problems = []
        for index, item in enumerate(items):
            if item[key] in first:
                line = self.line((*path, first[item[key]], key))
                message = f"{key} '{item[key]}' sudah dipakai di baris {line}; setiap {key} harus unik"
                problems.append(self.problem((*path, index, key), message))
            first.setdefault(item[key], index)
        return problems


class _Reader:
    """Turns a node tree into data, collecting lines and problems."""

    def __init__(self, file: str, loader: Any) -> None:
        self.file = file
        self.loader = loader
        self.lines: dict[KeyPath, int] = {}
        self.problems: list[Problem] = []
        self.seen: set[int] = set()

    def read(self, node: yaml.Node, path: KeyPath) -> Any:
        line = node.start_mark.line + 1
        self.lines.setdefault(path, line)
        if id(node) in self.seen:  # an alias: the same node object again
            self._error(self.lines[path], path, "anchor/alias YAML (& dan *) tidak didukung; tulis nilainya langsung")
            return None
        self.seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.read(item, (*path, i)) for i, item in enumerate(node.value)]
        return self.loader.construct_object(node)

    def _mapping(self, node: yaml.MappingNode, path: KeyPath) -> dict[str, Any]:
        data: dict[str, Any] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                self._error(line, path, "kunci harus berupa teks biasa (tanpa '<<' atau kunci majemuk)")
                continue
            key = str(key_node.value)
            if key in data:
                self._error(line, (*path, key), f"kunci '{key}' ditulis dua kali; hapus salah satunya")
                continue
            self.lines[(*path, key)] = line
            data[key] = self.read(value_node, (*path, key))
        return data

    def _error(self, line: int, path: KeyPath, message: str) -> None:
        self.problems.append(Problem(Level.ERROR, self.file, line, path, message))


def read_source(path: Path, display: str) -> tuple[Source | None, list[Problem]]:
    """Parse one YAML file; ``display`` is the name used in messages."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        return None, [Problem(Level.ERROR, display, line, (), "berkas bukan teks UTF-8; simpan ulang sebagai UTF-8")]
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        return None, [_syntax_problem(display, text, error)]
    finally:
        loader.dispose()
    if node is None:
        return None, [Problem(Level.ERROR, display, 1, (), "berkas kosong; isi dengan data SOP sesuai skema")]
    reader = _Reader(display, loader)
    data = reader.read(node, ())
    first_line = text.split("\n", 1)[0].rstrip("\r")
    return Source(display, data, reader.lines, first_line), reader.problems


def _syntax_problem(display: str, text: str, error: yaml.MarkedYAMLError) -> Problem:
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else 1
    problem = error.problem or "sintaks tidak dikenal"
    lines = text.splitlines()
    source_line = lines[line - 1] if 0 < line <= len(lines) else ""
    if "\t" in source_line[: len(source_line) - len(source_line.lstrip())]:
        hint = "karakter tab tidak boleh dipakai untuk indentasi; ganti dengan spasi"
    else:
        hint = f"YAML tidak valid ({problem}); periksa indentasi, tanda kutip dan titik dua di baris ini"
    return Problem(Level.ERROR, display, line, (), hint)
