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
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import jinja2
import jinja2.ext
from markupsafe import Markup

from . import fragments, links
from .glosarium import abbreviate, abbreviator
from .legal import judul_lengkap
from .model import Singkatan
from .resources import THEME
from .text import h, md, tanggal


def _inert(value: Any) -> Markup:
    """What ``{{ value }}`` writes: Markup as it is, anything else as inert text (``text.h``)."""
    if isinstance(value, Markup):
        return value
    return Markup(h(str(value)))


def _text(glosarium: tuple[Singkatan, ...]) -> Callable[[Any], Markup]:
    """How a value is written in an element's text: Markup as it is, anything else escaped (``text.h``) with
    the hover titles of ``glosarium`` on its abbreviations."""
    titled = abbreviator(glosarium)

    def text(value: Any) -> Markup:
        return value if isinstance(value, Markup) else Markup(titled(h(str(value))))

    return text


def _markup(make: Any) -> Any:
    """``make`` returning Markup: what the package's helpers make is safe HTML already."""
    return lambda *args, **kwargs: Markup(make(*args, **kwargs))


def _globals(directory_urls: bool, glosarium: tuple[Singkatan, ...] = ()) -> dict[str, Any]:
    """What every template may use besides its values: the pieces of HTML the pages share (links to the
    handbook's pages from the page at ``dari``, in the build's URL style; the marks of an empty field) and
    the dates as pages write them."""
    return {
        # (sop, dari): the SOP's page, labelled with its name
        "tautan_sop": _markup(
            functools.partial(fragments.sop_link, directory_urls=directory_urls, glosarium=glosarium)
        ),
        # (instansi, unit, peran, dari): the role's page
        "tautan_peran": _markup(
            functools.partial(fragments.peran_link, directory_urls=directory_urls, glosarium=glosarium)
        ),
        # (peraturan, dari, full=True): the regulation's page, labelled with its citation
        "tautan_peraturan": _markup(
            functools.partial(fragments.peraturan_link, directory_urls=directory_urls, glosarium=glosarium)
        ),
        # (keterkaitan): an SOP outside the handbook, as written
        "tautan_luar": _markup(functools.partial(fragments.sop_luar, glosarium=glosarium)),
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
        # (value): a value in an element's text, escaped, its abbreviations with their hover titles
        "singkat": _text(glosarium),
        _GLOSSARY: glosarium,
    }


_URL_STYLE = "directory_urls"
_GLOSSARY = "glosarium"
GLOBALS = tuple(name for name in _globals(True) if name not in (_URL_STYLE, _GLOSSARY))  # their names


# A template's source in the parts that the glossary's hover titles treat alike: left as they are (a
# comment, a Mermaid fence, an element whose text is code or an abbreviation, a tag with its attributes, a
# Markdown heading line (the abbr extension titles headings), a block tag), a value written (an
# expression), and the text between them.
_SOURCE = re.compile(
    r"(?P<kept>\{#.*?#\}|```mermaid\n.*?```|<(?P<tag>(?i:code|abbr|pre|script|style)\b)[^>]*>.*?</(?P=tag)\s*>"
    r"|<[^>]+>|(?:^|(?<=\n))[ \t]*\#[^\n]*|\{%.*?%\})"
    r"|\{\{(?P<left>-?)(?P<value>.*?)(?P<right>-?)\}\}",
    re.DOTALL,
)


class HoverTitles(jinja2.ext.Extension):
    """The glossary's hover titles (``<abbr title="...">``) in the templates of ``partials/sop/``, as they
    are compiled: an abbreviation of a template's own text gets its title there and then, and every value
    written in the text of an element goes through ``singkat`` (escaped, its abbreviations titled). Values
    in a tag (attributes), code, headings (which Markdown's abbr extension titles) and the diagram's source
    are written as they are. The glossary is the environment's ``glosarium``; without one, nothing changes.
    """

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        entries: tuple[Singkatan, ...] = self.environment.globals.get(_GLOSSARY, ())  # type: ignore[assignment]
        if not entries or not (name or "").startswith("partials/sop/"):
            return source

        def part(match: re.Match[str]) -> str:
            if match.group("kept") is not None:
                return match.group()
            return f"{{{{{match['left']} singkat({match['value']}) {match['right']}}}}}"

        parts, end = [], 0
        for match in _SOURCE.finditer(source):
            parts += [abbreviate(source[end : match.start()], entries), part(match)]
            end = match.end()
        return "".join([*parts, abbreviate(source[end:], entries)])


def environment(
    folders: Iterable[str | Path], directory_urls: bool = True, glosarium: tuple[Singkatan, ...] = ()
) -> jinja2.Environment:
    """The templates of ``folders``, the first holding a name winning (the theme's dirs, in order), linking
    pages by directory URLs or, without ``directory_urls``, by file (``links``); the abbreviations of
    ``glosarium`` in their text get its hover titles (``HoverTitles``)."""
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
        extensions=[HoverTitles],
    )
    env.globals.update(_globals(directory_urls, glosarium))
    env.filters["md"] = lambda text: Markup(md(text))  # text as inert inline Markdown: headings
    env.filters["teks"] = env.globals["singkat"]  # text as inert HTML now: each item of a list before join
    return env


def directory_urls(templates: jinja2.Environment | None) -> bool:
    """The URL style of ``templates`` (the package's: directory URLs), for links the renderers make."""
    return bool((templates or package()).globals[_URL_STYLE])


@functools.cache
def package() -> jinja2.Environment:
    """The package's own templates, for renderers called outside a build (tests, the command line)."""
    return environment([THEME])


def render(templates: jinja2.Environment | None, name: str, **values: Any) -> str:
    """The template ``partials/sop/<name>`` with ``values``; the package's when ``templates`` is None."""
    return (templates or package()).get_template(f"partials/sop/{name}").render(**values)
