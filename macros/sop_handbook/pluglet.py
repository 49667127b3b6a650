"""The handbook's page macros as an mkdocs-macros pluglet (``macros: modules: [sop_handbook.pluglet]``).

Authors' own pages can call them too, e.g. ``{{ daftar_sop() }}`` or ``{{ glosarium() }}``.
"""

from typing import Any

from mkdocs.exceptions import PluginError

from . import site

PLUGIN = "sop-handbook"  # the plugin whose build the macros draw from


def define_env(env: Any) -> None:
    """Called by mkdocs-macros once per build, after the sop-handbook plugin has loaded the sources."""
    plugin = env.conf.plugins.get(PLUGIN)
    if plugin is None:
        raise PluginError(f"sop_handbook.pluglet: pasang juga plugin '{PLUGIN}' di mkdocs.yml (plugins)")
    site.define_macros(env, plugin.build)
