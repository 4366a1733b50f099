"""Tools for editors and operators: schemas, field reference, scaffolds, source check, site comparisons."""
