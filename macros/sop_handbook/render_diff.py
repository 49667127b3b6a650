"""A revision explained in words, as Markdown for a pull-request comment."""

from __future__ import annotations

from .diff import SopDiff, StepChange
from .durations import KonvensiWaktu, angka, format_jam
from .model import Langkah
from .text import md


def diff_markdown(diffs: list[SopDiff]) -> str:
    """The changes per SOP: identity fields, steps, and the change in total time (in the SOP's agency's
    working hours)."""
    parts = ["## Perubahan SOP"]
    if not diffs:
        parts.append("Tidak ada perubahan pada SOP.")
    for diff in diffs:
        parts.append(f"### {md(diff.sop.judul_tampil)} ({diff.status})\n\nBerkas: `{diff.sop.file}`")
        parts.append("\n".join(_lines(diff, diff.sop.instansi.konvensi)))
    return "\n\n".join(part for part in parts if part) + "\n"


def _lines(diff: SopDiff, konvensi: KonvensiWaktu) -> list[str]:
    if diff.status == "baru":
        sop = diff.sop
        return [f"- SOP baru dengan {len(sop.langkah)} langkah; total waktu {format_jam(sop.total_jam, konvensi)}."]
    if diff.status == "dihapus":
        return ["- SOP dihapus."]
    lines = [f"- **{label}**: {_quote(old)} → {_quote(new)}" for label, old, new in diff.identitas]
    lines += [_step_line(change) for change in diff.langkah]
    assert diff.old is not None and diff.new is not None
    before, after = diff.old.total_jam, diff.new.total_jam
    if before != after:
        sign = "+" if after > before else "−"
        lines.append(
            f"- **Total waktu**: {format_jam(before, konvensi)} → {format_jam(after, konvensi)} "
            f"({sign}{angka(abs(after - before))} jam)"
        )
    return lines


def _step_line(change: StepChange) -> str:
    if change.kind == "ditambah":
        assert change.new is not None
        return f"- **Langkah {change.new.no} ditambah**: {_summary(change.new)}"
    if change.kind == "dihapus":
        assert change.old is not None
        return f"- **Langkah {change.old.no} dihapus**: {_summary(change.old)}"
    assert change.old is not None and change.new is not None
    fields = "; ".join(f"{name} {_quote(old)} → {_quote(new)}" for name, old, new in change.fields)
    if change.kind == "dipindah":
        moved = (
            f"- **Langkah dipindah** dari nomor {change.old.no} ke nomor {change.new.no}: {_quote(change.new.kegiatan)}"
        )
        return f"{moved}; {fields}" if fields else moved
    return f"- **Langkah {change.new.no} diubah**: {fields}"


def _summary(step: Langkah) -> str:
    return f"{_quote(step.kegiatan)} ({md(step.pelaksana_label)}, {md(step.mutu_baku.waktu or 'tanpa waktu')})"


def _quote(text: str) -> str:
    return f"“{md(text)}”"
