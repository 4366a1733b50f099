"""What German law requires of content/betreiber.yml before the site goes public.

The local preview shows a box "Angabe durch die Redaktion" where a value is missing; a build for a
published address (https://) refuses to build instead and names each missing field.
"""

from __future__ import annotations

from ..model.site import Site
from .errors import ContentError

BETREIBER_FILE = "content/betreiber.yml"

# (path of keys, what the law asks for and how to fill it) — in the order of the file.
REQUIRED: tuple[tuple[tuple[str, ...], str], ...] = (
    (
        ("email",),
        "fehlt; eine E-Mail-Adresse für die schnelle Kontaktaufnahme verlangt § 5 DDG, z. B. `email: info@beispiel.de`",
    ),
    (
        ("verantwortlich", "name"),
        "fehlt; die für den Inhalt verantwortliche Person nach § 18 Abs. 2 MStV mit "
        "Namen eintragen, wie der Betreiber sie benennt (`verantwortlich:` mit `name:`)",
    ),
    (
        ("datenschutzbeauftragte", "email"),
        "fehlt; die Kontaktdaten der oder des Datenschutzbeauftragten verlangt "
        "Art. 13 DSGVO (`datenschutzbeauftragte:` mit `email:`)",
    ),
    (
        ("barrierefreiheit", "email|formular"),
        "fehlt; die Erklärung zur Barrierefreiheit braucht nach BITV NRW einen "
        "Kontakt für Meldungen von Barrieren (`barrierefreiheit:` mit `email:` "
        "oder `formular:`)",
    ),
)


def is_published(site_url: str) -> bool:
    """A build for a public address; the preview runs on http://127.0.0.1 or localhost."""
    return site_url.startswith("https://")


def publication_headline(missing: list[ContentError], site_url: str) -> str:
    """The first line of a refused public build: what to fill in where, before the details.

    A fresh fork's first deployment fails here; the Actions log must say at once that this is the
    operator's one-time setup, not a defect.
    """
    fields = ", ".join(error.field for error in missing)
    return (
        f"Nicht veröffentlicht: In {BETREIBER_FILE} fehlen vor dem Bau für {site_url} noch {fields}. "
        "Diese Angaben legt der Betreiber fest; eintragen, committen, erneut veröffentlichen "
        "(README, „Vor der ersten Veröffentlichung“)."
    )


def missing_for_publication(site: Site) -> list[ContentError]:
    """One error per legally required value that content/betreiber.yml lacks ([] when complete)."""
    if site.betreiber is None:  # the loader already reported why the file could not be read
        return []
    data = site.betreiber.model_dump()
    errors = []
    for keys, message in REQUIRED:
        *parents, last = keys
        value = data
        for key in parents:
            value = value.get(key) or {}
        if not any(value.get(name) for name in last.split("|")):
            line = site.betreiber_datei.line_of(tuple(parents)) if site.betreiber_datei else 1
            field = ".".join([*parents, last.replace("|", " oder ")])
            errors.append(
                ContentError(
                    BETREIBER_FILE,
                    line,
                    field,
                    f"{message}; ohne diese Angabe wird die "
                    "Website für eine öffentliche Adresse (https://) nicht gebaut",
                )
            )
    return errors
