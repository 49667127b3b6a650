{#- The cover of the book (mkdocs-print-site-plugin's cover_page_template).
    The plugin renders it without autoescape: the cover is HTML the build wrote
    with every text escaped (render_pages.sampul_buku). -#}
{{ config.extra.sampul_buku }}
