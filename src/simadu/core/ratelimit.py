"""Per-client limits kept in the cache (Redis in production).

A client is identified by a keyed hash of its address that lives only in the cache,
for the length of the window: no address is written to the database or the logs.
Limits are per client, never per report, so nobody can lock a reporter out of their
own case by guessing at it.

Behind a reverse proxy every connection comes from the proxy, which would make all
reporters one client (and let one guesser lock everyone out): `SIMADU_CLIENT_IP_HEADER`
names the header the proxy sets to the real address. An IPv6 client counts by its /64,
since one phone or home router holds a whole /64 and could otherwise rotate addresses.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

from simadu.core.errors import RateLimited


def client_address(request: HttpRequest) -> str:
    """The address limits count by: the proxy's header when configured, else the connection's; IPv6 as a /64."""
    header = settings.SIMADU_CLIENT_IP_HEADER
    # A list (X-Forwarded-For) counts by its last entry, the one our proxy added: the rest is the client's say.
    forwarded = request.headers.get(header, "") if header else ""
    address = forwarded.rsplit(",", 1)[-1].strip() or request.META.get("REMOTE_ADDR", "")
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:  # ::ffff:a.b.c.d is the IPv4 client a.b.c.d
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network((ip, 64), strict=False))
    return str(ip)


def client_key(request: HttpRequest) -> str:
    address = client_address(request)
    key = hashlib.sha256(b"ratelimit:" + settings.SECRET_KEY.encode()).digest()
    return hmac.new(key, address.encode(), hashlib.sha256).hexdigest()[:32]


def _cache_key(scope: str, request: HttpRequest) -> str:
    return f"rl:{scope}:{client_key(request)}"


def check(scope: str, request: HttpRequest, *, limit: int) -> None:
    """Raise RateLimited when this client has used up `scope`."""
    if settings.SIMADU_RATE_LIMITS and (cache.get(_cache_key(scope, request)) or 0) >= limit:
        raise RateLimited()


def hit(scope: str, request: HttpRequest, *, window: int) -> None:
    """Count one use (for example one failed lookup) against this client."""
    if not settings.SIMADU_RATE_LIMITS:
        return
    key = _cache_key(scope, request)
    if cache.add(key, 1, timeout=window):
        return
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=window)
