"""Every setting SIMADU reads from the environment, declared once as data.

`config/settings.py` reads values only through `env()`, `.env.example` and
`docs/settings.md` are generated from `SETTINGS` (`simadu settings_doc`), and a test
fails when a setting is read that is not declared here.
"""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Setting:
    name: str
    default: str
    help: str
    secret: bool = False


SETTINGS: tuple[Setting, ...] = (
    Setting("SIMADU_DEBUG", "off", "Django debug pages. Never on in production."),
    Setting(
        "SIMADU_ENV",
        "embedded",
        "`embedded` (SQLite, in-process tasks, generated keys under var/) or `production` (every secret must be given).",
    ),
    Setting("SIMADU_VAR_DIR", "var", "Folder for the embedded database, generated keys and uploaded files."),
    Setting(
        "SIMADU_SECRET_KEY",
        "",
        "Django secret key. Embedded: generated into var/keys on first start. Production: required.",
        secret=True,
    ),
    Setting(
        "SIMADU_MASTER_KEY",
        "",
        "Base64 of the 32-byte master key that wraps every case's data key. Embedded: generated into var/keys. Production: required.",
        secret=True,
    ),
    Setting(
        "SIMADU_MASTER_KEYS_RETIRED",
        "",
        "Comma-separated base64 of earlier master keys. They only unwrap data keys not yet re-wrapped by "
        "`simadu keys rotate`, and data restored from backups made before a rotation. Embedded: the files in "
        "var/keys/retired/ count too.",
        secret=True,
    ),
    Setting(
        "SIMADU_PUBLIC_URL",
        "http://127.0.0.1:8000",
        "Address of the portal as reporters reach it, used in links in messages.",
    ),
    Setting(
        "SIMADU_ALLOWED_HOSTS",
        "127.0.0.1,localhost,testserver",
        "Comma-separated host names the server answers to.",
    ),
    Setting(
        "SIMADU_TRUSTED_ORIGINS", "", "Comma-separated origins (https://…) trusted for CSRF behind a proxy."
    ),
    Setting(
        "DATABASE_URL",
        "",
        "PostgreSQL URL for production (postgres://user@host:5432/db). Empty: SQLite (WAL) in SIMADU_VAR_DIR.",
    ),
    Setting(
        "REDIS_URL",
        "",
        "Redis URL for the cache, rate limits and the Celery broker. Empty: in-process cache and tasks.",
    ),
    Setting("SIMADU_RATE_LIMITS", "on", "`off` turns the per-client limits off, for load tests on loopback."),
    Setting(
        "SIMADU_CLIENT_IP_HEADER",
        "",
        "Behind a reverse proxy: the request header in which the proxy puts the client's address, replacing "
        "any the client sent (e.g. `X-Real-IP`; see docs/deploy/reverse-proxy.md). Used, hashed, only to "
        "count per-client limits; never stored or logged. Empty: the address of the connection.",
    ),
    Setting(
        "SIMADU_SMTP_HOST",
        "",
        "SMTP server for outgoing mail. Empty: mail stays in the outbox, marked as not sent.",
    ),
    Setting("SIMADU_SMTP_PORT", "25", "SMTP port."),
    Setting("SIMADU_SMTP_USER", "", "SMTP user name, if the server wants one."),
    Setting("SIMADU_SMTP_PASSWORD", "", "SMTP password.", secret=True),
    Setting("SIMADU_SMTP_TLS", "off", "`on` to use STARTTLS."),
    Setting(
        "SIMADU_MAIL_FROM", "SIMADU Itjen Kemnaker <pengaduan@kemnaker.go.id>", "Sender of outgoing mail."
    ),
    Setting(
        "SIMADU_MAIL_DOMAIN",
        "",
        "Domain of the Message-ID of outgoing mail (replies find their case by it). Empty: the host of "
        "SIMADU_PUBLIC_URL.",
    ),
    Setting(
        "SIMADU_MAIL_REPLY_TO",
        "",
        "Reply-To address of mail to reporters: the mailbox whose mail is piped to `simadu mailgate`, so their "
        "replies land on their report. Empty: no Reply-To.",
    ),
    Setting(
        "SIMADU_SMS_GATEWAY_URL",
        "",
        'SMS gateway: SIMADU POSTs JSON {"to", "text"} here; any 2xx answer means sent. Empty: no SMS.',
    ),
    Setting(
        "SIMADU_WHATSAPP_GATEWAY_URL",
        "",
        "WhatsApp gateway, same JSON as the SMS gateway; used instead of SMS when set. Empty: no WhatsApp.",
    ),
    Setting(
        "SIMADU_GATEWAY_TOKEN",
        "",
        "Bearer token sent to the SMS and WhatsApp gateways.",
        secret=True,
    ),
    Setting("SIMADU_WEB_WORKERS", "2", "Web worker processes started by `simadu serve`."),
    Setting("SIMADU_WEB_THREADS", "4", "Threads per web worker."),
    Setting("SIMADU_MAX_UPLOAD_MB", "10", "Largest evidence file accepted, in MiB."),
    Setting(
        "SIMADU_RETENTION_YEARS",
        "5",
        "Years after a case is closed, forwarded or archived (and last touched) before `simadu retention run` "
        "anonymises it (UU 27/2022): its data key is destroyed, its text and files deleted; the counts stay. "
        "Set it to the ministry's archive retention schedule (JRA) for complaints.",
    ),
    Setting(
        "SIMADU_OUTBOX_KEEP_DAYS",
        "30",
        "Days an outgoing message that was sent, gave up or was held is kept before `simadu retention run` "
        "deletes it (it holds a reporter's address, sealed).",
    ),
    Setting(
        "SIMADU_IDEMPOTENCY_KEEP_DAYS",
        "7",
        "Days the answer to an Idempotency-Key is kept before `simadu retention run` deletes it (it holds the "
        "reporter's secret, sealed); a retry after that files a new report.",
    ),
    Setting(
        "SIMADU_REQUIRE_2FA",
        "on",
        "Staff sign in with their password and then a 6-digit code from an authenticator app (TOTP), "
        "every role including administrators. `off` only on a developer's machine.",
    ),
    Setting(
        "SIMADU_HSTS_SECONDS",
        "31536000",
        "Production only: how long browsers must reach SIMADU over HTTPS alone (Strict-Transport-Security). "
        "`0` sends no such header.",
    ),
    Setting(
        "SIMADU_DEMO_DATA",
        "on",
        "`off`: `simadu serve` does not load the demo data set into an empty database.",
    ),
    Setting(
        "SIMADU_WORKING_HOURS",
        "08:00-16:00",
        "Working hours (local time of each unit's zone, on working days) in which deadline reminders and "
        "escalations go out, as `HH:MM-HH:MM`.",
    ),
    Setting(
        "SIMADU_ESCALATE_ITJEN_AFTER_DAYS",
        "2",
        "Working days a stage may stay past its deadline (after its unit head was told) before Itjen's "
        "leadership and mailbox are told.",
    ),
    Setting(
        "SIMADU_SCHEDULER",
        "on",
        "Without REDIS_URL: `simadu serve` runs the periodic jobs (deadlines every 5 minutes, outbox every "
        "minute, retention daily at 02:00) in a thread. `off` when cron runs `simadu scheduler --once` "
        "instead. With REDIS_URL, Celery beat runs them and this is ignored.",
    ),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def env(name: str) -> str:
    """The value of a declared setting: the environment's, else its default."""
    if name not in _BY_NAME:
        raise KeyError(f"setting {name} is not declared in simadu.core.settings_registry")
    return os.environ.get(name, _BY_NAME[name].default)


def env_bool(name: str) -> bool:
    return env(name).strip().lower() in {"1", "on", "true", "yes"}


def env_list(name: str) -> list[str]:
    return [v.strip() for v in env(name).split(",") if v.strip()]


def render_env_example() -> str:
    lines = ["# Every SIMADU setting with its default. Generated by `simadu settings_doc`; do not edit.", ""]
    for s in SETTINGS:
        lines += [f"# {s.help}", f"{s.name}={'' if s.secret else s.default}", ""]
    return "\n".join(lines)


def render_settings_doc() -> str:
    rows = [
        "# Settings",
        "",
        "Generated from `src/simadu/core/settings_registry.py` by `simadu settings_doc`.",
        "The embedded default needs none of them.",
        "",
        "| name | default | what it does |",
        "| --- | --- | --- |",
    ]
    for s in SETTINGS:
        default = "(none)" if s.secret or not s.default else f"`{s.default}`"
        rows.append(f"| `{s.name}` | {default} | {s.help} |")
    return "\n".join(rows) + "\n"
