"""The staff workspace, mounted at /staf/."""

from django.urls import path

from simadu.workspace import (
    signin,
    views,
    views_deadlines,
    views_duplicates,
    views_forwarding,
    views_itjen,
    views_notifications,
)

app_name = "workspace"
urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("masuk", signin.login, name="login"),
    path("masuk/pasang-kode", signin.two_factor_enrol, name="two_factor_enrol"),
    path("masuk/kode", signin.two_factor_verify, name="two_factor_verify"),
    path("keluar", signin.logout, name="logout"),
    path("kasus/<str:tracking_id>", views.case_detail, name="case"),
    path("kasus/<str:tracking_id>/identitas", views.case_identity, name="identity"),
    path("kasus/<str:tracking_id>/aksi/<slug:action>", views.case_action, name="action"),
    path("kasus/<str:tracking_id>/pesan", views.case_note, name="note"),
    path("kasus/<str:tracking_id>/gabung", views_duplicates.case_merge_view, name="merge"),
    path(
        "kasus/<str:tracking_id>/pengalihan/hasil", views_forwarding.forward_outcome, name="forward_outcome"
    ),
    path("kasus/<str:tracking_id>/pemegang", views_itjen.set_handler, name="set_handler"),
    path("kasus/<str:tracking_id>/itjen/tahap", views_itjen.itjen_step, name="itjen_step"),
    path("kasus/<str:tracking_id>/itjen/kerugian", views_itjen.itjen_state_loss, name="itjen_state_loss"),
    path(
        "kasus/<str:tracking_id>/itjen/ajukan-penutupan",
        views_itjen.itjen_closure_request,
        name="itjen_closure_request",
    ),
    path(
        "kasus/<str:tracking_id>/itjen/setujui-penutupan",
        views_itjen.itjen_closure_approve,
        name="itjen_closure_approve",
    ),
    path("beban-auditor", views_itjen.workload_page, name="itjen_workload"),
    path("kasus/<str:tracking_id>/pesan/pratinjau", views.case_note_preview, name="note_preview"),
    path("kasus/<str:tracking_id>/lampiran/<int:pk>", views.attachment_download, name="attachment"),
    path(
        "kasus/<str:tracking_id>/tenggat/perpanjangan",
        views_deadlines.extension_request,
        name="extension_request",
    ),
    path(
        "kasus/<str:tracking_id>/tenggat/putusan", views_deadlines.extension_decide, name="extension_decide"
    ),
    path(
        "kasus/<str:tracking_id>/pemberitahuan/<int:pk>/kirim-ulang",
        views_notifications.notification_resend,
        name="notification_resend",
    ),
    path(
        "kasus/<str:tracking_id>/lampiran/<int:pk>/asli",
        views.attachment_original,
        name="attachment_original",
    ),
]
