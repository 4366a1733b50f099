"""Reading one record file: YAML with lines, validation against its model, dates in the future."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..model.site import Site
from .errors import FILE_FIELD, ContentError
from .files import symlink_in
from .future_dates import future_dates, today
from .messages import not_a_slug
from .models import slug_is_valid
from .validation import validate
from .yaml_messages import Loc
from .yamlfile import YamlFile, read_yaml


class Loader:
    def __init__(self, site: Site):
        self.site = site
        self.files: dict[str, YamlFile] = {}
        self.named: dict[str, set[str]] = {}  # file folder -> the names records give in it
        self.today = today()  # once per run, so every record is checked against the same day

    def display(self, path: Path) -> str:
        return path.relative_to(self.site.root).as_posix()

    def load(self, path: Path, model: type, *, slug: bool = False) -> Any:
        shown = self.display(path)
        if symlink_in(self.site.root, path):
            return None  # tree_problems names every symlink in content/
        if not path.is_file():
            self.site.errors.append(
                ContentError(shown, 1, FILE_FIELD, "die Datei fehlt; sie wird für die Website gebraucht")
            )
            return None
        self.site.sources[shown] = path
        if slug and not slug_is_valid(path.stem):
            self.site.errors.append(
                ContentError(shown, 1, FILE_FIELD, "der Dateiname " + not_a_slug(path.stem, suffix=".yml"))
            )
        source, errors = read_yaml(path, shown)
        if source is None:
            self.site.errors.extend(errors)
            return None
        self.files[shown] = source
        self.site.warnings.extend(source.warnings)
        record, errors = validate(model, source)
        self.site.errors.extend(errors)
        if record is not None:
            self.site.errors.extend(future_dates(record, source, self.today))
        return record

    def error(self, shown: str, loc: Loc, field_name: str, message: str) -> None:
        line = self.files[shown].line_of(loc) if shown in self.files else 1
        self.site.errors.append(ContentError(shown, line, field_name, message))
