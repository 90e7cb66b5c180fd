from django.urls import path

from scenarios import views

urlpatterns = [
    path("<id:page_id>/start/", views.start_attempt, name="scenario_start"),
    path("attempt/<id:attempt_id>/", views.play, name="scenario_attempt"),
    path("attempt/<id:attempt_id>/move/", views.move, name="scenario_move"),
    path("attempt/<id:attempt_id>/debrief/", views.debrief, name="scenario_debrief"),
    path("<id:page_id>/analytics/", views.analytics_view, name="scenario_analytics"),
    path("<id:page_id>/analytics.csv", views.analytics_csv, name="scenario_analytics_csv"),
]
