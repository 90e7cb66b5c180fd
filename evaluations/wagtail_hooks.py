"""Admin: survey instruments, measures and survey schedules as snippets, grouped under
one "Surveys" menu; a link to the response counts for trainers."""

from django.db.models import Q
from django.urls import reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from evaluations.models import Instrument, Measure, WaveInstrument

TRAINER_PERMISSION = "learning_site.view_trainer_analytics"


class PartnershipScopedViewSet(SnippetViewSet):
    """Trainers see their own partnership's rows and the shared ones."""

    def get_queryset(self, request):
        queryset = self.model._default_manager.all()
        user = request.user
        if user.is_superuser:
            return queryset
        return queryset.filter(Q(partnership=user.partnership_id) | Q(partnership__isnull=True))


class InstrumentViewSet(PartnershipScopedViewSet):
    model = Instrument
    icon = "form"
    menu_label = "Instruments"
    list_display = ["title", "partnership", "estimated_minutes"]
    search_fields = ["title"]


class MeasureViewSet(SnippetViewSet):
    model = Measure
    icon = "tick"
    menu_label = "Measures"
    list_display = ["name", "kind", "slug"]


class WaveInstrumentViewSet(PartnershipScopedViewSet):
    model = WaveInstrument
    icon = "date"
    menu_label = "Survey schedule"
    list_display = ["wave", "instrument", "course", "partnership", "is_active"]
    list_filter = ["wave", "is_active"]


class SurveysGroup(SnippetViewSetGroup):
    menu_label = "Surveys"
    menu_icon = "form"
    menu_order = 250
    items = (InstrumentViewSet, WaveInstrumentViewSet, MeasureViewSet)


register_snippet(SurveysGroup)


class TrainerMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(TRAINER_PERMISSION)


@hooks.register("register_admin_menu_item")
def register_survey_counts_menu_item():
    return TrainerMenuItem(
        "Survey responses",
        reverse("evaluations:trainer_counts"),
        icon_name="table",
        order=260,
    )
