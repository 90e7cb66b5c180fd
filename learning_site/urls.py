from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from courses import urls as courses_urls
from learning_site import files, page_routing, sign_on_views, views

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),  # JSON for load balancers
    path("status/", views.service_status, name="service_status"),  # the same, for people
    # Browsers and feed readers that ignore the page's <link rel="icon"> ask for this.
    path("favicon.ico", views.FaviconRedirect.as_view(), name="favicon"),
    path("start/", views.landing, name="landing"),
    path("accounts/profile/", views.profile, name="profile"),
    path("accounts/delete/", views.delete_account_view, name="delete_account"),
    path("accounts/invitation/<str:token>/", views.accept_invitation, name="accept_invitation"),
    # Single sign-on with a partnership's identity provider: find its button by address,
    # and allauth's start of the sign-in with a page for a provider that does not answer.
    path(
        "accounts/organisation/",
        sign_on_views.organisation_sign_in,
        name="organisation_sign_in",
    ),
    path("accounts/oidc/<str:provider_id>/login/", sign_on_views.start_sign_in),
    path("accounts/oidc/<str:provider_id>/login/callback/", sign_on_views.finish_sign_in),
    path("accounts/", include("allauth.urls")),
    # One way in: every view that takes a password is allauth's, with its rate limits and
    # two-factor step. Wagtail's own login, password reset and front-end login are routed
    # there (Wagtail's password change is switched off in settings).
    path("admin/login/", views.admin_login, name="admin_login_redirect"),
    re_path(r"^admin/password_reset/", views.password_reset_elsewhere),
    path("_util/login/", views.admin_login),
    # Shared page passwords are switched off (WAGTAIL_PRIVATE_PAGE_OPTIONS).
    re_path(r"^_util/authenticate_with_password/", views.shared_passwords_off),
    # Ahead of Wagtail's own: its site history shows every partnership's changes.
    path("admin/reports/site-history/", views.site_history, name="site_history_guard"),
    path(
        "admin/reports/site-history/results/",
        views.site_history,
        {"results_only": True},
        name="site_history_results_guard",
    ),
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

# Wagtail serves every other path from the page tree; it must come last. Its page view
# is reached through page_routing, which finds the page in a fixed number of queries.
urlpatterns += [
    re_path(wagtail_urls.serve_pattern, page_routing.serve, name="wagtail_serve"),
    path("", include(wagtail_urls)),
]
