"""The conference programme as schedule.xml in the frab/pentabarf format (https://c3voc.de/schedule/schema.xsd).

Giggity, ConfClerk, EventFahrplan and the FOSDEM apps read this XML. It is made from the same document as
schedule.json, so both carry the same talks, times, guids, persons and attachments; talks without a known
time get the span schedule.json gives them (see schedule.py). The XML comes from ElementTree, which escapes
every text and attribute.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ..opendata.exporte import Export, Umgebung
from .schedule import JsonObject, schedule
from .veranstaltung import Veranstaltung

GENERATOR = "ogi-website"
XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'


class ScheduleXml(Export):
    identifier = "schedule.xml"
    label = "Daten für Programm-Apps (schedule.xml)"
    hinweis = "das Programm für Apps wie Giggity, ConfClerk oder EventFahrplan"

    def render(self, event: Veranstaltung, umgebung: Umgebung) -> str:
        """The XML text: UTF-8 with declaration, two-space indent, final newline."""
        data = schedule(event, umgebung.site_url)["schedule"]
        conference = data["conference"]
        root = ET.Element("schedule")
        ET.SubElement(root, "generator", name=GENERATOR)
        _http(root, "url", umgebung.url(event.file(self.identifier)))
        _text(root, "version", data["version"])
        conf = ET.SubElement(root, "conference")
        _text(conf, "acronym", conference["acronym"])
        _text(conf, "title", conference["title"])
        _text(conf, "start", conference["start"])
        _text(conf, "end", conference["end"])
        _text(conf, "days", str(conference["daysCount"]))
        _text(conf, "timeslot_duration", conference["timeslot_duration"])
        _http(conf, "base_url", data["base_url"])
        _http(conf, "url", conference["url"])
        _text(conf, "time_zone_name", conference["time_zone_name"])
        guids = {room["name"]: room["guid"] for room in conference["rooms"]}
        for day in conference["days"]:
            day_element = ET.SubElement(
                root, "day", index=str(day["index"]), date=day["date"], start=day["day_start"], end=day["day_end"]
            )
            for name, events in day["rooms"].items():
                room = ET.SubElement(day_element, "room", name=name, guid=guids[name])
                for e in events:
                    _event(room, e, conference["acronym"])
        ET.indent(root)
        return XML_DECLARATION + ET.tostring(root, encoding="unicode") + "\n"


def _event(room: ET.Element, e: JsonObject, acronym: str) -> None:
    element = ET.SubElement(room, "event", guid=e["guid"], id=str(e["id"]))
    _text(element, "date", e["date"])
    _text(element, "start", e["start"])
    _text(element, "duration", e["duration"])
    _text(element, "room", e["room"])
    slug = f"{acronym}-{e['slug']}"
    if len(e["slug"]) >= 4:  # the schema's slug pattern wants four characters after the acronym
        _text(element, "slug", slug)
    _http(element, "url", e["url"])
    _text(element, "title", e["title"])
    _text(element, "subtitle", e["subtitle"] or "")
    _text(element, "track", e["track"] or "")
    _text(element, "type", e["type"])
    _text(element, "language", e["language"])
    _text(element, "abstract", e["abstract"] or "")
    _text(element, "description", e["description"] or "")
    persons = ET.SubElement(element, "persons")
    for p in e["persons"]:
        _text(persons, "person", p["name"], guid=p["guid"])
    links = ET.SubElement(element, "links")
    for link in e["links"]:
        _text(links, "link", link["title"], href=link["url"], type=link["type"])
    attachments = ET.SubElement(element, "attachments")
    for a in e["attachments"]:
        _text(attachments, "attachment", a["title"], href=a["url"], type=a["type"])


def _text(parent: ET.Element, tag: str, text: str, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    element.text = text
    return element


def _http(parent: ET.Element, tag: str, url: str) -> None:
    # The schema takes only absolute http(s) URLs here; a build without site_url leaves the element out.
    if url.startswith(("http://", "https://")):
        _text(parent, tag, url)
