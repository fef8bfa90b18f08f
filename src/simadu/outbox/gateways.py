"""SMS and WhatsApp: a small gateway interface and the one implementation SIMADU ships, HTTP + JSON.

Indonesian SMS and WhatsApp providers differ in their APIs; the ministry runs (or buys) a gateway
that takes one JSON shape, and SIMADU speaks only that:

    POST <SIMADU_SMS_GATEWAY_URL or SIMADU_WHATSAPP_GATEWAY_URL>
    Authorization: Bearer <SIMADU_GATEWAY_TOKEN>
    Content-Type: application/json
    {"to": "+62812...", "text": "...", "channel": "sms" | "whatsapp"}

Any 2xx answer means sent; its JSON `id` (or `message_id`), when present, is the provider's message
id. Anything else raises `GatewayError` with the status and a short reason, and the outbox retries.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from typing import Protocol

from django.conf import settings

TIMEOUT_SECONDS = 15


class GatewayError(RuntimeError):
    """The gateway did not take the message: the status and a short reason, never the text or number."""


class NoGateway(RuntimeError):
    """No gateway is configured for this kind of message."""


class Gateway(Protocol):
    def send(self, to: str, text: str) -> str:
        """Send `text` to the phone number `to`; returns the provider's message id ('' if it gave none)."""
        ...


class HttpJsonGateway:
    def __init__(self, url: str, *, token: str = "", channel: str = "sms", timeout: float = TIMEOUT_SECONDS):
        if not url.lower().startswith(("http://", "https://")):
            raise NoGateway(f"the {channel} gateway URL must start with http:// or https://")
        self.url, self.token, self.channel, self.timeout = url, token, channel, timeout

    def send(self, to: str, text: str) -> str:
        body = json.dumps({"to": to, "text": text, "channel": self.channel}).encode()
        request = urllib.request.Request(self.url, data=body, method="POST")  # noqa: S310 (http(s) only)
        request.add_header("Content-Type", "application/json")
        request.add_header("Accept", "application/json")
        if self.token:
            request.add_header("Authorization", f"Bearer {self.token}")
        try:
            # http(s) only: the scheme was checked in __init__.
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310  # nosec B310
                status, raw = response.status, response.read(4096)
        except urllib.error.HTTPError as exc:
            raise GatewayError(
                f"gateway answered {exc.code}: {_reason(exc.read(4096)) or exc.reason}"
            ) from None
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise GatewayError(f"gateway unreachable: {reason}") from None
        if not 200 <= status < 300:
            raise GatewayError(f"gateway answered {status}: {_reason(raw)}")
        try:
            data = json.loads(raw or b"{}")
        except ValueError:
            return ""
        if isinstance(data, dict):
            return str(data.get("id") or data.get("message_id") or "")[:200]
        return ""


def _reason(raw: bytes) -> str:
    """A short reason from an error answer: its JSON `error`/`message`/`detail`, else its first line."""
    text = raw.decode("utf-8", "replace").strip()
    try:
        data = json.loads(text)
    except ValueError:
        data = None
    if isinstance(data, dict):
        for field in ("error", "message", "detail", "reason"):
            if data.get(field):
                text = str(data[field])
                break
    return " ".join(text.split())[:120]


def gateway_for(kind: str) -> Gateway:
    """The configured gateway for 'sms' or 'whatsapp'; NoGateway when its URL is not set."""
    url = {
        "sms": getattr(settings, "SIMADU_SMS_GATEWAY_URL", ""),
        "whatsapp": getattr(settings, "SIMADU_WHATSAPP_GATEWAY_URL", ""),
    }.get(kind, "")
    if not url:
        setting = "SIMADU_WHATSAPP_GATEWAY_URL" if kind == "whatsapp" else "SIMADU_SMS_GATEWAY_URL"
        raise NoGateway(f"{setting} is not set")
    return HttpJsonGateway(url, token=getattr(settings, "SIMADU_GATEWAY_TOKEN", ""), channel=kind)
