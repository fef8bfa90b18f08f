"""The labels of triage-taxonomy.md and contracts.md, copied by hand so the tests check the code against the spec."""

from __future__ import annotations

# The category table of triage-taxonomy.md, copied by hand: slug → (supervisory, default unit).
SPEC: dict[str, tuple[bool, str]] = {
    "akses_layanan_digital": (False, "pusdatin"),
    "upah": (False, "ditjen_phi_jamsos"),
    "thr": (False, "ditjen_phi_jamsos"),
    "phk": (False, "ditjen_phi_jamsos"),
    "jaminan_sosial": (False, "ditjen_phi_jamsos"),
    "norma_kerja": (False, "ditjen_binwasnaker_k3"),
    "k3": (False, "ditjen_binwasnaker_k3"),
    "penempatan_kerja": (False, "ditjen_binapenta_pkk"),
    "tka": (False, "ditjen_binapenta_pkk"),
    "pelatihan_vokasi": (False, "ditjen_binalavotas"),
    "pekerja_migran": (False, "kp2mi"),
    "informasi_publik": (False, "setjen"),
    "kebijakan": (False, "barenbang"),
    "penyalahgunaan_wewenang": (True, "itjen"),
    "kkn": (True, "itjen"),
    "pungli": (True, "itjen"),
    "gratifikasi": (True, "itjen"),
    "disiplin_asn": (True, "itjen"),
    "kode_etik": (True, "itjen"),
    "lainnya": (False, "setjen"),
}

CHANNELS = {"helpdesk", "lapor", "wbs"}
REPORT_TYPES = {"pengaduan", "aspirasi", "permintaan_informasi"}
UNITS = {
    "itjen",
    "setjen",
    "pusdatin",
    "barenbang",
    "ditjen_phi_jamsos",
    "ditjen_binwasnaker_k3",
    "ditjen_binapenta_pkk",
    "ditjen_binalavotas",
    "bpjs_ketenagakerjaan",
    "kp2mi",
    "pemda",
    "lembaga_lain",
}
# contracts.md, `simadu triage`: the keys of one output line, no more, no fewer.
DECISION_KEYS = {"channel", "report_type", "category", "supervisory", "unit", "confidence", "explanation"}
