"""Admin screens for scenarios: the map of the latest draft. (Twee screens are below.)"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from scenarios.map import scenario_map_context
from scenarios.models import ScenarioPage


def editable_scenario(request, page_id: int) -> ScenarioPage:
    page = get_object_or_404(ScenarioPage, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return page


class ScenarioMapView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "scenarios/admin/map.html"
    header_icon = "site"

    def dispatch(self, request, *args, **kwargs):
        self.page = editable_scenario(request, kwargs["page_id"])
        # The author's latest draft, so the map shows what they are working on.
        self.draft = self.page.get_latest_revision_as_object()
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return f"Map: {self.draft.title}"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse("wagtailadmin_pages:edit", args=[self.page.pk]),
                "label": self.draft.title,
            },
            {"url": "", "label": "Map"},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(scenario_map_context(self.draft))
        context["scenario"] = self.page
        return context
