"""The demo scenarios are valid, deep enough, and playable to every ending."""

from collections import deque

import pytest
from django.urls import reverse

from learning_site.demo import DemoContext
from scenarios import graph
from scenarios.demo import DEMO_SCENARIOS, seed
from scenarios.models import ScenarioAttempt, ScenarioPage

pytestmark = pytest.mark.django_db

SLUGS = {
    "new-baby-disguised-compliance",
    "stepping-up-and-down-rule-of-optimism",
    "start-again-new-school",
    "school-dsl-parental-resistance",
}


@pytest.fixture
def demo(home_page):
    seed(DemoContext(home=home_page, partnerships={}))
    return {page.slug: page for page in ScenarioPage.objects.live()}


def test_the_demo_scenarios_are_live_with_sources(demo):
    assert set(demo) == SLUGS
    for page in demo.values():
        assert "Ofsted" in page.sources and "2014" in page.sources
        assert page.focus_concepts


@pytest.mark.parametrize("spec", DEMO_SCENARIOS, ids=lambda s: s.slug)
def test_demo_graph_shape(spec):
    nodes = [
        graph.NodeData(
            n.key,
            n.kind,
            n.is_start,
            n.outcome,
            tuple(graph.ChoiceData(c.label, c.target, c.weeks, c.rating) for c in n.choices),
        )
        for n in spec.nodes
    ]
    assert graph.validate_graph(nodes) == []
    assert len(nodes) >= 12
    assert sum(n.kind == graph.ENDING for n in nodes) >= 3
    assert graph.longest_decision_depth(nodes) >= 5
    assert graph.child_focused_path(nodes).steps[-1].to_key.startswith("end-in-time")


def path_to(page, ending_key):
    """Choice ids along the fewest-steps route from the start to ``ending_key``."""
    nodes = page.nodes_by_key
    start = page.start_node.key
    queue = deque([(start, [])])
    seen = {start}
    while queue:
        key, steps = queue.popleft()
        if key == ending_key:
            return steps
        for choice in nodes[key].choices.all():
            if choice.target_key not in seen:
                seen.add(choice.target_key)
                queue.append((choice.target_key, [*steps, (key, choice.pk)]))
    raise AssertionError(f"no path to {ending_key}")


def test_a_learner_plays_every_demo_scenario_to_every_ending(client, learner, demo):
    client.force_login(learner)
    for page in demo.values():
        endings = [n for n in page.nodes_by_key.values() if n.is_ending]
        for ending in endings:
            client.post(reverse("scenario_start", args=[page.pk]))
            attempt = ScenarioAttempt.objects.latest("pk")
            for step, (at, choice) in enumerate(path_to(page, ending.key)):
                html = client.get(reverse("scenario_attempt", args=[attempt.pk])).content.decode()
                assert "The child&#x27;s clock" in html or "The child's clock" in html
                client.post(
                    reverse("scenario_move", args=[attempt.pk]),
                    {"at": at, "step": step, "choice": choice},
                )
            attempt.refresh_from_db()
            assert attempt.ending_key == ending.key, (page.slug, ending.key)
            response = client.get(reverse("scenario_debrief", args=[attempt.pk]))
            assert response.status_code == 200
            assert ending.title in response.content.decode()
