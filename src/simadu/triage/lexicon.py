"""Domain knowledge the corpus cannot fully teach: phrases that signal each category.

Used as a third block of features beside the word and character n-grams (`model.py`),
so the model learns how far to trust each list; administrators can read them here.
Phrases are matched on normalised text at word boundaries.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator, TransformerMixin

from simadu.triage.normalize import normalize

PHRASES: dict[str, tuple[str, ...]] = {
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
        "link",
        "captcha",
        "tidak bisa login",
        "kode verifikasi",
        "sertifikat tidak bisa diunduh",
        "loading",
    ),
    "upah": (
        "gaji",
        "upah",
        "ump",
        "umk",
        "lembur",
        "di bawah minimum",
        "slip gaji",
        "potong gaji",
        "dipotong",
        "gajian",
        "honor",
        "bayaran",
        "tidak digaji",
        "upah minimum",
    ),
    "thr": (
        "thr",
        "tunjangan hari raya",
        "tunjangan lebaran",
        "lebaran",
        "idul fitri",
        "idulfitri",
        "natal",
        "hari raya",
    ),
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
        "pengunduran diri",
        "diberhentikan",
        "kompensasi",
        "tripartit",
        "pengadilan hubungan industrial",
        "phi",
    ),
    "jaminan_sosial": (
        "bpjs",
        "bpjs ketenagakerjaan",
        "iuran",
        "jht",
        "jkk",
        "jkp",
        "jkm",
        "jaminan hari tua",
        "jaminan kehilangan pekerjaan",
        "jaminan pensiun",
        "kartu bpjs",
        "tidak didaftarkan",
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
        "cuti hamil",
        "karyawan tetap",
        "lembur paksa",
        "istirahat",
        "tanpa kontrak",
        "hamil",
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
        "helm",
        "jatuh",
        "tertimpa",
        "terjepit",
        "mesin",
        "masker",
        "sesak",
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
        "melamar",
        "lamaran",
        "panggilan kerja",
        "interview",
        "wawancara",
        "calo",
        "biaya pendaftaran",
    ),
    "tka": (
        "tka",
        "tenaga kerja asing",
        "rptka",
        "pekerja asing",
        "warga negara asing",
        "wna",
        "imta",
        "china",
        "tiongkok",
        "expat",
        "ekspatriat",
    ),
    "pelatihan_vokasi": (
        "blk",
        "pelatihan",
        "sertifikasi",
        "kompetensi",
        "pemagangan",
        "bbpvp",
        "lsp",
        "vokasi",
        "kursus",
        "instruktur",
        "sertifikat kompetensi",
        "magang",
    ),
    "pekerja_migran": (
        "pmi",
        "pekerja migran",
        "luar negeri",
        "malaysia",
        "hongkong",
        "hong kong",
        "taiwan",
        "arab saudi",
        "p3mi",
        "pjtki",
        "sponsor",
        "majikan",
        "korea",
        "jepang",
        "singapura",
        "paspor",
        "visa",
        "bp2mi",
        "kp2mi",
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
        "data",
        "laporan tahunan",
        "anggaran",
    ),
    "kebijakan": (
        "usul",
        "usulan",
        "saran",
        "kebijakan",
        "sebaiknya",
        "mohon dipertimbangkan",
        "aspirasi",
        "revisi",
        "undang-undang",
        "omnibus",
        "cipta kerja",
        "regulasi",
    ),
    "penyalahgunaan_wewenang": (
        "menyalahgunakan",
        "penyalahgunaan wewenang",
        "sewenang",
        "memanfaatkan jabatan",
        "intervensi",
        "mengancam",
        "wewenang",
        "jabatannya",
        "memaksa",
        "titipan",
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
        "fiktif",
        "anggaran",
        "keluarga pejabat",
        "kerabat",
        "spj",
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
        "uang administrasi",
        "uang terima kasih",
        "tarif tidak resmi",
    ),
    "gratifikasi": (
        "gratifikasi",
        "hadiah",
        "parsel",
        "amplop",
        "suap",
        "menerima uang",
        "fee",
        "komisi",
        "bingkisan",
        "oleh-oleh",
        "traktir",
        "voucher",
        "tiket",
    ),
    "disiplin_asn": (
        "bolos",
        "tidak masuk kantor",
        "mangkir",
        "bisnis sampingan",
        "titip absen",
        "absen",
        "malas",
        "tidur di kantor",
        "terlambat",
        "jam kantor",
        "keluyuran",
        "main game",
        "pulang cepat",
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
        "merendahkan",
        "menghina",
        "selingkuh",
        "mabuk",
    ),
    "lainnya": ("tes", "test", "halo", "promo", "pinjaman", "judi", "slot", "investasi", "jual", "beli"),
}
OFFICIAL = (
    "pegawai",
    "pejabat",
    "petugas",
    "asn",
    "pns",
    "atasan",
    "kepala",
    "direktur",
    "oknum",
    "mediator",
    "pengawas",
    "inspektur",
    "kasubag",
    "kabid",
    "kasi",
    "staf",
    "instruktur",
    "kementerian",
)

_COMPILED = {c: tuple(f" {normalize(p)} " for p in ps) for c, ps in PHRASES.items()}
_OFFICIAL = tuple(f" {normalize(p)} " for p in OFFICIAL)
CATEGORIES = tuple(PHRASES)


def hits(text: str) -> dict[str, int]:
    """How many phrases of each category a normalised text contains."""
    padded = f" {text} "
    return {c: sum(p in padded for p in ps) for c, ps in _COMPILED.items()}


def compile_phrases(phrases: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    return {c: tuple(f" {normalize(p)} " for p in ps if normalize(p)) for c, ps in phrases.items()}


def with_additions(additions: dict[str, list[str]]) -> dict[str, tuple[str, ...]]:
    """The shipped phrases plus an administrator's additions (`TriagePhrase` rows), per category."""
    merged = {c: tuple(ps) for c, ps in PHRASES.items()}
    for category, extra in additions.items():
        if category in merged:
            merged[category] = merged[category] + tuple(p for p in extra if p not in merged[category])
    return merged


class LexiconFeatures(BaseEstimator, TransformerMixin):
    """Per category, log(1 + phrase hits); plus one column for words about officials.

    `phrases` defaults to the shipped lists; a model trained with an administrator's
    additions carries them inside it, so the model and its lexicon never drift apart.
    """

    def __init__(self, phrases: dict[str, tuple[str, ...]] | None = None) -> None:
        self.phrases = phrases

    def fit(self, documents: Any, y: Any = None) -> LexiconFeatures:
        self.compiled_ = compile_phrases(self.phrases or PHRASES)
        return self

    def transform(self, documents: Any) -> sparse.csr_matrix:
        compiled = getattr(self, "compiled_", _COMPILED)
        lists = [_split(compiled.get(c, ())) for c in CATEGORIES] + [_split(_OFFICIAL)]
        rows = []
        for doc in documents:
            padded, words = f" {doc} ", set(doc.split())
            # A one-word phrase is a word of the (single-spaced, normalised) text; longer ones are searched.
            rows.append(
                np.log1p([len(words & one) + sum(p in padded for p in longer) for one, longer in lists])
            )
        return sparse.csr_matrix(np.asarray(rows, dtype=np.float64))


def _split(padded_phrases: tuple[str, ...]) -> tuple[frozenset[str], tuple[str, ...]]:
    """(one-word phrases as bare words, longer phrases still padded with spaces)."""
    one = frozenset(p.strip() for p in padded_phrases if " " not in p.strip())
    return one, tuple(p for p in padded_phrases if " " in p.strip())
