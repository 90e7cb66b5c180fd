from django.urls import path

from courses import views

urlpatterns = [
    path("", views.my_learning, name="my_learning"),
    path("modules/<id:course_id>/enrol/", views.enrol, name="course_enrol"),
    path("modules/<id:course_id>/leave/", views.leave, name="course_leave"),
    path("journal/", views.journal, name="journal"),
    path("journal/new/", views.journal_new, name="journal_new"),
    path("journal/<id:entry_id>/", views.journal_entry, name="journal_entry"),
    path("journal/<id:entry_id>/edit/", views.journal_edit, name="journal_edit"),
    path("journal/<id:entry_id>/delete/", views.journal_delete, name="journal_delete"),
    path("certificates/<str:code>.pdf", views.certificate_pdf, name="certificate_pdf"),
    path("cpd-record/", views.cpd_record, name="cpd_record"),
    path("cpd-record.csv", views.cpd_record_csv, name="cpd_record_csv"),
    path("cpd-record.pdf", views.cpd_record_pdf, name="cpd_record_pdf"),
]

# Public: anyone can check a certificate code (shows only name, module and date).
public_urlpatterns = [
    path("certificates/verify/", views.certificate_verify, name="certificate_verify"),
]
