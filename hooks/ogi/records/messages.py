"""Messages that `make check` and the scaffolds (`make new-project`, `make new-beitrag`) share."""

from __future__ import annotations

from collections.abc import Iterable

from .errors import did_you_mean, visible
from .kommunen import ags_of
from .slugs import slugify
from .tagung import Beitrag, Session


def unknown_kommune(name: str, kommunen: Iterable[str]) -> str:
    """The message for a Kommune that is not in content/kommunen.yml (loader and `make new-project`)."""
    if ags_of(name) is not None:
        return (
            f"die Kommune „{name}“ fehlt in content/kommunen.yml; sie dort wieder eintragen (mit Kreis und Ortsmitte)"
        )
    return f"unbekannte Kommune „{visible(name)}“{did_you_mean(name, kommunen)}; Namen wie in content/kommunen.yml schreiben"


def is_twin(record: Beitrag, session: Session) -> bool:
    """True when a talk restates its own session (same kind, same title up to a leading "Kind:"): one thing twice.

    Readers would find two nearly empty pages and the programme would list the workshop twice.
    """
    if not session.art or record.art.casefold() != session.art.casefold():
        return False

    def bare(title: str) -> str:
        words = " ".join(title.split()).casefold()
        prefix = f"{record.art.casefold()}:"
        return words.removeprefix(prefix).strip()

    return bare(record.titel) == bare(session.titel)


def not_a_slug(name: str, becomes: str = "zur Adresse der Seite", suffix: str = "") -> str:
    """The message for a name that becomes an address but is not lower case, digits and hyphens."""
    return (
        f"„{name}{suffix}“ wird {becomes}; nur Kleinbuchstaben, Ziffern und Bindestriche verwenden, "
        f"z. B. „{slugify(name)}{suffix}“"
    )


def duplicate_title(titel: str, source: str) -> str:
    """The message for a title that another record of the same kind already has."""
    return f"der Titel „{titel}“ steht schon in {source}; jeder Titel nur einmal, z. B. den Ort ergänzen"


def unknown_day(tag: str, days: Iterable[str]) -> str:
    """The message for a date that is not a day of the event."""
    return f"{tag} ist kein Tag der Veranstaltung; erlaubt sind: " + ", ".join(days)


def other_day(session: str, day: str, fix: str) -> str:
    """The message for a talk whose day is not its session's."""
    return f"die Session „{session}“ fand am {day} statt; {fix}"


def unknown_session(name: str, sessions: Iterable[str]) -> str:
    """The message for a session id that tagung.yml does not define (loader and `make new-beitrag`)."""
    ids = list(sessions)
    return (
        f"unbekannte Session „{visible(name)}“{did_you_mean(name, ids)}; erlaubt sind die ids aus tagung.yml: "
        + ", ".join(ids)
    )
