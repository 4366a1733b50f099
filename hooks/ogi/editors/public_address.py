"""Public addresses only: the source check asks no address on this machine, in a private, link-local,
multicast or reserved network, on a port other than 80 or 443, or a name without a public address."""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

PUBLIC_PORTS = {None, 80, 443}


def resolve(host: str) -> list[str]:
    """Every address the system's resolver gives for `host`; none if the name does not resolve."""
    try:
        return sorted({str(info[4][0]) for info in socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)})
    except (OSError, UnicodeError):
        return []


def address_problem(url: str) -> str | None:
    """Why `url` is no public web address, in German; None if it is one (http/https, port 80/443 or none,
    a name or number whose every address is public)."""
    return inspect_address(url)[0]


def inspect_address(url: str) -> tuple[str | None, str | None]:
    """(why `url` is no public web address, or None; the public address to connect to, or None)."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        return "nur http- und https-Adressen werden abgerufen", None
    try:
        port = parts.port
    except ValueError:
        return "ungültiger Port", None
    if port not in PUBLIC_PORTS:
        return f"Port {port}; abgerufen werden nur Adressen ohne Port oder mit Port 80 oder 443", None
    host = (parts.hostname or "").rstrip(".")
    if not host:
        return "Adresse ohne Servernamen", None
    try:
        literal: list[str] | None = [str(ipaddress.ip_address(host))]
    except ValueError:
        literal = None
    addresses = literal or resolve(host)
    if not addresses:
        return f"„{host}“ hat keine öffentliche Adresse im DNS", None
    for address in addresses:
        kind = _not_public(ipaddress.ip_address(address.split("%")[0]))
        if kind:
            return (f"„{host}“ ist {kind}" if literal else f"„{host}“ führt zu {address}, {kind}"), None
    return None, addresses[0].split("%")[0]


def _not_public(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str:
    """What kind of non-public address `ip` is, in German; '' for a public one."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    if ip.is_loopback:
        return "eine Adresse dieses Rechners (Loopback)"
    if ip.is_link_local:
        return "eine link-lokale Adresse (z. B. der Metadaten-Dienst einer Cloud)"
    if ip.is_multicast:
        return "eine Multicast-Adresse"
    if ip.is_reserved or ip.is_unspecified:  # before is_private, which includes 0.0.0.0/8 and 240.0.0.0/4
        return "eine reservierte, nicht öffentliche Adresse"
    if ip.is_private:
        return "eine private Adresse (internes Netz)"
    if not ip.is_global:
        return "eine reservierte, nicht öffentliche Adresse"
    return ""
