"""Turn pydantic's findings into German messages located at file, line and field."""

from __future__ import annotations

import re
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from .errors import ContentError, did_you_mean, field_name, visible
from .models import PATTERN_HINTS
from .yaml_loader import NumberLikeText
from .yaml_messages import Loc
from .yaml_slips import decimal_comma
from .yamlfile import YamlFile

_TYPE_NAMES = {
    str: "Text",
    int: "eine Zahl",
    float: "eine Zahl",
    bool: "true/false",
    list: "eine Liste",
    dict: "Unterfelder",
    type(None): "einen leeren Wert",
}


def validate(model: type[BaseModel], source: YamlFile) -> tuple[Any, list[ContentError]]:
    """Validate the data of `source` as `model`; return the record or all errors of the file."""
    if not isinstance(source.data, dict):
        return None, [
            ContentError(
                source.path,
                source.line_of(()),
                "(Datei)",
                f"die Datei muss aus Feldern bestehen („name: Wert“); gefunden {_kind(source.data)}",
            )
        ]
    try:
        return model.model_validate(source.data), []
    except ValidationError as exc:
        return None, [_to_content_error(model, source, error) for error in exc.errors(include_url=False)]


def _to_content_error(model: type[BaseModel], source: YamlFile, error: Any) -> ContentError:
    loc, owner = _resolve(model, source.data, tuple(error["loc"]))
    kind = error["type"]
    if kind == "missing":
        line = source.line_of(loc[:-1])
    else:
        line = source.line_of(loc)
    return ContentError(source.path, line, field_name(loc), _message(error, loc, owner))


def _resolve(model: type[BaseModel], data: Any, loc: Loc) -> tuple[Loc, type[BaseModel] | None]:
    """Drop pydantic's union tags from `loc`; also find the model that owns the last key."""
    clean: list[str | int] = []
    owner: type[BaseModel] | None = model
    current_model: type[BaseModel] | None = model
    for index, part in enumerate(loc):
        last = index == len(loc) - 1
        if isinstance(data, dict) and isinstance(part, str):
            if part not in data and not last:
                continue  # a discriminator tag such as "Point"
            owner = current_model
            clean.append(part)
            annotation = (
                current_model.model_fields[part].annotation
                if current_model and part in current_model.model_fields
                else None
            )
            data = data.get(part)
            current_model = _model_in(annotation, data)
        elif isinstance(data, list) and isinstance(part, int):
            clean.append(part)
            data = data[part] if part < len(data) else None
        elif not last:
            continue
        else:
            clean.append(part)
    return tuple(clean), owner


def _model_in(annotation: Any, data: Any) -> type[BaseModel] | None:
    """The model class inside an annotation such as `list[Quelle] | None` that fits `data`."""
    if annotation is None:
        return None
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    candidates = [m for arg in typing.get_args(annotation) if (m := _model_in(arg, data)) is not None]
    if isinstance(data, list):
        data = data[0] if data else None
    for candidate in candidates:
        tag = candidate.model_fields.get("type")
        if tag is None or (isinstance(data, dict) and data.get("type") in typing.get_args(tag.annotation)):
            return candidate
    return candidates[0] if candidates else None


def _has_decimal_comma(value: Any) -> bool:
    return isinstance(value, str) and re.fullmatch(r"[-+]?\d+,\d+", value) is not None


def _kind(value: Any) -> str:
    for python_type, name in _TYPE_NAMES.items():
        if isinstance(value, python_type) and not (python_type is int and isinstance(value, bool)):
            return name
    return type(value).__name__


def not_allowed(value: Any, allowed: list[str]) -> str:
    """The message for a value outside a fixed list (content files and `make new-beitrag ART=…`)."""
    return f"{_shown(value)} ist nicht erlaubt{did_you_mean(str(value), allowed)}; erlaubt sind: " + ", ".join(
        f"„{a}“" for a in allowed
    )


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return f"„{str(value).lower()}“"
    text = visible(str(getattr(value, "source", value)))
    return f"„{text if len(text) <= 60 else text[:57] + '…'}“"


def _empty(loc: Loc, owner: type[BaseModel] | None) -> str:
    """One advice for an empty value: a required field needs text, an optional one may go."""
    name = loc[-1] if loc else None
    field = owner.model_fields.get(name) if owner is not None and isinstance(name, str) else None
    if field is not None and not field.is_required():
        return "ist leer; Text eintragen oder die ganze Zeile löschen"
    return "ist leer, wird aber gebraucht; Text eintragen" + (
        f" ({field.description.rstrip('.')})" if field is not None and field.description else ""
    )


def _message(error: Any, loc: Loc, owner: type[BaseModel] | None) -> str:
    kind, ctx, value = error["type"], error.get("ctx", {}), error.get("input")
    if kind == "missing":
        hint = ""
        if owner is not None and loc and loc[-1] in owner.model_fields:
            description = owner.model_fields[loc[-1]].description
            hint = f" ({description.rstrip('.')})" if description else ""
        return f"Pflichtfeld fehlt; „{loc[-1]}: …“ ergänzen{hint}"
    if kind == "extra_forbidden":
        allowed = list(owner.model_fields) if owner else []
        return f"unbekanntes Feld{did_you_mean(str(loc[-1]), allowed)}; erlaubt sind: " + ", ".join(allowed)
    if kind in ("value_error", "assertion_error"):
        return str(ctx.get("error", error["msg"]))
    if kind == "literal_error":
        return not_allowed(value, re.findall(r"'([^']*)'", ctx.get("expected", "")))
    if kind == "union_tag_invalid":
        allowed = re.findall(r"'([^']*)'", ctx.get("expected_tags", ""))
        return (
            f"Geometrietyp {_shown(ctx.get('tag'))} ist unbekannt{did_you_mean(str(ctx.get('tag')), allowed)}; "
            f"erlaubt sind: {', '.join(allowed)}"
        )
    if kind == "union_tag_not_found":
        return "das Feld „type“ fehlt; Point, LineString oder Polygon angeben"
    if kind == "string_too_short" or (kind == "string_type" and value is None):
        return _empty(loc, owner)
    if kind == "string_type":
        return f"erwartet Text, gefunden {_kind(value)}; den Wert in Anführungszeichen setzen"
    if kind in ("int_type", "int_parsing", "int_from_float") and _has_decimal_comma(value):
        whole, fraction = value.split(",")
        if fraction.strip("0"):
            return f"Dezimalkomma: {value}; hier steht eine ganze Zahl ohne Nachkommastellen, z. B. {whole}"
        return decimal_comma([(value, whole)], "ganze Zahlen ohne Komma und Nachkommastellen schreiben")
    if kind in ("float_type", "float_parsing") and _has_decimal_comma(value):
        return decimal_comma([(value, value.replace(",", "."))], "Zahlen mit Dezimalpunkt schreiben")
    if kind in ("int_type", "int_parsing", "int_from_float"):
        written = str(getattr(value, "source", value))
        if isinstance(value, float) and re.fullmatch(r"\d{1,3}(\.\d{3})+", written):
            return (
                f"„{written}“ ist mit Tausenderpunkt geschrieben, YAML liest das als Kommazahl "
                f"{written.replace('.', ',', 1)}; ohne Punkt schreiben: {written.replace('.', '')}"
            )
        if isinstance(value, str) and not isinstance(value, NumberLikeText) and re.fullmatch(r"\d+", value):
            return f"erwartet eine Zahl, gefunden Text „{value}“; die Zahl ohne Anführungszeichen schreiben: {value}"
        return (
            f"erwartet eine ganze Zahl, gefunden {_shown(value)}; nur Ziffern ohne führende Null, Punkt oder "
            "andere Zeichen, z. B. 150000"
        )
    if kind in ("float_type", "float_parsing", "finite_number"):
        return f"erwartet eine Zahl, gefunden {_shown(value)}; Dezimalpunkt statt Komma, z. B. 51.55"
    if kind in ("bool_type", "bool_parsing"):
        return f"erwartet true oder false, gefunden {_shown(value)}"
    if kind == "list_type":
        return f"erwartet eine Liste, gefunden {_kind(value)}; jeden Eintrag in eine eigene Zeile mit „- “ schreiben"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"erwartet eingerückte Unterfelder, gefunden {_kind(value)}"
    if kind.startswith("date") or kind.startswith("datetime"):
        return f"{_shown(value)} ist kein gültiges Datum; erwartet JJJJ-MM-TT, z. B. 2020-11-26"
    if kind == "string_pattern_mismatch":
        hint = PATTERN_HINTS.get(ctx.get("pattern", ""), "Schreibweise prüfen")
        return f"{_shown(value)} hat nicht die erwartete Form; {hint}"
    if kind == "string_too_long":
        return f"ist zu lang ({len(str(value))} Zeichen); höchstens {ctx.get('max_length')} Zeichen, ein Satz genügt"
    if kind == "too_short":
        if loc and loc[-1] == "coordinates" or (len(loc) > 1 and isinstance(loc[-1], int)):
            return f"zu wenige Werte; mindestens {ctx.get('min_length')} angeben"
        minimum = ctx.get("min_length")
        return "braucht mindestens einen Eintrag" if minimum == 1 else f"braucht mindestens {minimum} Einträge"
    if kind == "too_long":
        return f"zu viele Werte ({ctx.get('actual_length')}); höchstens {ctx.get('max_length')}, z. B. [Länge, Breite]"
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        words = {
            "greater_than_equal": "mindestens",
            "greater_than": "größer als",
            "less_than_equal": "höchstens",
            "less_than": "kleiner als",
        }
        limit = next(iter(ctx.values()), "")
        if isinstance(limit, float) and limit.is_integer():
            limit = int(limit)
        return f"{_shown(value)} ist nicht erlaubt; der Wert muss {words[kind]} {limit} sein"
    if kind.startswith("url"):
        return f"{_shown(value)} ist keine gültige Adresse; erwartet https://…"
    return f"ungültiger Wert {_shown(value)} ({error['msg']})"
