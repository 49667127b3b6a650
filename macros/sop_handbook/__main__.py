"""Check the sources without building the site: ``python -m sop_handbook [project_dir]``.

Prints every error (exit status 1) or the data-quality warnings (exit status 0),
in the same ``file:line: key path: message`` form as the build.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .loader import load_handbook
from .problems import SourceError


def main(argv: list[str]) -> int:
    """Load and check the handbook project in ``argv[0]`` (default: the current directory)."""
    root = Path(argv[0]) if argv else Path.cwd()
    try:
        handbook = load_handbook(root / "sop_source", root / "schema", root)
    except SourceError as error:
        print(error, file=sys.stderr)
        return 1
    for problem in handbook.catatan_mutu:
        print(f"catatan: {problem}")
    steps = sum(len(sop.langkah) for sop in handbook.sops)
    print(
        f"{len(handbook.sops)} SOP, {steps} langkah: tidak ada galat; {len(handbook.catatan_mutu)} catatan mutu data."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
