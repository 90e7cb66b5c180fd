"""What the scenario editor redraws after each autosave."""

from django import template
from django.template.loader import render_to_string

from scenarios.models import ScenarioPage
from scenarios.panels import graph_check_context

register = template.Library()


@register.simple_tag
def autosaved_graph_check(page) -> str:
    """The Graph tab's list of problems as just autosaved, to replace the one on screen,
    and, once there are none, the instruction to clear the "Saved as a draft" banner
    (Wagtail's messages controller listens for ``w-messages:clear``)."""
    if not isinstance(page, ScenarioPage):
        return ""
    return render_to_string("scenarios/admin/graph_check_autosaved.html", graph_check_context(page))
