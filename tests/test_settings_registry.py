"""Settings are declared once: the generated files stay in step with the registry."""

from pathlib import Path

import pytest

from simadu.core.settings_registry import SETTINGS, env, render_env_example, render_settings_doc

ROOT = Path(__file__).resolve().parent.parent


def test_env_example_and_settings_doc_are_generated_from_the_registry():
    """A setting added to the registry without regenerating the docs fails here: run `simadu settings_doc`."""
    assert (ROOT / ".env.example").read_text(encoding="utf-8") == render_env_example() + "\n"
    assert (ROOT / "docs" / "settings.md").read_text(encoding="utf-8") == render_settings_doc()


def test_reading_an_undeclared_setting_is_an_error():
    with pytest.raises(KeyError, match="not declared"):
        env("SIMADU_SOMETHING_NOBODY_DOCUMENTED")


def test_every_setting_read_by_config_is_declared():
    source = (ROOT / "config" / "settings.py").read_text(encoding="utf-8")
    declared = {s.name for s in SETTINGS}
    import re

    used = set(re.findall(r'env(?:_bool|_list)?\("([A-Z_]+)"\)', source))
    assert used <= declared
    assert used, "the settings module reads its values through env()"
