"""Files beside the records are data, never pages or scripts (issue 22): each refused file gets exactly its one
German message from `make check`; images are published as the build made them.

Every case's id starts with the one layer that stops it:
- `format`: the allow-list by bytes and name (ogi.records.files), in `make check` and again when publishing;
- `symlink`: no symlink in content/ or docs/ (ogi.records.files, ogi.records.content);
- `bild`: the image limits and decoding (ogi.records.bilder), in `make check`;
- `docs`: what docs/ may hold besides pages (ogi.records.content);
- `neukodierung`: the build re-encodes images (ogi.records.bilder), so nothing but pixels is published.
Files that pass and still carry a script are in the hostile corpus (tests/hostile.py, test_hostile.py).
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import numpy
import pytest
from PIL import Image
from pytest import TempPathFactory

from helpers import FIXTURE_CONTENT, TAGUNG, line_of, replace_in
from hostile import hostile_jpeg
from ogi.model import urls
from ogi.model.output import Output
from ogi.pages.outputs import build_outputs
from ogi.records.bilder import fassungen
from ogi.records.content import load_site

BILDER = "content/projects/bilder"
ANHAENGE = f"{TAGUNG}/anhaenge"
RECORD = "content/projects/test-herne-park.yml"  # names test-bild.png in its bilder
TALK = f"{TAGUNG}/test-grusswort.yml"  # names test-folien.pdf in its anhaenge
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>window.__pwned="svg"</script></svg>'
HTML = b"<!DOCTYPE html><html><body><script>window.__pwned='html'</script></body></html>"
HEIC = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + bytes(64)
PPTX_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
PPTM_TYPE = "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURE_CONTENT, tmp_path / "content")  # the tests' own records, never the shipped ones
    return tmp_path


def _messages(project: Path) -> list[str]:
    site = load_site(project)
    return [str(e) for e in site.errors] + [f"{w} (Warnung)" for w in site.warnings]


def _image_field(project: Path, name: str) -> str:
    """Let the fixture measure name `name` as its image; the message prefix of that field."""
    return _rename(project, RECORD, f"{BILDER}/test-bild.png", name, "  - ", "bilder[1].datei")


def _attachment_field(project: Path, name: str) -> str:
    """Let the fixture talk name `name` as its slides; the message prefix of that field."""
    return _rename(project, TALK, f"{ANHAENGE}/test-folien.pdf", name, "    ", "anhaenge[1].datei")


def _rename(project: Path, source: str, old: str, name: str, indent: str, field: str) -> str:
    record = project / source
    replace_in(record, f"datei: {Path(old).name}", f"datei: {name}")
    (project / old).unlink()
    return f"{source}:{line_of(record, f'{indent}datei: {name}')}: {field}: "


def _jpeg(size: tuple[int, int] = (64, 48), **options: object) -> bytes:
    out = io.BytesIO()
    Image.linear_gradient("L").resize(size).convert("RGB").save(out, "JPEG", **options)
    return out.getvalue()


def _zip(entries: dict[str, str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, text in entries.items():
            archive.writestr(name, text)
    return out.getvalue()


def _office(content_type: str) -> bytes:
    return _zip(
        {
            "[Content_Types].xml": f'<Types><Override PartName="/ppt/presentation.xml" '
            f'ContentType="{content_type}"/></Types>',
            "ppt/presentation.xml": "<p/>",
        }
    )


IMAGE_ADVICE = "das Bild als JPEG speichern (eine Grafik als PNG)"
SLIDES_ADVICE = "die Folien als PDF exportieren (ein Dokument als PDF speichern)"
DOCUMENTS = "PDF, PowerPoint (.pptx), Word (.docx), Excel (.xlsx) und OpenDocument (.odp, .odt, .ods)"


def refused_type(name: str, folder: str) -> str:
    """The message for a file whose kind (by its name's ending) the folder does not admit at all."""
    allowed, advice = (DOCUMENTS, SLIDES_ADVICE) if folder == ANHAENGE else ("JPEG, PNG und WebP", IMAGE_ADVICE)
    return (
        f"„{name}“ in {folder}/: Dateien der Art „{Path(name).suffix}“ veröffentlicht die Website nicht; "
        f"erlaubt sind {allowed}: {advice}"
    )


# (case id "layer-what", file name, bytes, message after the field) for an image a record names.
NAMED_IMAGES = [
    (
        "format-svg-mit-script",
        "karte.svg",
        SVG,
        f"„karte.svg“ in {BILDER}/: SVG-Dateien können Programmcode enthalten, der auf der Website liefe; das Bild "
        "als PNG speichern",
    ),
    (
        "format-markdown-als-seite",
        "seite.md",
        b"# Anmelden\n\n<form><input type=password></form>\n",
        refused_type("seite.md", BILDER),
    ),
    ("format-html", "bild.html", HTML, refused_type("bild.html", BILDER)),
    (
        "format-html-als-jpg",
        "park.jpg",
        HTML,
        f"„park.jpg“ in {BILDER}/ ist dem Inhalt nach kein JPEG, sondern HTML; {IMAGE_ADVICE}",
    ),
    (
        "format-svg-als-png",
        "park.png",
        SVG,
        f"„park.png“ in {BILDER}/ ist dem Inhalt nach kein PNG: SVG-Dateien können Programmcode enthalten, der auf "
        "der Website liefe; das Bild als PNG speichern",
    ),
    (
        "format-heic",
        "iphone.heic",
        HEIC,
        f"„iphone.heic“ in {BILDER}/: HEIC (das Format der iPhone-Fotos) kann die Website nicht lesen; das Bild als "
        "JPEG exportieren (am iPhone künftig unter Einstellungen → Kamera → Formate „Maximale Kompatibilität“ wählen)",
    ),
    (
        "format-heic-als-jpg",
        "iphone.jpg",
        HEIC,
        f"„iphone.jpg“ in {BILDER}/ ist dem Inhalt nach kein JPEG: HEIC (das Format der iPhone-Fotos) kann die "
        "Website nicht lesen; das Bild als JPEG exportieren (am iPhone künftig unter Einstellungen → Kamera → "
        "Formate „Maximale Kompatibilität“ wählen)",
    ),
    (
        "format-gif-als-png",
        "animiert.png",
        b"GIF89a" + bytes(32),
        f"„animiert.png“ in {BILDER}/ ist dem Inhalt nach kein PNG, sondern GIF; {IMAGE_ADVICE}",
    ),
    (
        "format-pdf-als-bild",
        "plan.jpeg",
        b"%PDF-1.4\n",
        f"„plan.jpeg“ in {BILDER}/ ist dem Inhalt nach kein JPEG, sondern PDF; {IMAGE_ADVICE}",
    ),
    (
        "bild-abgeschnitten",
        "halb.jpg",
        _jpeg((400, 300))[:600],
        "das Bild „halb.jpg“ lässt sich nicht lesen, die Datei ist beschädigt oder unvollständig hochgeladen; das Bild "
        "neu als JPEG speichern und hochladen",
    ),
    (
        "bild-name-wie-verkleinerte-fassung",
        "park-480.jpg",
        _jpeg(),
        "„park-480.jpg“ endet auf „-480“ wie die verkleinerten Fassungen, die die Website selbst erzeugt; die Datei "
        "umbenennen, z. B. in „park-480px.jpg“",
    ),
]


@pytest.mark.parametrize(("name", "data", "message"), [c[1:] for c in NAMED_IMAGES], ids=[c[0] for c in NAMED_IMAGES])
def test_named_image_of_a_refused_format_gives_its_one_message(
    project: Path, name: str, data: bytes, message: str
) -> None:
    field = _image_field(project, name)
    (project / BILDER / name).write_bytes(data)
    assert _messages(project) == [field + message]


NAMED_ATTACHMENTS = [
    (
        "format-html-als-pdf",
        "folien.pdf",
        HTML,
        f"„folien.pdf“ in {ANHAENGE}/ ist dem Inhalt nach kein PDF, sondern HTML; {SLIDES_ADVICE}",
    ),
    ("format-html", "folien.html", HTML, refused_type("folien.html", ANHAENGE)),
    ("format-xml", "daten.xml", b'<?xml version="1.0"?><a/>', refused_type("daten.xml", ANHAENGE)),
    ("format-javascript", "folien.js", b"window.__pwned='js'", refused_type("folien.js", ANHAENGE)),
    ("format-json", "daten.json", b'{"a": 1}', refused_type("daten.json", ANHAENGE)),
    (
        "format-markdown-als-seite",
        "protokoll.md",
        b"# Protokoll\n<script>window.__pwned=1</script>\n",
        refused_type("protokoll.md", ANHAENGE),
    ),
    (
        "format-pptx-mit-makros",
        "folien.pptx",
        _office(PPTM_TYPE),
        f"„folien.pptx“ in {ANHAENGE}/ ist dem Inhalt nach kein PowerPoint, sondern ZIP-Archiv; {SLIDES_ADVICE}",
    ),
    (
        "format-altes-office",
        "folien.ppt",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64),
        f"„folien.ppt“ in {ANHAENGE}/: das alte Office-Format (.ppt, .doc, .xls) kann Makros enthalten; die Folien als "
        "PDF exportieren (oder als .pptx speichern)",
    ),
    (
        "format-video",
        "mitschnitt.mp4",
        b"\x00\x00\x00\x20ftypisom" + bytes(64),
        f"„mitschnitt.mp4“ in {ANHAENGE}/: Videos veröffentlicht die Website nicht als Datei; das Video auf einer "
        "Videoplattform des Betreibers veröffentlichen und verlinken",
    ),
]


@pytest.mark.parametrize(
    ("name", "data", "message"), [c[1:] for c in NAMED_ATTACHMENTS], ids=[c[0] for c in NAMED_ATTACHMENTS]
)
def test_named_attachment_of_a_refused_format_gives_its_one_message(
    project: Path, name: str, data: bytes, message: str
) -> None:
    field = _attachment_field(project, name)
    (project / ANHAENGE / name).write_bytes(data)
    assert _messages(project) == [field + message]


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("folien.pdf", b"%PDF-1.7\n%%EOF\n"),
        ("folien.pptx", _office(PPTX_TYPE)),
        ("folien.odp", _zip({"mimetype": "application/vnd.oasis.opendocument.presentation", "content.xml": "<a/>"})),
    ],
    ids=["pdf", "pptx", "odp"],
)
def test_attachment_in_an_admitted_format_passes(project: Path, name: str, data: bytes) -> None:
    _attachment_field(project, name)
    (project / ANHAENGE / name).write_bytes(data)
    assert _messages(project) == []


# --- files no record names --------------------------------------------------------------------------------


def test_unnamed_file_of_a_refused_format_is_an_error_at_the_file(project: Path) -> None:
    # layer: format -- a .md in bilder/ never becomes a page (only named files are published), but it is refused
    (project / BILDER / "login.md").write_text("# Anmelden\n", encoding="utf-8")
    assert _messages(project) == [f"{BILDER}/login.md:1: (Datei): {refused_type('login.md', BILDER)}"]


def unnamed_message(name: str, where: str) -> str:
    return (
        f"kein Datensatz nennt „{name}“, die Datei wird nicht veröffentlicht (steht aber im öffentlichen "
        f"Repository); ihren Namen unter {where} eintragen oder die Datei löschen"
    )


def test_unnamed_image_is_a_warning_because_the_repository_is_public(project: Path) -> None:
    (project / BILDER / "vorrat.jpg").write_bytes(_jpeg())
    (project / ANHAENGE / "unterordner").mkdir()
    (project / ANHAENGE / "unterordner/alt.pdf").write_bytes(b"%PDF-1.4\n")
    assert _messages(project) == [
        f"{BILDER}/vorrat.jpg:1: (Datei): {unnamed_message('vorrat.jpg', 'bilder[].datei einer Maßnahme')} (Warnung)",
        f"{ANHAENGE}/unterordner/alt.pdf:1: (Datei): "
        f"{unnamed_message('unterordner/alt.pdf', 'anhaenge[].datei eines Beitrags')} (Warnung)",
    ]


def test_folder_note_readme_is_neither_refused_nor_published(project: Path) -> None:
    assert (project / BILDER / "README.md").is_file() and (project / ANHAENGE / "README.md").is_file()
    assert _messages(project) == []


# --- symlinks ---------------------------------------------------------------------------------------------

SYMLINK = "Symlinks veröffentlicht die Website nicht, wohin sie auch zeigen; die Datei selbst an ihren Platz legen"


def symlink_message(name: str, folder: str) -> str:
    return f"„{name}“ in {folder}/ ist ein symbolischer Verweis (Symlink); {SYMLINK}"


def test_symlink_named_as_image_is_refused_although_it_stays_in_the_repository(project: Path) -> None:
    # layer: symlink -- a link to .git/config (or any git-ignored file of an editor's clone) would publish its bytes
    (project / ".git").mkdir()
    (project / ".git/config").write_text("[remote]\n\turl = https://token@example.org/\n", encoding="utf-8")
    field = _image_field(project, "park.jpg")
    os.symlink("../../../.git/config", project / BILDER / "park.jpg")
    assert _messages(project) == [field + symlink_message("park.jpg", BILDER)]


def test_symlink_to_an_image_in_the_same_folder_is_refused(project: Path) -> None:
    field = _image_field(project, "park.jpg")
    (project / BILDER / "original.jpg").write_bytes(_jpeg())
    os.symlink("original.jpg", project / BILDER / "park.jpg")
    # The target, named by no record, gets no warning while a record of the folder has an error.
    assert _messages(project) == [field + symlink_message("park.jpg", BILDER)]


def test_symlink_out_of_the_repository_is_refused(project: Path, tmp_path_factory: TempPathFactory) -> None:
    secret = tmp_path_factory.mktemp("draussen") / "geheim.pdf"
    secret.write_bytes(b"%PDF-1.4\n")
    field = _attachment_field(project, "folien.pdf")
    os.symlink(secret, project / ANHAENGE / "folien.pdf")
    assert _messages(project) == [field + symlink_message("folien.pdf", ANHAENGE)]


def test_symlinked_folder_and_record_anywhere_in_content_are_refused(
    project: Path, tmp_path_factory: TempPathFactory
) -> None:
    outside = tmp_path_factory.mktemp("draussen")
    shutil.copy(project / RECORD, outside / "fremd.yml")
    os.symlink(outside / "fremd.yml", project / "content/projects/fremd.yml")
    os.symlink(outside, project / "content/sonstiges")
    assert sorted(_messages(project)) == [
        f"content/projects/fremd.yml:1: (Datei): die Datei ist ein symbolischer Verweis (Symlink); {SYMLINK}",
        f"content/sonstiges:1: (Datei): der Ordner ist ein symbolischer Verweis (Symlink); {SYMLINK}",
    ]


def test_symlink_in_docs_is_refused(project: Path) -> None:
    (project / "docs").mkdir()
    (project / "docs/index.md").write_text("# Start\n", encoding="utf-8")
    os.symlink("index.md", project / "docs/kopie.md")
    assert _messages(project) == [
        f"docs/kopie.md:1: (Datei): die Datei ist ein symbolischer Verweis (Symlink); {SYMLINK}"
    ]


# --- docs/: pages and the site's own design, nothing else ----------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["seite.html", "assets/x.html", "bild.svg", "daten.json"],
    ids=["docs-html", "docs-html-in-assets", "docs-svg-ausserhalb-assets", "docs-json"],
)
def test_docs_file_that_is_no_page_and_no_design_is_refused(project: Path, name: str) -> None:
    (project / "docs/assets").mkdir(parents=True)
    (project / "docs/assets/ogi.css").write_text("a{}", encoding="utf-8")
    (project / "docs" / name).write_bytes(HTML)
    assert _messages(project) == [f"docs/{name}:1: (Datei): {docs_message(Path(name).suffix)}"]


def docs_message(suffix: str) -> str:
    return (
        f"Dateien der Art „{suffix}“ veröffentlicht die Website nicht aus docs/: dort stehen nur Seiten (.md) "
        "und unter docs/assets/ Gestaltung und Bilder der Website; einen Text als Seite (.md) schreiben, Bilder "
        "einer Maßnahme nach content/projects/bilder/ und Folien nach content/<veranstaltung>/anhaenge/ legen"
    )


# --- image limits -------------------------------------------------------------------------------------------


def _noisy_jpeg(width: int, height: int) -> bytes:
    """A photo-like JPEG that compresses badly (noise over a gradient): large in bytes at moderate pixels."""
    rng = numpy.random.default_rng(22)
    noise = rng.integers(0, 256, (height, width, 3), dtype="uint8")
    out = io.BytesIO()
    Image.fromarray(noise).save(out, "JPEG", quality=95)
    return out.getvalue()


def big_message(megabytes: str) -> str:
    return (
        f"das Bild „gross.jpg“ ist {megabytes} MB groß und wird verkleinert veröffentlicht, doch das Repository "
        "behält das Original; vor dem Hochladen auf höchstens 5 MB verkleinern (z. B. 2.000 Pixel breit als JPEG "
        "speichern)"
    )


def test_image_over_five_megabytes_is_a_warning_and_published_small(project: Path) -> None:
    field = _image_field(project, "gross.jpg")
    data = _noisy_jpeg(4400, 3300)
    assert len(data) > 15 * 1024 * 1024
    (project / BILDER / "gross.jpg").write_bytes(data)
    assert _messages(project) == [field + big_message(f"{len(data) / 1024 / 1024:.0f}") + " (Warnung)"]
    # layer: neukodierung -- what the build publishes (the warning stops only check and the strict build)
    published = {o.uri: o.content for o in build_outputs(load_site(project)) if o.uri.startswith("massnahmen/bilder/")}
    assert sorted(published) == [
        urls.massnahme_bild("gross.jpg", 480),
        urls.massnahme_bild("gross.jpg", 960),
        urls.massnahme_bild("gross.jpg"),
    ]
    largest = published[urls.massnahme_bild("gross.jpg")]
    assert isinstance(largest, bytes) and len(largest) < len(data) / 5
    assert Image.open(io.BytesIO(largest)).size == (1600, 1200)  # 4400 × 3300 scaled


def test_image_just_over_five_megabytes_names_its_size_with_a_decimal(project: Path) -> None:
    field = _image_field(project, "gross.jpg")
    with (project / BILDER / "gross.jpg").open("wb") as handle:
        handle.write(_jpeg())
        handle.truncate(5_662_310)  # padded after the image's end: decodes like the small picture it is
    assert _messages(project) == [field + big_message("5,4") + " (Warnung)"]


def test_image_over_thirty_megabytes_is_refused(project: Path) -> None:
    field = _image_field(project, "riesig.jpg")
    with (project / BILDER / "riesig.jpg").open("wb") as handle:
        handle.write(_jpeg())
        handle.truncate(31 * 1024 * 1024)
    assert _messages(project) == [
        field + "das Bild „riesig.jpg“ ist 31 MB groß; erlaubt sind höchstens 30 MB: das Bild vor dem Hochladen "
        "verkleinern (z. B. 2.000 Pixel breit als JPEG speichern)"
    ]


@pytest.mark.parametrize(
    ("size", "dimensions"),
    [((9000, 7000), " (9000 × 7000)"), ((11000, 11000), "")],
    ids=["bild-ueber-60-megapixel", "bild-dekompressionsbombe-pillow"],
)
def test_image_with_too_many_pixels_is_refused_without_decoding(
    project: Path, size: tuple[int, int], dimensions: str
) -> None:
    # A few KB of PNG that would take gigabytes once decoded; Pillow's own guard (twice the limit) is caught too.
    field = _image_field(project, "bombe.png")
    out = io.BytesIO()
    Image.new("1", size).save(out, "PNG")
    assert len(out.getvalue()) < 200_000
    (project / BILDER / "bombe.png").write_bytes(out.getvalue())
    assert _messages(project) == [field + bomb_message(dimensions)]


def bomb_message(dimensions: str) -> str:
    return (
        f"das Bild „bombe.png“ hat mehr als 60 Megapixel{dimensions}, mehr als erlaubt (so groß ist kein Foto, "
        "wohl aber ein Bild, das beim Öffnen den Speicher füllen soll); das Bild verkleinern: für die Website "
        "genügen 2.000 Pixel Breite"
    )


# --- re-encoding ----------------------------------------------------------------------------------------------


def test_photo_with_gps_exif_is_published_without_it(tmp_path: Path) -> None:
    # layer: neukodierung
    source = tmp_path / "foto.jpg"
    source.write_bytes(hostile_jpeg())
    with Image.open(source) as original:
        assert original.getexif().get_ifd(0x8825)  # the source has a GPS position
    for fassung in fassungen(source, "foto.jpg"):
        published = Image.open(io.BytesIO(fassung.daten))
        assert dict(published.getexif()) == {} and "exif" not in published.info and "xmp" not in published.info
        assert published.size == (fassung.breite, fassung.hoehe) and published.height > published.width  # upright
        assert b"<script" not in fassung.daten


def test_image_with_icc_profile_is_converted_to_srgb_without_profile(tmp_path: Path) -> None:
    from PIL import ImageCms

    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("LAB")).tobytes()
    source = tmp_path / "farbe.jpg"
    source.write_bytes(_jpeg(icc_profile=ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()))
    assert Image.open(source).info.get("icc_profile") and profile
    [fassung] = fassungen(source, "farbe.jpg")
    assert "icc_profile" not in Image.open(io.BytesIO(fassung.daten)).info


def test_small_image_is_never_scaled_up(tmp_path: Path) -> None:
    source = tmp_path / "klein.png"
    Image.new("RGB", (300, 200), "green").save(source)
    assert [(f.uri, f.breite) for f in fassungen(source, "klein.png")] == [(urls.massnahme_bild("klein.png"), 300)]


def test_image_bytes_are_the_same_in_every_build(tmp_path: Path) -> None:
    # Two processes, as two builds: fixed encoder settings, no time stamps.
    source = tmp_path / "foto.jpg"
    source.write_bytes(hostile_jpeg())
    script = (
        "import hashlib, sys; from pathlib import Path; from ogi.records.bilder import fassungen; "
        "print([hashlib.sha256(f.daten).hexdigest() for f in fassungen(Path(sys.argv[1]), 'foto.jpg')])"
    )
    env = os.environ | {"PYTHONPATH": str(Path(__file__).parents[1] / "hooks")}
    runs = [
        subprocess.run(
            [sys.executable, "-c", script, str(source)], capture_output=True, text=True, env=env, check=True
        ).stdout
        for _ in range(2)
    ]
    assert runs[0] == runs[1] and runs[0].count("'") == 6
    assert runs[0].strip() == str([hashlib.sha256(f.daten).hexdigest() for f in fassungen(source, "foto.jpg")])


def test_a_file_never_becomes_a_page_whatever_its_name() -> None:
    # The last wall behind the allow-list: an Output of bytes or from disk whose address ends in .md is refused.
    with pytest.raises(ValueError, match="wird nie zur Seite"):
        Output("massnahmen/bilder/login.md", path=Path("login.md"))
    with pytest.raises(ValueError, match="wird nie zur Seite"):
        Output("massnahmen/bilder/login.md", content=b"# Anmelden")


def guide_messages() -> list[str]:
    """`field: message` of every case above, as the editors' guide quotes them (test_annotations_guide.py)."""
    return [
        *(f"bilder[1].datei: {c[3]}" for c in NAMED_IMAGES),
        *(f"anhaenge[1].datei: {c[3]}" for c in NAMED_ATTACHMENTS),
        f"bilder[1].datei: {symlink_message('park.jpg', BILDER)}",
        f"bilder[1].datei: {big_message('15')}",
        f"bilder[1].datei: {bomb_message('')}",
        f"(Datei): {unnamed_message('vorrat.jpg', 'bilder[].datei')}",
        f"(Datei): {docs_message('.html')}",
    ]


@pytest.mark.parametrize(
    ("datei", "breite", "uri"),
    [
        ("park.jpg", None, "massnahmen/bilder/park.jpg"),
        ("park.jpg", 480, "massnahmen/bilder/park-480.jpg"),
        ("herne/park.v2.png", 960, "massnahmen/bilder/herne/park.v2-960.png"),
    ],
    ids=["groesste", "480", "unterordner"],
)
def test_image_sizes_have_one_address_each(datei: str, breite: int | None, uri: str) -> None:
    # A source name that ends like a smaller size ("park-480.jpg") is refused (test above), so no two meet.
    assert urls.massnahme_bild(datei, breite) == uri
