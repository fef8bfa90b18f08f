"""The one door: the portal form, the API, and later e-mail and staff entry. Validates, then files."""
