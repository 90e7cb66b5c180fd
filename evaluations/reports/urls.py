from django.urls import path

from evaluations.reports import views

urlpatterns = [
    path("", views.reports_home, name="reports_home"),
    path("report.csv", views.reports_csv, name="reports_csv"),
    path("exports/new/", views.reports_export_new, name="reports_export_new"),
    path("exports/<uuid:export_id>/", views.reports_export, name="reports_export"),
    path(
        "exports/<uuid:export_id>/download/",
        views.reports_export_download,
        name="reports_export_download",
    ),
    path("indicators/", views.reports_indicators, name="reports_indicators"),
    path("indicators/new/", views.reports_indicator_new, name="reports_indicator_new"),
    path("indicators/<id:indicator_id>/", views.reports_indicator, name="reports_indicator"),
    path(
        "indicators/<id:indicator_id>/figures/<id:value_id>/delete/",
        views.reports_indicator_value_delete,
        name="reports_indicator_value_delete",
    ),
    path("comments/", views.reports_comments, name="reports_comments"),
    path(
        "comments/<id:answer_id>/decision/",
        views.reports_comment_approval,
        name="reports_comment_approval",
    ),
]
