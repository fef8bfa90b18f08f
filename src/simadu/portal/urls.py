"""Every public route: the portal, the reporter's tracking pages and the public statistics."""

from django.urls import path

from simadu.portal import views
from simadu.tracking import views as tracking
from simadu.transparency import views as transparency

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("lapor", views.report, name="report"),
    path("lapor/serupa", views.similar_reports, name="similar"),
    path("tanda-terima", views.receipt_download, name="receipt_download"),
    path("wilayah/kabupaten", views.regency_options, name="regencies"),
    path("lacak", tracking.lookup, name="track"),
    path("lacak/keluar", tracking.leave, name="track_leave"),
    path("lacak/<str:tracking_id>", tracking.case_page, name="track_case"),
    path("lacak/<str:tracking_id>/pesan", tracking.case_message, name="track_message"),
    path("lacak/<str:tracking_id>/nilai", tracking.case_rating, name="track_rate"),
    path("lacak/<str:tracking_id>/keberatan", tracking.case_objection, name="track_object"),
    path("lacak/<str:tracking_id>/data-saya", tracking.case_data_export, name="track_data_export"),
    path("statistik", transparency.statistics, name="statistics"),
]
