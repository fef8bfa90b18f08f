"""The case page: the report, the reporter's identity behind an explicit click, evidence, triage and deadline."""

from __future__ import annotations

import io
import re

import pytest
from PIL import Image

from simadu.audit.models import AuditEntry
from simadu.cases.services import Submission
from simadu.confidentiality.attachments import CheckedFile
from simadu.intake.services import report_submit
from tests.factories import advance, decision, submit


def _one_pixel_png() -> bytes:
    """A real PNG without metadata, as Pillow writes it: the metadata stripping leaves it byte for byte."""
    out = io.BytesIO()
    Image.new("RGB", (1, 1), "white").save(out, "PNG")
    return out.getvalue()


PNG = _one_pixel_png()
WAGE = "Sudah tiga bulan gaji saya di PT Contoh Makmur Bekasi belum dibayar."


def _anonymous_wage_case():
    return submit(
        WAGE,
        title="Gaji belum dibayar",
        anonymous=True,
        name="Siti Rahayu",
        email="siti.rahayu@example.com",
        phone="081234567890",
    )


@pytest.mark.django_db
def test_the_case_page_shows_the_report_the_triage_reason_and_the_stage_deadline(as_user):
    """The verifier reads the story, the suggestion with its reason and confidence, and the time left."""
    case, _ = submit(
        WAGE,
        title="Gaji belum dibayar",
        reported_party="PT Contoh Makmur",
        triage=decision(
            "upah", confidence=0.9, explanation="Upah (90%); kata yang menentukan: gaji, dibayar"
        ),
    )
    html = as_user("verifier").get(f"/staf/kasus/{case.tracking_id}").text
    assert "<title>" + case.tracking_id in html  # the title bar never carries report content
    assert "PT Contoh Makmur Bekasi belum dibayar" in html
    assert "Saran klasifikasi" in html
    assert "kata yang menentukan: gaji, dibayar" in html
    assert "90%" in html
    assert "Periksa ulang: keyakinan rendah" not in html
    assert "Batas waktu tahap ini" in html
    assert re.search(r"\d+ hari kerja lagi", html)


@pytest.mark.django_db
def test_a_suggestion_with_low_confidence_is_flagged_for_a_second_look(as_user):
    """Below 50% the page asks the verifier to check the classification."""
    case, _ = submit(
        "Saya ingin menyampaikan sesuatu yang lain saja.", triage=decision("lainnya", confidence=0.2)
    )
    html = as_user("verifier").get(f"/staf/kasus/{case.tracking_id}").text
    assert "Periksa ulang: keyakinan rendah" in html
    assert "20%" in html


@pytest.mark.django_db
def test_the_identity_of_an_anonymous_reporter_never_reaches_a_unit_officer(staff, as_user):
    """Ditjen PHI handles the case without ever seeing who reported it, not even by posting the reveal form."""
    case, _ = _anonymous_wage_case()
    advance(case, "assigned", verifier=staff["verifier"])
    officer = as_user("officer_phi")

    html = officer.get(f"/staf/kasus/{case.tracking_id}").text
    assert "Identitas dirahasiakan" in html
    assert "Tampilkan identitas pelapor" not in html
    for secret in ("Siti", "Rahayu", "siti.rahayu", "081234567890"):
        assert secret not in html

    forced = officer.post(
        f"/staf/kasus/{case.tracking_id}/identitas", {"reason": "Saya perlu menghubungi pelapor segera."}
    )
    assert forced.status_code == 404  # the answer for a case that does not exist
    assert "Siti" not in forced.text
    assert not AuditEntry.objects.filter(action__in=["case.identity_read", "case.break_glass"]).exists()


@pytest.mark.django_db
def test_a_verifier_sees_an_anonymous_identity_only_after_giving_a_reason_and_the_read_is_audited(as_user):
    """The name is absent from the page until the reason is written and the button pressed (break-glass,
    tests/confidentiality/test_break_glass.py); the reveal writes an audit entry with the reason."""
    case, _ = _anonymous_wage_case()
    verifier = as_user("verifier")
    reason = {"reason": "Klarifikasi bukti slip gaji dengan pelapor."}

    page = verifier.get(f"/staf/kasus/{case.tracking_id}").text
    assert "Buka identitas" in page
    assert "Siti Rahayu" not in page
    assert not AuditEntry.objects.filter(action="case.break_glass").exists()

    revealed = verifier.post(f"/staf/kasus/{case.tracking_id}/identitas", reason)
    assert revealed.status_code == 200
    assert "Siti Rahayu" in revealed.text
    assert "siti.rahayu@example.com" in revealed.text
    entries = AuditEntry.objects.filter(action="case.break_glass", object_id=case.tracking_id)
    assert [e.data["reason"] for e in entries] == [reason["reason"]]

    partial = verifier.post(f"/staf/kasus/{case.tracking_id}/identitas", reason, HTTP_HX_REQUEST="true")
    assert partial.text.lstrip().startswith('<section class="ws-card" id="identitas"')
    assert "Siti Rahayu" in partial.text


@pytest.mark.django_db
def test_a_wbs_report_is_readable_on_its_page_by_the_wbs_team_and_each_read_is_audited(as_user):
    """The sealed content opens for the WBS team on the case page, and the read is on the audit chain."""
    case, _ = submit(
        "Kepala seksi meminta uang pelicin untuk pengesahan dokumen.",
        title="Pejabat menerima suap",
        channel="wbs",
    )
    html = as_user("verifier_wbs").get(f"/staf/kasus/{case.tracking_id}").text
    assert "uang pelicin" in html
    assert AuditEntry.objects.filter(action="case.content_read", object_id=case.tracking_id).count() == 1


@pytest.mark.django_db
def test_evidence_is_always_downloaded_never_shown_inline(as_user):
    """The file comes back byte for byte as an attachment with nosniff; another case's file id is a 404."""
    case, _ = report_submit(
        submission=Submission(text=WAGE, title="Gaji"),
        files=[CheckedFile("slip gaji.png", "image/png", PNG)],
    )
    other, _ = submit(WAGE)
    attachment = case.attachments.get()
    verifier = as_user("verifier")

    page = verifier.get(f"/staf/kasus/{case.tracking_id}").text
    assert f'href="/staf/kasus/{case.tracking_id}/lampiran/{attachment.pk}"' in page
    assert "slip gaji.png" in page

    response = verifier.get(f"/staf/kasus/{case.tracking_id}/lampiran/{attachment.pk}")
    assert response.status_code == 200
    assert response.content == PNG
    assert response["Content-Disposition"].startswith("attachment;")
    assert "slip" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]

    assert verifier.get(f"/staf/kasus/{other.tracking_id}/lampiran/{attachment.pk}").status_code == 404


@pytest.mark.django_db
def test_a_case_that_does_not_exist_and_one_that_is_forbidden_look_the_same(as_user):
    """Pusdatin asking for an unassigned wage case gets the same 404 as for a made-up tracking id."""
    case, _ = submit(WAGE)
    officer = as_user("officer_pusdatin")
    forbidden = officer.get(f"/staf/kasus/{case.tracking_id}")
    missing = officer.get("/staf/kasus/SMD-0000-0000")
    assert forbidden.status_code == missing.status_code == 404


@pytest.mark.django_db
def test_only_the_actions_the_user_may_take_at_this_stage_are_offered(staff, as_user):
    """A verifier gets the intake actions; a unit head gets none; the unit officer gets start and answer."""
    case, _ = submit(WAGE)
    url = f"/staf/kasus/{case.tracking_id}"

    def offered(html: str) -> set[str]:
        return set(re.findall(rf'action="{url}/aksi/(\w+)"', html))

    assert offered(as_user("verifier").get(url).text) == {
        "verify",
        "request_info",
        "assign",
        "forward",
        "archive",
    }
    assert offered(as_user("leader_itjen").get(url).text) == set()

    advance(case, "assigned", verifier=staff["verifier"])
    assert offered(as_user("officer_phi").get(url).text) == {"start", "respond"}
    assert offered(as_user("verifier").get(url).text) == set()


@pytest.mark.django_db
def test_the_assign_form_is_prefilled_with_the_triage_unit_and_the_cases_category(as_user):
    """The verifier usually only confirms: the suggested unit, category and report type are preselected."""
    case, _ = submit("Saya ingin menyampaikan sesuatu yang lain saja.", triage=decision("lainnya"))
    html = as_user("verifier").get(f"/staf/kasus/{case.tracking_id}").text
    assign_unit = re.search(r'<select name="unit"[^>]*id="assign_unit".*?</select>', html, re.S).group(0)
    assert re.search(r'<option value="setjen" selected>', assign_unit)
    assert 'value="bpjs_ketenagakerjaan"' not in assign_unit  # outside agencies are for "Alihkan"
    assign_category = re.search(r'<select name="category"[^>]*id="assign_category".*?</select>', html, re.S)
    assert '<option value="lainnya" selected>' in assign_category.group(0)
    forward_agency = re.search(r'<select name="agency"[^>]*id="forward_agency".*?</select>', html, re.S)
    assert 'value="bpjs_ketenagakerjaan"' in forward_agency.group(0)
    assert 'value="itjen"' not in forward_agency.group(0)
