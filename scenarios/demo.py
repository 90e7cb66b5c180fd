"""Demo scenarios for ``seed_demo``, read from the Twee 3 files in
``scenarios/demo_content/`` by the same importer trainers use (``scenarios/TWEE.md``).

The stories are written in our own words from the case material in the seed documents;
each file's ``sources`` (in its ``ScenarioDetails`` passage) names the paragraphs and
sections it draws on, and ``CONTENT_SOURCES.md`` lists every figure. Names, ages and
dates are invented.

The child's clock is part of the story: each choice's weeks cover everything the next
node's text says has happened ("four months later", "for the next six weeks"), endings
that leave a child in neglect include the time they describe, and no route with a missed
choice protects the child as quickly as the child-focused one
(``tests/scenarios/test_demo_story_clock.py`` walks every route to check).

``seed`` is idempotent: scenarios are found by slug, nodes by key and choices by
position, so a second run changes nothing.
"""

from __future__ import annotations

import datetime

from scenarios.demo_content import load_scenarios
from scenarios.models import (
    Rating,
    ScenarioAttempt,
    ScenarioDecision,
    ScenarioIndexPage,
    ScenarioPage,
)
from scenarios.services import make_move, start_attempt
from scenarios.spec import create_or_update_scenario


def seed_index(home) -> ScenarioIndexPage:
    index = ScenarioIndexPage.objects.child_of(home).filter(slug="scenarios").first()
    if index is None:
        index = ScenarioIndexPage(title="Case scenarios", slug="scenarios")
        home.add_child(instance=index)
    index.title = index.draft_title = "Case scenarios"
    index.intro = (
        "<p>Make the decisions in a neglect case and see what each one costs the child in "
        "time. Each scenario takes about fifteen minutes and ends with a debrief.</p>"
    )
    index.save_revision().publish()
    return index


def seed(context) -> None:
    scenarios = load_scenarios()
    index = seed_index(context.home)
    for spec in scenarios:
        create_or_update_scenario(index, spec)
    context.log.append(f"Scenarios: {len(scenarios)} demo scenarios published.")


def play_through(user, page: ScenarioPage, rng, started_at) -> ScenarioAttempt | None:
    """One demo learner's first attempt at ``page``, played through the same services as
    the player (``start_attempt``, ``make_move``) so the decisions are recorded as a
    learner's are, then dated ``started_at`` onwards (a minute or two per decision).

    Each choice is drawn from ``rng``, leaning towards the child-focused one, so the
    analytics show both the choices that protect the child and the ones that miss the
    point. A learner who already has an attempt at ``page`` keeps it (a second run
    changes nothing)."""
    if ScenarioAttempt.objects.filter(user=user, scenario=page).exists():
        return None
    attempt = start_attempt(user, page)
    while not attempt.is_complete:
        node = attempt.scenario.nodes_by_key[attempt.current_node_key]
        choices = list(node.choices.all())
        focused = [c for c in choices if c.rating == Rating.CHILD_FOCUSED]
        pick = rng.choice(focused if focused and rng.random() < 0.5 else choices)
        make_move(attempt, at_node_key=node.key, step=attempt.step, choice_id=pick.pk)
    moments = []
    for decision in attempt.decisions.order_by("sequence"):
        decision.chosen_at = started_at + datetime.timedelta(minutes=2 * decision.sequence)
        moments.append(decision)
    ScenarioDecision.objects.bulk_update(moments, ["chosen_at"])
    finished = started_at + datetime.timedelta(minutes=2 * len(moments) + 1)
    ScenarioAttempt.objects.filter(pk=attempt.pk).update(
        started_at=started_at, updated_at=finished, completed_at=finished
    )
    return attempt


def __getattr__(name: str):
    if name == "DEMO_SCENARIOS":  # the loaded scenarios, for callers that read them
        return load_scenarios()
    raise AttributeError(name)
