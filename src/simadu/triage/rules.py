"""The explicit half of triage: the override rules of triage-taxonomy.md, readable one by one.

Each rule has a name (shown in the explanation), the phrases that make it fire and
what it decides. Rules decide where they are certain — who has authority over a
service run by another body, where a report must go by law, which channel protects a
whistleblower — and leave the rest to the model. Phrases are matched on normalised
text (`normalize.py`) at word boundaries.

The phrases below are the shipped defaults. Administrators edit them in the admin
(`TriageRulePhrase`: add a trigger, add an exception, switch a shipped phrase off);
`RuleSet.edited` applies those edits, and the engine serves the edited set within
seconds, without a deploy or a retrain (`engine.active_rules`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

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
        "tidak pernah menyetor",
        "tidak menyetorkan",
        "tidak pernah menyetorkan",
        "belum menyetor",
        "belum disetor",
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
        "pengawas dari dinas",
        "petugas dari dinas",
        "pegawai dinas",
        "oknum dinas",
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

# What an administrator may edit: the override rules of the taxonomy (not the spam test, which is
# about the shape of a message rather than its phrases).
EDITABLE = (BPJS_CLAIM, AK1, PRAKERJA, POLICE, REGIONAL, PROTECTION)
TRIGGER, EXCEPTION, DISABLED = "trigger", "exception", "disabled"


@dataclass(frozen=True)
class RuleSet:
    """The override rules in force: the shipped ones, or the shipped ones with administrators' edits."""

    bpjs_claim: Rule = BPJS_CLAIM
    ak1: Rule = AK1
    prakerja: Rule = PRAKERJA
    police: Rule = POLICE
    regional_official: Rule = REGIONAL
    protection: Rule = PROTECTION

    def edited(self, edits: Iterable[tuple[str, str, str]]) -> RuleSet:
        """This set with (rule name, phrase, effect) edits applied; unknown rules are ignored."""
        rules = {rule.name: rule for rule in (getattr(self, f) for f in self.__dataclass_fields__)}
        for name, phrase, effect in edits:
            rule, phrase = rules.get(name), normalize(phrase)
            if rule is None or not phrase:
                continue
            if effect == TRIGGER and phrase not in rule.phrases:
                rule = replace(rule, phrases=(*rule.phrases, phrase))
            elif effect == EXCEPTION and phrase not in rule.unless:
                rule = replace(rule, unless=(*rule.unless, phrase))
            elif effect == DISABLED:
                rule = replace(
                    rule,
                    phrases=tuple(p for p in rule.phrases if p != phrase),
                    unless=tuple(p for p in rule.unless if p != phrase),
                )
            rules[name] = rule
        return RuleSet(**{f: rules[getattr(self, f).name] for f in self.__dataclass_fields__})


SHIPPED = RuleSet()


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


def asks_protection(text: str, rule: Rule = PROTECTION) -> str | None:
    """The phrase by which the reporter asks for protection, or None."""
    words = text.split()
    phrase = fires(rule, text)
    if phrase:
        return phrase
    for i, word in enumerate(words):
        if word in _WHO_WORDS and (secret := _SECRET_WORDS & set(words[i + 1 : i + 8])):
            return f"{word} … {min(secret)}"
    return None


def fires(rule: Rule, text: str) -> str | None:
    """The phrase by which `rule` fires on already-normalised `text`, or None (also when an exception holds)."""
    padded = f" {text} "
    hit = next((p for p in rule.phrases if f" {p} " in padded), None)
    if hit is None or any(f" {p} " in padded for p in rule.unless):
        return None
    return hit


def because(rule: Rule, phrase: str) -> str:
    """The explanation of a rule that fired: what it decides and the words that made it fire."""
    return f"{rule.says} («{phrase}»)"


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


def unit_for(category: str, text: str, rules: RuleSet = SHIPPED) -> tuple[str, list[str]]:
    """The unit with authority for a report of `category`, and the rules that decided it."""
    default = taxonomy.CATEGORIES[category][1]
    supervisory = taxonomy.CATEGORIES[category][0]
    if supervisory:
        if phrase := fires(rules.regional_official, text):
            return "pemda", [because(rules.regional_official, phrase)]
        return "itjen", []
    if phrase := fires(rules.prakerja, text):
        return "lembaga_lain", [because(rules.prakerja, phrase)]
    if category == "jaminan_sosial" and (phrase := fires(rules.bpjs_claim, text)):
        return "bpjs_ketenagakerjaan", [because(rules.bpjs_claim, phrase)]
    if category == "penempatan_kerja":
        if phrase := fires(rules.ak1, text):
            return "pemda", [because(rules.ak1, phrase)]
        if phrase := fires(rules.police, text):
            return "lembaga_lain", [because(rules.police, phrase)]
    return default, []


def units_rules_can_decide(category: str) -> frozenset[str]:
    """Every unit the rules could give a report of `category`: the default and the overrides."""
    default = taxonomy.CATEGORIES[category][1]
    if taxonomy.CATEGORIES[category][0]:
        return frozenset({default, "pemda"})
    extra = {
        "jaminan_sosial": {"bpjs_ketenagakerjaan"},
        "penempatan_kerja": {"pemda", "lembaga_lain"},
    }.get(category, set())
    return frozenset({default, "lembaga_lain", *extra})


def channel_for(
    category: str, unit: str, text: str, reporter_type: str, rules: RuleSet = SHIPPED
) -> tuple[str, list[str]]:
    """Helpdesk for digital access; WBS for misconduct of the ministry's own officials when the
    reporter is an insider, the matter is gratification or ethics, or they ask for protection."""
    if category == "akses_layanan_digital":
        return "helpdesk", []
    if taxonomy.CATEGORIES[category][0] and unit == "itjen":
        if reporter_type == "internal":
            return "wbs", ["pelapor pegawai Kemnaker → WBS"]
        if category in MINISTRY_CHANNELS_FOR_WBS:
            return "wbs", ["gratifikasi/kode etik pejabat Kemnaker → WBS"]
        if phrase := asks_protection(text, rules.protection):
            return "wbs", [f"{rules.protection.says} → WBS («{phrase}»)"]
    return "lapor", []
