"""The YAML loader of the records: numbers that remember how they were written, impossible dates kept as text.

PyYAML's YAML 1.1 reads 0x1F, 010 or 1:30 as numbers and drops an impossible date; editors mean text or
made a typo, and validation can only name the field if the value stays as written.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

try:  # libyaml is ten times faster; the pure-Python parser gives the same result
    from yaml import CSafeLoader as YamlBase
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as YamlBase  # type: ignore[assignment]  # a sibling class, same interface


__all__ = ["NumberLikeText", "SafeLoader", "YamlBase", "YamlFloat", "YamlInt"]  # YamlBase: the parser alone


class SafeLoader(YamlBase):
    """Keeps an impossible date such as 2020-13-01 as text, so validation can name the field."""

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> Any:
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            return self.construct_scalar(node)

    def construct_yaml_int(self, node: yaml.ScalarNode) -> Any:
        # YAML 1.1 also reads 0x1F, 0o17, 010, 1_500_000 and 1:30 as numbers; editors mean text or a typo.
        if not re.fullmatch(r"[-+]?(0|[1-9][0-9]*)", node.value):
            return NumberLikeText(node.value)
        return YamlInt(super().construct_yaml_int(node), node.value)

    def construct_yaml_float(self, node: yaml.ScalarNode) -> Any:
        return YamlFloat(super().construct_yaml_float(node), node.value)


class _Written:
    """A number that remembers how it was written, for messages that quote the editor's own text."""

    source: str

    def __new__(cls, value: Any, source: str) -> Any:
        number = super().__new__(cls, value)  # type: ignore[call-arg]  # object.__new__ to mypy; int's or float's at runtime
        number.source = source
        return number


class YamlInt(_Written, int):
    """An integer as written: `0x1F` and `1_500_000` are ints to YAML, not to editors."""


class YamlFloat(_Written, float):
    """A float as written: `150.000` (German thousands dot) reads as 150.0."""


class NumberLikeText(str):
    """Unquoted `0x1F`, `010`, `1_500_000`: kept as written; a number field refuses it with a hint."""


SafeLoader.add_constructor("tag:yaml.org,2002:timestamp", SafeLoader.construct_yaml_timestamp)
SafeLoader.add_constructor("tag:yaml.org,2002:int", SafeLoader.construct_yaml_int)
SafeLoader.add_constructor("tag:yaml.org,2002:float", SafeLoader.construct_yaml_float)
