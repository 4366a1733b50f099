"""Files that records name (images, attachments): only regular files inside their content folder.

A record is untrusted: `datei: /etc/passwd` or a symlink to the build machine's secrets must never be
copied into the published site. The models admit only plain relative names; this module checks what
is on disk, where a symlink could still point elsewhere.
"""

from __future__ import annotations

import stat
from pathlib import Path


def file_problem(root: Path, folder: str, name: str) -> str | None:
    """Why `folder/name` below `root` cannot be published, in German; None if it can."""
    path = root / folder / name
    if not path.exists() and not path.is_symlink():
        return f"die Datei „{name}“ fehlt in {folder}/; die Datei dort ablegen oder den Namen prüfen"
    if not inside(root, path):
        return (f"„{name}“ in {folder}/ ist ein Verweis auf eine Datei außerhalb des Repositorys; "
                "die Datei selbst in den Ordner legen")
    try:
        mode = path.stat().st_mode
    except OSError:  # a dangling symlink
        return f"„{name}“ in {folder}/ verweist auf eine Datei, die es nicht gibt; die Datei selbst ablegen"
    if not stat.S_ISREG(mode):
        return f"„{name}“ in {folder}/ ist keine gewöhnliche Datei (sondern ein Ordner oder Gerät); eine Datei angeben"
    return None


def published_file(root: Path, folder: str, name: str) -> Path | None:
    """The file to copy into the site, or None while it has a problem (then `serve` leaves it out)."""
    return None if file_problem(root, folder, name) else root / folder / name


def inside(root: Path, path: Path) -> bool:
    """Whether `path`, with every symlink followed, stays inside `root`."""
    return Tree(root).contains(path)


class Tree:
    """The files inside one folder, every symlink followed; each folder on the way is resolved once.

    Loading asks this for every record: resolving each file's whole path cost a tenth of loading.
    """

    def __init__(self, root: Path):
        self.root = root.resolve()
        self._folders: dict[Path, Path] = {}

    def contains(self, path: Path) -> bool:
        if path.is_symlink():
            real = path.resolve()
        else:
            folder = self._folders.get(path.parent)
            if folder is None:
                folder = self._folders[path.parent] = path.parent.resolve()
            real = folder / path.name
        return real.is_relative_to(self.root)
