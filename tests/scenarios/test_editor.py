"""Editing a scenario without typing keys (issue 16, item 1): a choice picks its target
from the scenario's nodes, keys are made from titles and follow a rename, and the ending
fields belong to endings only."""

import pytest
from django.urls import reverse

from scenarios import services
from scenarios.spec import ChoiceSpec, NodeSpec, create_or_update_scenario
from tests.scenarios.admin_forms import editor_post_data
from tests.scenarios.factories import make_index, make_scenario, small_spec

pytestmark = pytest.mark.django_db

PUBLISH = {"action-publish": "action-publish"}


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def latest_draft(page):
    page.refresh_from_db()
    return page.get_latest_revision_as_object()


def spec_with_a_new_node():
    """The small scenario plus a node added without a key, which "Assessment" leads to:
    the editor's script offers it under the key the server will make from its title."""
    spec = small_spec()
    spec.nodes.append(
        NodeSpec(
            "",
            "Strategy meeting",
            "information",
            "<p>Police and health come.</p>",
            choices=[ChoiceSpec("Continue", "end-good", 1)],
        ),
    )
    spec.nodes[1].choices[0] = ChoiceSpec("Ask for a meeting", "strategy-meeting", 1)
    return spec


@pytest.fixture
def draft(home_page):
    return create_or_update_scenario(make_index(home_page), small_spec(), publish=False)


def test_a_choice_picks_its_target_from_the_nodes_by_title(client, trainer, draft):
    spec = small_spec()
    spec.nodes[1].choices[0] = ChoiceSpec("Convene a strategy meeting", "nowhere", 1)
    create_or_update_scenario(draft.get_parent(), spec, publish=False)
    client.force_login(trainer)
    html = client.get(edit_url(draft)).content.decode()

    # The start's first choice leads to the assessment: a list of nodes, that one chosen.
    assert '<select name="nodes-0-choices-0-target_key" data-scenario-target=""' in html
    assert '<option value="assess" selected>Assessment (assess)</option>' in html
    assert '<option value="end-bad">Still waiting (end-bad)</option>' in html
    # A target no node has is kept, and says so, rather than silently becoming another.
    assert (
        '<option value="nowhere" selected>Missing: no node has the key “nowhere”</option>' in html
    )
    # The script that lists nodes added in the same unsaved form.
    assert "scenarios/scenario_editor.js" in html


def test_a_node_left_without_a_key_gets_one_from_its_title(client, trainer, draft):
    spec = spec_with_a_new_node()
    # A second new node with the same title gets a key of its own.
    spec.nodes.append(NodeSpec("", "Strategy meeting", "information", "<p>Again.</p>", choices=[]))
    client.force_login(trainer)
    response = client.post(edit_url(draft), editor_post_data(spec, draft))

    assert response.status_code == 302, response.context["form"].errors
    saved = latest_draft(draft)
    keys = [node.key for node in saved.nodes.all()]
    assert keys[-2:] == ["strategy-meeting", "strategy-meeting-2"]
    assessment = saved.nodes.all()[1]
    assert assessment.choices.all()[0].target_key == "strategy-meeting"


def test_a_new_node_can_be_targeted_and_published_in_the_same_save(client, trainer, draft):
    spec = spec_with_a_new_node()
    client.force_login(trainer)
    response = client.post(edit_url(draft), editor_post_data(spec, draft, **PUBLISH))

    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.live
    assert draft.nodes.get(key="strategy-meeting").title == "Strategy meeting"


def test_changing_a_key_takes_the_choices_that_point_at_it(client, trainer, draft):
    client.force_login(trainer)
    data = editor_post_data(small_spec(), draft, **PUBLISH)
    assert data["nodes-3-key"] == "relapse"
    data["nodes-3-key"] = "mother-relapses"  # the choice on "wait" still says "relapse"
    response = client.post(edit_url(draft), data)

    assert response.status_code == 302, response.context["form"].errors
    draft.refresh_from_db()
    assert draft.live
    wait = draft.nodes.get(key="wait")
    assert wait.choices.get().target_key == "mother-relapses"
    assert draft.graph_errors() == []


def test_a_key_given_to_another_node_is_not_followed(client, trainer, draft):
    # "relapse" is renamed and a different node takes the old key in the same save: the
    # choices pointing at "relapse" mean the node that has that key now.
    client.force_login(trainer)
    data = editor_post_data(small_spec(), draft)
    data["nodes-3-key"] = "mother-relapses"
    data["nodes-6-key"] = "relapse"  # "Still waiting" takes the old key
    assert client.post(edit_url(draft), data).status_code == 302
    saved = latest_draft(draft)
    wait = saved.nodes.all()[2]
    assert wait.choices.all()[0].target_key == "relapse"


def test_outcome_and_summary_are_kept_on_endings_only(client, trainer, draft):
    client.force_login(trainer)
    data = editor_post_data(small_spec(), draft)
    data["nodes-1-outcome"] = "protected_in_time"  # "Assessment" is a decision
    data["nodes-1-ending_summary"] = "Left over from when this was an ending."
    assert client.post(edit_url(draft), data).status_code == 302
    saved = latest_draft(draft)
    assessment, good_ending = saved.nodes.all()[1], saved.nodes.all()[4]
    assert (assessment.outcome, assessment.ending_summary) == ("", "")
    assert good_ending.outcome == "protected_in_time"
    assert good_ending.ending_summary == "Protected in 3 weeks."


def test_the_editor_marks_the_fields_that_depend_on_the_kind(client, trainer, draft):
    client.force_login(trainer)
    html = client.get(edit_url(draft)).content.decode()
    # The script shows these by kind; without it every field stays visible.
    assert html.count('class="w-panel__wrapper scenario-ending-only"') >= 7
    assert "scenario-not-ending" in html


def test_a_learner_part_way_through_follows_a_renamed_node(client, trainer, learner, home_page):
    page = make_scenario(home_page)
    attempt = services.start_attempt(learner, page)
    services.make_move(
        attempt,
        at_node_key="start",
        step=0,
        choice_id=page.nodes.get(key="start").choices.get(label="Give the family time").pk,
    )
    attempt.refresh_from_db()
    assert attempt.current_node_key == "wait"

    client.force_login(trainer)
    data = editor_post_data(small_spec(), page, **PUBLISH)
    data["nodes-2-key"] = "six-weeks-on"
    assert client.post(edit_url(page), data).status_code == 302

    attempt.refresh_from_db()
    assert attempt.current_node_key == "six-weeks-on"
    assert services.current_node(attempt).title == "Six weeks later"
