"""mkdocs-macros module of the handbook: registers the page macros."""

from typing import Any

from sop_handbook import site


def define_env(env: Any) -> None:
    """Called by mkdocs-macros once per build."""
    site.define_macros(env)
