"""Contact values that become links: an e-mail address and a phone number, exact, and their `mailto:` and
`tel:` targets built from the checked parts.

An address is a plain `local@domain`: a `?cc=…` after it (or a comma, a second address, `mailto:`, quotes or
angle brackets) would make every reader's mail client copy their message to someone else. A phone number is
digits with the separators people write; its `tel:` target is made of the digits alone.
"""

from __future__ import annotations

import re

from markupsafe import Markup

# Local part: letters, digits and . _ + - (no %, no quotes: nothing a mail client decodes into a header);
# domain: dot-separated labels of letters, digits and inner hyphens, with a top-level domain of letters.
EMAIL_PATTERN = r"^[A-Za-z0-9._+-]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}$"
TELEFON_PATTERN = r"^\+?[0-9(][0-9 ()/-]*[0-9]$"
_EMAIL = re.compile(EMAIL_PATTERN)
_TELEFON = re.compile(TELEFON_PATTERN)


def is_address(value: str) -> bool:
    """Whether `value` is one plain e-mail address and nothing else."""
    return _EMAIL.fullmatch(value) is not None


def mailto(address: object) -> Markup:
    """`mailto:local@domain` from a checked address; anything else is refused (the model checked it first)."""
    text = str(address)
    if not is_address(text):
        raise ValueError(f"keine einfache E-Mail-Adresse: {text!r}")
    local, domain = text.split("@")
    return Markup(f"mailto:{local}@{domain.lower()}")


def tel(number: object) -> Markup:
    """`tel:+492012069` from „+49 201 2069-0“: the digits, with the leading plus of an international number."""
    text = str(number)
    if not _TELEFON.fullmatch(text):
        raise ValueError(f"keine Telefonnummer: {text!r}")
    return Markup(("tel:+" if text.startswith("+") else "tel:") + re.sub(r"\D", "", text))
