"""The field reference of the editors' guide (docs/redaktion/feldreferenz.md): one table per model and
place in a file, generated from the same models that check the records and write the JSON Schemas."""

from __future__ import annotations

import datetime as dt
import types
import typing
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, HttpUrl
from pydantic.fields import FieldInfo

from ..records.dates import TeilDatum
from ..records.models import TIME_PATTERN
from .schemas import GEOMETRIES, KINDS


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
        table.rows.append(
            FieldRow(
                name=prefix + name,
                typ=", ".join([shape.typ, *_limits(info, shape)]),
                required=info.is_required(),
                description=" ".join(filter(None, [info.description or shape.description, _default(info)])),
                allowed=shape.allowed,
            )
        )
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
        str: "Text",
        int: "ganze Zahl",
        float: "Zahl",
        bool: "true/false",
        dt.date: "Datum (JJJJ-MM-TT)",
        TeilDatum: "Datum (JJJJ, JJJJ-MM oder JJJJ-MM-TT)",
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
        if isinstance(pattern, str) and pattern:
            return pattern
    return None
