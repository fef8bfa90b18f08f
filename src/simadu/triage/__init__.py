"""Ranah and kewenangan: the taxonomy, and the engine that suggests a triage decision."""
