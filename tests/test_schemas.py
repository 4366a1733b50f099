"""JSON Schemas and the field reference are derived from the models, committed, and fit the content."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import typing
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft7Validator
from pydantic import BaseModel

from helpers import FIXTURE_ROOT, ROOT, present, tables
from ogi.editors.feldreferenz import field_reference
from ogi.editors.schemas import KINDS, json_schema, kind_of, schema_comment, stale_schemas
from ogi.records.models import STATUS_WERTE
from ogi.records.yamlfile import read_yaml

FIXTURE_FILES = sorted(p.relative_to(FIXTURE_ROOT).as_posix() for p in (FIXTURE_ROOT / "content").rglob("*.yml"))
# The schema must accept whatever the loader accepts: checked on the fixture and on the shipped content.
CONTENT_FILES = [(FIXTURE_ROOT, p) for p in FIXTURE_FILES] + [
    (ROOT, p.relative_to(ROOT).as_posix()) for p in sorted((ROOT / "content").rglob("*.yml"))
]


def _plain(value: typing.Any) -> typing.Any:
    """YAML data as an editor's tool sees it: dates are text, as in YAML 1.2."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _validator(kind_name: str) -> Draft7Validator:
    schema = json.loads((ROOT / KINDS[kind_name].schema_file).read_text(encoding="utf-8"))
    Draft7Validator.check_schema(schema)
    return Draft7Validator(schema)


def test_schemas_committed_match_the_models() -> None:
    assert stale_schemas(ROOT) == [], "`make schemas` ausführen und schemas/ einchecken"


def test_schemas_stale_file_is_reported(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "schemas", tmp_path / "schemas")
    target = tmp_path / KINDS["projekt"].schema_file
    data = json.loads(target.read_text(encoding="utf-8"))
    del data["properties"]["status"]
    target.write_text(json.dumps(data), encoding="utf-8")
    (tmp_path / KINDS["betreiber"].schema_file).unlink()
    assert stale_schemas(tmp_path) == [KINDS["projekt"].schema_file, KINDS["betreiber"].schema_file]


@pytest.mark.parametrize("name", sorted(KINDS))
def test_schemas_are_draft7_for_the_vscode_yaml_extension(name: str) -> None:
    # yaml-language-server validates draft 7 and only warns about 2020-12 schemas.
    schema = json.loads((ROOT / KINDS[name].schema_file).read_text(encoding="utf-8"))
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    text = json.dumps(schema)
    assert "$defs" not in text and "discriminator" not in text
    refs_with_siblings = [node for node in _dicts(schema) if "$ref" in node and len(node) > 1]
    assert refs_with_siblings == []


@pytest.mark.parametrize("name", sorted(KINDS))
def test_schemas_list_every_model_field_and_no_english_docstring(name: str) -> None:
    schema = json_schema(KINDS[name])
    assert list(schema["properties"]) == list(KINDS[name].model.model_fields)
    assert schema["additionalProperties"] is False
    docstrings = {(m.__doc__ or "").strip() for m in _models(KINDS[name].model)}
    descriptions = set(_values(schema, "description"))
    assert not descriptions & docstrings


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=FIXTURE_FILES)
def test_schema_line_of_each_kind_of_file_points_at_its_schema(path: str) -> None:
    first_line = (FIXTURE_ROOT / path).read_text(encoding="utf-8").splitlines()[0]
    assert first_line == schema_comment(path)
    referenced = first_line.split("$schema=", 1)[1]
    assert (ROOT / path).parent.joinpath(referenced).resolve() == (ROOT / kind_of(path).schema_file).resolve()


@pytest.mark.parametrize(
    ("root", "path"),
    CONTENT_FILES,
    ids=[f"{'fixture' if r == FIXTURE_ROOT else 'shipped'}:{p}" for r, p in CONTENT_FILES],
)
def test_content_file_validates_against_its_schema(root: Path, path: str) -> None:
    source, errors = read_yaml(root / path, path)
    assert errors == []
    problems = [e.message for e in _validator(kind_of(path).name).iter_errors(_plain(present(source).data))]
    assert problems == []


@pytest.mark.parametrize(
    ("change", "expected_keyword"),
    [
        ({"status": "fertig"}, "enum"),
        ({"traeger_name": "Stadt Herne"}, "additionalProperties"),
        ({"kurzbeschreibung": "x" * 301}, "maxLength"),
        ({"lage": {"genauigkeit": "irgendwo"}}, "enum"),
        ({"quellen": []}, "minItems"),
        ({"lage": {"genauigkeit": "exakt", "geometrie": {"type": "Punkt", "coordinates": [7.217, 51.55]}}}, "oneOf"),
    ],
    ids=[
        "status-unbekannt",
        "feld-unbekannt",
        "kurzbeschreibung-zu-lang",
        "genauigkeit-unbekannt",
        "quellen-leer",
        "geometrietyp-unbekannt",
    ],
)
def test_schema_flags_what_the_loader_rejects(change: dict[str, Any], expected_keyword: str) -> None:
    path = "content/projects/test-herne-park.yml"
    source, _ = read_yaml(FIXTURE_ROOT / path, path)
    record = _plain(present(source).data) | change
    keywords = {e.validator for e in _validator("projekt").iter_errors(record)}
    keywords |= {c.validator for e in _validator("projekt").iter_errors(record) for c in (e.context or [])}
    assert expected_keyword in keywords


def test_schema_accepts_partial_dates_and_plain_years() -> None:
    validator = _validator("meilensteine")
    quelle = {"titel": "Quelle", "url": "https://example.org/quelle", "abgerufen": "2026-11"}
    for datum in ("2020", 2020, "2020-11", "2020-11-26"):
        assert validator.is_valid(
            {"meilensteine": [{"datum": datum, "titel": "t", "beschreibung": "b", "quelle": quelle}]}
        )
    assert not validator.is_valid(
        {"meilensteine": [{"datum": "26.11.2020", "titel": "t", "beschreibung": "b", "quelle": quelle}]}
    )


@pytest.mark.parametrize("name", sorted(KINDS))
def test_field_reference_lists_every_field_of_every_nested_model(name: str) -> None:
    listed = {row.name for table in field_reference(name) for row in table.rows}
    assert listed == set(_paths(KINDS[name].model, ""))


def test_field_reference_page_shows_types_required_and_allowed_values(built_site: Path) -> None:
    found = tables(built_site / "redaktion/feldreferenz/index.html")
    header = ["Feld", "Typ", "Pflicht", "Bedeutung", "Erlaubte Werte"]
    assert found and all(t[0] == header for t in found)
    rows = {row[0]: row for table in found for row in table[1:]}
    assert rows["status"][2] == "ja"
    assert rows["status"][4].split(", ") == list(STATUS_WERTE)
    assert rows["traeger"][2] == "nein"
    assert rows["lage.genauigkeit"][4] == "exakt, ungefähr, Kommune"
    assert "höchstens 300 Zeichen" in rows["kurzbeschreibung"][1]
    assert rows["quellen[].url"][1] == "Adresse (https://…)"
    for name in ("tagung", "beitrag", "kommunen", "betreiber", "meilensteine"):
        assert any(row.name in rows for table in field_reference(name) for row in table.rows)


# --- helpers ------------------------------------------------------------------------------------


def _models(model: type[BaseModel]) -> list[type[BaseModel]]:
    found = [model]
    for info in model.model_fields.values():
        for candidate in _classes(info.annotation):
            if candidate not in found:
                found += [m for m in _models(candidate) if m not in found]
    return found


def _classes(annotation: typing.Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [c for arg in typing.get_args(annotation) for c in _classes(arg)]


def _paths(model: type[BaseModel], prefix: str) -> list[str]:
    """Every field path the guide must explain; geometry internals are GeoJSON's, not ours."""
    paths = []
    for name, info in model.model_fields.items():
        paths.append(prefix + name)
        classes = _classes(info.annotation)
        if len(classes) == 1:
            is_list = "list[" in str(info.annotation)
            paths += _paths(classes[0], f"{prefix}{name}{'[]' if is_list else ''}.")
    return paths


def _dicts(node: typing.Any) -> list[dict[str, Any]]:  # a JSON schema: untyped JSON
    if isinstance(node, dict):
        return [node] + [d for v in node.values() for d in _dicts(v)]
    if isinstance(node, list):
        return [d for v in node for d in _dicts(v)]
    return []


def _values(node: typing.Any, key: str) -> list[Any]:
    if isinstance(node, dict):
        return [v for k, v in node.items() if k == key] + [x for v in node.values() for x in _values(v, key)]
    if isinstance(node, list):
        return [x for v in node for x in _values(v, key)]
    return []
