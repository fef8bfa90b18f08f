"""Workspace: pages and thin views."""
