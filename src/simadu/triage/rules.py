"""The explicit half of triage: the override rules of triage-taxonomy.md, readable one by one.

Each rule has a name (shown in the explanation), the phrases that make it fire and
what it decides. Rules decide where they are certain — who has authority over a
service run by another body, where a report must go by law, which channel protects a
whistleblower — and leave the rest to the model. Phrases are matched on normalised
text (`normalize.py`) at word boundaries.
"""

from __future__ import annotations

from dataclasses import dataclass

from simadu.triage import taxonomy
from simadu.triage.normalize import normalize


@dataclass(frozen=True)
class Rule:
    name: str
    says: str  # what the verifier reads, Indonesian
    phrases: tuple[str, ...]
    unless: tuple[str, ...] = ()


def _phrases(*items: str) -> tuple[str, ...]:
    return tuple(normalize(p) for p in items)


BPJS_CLAIM = Rule(
    "bpjs_claim",
    "klaim manfaat (JHT/JKK/JKP) dilayani BPJS Ketenagakerjaan",
    _phrases(
        "klaim",
        "pencairan",
        "dicairkan",
        "cairkan",
        "mencairkan",
        "cair",
        "kantor bpjs",
        "cabang bpjs",
        "kantor cabang",
        "jmo",
        "pengajuan jht",
        "saldo jht",
        "manfaat jkp",
        "klaim jkk",
        "klaim jkm",
    ),
    # The employer not paying or registering stays with the ministry, even when a claim failed because of it.
    unless=_phrases(
        "tidak didaftarkan",
        "belum didaftarkan",
        "tidak mendaftarkan",
        "tidak dibayarkan perusahaan",
        "menunggak",
        "tunggakan",
        "iuran tidak",
        "iurannya tidak",
        "dipotong tapi",
        "tidak disetor",
        "tidak pernah disetor",
        "tidak menyetor",
        "tidak bayar iuran",
        "tidak membayar iuran",
        "belum bayar iuran",
        "tidak dibayar iuran",
        "tidak bayar bpjs",
    ),
)
AK1 = Rule(
    "ak1",
    "kartu AK1 dilayani Disnaker kabupaten/kota",
    _phrases("ak1", "ak 1", "kartu kuning", "kartu pencari kerja"),
)
PRAKERJA = Rule("prakerja", "Kartu Prakerja dijalankan lembaga lain", _phrases("prakerja", "pra kerja"))
POLICE = Rule(
    "police",
    "pelapor meminta tindakan polisi atas penipuan",
    _phrases(
        "lapor polisi",
        "laporkan ke polisi",
        "ke polisi",
        "kepolisian",
        "polres",
        "polsek",
        "polda",
        "ditangkap",
        "tangkap",
        "proses hukum",
        "pidana",
        "pihak berwajib",
        "berwajib",
        "diusut",
        "diproses secara hukum",
        "jalur hukum",
        "aparat penegak hukum",
    ),
)
REGIONAL = Rule(
    "regional_official",
    "menyangkut aparat pemerintah daerah → pemda",
    _phrases(
        "disnaker",
        "dinas tenaga kerja",
        "dinas ketenagakerjaan",
        "dinas naker",
        "disnakertrans",
        "dinas tenaga kerja dan transmigrasi",
        "pemda",
        "pemkab",
        "pemkot",
        "pemprov",
        "pemerintah daerah",
        "inspektorat daerah",
        "inspektorat kabupaten",
        "inspektorat kota",
        "inspektorat provinsi",
        "bupati",
        "wali kota",
        "walikota",
        "gubernur",
        "pengawas provinsi",
        "uptd",
        "kadisnaker",
        "kepala disnaker",
        "pengawas ketenagakerjaan provinsi",
        "dinas provinsi",
        "dinas kabupaten",
        "dinas kota",
    ),
    # Only the ministry's own institutions veto: a ministry employee, or a plea to the ministry,
    # may well be about a Disnaker officer.
    unless=_phrases(
        "blk kementerian",
        "ditjen",
        "bbpvp",
        "bpvp",
        "inspektorat jenderal",
        "itjen",
        "direktorat jenderal",
        "kantor pusat",
        "pegawai kemnaker yang",
        "pejabat kementerian",
        "pejabat kemnaker",
    ),
)
PROTECTION = Rule(
    "protection",
    "pelapor meminta identitasnya dilindungi",
    _phrases(
        "rahasiakan identitas",
        "merahasiakan identitas",
        "identitas saya dirahasiakan",
        "identitas dirahasiakan",
        "lindungi identitas",
        "jangan sebut nama saya",
        "jangan sebutkan nama saya",
        "nama saya dirahasiakan",
        "tolong rahasiakan",
        "mohon dirahasiakan",
        "takut dipecat",
        "takut dimutasi",
        "takut diancam",
        "takut dibalas",
        "takut ketahuan",
        "perlindungan pelapor",
        "whistleblower",
        "identitas saya dilindungi",
        "identitas dilindungi",
        "mohon identitas saya dilindungi",
        "saya takut",
        "jangan sampai ketahuan",
        "tanpa nama saya",
    ),
)
SPAM = Rule(
    "spam",
    "uji coba atau tidak berisi laporan",
    _phrases("tes", "test", "testing", "coba", "cek", "halo", "p"),
)

RULES = (BPJS_CLAIM, AK1, PRAKERJA, POLICE, REGIONAL, PROTECTION, SPAM)
MINISTRY_CHANNELS_FOR_WBS = ("gratifikasi", "kode_etik")


# A protection request is often phrased around the words rather than as a fixed phrase:
# "identitas saya dan perusahaan kami dirahasiakan", "nama saya tolong jangan dibuka".
_SECRET_WORDS = frozenset(
    {
        "rahasia",
        "rahasiakan",
        "dirahasiakan",
        "merahasiakan",
        "disembunyikan",
        "dibuka",
        "disebut",
        "disebutkan",
        "dilindungi",
        "lindungi",
    }
)
_WHO_WORDS = frozenset({"identitas", "nama", "identitasku"})


def asks_protection(text: str) -> bool:
    words = text.split()
    if fires(PROTECTION, text):
        return True
    return any(
        word in _WHO_WORDS and _SECRET_WORDS & set(words[i + 1 : i + 8]) for i, word in enumerate(words)
    )


def fires(rule: Rule, text: str) -> bool:
    """Does `rule` fire on already-normalised `text`?"""
    padded = f" {text} "
    hit = any(f" {p} " in padded for p in rule.phrases)
    return hit and not any(f" {p} " in padded for p in rule.unless)


_GREETINGS = frozenset(
    {
        "halo",
        "hallo",
        "helo",
        "hai",
        "hi",
        "hello",
        "tes",
        "test",
        "testing",
        "coba",
        "cek",
        "ping",
        "p",
        "min",
        "admin",
        "kak",
        "gan",
        "pagi",
        "siang",
        "sore",
        "malam",
        "selamat",
        "apa",
        "kabar",
        "assalamualaikum",
        "permisi",
        "?",
        "0",
    }
)


def is_spam(text: str) -> bool:
    """Nothing to act on: no words, or only a few greetings and test words."""
    words = text.split()
    return not words or (len(words) <= 5 and all(w in _GREETINGS or len(w) <= 1 for w in words))


def unit_for(category: str, text: str) -> tuple[str, list[str]]:
    """The unit with authority for a report of `category`, and the rules that decided it."""
    default = taxonomy.CATEGORIES[category][1]
    supervisory = taxonomy.CATEGORIES[category][0]
    if supervisory:
        if fires(REGIONAL, text):
            return "pemda", [REGIONAL.says]
        return "itjen", []
    if fires(PRAKERJA, text):
        return "lembaga_lain", [PRAKERJA.says]
    if category == "jaminan_sosial" and fires(BPJS_CLAIM, text):
        return "bpjs_ketenagakerjaan", [BPJS_CLAIM.says]
    if category == "penempatan_kerja":
        if fires(AK1, text):
            return "pemda", [AK1.says]
        if fires(POLICE, text):
            return "lembaga_lain", [POLICE.says]
    return default, []


def channel_for(category: str, unit: str, text: str, reporter_type: str) -> tuple[str, list[str]]:
    """Helpdesk for digital access; WBS for misconduct of the ministry's own officials when the
    reporter is an insider, the matter is gratification or ethics, or they ask for protection."""
    if category == "akses_layanan_digital":
        return "helpdesk", []
    if taxonomy.CATEGORIES[category][0] and unit == "itjen":
        if reporter_type == "internal":
            return "wbs", ["pelapor pegawai Kemnaker → WBS"]
        if category in MINISTRY_CHANNELS_FOR_WBS:
            return "wbs", ["gratifikasi/kode etik pejabat Kemnaker → WBS"]
        if asks_protection(text):
            return "wbs", [PROTECTION.says + " → WBS"]
    return "lapor", []
