"""Operations on scenarios that views, commands and other apps call.

Contract with the courses app (modules embed scenarios): ``has_completed_scenario`` and
``completed_scenario_ids``. A scenario counts as completed when the person has an attempt
that reached any ending.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page

from learning_site.concepts import Concept
from scenarios import graph
from scenarios.models import (
    MISSED_RATINGS,
    Rating,
    ScenarioAttempt,
    ScenarioDecision,
    ScenarioNode,
    ScenarioPage,
)
from scenarios.signals import scenario_finished


# --- contract with courses ------------------------------------------------------------
def has_completed_scenario(user, scenario_page) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return ScenarioAttempt.objects.filter(
        user=user, scenario_id=scenario_page.pk, completed_at__isnull=False
    ).exists()


def completed_scenario_ids(user, scenario_page_ids: Iterable[int]) -> set[int]:
    """Of ``scenario_page_ids``, those this person has finished at least once (one query)."""
    ids = list(scenario_page_ids)
    if not ids or not getattr(user, "is_authenticated", False):
        return set()
    return set(
        ScenarioAttempt.objects.filter(
            user=user, scenario_id__in=ids, completed_at__isnull=False
        ).values_list("scenario_id", flat=True)
    )


# --- playing --------------------------------------------------------------------------
class MoveRefused(Exception):
    """A move that does not follow a real edge from where the learner is. Nothing changed."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class ScenarioUnavailable(Exception):
    pass


def origin_page(page_id, scenario: ScenarioPage):
    """The page a learner says they came from (``?from=<id>``), if it is live and asks
    for ``scenario``: a page asks by having ``requires_scenario(scenario_id)`` (a module's
    lesson does). Anything else, forged or stale, is ignored."""
    try:
        pk = int(page_id)
    except (TypeError, ValueError):
        return None
    page = Page.objects.live().filter(pk=pk).first()
    if page is None:
        return None
    page = page.specific
    requires = getattr(page, "requires_scenario", None)
    return page if requires is not None and requires(scenario.pk) else None


def start_attempt(user, page: ScenarioPage, came_from=None) -> ScenarioAttempt:
    """A new attempt at the start node. Earlier attempts are kept as they are.
    ``came_from``: the page that asked for the scenario (see ``origin_page``)."""
    if not page.live:
        raise ScenarioUnavailable("This scenario is not published.")
    start = page.start_node
    if start is None:
        raise ScenarioUnavailable("This scenario has no start yet.")
    return ScenarioAttempt.objects.create(
        user=user, scenario=page, current_node_key=start.key, came_from=came_from
    )


def came_from(attempt: ScenarioAttempt):
    """The live page this attempt was started from, or None."""
    if attempt.came_from_id is None:
        return None
    page = Page.objects.live().filter(pk=attempt.came_from_id).first()
    return page.specific if page is not None else None


def current_node(attempt: ScenarioAttempt) -> ScenarioNode | None:
    return attempt.scenario.nodes_by_key.get(attempt.current_node_key)


def make_move(
    attempt: ScenarioAttempt, *, at_node_key: str, step: int | None, choice_id: int | str
) -> ScenarioDecision:
    """Take ``choice_id`` from ``at_node_key``, if and only if that is where the learner is.

    A forged choice (not an edge out of the current node), a replayed or stale request
    (the learner has moved on since the page was drawn), or a move on a finished attempt
    raises :class:`MoveRefused` and changes nothing. The update is a compare-and-set on
    (node, step), so two identical requests at once record one decision.

    A move that reaches an ending sends ``scenario_finished``; what its receivers want
    the learner told is on the returned decision's ``notices``.
    """
    if attempt.is_complete:
        raise MoveRefused("This attempt has finished. Start a new attempt to play again.")
    if at_node_key != attempt.current_node_key or (step is not None and step != attempt.step):
        raise MoveRefused(
            "That choice was for an earlier point in the scenario, so it was not recorded. "
            "You are back where you left off."
        )
    page = attempt.scenario
    node = page.nodes_by_key.get(attempt.current_node_key)
    if node is None:
        raise MoveRefused(
            "This scenario has changed since you started, so this attempt cannot go on. "
            "Start a new attempt."
        )
    try:
        choice_pk = int(choice_id)
    except (TypeError, ValueError):
        choice_pk = None
    choice = next((c for c in node.choices.all() if c.pk == choice_pk), None)
    if choice is None:
        raise MoveRefused("That is not one of the choices here, so nothing was recorded.")
    if choice.is_conditional and not choice.is_open(facts_so_far(attempt.decisions.all())):
        raise MoveRefused(
            "That choice is not open to you at this point in the case, so nothing was "
            "recorded. Choose one of the choices shown."
        )
    target = page.nodes_by_key.get(choice.target_key)
    if target is None:
        raise MoveRefused("That choice leads nowhere at the moment. Please tell your trainer.")

    now = timezone.now()
    changes = {
        "current_node_key": target.key,
        "step": F("step") + 1,
        "weeks_elapsed": F("weeks_elapsed") + choice.weeks,
        "updated_at": now,
    }
    if target.is_ending:
        changes |= {"completed_at": now, "ending_key": target.key, "ending_outcome": target.outcome}
    try:
        with transaction.atomic():
            updated = ScenarioAttempt.objects.filter(
                pk=attempt.pk,
                current_node_key=attempt.current_node_key,
                step=attempt.step,
                completed_at__isnull=True,
            ).update(**changes)
            if not updated:
                raise MoveRefused(
                    "That choice had already been recorded, so it was not recorded again."
                )
            decision = ScenarioDecision.objects.create(
                attempt=attempt,
                sequence=attempt.step + 1,
                from_node_key=node.key,
                from_node_title=node.title,
                choice_id=choice.pk,
                choice_label=choice.label,
                to_node_key=target.key,
                weeks=choice.weeks,
                rating=choice.rating,
                concepts=decision_concepts(node),
                feedback=choice.feedback,
                facts_set=" ".join(graph.fact_names(choice.sets_facts)),
            )
    except IntegrityError as error:
        raise MoveRefused(
            "That choice had already been recorded, so it was not recorded again."
        ) from error
    attempt.refresh_from_db()
    # Refreshing forgets the page; it is the same one, so keep its nodes rather than
    # reading them again for the receivers below (and the next move of a play-through).
    attempt.scenario = page
    decision.notices = []
    if attempt.is_complete:
        for _receiver, notices in scenario_finished.send(sender=ScenarioAttempt, attempt=attempt):
            decision.notices += list(notices or [])
    return decision


def decision_concepts(node: ScenarioNode) -> list[str]:
    """The concepts a decision tests: those of every choice at its node, whichever the
    learner took. A trainer may tag only the option that recognises disguised
    compliance, yet the learner who missed it was tested on it too: the report counts
    them among those who met the decision, and their debrief links its research."""
    found = {concept for choice in node.choices.all() for concept in choice.concepts}
    return [concept for concept in Concept.values if concept in found]


def facts_so_far(decisions: Iterable[ScenarioDecision]) -> set[str]:
    """What holds after these decisions: the facts their choices set when made, and that
    each choice was made (``graph.choice_name``), for conditions on earlier choices."""
    held = set()
    for decision in decisions:
        held.update(graph.fact_names(decision.facts_set))
        held.add(graph.choice_name(decision.from_node_key, decision.choice_label))
    return held


def open_choices(node: ScenarioNode, facts: set[str]) -> list:
    """The choices at ``node`` a learner for whom ``facts`` hold is shown, in order."""
    return [choice for choice in node.choices.all() if choice.is_open(facts)]


@dataclass(frozen=True)
class RecordEntry:
    weeks: int
    title: str
    text: str


def case_record(attempt: ScenarioAttempt, decisions: list[ScenarioDecision]) -> list[RecordEntry]:
    """The chronology: each visited node's case-record entry, in the order visited, with
    the week of the child's time it was written in."""
    nodes = attempt.scenario.nodes_by_key
    visits = [(0, attempt.scenario.start_node.key if attempt.scenario.start_node else "")]
    weeks = 0
    for decision in decisions:
        weeks += decision.weeks
        visits.append((weeks, decision.to_node_key))
    entries = []
    for at_week, key in visits:
        node = nodes.get(key)
        if node is not None and node.case_record_entry.strip():
            entries.append(RecordEntry(at_week, node.title, node.case_record_entry.strip()))
    return entries


def weeks_in_words(weeks: int) -> str:
    if weeks == 0:
        return "no time yet"
    text = f"{weeks} week{'s' if weeks != 1 else ''}"
    if weeks >= 9:
        months = round(weeks * 12 / 52)
        text += f" (about {months} months)" if months < 24 else f" (about {weeks / 52:.1f} years)"
    return text


# --- debrief --------------------------------------------------------------------------
@dataclass
class ConceptLink:
    slug: str
    label: str
    digests: list = field(default_factory=list)


@dataclass
class Debrief:
    attempt: ScenarioAttempt
    ending: ScenarioNode | None
    decisions: list[ScenarioDecision]
    child_focused_steps: list[dict]
    child_focused_weeks: int | None
    recognised: list[ConceptLink]
    missed: list[ConceptLink]
    digests_available: bool
    record: list[RecordEntry]

    @property
    def weeks_waited(self) -> int:
        return self.attempt.weeks_elapsed

    @property
    def extra_weeks(self) -> int | None:
        if self.child_focused_weeks is None:
            return None
        return max(self.attempt.weeks_elapsed - self.child_focused_weeks, 0)


def _digest_links(slugs: list[str]) -> tuple[dict[str, list], bool]:
    """Up to three digests per concept, through the research_digest contract (one small
    query per concept; a debrief names at most seven). Until that app is installed the
    debrief names the concepts without links."""
    try:
        from research_digest.services import digests_for_concepts
    except ImportError:
        return {}, False
    return {slug: list(digests_for_concepts([slug])[:3]) for slug in slugs}, True


def build_debrief(attempt: ScenarioAttempt) -> Debrief:
    page = attempt.scenario
    decisions = list(attempt.decisions.order_by("sequence"))
    path = graph.child_focused_path(page.graph_nodes())
    nodes = page.nodes_by_key
    steps = []
    if path is not None:
        for step in path.steps:
            from_node = nodes.get(step.from_key)
            steps.append(
                {
                    "from_title": from_node.title if from_node else step.from_key,
                    "label": step.choice.label,
                    "weeks": step.choice.weeks,
                    "rating": Rating(step.choice.rating).label if step.choice.rating else "",
                    "rating_value": step.choice.rating,
                }
            )
    recognised_slugs: list[str] = []
    missed_slugs: list[str] = []
    for decision in decisions:
        bucket = None
        if decision.rating == Rating.CHILD_FOCUSED:
            bucket = recognised_slugs
        elif decision.rating in MISSED_RATINGS:
            bucket = missed_slugs
        if bucket is not None:
            for slug in decision.concepts:
                if slug not in bucket:
                    bucket.append(slug)
    # A concept missed at any point is shown as missed, even if recognised elsewhere.
    recognised_slugs = [s for s in recognised_slugs if s not in missed_slugs]
    digests, available = _digest_links(recognised_slugs + missed_slugs)

    def links(slugs):
        return [
            ConceptLink(s, Concept(s).label, digests.get(s, []))
            for s in slugs
            if s in Concept.values
        ]

    return Debrief(
        attempt=attempt,
        ending=nodes.get(attempt.ending_key),
        decisions=decisions,
        child_focused_steps=steps,
        child_focused_weeks=path.weeks if path is not None else None,
        recognised=links(recognised_slugs),
        missed=links(missed_slugs),
        digests_available=available,
        record=case_record(attempt, decisions),
    )
