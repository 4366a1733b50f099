"""Contact values that become links are exact: the mailto: and tel: targets are built from checked parts
(ogi/kontakt.py); the models refuse anything else (tests/corpus/email-*.yml, telefon-*.yml)."""

from __future__ import annotations

import re

import pytest

from ogi.records.kontakt import EMAIL_PATTERN, TELEFON_PATTERN, mailto, tel
from ogi.records.text import rich_text


@pytest.mark.parametrize("address", ["kontakt@example.org", "vorname.nachname+ogi@rvr.ruhr", "a_b-c@sub.example.de"])
def test_plain_address_becomes_its_mailto(address: str) -> None:
    assert re.fullmatch(EMAIL_PATTERN, address)
    assert mailto(address) == f"mailto:{address}"


@pytest.mark.parametrize(
    "address",
    [
        "kontakt@example.org?cc=jemand@example.net",
        "kontakt@example.org?bcc=spion%40example.net",
        "mailto:kontakt@example.org",
        "Kontakt <kontakt@example.org>",
        '"kontakt"@example.org',
        "a@example.org, b@example.org",
        "a@example.org&cc=b@example.net",
        "projekt @example.org",
        "a@@example.org",
        "a@example",
        "a@example.org\n::error::x",
        "a@-example.org",
    ],
    ids=[
        "cc",
        "bcc-encoded",
        "mailto",
        "name",
        "quotes",
        "two",
        "ampersand",
        "space",
        "two-at",
        "no-tld",
        "newline",
        "hyphen-label",
    ],
)
def test_anything_but_one_plain_address_is_refused_by_model_and_link(address: str) -> None:
    assert re.fullmatch(EMAIL_PATTERN, address) is None
    with pytest.raises(ValueError):
        mailto(address)


@pytest.mark.parametrize(
    ("number", "target"),
    [
        ("+49 201 2069-0", "tel:+4920120690"),
        ("(0201) 2069-0", "tel:020120690"),
        ("0201/2069-0", "tel:020120690"),
    ],
)
def test_phone_number_becomes_a_tel_link_of_its_digits(number: str, target: str) -> None:
    assert re.fullmatch(TELEFON_PATTERN, number)
    assert tel(number) == target


@pytest.mark.parametrize(
    "number",
    [
        "+49 201 ANRUF",
        "0201 2069-0, Durchwahl 12",
        "+49 201 2069-0;ext=1",
        "javascript:alert(1)",
        "+49 201\n2069",
        "",
        "++49 201",
    ],
)
def test_phone_number_with_anything_else_is_refused(number: str) -> None:
    assert re.fullmatch(TELEFON_PATTERN, number) is None
    with pytest.raises(ValueError):
        tel(number)


def test_mailto_link_in_rich_text_keeps_only_a_plain_address() -> None:
    html = rich_text(
        "[ok](mailto:a@example.org) [kopie](mailto:a@example.org?cc=b@example.net) "
        "[zwei](mailto:a@example.org,b@example.net)"
    )
    assert re.findall(r'href="([^"]*)"', html) == ["mailto:a@example.org"]
    assert ">kopie</a>" in html and ">zwei</a>" in html  # the text stays, the target goes
