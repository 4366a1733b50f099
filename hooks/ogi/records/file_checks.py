"""`make check` for the files beside the records: the image a record names, every symlink in content/ and docs/,
every file in a file folder that no record names, and what docs/ may hold besides pages.

The rules themselves (formats by their bytes) are files.py's; the image limits are bilder.py's.
"""

from __future__ import annotations

from pathlib import Path

from ..model import urls
from .bilder import image_problem, size_problem
from .errors import FILE_FIELD, ContentError
from .files import FOLDER_NOTE, IMAGES, SYMLINK_REMEDY, FileRule, file_problem, files_below, format_problem, symlinks

# The site's own design in docs/assets/ (changed with the code, reviewed like it); nothing else but pages in docs/.
DOCS_ASSET_SUFFIXES = {".css", ".js", ".svg", ".png", ".jpg", ".jpeg", ".webp", ".ico", ".woff2"}
# Browsers ask the site's root for this file without any link (feeds, data files): it must stand beside the pages.
DOCS_ROOT_FILES = {"favicon.ico"}

Problems = tuple[list[ContentError], list[ContentError]]  # errors, warnings


def image_problems(root: Path, folder: str, name: str) -> tuple[str | None, str | None]:
    """(error, warning) about the image `name` a record names in `folder`, in German."""
    suffix = urls.width_suffix(name)
    problem = file_problem(root, folder, name, IMAGES) or (
        f"„{name}“ endet auf „{suffix}“ wie die verkleinerten Fassungen, die die Website selbst erzeugt; die Datei "
        f"umbenennen, z. B. in „{name.replace(suffix, suffix + 'px', 1)}“"
        if suffix
        else None
    )
    if problem:
        return problem, None
    path = root / folder / name
    problem, warning = size_problem(path, name)
    problem = problem or image_problem(path, name)
    return (problem, None) if problem else (None, warning)


def tree_problems(
    root: Path,
    content: str,
    docs: str,
    folders: dict[str, tuple[FileRule, str]],
    named: dict[str, set[str]],
    faulty: set[str],
) -> Problems:
    """Every symlink in `content` and `docs`, what `docs` holds besides pages, and every file in the file `folders` (folder ->
    its rule and where a record names its files) that no record names (`named`: folder -> names).

    A file no record names is not published, but the repository is public: a wrong format is an error as if it
    were named, any other such file a warning (serve shows it and goes on; check and the strict build stop). While
    a record beside the folder has an error (`faulty`: paths with errors), it may name the file: no warning then.
    """
    errors: list[ContentError] = []
    warnings: list[ContentError] = []
    named_paths = {f"{folder}/{name}" for folder, names in named.items() for name in names}
    for tree in (content, docs):
        for link in symlinks(root / tree):
            shown = link.relative_to(root).as_posix()
            if shown not in named_paths:  # else the record that names it has the message, with its line
                what = "der Ordner" if link.is_dir() else "die Datei"
                errors.append(
                    ContentError(
                        shown, 1, FILE_FIELD, f"{what} ist ein symbolischer Verweis (Symlink); {SYMLINK_REMEDY}"
                    )
                )
    errors += docs_problems(root, docs)
    for folder, (rule, where) in folders.items():
        records = folder.rsplit("/", 1)[0] + "/"
        sure = not any(path.startswith(records) and not path.startswith(folder + "/") for path in faulty)
        for path in files_below(root / folder):
            name = path.relative_to(root / folder).as_posix()
            if name in named.get(folder, set()) or name == FOLDER_NOTE:
                continue  # the record's check named its problems; the folder's note is never published
            shown = path.relative_to(root).as_posix()
            problem = format_problem(path, name, folder, rule)
            if problem:
                errors.append(ContentError(shown, 1, FILE_FIELD, problem))
            elif sure:
                warnings.append(
                    ContentError(
                        shown,
                        1,
                        FILE_FIELD,
                        f"kein Datensatz nennt „{name}“, die Datei wird nicht veröffentlicht "
                        f"(steht aber im öffentlichen Repository); ihren Namen unter {where} "
                        "eintragen oder die Datei löschen",
                    )
                )
    return errors, warnings


def docs_problems(root: Path, docs: str) -> list[ContentError]:
    """docs/ holds pages (.md) and, in docs/assets/, the site's own design; MkDocs publishes any other file as it
    is, and the site's address must not serve a page or script that no rule checked."""
    errors = []
    for path in files_below(root / docs):
        relative = path.relative_to(root / docs)
        if (
            path.suffix == ".md"
            or relative.as_posix() in DOCS_ROOT_FILES
            or (relative.parts[0] == "assets" and path.suffix.lower() in DOCS_ASSET_SUFFIXES)
        ):
            continue
        errors.append(
            ContentError(
                path.relative_to(root).as_posix(),
                1,
                FILE_FIELD,
                (
                    f"Dateien der Art „{path.suffix or 'ohne Endung'}“ veröffentlicht die Website nicht aus {docs}/: dort "
                    "stehen nur Seiten (.md) und unter docs/assets/ Gestaltung und Bilder der Website; einen Text als "
                    "Seite (.md) schreiben, Bilder einer Maßnahme nach content/projects/bilder/ und Folien nach "
                    "content/<veranstaltung>/anhaenge/ legen"
                ),
            )
        )
    return errors
