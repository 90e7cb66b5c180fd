"""Admin: survey instruments, measures and survey schedules as snippets, grouped under
one "Surveys" menu; a link to the response counts for trainers."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetChosenView,
)
from wagtail.snippets.views.snippets import (
    CopyView,
    DeleteView,
    EditView,
    HistoryView,
    SnippetViewSet,
    SnippetViewSetGroup,
    UsageView,
)

from evaluations.models import Instrument, Measure, WaveInstrument
from learning_site.converters import parse_object_id

TRAINER_PERMISSION = "learning_site.view_trainer_analytics"


def _visible_to(user, queryset):
    if user.is_superuser:
        return queryset
    return queryset.filter(Q(partnership=user.partnership_id) | Q(partnership__isnull=True))


class PartnershipPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, and the row must be the user's partnership's or shared."""

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        if user.is_superuser or instance.partnership_id == user.partnership_id:
            return True
        # Shared rows (no partnership) serve every partnership: trainers may look, not edit.
        return instance.partnership_id is None and action == "view"

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(self.user_has_permission_for_instance(user, a, instance) for a in actions)

    def instances_user_has_any_permission_for(self, user, actions):
        return _visible_to(user, super().instances_user_has_any_permission_for(user, actions))


class InstancePermissionMixin:
    """Wagtail checks the model permission before saving; check this row's too."""

    def get_queryset(self):
        return _visible_to(self.request.user, super().get_queryset())

    def dispatch(self, request, *args, **kwargs):
        if request.method == "POST":
            instance = getattr(self, "object", None) or self.get_object()
            if not self.permission_policy.user_has_permission_for_instance(
                request.user, self.permission_required, instance
            ):
                raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ScopedEditView(InstancePermissionMixin, EditView):
    pass


class ScopedDeleteView(InstancePermissionMixin, DeleteView):
    pass


class ScopedObjectQuerysetMixin:
    """Wagtail's history and usage views load the row from the URL's id themselves and
    check only the model permission: they showed another partnership's survey and who
    changed it. Look the id up among the rows the user may see."""

    def get_base_object_queryset(self):
        return _visible_to(self.request.user, super().get_base_object_queryset())


class ScopedHistoryView(ScopedObjectQuerysetMixin, HistoryView):
    pass


class ScopedUsageView(ScopedObjectQuerysetMixin, UsageView):
    pass


class ScopedChooseView(ChooseView):
    def get_object_list(self):
        return _visible_to(self.request.user, super().get_object_list())


class ScopedChooseResultsView(ChooseResultsView):
    def get_object_list(self):
        return _visible_to(self.request.user, super().get_object_list())


class ScopedChosenView(SnippetChosenView):
    def get_object(self, pk):
        if parse_object_id(pk) is None:  # "abc" or 10**20 would be a ValueError or OverflowError
            raise self.model_class.DoesNotExist
        return _visible_to(self.request.user, self.model_class.objects.all()).get(pk=pk)


class ScopedChooserViewSet(SnippetChooserViewSet):
    """The chooser pop-up lists (and returns) only rows the user may see."""

    choose_view_class = ScopedChooseView
    choose_results_view_class = ScopedChooseResultsView
    chosen_view_class = ScopedChosenView


class PartnershipScopedViewSet(SnippetViewSet):
    """Trainers see and edit their own partnership's rows and the shared ones, in every
    view: listing, search, edit, delete, history, usage, chooser and (see
    learning_site.wagtail_hooks) bulk actions."""

    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView
    history_view_class = ScopedHistoryView
    usage_view_class = ScopedUsageView
    chooser_viewset_class = ScopedChooserViewSet

    @cached_property
    def permission_policy(self):
        return PartnershipPermissionPolicy(self.model)

    def get_queryset(self, request):
        return _visible_to(request.user, self.model._default_manager.all())


class InstrumentEditView(ScopedEditView):
    """A shared survey (no partnership) serves every partnership, so only administrators
    change it. A trainer who opens one is taken to a copy for their own partnership
    instead of a form that looks editable and then refuses their changes."""

    def dispatch(self, request, *args, **kwargs):
        instance = getattr(self, "object", None) or self.get_object()
        policy = self.permission_policy
        read_only = not policy.user_has_permission_for_instance(request.user, "change", instance)
        if (
            request.method == "GET"
            and read_only
            and policy.user_has_permission(request.user, "add")
        ):
            messages.info(
                request,
                f"“{instance}” is shared by every partnership, so only administrators "
                "can change it. This is a copy for your partnership: change what you "
                "need and save it. The shared survey stays as it is.",
            )
            return redirect(self.copy_url_name, instance.pk)
        return super().dispatch(request, *args, **kwargs)


class InstrumentCopyView(CopyView):
    """Wagtail's copy, ready to save: a slug of its own (the original's would be refused
    as taken) and, for a trainer, their own partnership."""

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        original = self.get_object()
        taken = set(Instrument.objects.values_list("slug", flat=True))
        base = f"{original.slug}-copy"[:75]
        slug, n = base, 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        form.initial.update(slug=slug, title=f"{original.title} (copy)"[:200])
        if not self.request.user.is_superuser:
            form.initial["partnership"] = self.request.user.partnership_id
        return form


class InstrumentViewSet(PartnershipScopedViewSet):
    model = Instrument
    icon = "form"
    menu_label = "Instruments"
    list_display = ["title", "partnership", "estimated_minutes"]
    search_fields = ["title"]
    edit_view_class = InstrumentEditView
    copy_view_class = InstrumentCopyView


class MeasureViewSet(PartnershipScopedViewSet):
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


class ReportViewerMenuItem(MenuItem):
    def is_shown(self, request):
        from evaluations.reports.access import can_view_reports

        return can_view_reports(request.user)


@hooks.register("register_reports_menu_item")
def register_impact_report_menu_item():
    return ReportViewerMenuItem(
        "Impact report", reverse("reports_home"), icon_name="doc-full", order=10
    )
