"""The source check asks only public web servers (hooks/ogi/editors/sources_check.py): an address from a pull
request must not make the CI machine request itself, its network or a cloud's metadata service, neither
directly nor through a redirect. Without internet: name resolution is replaced, and the one real server
is on 127.0.0.1 — where nothing may arrive."""

from __future__ import annotations

import io
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import NoReturn

import pytest
from pytest import MonkeyPatch

from ogi.editors import sources_check
from ogi.editors.public_address import address_problem, inspect_address
from ogi.editors.sources_check import Settings
from ogi.editors.sources_report import REFUSED
from test_sources_check import CountingServer, Handler, server  # noqa: F401  (the fixture: a counting server on 127.0.0.1)

FAST = Settings(timeout=1.0, attempts=1, backoff=0.0, host_pause=0.0)
# What the replaced resolver answers; a name not listed does not resolve.
DNS = {
    "oeffentlich.example": ["93.184.215.14"],
    "intern.example": ["10.1.2.3"],
    "lokal.example": ["127.0.0.1"],
    "gemischt.example": ["93.184.215.14", "192.168.0.7"],
    "metadaten.example": ["169.254.169.254"],
    "v6-lokal.example": ["::1"],
}


@pytest.fixture(autouse=True)
def dns(monkeypatch: MonkeyPatch) -> Iterator[dict[str, list[str]]]:
    def getaddrinfo(
        host: str, port: int | str | None, *args: object, **kwargs: object
    ) -> list[tuple[socket.AddressFamily, socket.SocketKind, int, str, tuple[str, int | str]]]:
        if host not in DNS:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return [
            (socket.AF_INET6 if ":" in a else socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, port or 0))
            for a in DNS[host]
        ]

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    yield DNS


REFUSALS = {
    "loopback": ("http://127.0.0.1/a", "„127.0.0.1“ ist eine Adresse dieses Rechners (Loopback)"),
    "loopback-name": ("http://lokal.example/a", "„lokal.example“ führt zu 127.0.0.1, eine Adresse dieses Rechners"),
    "localhost-v6": ("http://[::1]/a", "„::1“ ist eine Adresse dieses Rechners (Loopback)"),
    "v4-in-v6": ("http://[::ffff:127.0.0.1]/a", "ist eine Adresse dieses Rechners (Loopback)"),
    "private": ("http://10.0.0.5/a", "„10.0.0.5“ ist eine private Adresse (internes Netz)"),
    "private-192": ("https://192.168.1.1/", "„192.168.1.1“ ist eine private Adresse (internes Netz)"),
    "private-name": ("https://intern.example/a", "„intern.example“ führt zu 10.1.2.3, eine private Adresse"),
    "one-of-several": ("https://gemischt.example/", "„gemischt.example“ führt zu 192.168.0.7, eine private Adresse"),
    "link-local": ("http://169.254.169.254/latest/meta-data/", "ist eine link-lokale Adresse"),
    "link-local-name": ("http://metadaten.example/", "führt zu 169.254.169.254, eine link-lokale Adresse"),
    "link-local-v6": ("http://[fe80::1]/", "ist eine link-lokale Adresse"),
    "multicast": ("http://224.0.0.1/", "„224.0.0.1“ ist eine Multicast-Adresse"),
    "unspecified": ("http://0.0.0.0/", "„0.0.0.0“ ist eine reservierte, nicht öffentliche Adresse"),
    "reserved": ("http://240.0.0.1/", "„240.0.0.1“ ist eine reservierte, nicht öffentliche Adresse"),
    "shared-cgnat": ("http://100.64.0.1/", "„100.64.0.1“ ist eine reservierte, nicht öffentliche Adresse"),
    "v6-name": ("http://v6-lokal.example/", "„v6-lokal.example“ führt zu ::1, eine Adresse dieses Rechners"),
    "port": (
        "https://oeffentlich.example:8443/",
        "Port 8443; abgerufen werden nur Adressen ohne Port oder mit Port 80 oder 443",
    ),
    "port-ssh": ("http://oeffentlich.example:22/", "Port 22;"),
    "no-public-name": ("https://nirgends.example/", "„nirgends.example“ hat keine öffentliche Adresse im DNS"),
    "scheme": ("ftp://oeffentlich.example/", "nur http- und https-Adressen werden abgerufen"),
}


@pytest.mark.parametrize(("url", "reason"), REFUSALS.values(), ids=REFUSALS.keys())
def test_address_that_is_not_public_is_refused_with_its_reason(url: str, reason: str) -> None:
    problem = address_problem(url)
    assert problem is not None and reason in problem


@pytest.mark.parametrize(
    "url",
    [
        "https://oeffentlich.example/",
        "http://oeffentlich.example:80/a",
        "https://oeffentlich.example:443/a?b=c",
        "https://93.184.215.14/",
    ],
)
def test_public_address_on_a_standard_port_is_asked(url: str) -> None:
    assert address_problem(url) is None


def test_check_asks_no_address_that_is_not_public(tmp_path: Path, server: CountingServer) -> None:  # noqa: F811
    port = server.server_address[1]
    urls = [
        f"http://127.0.0.1:{port}/ok",
        "http://lokal.example/ok",
        f"http://localhost:{port}/ok",
        "http://[::1]/ok",
        "http://169.254.169.254/latest/meta-data/",
    ]
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/x.md").write_text("".join(f"[q{i}]({u})\n" for i, u in enumerate(urls)), encoding="utf-8")
    out = io.StringIO()
    code = sources_check.run(tmp_path, FAST, out=out, environ={})
    lines = out.getvalue().splitlines()
    assert code == 1
    assert server.requests == {}  # nothing arrived at the one real server
    assert len(lines) == len(urls) + 1
    assert all(": nicht abgerufen (" in line for line in lines[:-1])
    assert lines[-1].endswith(f"{len(urls)} nicht öffentlich (nicht abgerufen).")


class Redirecting(Handler):
    """A server that stands for a public one and redirects into the machine's own network."""

    def do_GET(self) -> None:
        if self.path == "/nach-innen":
            self.server.requests[self.path] += 1
            self.send_response(302)
            self.send_header("Location", f"http://127.0.0.1:{self.server.server_port}/ok")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        super().do_GET()


def test_redirect_into_a_private_address_is_not_followed(
    tmp_path: Path,
    server: CountingServer,  # noqa: F811
    monkeypatch: MonkeyPatch,
) -> None:
    server.RequestHandlerClass = Redirecting
    cited = f"http://127.0.0.1:{server.server_address[1]}/nach-innen"
    real = inspect_address
    # The cited server counts as public (it stands for one); its redirect target is judged for real.
    monkeypatch.setattr(
        sources_check, "inspect_address", lambda url: (None, "127.0.0.1") if url == cited else real(url)
    )
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/x.md").write_text(f"[umgeleitet]({cited})\n", encoding="utf-8")
    out = io.StringIO()
    code = sources_check.run(tmp_path, FAST, out=out, environ={})
    assert code == 1
    assert dict(server.requests) == {"/nach-innen": 1}  # the target /ok was never asked
    assert out.getvalue().splitlines()[0] == (
        f"docs/x.md:1: Link „umgeleitet“: nicht abgerufen (Weiterleitung auf http://127.0.0.1:"
        f"{server.server_address[1]}/ok: Port {server.server_address[1]}; abgerufen werden nur Adressen ohne Port "
        "oder mit Port 80 oder 443); geprüft werden nur öffentliche Websites: die öffentliche Adresse der Quelle "
        "eintragen"
    )
    results = sources_check.load_cache(tmp_path / sources_check.CACHE_FILE)
    assert cited not in results  # a refusal depends on the DNS of the day: asked again next time
    assert REFUSED == "nicht öffentlich"


class HostEcho(Handler):
    """Answers 200 and records the Host header it was asked with."""

    def do_GET(self) -> None:
        self.server.requests[f"{self.headers['Host']}{self.path}"] += 1
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()


def test_the_checked_address_is_asked_and_the_name_not_looked_up_again(
    tmp_path: Path,
    server: CountingServer,  # noqa: F811
    monkeypatch: MonkeyPatch,
) -> None:
    # A name that answered „public“ to the check must not be looked up a second time for the request (it could
    # then answer with an address inside): the request goes to the checked address, with the name as Host.
    server.RequestHandlerClass = HostEcho
    port = server.server_address[1]
    cited = f"http://quelle.example:{port}/seite"
    monkeypatch.setattr(sources_check, "inspect_address", lambda url: (None, "127.0.0.1"))  # as checked
    looked_up: list[str] = []

    def no_second_lookup(host: str, *args: object, **kwargs: object) -> NoReturn:
        looked_up.append(host)
        raise socket.gaierror(socket.EAI_NONAME, "not again")

    monkeypatch.setattr(socket, "getaddrinfo", no_second_lookup)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/x.md").write_text(f"[q]({cited})\n", encoding="utf-8")
    out = io.StringIO()
    assert sources_check.run(tmp_path, FAST, out=out, environ={}) == 0, out.getvalue()
    assert dict(server.requests) == {f"quelle.example:{port}/seite": 1}
    assert "quelle.example" not in looked_up
