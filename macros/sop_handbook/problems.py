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


def close_id(value: str, ids: Iterable[str], same_kind: bool = False) -> str | None:
    """The id ``value`` was most likely meant to be, if one is close: a ratio of at least 0.8, or two edits.

    Ids are made of a few parts; a looser match would offer an unrelated one (``sk-kadis-12-2023`` is not
    ``uu-23-2014`` mistyped). With ``same_kind``, only ids with the same first part (``perbup-``, ``uu-``)
    are offered: a regulation of another kind is never the one meant.
    """
    kind = value.split("-", 1)[0]
    best: tuple[int, float, str] | None = None
    for choice in ids:
        if same_kind and choice.split("-", 1)[0] != kind:
            continue
        ratio = difflib.SequenceMatcher(None, value, choice).ratio()
        distance = _edits(value, choice, 2)
        if (ratio >= 0.8 or distance <= 2) and (best is None or (distance, -ratio) < best[:2]):
            best = (distance, -ratio, choice)
    return best[2] if best else None


def _edits(a: str, b: str, limit: int) -> int:
    """Levenshtein distance of ``a`` and ``b``, or ``limit + 1`` once it surely exceeds ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, char in enumerate(a, start=1):
        current = [i]
        for j, other in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char != other)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return min(previous[-1], limit + 1)


def valid_values(choices: Iterable[str]) -> str:
    """List the valid values for a message."""
    return ", ".join(f"'{c}'" for c in choices)
