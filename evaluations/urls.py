from django.urls import path

from evaluations import views

app_name = "evaluations"

urlpatterns = [
    path("<id:course_id>/<slug:wave>/", views.survey, name="survey"),
    path(
        "follow-up/<int:invitation_id>/<str:token>/",
        views.follow_up_by_link,
        name="follow_up_by_link",
    ),
    path(
        "follow-up/<int:invitation_id>/<str:token>/stop/",
        views.opt_out_by_link,
        name="opt_out_by_link",
    ),
    path("thank-you/", views.thanks, name="thanks"),
    path("saved/", views.saved, name="saved"),
    path("preferences/", views.preferences, name="preferences"),
    path("my-answers.csv", views.my_answers_csv, name="my_answers_csv"),
    path("responses/", views.trainer_counts, name="trainer_counts"),
]
