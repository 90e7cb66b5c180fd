"""Conditional choices: facts set by earlier choices decide which choices a learner sees.

The graph rules follow play-throughs (not just edges), the player shows only open choices
and refuses a forged one, the editor puts an unknown fact on its field, and Twee keeps
conditions as flat link metadata.
"""

import copy
from dataclasses import replace

import pytest
from django.urls import reverse

from scenarios import graph
from scenarios.graph import ChoiceData, NodeData
from scenarios.models import ScenarioAttempt, ScenarioDecision, ScenarioPage
from scenarios.spec import create_or_update_scenario, spec_from_page, spec_graph_nodes
from scenarios.twee import TweeError, import_twee, parse_twee
from tests.scenarios.admin_forms import editor_post_data
from tests.scenarios.factories import (
    conditional_spec,
    make_index,
    make_scenario,
    twee_round_trip,
)
from tests.scenarios.test_player import choice_id, choose, start
from tests.scenarios.test_twee import story


def nodes_of(spec=None) -> list[NodeData]:
    return spec_graph_nodes(spec or conditional_spec())


def codes(nodes) -> list[tuple[str, int | None, int | None, str | None]]:
    return [(e.code, e.node, e.choice, e.field) for e in graph.validate_graph(nodes)]


# --- the graph rules ------------------------------------------------------------------------
def test_a_scenario_with_conditions_that_every_history_can_play_is_valid():
    assert graph.validate_graph(nodes_of()) == []


def test_a_condition_naming_a_fact_no_choice_sets_is_an_error_on_that_field():
    spec = conditional_spec()
    spec.nodes[1].choices[0].requires = ["saw-child-alon"]
    spec.nodes[1].choices[1].unless = ["saw-child-alone", "police-called"]
    errors = [e for e in graph.validate_graph(nodes_of(spec)) if e.code == graph.UNKNOWN_FACT]
    assert [(e.node, e.choice, e.field) for e in errors] == [
        (1, 0, "requires_facts"),
        (1, 1, "unless_facts"),
    ]
    assert "No choice in this scenario sets “saw-child-alon”." in errors[0].message
    assert "“police-called”" in errors[1].message and "saw-child-alone”." not in errors[1].message


def test_a_node_only_a_contradictory_history_reaches_is_flagged():
    spec = conditional_spec()
    # Kai is safe only for a learner who saw him alone and also did not: nobody.
    spec.nodes[1].choices[0].unless = ["saw-child-alone"]
    found = codes(nodes_of(spec))
    assert (graph.NO_HISTORY_REACHES, 2, None, "key") in found
    # The plain rule ("no path reaches this node") is not said as well: a path exists.
    assert not any(code == graph.UNREACHABLE for code, *_ in found)


def test_a_decision_that_leaves_some_history_with_no_choice_is_flagged():
    spec = conditional_spec()
    # Without the neutral "accept" choice, a learner who saw Kai alone has only "tell",
    # and one who did not has only "ask"; now make "ask" need the fact too.
    del spec.nodes[1].choices[2]
    spec.nodes[1].choices[1].unless = []
    spec.nodes[1].choices[1].requires = ["saw-child-alone"]
    errors = [e for e in graph.validate_graph(nodes_of(spec)) if e.code == graph.NO_CHOICE_OPEN]
    assert [(e.node, e.field) for e in errors] == [(1, "kind")]
    assert "when none of the facts the conditions test holds" in errors[0].message


def test_a_history_caught_in_a_loop_with_no_way_out_is_flagged():
    nodes = [
        NodeData(
            "start",
            graph.DECISION,
            is_start=True,
            choices=(
                ChoiceData("Visit", "home", 1, sets=("visited",)),
                ChoiceData("Phone", "home", 0),
            ),
        ),
        NodeData(
            "home",
            graph.INFORMATION,
            choices=(
                ChoiceData("Act", "end", 1, requires=("visited",)),
                ChoiceData("Wait and look again", "again", 1),
            ),
        ),
        NodeData("again", graph.INFORMATION, choices=(ChoiceData("Back", "home", 1),)),
        NodeData("end", graph.ENDING, outcome=graph.PROTECTED_IN_TIME),
    ]
    found = [e for e in graph.validate_graph(nodes) if e.code == graph.STUCK_AFTER_HISTORY]
    assert [e.node for e in found] == [1, 2]
    assert "when none of the facts the conditions test holds" in found[0].message


def test_graphs_without_conditions_are_not_searched_by_history():
    plain = [replace(n, choices=tuple(replace(c, sets=()) for c in n.choices)) for n in nodes_of()]
    plain = [
        replace(n, choices=tuple(replace(c, requires=(), unless=()) for c in n.choices))
        for n in plain
    ]
    assert graph._Graph.of(plain).histories is None
    assert graph.validate_graph(plain) == []


def test_the_search_is_bounded_and_says_nothing_past_its_bound():
    # Twelve facts, each set by one of two choices on a chain of twelve decisions: 2^12
    # histories reach the last node.
    nodes = []
    for i in range(12):
        nodes.append(
            NodeData(
                f"n{i}",
                graph.DECISION,
                is_start=i == 0,
                choices=(
                    ChoiceData("yes", f"n{i + 1}", 1, sets=(f"f{i}",)),
                    ChoiceData("no", f"n{i + 1}", 1),
                ),
            )
        )
    nodes.append(
        NodeData(
            "n12",
            graph.DECISION,
            choices=(
                ChoiceData("all", "end", requires=tuple(f"f{i}" for i in range(12))),
                ChoiceData("any", "end", unless=("f0",)),
            ),
        )
    )
    nodes.append(NodeData("end", graph.ENDING, outcome=graph.PROTECTED_IN_TIME))
    by_key = {n.key: n for n in nodes}
    full = graph.explore_histories(by_key, "n0")
    # 2^i fact sets at the i-th decision, 2^12 at the last, and at the ending: every fact
    # ("all") or any set without f0 ("any").
    assert full.complete and len(full.next_states) == (2**12 - 1) + 2**12 + (1 + 2**11)
    # Some histories (f0 set, not every fact) are left with no choice at the last node.
    assert [e.code for e in graph.validate_graph(nodes)] == [graph.NO_CHOICE_OPEN]
    assert not graph.explore_histories(by_key, "n0", limit=100).complete


def test_the_quickest_route_takes_only_choices_open_when_taken():
    spec = conditional_spec()
    spec.nodes[0].choices[1].rating = ""  # a neutral 1-week phone call, then "tell": 2 weeks
    path = graph.strictly_child_focused_path(nodes_of(spec))
    assert [s.choice.label for s in path.steps] == [
        "See Kai alone",
        "Tell them what Kai told you",
    ]
    assert path.weeks == 3
    routes = {(r.keys, r.weeks) for r in graph.every_route(nodes_of())}
    assert routes == {
        (("first-visit", "conference", "end-good"), 3),
        (("first-visit", "conference", "end-bad"), 12),
        (("first-visit", "conference", "end-late"), 9),
        (("first-visit", "conference", "end-bad"), 11),
    }


# --- the player -----------------------------------------------------------------------------
@pytest.fixture
def scenario(home_page):
    return make_scenario(home_page, conditional_spec())


def shown(client, attempt) -> str:
    return client.get(reverse("scenario_attempt", args=[attempt.pk])).content.decode()


def test_the_player_shows_only_the_choices_the_learners_history_opens(client, learner, scenario):
    client.force_login(learner)
    attempt = start(client, scenario)
    choose(client, attempt, "first-visit", choice_id(scenario, "first-visit", "See Kai alone"))
    html = shown(client, attempt)
    assert "Tell them what Kai told you" in html and "Ask to see Kai alone now" not in html
    assert ScenarioDecision.objects.get(attempt=attempt).facts_set == "saw-child-alone"

    other = start(client, scenario)
    choose(
        client, other, "first-visit", choice_id(scenario, "first-visit", "Talk to his parents only")
    )
    html = shown(client, other)
    assert "Tell them what Kai told you" not in html and "Ask to see Kai alone now" in html
    assert "Accept the parents&#x27; account" in html


def test_a_forged_post_for_a_hidden_choice_is_refused_and_changes_nothing(
    client, learner, scenario
):
    client.force_login(learner)
    attempt = start(client, scenario)
    choose(
        client,
        attempt,
        "first-visit",
        choice_id(scenario, "first-visit", "Talk to his parents only"),
    )
    hidden = choice_id(scenario, "conference", "Tell them what Kai told you")
    response = choose(client, attempt, "conference", hidden, follow=True)
    assert "That choice is not open to you at this point in the case" in response.content.decode()
    attempt = ScenarioAttempt.objects.get(pk=attempt.pk)
    assert (attempt.current_node_key, attempt.step, attempt.weeks_elapsed) == ("conference", 1, 1)
    assert attempt.decisions.count() == 1 and not attempt.is_complete


# --- the editor -----------------------------------------------------------------------------
PUBLISH = {"action-publish": "action-publish"}


def submit_editor(client, trainer, home_page, change, **extra):
    """A draft of the conditional scenario, and the editor's response to ``change`` on it."""
    page = create_or_update_scenario(make_index(home_page), conditional_spec(), publish=False)
    spec = conditional_spec()
    change(spec)
    client.force_login(trainer)
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    return page, client.post(url, editor_post_data(spec, page, **extra))


def choice_form(response, node: int, choice: int):
    return response.context["form"].formsets["nodes"].forms[node].formsets["choices"].forms[choice]


def test_publishing_with_an_unknown_fact_puts_the_error_on_that_field(client, trainer, home_page):
    def misspell(spec):
        spec.nodes[1].choices[0].requires = ["saw-kai-alone"]

    page, response = submit_editor(client, trainer, home_page, misspell, **PUBLISH)
    assert response.status_code == 200
    errors = choice_form(response, 1, 0).errors["requires_facts"]
    assert "No choice in this scenario sets “saw-kai-alone”" in errors[0]
    # What the trainer typed is kept.
    assert 'value="saw-kai-alone"' in response.content.decode()
    page.refresh_from_db()
    assert not page.live


def test_a_draft_with_an_unknown_fact_is_refused_on_that_field(client, trainer, home_page):
    def misspell(spec):
        spec.nodes[1].choices[1].unless = ["saw-kai-alone"]

    page, response = submit_editor(client, trainer, home_page, misspell)
    assert response.status_code == 200
    errors = choice_form(response, 1, 1).errors["unless_facts"]
    assert "No choice in this scenario sets “saw-kai-alone”" in errors[0]
    assert 'value="saw-kai-alone"' in response.content.decode()
    # Nothing else about the unfinished draft is held against it.
    assert response.context["form"].non_field_errors() == []
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().node_list()[1].choices.all()[1].unless_facts == (
        "saw-child-alone"
    )


def test_a_draft_whose_facts_are_all_set_somewhere_saves(client, trainer, home_page):
    def unfinished(spec):
        spec.nodes[1].choices = spec.nodes[1].choices[:1]  # one choice: not publishable

    page, response = submit_editor(client, trainer, home_page, unfinished)
    assert response.status_code == 302


def test_a_fact_name_that_is_not_lower_case_words_is_refused_on_its_field(
    client, trainer, home_page
):
    def shout(spec):
        spec.nodes[0].choices[0].sets = ["Saw Kai!"]

    _page, response = submit_editor(client, trainer, home_page, shout)
    assert "Not valid: “Saw”, “Kai!”." in choice_form(response, 0, 0).errors["sets_facts"][0]


def test_conditions_are_saved_from_the_editor_and_published(client, trainer, home_page):
    def hide_accepting(spec):
        spec.nodes[1].choices[2].unless = ["saw-child-alone"]

    page, response = submit_editor(client, trainer, home_page, hide_accepting, **PUBLISH)
    assert response.status_code == 302
    page = ScenarioPage.objects.get(pk=page.pk)
    assert page.live
    assert page.nodes.get(key="conference").choices.all()[2].unless_facts == "saw-child-alone"


# --- Twee -----------------------------------------------------------------------------------
def test_conditions_round_trip_through_twee_as_flat_link_metadata(home_page):
    text, before, after = twee_round_trip(home_page, make_scenario(home_page, conditional_spec()))
    assert '"link1_sets":"saw-child-alone"' in text
    assert '"link1_requires":"saw-child-alone","link2_weeks":8' in text
    assert '"link2_unless":"saw-child-alone"' in text
    assert after == before
    assert after["nodes"][1]["choices"][0]["requires"] == ["saw-child-alone"]


@pytest.mark.parametrize("value", ['"Saw Kai"', "3"])
def test_a_link_with_facts_that_are_not_fact_names_is_refused_naming_the_line(value):
    source = story(
        ':: Start [decision] {"link1_sets":' + value + "}",
        "[[Go->End]]",
        "[[Stay->End]]",
        "",
        ":: End [ending outcome-protected-in-time]",
        "Done.",
    )
    with pytest.raises(TweeError) as refused:
        parse_twee(source)
    assert refused.value.line == 8
    assert "The facts of the link “Go” must be text" in refused.value.message


def test_conditions_in_a_twee_file_are_checked_like_the_editors(home_page):
    source = story(
        ':: Start [decision] {"link1_requires":"saw-child-alone"}',
        "[[See Kai->End]]",
        "[[Wait->End]]",
        "",
        ":: End [ending outcome-protected-in-time]",
        "Done.",
    )
    page, warnings = import_twee(source, make_index(home_page))
    assert not page.live
    assert any("“Start”" in w and "No choice in this scenario sets" in w for w in warnings)
    spec = copy.deepcopy(spec_from_page(page))
    assert spec.nodes[0].choices[0].requires == ["saw-child-alone"]
