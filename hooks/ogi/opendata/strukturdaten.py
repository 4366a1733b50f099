"""schema.org JSON-LD for search engines: the operator, each event of the archive and its sessions (online,
or at the places its days name), the open data of the measures. Content is untrusted: the text is JSON with <, > and & escaped,
so nothing in it can close the <script> element it is placed in."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any
from zoneinfo import ZoneInfo

from ..model import urls
from ..model.site import Site, Veranstaltungsdaten
from ..records.tagung import Session, Tag, Tagung
from .exporte import LIZENZ_URL
from .projekte import OPEN_DATA_EXPORTS

ONLINE = "https://schema.org/OnlineEventAttendanceMode"
OFFLINE = "https://schema.org/OfflineEventAttendanceMode"


def script_json(data: Any) -> str:
    """JSON safe inside <script>: <, > and & as \\u escapes (valid JSON, same value)."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def organisation(site: Site) -> dict[str, Any] | None:
    b = site.betreiber
    if b is None:
        return None
    org: dict[str, Any] = {"@type": "Organization", "name": b.name}
    if b.kurzname:
        org["alternateName"] = b.kurzname
    if b.website:
        org["url"] = str(b.website)
    if b.email:
        org["email"] = b.email
    if b.telefon:
        org["telephone"] = b.telefon
    org["address"] = {
        "@type": "PostalAddress",
        "streetAddress": b.anschrift.strasse,
        "postalCode": b.anschrift.plz,
        "addressLocality": b.anschrift.ort,
        "addressCountry": "DE",
    }
    return org


def _zeit(datum: dt.date, uhrzeit: str | None, zone: ZoneInfo) -> str:
    if uhrzeit is None:
        return datum.isoformat()
    hours, minutes = map(int, uhrzeit.split(":"))
    return dt.datetime.combine(datum, dt.time(hours, minutes), zone).isoformat()


def is_online(t: Tagung) -> bool:
    """An event held online: it names a platform, or calls itself online or digital."""
    return bool(t.plattform) or any(word in (t.untertitel or "") for word in ("Online", "Digital"))


def _event(
    name: str, start: str, end: str, url: str, t: Tagung, description: str | None = None, tage: list[Tag] | None = None
) -> dict[str, Any]:
    """An Event; `tage` are the days it spans, whose places (`ort`) are its location when it was held in a hall."""
    event: dict[str, Any] = {
        "@type": "Event",
        "name": name,
        "startDate": start,
        "endDate": end,
        "eventStatus": "https://schema.org/EventScheduled",
        "url": url,
        "organizer": [{"@type": "Organization", "name": name_} for name_ in t.veranstalter],
    }
    places = list(dict.fromkeys(tag.ort for tag in (t.tage if tage is None else tage) if tag.ort))
    if is_online(t):
        event["eventAttendanceMode"] = ONLINE
        event["location"] = {"@type": "VirtualLocation", "url": url}
    elif places:  # the place as the record writes it (name and address in one line): nothing is split or guessed
        event["eventAttendanceMode"] = OFFLINE
        located = [{"@type": "Place", "name": ort, "address": ort} for ort in places]
        event["location"] = located[0] if len(located) == 1 else located
    if description:
        event["description"] = description
    if t.kostenfrei is not None:
        event["isAccessibleForFree"] = t.kostenfrei
    return event


def event(daten: Veranstaltungsdaten, site_url: str) -> dict[str, Any]:
    """One event of the archive with its sessions as sub-events."""
    t = daten.tagung
    zone = ZoneInfo(t.zeitzone)
    first, last = t.tage[0], t.tage[-1]
    data = _event(
        t.titel,
        _zeit(first.datum, first.beginn, zone),
        _zeit(last.datum, last.ende, zone),
        urls.absolute_url(site_url, urls.event_page(daten.ordner)),
        t,
        t.kurzbeschreibung,
    )
    if t.sessions:
        data["subEvent"] = [session_event(daten, s, site_url) for s in t.sessions]
    return data


def session_event(daten: Veranstaltungsdaten, s: Session, site_url: str) -> dict[str, Any]:
    t = daten.tagung
    zone = ZoneInfo(t.zeitzone)
    tag: Tag | None = next((d for d in t.tage if d.datum == s.tag), None)
    beginn = s.beginn or (tag.beginn if tag else None)
    ende = s.ende or (tag.ende if tag else None)
    return _event(
        s.titel,
        _zeit(s.tag, beginn, zone),
        _zeit(s.tag, ende, zone),
        urls.absolute_url(site_url, urls.session(daten.ordner, s.id)),
        t,
        tage=[tag] if tag else [],
    )


def datensatz(site: Site, site_url: str) -> dict[str, Any]:
    """The measures as an open dataset with its downloads."""
    data: dict[str, Any] = {
        "@type": "Dataset",
        "name": "Maßnahmen der Offensive Grüne Infrastruktur 2030",
        "description": (
            f"Die {len(site.massnahmen)} auf dieser Website dokumentierten Maßnahmen mit Kommune, "
            "Träger, Status, Förderung und Lage."
        ),
        "url": urls.absolute_url(site_url, urls.MASSNAHMEN),
        "license": LIZENZ_URL,
        "isAccessibleForFree": True,
        "inLanguage": "de",
        "distribution": [
            {
                "@type": "DataDownload",
                "contentUrl": urls.absolute_url(site_url, urls.data_file(e.identifier)),
                "encodingFormat": e.content_type,
                "name": e.label,
            }
            for e in OPEN_DATA_EXPORTS
        ],
    }
    if site.datenstand:
        data["dateModified"] = site.datenstand.isoformat()
    org = organisation(site)
    if org:
        data["creator"] = org
    return data


def json_ld(site: Site, src_uri: str, site_url: str) -> str | None:
    """The JSON-LD of one page (by its source path), or None for pages that describe nothing of these."""
    site_url = site_url if site_url.endswith("/") else site_url + "/"
    graph: list[dict[str, Any]] = []
    if src_uri == urls.HOME:
        graph.append(
            {"@type": "WebSite", "name": "Offensive Grüne Infrastruktur 2030", "url": site_url, "inLanguage": "de"}
        )
        org = organisation(site)
        if org:
            graph.append(org)
    elif src_uri == urls.MASSNAHMEN:
        graph.append(datensatz(site, site_url))
    else:
        for daten in site.veranstaltungen:
            if src_uri == urls.event_page(daten.ordner):
                graph.append(event(daten, site_url))
            else:
                graph += [
                    session_event(daten, s, site_url)
                    for s in daten.tagung.sessions
                    if src_uri == urls.session(daten.ordner, s.id)
                ]
    if not graph:
        return None
    return script_json({"@context": "https://schema.org", "@graph": graph})
