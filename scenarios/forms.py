"""The scenario editor's form: checks the graph when the author publishes.

Wagtail validates a page form once, for every action. The rules in ``scenarios.graph``
apply only to publishing (and submitting for moderation, which ends in publishing), so
the check runs when the posted action says so: a draft may be unfinished. Each problem
is attached to the form of the node or choice it is about, on the field to change.
"""

from __future__ import annotations

from django import forms
from wagtail.admin.forms import WagtailAdminPageForm

from scenarios import graph

PUBLISHING_ACTIONS = ("action-publish", "action-submit")


def _live_forms(formset) -> list:
    alive = []
    for form in formset.forms:
        if not form.has_changed() and form.instance.pk is None:
            continue  # an empty extra form the author never touched
        if formset.can_delete and form.cleaned_data.get("DELETE"):
            continue
        alive.append(form)
    if getattr(formset, "can_order", False):
        alive.sort(key=lambda f: (f.cleaned_data.get("ORDER") is None, f.cleaned_data.get("ORDER")))
    return alive


def graph_from_forms(node_formset) -> tuple[list[graph.NodeData], list[tuple], list[list]]:
    """The graph as the author has it in the editor, with the forms it came from."""
    node_formset.is_valid()  # fills cleaned_data on every form
    nodes, node_forms, choice_forms = [], [], []
    for node_form in _live_forms(node_formset):
        data = node_form.cleaned_data
        choice_formset = node_form.formsets["choices"]
        choice_formset.is_valid()
        these = _live_forms(choice_formset)
        nodes.append(
            graph.NodeData(
                key=data.get("key") or "",
                kind=data.get("kind") or "",
                is_start=bool(data.get("is_start")),
                outcome=data.get("outcome") or "",
                title=data.get("title") or "",
                choices=tuple(
                    graph.ChoiceData(
                        label=f.cleaned_data.get("label") or "",
                        target_key=f.cleaned_data.get("target_key") or "",
                        weeks=f.cleaned_data.get("weeks") or 0,
                        rating=f.cleaned_data.get("rating") or "",
                        sets=graph.fact_names(f.cleaned_data.get("sets_facts") or ""),
                        requires=graph.fact_names(f.cleaned_data.get("requires_facts") or ""),
                        unless=graph.fact_names(f.cleaned_data.get("unless_facts") or ""),
                    )
                    for f in these
                ),
            )
        )
        node_forms.append(node_form)
        choice_forms.append(these)
    return nodes, node_forms, choice_forms


class ScenarioPageForm(WagtailAdminPageForm):
    def is_publishing(self) -> bool:
        return any(self.data.get(action) for action in PUBLISHING_ACTIONS)

    def clean(self):
        cleaned = super().clean()
        if self.is_publishing() and "nodes" in self.formsets:
            self.add_graph_errors()
        return cleaned

    def add_graph_errors(self) -> list[graph.GraphError]:
        nodes, node_forms, choice_forms = graph_from_forms(self.formsets["nodes"])
        errors = graph.validate_graph(nodes)
        for error in errors:
            if error.node is None:
                if error.code == graph.NO_START and node_forms:
                    node_forms[0].add_error("is_start", error.message)
                else:
                    self.add_error(None, error.message)
                continue
            target = node_forms[error.node]
            if error.choice is not None:
                target = choice_forms[error.node][error.choice]
            field = error.field if error.field in target.fields else None
            # A field can already have been removed from cleaned_data by an earlier error.
            try:
                target.add_error(field, error.message)
            except ValueError:
                target.add_error(None, error.message)
        if errors:
            self.add_error(
                None,
                forms.ValidationError(
                    "This scenario cannot be published yet: %(count)s problem(s) in the "
                    "graph. Save it as a draft, or fix the fields marked on the Graph tab.",
                    params={"count": len(errors)},
                ),
            )
        return errors
