from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from courses import urls as courses_urls
from learning_site import files, views

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("start/", views.landing, name="landing"),
    path("accounts/profile/", views.profile, name="profile"),
    path("accounts/delete/", views.delete_account_view, name="delete_account"),
    path("accounts/", include("allauth.urls")),
    # One way in: Wagtail's own login form would skip allauth's rate limits and two-factor.
    path("admin/login/", views.admin_login, name="admin_login_redirect"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("scenarios/play/", include("scenarios.urls")),
    path("research-digests/", include("research_digest.urls")),
    path("learning/", include("courses.urls")),
    path("reports/", include("evaluations.reports.urls")),
    path("surveys/", include("evaluations.urls")),
    path("", include(courses_urls.public_urlpatterns)),
    # Development only (404 otherwise): public images, never documents or private files.
    files.public_media_urlpattern(),
]

# Wagtail serves every other path from the page tree; it must come last.
urlpatterns += [path("", include(wagtail_urls))]
