"""Branching case scenarios: the pages trainers author and the attempts learners make.

How the graph is stored
-----------------------
A scenario is a graph of **nodes** (``ScenarioNode``) joined by **choices**
(``ScenarioChoice``). Both are ``Orderable`` rows under ``ParentalKey`` s (the node on the
page, the choice on its node) and are edited with nested ``InlinePanel`` s, not a
StreamField, because:

* other rows point at them: a learner's ``ScenarioDecision`` records the choice's id, and
  analytics and reports group decisions by node key and choice id in SQL, which needs real
  rows rather than JSON inside a page;
* modelcluster keeps them inside the page's revisions, so drafts, previews, scheduled
  publishing and rollback all work as for any Wagtail page, and ids stay stable across
  republishing;
* the order is the author's order (for the map and the editor), and nothing else.

A choice names its target by the node's **key** (``target_key``), a short stable text the
author chooses, not by a foreign key. A foreign key could not point at a node created in
the same unsaved form, and a key lets validation say "no node has the key …" on the very
field the author must fix. Keys also make Twee import and export straightforward. The
author need not type them: the editor makes a key from the title, offers each choice a
list of the nodes by title, and carries choices along when a key is renamed
(``scenarios.forms``).

Graph rules live in ``scenarios.graph`` (pure functions); this module only turns rows
into ``NodeData`` and refuses to make an invalid graph live.
"""

from __future__ import annotations

import uuid

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import Case, F, Q, Value, When
from django.db.models.signals import post_delete
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail.signal_handlers import (
    disable_reference_index_auto_update,
    reference_index_auto_update_disabled,
)
from wagtail.tasks import update_reference_index_task

from learning_site.concepts import AgeStage, Concept
from learning_site.fields import MultipleChoiceField
from scenarios import graph
from scenarios.forms import NodeTargetSelect, ScenarioPageForm
from scenarios.panels import GraphCheckPanel


class NodeKind(models.TextChoices):
    DECISION = graph.DECISION, "Decision (the learner chooses)"
    INFORMATION = graph.INFORMATION, "Information (the story moves on)"
    ENDING = graph.ENDING, "Ending"


class Outcome(models.TextChoices):
    PROTECTED_IN_TIME = graph.PROTECTED_IN_TIME, "Child protected in good time"
    PROTECTED_LATE = graph.PROTECTED_LATE, "Child protected, but late"
    LEFT_IN_NEGLECT = graph.LEFT_IN_NEGLECT, "Child left in neglect"


class Rating(models.TextChoices):
    CHILD_FOCUSED = graph.CHILD_FOCUSED, "Child-focused"
    OPTIMISTIC = graph.OPTIMISTIC, "Optimistic"
    COLLUSIVE = graph.COLLUSIVE, "Collusive"
    PROCEDURAL = graph.PROCEDURAL, "Procedural"


# Ratings that mean the learner missed what the choice was testing.
MISSED_RATINGS = (Rating.OPTIMISTIC, Rating.COLLUSIVE, Rating.PROCEDURAL)

DEFAULT_REFLECTION_PROMPT = (
    "Think of a family you work with now. Where might you be accepting an explanation, or "
    "hoping for change, while the child keeps waiting? What will you do differently?"
)


class ScenarioIndexPage(Page):
    """The Scenarios section: lists the live scenarios."""

    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link", "ul", "ol"],
        help_text="A few sentences on what scenarios are and how long one takes.",
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["learning_site.HomePage"]
    subpage_types = ["scenarios.ScenarioPage"]
    max_count = 1

    class Meta:
        verbose_name = "scenario index page"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["scenarios"] = ScenarioPage.objects.live().public().child_of(self).specific()
        return context


class ScenarioNode(ClusterableModel, Orderable):
    """A moment in the case: what happens, what goes on the record, what the child says."""

    page = ParentalKey("scenarios.ScenarioPage", on_delete=models.CASCADE, related_name="nodes")
    key = models.SlugField(
        max_length=60,
        allow_unicode=False,
        blank=True,
        help_text="A short unique name for this node, for example “home-visit-2”. Leave it "
        "blank to make one from the title. Changing it updates the choices that point here "
        "when you save.",
    )
    title = models.CharField(max_length=200, help_text="Shown as the heading of this step.")
    kind = models.CharField(max_length=20, choices=NodeKind.choices, default=NodeKind.DECISION)
    is_start = models.BooleanField(
        "start",
        default=False,
        help_text="Tick for the node the scenario begins at. Exactly one node is the start.",
    )
    narrative = RichTextField(
        features=["bold", "italic", "ul", "ol", "link"],
        help_text="What the learner reads at this point: what has happened, what they see.",
    )
    case_record_entry = models.TextField(
        "case record entry",
        blank=True,
        help_text="Optional. One line added to the case chronology when the learner "
        "reaches this node, for example “12 March: health visitor — baby underweight”.",
    )
    childs_voice = models.TextField(
        "child's voice",
        blank=True,
        help_text="Optional. What the child says, shows or experiences here, in their words "
        "or behaviour.",
    )
    childs_voice_age_stage = models.CharField(
        "child's age stage",
        max_length=20,
        choices=AgeStage.choices,
        blank=True,
        help_text="Optional. The child's age stage, to frame their voice.",
    )
    outcome = models.CharField(
        max_length=30,
        choices=Outcome.choices,
        blank=True,
        help_text="Endings only: what this ending means for the child.",
    )
    ending_summary = models.TextField(
        blank=True,
        help_text="Endings only: a short summary of where the child is now and why.",
    )
    # Not in the editor: set by a Twee import when the Twine passage's name is not the
    # key made from it ("See Kai" → see-kai), so an export gives Twine its own name back.
    passage_name = models.CharField(
        "Twine passage name",
        max_length=255,
        blank=True,
        editable=False,
        help_text="The name of this node's passage in Twine, when it is not the key.",
    )

    panels = [
        FieldRowPanel([FieldPanel("key"), FieldPanel("kind"), FieldPanel("is_start")]),
        FieldPanel("title"),
        FieldPanel("narrative"),
        FieldPanel("case_record_entry"),
        FieldRowPanel([FieldPanel("childs_voice"), FieldPanel("childs_voice_age_stage")]),
        # Shown only where they apply (scenarios/static/scenarios/scenario_editor.js);
        # the form also clears the ending fields on other nodes (scenarios.forms).
        FieldRowPanel(
            [FieldPanel("outcome"), FieldPanel("ending_summary")],
            classname="scenario-ending-only",
        ),
        InlinePanel("choices", heading="Choices", label="Choice", classname="scenario-not-ending"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "node"

    def __str__(self) -> str:
        return f"{self.title} ({self.key})"

    @property
    def is_ending(self) -> bool:
        return self.kind == NodeKind.ENDING

    def as_node_data(self) -> graph.NodeData:
        return graph.NodeData(
            key=self.key,
            kind=self.kind,
            is_start=self.is_start,
            outcome=self.outcome,
            title=self.title,
            choices=tuple(choice.as_choice_data() for choice in self.choices.all()),
        )


def validate_fact_names(value: str) -> None:
    bad = [name for name in graph.fact_names(value) if not graph.FACT_NAME.fullmatch(name)]
    if bad:
        raise ValidationError(
            "Write each fact in lower-case letters, numbers and hyphens, for example "
            "“saw-child-alone”, separated by spaces. Not valid: %(names)s.",
            params={"names": ", ".join(f"“{name}”" for name in bad)},
        )


CONDITION_LIST = {"list": "scenario-condition-names"}


def validate_condition_names(value: str) -> None:
    bad = [name for name in graph.fact_names(value) if not graph.is_condition_name(name)]
    if bad:
        raise ValidationError(
            "Write each fact in lower-case letters, numbers and hyphens, for example "
            "“saw-child-alone”, or name an earlier choice as “chose:node-key/choice-label”, "
            "separated by spaces. Not valid: %(names)s.",
            params={"names": ", ".join(f"“{name}”" for name in bad)},
        )


def _fact_names_field(verbose_name: str, help_text: str, validator=validate_fact_names):
    return models.CharField(
        verbose_name,
        max_length=255,
        blank=True,
        validators=[validator],
        help_text=help_text,
    )


class ScenarioChoice(Orderable):
    """One way on from a node, with what it costs the child in time."""

    node = ParentalKey(ScenarioNode, on_delete=models.CASCADE, related_name="choices")
    label = models.CharField(max_length=255, help_text="What the learner decides to do.")
    target_key = models.SlugField(
        "leads to",
        max_length=60,
        help_text="The node this choice leads to. A node added since the last save is "
        "listed once you save, or at once when JavaScript is on.",
    )
    feedback = models.TextField(
        blank=True,
        help_text="Shown after the learner chooses: why this helps or fails the child.",
    )
    rating = models.CharField(
        max_length=20,
        choices=Rating.choices,
        blank=True,
        help_text="How child-focused this choice is. Leave blank for a neutral “Continue”.",
    )
    concepts = MultipleChoiceField(
        "concepts tested",
        max_length=255,
        choices=Concept.choices,
        blank=True,
        help_text="The practice concepts this choice tests.",
    )
    weeks = models.PositiveSmallIntegerField(
        "weeks that pass for the child",
        default=0,
        help_text="How many weeks the child lives through when this choice is taken.",
    )

    # Conditions: plain text fields of fact names rather than rows of their own, so the
    # editor needs no script to add one and Twee keeps them as flat metadata. A fact is
    # known when some choice in the scenario sets it (checked in scenarios.graph).
    sets_facts = _fact_names_field(
        "sets facts",
        "Optional. Facts that hold once the learner takes this choice, for example "
        "“saw-child-alone”. Later choices can be shown or hidden by them. Separate several "
        "with spaces.",
    )
    requires_facts = _fact_names_field(
        "shown only if",
        "Optional. Show this choice only when all these hold in this play-through: facts "
        "set by earlier choices, or earlier choices themselves, named “chose:” then the "
        "node's key, “/” and the choice's label with hyphens, for example "
        "“chose:first-visit/see-kai-alone” (suggested as you type).",
        validate_condition_names,
    )
    unless_facts = _fact_names_field(
        "hidden if",
        "Optional. Hide this choice when any of these holds: a fact, or an earlier choice "
        "named as above, so it is offered only to learners who did not take it.",
        validate_condition_names,
    )

    panels = [
        FieldPanel("label"),
        FieldRowPanel(
            [
                FieldPanel("target_key", widget=NodeTargetSelect),
                FieldPanel("weeks"),
                FieldPanel("rating"),
            ]
        ),
        FieldPanel("feedback"),
        FieldPanel("concepts"),
        FieldRowPanel(
            [
                FieldPanel("sets_facts"),
                # Suggestions: the scenario's facts and choices (the Graph tab's datalist).
                FieldPanel("requires_facts", widget=forms.TextInput(attrs=CONDITION_LIST)),
                FieldPanel("unless_facts", widget=forms.TextInput(attrs=CONDITION_LIST)),
            ],
            heading="Facts and conditions (optional)",
        ),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "choice"

    def __str__(self) -> str:
        return self.label

    def as_choice_data(self) -> graph.ChoiceData:
        return graph.ChoiceData(
            label=self.label,
            target_key=self.target_key,
            weeks=self.weeks or 0,
            rating=self.rating,
            ident=self.pk,
            sets=graph.fact_names(self.sets_facts),
            requires=graph.fact_names(self.requires_facts),
            unless=graph.fact_names(self.unless_facts),
        )

    @property
    def is_conditional(self) -> bool:
        return bool(self.requires_facts.strip() or self.unless_facts.strip())

    def is_open(self, facts) -> bool:
        """Whether a learner for whom ``facts`` hold is shown this choice."""
        return self.as_choice_data().is_open(facts)


class ScenarioPage(Page):
    """One branching case: the learner decides, the child waits."""

    introduction = RichTextField(
        features=["bold", "italic", "link", "ul", "ol"],
        help_text="What the learner needs to know before starting: the family, their role.",
    )
    focus_concepts = MultipleChoiceField(
        "focus concepts",
        max_length=255,
        choices=Concept.choices,
        blank=True,
        help_text="The practice concepts this scenario is about.",
    )
    estimated_minutes = models.PositiveSmallIntegerField(
        "minutes to play", default=15, help_text="Roughly how long one attempt takes."
    )
    reflection_prompt = models.TextField(
        default=DEFAULT_REFLECTION_PROMPT,
        help_text="The question the learner answers in their journal after the debrief.",
    )
    sources = RichTextField(
        blank=True,
        features=["bold", "italic", "link", "ul", "ol"],
        help_text="Where the case facts come from: document title, author or body, year.",
    )
    ifid = models.UUIDField(
        "IFID",
        default=uuid.uuid4,
        editable=False,
        help_text="The story's identifier in Twine, kept so re-exports match.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("focus_concepts"),
        FieldRowPanel([FieldPanel("estimated_minutes")]),
        FieldPanel("reflection_prompt"),
        FieldPanel("sources"),
    ]
    graph_panels = [
        MultiFieldPanel(
            [GraphCheckPanel(), InlinePanel("nodes", heading="Nodes", label="Node", min_num=0)],
            heading="Nodes and choices",
            help_text="Build the case as nodes joined by choices. You can save an "
            "unfinished graph as a draft; it must pass every check before it is published.",
        )
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Content"),
            ObjectList(graph_panels, heading="Graph"),
            ObjectList(Page.promote_panels, heading="Promote"),
            ObjectList(Page.settings_panels, heading="Settings"),
        ]
    )

    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    parent_page_types = ["scenarios.ScenarioIndexPage"]
    subpage_types: list[str] = []

    base_form_class = ScenarioPageForm

    preview_modes = [("", "Scenario page"), ("map", "Map of the graph")]

    class Meta:
        verbose_name = "scenario"

    # --- graph -----------------------------------------------------------------------
    def node_list(self) -> list[ScenarioNode]:
        return list(self.nodes.all())

    def graph_nodes(self) -> list[graph.NodeData]:
        return [node.as_node_data() for node in self.node_list()]

    def graph_errors(self) -> list[graph.GraphError]:
        return graph.validate_graph(self.graph_nodes())

    def clock_warnings(self) -> list[str]:
        """What the child's clock gets wrong on this graph (warnings: it may be published)."""
        from scenarios.clock import clock_warnings

        return [warning.message for warning in clock_warnings(self.graph_nodes())]

    @cached_property
    def nodes_by_key(self) -> dict[str, ScenarioNode]:
        found: dict[str, ScenarioNode] = {}
        for node in self.nodes.all().prefetch_related("choices"):
            found.setdefault(node.key, node)
        return found

    @property
    def start_node(self) -> ScenarioNode | None:
        return next((n for n in self.nodes_by_key.values() if n.is_start), None)

    def concept_labels(self) -> list[str]:
        return [Concept(c).label for c in self.focus_concepts if c in Concept.values]

    def save(self, *args, **kwargs):
        # The last guard: whatever path publishes (the editor, a revision, a script), an
        # invalid graph never goes live. Drafts of live pages save with update_fields and
        # are not checked here; the editor checks them on publish.
        publishing = self.live and kwargs.get("update_fields") is None
        if publishing:
            errors = self.graph_errors()
            if errors:
                raise ValidationError(
                    "This scenario cannot be published until its graph is fixed: "
                    + " ".join(describe_error(self, e) for e in errors)
                )
        keys_before = self._node_keys() if publishing else {}
        saved = self._save_indexing_references_once(*args, **kwargs)
        if keys_before:
            self._move_attempts_to_renamed_nodes(keys_before)
        return saved

    def _node_keys(self) -> dict[int, str]:
        if self.pk is None:
            return {}
        return dict(ScenarioNode.objects.filter(page_id=self.pk).values_list("pk", "key"))

    def _move_attempts_to_renamed_nodes(self, keys_before: dict[int, str]) -> None:
        """A learner part-way through stays at their node when its key is changed and
        published (the editor encourages renaming, and takes the choices along)."""
        keys_after = self._node_keys()
        renamed = {
            old: keys_after[pk]
            for pk, old in keys_before.items()
            if pk in keys_after and keys_after[pk] != old
        }
        if renamed:
            ScenarioAttempt.objects.filter(
                scenario=self, completed_at__isnull=True, current_node_key__in=renamed
            ).update(
                current_node_key=Case(
                    *(When(current_node_key=old, then=Value(new)) for old, new in renamed.items()),
                    default=F("current_node_key"),
                )
            )

    def _save_indexing_references_once(self, *args, **kwargs):
        if getattr(reference_index_auto_update_disabled, "value", False):
            return super().save(*args, **kwargs)
        # Wagtail re-indexes a page's references (links in rich text) after each row it
        # saves, and each node and choice row re-indexes the whole page, so saving a
        # scenario of n nodes cost n whole-page passes: 65 s for a 300-passage import.
        # Save every row with that switched off, then index the page once.
        with disable_reference_index_auto_update():
            saved = super().save(*args, **kwargs)
        update_reference_index_task.enqueue(
            self._meta.app_label, self._meta.model_name, str(self.pk)
        )
        return saved

    # --- rendering -------------------------------------------------------------------
    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            attempts = list(
                ScenarioAttempt.objects.filter(user=user, scenario=self).order_by("-started_at")
            )
            context["attempts"] = attempts
            context["unfinished_attempt"] = next(
                (a for a in attempts if a.completed_at is None), None
            )
            context["can_view_analytics"] = user.has_perm("learning_site.view_trainer_analytics")
            from scenarios.services import origin_page

            context["came_from"] = origin_page(request.GET.get("from"), self)
        return context

    def serve_preview(self, request, mode_name):
        if mode_name == "map":
            from django.template.response import TemplateResponse

            from scenarios.map import scenario_map_context

            return TemplateResponse(
                request, "scenarios/scenario_map_preview.html", scenario_map_context(self)
            )
        return super().serve_preview(request, mode_name)


def describe_error(page: ScenarioPage, error: graph.GraphError) -> str:
    """One error as a sentence that names the node (and choice) it is about."""
    if error.node is None:
        return error.message
    nodes = page.node_list()
    where = f"Node {error.node + 1}"
    if error.node < len(nodes):
        node = nodes[error.node]
        where = f"Node “{node.title or node.key}”"
        if error.choice is not None:
            choices = list(node.choices.all())
            if error.choice < len(choices):
                where += f", choice “{choices[error.choice].label}”"
    return f"{where}: {error.message}"


# --- attempts ------------------------------------------------------------------------
class ScenarioAttemptQuerySet(models.QuerySet):
    def for_partnership(self, partnership):
        return self.filter(user__partnership=partnership)

    def completed(self):
        return self.filter(completed_at__isnull=False)

    def unfinished(self):
        return self.filter(completed_at__isnull=True)

    def owned_by(self, user):
        return self.filter(user=user)


class ScenarioAttempt(models.Model):
    """One play-through by one learner. Progress lives here, never only in the session.

    ``is_first`` marks each learner's first attempt at each scenario, which the board
    report counts (later attempts are practice). It is set when the attempt is made (an
    attempt made when the learner has none at the scenario is their first), at most one
    per learner and scenario (a constraint, so two tabs starting at once cannot both
    be first), and passed to the next attempt if the first is deleted (``signals``).
    Rows made with ``bulk_create`` must set it themselves.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="scenario_attempts"
    )
    # PROTECT: a scenario learners have played is unpublished, never deleted (the admin
    # refuses with a message: learning_site/page_deletion.py); reports keep the attempts.
    scenario = models.ForeignKey(ScenarioPage, on_delete=models.PROTECT, related_name="attempts")
    started_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    current_node_key = models.CharField(max_length=60)
    step = models.PositiveIntegerField(default=0, help_text="Decisions made so far.")
    weeks_elapsed = models.PositiveIntegerField(default=0)
    ending_key = models.CharField(max_length=60, blank=True)
    ending_outcome = models.CharField(max_length=30, choices=Outcome.choices, blank=True)
    # Where the learner started from when a page asked for this scenario (a module's
    # lesson): the debrief links back there. Any page type, so this app needs no other.
    came_from = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The page that asked the learner to play this scenario, if any.",
    )
    is_first = models.BooleanField(
        default=False,
        editable=False,
        help_text="The learner's first attempt at this scenario (set when it is made).",
    )

    objects = ScenarioAttemptQuerySet.as_manager()

    class Meta:
        ordering = ["-started_at", "-pk"]
        indexes = [
            models.Index(fields=["scenario", "completed_at"]),
            models.Index(fields=["user", "scenario"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(completed_at__isnull=True) | ~Q(ending_key=""),
                name="scenarios_attempt_completed_has_ending",
            ),
            models.UniqueConstraint(
                fields=["user", "scenario"],
                condition=Q(is_first=True),
                name="scenarios_one_first_attempt_per_learner",
            ),
        ]

    def __str__(self) -> str:
        return f"Attempt {self.pk} at {self.scenario_id}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            return super().save(*args, **kwargs)
        self.is_first = not ScenarioAttempt.objects.filter(
            user_id=self.user_id, scenario_id=self.scenario_id
        ).exists()
        if self.is_first:
            try:
                # A savepoint: if another attempt became first meanwhile (a second tab),
                # the constraint refuses this one as first and it is saved as a later one.
                with transaction.atomic():
                    return super().save(*args, **kwargs)
            except IntegrityError:
                if not ScenarioAttempt.objects.filter(
                    user_id=self.user_id, scenario_id=self.scenario_id, is_first=True
                ).exists():
                    raise
                self.is_first = False
                self._state.adding = True
        return super().save(*args, **kwargs)

    def pass_on_first(self) -> None:
        """After this first attempt is deleted: the learner's earliest remaining attempt
        at the scenario becomes their first."""
        if not self.is_first:
            return
        earliest = (
            ScenarioAttempt.objects.filter(user_id=self.user_id, scenario_id=self.scenario_id)
            .order_by("started_at", "pk")
            .values_list("pk", flat=True)
            .first()
        )
        if earliest is not None:
            ScenarioAttempt.objects.filter(pk=earliest).update(is_first=True)

    @property
    def is_complete(self) -> bool:
        return self.completed_at is not None


def _attempt_deleted(sender, instance, **kwargs):
    instance.pass_on_first()


post_delete.connect(_attempt_deleted, sender=ScenarioAttempt, dispatch_uid="scenario_first_attempt")


class ScenarioDecisionQuerySet(models.QuerySet):
    def for_partnership(self, partnership):
        return self.filter(attempt__user__partnership=partnership)

    def for_scenario(self, scenario):
        return self.filter(attempt__scenario=scenario)


class ScenarioDecision(models.Model):
    """One move: from which node, which choice, to where, and what it cost the child.

    Label, rating, weeks, concepts and the facts it set are copied from the choice when
    it is made, so the record, the aggregates and which later choices the learner is
    shown stay true after the author edits the scenario.
    """

    attempt = models.ForeignKey(ScenarioAttempt, on_delete=models.CASCADE, related_name="decisions")
    sequence = models.PositiveIntegerField()
    from_node_key = models.CharField(max_length=60)
    from_node_title = models.CharField(max_length=200, blank=True)
    choice_id = models.PositiveBigIntegerField(help_text="The ScenarioChoice chosen.")
    choice_label = models.CharField(max_length=255)
    to_node_key = models.CharField(max_length=60)
    weeks = models.PositiveSmallIntegerField(default=0)
    rating = models.CharField(max_length=20, choices=Rating.choices, blank=True)
    concepts = MultipleChoiceField(max_length=255, choices=Concept.choices, blank=True)
    feedback = models.TextField(blank=True)
    facts_set = models.CharField(
        max_length=255, blank=True, help_text="The facts the choice set, separated by spaces."
    )
    chosen_at = models.DateTimeField(auto_now_add=True)

    objects = ScenarioDecisionQuerySet.as_manager()

    class Meta:
        ordering = ["attempt", "sequence"]
        constraints = [
            models.UniqueConstraint(
                fields=["attempt", "sequence"], name="scenarios_decision_one_per_step"
            )
        ]
        indexes = [models.Index(fields=["from_node_key", "choice_id"])]

    def __str__(self) -> str:
        return f"{self.from_node_key} → {self.to_node_key}"
