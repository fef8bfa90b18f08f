"""SIMADU — Sistem Manajemen Pengaduan of the Inspectorate General, Ministry of Manpower."""
