"""Portal: pages and thin views."""
