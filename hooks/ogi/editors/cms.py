"""The editing page "Formulare" (redaktion/bearbeiten/): Decap CMS over the same YAML records and the same Git.

Its configuration (config.yml) is generated here from the models at every build, never written by hand: field
names, German labels and hints (the Field descriptions), required fields, patterns, choices (Literal values, the
Kommunen of content/kommunen.yml, each event's days and sessions) and nested lists. The page itself loads only
files of the site (Decap CMS and js-yaml vendored with their hashes, assets/formulare/README.md); formulare.js
reads and writes each record as YAML in the field order of its model and draws a measure's place on the site's
own base map. See README.md ("Formulare") for sign-in and the local backend.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from markupsafe import Markup
from pydantic import BaseModel, HttpUrl
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from ..maps.assets import asset_links, drawing_files
from ..maps.karten import ZOOM_GEBIET, ansicht, basis_optionen, region_box
from ..model import urls
from ..model.output import Output
from ..records.betreiber import Betreiber
from ..records.dates import TeilDatum
from ..records.layout import CONTENT_DIR, PROJECTS_DIR, TAGUNG_FILE
from ..records.models import PATTERN_HINTS, Markdown, MeilensteineDatei
from ..records.projekt import Flaeche, Linie, Projekt, Punkt
from ..records.tagung import Beitrag, Tagung

if TYPE_CHECKING:
    from ..model.build import Build
    from ..model.site import Site, Veranstaltungsdaten

# The editing page: in the editors' guide's folder, out of menu and search. Not "formulare/": that is the guide's
# chapter about it (docs/redaktion/formulare.md), and MkDocs would let one silently replace the other.
FORMULARE = f"{urls.EDITORS_GUIDE}bearbeiten/"
PAGE = f"{urls.EDITORS_GUIDE}bearbeiten.md"  # "Formulare öffnen", a page of the guide; its files lie in FORMULARE
ASSETS = Path(__file__).parent.parent / "assets" / "formulare"
OWN_FILES = ("formulare-start.js", "formulare.js", "formulare.css")
VENDORED = ASSETS / "SHA256SUMS"  # Decap CMS and js-yaml, each file pinned by its sha256
LOCAL_PORT = "8081"  # decap-server's default; FORMULARE_PORT moves it (make serve, tests)
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


# --- collections ---------------------------------------------------------------------------------


def _event_choices(site: Site, event: Veranstaltungsdaten) -> Auswahl:
    return Auswahl(
        kommunen=tuple(site.kommunen),
        tage=tuple(tag.datum.isoformat() for tag in event.tagung.tage),
        sessions=tuple(session.id for session in event.tagung.sessions),
    )


def collections(site: Site) -> list[dict[str, Any]]:
    kommunen = Auswahl(kommunen=tuple(site.kommunen))
    common = {"extension": "yml", "format": "ogi-yaml", "editor": {"preview": False}}
    result: list[dict[str, Any]] = [
        {
            "name": "massnahmen",
            "label": "Maßnahmen",
            "label_singular": "Maßnahme",
            "folder": PROJECTS_DIR,
            "create": True,
            "slug": "{{titel}}",
            "identifier_field": "titel",
            **common,
            "filter": {"field": KIND_FIELD, "value": "projekt"},
            "fields": model_fields(Projekt, kommunen, "Projekt"),
        },
        {
            "name": "veranstaltungen",
            "label": "Veranstaltungen",
            "label_singular": "Veranstaltung",
            "folder": CONTENT_DIR,
            "path": "{{slug}}/" + TAGUNG_FILE.removesuffix(".yml"),
            "create": True,
            "slug": "{{titel}}",
            "identifier_field": "titel",
            **common,
            "filter": {"field": KIND_FIELD, "value": "tagung"},
            "fields": model_fields(Tagung, kommunen, "Tagung"),
        },
    ]
    for event in site.veranstaltungen:
        result.append(
            {
                "name": f"beitraege-{event.ordner}",
                "label": f"Beiträge: {event.tagung.titel}",
                "label_singular": "Beitrag",
                "folder": f"{CONTENT_DIR}/{event.ordner}",
                "create": True,
                "slug": "{{titel}}",
                "identifier_field": "titel",
                **common,
                "filter": {"field": KIND_FIELD, "value": "beitrag"},
                "fields": model_fields(Beitrag, _event_choices(site, event), "Beitrag"),
            }
        )
    result.append(
        {
            "name": "website",
            "label": "Zeitleiste und Betreiber",
            "format": "ogi-yaml",
            "editor": {"preview": False},
            "files": [
                {
                    "name": "meilensteine",
                    "label": "Meilensteine (Zeitleiste)",
                    "file": f"{CONTENT_DIR}/meilensteine.yml",
                    "fields": model_fields(MeilensteineDatei, kommunen, "MeilensteineDatei"),
                },
                {
                    "name": "betreiber",
                    "label": "Betreiber (Impressum, Kontakt, Datenschutz)",
                    "file": f"{CONTENT_DIR}/betreiber.yml",
                    "fields": model_fields(Betreiber, kommunen, "Betreiber"),
                },
            ],
        }
    )
    return result


def github_repo(repo_url: str) -> str:
    """ "owner/name" of https://github.com/owner/name (or an address below it), else ""."""
    match = re.match(r"https://github\.com/([A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+?)(/|$)", repo_url or "")
    return match.group(1) if match else ""


def cms_config(
    site: Site, repo_url: str = "", site_url: str = "", oauth_url: str = "", local_port: str | None = LOCAL_PORT
) -> dict[str, Any]:
    """The whole Decap CMS configuration: backend, local backend, media, collections."""
    backend: dict[str, Any] = {
        "name": "github",
        "repo": github_repo(repo_url) or "REPO_URL-fehlt/bitte-setzen",
        "branch": "main",
        "commit_messages": {
            "create": "Formular: {{collection}} „{{slug}}“ angelegt",
            "update": "Formular: {{collection}} „{{slug}}“ geändert",
            "delete": "Formular: {{collection}} „{{slug}}“ gelöscht",
            "uploadMedia": "Formular: Datei „{{path}}“ hochgeladen",
            "deleteMedia": "Formular: Datei „{{path}}“ gelöscht",
        },
    }
    if oauth_url:
        backend["base_url"] = oauth_url  # the OAuth proxy that exchanges GitHub's code for a token (README)
    config: dict[str, Any] = {
        "locale": "de",
        "backend": backend,
        "publish_mode": "editorial_workflow",
        "media_folder": f"{PROJECTS_DIR}/bilder",
        "public_folder": "",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "show_preview_links": False,
        "collections": collections(site),
    }
    if local_port:
        # Only on 127.0.0.1 does Decap look for the local backend (decap-server, `make serve`); a published build
        # (no FORMULARE_PORT) names no loopback address.
        config["local_backend"] = {"url": f"http://127.0.0.1:{local_port}/api/v1", "allowed_hosts": ["127.0.0.1"]}
    if site_url:
        config["site_url"] = config["display_url"] = site_url
    return config


class _Dumper(yaml.SafeDumper):
    """Writes a repeated value in full each time: no &anchors, which only confuse a reader of config.yml."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def config_text(config: dict[str, Any]) -> str:
    header = (
        "# Erzeugt beim Bau aus hooks/ogi/records/ (ogi/editors/cms.py); nicht von Hand ändern: "
        "eine Änderung an den Modellen ändert die Formulare.\n"
    )
    return header + yaml.dump(config, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=120)


def walk(fields: list[dict[str, Any]], prefix: str = "") -> Iterator[str]:
    """Dotted names of every form field, nested ones too: "lage.geometrie", "quellen.titel"."""
    for field in fields:
        name = prefix + field["name"]
        yield name
        yield from walk(field.get("fields", []), name + ".")


# --- the page and its files ----------------------------------------------------------------------


def _script_json(value: Any) -> Markup:
    # JSON inside <script type="application/json">: no "<" that could close the element early.
    return Markup(json.dumps(value, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c"))


def vendored_files() -> list[tuple[str, Path]]:
    names = [line.split()[1] for line in VENDORED.read_text(encoding="utf-8").splitlines()]
    return [(f"{FORMULARE}{name}", ASSETS / name) for name in names]


def cms_outputs(build: Build) -> list[Output]:
    """The editing page, its generated configuration, and the files it loads (all from this site)."""
    site = build.site
    config = cms_config(
        site,
        repo_url=build.edit_base,
        site_url=build.site_url,
        oauth_url=os.environ.get("FORMULARE_OAUTH_URL", ""),
        local_port=os.environ.get("FORMULARE_PORT"),  # set by `make serve` and the tests, never when publishing
    )
    karte = build.karten.einstellungen.aktiv
    links = asset_links(PAGE) if karte else {}
    optionen = basis_optionen(PAGE, ansicht=ansicht(region_box(), ZOOM_GEBIET)) if karte else {}
    felder = {kind: key_order(model) for kind, model in KINDS.items()}
    karten_skripte = [links["leaflet_js"], links["karte_js"], "leaflet-draw/leaflet.draw.js"] if karte else []
    skripte = ["js-yaml/js-yaml.min.js", *karten_skripte, "decap-cms/decap-cms.js", "formulare.js"]
    styles = [links["leaflet_css"], links["karte_css"], "leaflet-draw/leaflet.draw.css"] if karte else []
    page = build.env.get_template("formulare.md.j2").render(
        skripte=json.dumps(skripte), styles=styles, felder=_script_json(felder), optionen=_script_json(optionen)
    )
    outputs = [Output(PAGE, page), Output(f"{FORMULARE}config.yml", config_text(config))]
    outputs += [Output(f"{FORMULARE}{name}", path=ASSETS / name) for name in OWN_FILES]
    outputs += [Output(uri, path=path) for uri, path in vendored_files()]
    # Leaflet.draw, beside the page: the maps publish it only while serving (ogi.lage_zeichnen), and the readers'
    # asset folder stays without it.
    if karte:
        outputs += [
            Output(FORMULARE + uri[uri.index("leaflet-draw/") :], path=path)
            for uri, path in drawing_files()
            if "/leaflet-draw/" in uri
        ]
    return outputs
