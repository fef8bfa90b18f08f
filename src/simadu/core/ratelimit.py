"""Per-client limits kept in the cache (Redis in production).

A client is identified by a keyed hash of its address that lives only in the cache,
for the length of the window: no address is written to the database or the logs.
Limits are per client, never per report, so nobody can lock a reporter out of their
own case by guessing at it.
"""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

from simadu.core.errors import RateLimited


def client_key(request: HttpRequest) -> str:
    address = request.META.get("REMOTE_ADDR", "")
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
