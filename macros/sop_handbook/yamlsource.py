"""Read YAML source files into plain data, remembering the line of every key.

The sources are parsed once, with PyYAML's C parser when available, into
nodes; the nodes are turned into plain JSON-like data (dates stay strings so
that the JSON Schema sees what the author typed). Anchors and aliases and
duplicate keys are refused: both hide what a reviewer reads in a diff.
Aliases are found before the data is built, so a file of nested aliases
("billion laughs") is refused without ever being expanded.

What PyYAML cannot read is reported as a located problem, never raised: files
over ``MAX_BYTES``, bytes that are not UTF-8, control characters, YAML syntax
errors (with the line the author must change), explicit tags, ``.nan`` and
``.inf``, and nesting deeper than ``MAX_DEPTH``.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import KeyPath, Level, Problem

MAX_BYTES = 1_000_000
"""The largest source file read: 100 times the largest SOP of the handbook (9 KB).

A bigger file is a paste gone wrong or a generated file; it is refused before
it is parsed, so that a check stays a matter of seconds."""
MAX_DEPTH = 20
"""The deepest nesting of lists and mappings read (the sources need 7)."""
MAX_ALIAS_PROBLEMS = 5
"""Aliases reported one by one; the rest of a file's aliases get one line."""

_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
# Tags that plain YAML gives by itself; an explicit other tag (!!binary, !!set,
# !custom, !!python/...) is refused rather than turned into odd data.
_PLAIN_TAGS = {f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "map", "seq")}
_NULL = "tag:yaml.org,2002:null"
_STR = "tag:yaml.org,2002:str"
# What PyYAML refuses (non-printable characters) and what YAML 1.1 takes for a
# line break although editors and git do not (NEL, LINE/PARAGRAPH SEPARATOR):
# both are found first, at the line an editor shows.
_BAD_CHARACTER = re.compile("[^\x09\x0a\x0d\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_ALIAS_MESSAGE = "anchor/alias YAML (& dan *) tidak didukung; tulis nilainya langsung"


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
        if id(node) in self.seen:  # an alias: the same node object again (found earlier by _aliases)
            self._error(self.lines[path], path, _ALIAS_MESSAGE)
            return None
        self.seen.add(id(node))
        if node.tag not in _PLAIN_TAGS:
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            self._error(line, path, f"tag YAML '{tag}' tidak didukung; hapus tag itu dan tulis nilainya langsung")
            return None
        if isinstance(node, yaml.MappingNode | yaml.SequenceNode) and len(path) >= MAX_DEPTH:
            self._error(line, path, _too_deep())
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.read(item, (*path, i)) for i, item in enumerate(node.value)]
        # A plain scalar: its constructor directly (construct_object's bookkeeping is for collections).
        value = node.value if node.tag == _STR else self.loader.yaml_constructors[node.tag](self.loader, node)
        if isinstance(value, float) and not math.isfinite(value):
            fix = "tulis angka biasa (mis. 3 atau 7.5)"
            self._error(line, path, f"'{node.value}' bukan angka yang dapat dipakai; {fix}")
            return None
        return value

    def _mapping(self, node: yaml.MappingNode, path: KeyPath) -> dict[str, Any]:
        data: dict[str, Any] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in _PLAIN_TAGS:
                self._error(line, path, "kunci harus berupa teks biasa (tanpa '<<', tag '!' atau kunci majemuk)")
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

    def refuse(line: int, message: str) -> tuple[Source | None, list[Problem]]:
        return None, [Problem(Level.ERROR, display, line, (), message)]

    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return refuse(1, _too_big(size))
        raw = path.read_bytes()
    except OSError as error:
        return refuse(
            1, f"berkas tidak dapat dibaca ({error.strerror}); periksa bahwa ini berkas biasa yang boleh dibaca"
        )
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return refuse(1, "berkas tersimpan sebagai UTF-16; simpan ulang sebagai UTF-8")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = _line_at(raw[: error.start].decode("latin-1"))
        return refuse(line, "berkas bukan teks UTF-8; simpan ulang sebagai UTF-8")
    bad = _bad_characters(display, text)
    if bad:
        return None, bad
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        return None, [_syntax_problem(display, text, error)]
    except yaml.YAMLError as error:  # a reader error the character check missed
        return refuse(1, f"YAML tidak dapat dibaca ({error}); simpan ulang sebagai teks UTF-8 biasa")
    finally:
        loader.dispose()
    if node is None or (isinstance(node, yaml.ScalarNode) and node.tag == _NULL and node.value == ""):
        return refuse(1, "berkas kosong; isi dengan data SOP sesuai skema")
    if "*" in text:
        aliases = _aliases(display, text)
        if aliases:
            return None, aliases
    reader = _Reader(display, loader)
    data = reader.read(node, ())
    first_line = text.split("\n", 1)[0].rstrip("\r")
    return Source(display, data, reader.lines, first_line), reader.problems


def _line_at(prefix: str) -> int:
    """The line (as editors count: LF, CRLF or CR) of the character after ``prefix``."""
    return prefix.count("\n") + prefix.count("\r") - prefix.count("\r\n") + 1


def _too_big(size: int) -> str:
    megabytes = f"{size / 1_000_000:.1f}".replace(".", ",")
    return (
        f"berkas {megabytes} MB melebihi batas {MAX_BYTES // 1_000_000} MB per berkas sumber; "
        "periksa apakah ada isi yang tertempel tidak sengaja, atau pecah menjadi beberapa SOP"
    )


def _too_deep() -> str:
    return (
        f"daftar/pemetaan bersarang lebih dari {MAX_DEPTH} tingkat; periksa tanda kurung [ ] dan {{ }} serta indentasi"
    )


def _bad_characters(display: str, text: str) -> list[Problem]:
    """One problem for the first character PyYAML refuses or would take for a line break."""
    found = _BAD_CHARACTER.search(text)
    if found is None:
        return []
    char = found.group()
    code = f"U+{ord(char):04X}"
    count = len(_BAD_CHARACTER.findall(text))
    more = f" ({count} karakter seperti ini di berkas)" if count > 1 else ""
    if char == "\x00":
        message = (
            f"karakter NUL ({code}) tidak boleh ada{more}; "
            "berkas mungkin tersimpan sebagai UTF-16: simpan ulang sebagai UTF-8"
        )
    elif char in "\x85\u2028\u2029":
        message = (
            f"pemisah baris Unicode {code} tidak boleh ada{more} (biasanya terbawa saat menyalin dari PDF atau Word); "
            "ganti dengan baris baru biasa atau spasi"
        )
    else:
        message = (
            f"karakter kendali {code} tidak boleh ada{more} (biasanya terbawa saat menyalin dari dokumen lain); "
            "hapus karakter itu"
        )
    return [Problem(Level.ERROR, display, _line_at(text[: found.start()]), (), message)]


def _aliases(display: str, text: str) -> list[Problem]:
    """Every alias (``*name``) of a file that parses, located by its own line and key path, from the events.

    The events are read one by one and nothing is built, so nested aliases cost their length, not their expansion.
    """
    frames: list[list[Any]] = []  # [path, is a mapping, events read in it, current key]
    found: list[tuple[KeyPath, int]] = []
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.CollectionEndEvent):
            frames.pop()
            continue
        if not isinstance(event, yaml.NodeEvent):
            continue
        path: KeyPath = ()
        if frames:
            frame = frames[-1]
            if not frame[1]:
                path = (*frame[0], frame[2])
            elif frame[2] % 2 == 0:  # a key
                path = frame[0]
                frame[3] = str(event.value) if isinstance(event, yaml.ScalarEvent) else "?"
            else:
                path = (*frame[0], frame[3])
            frame[2] += 1
        if isinstance(event, yaml.AliasEvent):
            found.append((path, event.start_mark.line + 1 if event.start_mark else 1))
        elif isinstance(event, yaml.CollectionStartEvent):
            frames.append([path, isinstance(event, yaml.MappingStartEvent), 0, "?"])
    problems = [Problem(Level.ERROR, display, line, path, _ALIAS_MESSAGE) for path, line in found]
    if len(problems) > MAX_ALIAS_PROBLEMS + 1:
        rest = problems[MAX_ALIAS_PROBLEMS]
        message = f"{len(problems) - MAX_ALIAS_PROBLEMS} alias lagi mulai baris ini; {_ALIAS_MESSAGE}"
        problems = [*problems[:MAX_ALIAS_PROBLEMS], Problem(Level.ERROR, display, rest.line, rest.path, message)]
    return problems


# PyYAML's problems, in Indonesian with the fix; "{char}" is the character at the error.
_SYNTAX_HINTS = {
    "mapping values are not allowed in this context": (
        "ada ': ' yang tidak diharapkan; beri tanda kutip pada nilai yang memuat ': ' "
        '(mis. kegiatan: "Catatan: ...") atau perbaiki indentasi kunci ini'
    ),
    "did not find expected key": (
        "baris ini tidak sejajar dengan kunci di atasnya, atau ada teks sesudah nilai bertanda kutip; "
        "perbaiki indentasi atau tanda kutipnya"
    ),
    "did not find expected '-' indicator": (
        "butir daftar ini tidak sejajar; samakan indentasinya dengan butir '- ' di atasnya"
    ),
    "could not find expected ':'": (
        "baris ini bukan 'kunci: nilai'; tambahkan ': ' sesudah kunci atau perbaiki indentasi"
    ),
    "found character that cannot start any token": (
        "nilai tidak boleh diawali '{char}'; beri tanda kutip pada nilai ini"
    ),
    "found unknown escape character": (
        "garis miring terbalik '\\' di dalam tanda kutip ganda memulai kode escape; "
        "pakai tanda kutip tunggal ('...') atau tulis '\\\\'"
    ),
    "but found another document": (
        "satu berkas hanya boleh berisi satu dokumen YAML; hapus '---' ini, atau pindahkan isinya ke berkas lain"
    ),
    "found undefined alias": _ALIAS_MESSAGE,
    "second occurrence": _ALIAS_MESSAGE,
}
# Errors noticed only lines after the mistake: the mistake is where the context starts.
_OPENED_AT_CONTEXT = {
    "while scanning a quoted scalar": (
        "tanda kutip yang dibuka di baris ini tidak ditutup; tambahkan tanda kutip penutup"
    ),
    "while parsing a flow mapping": (
        "kurung kurawal '{' yang dibuka di baris ini tidak ditutup; tambahkan '}' (atau koma yang kurang)"
    ),
    "while parsing a flow sequence": (
        "kurung siku '[' yang dibuka di baris ini tidak ditutup; tambahkan ']' (atau koma yang kurang)"
    ),
}


def _syntax_problem(display: str, text: str, error: yaml.MarkedYAMLError) -> Problem:
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else 1
    problem = error.problem or "sintaks tidak dikenal"
    lines = text.splitlines()
    source_line = lines[line - 1] if 0 < line <= len(lines) else ""
    if "\t" in source_line[: len(source_line) - len(source_line.lstrip())]:
        return Problem(
            Level.ERROR, display, line, (), "karakter tab tidak boleh dipakai untuk indentasi; ganti dengan spasi"
        )
    if error.context in _OPENED_AT_CONTEXT and error.context_mark:
        context_line = error.context_mark.line + 1
        return Problem(Level.ERROR, display, context_line, (), f"YAML tidak valid: {_OPENED_AT_CONTEXT[error.context]}")
    if problem == "exceeded maximum nesting depth":
        return Problem(Level.ERROR, display, line, (), _too_deep())
    if problem in _SYNTAX_HINTS:
        column = mark.column if mark else 0
        char = source_line[column : column + 1] or " "
        return Problem(
            Level.ERROR, display, line, (), "YAML tidak valid: " + _SYNTAX_HINTS[problem].replace("{char}", char)
        )
    hint = f"YAML tidak valid ({problem}); periksa indentasi, tanda kutip dan titik dua di baris ini"
    return Problem(Level.ERROR, display, line, (), hint)
