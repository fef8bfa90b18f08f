"""Public statistics and open data; later the oversight recaps and dashboards."""
