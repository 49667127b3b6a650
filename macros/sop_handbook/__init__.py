"""SOP handbook: YAML sources of SOP AP (Permenpan RB 35/2012) to a handbook site.

The flow runs one way: ``yamlsource`` reads files with line numbers,
``schema`` validates them, ``loader`` builds the immutable ``model`` and
``checks`` cross-checks the whole handbook; ``render``, ``mermaid`` and
``export`` turn the model into strings. Nothing here imports MkDocs except
``site`` and the adapters over it: ``plugin`` (the MkDocs plugin ``sop-handbook``)
and ``pluglet`` (the page macros for mkdocs-macros).
"""
