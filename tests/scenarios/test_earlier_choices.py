"""Conditions on an earlier choice itself (issue 16, item 4): a choice can be shown only
if, or only unless, a named earlier choice was made in this play-through, with no fact
set for it. Named "chose:<node key>/<label as a slug>"; the rules, the player, the
editor, the trial player and Twee treat it as they treat facts."""

import pytest
from django.urls import reverse

from scenarios import graph
from scenarios.models import ScenarioAttempt, ScenarioPage
from scenarios.spec import create_or_update_scenario, spec_graph_nodes
from tests.scenarios.admin_forms import editor_post_data
from tests.scenarios.factories import (
    conditional_spec,
    make_index,
    make_scenario,
    twee_round_trip,
)
from tests.scenarios.test_player import choice_id, choose, start

pytestmark = pytest.mark.django_db

SAW_KAI = "chose:first-visit/see-kai-alone"


def choice_spec():
    """The conditional scenario with no facts: the conference's choices name the first
    visit's choice itself."""
    spec = conditional_spec(slug="earlier-choice", title="Earlier choice")
    spec.nodes[0].choices[0].sets = []
    spec.nodes[1].choices[0].requires = [SAW_KAI]
    spec.nodes[1].choices[1].unless = [SAW_KAI]
    return spec


def codes(spec):
    return [
        (e.code, e.node, e.choice, e.field) for e in graph.validate_graph(spec_graph_nodes(spec))
    ]


def test_a_choice_is_named_by_its_node_and_label():
    assert graph.choice_name("first-visit", "See Kai alone") == SAW_KAI
    assert graph.is_condition_name(SAW_KAI) and not graph.is_condition_name("chose:nowhere")


def test_a_scenario_branching_on_an_earlier_choice_is_valid():
    assert codes(choice_spec()) == []


def test_naming_a_choice_that_does_not_exist_is_an_error_on_that_field():
    spec = choice_spec()
    spec.nodes[1].choices[0].requires = ["chose:first-visit/see-kai-alone-today"]
    errors = [
        e for e in graph.validate_graph(spec_graph_nodes(spec)) if e.code == graph.UNKNOWN_FACT
    ]
    assert [(e.node, e.choice, e.field) for e in errors] == [(1, 0, "requires_facts")]
    assert "No choice in this scenario is “chose:first-visit/see-kai-alone-today”" in (
        errors[0].message
    )


def test_a_node_no_history_reaches_is_flagged_with_choice_conditions():
    spec = choice_spec()
    # "Tell them" needs the learner to have seen Kai alone and also not: nobody.
    spec.nodes[1].choices[0].unless = [SAW_KAI]
    assert (graph.NO_HISTORY_REACHES, 2, None, "key") in codes(spec)


def test_a_decision_where_some_history_has_no_choice_is_flagged():
    spec = choice_spec()
    del spec.nodes[1].choices[2]
    spec.nodes[1].choices[1].unless = []
    spec.nodes[1].choices[1].requires = [SAW_KAI]  # a learner who talked to the parents: none
    assert [(c, n) for c, n, _, _ in codes(spec) if c == graph.NO_CHOICE_OPEN] == [
        (graph.NO_CHOICE_OPEN, 1)
    ]


@pytest.fixture
def scenario(home_page):
    return make_scenario(home_page, choice_spec())


def test_the_player_shows_choices_by_the_learners_earlier_choice(client, learner, scenario):
    client.force_login(learner)
    attempt = start(client, scenario)
    choose(client, attempt, "first-visit", choice_id(scenario, "first-visit", "See Kai alone"))
    html = client.get(reverse("scenario_attempt", args=[attempt.pk])).content.decode()
    assert "Tell them what Kai told you" in html and "Ask to see Kai alone now" not in html

    other = start(client, scenario)
    choose(
        client, other, "first-visit", choice_id(scenario, "first-visit", "Talk to his parents only")
    )
    html = client.get(reverse("scenario_attempt", args=[other.pk])).content.decode()
    assert "Tell them what Kai told you" not in html and "Ask to see Kai alone now" in html


def test_a_forged_post_for_a_choice_hidden_by_an_earlier_choice_is_refused(
    client, learner, scenario
):
    client.force_login(learner)
    attempt = start(client, scenario)
    choose(client, attempt, "first-visit", choice_id(scenario, "first-visit", "See Kai alone"))
    hidden = choice_id(scenario, "conference", "Ask to see Kai alone now")
    response = choose(client, attempt, "conference", hidden, follow=True)
    assert "That choice is not open to you at this point in the case" in response.content.decode()
    attempt = ScenarioAttempt.objects.get(pk=attempt.pk)
    assert (attempt.current_node_key, attempt.step) == ("conference", 1)


def test_the_editor_saves_a_condition_on_an_earlier_choice_and_offers_the_names(
    client, trainer, home_page
):
    page = create_or_update_scenario(make_index(home_page), conditional_spec(), publish=False)
    client.force_login(trainer)
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    html = client.get(url).content.decode()
    # Suggested as the trainer types: the facts, and each choice in words.
    assert '<datalist id="scenario-condition-names">' in html
    assert f'<option value="{SAW_KAI}">took “See Kai alone” at “First visit”</option>' in html
    assert 'name="nodes-1-choices-0-requires_facts"' in html
    assert 'list="scenario-condition-names"' in html

    response = client.post(
        url, editor_post_data(choice_spec(), page, **{"action-publish": "action-publish"})
    )
    assert response.status_code == 302, response.context["form"].errors
    page = ScenarioPage.objects.get(pk=page.pk)
    assert page.live
    assert page.nodes.get(key="conference").choices.all()[0].requires_facts == SAW_KAI


def test_a_renamed_node_takes_the_conditions_naming_its_choices(client, trainer, home_page):
    page = create_or_update_scenario(make_index(home_page), choice_spec(), publish=False)
    client.force_login(trainer)
    data = editor_post_data(choice_spec(), page)
    data["nodes-0-key"] = "home-visit"
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302, response.context["form"].errors
    page.refresh_from_db()
    conference = page.get_latest_revision_as_object().node_list()[1]
    assert conference.choices.all()[0].requires_facts == "chose:home-visit/see-kai-alone"
    assert conference.choices.all()[1].unless_facts == "chose:home-visit/see-kai-alone"


def test_the_trial_player_carries_the_choice_made(client, trainer, scenario):
    client.force_login(trainer)
    play = reverse("scenarios_admin_play", args=[scenario.pk])
    html = client.get(play).content.decode()
    assert f"facts={SAW_KAI.replace(':', '%3A').replace('/', '%2F')}" in html
    html = client.get(play, {"at": "conference", "facts": SAW_KAI}).content.decode()
    assert "What holds: took “See Kai alone” at “First visit”." in html
    shown = html[html.index("scenario-trial-choices") : html.index("scenario-trial-hidden")]
    assert "Tell them what Kai told you" in shown and "Ask to see Kai alone now" not in shown


def test_conditions_on_earlier_choices_round_trip_through_twee(home_page):
    text, before, after = twee_round_trip(home_page, make_scenario(home_page, choice_spec()))
    assert f'"link1_requires":"{SAW_KAI}"' in text
    assert after == before


def test_a_node_renamed_on_its_own_screen_takes_those_conditions(client, trainer, home_page):
    page = create_or_update_scenario(make_index(home_page), choice_spec(), publish=False)
    client.force_login(trainer)
    from tests.scenarios.test_node_screen import node_post_data

    url = reverse("scenarios_admin_node", args=[page.pk, 0])
    response = client.post(url, node_post_data(page, 0, key="home-visit"))
    assert response.status_code == 302, response.context["form"].errors
    page.refresh_from_db()
    conference = page.get_latest_revision_as_object().node_list()[1]
    assert conference.choices.all()[0].requires_facts == "chose:home-visit/see-kai-alone"
    assert graph.validate_graph(page.get_latest_revision_as_object().graph_nodes()) == []


def test_on_its_own_screen_a_condition_may_name_a_choice_made_elsewhere(client, trainer, scenario):
    from tests.scenarios.test_node_screen import node_post_data

    client.force_login(trainer)
    url = reverse("scenarios_admin_node", args=[scenario.pk, 1])
    data = node_post_data(scenario, 1)
    data["choices-2-unless_facts"] = "chose:first-visit/talk-to-his-parents-only"
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].formsets["choices"].errors
    data = node_post_data(scenario, 1)
    data["choices-2-unless_facts"] = "chose:first-visit/talk-to-the-parents"
    response = client.post(url, data)
    assert response.status_code == 200
    assert "No choice in this scenario is “chose:first-visit/talk-to-the-parents”" in (
        response.content.decode()
    )
