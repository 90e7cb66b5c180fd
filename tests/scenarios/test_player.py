"""The player: real edges only, progress on the server, resume and restart, debrief."""

import contextlib
import html as html_text
import re

import pytest
from django.urls import NoReverseMatch, reverse

from scenarios.models import ScenarioAttempt, ScenarioDecision
from scenarios.services import completed_scenario_ids, has_completed_scenario
from tests.scenarios.factories import make_scenario, small_spec

pytestmark = pytest.mark.django_db


@pytest.fixture
def scenario(home_page):
    return make_scenario(home_page)


def start(client, scenario) -> ScenarioAttempt:
    response = client.post(reverse("scenario_start", args=[scenario.pk]))
    attempt = ScenarioAttempt.objects.latest("pk")
    assert response.url == reverse("scenario_attempt", args=[attempt.pk])
    return attempt


def choice_id(scenario, node_key, label):
    node = scenario.nodes.get(key=node_key)
    return next(c.pk for c in node.choices.all() if c.label == label)


def choose(client, attempt, at, choice, step=None, follow=False):
    if step is None:
        step = ScenarioAttempt.objects.get(pk=attempt.pk).step
    return client.post(
        reverse("scenario_move", args=[attempt.pk]),
        {"at": at, "step": step, "choice": choice},
        follow=follow,
    )


def test_learner_plays_to_an_ending_and_sees_the_clock_and_record(client, learner, scenario):
    client.force_login(learner)
    attempt = start(client, scenario)
    page = client.get(reverse("scenario_attempt", args=[attempt.pk])).content.decode()
    assert "First visit" in page and "no time yet" in page
    assert "Referral from school: child hungry." in page
    assert "I&#x27;m always hungry at school." in page

    response = choose(
        client, attempt, "start", choice_id(scenario, "start", "Give the family time"), follow=True
    )
    html = response.content.decode()
    assert "You chose: Give the family time" in html and "The child waited." in html
    assert "6 weeks" in html and "No change after six weeks." in html

    choose(client, attempt, "wait", choice_id(scenario, "wait", "Continue"))
    response = choose(
        client, attempt, "relapse", choice_id(scenario, "relapse", "Accept her explanation")
    )
    attempt.refresh_from_db()
    assert response.url == reverse("scenario_debrief", args=[attempt.pk])
    assert attempt.is_complete and attempt.ending_key == "end-bad"
    assert attempt.weeks_elapsed == 20
    assert list(attempt.decisions.values_list("to_node_key", "weeks", "rating")) == [
        ("wait", 6, "optimistic"),
        ("relapse", 4, ""),
        ("end-bad", 10, "collusive"),
    ]


def test_a_choice_from_another_node_is_refused(client, learner, scenario):
    client.force_login(learner)
    attempt = start(client, scenario)
    forged = choice_id(scenario, "assess", "Convene a strategy meeting")
    response = choose(client, attempt, "start", forged, follow=True)
    assert "not one of the choices here" in response.content.decode()
    attempt.refresh_from_db()
    assert (attempt.current_node_key, attempt.step, attempt.weeks_elapsed) == ("start", 0, 0)
    assert not ScenarioDecision.objects.exists()


def test_nonsense_choice_and_claimed_position_change_nothing(client, learner, scenario):
    client.force_login(learner)
    attempt = start(client, scenario)
    response = choose(client, attempt, "start", "not-a-number", follow=True)
    assert "not one of the choices here" in response.content.decode()
    # Claiming to be at a node the learner has not reached.
    response = choose(
        client,
        attempt,
        "assess",
        choice_id(scenario, "assess", "Convene a strategy meeting"),
        follow=True,
    )
    assert "earlier point in the scenario" in response.content.decode()
    assert not ScenarioDecision.objects.exists()


def test_a_replayed_move_is_recorded_once(client, learner, scenario):
    client.force_login(learner)
    attempt = start(client, scenario)
    chosen = choice_id(scenario, "start", "Start an assessment now")
    choose(client, attempt, "start", chosen, step=0)
    response = choose(client, attempt, "start", chosen, step=0, follow=True)
    assert "not recorded" in response.content.decode()
    attempt.refresh_from_db()
    assert (attempt.current_node_key, attempt.step, attempt.weeks_elapsed) == ("assess", 1, 2)
    assert ScenarioDecision.objects.count() == 1


@pytest.mark.parametrize("step", ["²", "9" * 5000, "-1", "", "0 OR 1=1"])
def test_a_step_that_is_not_a_number_is_refused_as_stale(client, learner, scenario, step):
    client.force_login(learner)
    attempt = start(client, scenario)
    chosen = choice_id(scenario, "start", "Start an assessment now")
    response = choose(client, attempt, "start", chosen, step=step, follow=True)
    assert response.status_code == 200
    assert "earlier point in the scenario" in response.content.decode()
    assert not ScenarioDecision.objects.exists()


def test_a_finished_attempt_takes_no_more_moves(client, learner, scenario):
    client.force_login(learner)
    attempt = start(client, scenario)
    choose(client, attempt, "start", choice_id(scenario, "start", "Start an assessment now"))
    choose(client, attempt, "assess", choice_id(scenario, "assess", "Convene a strategy meeting"))
    response = choose(
        client,
        attempt,
        "end-good",
        choice_id(scenario, "start", "Give the family time"),
        step=2,
        follow=True,
    )
    assert "This attempt has finished" in response.content.decode()
    assert ScenarioDecision.objects.count() == 2


def test_moves_must_be_posted(client, learner, scenario):
    client.force_login(learner)
    attempt = start(client, scenario)
    assert client.get(reverse("scenario_move", args=[attempt.pk])).status_code == 405
    assert client.get(reverse("scenario_start", args=[scenario.pk])).status_code == 405


def test_another_learners_attempt_is_not_found(client, learner, other_learner, scenario):
    client.force_login(learner)
    attempt = start(client, scenario)
    client.force_login(other_learner)
    assert client.get(reverse("scenario_attempt", args=[attempt.pk])).status_code == 404
    assert client.get(reverse("scenario_debrief", args=[attempt.pk])).status_code == 404
    chosen = choice_id(scenario, "start", "Start an assessment now")
    assert choose(client, attempt, "start", chosen, step=0).status_code == 404
    attempt.refresh_from_db()
    assert attempt.step == 0


def test_resume_and_restart_keep_earlier_attempts(client, learner, scenario):
    client.force_login(learner)
    first = start(client, scenario)
    choose(client, first, "start", choice_id(scenario, "start", "Give the family time"))
    html = client.get(scenario.url).content.decode()
    assert "Continue where you left off" in html
    assert reverse("scenario_attempt", args=[first.pk]) in html
    second = start(client, scenario)
    assert second.pk != first.pk and second.current_node_key == "start"
    first.refresh_from_db()
    assert (first.current_node_key, first.step) == ("wait", 1)
    # The old attempt still plays on from where it was.
    html = client.get(reverse("scenario_attempt", args=[first.pk])).content.decode()
    assert "Six weeks later" in html


def test_debrief_compares_paths_and_names_concepts(client, learner, scenario):
    client.force_login(learner)
    attempt = start(client, scenario)
    choose(client, attempt, "start", choice_id(scenario, "start", "Give the family time"))
    choose(client, attempt, "wait", choice_id(scenario, "wait", "Continue"))
    choose(client, attempt, "relapse", choice_id(scenario, "relapse", "Escalate now"))
    response = client.get(reverse("scenario_debrief", args=[attempt.pk]))
    html = response.content.decode()
    debrief = response.context["debrief"]
    assert debrief.weeks_waited == 13 and debrief.child_focused_weeks == 3
    assert "10 more weeks" in html
    assert [s["label"] for s in debrief.child_focused_steps] == [
        "Start an assessment now",
        "Convene a strategy meeting",
    ]
    # A decision tests every concept of its node: at the relapse, escalating recognised
    # the disguised compliance another option there would have accepted; at the first
    # visit, giving the family time missed seeing the child as well as the optimism.
    assert sorted(c.slug for c in debrief.recognised) == [
        "disguised-compliance",
        "escalation-and-challenge",
    ]
    assert sorted(c.slug for c in debrief.missed) == ["childs-voice", "rule-of-optimism"]
    assert "The rule of optimism" in html and "Escalation and challenge" in html
    assert "What will you do differently" in html or scenario.reflection_prompt[:30] in html
    try:
        journal_url = reverse("journal_new")
    except NoReverseMatch:
        assert 'name="body"' not in html
    else:
        assert f'action="{journal_url}"' in html and 'name="body"' in html
        assert 'name="source_label" value="Scenario: A test case"' in html


def test_debrief_waits_for_an_ending(client, learner, scenario):
    client.force_login(learner)
    attempt = start(client, scenario)
    response = client.get(reverse("scenario_debrief", args=[attempt.pk]))
    assert response.url == reverse("scenario_attempt", args=[attempt.pk])


def test_debrief_links_digests_on_the_concepts(client, learner, scenario, monkeypatch):
    """The research_digest contract: digests_for_concepts(slugs) -> live digest pages."""
    from wagtail.models import Page

    import research_digest.services as digest_services

    calls = []

    def fake_digests(slugs):
        calls.append(list(slugs))
        return Page.objects.filter(pk=scenario.pk)

    monkeypatch.setattr(digest_services, "digests_for_concepts", fake_digests)
    client.force_login(learner)
    attempt = start(client, scenario)
    choose(client, attempt, "start", choice_id(scenario, "start", "Start an assessment now"))
    choose(
        client, attempt, "assess", choice_id(scenario, "assess", "Close and refer to early help")
    )
    html = client.get(reverse("scenario_debrief", args=[attempt.pk])).content.decode()
    assert ["drift-and-delay"] in calls and ["childs-voice"] in calls
    assert f'href="{scenario.url}"' in html


def test_completion_contract_for_modules(client, learner, home_page, django_assert_num_queries):
    first = make_scenario(home_page)
    second = make_scenario(home_page, small_spec(slug="second", title="Second"))
    client.force_login(learner)
    attempt = start(client, first)
    assert not has_completed_scenario(learner, first)
    choose(client, attempt, "start", choice_id(first, "start", "Start an assessment now"))
    choose(client, attempt, "assess", choice_id(first, "assess", "Convene a strategy meeting"))
    assert has_completed_scenario(learner, first)
    assert not has_completed_scenario(learner, second)
    with django_assert_num_queries(1):
        assert completed_scenario_ids(learner, [first.pk, second.pk]) == {first.pk}


def test_the_reflection_goes_to_the_journal_and_back(client, learner, scenario):
    client.force_login(learner)
    attempt = start(client, scenario)
    choose(client, attempt, "start", choice_id(scenario, "start", "Start an assessment now"))
    choose(client, attempt, "assess", choice_id(scenario, "assess", "Convene a strategy meeting"))
    debrief_path = reverse("scenario_debrief", args=[attempt.pk])
    response = client.get(debrief_path)
    html = response.content.decode()
    assert 'name="next" value="' + debrief_path + '"' in html
    response = client.post(
        reverse("journal_new"),
        {
            "body": "I will read the chronology first.",
            "title": "Reflection on “A test case”",
            "prompt": scenario.reflection_prompt,
            "source_label": "Scenario: A test case",
            "source_url": "http://testserver" + debrief_path,
            "next": debrief_path,
        },
    )
    assert response.status_code == 302 and response.url == debrief_path


def test_the_debrief_reflection_sent_twice_makes_one_journal_entry(client, learner, scenario):
    from courses.models import JournalEntry

    client.force_login(learner)
    attempt = start(client, scenario)
    choose(client, attempt, "start", choice_id(scenario, "start", "Start an assessment now"))
    choose(client, attempt, "assess", choice_id(scenario, "assess", "Convene a strategy meeting"))
    debrief_path = reverse("scenario_debrief", args=[attempt.pk])
    html = client.get(debrief_path).content.decode()
    form = html[html.index('class="scenario-reflection"') :]
    form = form[: form.index("</form>")]
    sent = {
        name: html_text.unescape(value)
        for name, value in re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', form)
    }
    assert len(sent["submission_key"]) >= 32
    sent["body"] = "I will read the chronology first."
    first = client.post(reverse("journal_new"), sent)
    again = client.post(reverse("journal_new"), sent, follow=True)
    [entry] = JournalEntry.objects.filter(author=learner)
    assert first.url == debrief_path
    assert "This entry is already saved in your journal." in again.content.decode()
    # The next visit to the debrief draws a new key, for a second, different reflection.
    assert sent["submission_key"] not in client.get(debrief_path).content.decode()
    assert entry.source_label == "Scenario: A test case"


def test_player_and_debrief_queries_do_not_grow_with_the_path(client, learner, scenario):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(learner)
    short, long = start(client, scenario), start(client, scenario)
    choose(client, short, "start", choice_id(scenario, "start", "Give the family time"))
    for at, label in (("start", "Give the family time"), ("wait", "Continue")):
        choose(client, long, at, choice_id(scenario, at, label))

    def count(url):
        client.get(url)  # warm the per-process caches (site root, content types)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    assert count(reverse("scenario_attempt", args=[short.pk])) == count(
        reverse("scenario_attempt", args=[long.pk])
    )
    choose(client, short, "wait", choice_id(scenario, "wait", "Continue"))
    choose(client, short, "relapse", choice_id(scenario, "relapse", "Escalate now"))
    choose(client, long, "relapse", choice_id(scenario, "relapse", "Accept her explanation"))
    assert count(reverse("scenario_debrief", args=[short.pk])) <= 30


def test_random_moves_never_leave_the_graph(learner, scenario):
    """Property: whatever a client sends (real, forged, stale or replayed moves), the attempt
    only ever follows real edges, one decision per step, weeks adding up."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from scenarios.services import MoveRefused, make_move
    from scenarios.services import start_attempt as begin

    nodes = scenario.nodes_by_key
    all_choices = [c.pk for n in nodes.values() for c in n.choices.all()]
    edges = {
        (key, c.pk): (c.target_key, c.weeks) for key, n in nodes.items() for c in n.choices.all()
    }

    @settings(
        max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
    )
    @given(
        st.lists(
            st.tuples(
                st.sampled_from([*nodes, "nowhere"]),
                st.integers(-1, 6),
                st.one_of(st.sampled_from(all_choices), st.integers(-5, 10**6)),
                st.booleans(),
            ),
            max_size=12,
        )
    )
    def run(moves):
        attempt = begin(learner, scenario)
        for at, step, choice, honest in moves:
            if honest:  # what a real page would send, with a choice that may be forged
                at, step = attempt.current_node_key, attempt.step
            with contextlib.suppress(MoveRefused):
                make_move(attempt, at_node_key=at, step=step, choice_id=choice)
        attempt.refresh_from_db()
        decisions = list(attempt.decisions.order_by("sequence"))
        assert [d.sequence for d in decisions] == list(range(1, attempt.step + 1))
        here, weeks = scenario.start_node.key, 0
        for decision in decisions:
            target, cost = edges[(here, decision.choice_id)]
            assert decision.from_node_key == here and decision.to_node_key == target
            here, weeks = target, weeks + cost
        assert (attempt.current_node_key, attempt.weeks_elapsed) == (here, weeks)
        assert attempt.is_complete == nodes[here].is_ending

    run()


def test_a_decision_tests_every_concept_of_its_node_whichever_choice_is_taken(
    client, learner, scenario
):
    """The start node's options test the child's voice (seeing the child) and the rule of
    optimism (giving the family time): a learner who gives the family time was tested on
    seeing the child too, and missed it."""
    client.force_login(learner)
    attempt = start(client, scenario)
    choose(client, attempt, "start", choice_id(scenario, "start", "Give the family time"))
    decision = ScenarioDecision.objects.get(attempt=attempt)
    assert decision.rating == "optimistic"
    assert sorted(decision.concepts) == ["childs-voice", "rule-of-optimism"]
