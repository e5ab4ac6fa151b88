"""Which addresses a request may reach: globally routable ones, and those the user names.

By default only global unicast addresses are fetched, so a draft cannot make a CI runner
read an intranet page or its cloud metadata. ``allow-private`` opens loopback, private and
the other non-global ranges (``True``), or only the hosts, addresses and networks it names.
Link-local addresses and cloud metadata services stay refused unless named outright, since
a redirect from an allowed host can point anywhere (:mod:`.guard` asks on every hop).
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable

# Where a cloud instance answers questions about itself (its credentials among them).
METADATA_HOSTS = frozenset({"metadata.google.internal", "metadata.goog", "metadata"})
METADATA_ADDRESSES = frozenset(
    ipaddress.ip_address(a)
    for a in ("169.254.169.254", "169.254.170.2", "fd00:ec2::254", "100.100.100.200")
)
_LINK_LOCAL = (ipaddress.ip_network("169.254.0.0/16"), ipaddress.ip_network("fe80::/10"))

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def _kind(ip: Address) -> str | None:
    """What makes ``ip`` off limits, or ``None`` for a global unicast address."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip in METADATA_ADDRESSES:
        return "cloud metadata"
    for name, flag in (
        ("unspecified", ip.is_unspecified),
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("private", ip.is_private),
        ("multicast", ip.is_multicast),
        ("reserved", ip.is_reserved),
    ):
        if flag:
            return name
    return None if ip.is_global else "non-global"


def parse_allowed(values: Iterable[str]) -> tuple[str, ...]:
    """Check and normalise ``allow-private`` entries: IP addresses, networks in CIDR
    notation (``10.0.0.0/8``) or host names, comma lists split; raises ``ValueError``
    naming an entry that is none of these."""
    out: list[str] = []
    for value in values:
        for item in (v.strip() for v in value.split(",")):
            if not item:
                continue
            try:
                net = ipaddress.ip_network(item.strip("[]"), strict=False)
            except ValueError:
                pass
            else:  # one address stays as written, a network in its CIDR form
                one = "/" not in item or net.num_addresses == 1
                out.append(str(net.network_address) if one else str(net))
                continue
            name = item.rstrip(".").lower()
            labels = name.split(".")
            if not all(label and len(label) <= 63 for label in labels) or not all(
                c.isalnum() or c in "-_" for label in labels for c in label
            ):
                raise ValueError(f"{item!r} is not an IP address, a network or a host name")
            out.append(name)
    return tuple(dict.fromkeys(out))


class Policy:
    """Which addresses that are not globally routable may be fetched.

    ``allow`` is ``False`` (none), ``True`` (loopback, private and the other non-global
    ranges) or entries as :func:`parse_allowed` reads them: host names, addresses and
    networks, and only those. Link-local addresses (169.254.0.0/16, fe80::/10) and cloud
    metadata services (169.254.169.254, fd00:ec2::254, ``metadata.google.internal`` …) stay
    refused unless an entry names them: their host name, their address or a network inside
    the link-local range (``0.0.0.0/0`` does not name them).
    """

    def __init__(self, allow: bool | Iterable[str]) -> None:
        self.any = allow is True
        entries = () if isinstance(allow, bool) else parse_allowed(allow)
        networks = [_network(e) for e in entries]
        self.networks: tuple[Network, ...] = tuple(n for n in networks if n is not None)
        self.hosts = frozenset(e for e, n in zip(entries, networks, strict=True) if n is None)

    def host_problem(self, host: str) -> str | None:
        """Why the host name itself is refused (a metadata service), or ``None``."""
        name = host.rstrip(".").lower()
        if name in METADATA_HOSTS and name not in self.hosts:
            return f"refused: {host} is a cloud metadata service (allow_private must name it)"
        return None

    def problem(self, host: str, address: str) -> str | None:
        """Why ``host`` resolving to ``address`` is refused, or ``None``."""
        ip = ipaddress.ip_address(address.split("%", maxsplit=1)[0])
        if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
            ip = ip.ipv4_mapped
        kind = _kind(ip)
        if kind is None or host.rstrip(".").lower() in self.hosts:
            return None
        if kind in ("link-local", "cloud metadata"):
            named = any(_names(net, ip) for net in self.networks)
            if named:
                return None
            return (
                f"refused: {host} resolves to {address}, a {kind} address"
                " (allow_private must name it)"
            )
        if self.any or any(ip in net for net in self.networks):
            return None
        return f"refused: {host} resolves to {address}, a {kind} address (allow_private lifts this)"


def _network(entry: str) -> Network | None:
    """The network an entry names (one address is a network of one), or ``None`` for a
    host name."""
    try:
        return ipaddress.ip_network(entry)
    except ValueError:
        return None


def _names(net: Network, ip: Address) -> bool:
    """Whether ``net`` names ``ip`` as a link-local or metadata address must be named:
    as the one address of ``net``, or inside a network within the link-local range."""
    if ip not in net:
        return False
    inside = (ll for ll in _LINK_LOCAL if ll.version == net.version)
    return net.num_addresses == 1 or any(net.subnet_of(ll) for ll in inside)  # type: ignore[arg-type]
