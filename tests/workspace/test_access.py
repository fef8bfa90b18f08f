"""Who gets into the workspace and which cases each role sees there."""

from __future__ import annotations

import io
import re

import pyotp
import pytest
from django.test import Client
from PIL import Image

from simadu.cases.services import Submission
from simadu.confidentiality.attachments import CheckedFile
from simadu.intake.services import report_submit
from tests.factories import PASSWORD, advance, login_staff, submit


def _one_pixel_png() -> bytes:
    """A real PNG without metadata, as Pillow writes it: the metadata stripping leaves it byte for byte."""
    out = io.BytesIO()
    Image.new("RGB", (1, 1), "white").save(out, "PNG")
    return out.getvalue()


PNG = _one_pixel_png()


@pytest.mark.parametrize(
    "path",
    ["/staf/", "/staf/kasus/SMD-0000-0000", "/staf/kasus/SMD-0000-0000/lampiran/1"],
)
@pytest.mark.django_db
def test_every_workspace_page_sends_a_visitor_who_is_not_signed_in_to_the_login_page(path):
    """Given no session, when a staff page is opened, then the visitor is sent to /staf/masuk."""
    response = Client().get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/staf/masuk?next=")


@pytest.mark.django_db
def test_staff_sign_in_with_username_and_password_and_land_in_the_inbox(staff):
    """The login form takes the username and password, then the code of the authenticator app (enrolled on
    the first sign-in), and opens the inbox; a wrong password says so."""
    client = Client()
    page = client.get("/staf/masuk")
    assert page.status_code == 200
    assert 'lang="id"' in page.text
    wrong = client.post("/staf/masuk", {"username": "verifier", "password": "salah-sekali"})
    assert wrong.status_code == 200
    assert "_auth_user_id" not in client.session
    enrol = client.post("/staf/masuk", {"username": "verifier", "password": PASSWORD}, follow=True)
    assert enrol.redirect_chain[-1][0] == "/staf/masuk/pasang-kode"
    key = re.search(r'<code id="totp-key">([A-Z2-7 ]+)</code>', enrol.text).group(1).replace(" ", "")
    right = client.post("/staf/masuk/pasang-kode", {"code": pyotp.TOTP(key).now()}, follow=True)
    assert right.redirect_chain[-1][0] == "/staf/"
    assert "Kotak masuk" in right.text
    assert "Verifier" in right.text  # the user's name in the header


@pytest.mark.django_db
def test_signing_out_is_a_post_and_ends_the_session(staff):
    """Logout happens only through a POST (the button in the header), then the login page shows."""
    client = Client()
    login_staff(client, staff["verifier"])
    assert 'action="/staf/keluar"' in client.get("/staf/").text
    assert client.get("/staf/keluar").status_code == 405
    out = client.post("/staf/keluar")
    assert out.status_code == 302
    assert out["Location"] == "/staf/masuk"
    assert client.get("/staf/").status_code == 302


@pytest.mark.django_db
def test_an_administrator_is_sent_to_the_admin_site_and_sees_no_case(as_user):
    """Administrators configure SIMADU; by policy they see no case, not even through a direct link."""
    case, _ = submit()
    admin = as_user("admin")
    for path in ("/staf/", f"/staf/kasus/{case.tracking_id}"):
        response = admin.get(path)
        assert response.status_code == 302
        assert response["Location"] == "/admin/"


@pytest.mark.django_db
def test_a_unit_officer_sees_a_case_only_once_it_is_assigned_to_their_unit(staff, as_user):
    """A wage complaint is invisible to Ditjen PHI until the verifier assigns it there, and never to Pusdatin."""
    case, _ = submit(title="Gaji belum dibayar tiga bulan")
    phi, pusdatin = as_user("officer_phi"), as_user("officer_pusdatin")
    assert case.tracking_id not in phi.get("/staf/").text
    assert phi.get(f"/staf/kasus/{case.tracking_id}").status_code == 404

    advance(case, "assigned", verifier=staff["verifier"])

    assert case.tracking_id in phi.get("/staf/").text
    assert phi.get(f"/staf/kasus/{case.tracking_id}").status_code == 200
    assert case.tracking_id not in pusdatin.get("/staf/").text
    assert pusdatin.get(f"/staf/kasus/{case.tracking_id}").status_code == 404


@pytest.mark.django_db
def test_a_verifier_outside_the_wbs_team_never_reaches_a_wbs_case(as_user):
    """Not in the list, not on its page, not its evidence: the same 404 as a case that does not exist."""
    case, _ = report_submit(
        submission=Submission(
            text="Kepala seksi meminta uang pelicin untuk pengesahan dokumen.",
            title="Pejabat X menerima suap",
            channel="wbs",
        ),
        files=[CheckedFile("bukti.png", "image/png", PNG)],
    )
    attachment = case.attachments.get()
    outsider, insider = as_user("verifier"), as_user("verifier_wbs")

    assert case.tracking_id not in outsider.get("/staf/").text
    searched = outsider.get(f"/staf/?q={case.tracking_id}").text
    assert f"/staf/kasus/{case.tracking_id}" not in searched
    assert "Tidak ada laporan yang cocok" in searched
    assert outsider.get(f"/staf/kasus/{case.tracking_id}").status_code == 404
    assert outsider.get(f"/staf/kasus/{case.tracking_id}/lampiran/{attachment.pk}").status_code == 404

    assert case.tracking_id in insider.get("/staf/").text
    assert insider.get(f"/staf/kasus/{case.tracking_id}").status_code == 200
    assert insider.get(f"/staf/kasus/{case.tracking_id}/lampiran/{attachment.pk}").status_code == 200


@pytest.mark.parametrize(
    ("role", "sees"),
    [
        ("verifier", True),
        ("leader_itjen", True),
        ("leader_phi", False),
        ("auditor", False),
        ("officer_phi", False),
    ],
)
@pytest.mark.django_db
def test_a_new_non_supervisory_case_is_in_the_inbox_of_itjen_intake_only(as_user, role, sees):
    """A fresh wage complaint waits for Itjen's intake: auditors, unit staff and unit heads do not see it yet."""
    case, _ = submit()
    assert (case.tracking_id in as_user(role).get("/staf/").text) is sees


@pytest.mark.django_db
def test_many_wrong_passwords_from_one_client_are_refused_for_a_while(staff, settings):
    """After ten wrong passwords even the right one is answered 429 with a plain message, and nobody is signed in."""
    settings.SIMADU_RATE_LIMITS = True
    client = Client()
    for _ in range(10):
        assert (
            client.post("/staf/masuk", {"username": "verifier", "password": "tebak-tebakan"}).status_code
            == 200
        )
    blocked = client.post("/staf/masuk", {"username": "verifier", "password": PASSWORD})
    assert blocked.status_code == 429
    assert "Terlalu banyak percobaan" in blocked.text
    assert "_auth_user_id" not in client.session
