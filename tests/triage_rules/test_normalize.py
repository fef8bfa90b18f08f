"""Indonesian as people really write it, made regular before the rules and the model read it.

What a verifier or a reporter would notice: chat spelling is understood like the
full word, shouting letters do not make a new word, amounts and phone numbers do
not become vocabulary, and no e-mail address or link survives into the text the
model learns its vocabulary from (the vocabulary is stored in var/triage/).
"""

from __future__ import annotations

import re

import pytest

from simadu.triage.normalize import normalize

SLANG_PHRASES = [
    ("sy udh 3 bln gk digaji", "saya sudah 0 bulan tidak digaji"),
    ("tlg bantu sy, gaji yg dijanjikan blm dibayar", "tolong bantu saya gaji yang dijanjikan belum dibayar"),
    ("prshn tdk bayar lembur sm skali", "perusahaan tidak bayar lembur sama skali"),
    ("gmn cara klaim JHT klo udh resign?", "bagaimana cara klaim jht kalau sudah resign ?"),
    ("THR sy cm dibayar setengah, tp yg lain full", "thr saya hanya dibayar setengah tapi yang lain full"),
    (
        "Mhn info, Kemnaker buka lowongan gk thn ini?",
        "mohon info kementerian ketenagakerjaan buka lowongan tidak tahun ini ?",
    ),
    ("gk bs login, pw udh bener", "tidak bisa login password sudah bener"),
    ("sy blm trima sertifikat dr BLK", "saya belum trima sertifikat dari blk"),
]


@pytest.mark.parametrize(("written", "read"), SLANG_PHRASES)
def test_chat_abbreviations_are_read_as_the_full_words(written: str, read: str) -> None:
    """yg, gk, tdk, blm, sy, udh, tlg … become yang, tidak, tidak, belum, saya, sudah, tolong."""
    assert normalize(written) == read


def test_the_abbreviated_and_the_full_spelling_of_a_complaint_read_the_same() -> None:
    """A rule or a model that knows the full words understands the chat version without extra phrases."""
    assert normalize("Sy tdk bs klaim JHT krn prshn blm lapor") == normalize(
        "Saya tidak bisa klaim JHT karena perusahaan belum lapor"
    )


@pytest.mark.parametrize(
    ("shout", "louder", "read"),
    [
        ("tolonggg", "tolonggggggggg", "tolongg"),
        ("gajiii sy blm dibayarrr", "gajiiiiiii sy blm dibayarrrrrrrr!!!", "gajii saya belum dibayarr"),
        ("PHKKK sepihakkk", "PHKKKKKKKK sepihakkkkkkk", "phkk sepihakk"),
    ],
)
def test_letters_repeated_for_emphasis_are_squeezed_to_two(shout: str, louder: str, read: str) -> None:
    """However long the shout, the word comes out the same."""
    assert normalize(shout) == normalize(louder) == read


@pytest.mark.parametrize("word", ["maaf", "saat", "tunggu", "sapu"])
def test_honest_double_letters_are_kept(word: str) -> None:
    """Indonesian has real double letters; squeezing must not change these words."""
    assert normalize(word) == word


@pytest.mark.parametrize(
    "amount",
    ["Rp 1.500.000", "Rp150.000", "rp 50rb", "Rp. 2,5 juta", "Rp 5 jt", "Rp.50.000,-", "RP 3 miliar"],
)
def test_amounts_of_money_become_one_placeholder(amount: str) -> None:
    """Every sum in rupiah reads the same: the model learns 'a sum of money', not this sum."""
    assert normalize(f"diminta bayar {amount} sama petugas") == "diminta bayar uangtoken sama petugas"


def test_numbers_become_zero_so_no_phone_or_account_number_survives() -> None:
    """Phone numbers, account numbers and dates lose their digits."""
    text = "WA sy 0812-3456-7890, rek BCA 1234567890, kejadian tgl 17/08/2025"
    read = normalize(text)
    assert re.search(r"[1-9]", read) is None
    assert read == "whatsapp saya 0 0 0 rek bca 0 kejadian tanggal 0 0 0"


ADDRESSES = [
    "budi.santoso88@gmail.com",
    "Budi_S@yahoo.co.id",
    "ANI.PUTRI@PT-MAJU.CO.ID",
    "siti+kerja@contoh.id",
]
LINKS = [
    "https://drive.google.com/file/d/1AbCdEf/view?usp=sharing",
    "http://karirhub.kemnaker.go.id/lowongan/12345",
    "www.facebook.com/budi.santoso88",
    "HTTPS://SIAPKERJA.KEMNAKER.GO.ID/login?user=budi",
]


@pytest.mark.parametrize("address", ADDRESSES)
@pytest.mark.parametrize(
    "sentence", ["hubungi sy di {}", "email:{}.", "({}) tolong dibalas", "kirim ke <{}>, terima kasih"]
)
def test_an_email_address_never_survives_normalisation(address: str, sentence: str) -> None:
    """Neither the address nor the name in it reaches the model's vocabulary."""
    read = normalize(sentence.format(address))
    assert "emailtoken" in read
    assert "@" not in read
    name_words = {w for w in normalize(address.split("@")[0]).split() if len(w) > 2}
    assert name_words  # budi, santoso0, ani, putri, siti, kerja …
    assert not name_words & set(read.split())
    assert address.lower() not in read


@pytest.mark.parametrize("link", LINKS)
@pytest.mark.parametrize("sentence", ["buktinya di {} ya", "(lihat {})", "link: {}, mohon dicek"])
def test_a_link_never_survives_normalisation(link: str, sentence: str) -> None:
    """A link, with the names and ids in its path, becomes one placeholder."""
    read = normalize(sentence.format(link))
    assert "urltoken" in read
    for part in ("drive", "google", "facebook", "budi", "santoso0", "karirhub", "lowongan", "user"):
        assert part not in read.split()
    assert link.lower() not in read


IDEMPOTENT = [
    *(w for w, _ in SLANG_PHRASES),
    "tolonggggg pak, THR sy blm cair!!! udh 2 mgg lewat lebaran",
    "Yth. Bapak/Ibu, saya diminta Rp 2.500.000 oleh petugas BBPVP, bukti: https://bit.ly/3xYz dan budi@contoh.id",
    "ak1 sy blm jadi, kartu kuning jg, AK 1 katanya habis",
    "PT. Maju Jaya log-in e-mail sign-in phk-an",
    "",
    "?? ... !!!",
]


@pytest.mark.parametrize("text", IDEMPOTENT)
def test_normalising_twice_changes_nothing(text: str) -> None:
    """Rule phrases are normalised once and reports once; both must land on the same form."""
    once = normalize(text)
    assert normalize(once) == once


@pytest.mark.parametrize("amount", ["Rp  50.000", "Rp: 50.000"])
def test_an_amount_with_extra_space_or_a_colon_is_still_money(amount: str) -> None:
    """Typed amounts come with stray spaces and colons; they are still sums of money, and stable."""
    once = normalize(f"diminta {amount}")
    assert once == "diminta uangtoken"
    assert normalize(once) == once
