"""Settings that protect people, pinned so a refactor cannot quietly drop them."""

import importlib


def test_staff_passwords_are_hashed_with_argon2_in_the_shipped_settings():
    shipped = importlib.import_module("config.settings")
    assert shipped.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"


def test_the_browser_language_does_not_replace_indonesian():
    shipped = importlib.import_module("config.settings")
    assert "django.middleware.locale.LocaleMiddleware" not in shipped.MIDDLEWARE
    assert "simadu.core.middleware.ChosenLanguageMiddleware" in shipped.MIDDLEWARE
    assert shipped.LANGUAGE_CODE == "id"
