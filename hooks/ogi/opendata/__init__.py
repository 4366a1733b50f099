"""Open data: the export protocol, the measure column table, CSV/GeoJSON/XLSX, catalogue, feed, JSON-LD."""
