"""Operator settings of the maps: `extra.karte` in mkdocs.yml as a typed model, and OGI_KARTEN from the environment."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..records.errors import ContentError

TEXTE = ("kacheln_url", "attribution", "anbieter")  # read as text, whatever YAML makes of them
ALLOWED = (*TEXTE, "einzeln_bis")
# Up to this many measures the overview lists each one and maps each point on its first view. A table of more
# rows is no longer read, only searched: above it the overview shows the count per Kommune (map and list) and
# loads the measures only when the reader zooms in, picks a Kommune or filters (issue 24, item 8).
EINZELN_BIS = 500


class KartenEinstellungen(BaseModel):
    """Operator settings for the maps, from mkdocs.yml `extra.karte` and the environment."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    aktiv: bool = True
    kacheln_url: str = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    attribution: str = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>-Mitwirkende'
    anbieter: str = "OpenStreetMap Foundation"
    einzeln_bis: int = Field(EINZELN_BIS, ge=0)

    def zusammengefasst(self, anzahl: int) -> bool:
        """Whether an overview of `anzahl` measures shows counts per Kommune first (above `einzeln_bis`)."""
        return anzahl > self.einzeln_bis

    @property
    def kachel_server(self) -> str:
        """The host that receives the visitor's IP address, e.g. 'tile.openstreetmap.org'."""
        return urlsplit(self.kacheln_url.replace("{s}", "a")).hostname or self.kacheln_url


class SettingsError(ValueError):
    """A wrong map setting in mkdocs.yml, in German for the operator."""


def karten_einstellungen(
    extra: Mapping[str, Any] | None, environ: Mapping[str, str] = os.environ
) -> KartenEinstellungen:
    """Settings from `extra.karte` in mkdocs.yml; OGI_KARTEN=0 in the environment builds without maps.

    Raises a SettingsError naming the unknown or wrong setting.
    """
    if extra is not None and not isinstance(extra, Mapping):
        raise SettingsError(f"extra.karte: erwartet eingerückte Einstellungen wie „kacheln_url: …“, gefunden {extra!r}")
    values = {str(k): v for k, v in dict(extra or {}).items()}
    aktiv = environ.get("OGI_KARTEN", "1").strip() not in {"0", "nein", "false"}
    try:
        return KartenEinstellungen(aktiv=aktiv, **{k: v if k not in TEXTE else str(v) for k, v in values.items()})
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            name = ".".join(str(p) for p in error["loc"])
            if error["type"] == "extra_forbidden":
                problems.append(f"unbekannte Einstellung {name}")
            elif name == "einzeln_bis":
                problems.append(
                    f"einzeln_bis: erwartet eine ganze Zahl ab 0 (bis zu so vielen Maßnahmen zeigt die Übersicht "
                    f"jede einzeln), gefunden {error['input']!r}"
                )
            else:
                problems.append(f"{name}: {error['msg']}")
        raise SettingsError(
            f"extra.karte: {'; '.join(problems)}; erlaubt sind {', '.join(ALLOWED[:-1])} und {ALLOWED[-1]}"
        ) from None


def mkdocs_settings_problems(root: Path) -> list[ContentError]:
    """The map settings in `root`/mkdocs.yml checked as the build checks them, for `make check`."""
    path = root / "mkdocs.yml"
    if not path.is_file():
        return []
    text = path.read_text(encoding="utf-8")

    class _OperatorLoader(yaml.SafeLoader):
        """mkdocs.yml is the operator's file: its !ENV values are read by MkDocs, not needed here."""

    _OperatorLoader.add_constructor("!ENV", lambda loader, node: None)
    try:
        extra = (yaml.load(text, Loader=_OperatorLoader) or {}).get("extra") or {}
        karten_einstellungen(extra.get("karte"), environ={})
    except (SettingsError, yaml.YAMLError, AttributeError) as exc:
        line = next((n for n, row in enumerate(text.splitlines(), 1) if re.match(r"^\s+karte:", row)), 1)
        return [ContentError("mkdocs.yml", line, "extra.karte", str(exc).removeprefix("extra.karte: "))]
    return []
