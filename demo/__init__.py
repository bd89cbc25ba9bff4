"""The demo content: the Novi Sad office's site as `manage.py load_demo_content` builds it.

The data (texts, translations, dates, amounts, comments) is in demo/data/; the modules here
only build it, one per section, with `builder.build_demo_site` running them in order. Nothing
in the product imports this app; it may import every app.
"""
