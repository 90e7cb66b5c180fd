"""A scenario as plain data, and the two ways across: page → spec and spec → page.

The demo seeder, the Twee importer and the tests all describe scenarios as
:class:`ScenarioSpec`; :func:`apply_spec` writes one onto a page idempotently (nodes are
matched by key and choices by position, so ids survive a re-run and nothing is
duplicated); :func:`spec_from_page` reads one back, which is how export→import is tested.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from scenarios import graph
from scenarios.models import ScenarioChoice, ScenarioNode, ScenarioPage


@dataclass
class ChoiceSpec:
    label: str
    target: str
    weeks: int = 0
    rating: str = ""
    concepts: list[str] = field(default_factory=list)
    feedback: str = ""
    sets: list[str] = field(default_factory=list)  # facts that hold once it is taken
    requires: list[str] = field(default_factory=list)  # shown only if all of these hold
    unless: list[str] = field(default_factory=list)  # hidden if any of these holds


@dataclass
class NodeSpec:
    key: str
    title: str
    kind: str
    narrative: str
    choices: list[ChoiceSpec] = field(default_factory=list)
    is_start: bool = False
    case_record: str = ""
    childs_voice: str = ""
    age_stage: str = ""
    outcome: str = ""
    ending_summary: str = ""
    passage_name: str = ""  # the Twine passage's name, when it is not the key


@dataclass
class ScenarioSpec:
    title: str
    slug: str
    introduction: str
    nodes: list[NodeSpec]
    focus_concepts: list[str] = field(default_factory=list)
    sources: str = ""
    reflection_prompt: str = ""
    search_description: str = ""
    estimated_minutes: int = 15
    ifid: str = ""


def spec_from_page(page: ScenarioPage) -> ScenarioSpec:
    return ScenarioSpec(
        title=page.title,
        slug=page.slug,
        introduction=page.introduction,
        focus_concepts=list(page.focus_concepts),
        sources=page.sources,
        reflection_prompt=page.reflection_prompt,
        search_description=page.search_description,
        estimated_minutes=page.estimated_minutes,
        ifid=str(page.ifid).upper(),
        nodes=[
            NodeSpec(
                key=node.key,
                title=node.title,
                kind=node.kind,
                narrative=node.narrative,
                is_start=node.is_start,
                case_record=node.case_record_entry,
                childs_voice=node.childs_voice,
                age_stage=node.childs_voice_age_stage,
                outcome=node.outcome,
                ending_summary=node.ending_summary,
                passage_name=node.passage_name,
                choices=[
                    ChoiceSpec(
                        label=c.label,
                        target=c.target_key,
                        weeks=c.weeks,
                        rating=c.rating,
                        concepts=list(c.concepts),
                        feedback=c.feedback,
                        sets=list(graph.fact_names(c.sets_facts)),
                        requires=list(graph.fact_names(c.requires_facts)),
                        unless=list(graph.fact_names(c.unless_facts)),
                    )
                    for c in node.choices.all()
                ],
            )
            for node in page.nodes.all()
        ],
    )


def spec_graph_nodes(spec: ScenarioSpec) -> list[graph.NodeData]:
    """The scenario's graph, to check or lay out before (or without) saving it."""
    return [
        graph.NodeData(
            key=node.key,
            kind=node.kind,
            is_start=node.is_start,
            outcome=node.outcome,
            title=node.title,
            choices=tuple(
                graph.ChoiceData(
                    label=c.label,
                    target_key=c.target,
                    weeks=c.weeks,
                    rating=c.rating,
                    sets=tuple(c.sets),
                    requires=tuple(c.requires),
                    unless=tuple(c.unless),
                )
                for c in node.choices
            ),
        )
        for node in spec.nodes
    ]


def apply_spec(page: ScenarioPage, spec: ScenarioSpec) -> ScenarioPage:
    """Write ``spec`` onto ``page`` in memory (save or publish a revision afterwards)."""
    page.title = spec.title
    page.draft_title = spec.title
    page.slug = spec.slug
    page.introduction = spec.introduction
    page.focus_concepts = list(spec.focus_concepts)
    page.sources = spec.sources
    if spec.reflection_prompt:
        page.reflection_prompt = spec.reflection_prompt
    page.search_description = spec.search_description
    page.estimated_minutes = spec.estimated_minutes
    if spec.ifid:
        page.ifid = spec.ifid
    existing = {}
    for node in page.nodes.all():
        existing.setdefault(node.key, node)
    nodes = []
    for position, node_spec in enumerate(spec.nodes):
        node = existing.get(node_spec.key) or ScenarioNode(key=node_spec.key)
        node.sort_order = position
        node.title = node_spec.title
        node.kind = node_spec.kind
        node.narrative = node_spec.narrative
        node.is_start = node_spec.is_start
        node.case_record_entry = node_spec.case_record
        node.childs_voice = node_spec.childs_voice
        node.childs_voice_age_stage = node_spec.age_stage
        node.outcome = node_spec.outcome
        node.ending_summary = node_spec.ending_summary
        node.passage_name = node_spec.passage_name
        old_choices = list(node.choices.all()) if node.pk or node_spec.key in existing else []
        choices = []
        for index, choice_spec in enumerate(node_spec.choices):
            choice = old_choices[index] if index < len(old_choices) else ScenarioChoice()
            choice.sort_order = index
            choice.label = choice_spec.label
            choice.target_key = choice_spec.target
            choice.weeks = choice_spec.weeks
            choice.rating = choice_spec.rating
            choice.concepts = list(choice_spec.concepts)
            choice.feedback = choice_spec.feedback
            choice.sets_facts = " ".join(choice_spec.sets)
            choice.requires_facts = " ".join(choice_spec.requires)
            choice.unless_facts = " ".join(choice_spec.unless)
            choices.append(choice)
        node.choices = choices
        nodes.append(node)
    page.nodes = nodes
    return page


def create_or_update_scenario(
    parent, spec: ScenarioSpec, *, publish: bool = True, user=None
) -> ScenarioPage:
    """Find the scenario by slug under ``parent`` (or create it), apply ``spec``, and save
    a revision; publish it when asked (refused, with ValidationError, if invalid)."""
    page = ScenarioPage.objects.child_of(parent).filter(slug=spec.slug).first()
    if page is None:
        page = apply_spec(ScenarioPage(), spec)
        page.live = False
        parent.add_child(instance=page)
    else:
        page = page.specific
        apply_spec(page, spec)
    revision = page.save_revision(user=user)
    if publish:
        revision.publish(user=user)
        page.refresh_from_db()
    return page


def create_draft_scenario(parent, spec: ScenarioSpec, *, user=None) -> ScenarioPage:
    """A new, unpublished scenario under ``parent`` made from ``spec``, with its first
    revision, in one transaction.

    For a large import (a Twine file of 2,000 passages): the nodes and choices go in with
    one ``bulk_create`` each rather than a save per row, the revision is written from
    the rows in memory rather than read back node by node, and Wagtail's reference index
    is brought up to date once at the end rather than after every row.
    """
    page = apply_spec(ScenarioPage(), spec)
    page.live = False
    page.owner = user
    nodes = list(page.nodes.all())
    choices = [list(node.choices.all()) for node in nodes]
    page.nodes = []
    with transaction.atomic(), disable_reference_index_auto_update():
        parent.add_child(instance=page)
        for node in nodes:
            node.page = page
        ScenarioNode.objects.bulk_create(nodes)
        for node, node_choices in zip(nodes, choices, strict=True):
            for choice in node_choices:
                choice.node = node
        ScenarioChoice.objects.bulk_create([c for node_choices in choices for c in node_choices])
        for node, node_choices in zip(nodes, choices, strict=True):
            node.choices = node_choices
        page.nodes = nodes
        page.save_revision(user=user, log_action=True)
        ReferenceIndex.create_or_update_for_object(page)
    return page
