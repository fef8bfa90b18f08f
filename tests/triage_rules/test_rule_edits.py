"""Administrators edit the override rules in the admin, and the next suggestion follows.

No retraining and no deploy: an edit reaches the server that saved it at once and every
other server within `engine.RECHECK_SECONDS`. The explanation names the phrase that fired,
so a verifier sees why in a second.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from simadu.triage import engine, rules
from simadu.triage.engine import TriageInput
from simadu.triage.model import Prediction
from simadu.triage.models import TriageRulePhrase
from tests import factories

# A claim at a BPJS office, in words the shipped rule does not know ("jamsostek" is the old name).
OLD_NAME_CLAIM = (
    "Sudah 3 bulan saya urus di loket jamsostek Bekasi tapi uang hari tua belum juga masuk rekening."
)
REGIONAL_PUNGLI = "Oknum pemda minta uang rokok 200rb waktu saya urus izin usaha."


class Clock:
    def __init__(self) -> None:
        self.now = 5_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(autouse=True)
def fresh_rules(monkeypatch: pytest.MonkeyPatch) -> Clock:
    """Each test starts from the shipped rules, with the engine's clock in hand."""
    clock = Clock()
    monkeypatch.setattr(engine, "_clock", clock)
    monkeypatch.setattr(engine, "_rules", None)
    return clock


def decide(text: str, category: str, *, unit: tuple[str, float] | None = None) -> engine.TriageDecision:
    """The engine with the model's opinion fixed, so that only the rules are under test."""
    predicted = {
        "category": Prediction(category, 0.9, ["laporan"]),
        "report_type": Prediction("pengaduan", 0.9),
    }
    if unit:
        predicted["unit"] = Prediction(*unit)
    return engine.decide(TriageInput(text), predicted, "uji")


@pytest.fixture
def admin_client(staff: dict[str, Any]) -> Client:
    return factories.login_staff(Client(), staff["admin"])


@pytest.mark.django_db
def test_a_trigger_phrase_added_in_the_admin_routes_the_next_report_and_is_named_in_the_reason(admin_client):
    assert decide(OLD_NAME_CLAIM, "jaminan_sosial").unit == "ditjen_phi_jamsos"

    response = admin_client.post(
        "/admin/triage/triagerulephrase/add/",
        {
            "rule": "bpjs_claim",
            "effect": "trigger",
            "phrase": "Loket JAMSOSTEK",
            "note": "nama lama",
            "active": "on",
        },
    )

    assert response.status_code == 302, response.content
    # stored as the engine reads it: lower case, the old name spelled out as the normaliser does
    assert TriageRulePhrase.objects.get().phrase == "loket bpjs ketenagakerjaan"
    decision = decide(OLD_NAME_CLAIM, "jaminan_sosial")
    assert decision.unit == "bpjs_ketenagakerjaan"
    assert "«loket bpjs ketenagakerjaan»" in decision.explanation


@pytest.mark.django_db
def test_an_exception_added_by_an_administrator_stops_the_rule():
    text = "Klaim JHT saya ditolak karena perusahaan ngemplang iuran selama dua tahun."
    assert decide(text, "jaminan_sosial").unit == "bpjs_ketenagakerjaan"

    TriageRulePhrase.objects.create(rule="bpjs_claim", phrase="ngemplang iuran", effect="exception")
    engine.forget_rules()

    assert decide(text, "jaminan_sosial").unit == "ditjen_phi_jamsos"


@pytest.mark.django_db
def test_a_shipped_phrase_switched_off_no_longer_fires():
    assert decide(REGIONAL_PUNGLI, "pungli").unit == "pemda"

    TriageRulePhrase.objects.create(rule="regional_official", phrase="pemda", effect="disabled")
    engine.forget_rules()

    assert decide(REGIONAL_PUNGLI, "pungli").unit == "itjen"
    assert "pemda" not in engine.active_rules().regional_official.phrases
    assert "pemda" in rules.REGIONAL.phrases  # the shipped rule itself is untouched


@pytest.mark.django_db
def test_an_inactive_edit_changes_nothing():
    TriageRulePhrase.objects.create(rule="regional_official", phrase="pemda", effect="disabled", active=False)
    engine.forget_rules()

    assert decide(REGIONAL_PUNGLI, "pungli").unit == "pemda"


@pytest.mark.django_db
def test_another_server_follows_an_edit_within_the_recheck_interval(fresh_rules: Clock):
    assert (
        decide(OLD_NAME_CLAIM, "jaminan_sosial").unit == "ditjen_phi_jamsos"
    )  # this server has read the rules

    # saved elsewhere (another worker): nobody told this process
    TriageRulePhrase.objects.create(rule="bpjs_claim", phrase="jamsostek", effect="trigger")
    fresh_rules.now += engine.RECHECK_SECONDS - 1
    assert decide(OLD_NAME_CLAIM, "jaminan_sosial").unit == "ditjen_phi_jamsos"
    fresh_rules.now += 1
    assert decide(OLD_NAME_CLAIM, "jaminan_sosial").unit == "bpjs_ketenagakerjaan"


@pytest.mark.django_db
def test_switching_off_a_phrase_the_rule_does_not_have_is_refused_with_a_message(admin_client):
    response = admin_client.post(
        "/admin/triage/triagerulephrase/add/",
        {"rule": "police", "effect": "disabled", "phrase": "satpam", "active": "on"},
    )

    assert response.status_code == 200
    assert "bukan frasa bawaan" in response.text
    assert not TriageRulePhrase.objects.exists()


@pytest.mark.django_db
def test_the_admin_list_shows_each_rule_with_the_phrases_in_force(admin_client):
    TriageRulePhrase.objects.create(rule="police", phrase="bareskrim", effect="trigger")
    engine.forget_rules()

    page = admin_client.get("/admin/triage/triagerulephrase/")

    assert page.status_code == 200
    assert rules.POLICE.says in page.text
    assert "polsek" in page.text  # shipped
    assert "bareskrim" in page.text  # added


# --- the model's own reading of the unit ------------------------------------------------------


def test_where_no_rule_decides_a_confident_model_unit_the_rules_could_give_is_taken():
    """Corrections teach the model units the phrases miss (a regional officer described without
    the words the rule knows); the reason says the unit came from corrected reports."""
    text = "Petugas pengawas yang datang ke pabrik kami minta amplop supaya temuan tidak ditulis."

    decision = decide(text, "pungli", unit=("pemda", 0.93))

    assert decision.unit == "pemda"
    assert "laporan serupa yang sudah dikoreksi" in decision.explanation


def test_an_unsure_model_unit_leaves_the_category_default():
    text = "Petugas pengawas yang datang ke pabrik kami minta amplop supaya temuan tidak ditulis."

    assert decide(text, "pungli", unit=("pemda", engine.MODEL_UNIT_CONFIDENCE - 0.01)).unit == "itjen"


def test_the_model_cannot_send_a_report_where_no_rule_of_its_category_could():
    """Wages never go to the migrant-workers ministry on the model's word alone."""
    assert decide("Gaji dua bulan belum dibayar.", "upah", unit=("kp2mi", 0.99)).unit == "ditjen_phi_jamsos"


def test_a_rule_that_fired_outranks_the_model():
    decision = decide(REGIONAL_PUNGLI, "pungli", unit=("itjen", 0.99))

    assert decision.unit == "pemda"
