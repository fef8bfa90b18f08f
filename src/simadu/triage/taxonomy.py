"""The default labels of triage-taxonomy.md. Shipped as reference data the admin can edit."""

from __future__ import annotations

CHANNELS = ("helpdesk", "lapor", "wbs")
REPORT_TYPES = ("pengaduan", "aspirasi", "permintaan_informasi")
REPORTER_TYPES = ("public", "internal")

# slug: (supervisory, default unit, Indonesian name, English name)
CATEGORIES: dict[str, tuple[bool, str, str, str]] = {
    "akses_layanan_digital": (
        False,
        "pusdatin",
        "Akses layanan digital (akun, OTP, situs)",
        "Digital service access",
    ),
    "upah": (False, "ditjen_phi_jamsos", "Upah", "Wages"),
    "thr": (False, "ditjen_phi_jamsos", "Tunjangan Hari Raya (THR)", "Religious holiday allowance (THR)"),
    "phk": (
        False,
        "ditjen_phi_jamsos",
        "PHK dan perselisihan hubungan industrial",
        "Dismissal and industrial disputes",
    ),
    "jaminan_sosial": (
        False,
        "ditjen_phi_jamsos",
        "Jaminan sosial (BPJS Ketenagakerjaan)",
        "Social security",
    ),
    "norma_kerja": (False, "ditjen_binwasnaker_k3", "Norma kerja (jam kerja, cuti, kontrak)", "Labour norms"),
    "k3": (
        False,
        "ditjen_binwasnaker_k3",
        "Keselamatan dan kesehatan kerja (K3)",
        "Occupational safety and health",
    ),
    "penempatan_kerja": (
        False,
        "ditjen_binapenta_pkk",
        "Penempatan kerja dan lowongan",
        "Job placement and vacancies",
    ),
    "tka": (False, "ditjen_binapenta_pkk", "Tenaga kerja asing (TKA)", "Foreign workers"),
    "pelatihan_vokasi": (
        False,
        "ditjen_binalavotas",
        "Pelatihan vokasi dan pemagangan",
        "Vocational training",
    ),
    "pekerja_migran": (False, "kp2mi", "Pekerja migran Indonesia", "Indonesian migrant workers"),
    "informasi_publik": (False, "setjen", "Informasi publik", "Public information"),
    "kebijakan": (False, "barenbang", "Kebijakan ketenagakerjaan", "Labour policy"),
    "penyalahgunaan_wewenang": (True, "itjen", "Penyalahgunaan wewenang", "Abuse of authority"),
    "kkn": (True, "itjen", "Korupsi, kolusi, nepotisme", "Corruption, collusion, nepotism"),
    "pungli": (True, "itjen", "Pungutan liar", "Illegal levies"),
    "gratifikasi": (True, "itjen", "Gratifikasi", "Gratification"),
    "disiplin_asn": (True, "itjen", "Disiplin ASN", "Civil-servant discipline"),
    "kode_etik": (True, "itjen", "Kode etik dan perilaku", "Ethics and conduct"),
    "lainnya": (False, "setjen", "Lainnya", "Other"),
}

# slug: (inside the ministry, name, time zone)
UNITS: dict[str, tuple[bool, str]] = {
    "itjen": (True, "Inspektorat Jenderal"),
    "setjen": (True, "Sekretariat Jenderal (termasuk PPID)"),
    "pusdatin": (True, "Pusat Data dan Teknologi Informasi Ketenagakerjaan"),
    "barenbang": (True, "Badan Perencanaan dan Pengembangan Ketenagakerjaan"),
    "ditjen_phi_jamsos": (True, "Ditjen Pembinaan Hubungan Industrial dan Jaminan Sosial Tenaga Kerja"),
    "ditjen_binwasnaker_k3": (True, "Ditjen Pembinaan Pengawasan Ketenagakerjaan dan K3"),
    "ditjen_binapenta_pkk": (True, "Ditjen Pembinaan Penempatan Tenaga Kerja dan Perluasan Kesempatan Kerja"),
    "ditjen_binalavotas": (True, "Ditjen Pembinaan Pelatihan Vokasi dan Produktivitas"),
    "bpjs_ketenagakerjaan": (False, "BPJS Ketenagakerjaan"),
    "kp2mi": (False, "Kementerian Pelindungan Pekerja Migran Indonesia"),
    "pemda": (False, "Pemerintah daerah (Disnaker provinsi/kabupaten/kota)"),
    "lembaga_lain": (False, "Lembaga lain"),
}

# Outside agencies (forwarding targets): how a reporter reaches them, and how a case is usually handed
# over (cases.models.ForwardChannel). Only contacts known to be the agency's public ones; the rest are
# left for an administrator to fill in. SP4N-LAPOR! connects every agency, regional governments included.
AGENCY_DEFAULTS: dict[str, tuple[str, str]] = {
    "bpjs_ketenagakerjaan": ("Layanan masyarakat 175, www.bpjsketenagakerjaan.go.id", "sp4n_lapor"),
    "kp2mi": ("", "sp4n_lapor"),
    "pemda": ("", "sp4n_lapor"),
    "lembaga_lain": ("", "letter"),
}
