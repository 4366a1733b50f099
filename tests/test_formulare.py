"""The editing page's configuration comes from the models: every model field is in the form and nothing else is,
with the model's required fields, choices and patterns; the page and its files come only from this site."""

from __future__ import annotations

import hashlib
import html
import json
import re
import types
import typing
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import BaseModel

from helpers import FIXTURE_ROOT, present
from ogi.editors.cms import ASSETS, FORMULARE, cms_config, config_text, github_repo, walk
from ogi.editors.cms_fields import GEOMETRIE_WIDGET, KINDS, key_order
from ogi.records.betreiber import Betreiber
from ogi.records.content import load_site
from ogi.records.models import MeilensteineDatei, Quelle
from ogi.records.projekt import Projekt
from ogi.records.tagung import Beitrag, Tagung


def model_paths(model: type[BaseModel], prefix: str = "") -> set[str]:
    """Dotted names of every field of a model, nested models and lists of models too (geometries are one field)."""
    paths = set()
    for name, info in model.model_fields.items():
        paths.add(prefix + name)
        inner = _model_inside(info.annotation)
        if inner is not None:
            paths |= model_paths(inner, f"{prefix}{name}.")
    return paths


def _model_inside(annotation: Any) -> type[BaseModel] | None:
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(options) != 1:
            return None  # the geometry: one field, drawn on the map
        return _model_inside(options[0])
    if typing.get_origin(annotation) is list:
        return _model_inside(typing.get_args(annotation)[0])
    return annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else None


@pytest.fixture(scope="module")
def config() -> dict[str, Any]:
    site = load_site(FIXTURE_ROOT)
    assert site.errors == []
    return cms_config(site, repo_url="https://github.com/beispiel/gruene-infrastruktur/edit/main/")


def collection(config: dict[str, Any], name: str) -> dict[str, Any]:
    return next(c for c in config["collections"] if c["name"] == name)


def file_fields(config: dict[str, Any], name: str) -> list[dict[str, Any]]:
    fields: list[dict[str, Any]] = next(f for f in collection(config, "website")["files"] if f["name"] == name)[
        "fields"
    ]
    return fields


def fields_by_path(fields: list[dict[str, Any]], prefix: str = "") -> dict[str, dict[str, Any]]:
    found = {}
    for field in fields:
        found[prefix + field["name"]] = field
        found |= fields_by_path(field.get("fields", []), prefix + field["name"] + ".")
    return found


def forms(config: dict[str, Any]) -> list[tuple[str, type[BaseModel], list[dict[str, Any]]]]:
    events = [c for c in config["collections"] if c["name"].startswith("beitraege-")]
    assert [c["folder"] for c in events] == ["content/tagung-2020", "content/testtag-2022"]
    return [
        ("massnahmen", Projekt, collection(config, "massnahmen")["fields"]),
        ("veranstaltungen", Tagung, collection(config, "veranstaltungen")["fields"]),
        *((c["name"], Beitrag, c["fields"]) for c in events),
        ("meilensteine", MeilensteineDatei, file_fields(config, "meilensteine")),
        ("betreiber", Betreiber, file_fields(config, "betreiber")),
    ]


def test_every_model_field_is_in_the_form_and_nothing_else(config: dict[str, Any]) -> None:
    for name, model, fields in forms(config):
        assert set(walk(fields)) == model_paths(model), name
        assert len(list(walk(fields))) == len(set(walk(fields))), name


def test_the_form_keeps_required_fields_choices_and_patterns(config: dict[str, Any]) -> None:
    felder = fields_by_path(collection(config, "massnahmen")["fields"])
    assert [n for n, f in felder.items() if "." not in n and f["required"]] == [
        n for n, i in Projekt.model_fields.items() if i.is_required()
    ]
    assert felder["status"]["options"] == ["geplant", "in Umsetzung", "abgeschlossen", "nicht bekannt"]
    assert felder["lage.genauigkeit"]["options"] == ["exakt", "ungefähr", "Kommune"]
    assert felder["lage.geometrie"]["widget"] == GEOMETRIE_WIDGET
    assert felder["kommunen"]["multiple"] and "Herne" in felder["kommunen"]["options"]
    assert felder["foerderung.betrag_eur"].items() >= {"widget": "number", "value_type": "int", "min": 0}.items()
    assert felder["lage.radius_m"]["min"] == 10 and felder["lage.radius_m"]["max"] == 5000
    assert felder["bilder.datei"].items() >= {"widget": "image", "media_folder": "bilder", "public_folder": ""}.items()
    assert re.fullmatch(felder["datenstand"]["pattern"][0], "2026-11-26")
    assert not re.fullmatch(felder["datenstand"]["pattern"][0], "26.11.2026")
    assert re.fullmatch(felder["quellen.abgerufen"]["pattern"][0], "2026-11")
    assert felder["quellen.titel"]["hint"] == Quelle.model_fields["titel"].description
    # Inside an optional group, a required field is optional in the form (Decap would demand it for an empty
    # group), and its hint says when it is needed.
    assert felder["fertigstellung.datum"]["required"] is False
    assert "Pflicht, sobald „Fertigstellung“ ausgefüllt wird." in felder["fertigstellung.datum"]["hint"]
    assert felder["quellen.titel"]["required"] is True  # an entry of a list is added on purpose
    tagung_2020 = fields_by_path(collection(config, "beitraege-tagung-2020")["fields"])
    assert tagung_2020["tag"]["options"] == ["2020-11-26", "2020-11-27"]
    assert "werkstatt-a" in tagung_2020["session"]["options"]
    assert tagung_2020["anhaenge.datei"].items() >= {"widget": "file", "media_folder": "anhaenge"}.items()
    assert (
        "default" not in tagung_2020["anhaenge.art"] and "Ohne Angabe: Folien." in tagung_2020["anhaenge.art"]["hint"]
    )
    assert fields_by_path(collection(config, "veranstaltungen")["fields"])["zeitzone"]["default"] == "Europe/Berlin"


def test_labels_are_german_and_hints_are_the_model_descriptions(config: dict[str, Any]) -> None:
    felder = fields_by_path(collection(config, "massnahmen")["fields"])
    assert felder["kurzbeschreibung"]["label"] == "Kurzbeschreibung"
    assert felder["traeger"]["label"] == "Träger" and felder["foerderung"]["label"] == "Förderung"
    assert felder["kurzbeschreibung"]["hint"] == Projekt.model_fields["kurzbeschreibung"].description
    assert config["locale"] == "de"


def test_collections_write_where_the_records_live(config: dict[str, Any]) -> None:
    assert collection(config, "massnahmen")["folder"] == "content/projects"
    events = collection(config, "veranstaltungen")
    assert (events["folder"], events["path"], events["filter"]) == (
        "content",
        "{{slug}}/tagung",
        {"field": "ogi_datei", "value": "tagung"},
    )
    assert collection(config, "beitraege-tagung-2020")["filter"] == {"field": "ogi_datei", "value": "beitrag"}
    assert config["media_folder"] == "content/projects/bilder"
    assert {c.get("format") for c in config["collections"]} == {"ogi-yaml"}


def test_sign_in_and_local_backend(config: dict[str, Any]) -> None:
    assert config["backend"]["name"] == "github" and config["backend"]["repo"] == "beispiel/gruene-infrastruktur"
    assert config["publish_mode"] == "editorial_workflow"
    assert config["local_backend"]["url"].startswith("http://127.0.0.1:")
    assert github_repo("https://github.com/org/repo") == "org/repo"
    assert github_repo("https://gitlab.com/org/repo") == ""
    assert "base_url" not in config["backend"]  # nothing about an OAuth proxy unless the operator names one


def test_the_field_order_of_each_kind_is_the_models(config: dict[str, Any]) -> None:
    assert key_order(Projekt)[""] == list(Projekt.model_fields)
    assert key_order(Projekt)["quellen"][""][:2] == ["titel", "url"]
    assert set(KINDS) == {"projekt", "tagung", "beitrag", "meilensteine", "betreiber"}
    text = config_text(config)
    assert text.startswith("# Erzeugt beim Bau aus hooks/ogi/records/")
    assert "&id" not in text and yaml.safe_load(text) == config


# Texts each emitter could quote, escape or fold its own way: the site's and editors' text reaches config.yml in
# event titles and Kommune names.
AWKWARD_TEXTS = [
    "Grün\u00a0Ruhr",
    "a: b",
    "- x",
    "#c",
    "x #y",
    "Zeile\nzwei",
    "  vorn",
    "hinten ",
    "'q'",
    '"d"',
    "ja",
    "no",
    "1.5",
    "0x1F",
    "é" * 200,
    ("Wort " * 60).strip(),
    "Tab\tda",
    "~",
    "null",
    "{a}",
    "[b]",
    "@a",
    "`b",
    "%p",
    "!t",
    "&a",
    "*s",
    "|",
    ">",
    "?",
    "Lang-" + "ä" * 130 + " Ende",
    "Absätze\n\n  eingerückt",
    "\ufeffBOM",
    "Baum 🌳",
    "Zeile mit Umbruch, lang genug zum Falten: " + "ä –„“ " * 20 + "\n" + "Ü " * 40,
    "Zeile\u2028Trenner",
    "NEL\x85",
    "Wagen\rRücklauf",
]


def test_config_yml_is_the_text_pyyaml_would_write(config: dict[str, Any]) -> None:
    # config.yml is written by libyaml where it writes the same bytes as PyYAML's own emitter, which wrote it before.
    class PythonDumper(yaml.SafeDumper):
        def ignore_aliases(self, data: Any) -> bool:
            return True

    awkward = {"titel": AWKWARD_TEXTS, "felder": [{"name": t, "label": t} for t in AWKWARD_TEXTS]}
    for value in (config, awkward, *({"titel": t} for t in AWKWARD_TEXTS)):
        expected = yaml.dump(value, Dumper=PythonDumper, allow_unicode=True, sort_keys=False, width=120)
        assert config_text(value).partition("\n")[2] == expected


def test_the_built_page_loads_only_files_of_the_site(built_site: Path) -> None:
    folder = built_site / FORMULARE
    page = (folder / "index.html").read_text(encoding="utf-8")
    block = present(re.search(r'<div class="ogi-formulare">(.*?)</div>', page, re.S)).group(1)
    scripts = json.loads(html.unescape(present(re.search(r"data-skripte='([^']+)'", block)).group(1)))
    links = [*re.findall(r'(?:src|href)="([^"]+)"', block), *scripts]
    assert "decap-cms/decap-cms.js" in scripts and scripts[-1] == "formulare.js"
    for link in links:
        assert not re.match(r"[a-z]+:", link) and not link.startswith("//"), link
        assert (folder / link).resolve().is_file(), link
    # The page itself starts no editor: the scripts load when the editor opens the forms.
    assert "decap-cms.js" not in re.sub(r"data-skripte='[^']+'", "", page)
    assert (
        json.loads(present(re.search(r'id="ogi-formulare-felder">(.*?)</script>', page)).group(1))["projekt"][""][0]
        == "titel"
    )
    assert yaml.safe_load((folder / "config.yml").read_text(encoding="utf-8"))["locale"] == "de"
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    search = (built_site / "search/search_index.json").read_text(encoding="utf-8")
    assert "bearbeiten" not in sitemap and "redaktion/bearbeiten" not in search


def test_vendored_files_match_their_recorded_hashes() -> None:
    for line in (ASSETS / "SHA256SUMS").read_text(encoding="utf-8").splitlines():
        digest, name = line.split()
        assert hashlib.sha256((ASSETS / name).read_bytes()).hexdigest() == digest, name
        assert (ASSETS / name).parent.joinpath("LICENSE").is_file(), name
