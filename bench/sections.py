"""Sections of ``bench/RESULTS.md`` written by other benchmarks than ``scale.py``.

``bench/RESULTS.md`` is the one report of the benchmarks. ``scale.py``
rewrites it whole; another benchmark (the import) owns one ``## `` section
of it, which ``put`` replaces in place (or adds at the end) and which
``carry_over`` keeps when ``scale.py`` writes the report again.
"""

from __future__ import annotations

import re
from pathlib import Path

OWNED = ("## Import",)  # headings of sections other benchmarks write


def _sections(text: str) -> list[str]:
    """The text cut before each ``## `` heading (the first part is what precedes the first one)."""
    return re.split(r"(?m)^(?=## )", text)


def put(path: Path, heading: str, body: str) -> None:
    """Replace the section under ``heading`` in ``path`` with ``body`` (Markdown after the heading)."""
    section = f"{heading}\n\n{body.strip()}\n\n"
    parts = _sections(path.read_text(encoding="utf-8")) if path.exists() else [""]
    for i, part in enumerate(parts):
        if part.startswith(heading + "\n"):
            parts[i] = section
            break
    else:
        parts[-1] = parts[-1].rstrip("\n") + "\n\n"
        parts.append(section)
    path.write_text("".join(parts).rstrip("\n") + "\n", encoding="utf-8")


def carry_over(report: str, previous: Path) -> str:
    """``report`` with the sections other benchmarks own taken from the ``previous`` report."""
    if not previous.exists():
        return report
    kept = [
        part
        for part in _sections(previous.read_text(encoding="utf-8"))
        if part.startswith(OWNED) and not any(line.startswith(part.split("\n", 1)[0]) for line in report.splitlines())
    ]
    if not kept:
        return report
    return report.rstrip("\n") + "\n\n" + "".join(kept).rstrip("\n") + "\n"
