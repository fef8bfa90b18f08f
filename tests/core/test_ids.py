"""Tracking ids and reporter secrets: short, unguessable, typo-proof, and readable however they are typed."""

from __future__ import annotations

import re

import pytest

from simadu.core.ids import (
    ALPHABET,
    canonical_tracking_id,
    hash_secret,
    new_secret,
    new_tracking_id,
    normalize,
    secret_matches,
)

TRACKING_ID = re.compile(r"^SMD-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$")
SECRET = re.compile(r"^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}$")


def _valid_id_with(body: str) -> str:
    """The one valid tracking id whose first seven symbols are `body` (found through the public API)."""
    found = [
        tid
        for check in ALPHABET
        if (tid := canonical_tracking_id(f"SMD-{body[:4]}-{body[4:]}{check}")) is not None
    ]
    assert len(found) == 1, "exactly one check symbol completes a body"
    return found[0]


def test_the_alphabet_is_crockford_base32_without_look_alikes():
    """32 symbols, no I, L, O or U, so a reporter reading a receipt aloud cannot mix them up."""
    assert len(ALPHABET) == len(set(ALPHABET)) == 32
    assert not set("ILOU") & set(ALPHABET)


def test_new_tracking_ids_have_the_published_shape_and_are_their_own_canonical_form():
    """Every new tracking id reads SMD-XXXX-XXXX in Crockford symbols and is accepted as typed."""
    made = [new_tracking_id() for _ in range(2000)]

    assert [tid for tid in made if not TRACKING_ID.match(tid)] == []
    assert [tid for tid in made if canonical_tracking_id(tid) != tid] == []


def test_tracking_ids_are_not_sequential_or_repeated():
    """Two thousand new ids are all different and do not follow one another (they are random)."""
    made = [new_tracking_id() for _ in range(2000)]

    assert len(set(made)) == len(made)
    assert made != sorted(made)
    assert len({tid[4] for tid in made}) > 20  # the first symbol varies across the alphabet


@pytest.mark.parametrize("body", ["7KQ2M9X", "0000000", "ZZZZZZZ", "10ABCDE", "SMD1234"])
def test_any_single_mistyped_symbol_of_a_tracking_id_is_caught(body):
    """Given a valid tracking id, when any one of its eight symbols is replaced by any other symbol, the
    result is never a tracking id: the reporter is told it is wrong instead of seeing someone else's case."""
    valid = _valid_id_with(body)
    code = valid[4:8] + valid[9:13]
    typos = [code[:i] + other + code[i + 1 :] for i in range(8) for other in ALPHABET if other != code[i]]

    accepted = [t for t in typos if canonical_tracking_id(f"SMD-{t[:4]}-{t[4:]}") is not None]

    assert len(typos) == 8 * 31
    assert accepted == []


@pytest.mark.parametrize("symbols", [1, 2])
def test_a_dropped_or_extra_symbol_is_caught(symbols):
    """Given a valid tracking id, a symbol too few or too many is not a tracking id."""
    valid = _valid_id_with("7KQ2M9X")
    code = valid[4:8] + valid[9:13]

    assert canonical_tracking_id(code[: 8 - symbols]) is None
    assert canonical_tracking_id(code + "7" * symbols) is None


@pytest.mark.parametrize(
    "typed",
    [
        "SMD-10AB-CDE{c}",
        "smd-10ab-cde{c}",
        "SMD-IOAB-CDE{c}",  # I for 1, O for 0
        "smd-loab-cde{c}",  # l for 1, o for 0
        "  SMD 10AB CDE{c}  ",
        "SMD10ABCDE{c}",
        "10AB-CDE{c}",  # without the prefix
        "10abcde{c}",
    ],
)
def test_a_tracking_id_is_read_the_same_whatever_its_case_spacing_or_look_alike_letters(typed):
    """Given a tracking id with 1 and 0 in it, when a reporter types it in lower case, with O for 0, I or l
    for 1, spaces instead of dashes, or without SMD, it reads as the same id."""
    valid = _valid_id_with("10ABCDE")
    check = valid[-1]

    assert canonical_tracking_id(typed.format(c=check.lower() if typed.islower() else check)) == valid


@pytest.mark.parametrize(
    "typed", ["", "SMD", "SMD-", "ABC", "SMD-10AB-CDE", "<script>", "SMD-10AB-CDE-" + "9" * 50]
)
def test_what_cannot_be_a_tracking_id_is_refused(typed):
    """Empty, too short, too long or foreign text is not a tracking id."""
    assert canonical_tracking_id(typed) is None


def test_new_secrets_are_twenty_symbols_in_four_groups_and_never_repeat():
    """A secret is 20 Crockford symbols (100 random bits) shown as four groups of five."""
    made = [new_secret() for _ in range(2000)]

    assert [s for s in made if not SECRET.match(s)] == []
    assert len(set(made)) == len(made)


@pytest.mark.parametrize(
    "typed",
    [
        lambda s: s,
        lambda s: s.lower(),
        lambda s: s.replace("-", ""),
        lambda s: s.replace("-", " "),
        lambda s: f"  {s}  ",
        lambda s: s.replace("0", "O").replace("1", "I"),
        lambda s: s.replace("0", "o").replace("1", "l").lower(),
    ],
    ids=["as-shown", "lower-case", "no-dashes", "spaces", "padded", "O-and-I", "o-and-l"],
)
def test_a_secret_matches_however_the_reporter_types_it(typed):
    """Given a secret with 0 and 1 in it, when the reporter types it in lower case, without dashes, or with
    O for 0 and I or l for 1, it normalises to the same symbols and matches its stored hash."""
    secret = "10ABC-DEF01-GHJK1-MN0PQ"
    stored = hash_secret(secret)

    assert normalize(typed(secret)) == normalize(secret) == "10ABCDEF01GHJK1MN0PQ"
    assert hash_secret(typed(secret)) == stored
    assert secret_matches(typed(secret), stored)


def test_a_wrong_secret_does_not_match():
    """Given a secret's stored hash, a secret differing in one symbol, or another secret, does not match."""
    secret = new_secret()
    stored = hash_secret(secret)
    one_off = ("0" if secret[0] != "0" else "1") + secret[1:]

    assert not secret_matches(one_off, stored)
    assert not secret_matches(new_secret(), stored)
    assert not secret_matches("", stored)


def test_the_stored_hash_of_a_secret_reveals_nothing_of_it():
    """The hash differs from the secret and does not contain it in any of its forms."""
    secret = new_secret()

    stored = hash_secret(secret)

    assert re.fullmatch(r"[0-9a-f]{64}", stored)
    assert stored != secret
    for form in (secret, normalize(secret), secret.lower(), normalize(secret).lower()):
        assert form not in stored


def test_the_stored_hash_depends_on_the_servers_secret_key(settings):
    """The hash is keyed by SECRET_KEY: a stolen database alone cannot be checked against guesses."""
    secret = new_secret()
    stored = hash_secret(secret)

    settings.SECRET_KEY = "a-different-server-" + "x" * 40

    assert hash_secret(secret) != stored


def test_an_id_whose_own_symbols_start_with_smd_is_read_without_its_prefix_too():
    """About one id in 32,768 has a code beginning S-M-D; typed without the prefix it must still be found."""
    body = "SMD1234"
    from simadu.core.ids import _check_symbol

    stored = f"SMD-{body[:4]}-{body[4:]}{_check_symbol(body)}"
    assert canonical_tracking_id(stored) == stored
    assert canonical_tracking_id(stored[4:]) == stored
    assert canonical_tracking_id(stored.replace("-", "")) == stored
