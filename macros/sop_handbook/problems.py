"""Problems found in the sources: errors stop the build, warnings are listed."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum

KeyPath = tuple[str | int, ...]


class Level(Enum):
    """How serious a problem is."""

    ERROR = "galat"
    WARNING = "peringatan"


@dataclass(frozen=True)
class Problem:
    """One problem, located at a file, a line and a key path."""

    level: Level
    file: str
    line: int
    path: KeyPath
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {format_path(self.path)}: {self.message}"


class SourceError(Exception):
    """The sources have errors; the build must stop before writing anything."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__(report(self.problems))


def format_path(path: KeyPath) -> str:
    """Render a key path as authors write it: ``langkah[2].mutu_baku.waktu``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text or "(berkas)"


def report(problems: Iterable[Problem]) -> str:
    """The full text of an error report, one problem per line."""
    lines = sorted(problems, key=lambda p: (p.file, p.line, format_path(p.path)))
    errors = sum(1 for p in lines if p.level is Level.ERROR)
    head = f"{errors} galat di sumber SOP; perbaiki lalu bangun ulang:"
    return "\n".join([head, *(f"  {p}" for p in lines)])


def did_you_mean(value: str, choices: Iterable[str]) -> str:
    """A ' (maksud Anda ...?)' hint when ``value`` is close to one of ``choices``."""
    close = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.6)
    return f"; maksud Anda '{close[0]}'?" if close else ""


def valid_values(choices: Iterable[str]) -> str:
    """List the valid values for a message."""
    return ", ".join(f"'{c}'" for c in choices)
