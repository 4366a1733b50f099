"""JSON Schemas and the field reference, both derived from the models in models.py.

The schemas in schemas/*.schema.json let editors' tools (VS Code with the YAML extension, and any
editor that speaks the yaml-language-server protocol) autocomplete keys and flag mistakes while
typing. The field reference is the same information as tables for the editors' guide.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..records.betreiber import Betreiber
from ..records.models import FoerdersummenDatei, KommunenDatei, MeilensteineDatei
from ..records.projekt import Flaeche, Linie, Projekt, Punkt
from ..records.tagung import Beitrag, Tagung

SCHEMAS_DIR = "schemas"
# Draft 7: the dialect VS Code's YAML extension (yaml-language-server) validates; it warns that
# 2020-12 schemas are "not yet fully supported" (redhat-developer/vscode-yaml#726).
JSON_SCHEMA_DIALECT = "http://json-schema.org/draft-07/schema#"
PARTIAL_DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
GEOMETRIES = (Punkt, Linie, Flaeche)


@dataclass(frozen=True)
class Kind:
    """One kind of content file: its model, its schema file and which files use it."""

    name: str
    model: type[BaseModel]
    title: str
    files: str  # glob below the project root

    @property
    def schema_file(self) -> str:
        return f"{SCHEMAS_DIR}/{self.name}.schema.json"


KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        Kind("projekt", Projekt, "Maßnahme der Offensive Grüne Infrastruktur 2030", "content/projects/*.yml"),
        # Every folder of content/ with a tagung.yml is an event; projekt is matched before beitrag.
        Kind("beitrag", Beitrag, "Beitrag einer Veranstaltung", "content/*/*.yml"),
        Kind("tagung", Tagung, "Eine Veranstaltung (Tage, Sessions, Quellen)", "content/*/tagung.yml"),
        Kind("kommunen", KommunenDatei, "Die Kommunen des RVR-Gebiets", "content/kommunen.yml"),
        Kind("betreiber", Betreiber, "Angaben zum Betreiber der Website", "content/betreiber.yml"),
        Kind("meilensteine", MeilensteineDatei, "Meilensteine der Offensive", "content/meilensteine.yml"),
        Kind("foerdersummen", FoerdersummenDatei, "Fördersummen des Programms", "content/foerdersummen.yml"),
    )
}


def kind_of(relative_path: str) -> Kind:
    """The kind of a content file, from its path relative to the project root (KeyError if none)."""
    path = Path(relative_path)
    # tagung.yml is checked before the beitrag pattern, which matches it too.
    for name in ("tagung", "projekt", "beitrag", "kommunen", "betreiber", "meilensteine", "foerdersummen"):
        if path.match(KINDS[name].files) and len(path.parts) == len(Path(KINDS[name].files).parts):
            return KINDS[name]
    raise KeyError(relative_path)


def schema_comment(relative_path: str) -> str:
    """The first line of a content file: `# yaml-language-server: $schema=<relative path to its schema>`."""
    depth = len(Path(relative_path).parts) - 1
    return f"# yaml-language-server: $schema={'../' * depth}{kind_of(relative_path).schema_file}"


def json_schema(kind: Kind) -> dict[str, Any]:
    """The JSON Schema of one kind of content file, with German help texts only."""
    schema = kind.model.model_json_schema()
    _strip_generated_texts(schema)
    for definition in schema.get("$defs", {}).values():
        definition.pop("description", None)  # class docstrings are English notes for developers
    schema.pop("description", None)
    _accept_years_as_numbers(schema)
    schema = _as_draft7(schema)
    return {"$schema": JSON_SCHEMA_DIALECT, "title": kind.title, **schema}


def schema_text(kind: Kind) -> str:
    """The schema file's exact text: stable key order, UTF-8, one trailing newline."""
    return json.dumps(json_schema(kind), ensure_ascii=False, indent=2) + "\n"


def write_schemas(root: Path) -> list[str]:
    """Write every schema below `root`; return the files whose text changed."""
    changed = []
    for kind in KINDS.values():
        target = root / kind.schema_file
        text = schema_text(kind)
        if not target.is_file() or target.read_text(encoding="utf-8") != text:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            changed.append(kind.schema_file)
    return changed


def stale_schemas(root: Path) -> list[str]:
    """Schema files below `root` that are missing or differ from what the models give."""
    return [
        kind.schema_file
        for kind in KINDS.values()
        if not (root / kind.schema_file).is_file()
        or (root / kind.schema_file).read_text(encoding="utf-8") != schema_text(kind)
    ]


def _strip_generated_texts(node: Any) -> None:
    # pydantic derives titles such as "Betrag Eur" from key names; they only add noise in editors.
    if isinstance(node, dict):
        if isinstance(node.get("title"), str):
            del node["title"]
        for value in node.values():
            _strip_generated_texts(value)
    elif isinstance(node, list):
        for value in node:
            _strip_generated_texts(value)


def _as_draft7(node: Any) -> Any:
    """pydantic writes 2020-12: `$defs`, and `$ref` with sibling keys, which draft 7 would ignore."""
    if isinstance(node, list):
        return [_as_draft7(value) for value in node]
    if not isinstance(node, dict):
        return node
    # `discriminator` is OpenAPI, not JSON Schema: oneOf with each geometry's `type` const does its job.
    result = {
        ("definitions" if key == "$defs" else key): _as_draft7(value)
        for key, value in node.items()
        if key != "discriminator"
    }
    if "$ref" in result:
        result["$ref"] = result["$ref"].replace("#/$defs/", "#/definitions/")
        if len(result) > 1:
            ref = result.pop("$ref")
            result = {"allOf": [{"$ref": ref}], **result}
    return result


def _accept_years_as_numbers(node: Any) -> None:
    # YAML reads an unquoted year such as 2020 as a number; the loader accepts it as a date.
    if isinstance(node, dict):
        if node.get("pattern") == PARTIAL_DATE_PATTERN and node.get("type") == "string":
            text = dict(node)
            description = text.pop("description", None)
            node.clear()
            node["anyOf"] = [text, {"type": "integer", "minimum": 1900, "maximum": 2100}]
            if description:
                node["description"] = description
            return
        for value in node.values():
            _accept_years_as_numbers(value)
    elif isinstance(node, list):
        for value in node:
            _accept_years_as_numbers(value)
