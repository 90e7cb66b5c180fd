"""Admin wiring for scenarios: map, analytics and Twee buttons, and draft warnings."""

from django.contrib import messages
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from scenarios import admin_views
from scenarios.models import ScenarioIndexPage, ScenarioPage

ANALYTICS_PERMISSION = "learning_site.view_trainer_analytics"


@hooks.register("register_admin_urls")
def register_scenario_admin_urls():
    return [
        path(
            "scenarios/<id:page_id>/map/",
            admin_views.ScenarioMapView.as_view(),
            name="scenarios_admin_map",
        ),
        path(
            "scenarios/<id:page_id>/steps/<int:position>/",
            admin_views.ScenarioNodeEditView.as_view(),
            name="scenarios_admin_node",
        ),
        path(
            "scenarios/<id:page_id>/play/",
            admin_views.ScenarioTrialView.as_view(),
            name="scenarios_admin_play",
        ),
        path(
            "scenarios/<id:page_id>/twee/",
            admin_views.twee_export,
            name="scenarios_admin_twee_export",
        ),
        path(
            "scenarios/import-twee/",
            admin_views.TweeImportView.as_view(),
            name="scenarios_admin_twee_import",
        ),
        path(
            "scenarios/twee-guide/",
            admin_views.TweeGuideView.as_view(),
            name="scenarios_admin_twee_guide",
        ),
        path(
            "scenarios/analytics/",
            admin_views.ScenarioAnalyticsListView.as_view(),
            name="scenarios_admin_analytics",
        ),
    ]


class TweeImportMenuItem(MenuItem):
    def is_shown(self, request):
        index = ScenarioIndexPage.objects.first()
        return index is not None and index.permissions_for_user(request.user).can_add_subpage()


@hooks.register("insert_editor_js")
def scenario_editor_js():
    # "Leads to" lists that follow the nodes, ending-only fields, map links to a node.
    return format_html('<script src="{}"></script>', static("scenarios/scenario_editor.js"))


@hooks.register("register_admin_menu_item")
def register_twee_import_menu_item():
    return TweeImportMenuItem(
        "Import from Twine",
        reverse("scenarios_admin_twee_import"),
        icon_name="upload",
        order=310,
    )


class AnalyticsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(ANALYTICS_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_scenario_analytics_report():
    return AnalyticsMenuItem(
        "Scenario analytics", reverse("scenarios_admin_analytics"), icon_name="table", order=20
    )


def _scenario_buttons(page, user, button_class, priority):
    specific = page.specific_deferred if hasattr(page, "specific_deferred") else page.specific
    if not isinstance(specific, ScenarioPage):
        return
    if page.permissions_for_user(user).can_edit():
        yield button_class(
            "Map",
            reverse("scenarios_admin_map", args=[page.pk]),
            icon_name="site",
            priority=priority,
        )
        yield button_class(
            "Export to Twine",
            reverse("scenarios_admin_twee_export", args=[page.pk]) + "?draft=1",
            icon_name="download",
            priority=priority + 2,
        )
    if user.has_perm(ANALYTICS_PERMISSION):
        yield button_class(
            "Analytics",
            reverse("scenario_analytics", args=[page.pk]),
            icon_name="table",
            priority=priority + 1,
        )


@hooks.register("register_page_header_buttons")
def scenario_header_buttons(page, user, view_name, next_url=None):
    yield from _scenario_buttons(page, user, Button, 80)


@hooks.register("register_page_listing_more_buttons")
def scenario_listing_buttons(page, user, next_url=None):
    yield from _scenario_buttons(page, user, Button, 70)


def _warn_about_draft(request, page):
    """One banner after the author saves a draft that cannot be published yet.

    Autosave (a request for JSON) adds none: its messages would wait in the session, one
    per autosave, and all show at the next page load, naming problems long fixed, even
    beside "published". The banner names no problems, so it cannot go stale: the Graph
    tab lists them, and autosave redraws that list and clears the banner once the graph
    passes (``scenarios/templatetags/scenario_admin.py``).
    """
    if not isinstance(page, ScenarioPage) or page.live and not page.has_unpublished_changes:
        return
    if not request.accepts("text/html") or request.POST.get("action-publish"):
        return
    draft = page.get_latest_revision_as_object() if page.live else page
    if draft.graph_errors():
        messages.warning(
            request,
            "Saved as a draft. It cannot be published until the problems in its graph are "
            "fixed: the Graph tab lists them.",
        )


def _warn_about_clock_on_publish(request, page):
    """One banner, after publishing, if the child's clock misleads (``scenarios.clock``).

    A draft save goes back to the editor, whose Graph tab lists the same warnings (and
    autosave redraws them), so only publishing, which leaves the editor, adds a banner.
    """
    if not isinstance(page, ScenarioPage) or not request.POST.get("action-publish"):
        return
    if not request.accepts("text/html") or not page.live:
        return
    warnings = page.clock_warnings()
    if warnings:
        messages.warning(
            request,
            "Published, but check the child’s clock: " + " ".join(warnings),
        )


@hooks.register("after_create_page")
def warn_after_create(request, page):
    _warn_about_draft(request, page.specific)
    _warn_about_clock_on_publish(request, page.specific)


@hooks.register("after_edit_page")
def warn_after_edit(request, page):
    _warn_about_draft(request, page.specific)
    _warn_about_clock_on_publish(request, page.specific)
