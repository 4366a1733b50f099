"""The editing page "Formulare" (redaktion/bearbeiten/): Decap CMS over the same YAML records and the same Git.

Its configuration (config.yml) is generated here from the models at every build, never written by hand: field
names, German labels and hints (the Field descriptions), required fields, patterns, choices (Literal values, the
Kommunen of content/kommunen.yml, each event's days and sessions) and nested lists. The page itself loads only
files of the site (Decap CMS and js-yaml vendored with their hashes, assets/formulare/README.md); formulare.js
reads and writes each record as YAML in the field order of its model and draws a measure's place on the site's
own base map. See README.md ("Formulare") for sign-in and the local backend.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from markupsafe import Markup

from ..maps.assets import asset_links, drawing_files
from ..maps.options import ZOOM_GEBIET, ansicht, basis_optionen, region_box
from ..model import urls
from ..model.output import Output
from ..records.betreiber import Betreiber
from ..records.layout import CONTENT_DIR, PROJECTS_DIR, TAGUNG_FILE
from ..records.models import MeilensteineDatei
from ..records.projekt import Projekt
from ..records.tagung import Beitrag, Tagung
from .cms_fields import KIND_FIELD, KINDS, Auswahl, key_order, model_fields

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


class _NoAliases:
    """Writes a repeated value in full each time: no &anchors, which only confuse a reader of config.yml."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


class _PythonDumper(_NoAliases, yaml.SafeDumper):
    """PyYAML's own emitter, for the few texts libyaml writes otherwise (`_libyaml_writes_alike`)."""


try:  # libyaml: a tenth of the time

    class _Dumper(_NoAliases, yaml.CSafeDumper):
        """libyaml's emitter."""

except AttributeError:  # pragma: no cover  # PyYAML without libyaml
    _Dumper = _PythonDumper  # type: ignore[misc,assignment]


# Where the two emitters write the same bytes (tests/test_formulare.py): text without line breaks and tabs (which
# make a double-quoted scalar, and libyaml folds those at other columns), within the Basic Multilingual Plane
# (libyaml escapes emoji) and without NEL, the Unicode line separators and a byte order mark.
_LIBYAML_ALIKE = re.compile("[\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]*")


def _libyaml_writes_alike(value: Any) -> bool:
    if isinstance(value, str):
        return _LIBYAML_ALIKE.fullmatch(value) is not None
    if isinstance(value, dict):
        return all(_libyaml_writes_alike(k) and _libyaml_writes_alike(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_libyaml_writes_alike(v) for v in value)
    return True


def config_text(config: dict[str, Any]) -> str:
    header = (
        "# Erzeugt beim Bau aus hooks/ogi/records/ (ogi/editors/cms.py); nicht von Hand ändern: "
        "eine Änderung an den Modellen ändert die Formulare.\n"
    )
    # libyaml: a tenth of the time of the pure-Python emitter, the same text (tests/test_formulare.py).
    dumper = _Dumper if _libyaml_writes_alike(config) else _PythonDumper
    return header + yaml.dump(config, Dumper=dumper, allow_unicode=True, sort_keys=False, width=120)


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
