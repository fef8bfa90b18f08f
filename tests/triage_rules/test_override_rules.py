"""The override rules of triage-taxonomy.md, one by one.

Each rule is checked twice: on the rule itself (`rules.fires`, `rules.unit_for`,
`rules.channel_for` on normalised text) and through `engine.decide()` with a
hand-made model opinion, so the model's guess is fixed and only the rules are
under test. The model is never loaded here.

Cases marked `xfail(strict=True)` are what the taxonomy asks and the rules do not
do yet (each reason names the gap); when a rule is fixed the test turns XPASS and
fails, so the marker must then be removed.
"""

from __future__ import annotations

import pytest

from simadu.triage import engine, rules
from simadu.triage.engine import TriageDecision, TriageInput
from simadu.triage.model import Prediction
from simadu.triage.normalize import normalize
from tests.triage_rules.spec import SPEC


def decide(
    text: str,
    category: str,
    *,
    reporter_type: str = "public",
    anonymous: bool = False,
    title: str = "",
    confidence: float = 0.9,
    report_type: str = "pengaduan",
) -> TriageDecision:
    """`engine.decide` with the model's opinion fixed: it read `category` with `confidence`, and it
    proposes the category's default unit, as a model that knows no override would."""
    predicted = {
        "category": Prediction(category, confidence, ["laporan"]),
        "report_type": Prediction(report_type, 0.9),
        "unit": Prediction(SPEC[category][1], 0.9),
    }
    return engine.decide(TriageInput(text, title, reporter_type, anonymous), predicted, "uji")


def bug(case: tuple[object, ...], reason: str) -> object:
    """A case the taxonomy requires and the current rules get wrong (see the module docstring)."""
    return pytest.param(*case, marks=pytest.mark.xfail(strict=True, reason=reason))


# --- without a rule: the category decides -----------------------------------------------------

NEUTRAL = "Mohon ditindaklanjuti, kejadiannya sudah berlangsung lama di tempat kami."


@pytest.mark.parametrize(("category", "supervisory", "unit"), [(c, s, u) for c, (s, u) in SPEC.items()])
def test_without_an_override_each_category_goes_to_its_default_unit(
    category: str, supervisory: bool, unit: str
) -> None:
    """No rule fires on a plain report: the unit and the supervisory flag are those of the taxonomy's table."""
    decision = decide(NEUTRAL, category)
    assert (decision.category, decision.supervisory, decision.unit) == (category, supervisory, unit)
    assert rules.unit_for(category, normalize(NEUTRAL)) == (unit, [])


# --- rule 1: a service an outside body runs itself ----------------------------------------------

CLAIMS_AT_BPJS = [
    "gk bs klaim jht di kntr bpjs",
    "Pencairan JHT saya ditolak petugas kantor cabang BPJS Ketenagakerjaan karena nama di KTP beda satu huruf.",
    "JHT sy udh 3 bln blm cair, tiap ke kantor bpjs disuruh balik lg",
    "Klaim JKK kecelakaan kerja suami saya sudah 2 bulan tidak ada kabar dari BPJS.",
    "Manfaat JKP sy blm diterima pdhl udh kena PHK 2 bln",
    "mau cairkan saldo JHT lewat aplikasi JMO tp verifikasi wajah gagal terus",
]


@pytest.mark.parametrize("text", CLAIMS_AT_BPJS)
def test_a_benefit_claim_at_bpjs_goes_to_bpjs_ketenagakerjaan(text: str) -> None:
    """A slow or refused JHT/JKK/JKP claim is BPJS Ketenagakerjaan's own service, however it is spelled."""
    assert rules.fires(rules.BPJS_CLAIM, normalize(text))
    assert rules.unit_for("jaminan_sosial", normalize(text))[0] == "bpjs_ketenagakerjaan"
    decision = decide(text, "jaminan_sosial")
    assert (decision.unit, decision.channel) == ("bpjs_ketenagakerjaan", "lapor")
    assert rules.BPJS_CLAIM.says in decision.explanation


EMPLOYER_CONTRIBUTIONS = [
    "perusahaan tdk mendaftarkan sy ke bpjs ketenagakerjaan, jd pas mau klaim jht gk bisa",
    "Iuran BPJS dipotong dr gaji tiap bulan tp tdk pernah disetor perusahaan, akhirnya klaim JHT ditolak.",
    "Perusahaan menunggak iuran 8 bulan, klaim JHT saya di kantor cabang BPJS ditolak.",
    "Sudah 2 tahun kerja blm didaftarkan BPJS Ketenagakerjaan, kalau kecelakaan gimana klaimnya?",
    "perusahaan nggak bayar iuran bpjs sy, jd pas mau klaim jht ditolak",
    "Cek di JMO ternyata perusahaan tdk pernah menyetor iuran sy sejak 2024, padahal gaji dipotong tiap bulan.",
]


@pytest.mark.parametrize("text", EMPLOYER_CONTRIBUTIONS)
def test_an_employer_not_paying_or_registering_contributions_stays_with_ditjen_phi_jamsos(text: str) -> None:
    """Even when the claim then fails, an employer's unpaid or missing contributions are the ministry's matter."""
    assert not rules.fires(rules.BPJS_CLAIM, normalize(text))
    decision = decide(text, "jaminan_sosial")
    assert decision.unit == "ditjen_phi_jamsos"
    assert rules.BPJS_CLAIM.says not in decision.explanation


def test_money_that_does_not_come_in_a_severance_case_is_not_sent_to_bpjs() -> None:
    """'Cair' in a dismissal report is about severance: the BPJS rule applies to social-security reports only."""
    text = "pesangon sy blm cair udh 4 bln sejak di PHK"
    assert rules.fires(rules.BPJS_CLAIM, normalize(text))  # the phrase is there ...
    assert decide(text, "phk").unit == "ditjen_phi_jamsos"  # ... but the category is not jaminan_sosial


AK1_CARDS = [
    "bikin AK1 di disnaker kab bekasi hrs antri dr jam 4 subuh",
    "Kartu kuning saya belum jadi padahal sudah 2 minggu, katanya blangkonya habis.",
    "kartu pencari kerja sy hilang, gmn cara buat lg?",
    "Permohonan kartu AK 1 saya tidak diproses sama sekali.",
    "AK-1 sy salah tanggal lahir, disuruh daftar ulang dr awal",
]


@pytest.mark.parametrize("text", AK1_CARDS)
def test_the_ak1_card_goes_to_the_regional_government(text: str) -> None:
    """The AK1 'kartu kuning' is issued by the district Disnaker: unit pemda."""
    assert rules.fires(rules.AK1, normalize(text))
    decision = decide(text, "penempatan_kerja")
    assert decision.unit == "pemda"
    assert rules.AK1.says in decision.explanation


PRAKERJA = [
    (
        "Insentif Kartu Prakerja saya belum masuk padahal pelatihan sudah selesai 40 hari lalu.",
        "pelatihan_vokasi",
    ),
    ("kapan prakerja gelombang baru dibuka min?", "penempatan_kerja"),
    ("sertifikat pelatihan pra kerja sy blm terbit, CS nya cuma balas otomatis", "pelatihan_vokasi"),
    ("Insentif Pra-Kerja sy blm cair", "pelatihan_vokasi"),
]


@pytest.mark.parametrize(("text", "category"), PRAKERJA)
def test_kartu_prakerja_goes_to_another_agency(text: str, category: str) -> None:
    """Kartu Prakerja is run by another ministry's programme: unit lembaga_lain, whatever the category."""
    assert rules.fires(rules.PRAKERJA, normalize(text))
    decision = decide(text, category)
    assert decision.unit == "lembaga_lain"
    assert rules.PRAKERJA.says in decision.explanation


# --- rule 2: whose official is it? -----------------------------------------------------------------

REGIONAL_OFFICIALS = [
    (
        "pengawas dr dinas yg dtg ke pabrik minta amplop 2jt biar temuan lembur gk ditulis di nota",
        "pungli",
    ),
    (
        "petugas disnaker kab. karawang minta 150rb buat bikin kartu kuning, yg gk bayar disuruh balik minggu depan",
        "pungli",
    ),
    (
        "Mediator di Dinas Tenaga Kerja Kabupaten Sidoarjo meminta uang Rp5.000.000 supaya anjuran berpihak.",
        "pungli",
    ),
    (
        "Inspektorat daerah tdk menindaklanjuti laporan kami soal kepala dinas yg pakai mobil dinas utk usaha",
        "penyalahgunaan_wewenang",
    ),
    ("Petugas loket AK1 di Disnaker Kota Denpasar membentak pemohon lansia di depan antrean.", "kode_etik"),
    ("pegawai Disnakertrans Provinsi NTB sering bolos, kantor kosong jam 10 pagi", "disiplin_asn"),
    (
        "Kepala Disnaker kabupaten menerima parsel dan uang dari perusahaan yang sedang diperiksa.",
        "gratifikasi",
    ),
    (
        "Pegawai Dinas Tenaga Kerja Kota Medan minta uang pelicin utk pengesahan PKB. Mohon Kemnaker menindak.",
        "pungli",
    ),
]


@pytest.mark.parametrize(("text", "category"), REGIONAL_OFFICIALS)
def test_misconduct_of_a_regional_official_goes_to_the_regional_government(text: str, category: str) -> None:
    """A Disnaker officer or a regional inspector is not the ministry's civil servant: unit pemda."""
    assert rules.fires(rules.REGIONAL, normalize(text))
    phrase = rules.fires(rules.REGIONAL, normalize(text))
    assert rules.unit_for(category, normalize(text)) == ("pemda", [f"{rules.REGIONAL.says} («{phrase}»)"])
    decision = decide(text, category)
    assert (decision.unit, decision.supervisory) == ("pemda", True)
    assert rules.REGIONAL.says in decision.explanation


MINISTRY_OFFICIALS = [
    ("Instruktur BBPVP Serang minta uang 500rb ke peserta supaya lulus uji kompetensi.", "pungli"),
    ("Instruktur BBPVP Bekasi minta uang ke peserta kiriman Disnaker Kabupaten Karawang.", "pungli"),
    (
        "Pejabat di Kemnaker menahan pengesahan RPTKA sampai perusahaan kasih amplop.",
        "penyalahgunaan_wewenang",
    ),
    ("Oknum pegawai Itjen menerima hadiah dari perusahaan yang sedang diaudit.", "gratifikasi"),
    ("pejabat ditjen binapenta minta fee proyek pengadaan ke rekanan, pemda jg tau", "kkn"),
]


@pytest.mark.parametrize(("text", "category"), MINISTRY_OFFICIALS)
def test_misconduct_of_the_ministrys_own_officials_goes_to_itjen(text: str, category: str) -> None:
    """BBPVP, Kemnaker and Itjen staff are the ministry's own: unit itjen, even when a region is named."""
    assert not rules.fires(rules.REGIONAL, normalize(text))
    decision = decide(text, category)
    assert (decision.unit, decision.supervisory) == ("itjen", True)


# --- rule 3: a scam recruiter -----------------------------------------------------------------------

SCAMS_WITH_POLICE = [
    "loker palsu di tiktok minta transfer 1,8jt buat seragam, tolong diteruskan ke polisi siber",
    "Kami korban penipuan rekrutmen kerja di Medan, pelaku kabur membawa 40 juta. Mohon diteruskan ke "
    "kepolisian untuk ditangkap.",
    "Kami ingin melaporkan secara pidana agen penyalur PT Karya Bodong yang memungut Rp3.500.000 per orang.",
    "PENIPUAN LOKER ATAS NAMA PT SENTOSA, DISURUH BAYAR 2,5 JT. TOLONG LAPORKAN KE POLISI",
    "Penyalur kerja bodong sudah menipu 15 orang, mohon pelakunya ditindak pihak berwajib.",
]


@pytest.mark.parametrize("text", SCAMS_WITH_POLICE)
def test_a_scam_recruiter_with_a_request_for_police_action_goes_to_another_agency(text: str) -> None:
    """Criminal fraud by a private party, and the reporter asks for the police: lembaga_lain."""
    assert rules.fires(rules.POLICE, normalize(text))
    decision = decide(text, "penempatan_kerja")
    assert (decision.category, decision.unit) == ("penempatan_kerja", "lembaga_lain")
    assert rules.POLICE.says in decision.explanation


SCAMS_WITHOUT_POLICE = [
    "ada loker palsu di IG atas nama PT Maju Jaya, disuruh bayar 500rb biaya medical dulu",
    "Hati-hati, lowongan CPNS Kemnaker yang beredar di WhatsApp minta biaya pendaftaran. Itu resmi atau tidak?",
    "Agen penyalur di Cikarang menahan ijazah pelamar dan minta uang jaminan 2 juta.",
]


@pytest.mark.parametrize("text", SCAMS_WITHOUT_POLICE)
def test_a_scam_recruiter_without_a_request_for_police_stays_with_binapenta(text: str) -> None:
    """Without an explicit request for police action, a fake vacancy is the placement directorate's."""
    assert not rules.fires(rules.POLICE, normalize(text))
    assert decide(text, "penempatan_kerja").unit == "ditjen_binapenta_pkk"


# --- channel ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "reporter_type"),
    [
        ("sy gk bs login SIAPkerja, OTP gk masuk2", "public"),
        ("sy pegawai, tlg rahasiakan identitas sy, akun sisnaker sy terkunci", "internal"),
    ],
)
def test_digital_access_problems_go_to_the_helpdesk(text: str, reporter_type: str) -> None:
    """Login, OTP and broken pages go to the helpdesk, whoever writes and whatever else they ask."""
    assert (
        rules.channel_for("akses_layanan_digital", "pusdatin", normalize(text), reporter_type)[0]
        == "helpdesk"
    )
    decision = decide(text, "akses_layanan_digital", reporter_type=reporter_type)
    assert (decision.channel, decision.unit) == ("helpdesk", "pusdatin")


INSIDE_JOB = "pegawai di bagian umum sering main slot online di komputer kantor pas jam kerja"


def test_an_insider_reporting_a_ministry_official_goes_to_wbs() -> None:
    """Reporter type internal + supervisory + the ministry's own official: the whistleblowing channel."""
    decision = decide(INSIDE_JOB, "disiplin_asn", reporter_type="internal")
    assert (decision.channel, decision.unit) == ("wbs", "itjen")
    assert "pelapor pegawai Kemnaker" in decision.explanation


def test_the_same_report_from_the_public_without_a_protection_request_goes_to_lapor() -> None:
    """Without the insider, gratification/ethics or a protection request, misconduct is an ordinary complaint."""
    assert decide(INSIDE_JOB, "disiplin_asn", reporter_type="public").channel == "lapor"


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Pejabat direktorat di Kemnaker menerima mobil dari perusahaan pemohon izin.", "gratifikasi"),
        ("Seorang pejabat eselon di kantor pusat sering melecehkan pegawai honorer perempuan.", "kode_etik"),
    ],
)
def test_gratification_or_ethics_of_ministry_officials_goes_to_wbs_even_from_the_public(
    text: str, category: str
) -> None:
    """Gratifikasi and kode etik about the ministry's officials are WBS matters whoever reports them."""
    assert rules.channel_for(category, "itjen", normalize(text), "public")[0] == "wbs"
    decision = decide(text, category, reporter_type="public")
    assert (decision.channel, decision.unit) == ("wbs", "itjen")
    assert "gratifikasi/kode etik" in decision.explanation


PROTECTION_REQUESTS = [
    (
        "Tolong lindungi identitas saya. Oknum panitia seleksi pemagangan meminta Rp15 juta per peserta.",
        "pungli",
    ),
    ("sy takut dipecat klo ketahuan, atasan sy di direktorat minta setoran tiap ada proyek", "kkn"),
    ("tlg rahasiakan identitas sy, pejabat kemnaker minta fee 10% dr kontraktor", "kkn"),
    ("Saya minta identitas saya dirahasiakan. Penguji sertifikasi K3 dari kementerian minta uang.", "pungli"),
    (
        "Mohon identitas saya dilindungi karena saya masih bekerja di sana. Petugas loket di kantor "
        "Kementerian sering tidur dan menolak melayani pemohon.",
        "disiplin_asn",
    ),
    ("jgn sebut nama sy ya pak, kasubag di kantor pusat minta jatah dr honor kegiatan", "kkn"),
]


@pytest.mark.parametrize(("text", "category"), PROTECTION_REQUESTS)
def test_an_explicit_request_for_identity_protection_goes_to_wbs(text: str, category: str) -> None:
    """A member of the public who asks, in the report, to be protected is a whistleblower."""
    assert rules.fires(rules.PROTECTION, normalize(text))
    decision = decide(text, category, reporter_type="public")
    assert (decision.channel, decision.unit) == ("wbs", "itjen")
    assert rules.PROTECTION.says in decision.explanation


def test_ticking_anonymous_alone_does_not_make_a_report_wbs() -> None:
    """Anonymous public complaints are ordinary on SPAN-LAPOR!: the form's checkbox is not a protection request."""
    text = "Petugas uji kompetensi dari kementerian minta uang 300rb per peserta, katanya biar cepat keluar."
    decision = decide(text, "pungli", reporter_type="public", anonymous=True)
    assert (decision.channel, decision.unit) == ("lapor", "itjen")


@pytest.mark.parametrize(
    ("text", "category", "reporter_type"),
    [
        (
            "Kepala Disnaker kabupaten menerima parsel dan uang dari perusahaan yang diperiksa.",
            "gratifikasi",
            "public",
        ),
        (
            "Tolong rahasiakan identitas saya. Mediator Disnaker Kabupaten Sidoarjo minta uang 5 juta.",
            "pungli",
            "public",
        ),
        ("pegawai disnaker kota sering bolos, absen dititip ke teman", "disiplin_asn", "internal"),
        ("Kepala UPTD BLK provinsi membentak peserta pelatihan di depan umum.", "kode_etik", "internal"),
    ],
)
def test_misconduct_of_regional_officials_never_goes_to_wbs(
    text: str, category: str, reporter_type: str
) -> None:
    """WBS is for the ministry's own civil servants: a regional official's case goes to pemda through LAPOR!."""
    decision = decide(text, category, reporter_type=reporter_type)
    assert (decision.unit, decision.channel) == ("pemda", "lapor")
    assert rules.channel_for(category, "pemda", normalize(text), reporter_type)[0] == "lapor"


@pytest.mark.parametrize(
    ("text", "category", "reporter_type"),
    [
        ("tolong rahasiakan identitas saya, perusahaan tidak bayar THR tahun ini", "thr", "public"),
        ("sy pegawai honorer di kantor kementerian, gaji sy telat 3 bln", "upah", "internal"),
    ],
)
def test_a_report_without_misconduct_stays_on_lapor_even_from_an_insider(
    text: str, category: str, reporter_type: str
) -> None:
    """WBS needs alleged misconduct: an insider's wage complaint or a worried worker's THR complaint is LAPOR!."""
    assert decide(text, category, reporter_type=reporter_type).channel == "lapor"


# --- rule 4: spam and tests ------------------------------------------------------------------------

SPAM = [
    ("tes", ""),
    ("Test 123", ""),
    ("TES", ""),
    ("halo", ""),
    ("p", ""),
    ("P", ""),
    ("", ""),
    ("   \n ", ""),
    ("cek cek", ""),
    ("coba", ""),
    ("?", ""),
    ("", "tes"),
    ("halo min", ""),
]


@pytest.mark.parametrize(("text", "title"), SPAM)
def test_tests_and_greetings_go_to_lainnya_and_setjen_whatever_the_model_thinks(
    text: str, title: str
) -> None:
    """A test message is not a report: lainnya, setjen, LAPOR!, never supervisory, even from an insider
    and even when the model was sure it read an illegal levy."""
    assert rules.is_spam(normalize(f"{title} {text}"))
    decision = decide(text, "pungli", title=title, reporter_type="internal", confidence=0.95)
    assert (decision.category, decision.unit, decision.channel, decision.supervisory) == (
        "lainnya",
        "setjen",
        "lapor",
        False,
    )
    assert rules.SPAM.says in decision.explanation
    assert not decision.low_confidence


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("halo min, gaji sy blm dibayar 2 bln", "upah"),
        ("sy udh tes kesehatan tp gk dipanggil kerja", "penempatan_kerja"),
    ],
)
def test_a_greeting_or_a_test_word_inside_a_real_report_is_not_spam(text: str, category: str) -> None:
    """Greeting the admin before the complaint, or a medical 'tes', does not make a report spam."""
    assert not rules.is_spam(normalize(text))
    assert decide(text, category).category == category


@pytest.mark.parametrize(
    ("text", "model_says", "expected"),
    [
        ("tes", "aspirasi", "pengaduan"),
        ("halo?", "pengaduan", "permintaan_informasi"),
    ],
)
def test_spam_is_a_question_when_it_asks_something_and_a_complaint_otherwise(
    text: str, model_says: str, expected: str
) -> None:
    """Rule 4: report type permintaan_informasi when the message asks something, pengaduan otherwise."""
    assert decide(text, "lainnya", report_type=model_says).report_type == expected


# --- the explanation ----------------------------------------------------------------------------------

FIRED = [
    (CLAIMS_AT_BPJS[0], "jaminan_sosial", "public", rules.BPJS_CLAIM.says),
    (AK1_CARDS[0], "penempatan_kerja", "public", rules.AK1.says),
    (PRAKERJA[0][0], "pelatihan_vokasi", "public", rules.PRAKERJA.says),
    (SCAMS_WITH_POLICE[0], "penempatan_kerja", "public", rules.POLICE.says),
    (REGIONAL_OFFICIALS[0][0], "pungli", "public", rules.REGIONAL.says),
    (PROTECTION_REQUESTS[0][0], "pungli", "public", rules.PROTECTION.says),
    (INSIDE_JOB, "disiplin_asn", "internal", "pelapor pegawai Kemnaker → WBS"),
    ("tes", "upah", "public", rules.SPAM.says),
]


@pytest.mark.parametrize(("text", "category", "reporter_type", "says"), FIRED)
def test_the_explanation_names_the_rule_that_fired_in_one_short_line(
    text: str, category: str, reporter_type: str, says: str
) -> None:
    """A verifier reads why in a second: the rule's own words, on one line, short."""
    explanation = decide(text, category, reporter_type=reporter_type).explanation
    assert says in explanation
    assert "\n" not in explanation
    assert len(explanation) <= 250


def test_without_a_rule_the_explanation_names_the_words_that_weighed_most() -> None:
    """When only the model decided, the explanation shows the category and the words it leaned on."""
    predicted = {
        "category": Prediction("thr", 0.82, ["thr", "lebaran"]),
        "report_type": Prediction("pengaduan", 0.9),
        "unit": Prediction("ditjen_phi_jamsos", 0.9),
    }
    decision = engine.decide(TriageInput("THR lebaran kemarin tidak dibayar sama sekali"), predicted, "uji")
    assert decision.explanation == "Tunjangan Hari Raya (THR) (82%); kata yang menentukan: thr, lebaran"


@pytest.mark.parametrize(("confidence", "flagged"), [(0.12, True), (0.49, True), (0.5, False), (0.93, False)])
def test_low_confidence_is_flagged_so_the_verifier_reads_the_whole_report(
    confidence: float, flagged: bool
) -> None:
    """Below 0.5 the explanation starts by saying so; at or above, it does not."""
    decision = decide("kerja di gudang tapi gk jelas statusnya apa", "norma_kerja", confidence=confidence)
    assert decision.low_confidence is flagged
    assert decision.explanation.startswith("keyakinan rendah, baca laporan lengkap") is flagged
    assert decision.confidence == pytest.approx(min(confidence, 0.9))
