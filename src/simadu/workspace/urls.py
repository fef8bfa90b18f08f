"""The staff workspace, mounted at /staf/."""

from django.urls import path

from simadu.workspace import signin, views

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
    path("kasus/<str:tracking_id>/pesan/pratinjau", views.case_note_preview, name="note_preview"),
    path("kasus/<str:tracking_id>/lampiran/<int:pk>", views.attachment_download, name="attachment"),
    path(
        "kasus/<str:tracking_id>/lampiran/<int:pk>/asli",
        views.attachment_original,
        name="attachment_original",
    ),
]
