"""Markup in Jinja templates that a handbook overrides as it overrides Material's partials.

The templates are files of the theme's ``partials/sop/`` (the package's
``theme/``). A handbook with a theme ``custom_dir`` replaces one by a file of
the same name there; the plugin makes the environment over the theme's folders
in their order (``environment``), and renderers called without one use the
package's own (``package``).

Every value a template writes is escaped as ``text.h`` escapes source text,
unless it is ``Markup`` (a fragment the renderers already made safe, or what
a template made itself: a macro's output, a ``{% set %}`` block): the
templates cannot forget an escape, and an agency's template writes source
text as inertly as the package's. Besides its values, a template has the
``GLOBALS`` and the ``md`` filter (text as inert inline Markdown, for headings).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from . import fragments, links
from .legal import judul_lengkap
from .resources import THEME
from .text import h, md, tanggal


def _inert(value: Any) -> Markup:
    """What ``{{ value }}`` writes: Markup as it is, anything else as inert text (``text.h``)."""
    if isinstance(value, Markup):
        return value
    return Markup(h(str(value)))


def _markup(make: Any) -> Any:
    """``make`` returning Markup: what the package's helpers make is safe HTML already."""
    return lambda *args, **kwargs: Markup(make(*args, **kwargs))


# What every template may use besides its values: the pieces of HTML the pages share (links to the
# handbook's pages from the page at ``dari``, the marks of an empty field) and the dates as pages write them.
GLOBALS = {
    "tautan_sop": _markup(fragments.sop_link),  # (sop, dari): the SOP's page, labelled with its name
    "tautan_peran": _markup(fragments.peran_link),  # (instansi, unit, peran, dari): the role's page
    "tautan_peraturan": _markup(fragments.peraturan_link),  # (peraturan, dari, lengkap=True)
    "tautan_luar": _markup(fragments.sop_luar),  # (keterkaitan): an SOP outside the handbook, as written
    "judul_peraturan": judul_lengkap,  # (peraturan): its citation in full
    "alamat": links.relative_url,
    "jangkar": links.anchor,  # (no): the id of a step's row in its SOP's flowchart table
    "tanda_rekonstruksi": Markup(
        fragments.REKONSTRUKSI_MARK
    ),  # after a step whose pelaksana is reconstructed  # (dari, ke): the address of page ``ke`` from page ``dari``
    "tanggal": tanggal,  # a date as pages write it: "2 Juni 2025"
    "kosong": Markup(fragments.KOSONG),  # a field the document does not state: "Tidak tercantum"
    "tidak_terbaca": Markup(fragments.TIDAK_TERBACA),  # one its copy does not show legibly
}


def environment(folders: Iterable[str | Path]) -> jinja2.Environment:
    """The templates of ``folders``, the first holding a name winning (the theme's dirs, in order)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(folder) for folder in folders]),
        # Every {{ }} goes through _inert, which escapes as text.h does and passes Markup through; autoescape
        # then leaves it as it is, and makes what templates make (macros, {% set %} blocks) Markup too.
        autoescape=True,
        finalize=_inert,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.globals.update(GLOBALS)
    env.filters["md"] = lambda text: Markup(md(text))  # text as inert inline Markdown: headings
    return env


@functools.cache
def package() -> jinja2.Environment:
    """The package's own templates, for renderers called outside a build (tests, the command line)."""
    return environment([THEME])


def render(templates: jinja2.Environment | None, name: str, **values: Any) -> str:
    """The template ``partials/sop/<name>`` with ``values``; the package's when ``templates`` is None."""
    return (templates or package()).get_template(f"partials/sop/{name}").render(**values)
