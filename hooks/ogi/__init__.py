"""Core of the Grüne-Infrastruktur site generator. Plain Python: it never imports mkdocs."""
