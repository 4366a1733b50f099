"""The editing page's form fields, made from the models: one Decap CMS field per model field (label, hint,
required, pattern, choices, nested objects and lists) and the field order formulare.js writes records in."""

from __future__ import annotations

import datetime as dt
import types
import typing
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, HttpUrl
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from ..records.betreiber import Betreiber
from ..records.dates import TeilDatum
from ..records.models import PATTERN_HINTS, Markdown, MeilensteineDatei
from ..records.projekt import Flaeche, Linie, Projekt, Punkt
from ..records.tagung import Beitrag, Tagung

GEOMETRIE_WIDGET = "ogi-lage"  # formulare.js registers it: draws on the site's base map, writes GeoJSON
GEOMETRIES = {Punkt, Linie, Flaeche}
KIND_FIELD = "ogi_datei"  # set by formulare.js when it reads a file, never written: which record kind it is

# Labels where the key alone would lose an umlaut or a unit; every other key becomes its label capitalised,
# `_` as a space (`kurzbeschreibung` → "Kurzbeschreibung").
LABELS = {
    "traeger": "Träger",
    "foerderung": "Förderung",
    "foerdergeber": "Fördergeber",
    "betrag_eur": "Betrag in Euro",
    "anteil_prozent": "Anteil in Prozent",
    "radius_m": "Umkreis in Metern",
    "dauer_min": "Dauer in Minuten",
    "anhaenge": "Anhänge",
    "url": "Adresse (URL)",
    "archiv_url": "Archivierte Fassung (URL)",
    "status_beleg": "Beleg des Status",
    "datenstand": "Datenstand",
    "plz": "PLZ",
    "strasse": "Straße",
    "email": "E-Mail",
    "id": "Kurzname (id)",
    "kostenfrei": "Kostenfrei",
    "verschieden_von": "Verschieden von",
    "datenschutzbeauftragte": "Datenschutzbeauftragte",
    "datenbereitsteller_id": "Kennung des Datenbereitstellers",
    "geometrie": "Lage auf der Karte",
    "beginn": "Beginn",
    "ende": "Ende",
    "rund": "Rund (ungefährer Betrag)",
}
TAGESDATUM_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
TEILDATUM_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
URL_PATTERN = r"^https?://\S+$"
MESSAGES = {
    TAGESDATUM_PATTERN: "erwartet ein Datum als JJJJ-MM-TT, z. B. 2020-11-26",
    TEILDATUM_PATTERN: "erwartet JJJJ, JJJJ-MM oder JJJJ-MM-TT, z. B. 2020-07-17",
    URL_PATTERN: "erwartet eine Adresse, die mit https:// beginnt",
}


@dataclass(frozen=True)
class Auswahl:
    """Choices of one collection that the models leave open: the Kommunen, an event's days and sessions."""

    kommunen: tuple[str, ...] = ()
    tage: tuple[str, ...] = ()
    sessions: tuple[str, ...] = ()


def label(key: str) -> str:
    return LABELS.get(key) or key.replace("_", " ").capitalize()


def _unwrap(annotation: Any) -> tuple[Any, list[Any], bool]:
    """(core type, metadata of every Annotated layer, whether it is one of several options) of an annotation."""
    metadata: list[Any] = []
    while True:
        if typing.get_origin(annotation) is typing.Annotated:
            args = typing.get_args(annotation)
            metadata.extend(args[1:])
            annotation = args[0]
            continue
        if typing.get_origin(annotation) in (typing.Union, types.UnionType):
            options = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(options) == 1:
                annotation = options[0]
                continue
        return annotation, metadata, False


def _constraint(metadata: list[Any], name: str) -> Any:
    for meta in metadata:
        value = getattr(meta, name, None)
        if value is not None:
            return value
        for inner in getattr(meta, "metadata", []) or []:  # a FieldInfo inside Annotated keeps its own list
            value = getattr(inner, name, None)
            if value is not None:
                return value
    return None


def _is_markdown(annotation: Any) -> bool:
    options = (
        typing.get_args(annotation)
        if typing.get_origin(annotation) in (typing.Union, types.UnionType)
        else (annotation,)
    )
    return any(option == Markdown for option in options)


def model_fields(
    model: type[BaseModel], auswahl: Auswahl, where: str, in_optional: str = "", in_list: bool = False
) -> list[dict[str, Any]]:
    """The form fields of a model, in the model's order; `where` is the model path, e.g. "Projekt.lage".

    `in_optional` names the optional group the fields belong to (e.g. "Fertigstellung"): Decap would demand its
    required fields even when the whole group stays empty, so there they are optional in the form, their hint
    says when they are needed, and `make check` refuses a half-filled group. Fields of list entries (`in_list`)
    get no default: Decap would add an entry to every new record only to hold it; the hint names the default.
    """
    return [
        form_field(name, info, auswahl, f"{where}.{name}", in_optional, in_list)
        for name, info in model.model_fields.items()
    ]


def form_field(
    name: str, info: FieldInfo, auswahl: Auswahl, where: str, in_optional: str = "", in_list: bool = False
) -> dict[str, Any]:
    field: dict[str, Any] = {"name": name, "label": label(name), "required": info.is_required() and not in_optional}
    metadata = [*info.metadata]
    core, inner_meta, _ = _unwrap(info.annotation)
    metadata.extend(inner_meta)
    description = info.description or next(
        (m.description for m in inner_meta if isinstance(m, FieldInfo) and m.description), None
    )
    if info.is_required() and in_optional:
        description = f"{description or ''} Pflicht, sobald „{in_optional}“ ausgefüllt wird.".strip()
    has_default = info.default not in (None, PydanticUndefined) and info.default_factory is None
    if has_default and in_list:
        description = f"{description or ''} Ohne Angabe: {info.default}.".strip()
    if description:
        field["hint"] = description
    if has_default and not in_list:
        field["default"] = info.default
    group = in_optional or ("" if info.is_required() else label(name))
    field.update(_widget(core, metadata, info, auswahl, where, group))
    return field


def _widget(
    core: Any, metadata: list[Any], info: FieldInfo, auswahl: Auswahl, where: str, group: str = ""
) -> dict[str, Any]:
    special = _special(where, auswahl)
    if special is not None:
        return special
    origin = typing.get_origin(core)
    if origin in (typing.Union, types.UnionType) and set(typing.get_args(core)) == GEOMETRIES:
        return {"widget": GEOMETRIE_WIDGET}
    if origin is typing.Literal:
        return {"widget": "select", "options": [str(a) for a in typing.get_args(core)]}
    if origin is list:
        (item,) = typing.get_args(core)
        item_core, item_meta, _ = _unwrap(item)
        result: dict[str, Any] = {"widget": "list"}
        minimum = _constraint(metadata, "min_length")
        if minimum:
            result["min"] = minimum
        if isinstance(item_core, type) and issubclass(item_core, BaseModel):
            result["fields"] = model_fields(item_core, auswahl, where, in_list=True)
            result["summary"] = _summary(item_core)
            result["collapsed"] = False
        else:
            entry = {"name": "eintrag", "label": label(where.rsplit(".", 1)[-1]), "widget": "string"}
            result["field"] = entry
        return result
    if isinstance(core, type) and issubclass(core, BaseModel):
        return {"widget": "object", "collapsed": False, "fields": model_fields(core, auswahl, where, group)}
    if core is bool:
        return {"widget": "boolean"}
    if core is int or core is float:
        result = {"widget": "number", "value_type": "int" if core is int else "float"}
        low = _constraint(metadata, "ge")
        high = _constraint(metadata, "le")
        if low is not None:
            result["min"] = low
        if high is not None:
            result["max"] = high
        if core is float:
            result["step"] = 0.01
        return result
    if core is dt.date:
        return _string(TAGESDATUM_PATTERN)
    if core is TeilDatum:
        return _string(TEILDATUM_PATTERN)
    if core is HttpUrl:
        return _string(URL_PATTERN)
    pattern = _constraint(metadata, "pattern")
    if pattern:
        return _string(pattern)
    longest = _constraint(metadata, "max_length")
    if _is_markdown(info.annotation) or longest:
        result = {"widget": "text"}
        if longest:
            result["pattern"] = [rf"^[\s\S]{{0,{longest}}}$", f"höchstens {longest} Zeichen"]
        return result
    return {"widget": "string"}


def _string(pattern: str) -> dict[str, Any]:
    return {
        "widget": "string",
        "pattern": [pattern, MESSAGES.get(pattern) or PATTERN_HINTS.get(pattern) or "hat nicht die erwartete Form"],
    }


def _special(where: str, auswahl: Auswahl) -> dict[str, Any] | None:
    """Fields whose choices or files come from the site, not from the model alone."""
    if where == "Projekt.kommunen" and auswahl.kommunen:
        return {"widget": "select", "multiple": True, "min": 1, "options": list(auswahl.kommunen)}
    if where == "Beitrag.tag" and auswahl.tage:
        return {"widget": "select", "options": list(auswahl.tage)}
    if where == "Beitrag.session" and auswahl.sessions:
        return {"widget": "select", "options": list(auswahl.sessions)}
    # Files go where the records name them: a measure's photos to content/projects/bilder/, an event's files
    # to its anhaenge/; the field keeps only the file name (public_folder ""), as a hand-written record does.
    if where == "Projekt.bilder.datei":
        return {"widget": "image", "media_folder": "bilder", "public_folder": "", "choose_url": False}
    if where in ("Beitrag.anhaenge.datei", "Tagung.dokumentation.datei"):
        return {"widget": "file", "media_folder": "anhaenge", "public_folder": "", "choose_url": False}
    return None


def _summary(model: type[BaseModel]) -> str:
    for key in ("titel", "name", "datum", "rolle"):
        if key in model.model_fields:
            return "{{fields." + key + "}}"
    return ""


# --- the field order formulare.js writes each record in --------------------------------------------


def key_order(model: type[BaseModel]) -> dict[str, Any]:
    """{"": [keys in model order], key: the order below it} for every nested model, list of models too."""
    order: dict[str, Any] = {"": list(model.model_fields)}
    for name, info in model.model_fields.items():
        core, _, _ = _unwrap(info.annotation)
        if typing.get_origin(core) is list:
            core, _, _ = _unwrap(typing.get_args(core)[0])
        if isinstance(core, type) and issubclass(core, BaseModel):
            order[name] = key_order(core)
    return order


KINDS: dict[str, type[BaseModel]] = {
    "projekt": Projekt,
    "tagung": Tagung,
    "beitrag": Beitrag,
    "meilensteine": MeilensteineDatei,
    "betreiber": Betreiber,
}
