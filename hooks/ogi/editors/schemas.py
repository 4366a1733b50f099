"""JSON Schemas and the field reference, both derived from the models in models.py.

The schemas in schemas/*.schema.json let editors' tools (VS Code with the YAML extension, and any
editor that speaks the yaml-language-server protocol) autocomplete keys and flag mistakes while
typing. The field reference is the same information as tables for the editors' guide.
"""

from __future__ import annotations

import datetime as dt
import json
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, HttpUrl
from pydantic.fields import FieldInfo

from ..records.dates import TeilDatum
from ..records.models import (
    TIME_PATTERN,
    Beitrag,
    Betreiber,
    Flaeche,
    FoerdersummenDatei,
    KommunenDatei,
    Linie,
    MeilensteineDatei,
    Projekt,
    Punkt,
    Tagung,
)

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


# --- JSON Schema ----------------------------------------------------------------------------------


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
    result = {("definitions" if key == "$defs" else key): _as_draft7(value)
              for key, value in node.items() if key != "discriminator"}
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


# --- field reference ------------------------------------------------------------------------------


@dataclass(frozen=True)
class FieldRow:
    """One line of the field reference."""

    name: str
    typ: str
    required: bool
    description: str
    allowed: tuple[str, ...] = ()


@dataclass
class FieldTable:
    """The fields of one model, as they appear at one place in a file."""

    heading: str
    rows: list[FieldRow] = field(default_factory=list)


@dataclass(frozen=True)
class _Shape:
    typ: str
    allowed: tuple[str, ...] = ()
    model: type[BaseModel] | None = None
    description: str | None = None


def field_reference(kind_name: str) -> list[FieldTable]:
    """Tables of all fields of a kind of file: the top level first, then each group of sub-fields."""
    tables: list[FieldTable] = []
    _add_table(KINDS[kind_name].model, "", "Felder der Datei", tables)
    return tables


def _add_table(model: type[BaseModel], prefix: str, heading: str, tables: list[FieldTable]) -> None:
    table = FieldTable(heading)
    tables.append(table)
    nested: list[tuple[type[BaseModel], str, str]] = []
    for name, info in model.model_fields.items():
        shape = _shape(info.annotation, info)
        table.rows.append(FieldRow(
            name=prefix + name,
            typ=", ".join([shape.typ, *_limits(info, shape)]),
            required=info.is_required(),
            description=" ".join(filter(None, [info.description or shape.description, _default(info)])),
            allowed=shape.allowed,
        ))
        if shape.model is not None:
            if shape.typ.startswith("Liste"):
                nested.append((shape.model, f"{prefix}{name}[].", f"Jeder Eintrag in `{prefix}{name}`"))
            else:
                nested.append((shape.model, f"{prefix}{name}.", f"Unterfelder von `{prefix}{name}`"))
    for sub_model, sub_prefix, sub_heading in nested:
        _add_table(sub_model, sub_prefix, sub_heading, tables)


def _shape(annotation: Any, info: FieldInfo | None = None) -> _Shape:
    """German name of a type, its allowed values, and the model to describe below it."""
    description = None
    while typing.get_origin(annotation) is typing.Annotated:
        args = typing.get_args(annotation)
        for meta in args[1:]:
            if isinstance(meta, FieldInfo) and meta.description:
                description = meta.description
        annotation = args[0]
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(annotation) if a is not type(None)]
        if set(options) == set(GEOMETRIES):
            return _Shape("GeoJSON-Geometrie", ("Point", "LineString", "Polygon"), description=description)
        if len(options) == 1:
            inner = _shape(options[0])
            return _Shape(inner.typ, inner.allowed, inner.model, inner.description or description)
    if origin is typing.Literal:
        return _Shape("Auswahl", tuple(str(a) for a in typing.get_args(annotation)), description=description)
    if origin is list:
        (item,) = typing.get_args(annotation)
        inner = _shape(item)
        if inner.typ == "Zahl":
            return _Shape("[Länge, Breite]", description=inner.description or description)
        typ = "Liste von Einträgen mit Unterfeldern" if inner.model else f"Liste, je Eintrag: {inner.typ}"
        return _Shape(typ, inner.allowed, inner.model, description or inner.description)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return _Shape("Unterfelder (siehe unten)", model=annotation, description=description)
    pattern = _pattern(info) if info is not None else None
    names = {
        str: "Text", int: "ganze Zahl", float: "Zahl", bool: "true/false",
        dt.date: "Datum (JJJJ-MM-TT)", TeilDatum: "Datum (JJJJ, JJJJ-MM oder JJJJ-MM-TT)",
        HttpUrl: "Adresse (https://…)",
    }
    if annotation is str and (pattern == TIME_PATTERN or (description or "").startswith("Uhrzeit")):
        return _Shape("Uhrzeit (HH:MM)", description=description)
    return _Shape(names.get(annotation, getattr(annotation, "__name__", str(annotation))), description=description)


def _limits(info: FieldInfo, shape: _Shape) -> list[str]:
    """Length and range rules of a field, in words: 'höchstens 300 Zeichen', 'mindestens 1 Eintrag'."""
    words = []
    for meta in info.metadata:
        if getattr(meta, "min_length", None) and shape.typ.startswith("Liste"):
            words.append(f"mindestens {meta.min_length} Eintrag" + ("" if meta.min_length == 1 else "e"))
        if getattr(meta, "max_length", None):
            words.append(f"höchstens {meta.max_length} Zeichen")
        for key, text in (("ge", "mindestens"), ("gt", "größer als"), ("le", "höchstens"), ("lt", "kleiner als")):
            if getattr(meta, key, None) is not None:
                words.append(f"{text} {getattr(meta, key)}")
    return words


def _default(info: FieldInfo) -> str:
    if info.is_required() or info.default is None or info.default_factory is not None:
        return ""
    return f"Standard: {info.default}."


def _pattern(info: FieldInfo) -> str | None:
    for meta in info.metadata:
        pattern = getattr(meta, "pattern", None)
        if pattern:
            return pattern
    return None
