"""The scenario editor's form: tidies the nodes on every save and checks the graph when
the author publishes.

On every save (draft, autosave or publish), before anything else looks at the graph
(:func:`tidy_nodes`): a node left without a key gets one made from its title; a node whose
key changed takes the choices that pointed at its old key with it; and a node that is not
an ending loses any outcome or summary, which only endings use. A choice's target is picked
from the scenario's nodes (:class:`NodeTargetSelect`), listed by title.

Wagtail validates a page form once, for every action. The rules in ``scenarios.graph``
apply only to publishing (and submitting for moderation, which ends in publishing), so
the check runs when the posted action says so: a draft may be unfinished, except that a
condition naming a fact no choice sets is refused in drafts too (a typing slip). Each
problem is attached to the form of the node or choice it is about, on the field to change.
"""

from __future__ import annotations

from django import forms
from django.utils.text import slugify
from wagtail.admin.forms import WagtailAdminPageForm

from learning_site.rich_text_input import CheckedRichTextMixin
from scenarios import graph

PUBLISHING_ACTIONS = ("action-publish", "action-submit")
KEY_LENGTH = 60  # ScenarioNode.key's max_length
ENDING_ONLY_FIELDS = ("outcome", "ending_summary")


class NodeTargetSelect(forms.Select):
    """A choice's "leads to": a list of the scenario's nodes by title, so no key is typed.

    The page form fills the options (:func:`offer_node_targets`) from the nodes as the
    author has them; a target no node has is kept and shown as missing, so saving never
    quietly changes where a choice leads. ``scenario_editor.js`` refreshes the options
    when the author adds a node or changes a title or key, so a node added in the same
    unsaved form can be picked; without JavaScript it is listed after the next save.
    """

    def __init__(self, attrs=None, choices=()):
        super().__init__({"data-scenario-target": "", **(attrs or {})}, choices)

    def build_attrs(self, base_attrs, extra_attrs=None):
        attrs = super().build_attrs(base_attrs, extra_attrs)
        attrs.pop("maxlength", None)  # from the key's SlugField; not valid on a select
        return attrs


def key_from_title(title: str, taken: set[str]) -> str:
    """A key for a node called ``title`` that no key in ``taken`` has."""
    base = slugify(title)[:KEY_LENGTH].strip("-") or "node"
    key, n = base, 1
    while key in taken:
        n += 1
        suffix = f"-{n}"
        key = base[: KEY_LENGTH - len(suffix)].strip("-") + suffix
    return key


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


def _node_options(node_formset) -> list[tuple[str, str]]:
    """(key, "Title (key)") for each node in the editor, as posted or as saved."""
    options = []
    for form in node_formset.forms:
        if form.is_bound and "DELETE" in form.fields and form["DELETE"].value():
            continue
        title = (form["title"].value() or "").strip()
        key = (form["key"].value() or "").strip() or slugify(title)[:KEY_LENGTH]
        if key and key not in dict(options):
            options.append((key, f"{title or 'Untitled'} ({key})"))
    return options


def offer_targets(choice_forms, options: list[tuple[str, str]]) -> None:
    """Fill these choices' "leads to" lists with ``options`` ((key, label) pairs), keeping
    a target no node has as "Missing", so saving never quietly changes where it leads."""
    keys = {key for key, _ in options}
    for choice_form in choice_forms:
        current = choice_form["target_key"].value() or ""
        missing = [(current, f"Missing: no node has the key “{current}”")]
        choice_form.fields["target_key"].widget.choices = [
            ("", "Choose a node"),
            *options,
            *(missing if current and current not in keys else []),
        ]


def offer_node_targets(node_formset) -> None:
    """Fill every choice's "leads to" list with the scenario's nodes."""
    options = _node_options(node_formset)
    for node_form in node_formset.forms:
        offer_targets(node_form.formsets["choices"].forms, options)


CONDITION_FIELDS = ("requires_facts", "unless_facts")


def follow_renames(text: str, renamed: dict[str, str]) -> str:
    """``text`` (a choice's condition) with each earlier choice at a renamed node named by
    the node's new key: "chose:relapse/…" becomes "chose:mother-relapses/…"."""
    names = []
    for name in graph.fact_names(text):
        match = graph.CHOICE_NAME.fullmatch(name)
        if match and match[1] in renamed:
            name = f"{graph.CHOICE_PREFIX}{renamed[match[1]]}/{match[2]}"
        names.append(name)
    return " ".join(names) if names != list(graph.fact_names(text)) else text


def _set(form, field: str, value) -> None:
    """Change a cleaned value so it is saved even if the author did not touch the form."""
    form.cleaned_data[field] = value
    setattr(form.instance, field, value)
    if field not in form.changed_data:
        form.changed_data.append(field)


def tidy_nodes(node_formset) -> None:
    """Keys from titles, renamed keys followed by their choices, ending fields only on
    endings. Runs on every save, before the graph is checked."""
    node_formset.is_valid()  # fills cleaned_data on every form
    node_forms = [f for f in _live_forms(node_formset) if hasattr(f, "cleaned_data")]
    taken = {f.cleaned_data.get("key") for f in node_forms} - {None, ""}
    for form in node_forms:
        title = form.cleaned_data.get("title")
        if "key" in form.cleaned_data and not form.cleaned_data["key"] and title:
            key = key_from_title(title, taken)
            taken.add(key)
            _set(form, "key", key)
    renamed = {}
    for form in node_forms:
        old, new = form.initial.get("key"), form.cleaned_data.get("key")
        if form.instance.pk and old and new and old != new and old not in taken:
            renamed[old] = new
    for form in node_forms:
        if form.cleaned_data.get("kind") != graph.ENDING:
            for field in ENDING_ONLY_FIELDS:
                if form.cleaned_data.get(field):
                    _set(form, field, "")
        choice_formset = form.formsets["choices"]
        choice_formset.is_valid()
        for choice_form in _live_forms(choice_formset):
            target = choice_form.cleaned_data.get("target_key")
            if target in renamed:
                _set(choice_form, "target_key", renamed[target])
            for name in CONDITION_FIELDS if renamed else ():
                text = choice_form.cleaned_data.get(name) or ""
                if follow_renames(text, renamed) != text:
                    _set(choice_form, name, follow_renames(text, renamed))


class ScenarioPageForm(CheckedRichTextMixin, WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "nodes" in self.formsets:
            offer_node_targets(self.formsets["nodes"])

    def is_publishing(self) -> bool:
        return any(self.data.get(action) for action in PUBLISHING_ACTIONS)

    def clean(self):
        cleaned = super().clean()
        if "nodes" in self.formsets:
            tidy_nodes(self.formsets["nodes"])
            if self.is_publishing():
                self.add_graph_errors()
            else:
                # A draft may be unfinished, but a condition naming a fact no choice
                # sets is a slip to catch as it is typed, on its field.
                self.add_graph_errors(only=(graph.UNKNOWN_FACT,))
        return cleaned

    def add_graph_errors(self, only: tuple[str, ...] | None = None) -> list[graph.GraphError]:
        """Put the graph's problems on the fields to change (``only``: these codes)."""
        nodes, node_forms, choice_forms = graph_from_forms(self.formsets["nodes"])
        errors = [e for e in graph.validate_graph(nodes) if only is None or e.code in only]
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
        if errors and only is None:
            self.add_error(
                None,
                forms.ValidationError(
                    "This scenario cannot be published yet: %(count)s problem(s) in the "
                    "graph. Save it as a draft, or fix the fields marked on the Graph tab.",
                    params={"count": len(errors)},
                ),
            )
        return errors
