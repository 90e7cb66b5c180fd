"""My learning lists the case scenarios a learner left part-way (to continue where they
stopped) and the ones they finished (with the debrief), and only their own."""

import pytest
from django.urls import reverse

from tests.scenarios.factories import make_scenario, small_spec
from tests.scenarios.test_player import choice_id, choose, start

pytestmark = pytest.mark.django_db


@pytest.fixture
def scenario(home_page):
    return make_scenario(home_page)


def panel_html(client) -> str:
    html = client.get(reverse("my_learning")).content.decode()
    start_at = html.index('id="scenarios-panel-heading"')
    return html[start_at : html.index("</section>", start_at)]


def test_a_scenario_left_part_way_can_be_continued_from_my_learning(client, learner, scenario):
    client.force_login(learner)
    assert "You have not started a case scenario yet." in panel_html(client)
    attempt = start(client, scenario)
    choose(client, attempt, "start", choice_id(scenario, "start", "Give the family time"))
    html = panel_html(client)
    continue_url = reverse("scenario_attempt", args=[attempt.pk])
    assert f'href="{continue_url}">Continue: {scenario.title}</a>' in html
    assert "1 decision made; the child has waited 6 weeks." in html
    assert "Debrief" not in html


def test_a_finished_scenario_links_to_its_debrief_and_a_replay_in_progress_shows_too(
    client, learner, scenario
):
    client.force_login(learner)
    first = start(client, scenario)
    choose(client, first, "start", choice_id(scenario, "start", "Give the family time"))
    choose(client, first, "wait", choice_id(scenario, "wait", "Continue"))
    choose(client, first, "relapse", choice_id(scenario, "relapse", "Accept her explanation"))
    html = panel_html(client)
    assert f'href="{reverse("scenario_debrief", args=[first.pk])}"' in html
    assert "You have no case scenarios in progress." in html

    again = start(client, scenario)
    html = panel_html(client)
    assert f'href="{reverse("scenario_attempt", args=[again.pk])}">Continue:' in html
    assert f'href="{reverse("scenario_debrief", args=[first.pk])}"' in html


def test_only_the_learners_own_live_scenarios_are_listed(
    client, learner, other_learner, home_page, scenario
):
    client.force_login(other_learner)
    start(client, scenario)
    client.force_login(learner)
    assert "You have not started a case scenario yet." in panel_html(client)

    withdrawn = make_scenario(home_page, small_spec(slug="withdrawn", title="Withdrawn case"))
    start(client, withdrawn)
    assert "Continue: Withdrawn case" in panel_html(client)
    withdrawn.unpublish()
    assert "Withdrawn case" not in panel_html(client)


def test_my_learning_reads_scenarios_in_one_query_whatever_the_history(
    client, learner, scenario, django_assert_max_num_queries
):
    client.force_login(learner)
    start(client, scenario)
    client.get(reverse("my_learning"))
    with django_assert_max_num_queries(40) as few:
        client.get(reverse("my_learning"))
    baseline = len(few.captured_queries)
    for _ in range(5):
        start(client, scenario)
    client.get(reverse("my_learning"))
    with django_assert_max_num_queries(baseline):
        client.get(reverse("my_learning"))
