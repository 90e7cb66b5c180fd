"""One node of a scenario on a screen of its own (issue 16, item 1).

A 30-node scenario in the page editor is one form tens of thousands of pixels tall. The
map links each node here instead: the node's fields and its choices, and nothing else.
Saving makes a new draft revision of the whole scenario, exactly as the page editor's
"Save draft" does (``Page.save_revision``), so the page's history, comparison, moderation,
scheduled publishing and rollback see it as any other draft, and publishing stays in the
page editor with its graph checks.

The form is built from ``ScenarioNode.panels``, the same panels the page editor nests, so
the two screens cannot drift apart; what the page editor's form does across the nodes
(``scenarios.forms.tidy_nodes``) is done here against the other nodes of the draft: a key
left blank is made from the title, a changed key takes the choices that pointed at it,
and a node that is not an ending loses its ending fields.
"""

from __future__ import annotations

from django.db import transaction
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import ObjectList

from learning_site.rich_text_input import CheckedRichTextMixin
from scenarios import graph
from scenarios.forms import (
    CONDITION_FIELDS,
    ENDING_ONLY_FIELDS,
    _live_forms,
    follow_renames,
    key_from_title,
    offer_targets,
)
from scenarios.models import ScenarioNode


class ScenarioNodeForm(CheckedRichTextMixin, WagtailAdminModelForm):
    """A node and its choices, checked against ``others``: the draft's other nodes."""

    others: list = []

    def setup(self, others: list) -> None:
        self.others = others
        options = _target_options(others, self.instance, self["title"].value(), self["key"].value())
        offer_targets(self.formsets["choices"].forms, options)
        # A choice added on this screen (with or without the page's script) lists them too.
        empty = self.formsets["choices"].form.base_fields["target_key"].widget
        empty.choices = [("", "Choose a node"), *options]
        # Suggestions for the conditions: the facts and choices of the draft.
        self.condition_names = graph.condition_names(
            [node.as_node_data() for node in [*others, self.instance]]
        )

    def clean(self):
        cleaned = super().clean()
        taken = {node.key for node in self.others}
        key, title = cleaned.get("key"), cleaned.get("title")
        if "key" in cleaned and not key and title:
            cleaned["key"] = key_from_title(title, taken)
        elif key and key in taken:
            self.add_error(
                "key", f"Another node already uses the key “{key}”. Keys must be unique."
            )
        if cleaned.get("kind") != graph.ENDING:
            for name in ENDING_ONLY_FIELDS:
                cleaned[name] = ""
        self._check_facts()
        return cleaned

    def _check_facts(self) -> None:
        choices = self.formsets["choices"]
        choices.is_valid()  # fills cleaned_data on every choice form
        live = [form for form in _live_forms(choices) if hasattr(form, "cleaned_data")]
        known = {name for name, _ in graph.condition_names([n.as_node_data() for n in self.others])}
        key = self.cleaned_data.get("key") or self.instance.key
        for form in live:
            known.update(graph.fact_names(form.cleaned_data.get("sets_facts") or ""))
            known.add(graph.choice_name(key, form.cleaned_data.get("label") or ""))
        for form in live:
            for name in ("requires_facts", "unless_facts"):
                unknown = [
                    fact
                    for fact in graph.fact_names(form.cleaned_data.get(name) or "")
                    if fact not in known
                ]
                if unknown and name in form.cleaned_data:
                    form.add_error(name, graph.unknown_facts_message(unknown))


def _target_options(others, node, title, key) -> list[tuple[str, str]]:
    """(key, "Title (key)") for every node of the draft, this one as the author has it."""
    options = []
    for other in others:
        if other is node:
            continue
        if other.key and other.key not in dict(options):
            options.append((other.key, f"{other.title or 'Untitled'} ({other.key})"))
    mine = (key or "").strip() or node.key
    if mine and mine not in dict(options):
        options.append((mine, f"{(title or '').strip() or 'Untitled'} ({mine}) – this step"))
    return options


def node_panel():
    """The node's panels as a form of their own, built per request (the choices' lists
    are filled in on the form class of that request)."""
    return ObjectList(ScenarioNode.panels, base_form_class=ScenarioNodeForm).bind_to_model(
        ScenarioNode
    )


def save_node(form: ScenarioNodeForm, draft, *, user):
    """Put the edited node into ``draft`` (the latest revision as a page) and save that as
    a new draft revision, as the page editor does. Returns the revision."""
    old_key = form.initial.get("key") or ""
    with transaction.atomic():
        node = form.save(commit=False)
        new_key = node.key
        taken = {other.key for other in form.others}
        if old_key and new_key and old_key != new_key and old_key not in taken:
            for other in [*form.others, node]:
                for choice in other.choices.all():
                    if choice.target_key == old_key:
                        choice.target_key = new_key
                    for name in CONDITION_FIELDS:
                        text = getattr(choice, name)
                        setattr(choice, name, follow_renames(text, {old_key: new_key}))
        if not draft.live:
            # As the page editor: a page that is not live keeps its rows as the draft.
            draft.save()
        return draft.save_revision(user=user, log_action=True)
