"""Markup in Jinja templates that a handbook overrides as it overrides Material's partials.

The templates are files of the theme's ``partials/sop/`` (the package's
``theme/``). A handbook with a theme ``custom_dir`` replaces one by a file of
the same name there; the plugin makes the environment over the theme's folders
in their order (``environment``), and renderers called without one use the
package's own (``PACKAGE``).

Every value a template writes is escaped as ``text.h`` escapes source text,
unless it is ``Markup`` (a fragment the renderers already made safe): the
templates cannot forget an escape, and an agency's template writes source
text as inertly as the package's.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from .resources import THEME
from .text import h


def _inert(value: Any) -> Any:
    """What ``{{ value }}`` writes: Markup as it is, anything else as inert text."""
    if isinstance(value, Markup):
        return value
    return h(str(value))


def environment(folders: Iterable[str | Path]) -> jinja2.Environment:
    """The templates of ``folders``, the first holding a name winning (the theme's dirs, in order)."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(folder) for folder in folders]),
        autoescape=False,  # _inert escapes instead: as text.h does, with Markup passed through
        finalize=_inert,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )


@functools.cache
def package() -> jinja2.Environment:
    """The package's own templates, for renderers called outside a build (tests, the command line)."""
    return environment([THEME])


def render(templates: jinja2.Environment | None, name: str, **values: Any) -> str:
    """The template ``partials/sop/<name>`` with ``values``; the package's when ``templates`` is None."""
    return (templates or package()).get_template(f"partials/sop/{name}").render(**values)
