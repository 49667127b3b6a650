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
``GLOBALS``, the ``md`` filter (text as inert inline Markdown, for headings) and
the ``teks`` filter (text escaped now, e.g. each item of a list before ``join``).
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


def _globals(directory_urls: bool) -> dict[str, Any]:
    """What every template may use besides its values: the pieces of HTML the pages share (links to the
    handbook's pages from the page at ``dari``, in the build's URL style; the marks of an empty field) and
    the dates as pages write them."""
    return {
        # (sop, dari): the SOP's page, labelled with its name
        "tautan_sop": _markup(functools.partial(fragments.sop_link, directory_urls=directory_urls)),
        # (instansi, unit, peran, dari): the role's page
        "tautan_peran": _markup(functools.partial(fragments.peran_link, directory_urls=directory_urls)),
        # (peraturan, dari, full=True): the regulation's page, labelled with its citation
        "tautan_peraturan": _markup(functools.partial(fragments.peraturan_link, directory_urls=directory_urls)),
        # (keterkaitan): an SOP outside the handbook, as written
        "tautan_luar": _markup(fragments.sop_luar),
        # (peraturan): its citation in full
        "judul_peraturan": judul_lengkap,
        # (dari, ke): the address of page ``ke`` from page ``dari``
        "alamat": functools.partial(links.relative_url, directory_urls=directory_urls),
        # (no): the id of a step's row in its SOP's flowchart table
        "jangkar": links.anchor,
        # after a step whose pelaksana is reconstructed
        "tanda_rekonstruksi": Markup(fragments.REKONSTRUKSI_MARK),
        # (date): a date as pages write it, "2 Juni 2025"
        "tanggal": tanggal,
        # a field the document does not state: "Tidak tercantum"; one its copy does not show legibly
        "kosong": Markup(fragments.KOSONG),
        "tidak_terbaca": Markup(fragments.TIDAK_TERBACA),
        # the build's URL style, for the renderers' own links (``directory_urls``)
        _URL_STYLE: directory_urls,
    }


_URL_STYLE = "directory_urls"
GLOBALS = tuple(_globals(True))  # their names


def environment(folders: Iterable[str | Path], directory_urls: bool = True) -> jinja2.Environment:
    """The templates of ``folders``, the first holding a name winning (the theme's dirs, in order), linking
    pages by directory URLs or, without ``directory_urls``, by file (``links``)."""
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
    env.globals.update(_globals(directory_urls))
    env.filters["md"] = lambda text: Markup(md(text))  # text as inert inline Markdown: headings
    env.filters["teks"] = _inert  # text as inert HTML now: each item of a list before it is joined
    return env


def directory_urls(templates: jinja2.Environment | None) -> bool:
    """The URL style of ``templates`` (the package's: directory URLs), for links the renderers make."""
    return bool((templates or package()).globals[_URL_STYLE])


def package() -> jinja2.Environment:
    """The package's own templates, for renderers called outside a build (tests, the command line)."""
    return environment([THEME])


def render(templates: jinja2.Environment | None, name: str, **values: Any) -> str:
    """The template ``partials/sop/<name>`` with ``values``; the package's when ``templates`` is None."""
    return (templates or package()).get_template(f"partials/sop/{name}").render(**values)
