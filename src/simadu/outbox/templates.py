"""Render a notification from its template: the administrator's row for the language, else the default."""

from __future__ import annotations

import string
from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _

from simadu.outbox.models import MessageTemplate
from simadu.outbox.templates_default import DEFAULTS, allowed_placeholders


class TemplateProblem(ValueError):
    """A template text that cannot be used, with the reason in plain Indonesian."""


def placeholders_in(text: str) -> set[str]:
    """The `{names}` a text uses; TemplateProblem when a brace is broken or a placeholder is not a plain name."""
    names: set[str] = set()
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError as exc:
        raise TemplateProblem(
            _(
                "Tanda kurung kurawal tidak lengkap. Tulis placeholder sebagai {nama}; untuk menulis tanda "
                "kurung kurawal itu sendiri, tulis dua kali: {{ atau }}."
            )
        ) from exc
    for _literal, field, spec, conversion in parsed:
        if field is None:
            continue
        if not field.isidentifier() or spec or conversion:
            raise TemplateProblem(
                _("Placeholder {%(field)s} tidak dikenal. Tulis hanya nama, misalnya {tracking_id}.")
                % {"field": field + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "")}
            )
        names.add(field)
    return names


def template_check(key: str, text: str) -> None:
    """TemplateProblem when `text` names a placeholder the key does not offer, or has a broken brace."""
    allowed = allowed_placeholders(key)
    unknown = sorted(placeholders_in(text) - allowed)
    if unknown:
        raise TemplateProblem(
            _("Placeholder ini tidak boleh dipakai di templat %(key)s: %(unknown)s. Yang boleh: %(allowed)s.")
            % {
                "key": key,
                "unknown": ", ".join("{" + u + "}" for u in unknown),
                "allowed": ", ".join("{" + a + "}" for a in sorted(allowed)),
            }
        )


def default_text(key: str, language: str = "id") -> tuple[str, str]:
    """The built-in (subject, body) for a key, translated when the language is not Indonesian."""
    default = DEFAULTS[key]
    with translation.override(language):
        subject = _(default.subject) if default.subject else ""
        body = _(default.body)
    return subject, body


class _Values(dict[str, str]):
    def __missing__(self, key: str) -> str:  # a placeholder with no value this time stays empty
        return ""


def _fill(key: str, text: str, values: _Values) -> str:
    try:
        template_check(key, text)
    except TemplateProblem:
        return ""
    return text.format_map(values)


def template_render(key: str, context: dict[str, Any], *, language: str = "id") -> tuple[str, str]:
    """(subject, body) of message `key` for `language`, filled with only the placeholders the key allows.

    A context value for a placeholder the key does not offer is dropped, so a caller cannot slip report
    content into a template that was not meant to carry it. A row in the database that has become unusable
    (edited outside the admin) falls back to the built-in text rather than send a broken message.
    """
    if key not in DEFAULTS:
        raise KeyError(f"unknown message template {key!r}")
    allowed = allowed_placeholders(key)
    values = _Values({k: str(v) for k, v in context.items() if k in allowed and v is not None})
    default_subject, default_body = default_text(key, language)
    row = MessageTemplate.objects.filter(key=key, language=language).first()
    subject = body = ""
    if row is not None:
        subject, body = _fill(key, row.subject, values), _fill(key, row.body, values)
    if not body.strip():
        body = _fill(key, default_body, values)
    if not subject.strip():
        subject = _fill(key, default_subject, values)
    return " ".join(subject.split()), body


def templates_ensure_defaults(model: Any = None) -> int:
    """Create the Indonesian row of every key that has none; never change a row. Returns how many were made.

    A data migration passes its historical model: `templates_ensure_defaults(apps.get_model("outbox",
    "MessageTemplate"))`.
    """
    model = model or MessageTemplate
    existing = set(model.objects.filter(language="id").values_list("key", flat=True))
    made = 0
    for key in DEFAULTS:
        if key in existing:
            continue
        subject, body = default_text(key, "id")
        model.objects.create(key=key, language="id", subject=subject, body=body)
        made += 1
    return made
