"""The one triage interface: `suggest(TriageInput) -> TriageDecision`.

This is the rule-based placeholder of the walking skeleton: weighted phrases per
category plus the override rules of triage-taxonomy.md that can be read off plain
words. The triage engine (rules + trained model) replaces the body of `suggest`
and keeps this signature, so intake, the case page and `simadu triage` do not change.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

from simadu.triage import taxonomy

ENGINE_VERSION = "rules-0.1"


@dataclass(frozen=True)
class TriageInput:
    text: str
    title: str = ""
    reporter_type: str = "public"
    anonymous: bool = False


@dataclass(frozen=True)
class TriageDecision:
    channel: str
    report_type: str
    category: str
    supervisory: bool
    unit: str
    confidence: float
    explanation: str
    version: str = ENGINE_VERSION

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


# Phrases per category (lower case, matched on word boundaries after normalising).
_PHRASES: dict[str, tuple[str, ...]] = {
    "akses_layanan_digital": (
        "otp",
        "login",
        "log in",
        "akun",
        "password",
        "kata sandi",
        "siapkerja",
        "karirhub",
        "sisnaker",
        "website",
        "situs",
        "aplikasi",
        "error",
        "tidak bisa masuk",
        "gagal upload",
        "unggah",
        "verifikasi email",
        "reset",
        "server",
        "halaman",
    ),
    "upah": (
        "gaji",
        "upah",
        "ump",
        "umk",
        "lembur",
        "dibawah minimum",
        "di bawah minimum",
        "slip gaji",
        "potong gaji",
    ),
    "thr": ("thr", "tunjangan hari raya", "tunjangan lebaran"),
    "phk": (
        "phk",
        "pemutusan hubungan kerja",
        "di-phk",
        "dipecat",
        "pesangon",
        "mediasi",
        "serikat pekerja",
        "perselisihan",
        "dirumahkan",
        "resign",
        "pengunduran diri",
    ),
    "jaminan_sosial": (
        "bpjs",
        "jamsostek",
        "iuran",
        "jht",
        "jkk",
        "jkp",
        "jaminan hari tua",
        "jaminan kehilangan pekerjaan",
    ),
    "norma_kerja": (
        "jam kerja",
        "cuti",
        "pkwt",
        "kontrak",
        "outsourcing",
        "alih daya",
        "pekerja anak",
        "diskriminasi",
        "kerja paksa",
        "hari libur",
        "shift",
        "ijazah ditahan",
        "penahanan ijazah",
    ),
    "k3": (
        "k3",
        "kecelakaan kerja",
        "keselamatan",
        "apd",
        "alat pelindung",
        "luka",
        "meninggal",
        "kebakaran",
        "ledakan",
        "limbah",
        "bahan kimia",
    ),
    "penempatan_kerja": (
        "lowongan",
        "loker",
        "job fair",
        "bursa kerja",
        "penyalur",
        "rekrutmen",
        "magang nasional",
        "lowongan palsu",
        "penipuan kerja",
        "ak1",
        "kartu kuning",
    ),
    "tka": ("tka", "tenaga kerja asing", "rptka", "pekerja asing", "warga negara asing", "wna"),
    "pelatihan_vokasi": (
        "blk",
        "pelatihan",
        "sertifikasi",
        "kompetensi",
        "pemagangan",
        "bbpvp",
        "lsp",
        "vokasi",
    ),
    "pekerja_migran": (
        "pmi",
        "tki",
        "pekerja migran",
        "luar negeri",
        "malaysia",
        "hongkong",
        "taiwan",
        "arab saudi",
        "p3mi",
        "pjtki",
        "sponsor",
    ),
    "informasi_publik": (
        "informasi publik",
        "ppid",
        "salinan",
        "dokumen",
        "data statistik",
        "permohonan informasi",
        "peraturan menteri",
        "permenaker",
    ),
    "kebijakan": ("usul", "saran", "kebijakan", "sebaiknya", "mohon dipertimbangkan", "aspirasi"),
    "penyalahgunaan_wewenang": (
        "menyalahgunakan",
        "penyalahgunaan wewenang",
        "sewenang",
        "memanfaatkan jabatan",
        "intervensi",
        "mengancam",
    ),
    "kkn": (
        "korupsi",
        "kolusi",
        "nepotisme",
        "mark up",
        "markup",
        "pengadaan",
        "tender",
        "proyek fiktif",
        "perjalanan dinas fiktif",
    ),
    "pungli": (
        "pungli",
        "pungutan liar",
        "uang pelicin",
        "minta uang",
        "dimintai uang",
        "biaya tambahan",
        "uang rokok",
        "setoran",
    ),
    "gratifikasi": ("gratifikasi", "hadiah", "parsel", "amplop", "suap", "menerima uang", "fee", "komisi"),
    "disiplin_asn": (
        "bolos",
        "tidak masuk kantor",
        "mangkir",
        "jam kerja kantor",
        "bisnis sampingan",
        "titip absen",
        "absen",
        "malas",
        "tidur di kantor",
    ),
    "kode_etik": (
        "kode etik",
        "pelecehan",
        "konflik kepentingan",
        "kasar",
        "membentak",
        "tidak sopan",
        "intimidasi",
        "bullying",
        "perundungan",
    ),
}

_OFFICIAL = (
    "pegawai",
    "pejabat",
    "petugas",
    "asn",
    "pns",
    "atasan",
    "kepala",
    "direktur",
    "staf kemnaker",
    "pengawas ketenagakerjaan",
    "mediator",
    "oknum",
)
_INSIDER = (
    "atasan saya",
    "rekan kerja saya di kementerian",
    "di unit saya",
    "di direktorat kami",
    "kantor kami",
)
_REGIONAL = (
    "disnaker",
    "dinas tenaga kerja",
    "dinas ketenagakerjaan",
    "pemda",
    "pemkab",
    "pemkot",
    "inspektorat daerah",
    "kabupaten",
    "provinsi",
)
_PROTECTION = (
    "lindungi identitas",
    "rahasiakan identitas",
    "identitas saya dirahasiakan",
    "takut",
    "whistleblower",
    "jangan sebut nama saya",
    "perlindungan pelapor",
)
_QUESTION = (
    "apakah",
    "bagaimana",
    "berapa",
    "kapan",
    "dimana",
    "di mana",
    "mohon informasi",
    "minta informasi",
    "bagaimana cara",
    "syarat",
    "?",
)
_ASPIRATION = (
    "usul",
    "saran",
    "sebaiknya",
    "mohon dipertimbangkan",
    "harapan saya",
    "semoga",
    "sebaiknya pemerintah",
)

_SLANG = {
    "gk": "tidak",
    "ga": "tidak",
    "gak": "tidak",
    "tdk": "tidak",
    "blm": "belum",
    "yg": "yang",
    "sy": "saya",
    "udh": "sudah",
    "sdh": "sudah",
    "tlg": "tolong",
    "krn": "karena",
    "dgn": "dengan",
    "utk": "untuk",
    "bgmn": "bagaimana",
    "gmn": "bagaimana",
    "kpn": "kapan",
    "org": "orang",
    "pt.": "pt",
}

_WORD = re.compile(r"[a-z0-9\-]+|\?")


def normalize(text: str) -> str:
    words = _WORD.findall(text.lower())
    return " " + " ".join(_SLANG.get(w, w) for w in words) + " "


def _has(text: str, phrase: str) -> bool:
    return f" {phrase} " in text if phrase != "?" else "?" in text


def _hits(text: str, phrases: tuple[str, ...]) -> list[str]:
    return [p for p in phrases if _has(text, normalize(p).strip())]


def suggest(item: TriageInput) -> TriageDecision:
    text = normalize(f"{item.title} {item.text}")
    scores: dict[str, float] = {}
    reasons: dict[str, list[str]] = {}
    for category, phrases in _PHRASES.items():
        hits = _hits(text, phrases)
        if hits:
            supervisory = taxonomy.CATEGORIES[category][0]
            # Misconduct words weigh more: a bribe outranks the service it was asked for.
            scores[category] = len(hits) * (1.6 if supervisory else 1.0)
            reasons[category] = hits
    about_official = bool(_hits(text, _OFFICIAL))
    if not about_official:
        for cat in [
            c for c in scores if taxonomy.CATEGORIES[c][0] and c not in ("pungli", "gratifikasi", "kkn")
        ]:
            scores[cat] *= 0.5
    if scores:
        category = max(scores, key=lambda c: scores[c])
        total = sum(scores.values())
        confidence = round(min(0.9, 0.35 + 0.55 * scores[category] / total), 2)
        why = f"kata kunci: {', '.join(reasons[category][:4])}"
    else:
        category, confidence, why = "lainnya", 0.2, "tidak ada kata kunci yang dikenali"

    supervisory, unit, _, _ = taxonomy.CATEGORIES[category]
    regional = bool(_hits(text, _REGIONAL))
    if supervisory and regional:
        unit, why = "pemda", why + "; menyangkut aparat daerah → pemda"
    elif category == "jaminan_sosial" and _hits(text, ("klaim", "cair", "pencairan", "kantor bpjs")):
        unit, why = "bpjs_ketenagakerjaan", why + "; klaim manfaat dilayani BPJS Ketenagakerjaan"
    elif category == "penempatan_kerja" and _hits(text, ("ak1", "kartu kuning")):
        unit, why = "pemda", why + "; kartu AK1 dilayani Disnaker daerah"
    elif _hits(text, ("prakerja", "kartu prakerja")):
        unit, why = "lembaga_lain", why + "; Kartu Prakerja dijalankan lembaga lain"

    if _hits(text, _ASPIRATION) and not supervisory:
        report_type = "aspirasi"
    elif (
        _hits(text, _QUESTION) and not supervisory and category not in ("upah", "thr")
    ) or category == "informasi_publik":
        report_type = "permintaan_informasi"
    else:
        report_type = "pengaduan"

    if category == "akses_layanan_digital":
        channel = "helpdesk"
    elif (
        supervisory
        and unit == "itjen"
        and (
            item.reporter_type == "internal"
            or category in ("gratifikasi", "kode_etik")
            or _hits(text, _PROTECTION)
        )
    ):
        channel = "wbs"
    else:
        channel = "lapor"
    return TriageDecision(channel, report_type, category, supervisory, unit, confidence, why)
