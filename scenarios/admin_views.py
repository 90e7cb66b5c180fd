"""Admin screens for scenarios: the map of the latest draft, Twee import and export, the
Twee guide, and the list of scenarios' analytics."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from scenarios import graph
from scenarios.map import scenario_map_context
from scenarios.models import ScenarioIndexPage, ScenarioPage
from scenarios.node_editor import node_panel, save_node
from scenarios.twee import TweeError, export_twee, import_twee


def editable_scenario(request, page_id: int) -> ScenarioPage:
    page = get_object_or_404(ScenarioPage, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return page


def scenario_breadcrumbs(view, *trail: dict) -> list[dict]:
    """The admin's breadcrumbs, then the scenario (its editor, by its draft's title), then
    ``trail``: the screens under it."""
    return [
        *view.breadcrumbs_items,
        {
            "url": reverse("wagtailadmin_pages:edit", args=[view.page.pk]),
            "label": view.draft.title,
        },
        *trail,
    ]


def map_crumb(view) -> dict:
    return {"url": reverse("scenarios_admin_map", args=[view.page.pk]), "label": "Map"}


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
        return scenario_breadcrumbs(self, {"url": "", "label": "Map"})

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(scenario_map_context(self.draft, link_to_editor=True))
        context["scenario"] = self.page
        return context


class ScenarioNodeEditView(WagtailAdminTemplateMixin, TemplateView):
    """One node and its choices, saved as a new draft of the scenario
    (``scenarios.node_editor``). ``position`` is the node's place in the author's list,
    as on the map: a node added in a draft of a live page has no id yet."""

    template_name = "scenarios/admin/node_edit.html"
    header_icon = "form"

    def dispatch(self, request, *args, **kwargs):
        self.page = editable_scenario(request, kwargs["page_id"])
        lock = self.page.get_lock()
        self.locked = lock is not None and lock.for_user(request.user)
        self.revision = self.page.get_latest_revision()
        draft = self.page.get_latest_revision_as_object()
        # As a revision holds it: nodes and choices in memory (Wagtail gives the database
        # rows when there is no newer draft), so the edits change this copy only.
        self.draft = draft.with_content_json(draft.serializable_data())
        nodes = self.draft.node_list()
        self.position = kwargs["position"]
        if self.position >= len(nodes):
            raise Http404("This scenario has no such step.")
        self.node = nodes[self.position]
        self.others = [node for node in nodes if node is not self.node]
        self.panel = node_panel()
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return f"Edit step: {self.node.title or self.node.key}"

    def get_breadcrumbs_items(self):
        return scenario_breadcrumbs(
            self, map_crumb(self), {"url": "", "label": self.node.title or self.node.key}
        )

    def make_form(self, data=None):
        form = self.panel.get_form_class()(data, instance=self.node, for_user=self.request.user)
        form.setup(self.others)
        return form

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=self.make_form()))

    def post(self, request, *args, **kwargs):
        form = self.make_form(request.POST)
        if self.locked:
            form.add_error(None, "This scenario is locked. Ask whoever locked it to unlock it.")
        elif request.POST.get("revision") != str(getattr(self.revision, "pk", "")):
            form.add_error(
                None,
                "Someone has saved this scenario since you opened this step, so your "
                "changes were not saved (they are still below). Copy what you need, then "
                "open the step again from the map.",
            )
        if not form.is_valid():
            messages.error(request, "The step could not be saved. Check the marked fields.")
            return self.render_to_response(self.get_context_data(form=form), status=200)
        save_node(form, self.draft, user=request.user)
        messages.success(
            request,
            f"Saved “{self.node.title}” in a new draft of “{self.draft.title}”. Publish "
            "it from the editor when the map shows no problems.",
        )
        return redirect("scenarios_admin_map", self.page.pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = kwargs["form"]
        bound = self.panel.get_bound_panel(
            instance=self.node, request=self.request, form=form, prefix="node"
        )
        context.update(
            panel=bound,
            media=bound.media + form.media,
            scenario=self.page,
            draft_title=self.draft.title,
            node=self.node,
            position=self.position,
            count=len(self.others) + 1,
            revision=self.revision,
            locked=self.locked,
            action_url=self.request.path,
            submit_button_label="Save draft",
            submit_button_active_label="Saving…",
        )
        return context


class ScenarioTrialView(WagtailAdminTemplateMixin, TemplateView):
    """ "Play from here": the latest draft played from any node, for the people who may
    edit it. Nothing is recorded: the state is in the address (the node, the facts that
    hold, the weeks so far), each choice is a link, and learners never reach it (admin
    only, and only with permission to edit the page). The trainer says which facts hold
    when they start part-way, since no earlier choices set them."""

    template_name = "scenarios/admin/trial.html"
    header_icon = "media"
    MAX_WEEKS = 10_000

    def dispatch(self, request, *args, **kwargs):
        self.page = editable_scenario(request, kwargs["page_id"])
        self.draft = self.page.get_latest_revision_as_object()
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return f"Play from here: {self.draft.title}"

    def get_breadcrumbs_items(self):
        return scenario_breadcrumbs(self, map_crumb(self), {"url": "", "label": "Play from here"})

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        nodes = self.draft.node_list()
        by_key = {}
        for node in nodes:
            by_key.setdefault(node.key, node)
        start = next((node for node in nodes if node.is_start), nodes[0] if nodes else None)
        at = self.request.GET.get("at") or (start.key if start else "")
        if at not in by_key:
            raise Http404("This scenario has no node with that key.")
        node = by_key[at]
        # The facts choices set and the choices themselves (conditions may name either).
        known = graph.condition_names([n.as_node_data() for n in nodes])
        facts = {name for name in self.request.GET.getlist("facts") if name in dict(known)}
        weeks = self.request.GET.get("weeks", "")
        weeks = min(int(weeks), self.MAX_WEEKS) if weeks.isascii() and weeks.isdigit() else 0
        choices = []
        for choice in node.choices.all():
            made = graph.choice_name(node.key, choice.label)
            after = sorted(facts | set(graph.fact_names(choice.sets_facts)) | {made})
            query = urlencode(
                {"at": choice.target_key, "weeks": weeks + (choice.weeks or 0), "facts": after},
                doseq=True,
            )
            choices.append(
                {
                    "choice": choice,
                    "open": choice.is_open(facts),
                    "url": f"{self.request.path}?{query}",
                    "reaches": choice.target_key in by_key,
                    "requires": graph.fact_names(choice.requires_facts),
                    "unless": graph.fact_names(choice.unless_facts),
                }
            )
        position = nodes.index(node)
        context.update(
            scenario=self.page,
            node=node,
            choices=choices,
            shown=[c for c in choices if c["open"]],
            hidden=[c for c in choices if not c["open"]],
            facts=[words for name, words in known if name in facts],
            known_facts=known,
            held=facts,
            weeks=weeks,
            edit_url=reverse("scenarios_admin_node", args=[self.page.pk, position]),
            restart_url=self.request.path,
        )
        return context


# --- Twee ------------------------------------------------------------------------------
class TweeImportForm(forms.Form):
    file = forms.FileField(
        label="Twee file",
        required=False,
        help_text="A .twee file exported from Twine (“Build” → “Export as Twee”).",
    )
    text = forms.CharField(
        label="Or paste the Twee text",
        required=False,
        widget=forms.Textarea(attrs={"rows": 12}),
    )
    MAX_BYTES = 2_000_000

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("file")
        if upload:
            if upload.size > self.MAX_BYTES:
                raise forms.ValidationError("The file is larger than 2 MB.")
            try:
                cleaned["source"] = upload.read().decode("utf-8")
            except UnicodeDecodeError as error:
                raise forms.ValidationError("The file is not UTF-8 text.") from error
        elif cleaned.get("text", "").strip():
            cleaned["source"] = cleaned["text"]
        else:
            raise forms.ValidationError("Choose a .twee file or paste Twee text.")
        return cleaned


class TweeImportView(WagtailAdminTemplateMixin, FormView):
    template_name = "scenarios/admin/twee_import.html"
    form_class = TweeImportForm
    page_title = "Import a scenario from Twine"
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        self.index = ScenarioIndexPage.objects.first()
        if self.index is None:
            raise Http404("There is no scenarios section to import into.")
        if not self.index.permissions_for_user(request.user).can_add_subpage():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        try:
            page, warnings = import_twee(
                form.cleaned_data["source"], self.index, user=self.request.user
            )
        except TweeError as error:
            form.add_error("file" if form.cleaned_data.get("file") else "text", str(error))
            return self.form_invalid(form)
        messages.success(self.request, f"Imported “{page.title}” as a draft.")
        for warning in warnings:
            messages.warning(self.request, warning)
        return redirect("wagtailadmin_pages:edit", page.pk)


def twee_export(request, page_id: int):
    page = editable_scenario(request, page_id)
    if request.GET.get("draft"):
        page = page.get_latest_revision_as_object()
    response = HttpResponse(export_twee(page), content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{page.slug}.twee"'
    return response


class TweeGuideView(WagtailAdminTemplateMixin, TemplateView):
    """``scenarios/TWEE.md``, the guide to writing scenarios in Twine, as plain text (it is
    Markdown, written to be read as it is)."""

    template_name = "scenarios/admin/twee_guide.html"
    page_title = "Writing scenarios in Twine: the Twee guide"
    header_icon = "doc-full"
    guide = Path(__file__).resolve().parent / "TWEE.md"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["guide"] = self.guide.read_text(encoding="utf-8")
        return context


class ScenarioAnalyticsListView(WagtailAdminTemplateMixin, TemplateView):
    """Every live scenario with a link to its analytics, for the admin's Reports menu."""

    template_name = "scenarios/admin/analytics_list.html"
    page_title = "Scenario analytics"
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        from scenarios.wagtail_hooks import ANALYTICS_PERMISSION

        if not request.user.has_perm(ANALYTICS_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["scenarios"] = ScenarioPage.objects.live().order_by("title")
        return context
