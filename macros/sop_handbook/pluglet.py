"""The handbook's page macros as an mkdocs-macros pluglet (``macros: modules: [sop_handbook.pluglet]``).

Authors' own pages can call them too, e.g. ``{{ daftar_sop() }}`` or ``{{ glosarium() }}``.
"""

from typing import Any

from . import site


def define_env(env: Any) -> None:
    """Called by mkdocs-macros once per build."""
    site.define_macros(env)
