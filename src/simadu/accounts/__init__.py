"""Staff accounts, their roles and units. Reporters are never accounts."""
