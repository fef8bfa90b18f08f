"""The tamper-evident audit log: one hash-chained entry per change and per sealed read."""
