"""Where the records live: the folders and files of content/, and the names a record must not take."""

from __future__ import annotations

from ..model import urls

PROJECTS_DIR = "content/projects"
IMAGES_DIR = "content/projects/bilder"
TAGUNG_FILE = "tagung.yml"
# Record names that would take the address of a generated page (the address layout is urls.py's).
RESERVED_TALK_NAMES = urls.EVENT_RESERVED
RESERVED_PROJECT_NAMES = urls.MASSNAHME_RESERVED
RESERVED_SESSION_IDS = urls.SESSION_RESERVED
# An event folder (content/<name>/) must not take a generated section's address, nor be the measures' folder.
RESERVED_EVENT_FOLDERS = (*urls.SECTIONS, "projects")
CONTENT_DIR = "content"
DOCS_DIR = "docs"  # hand-written pages: MkDocs publishes every file in it
FOERDERSUMMEN_FILE = "content/foerdersummen.yml"
MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024


def attachments_dir(ordner: str) -> str:
    """The folder of an event's files: attachments_dir('fachtag-2025') -> 'content/fachtag-2025/anhaenge'."""
    return f"{CONTENT_DIR}/{ordner}/anhaenge"
