"""Each node on a screen of its own (issue 16, item 1): the map links to it, it shows one
node and its choices, and saving makes a new draft revision of the scenario, so history,
moderation and publishing work as for any draft."""

import pytest
from django.urls import reverse
from wagtail.models import PageLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from scenarios.spec import ChoiceSpec, NodeSpec
from tests.scenarios.factories import make_scenario, small_spec

pytestmark = pytest.mark.django_db


def node_url(page, position):
    return reverse("scenarios_admin_node", args=[page.pk, position])


def latest_draft(page):
    page.refresh_from_db()
    return page.get_latest_revision_as_object()


def node_post_data(page, position, **changes):
    """What the step's form posts when the trainer changes nothing but ``changes``
    (a ``choices`` list of dicts replaces the choices)."""
    page.refresh_from_db()
    node = page.get_latest_revision_as_object().node_list()[position]
    choices = changes.pop(
        "choices",
        [
            {
                "id": choice.pk or "",
                "label": choice.label,
                "target_key": choice.target_key,
                "weeks": choice.weeks,
                "rating": choice.rating,
                "concepts": list(choice.concepts),
                "feedback": choice.feedback,
                "sets_facts": choice.sets_facts,
                "requires_facts": choice.requires_facts,
                "unless_facts": choice.unless_facts,
                "ORDER": index + 1,
                "DELETE": "",
            }
            for index, choice in enumerate(node.choices.all())
        ],
    )
    fields = {
        "key": node.key,
        "title": node.title,
        "kind": node.kind,
        "is_start": "on" if node.is_start else "",
        "narrative": rich_text(node.narrative),
        "case_record_entry": node.case_record_entry,
        "childs_voice": node.childs_voice,
        "childs_voice_age_stage": node.childs_voice_age_stage,
        "outcome": node.outcome,
        "ending_summary": node.ending_summary,
        **changes,
    }
    if "narrative" in changes:
        fields["narrative"] = rich_text(changes["narrative"])
    data = nested_form_data({**fields, "choices": inline_formset(choices, initial=len(choices))})
    if not data["is_start"]:
        del data["is_start"]
    latest = page.get_latest_revision()
    data["revision"] = latest.pk if latest else ""
    return data


@pytest.fixture
def scenario(home_page):
    return make_scenario(home_page, publish=False)


def test_the_screen_shows_one_node_and_its_choices(client, trainer, scenario):
    client.force_login(trainer)
    response = client.get(node_url(scenario, 1))
    html = response.content.decode()

    assert response.status_code == 200
    assert "Edit step: Assessment" in html
    assert "Step 2 of 7" in html
    assert 'name="title" value="Assessment"' in html
    # Its choices, each picking its target from the other nodes by title.
    assert '<select name="choices-0-target_key" data-scenario-target=""' in html
    assert '<option value="end-good" selected>Protected (end-good)</option>' in html
    # No other node's fields: this is not the whole scenario's form.
    assert 'name="nodes-' not in html
    assert html.count('name="title"') == 1 and html.count('name="kind"') == 1


def test_saving_makes_a_new_draft_revision_with_the_change(client, trainer, home_page):
    page = make_scenario(home_page)  # live
    revisions = page.revisions.count()
    client.force_login(trainer)
    data = node_post_data(page, 1, title="Assessment with the nursery")
    data["choices-0-label"] = "Ask police and health to meet today"
    response = client.post(node_url(page, 1), data)

    assert response.status_code == 302
    assert response.url == reverse("scenarios_admin_map", args=[page.pk])
    assert page.revisions.count() == revisions + 1
    draft = latest_draft(page)
    assessment = draft.node_list()[1]
    assert assessment.title == "Assessment with the nursery"
    assert assessment.choices.all()[0].label == "Ask police and health to meet today"
    # The other nodes are as they were, and learners still see the published version.
    assert [n.title for n in draft.node_list()][2:] == [n.title for n in page.node_list()][2:]
    assert page.live and page.has_unpublished_changes
    assert page.nodes.get(key="assess").title == "Assessment"
    # Wagtail's history records the draft under the trainer's name.
    entry = PageLogEntry.objects.filter(page=page, action="wagtail.edit").latest("timestamp")
    assert entry.user == trainer


def test_the_draft_publishes_from_the_editor_as_any_other(client, trainer, home_page):
    page = make_scenario(home_page)
    client.force_login(trainer)
    client.post(node_url(page, 1), node_post_data(page, 1, title="Assessment, renamed"))
    latest = latest_draft(page)

    latest.get_latest_revision().publish(user=trainer)
    page.refresh_from_db()
    assert page.nodes.get(key="assess").title == "Assessment, renamed"
    assert not page.has_unpublished_changes


def test_a_changed_key_takes_the_choices_that_point_at_it(client, trainer, scenario):
    client.force_login(trainer)
    response = client.post(
        node_url(scenario, 3), node_post_data(scenario, 3, key="mother-relapses")
    )

    assert response.status_code == 302
    draft = latest_draft(scenario)
    assert draft.node_list()[3].key == "mother-relapses"
    wait = draft.node_list()[2]
    assert wait.choices.all()[0].target_key == "mother-relapses"
    assert draft.graph_errors() == []


def test_a_key_left_blank_is_made_from_the_title(client, trainer, scenario):
    client.force_login(trainer)
    data = node_post_data(scenario, 3, key="", title="Mother relapses")
    assert client.post(node_url(scenario, 3), data).status_code == 302
    draft = latest_draft(scenario)
    assert draft.node_list()[3].key == "mother-relapses"
    assert draft.node_list()[2].choices.all()[0].target_key == "mother-relapses"


def test_a_node_that_is_not_an_ending_loses_its_ending_fields(client, trainer, scenario):
    client.force_login(trainer)
    data = node_post_data(scenario, 1, outcome="protected_in_time", ending_summary="Kai is safe.")
    assert client.post(node_url(scenario, 1), data).status_code == 302
    assessment = latest_draft(scenario).node_list()[1]
    assert assessment.outcome == "" and assessment.ending_summary == ""


def test_errors_keep_what_was_typed_and_save_nothing(client, trainer, scenario):
    revisions = scenario.revisions.count()
    client.force_login(trainer)
    data = node_post_data(scenario, 1, title="", key="wait")  # "wait" is another node's
    data["choices-0-feedback"] = "Typed feedback that must not be lost"
    response = client.post(node_url(scenario, 1), data)
    html = response.content.decode()

    assert response.status_code == 200
    assert "This field is required." in html
    assert "Another node already uses the key “wait”." in html
    assert "Typed feedback that must not be lost" in html
    assert scenario.revisions.count() == revisions


def test_a_condition_naming_no_fact_is_an_error_on_its_field(client, trainer, scenario):
    client.force_login(trainer)
    data = node_post_data(scenario, 1)
    data["choices-0-requires_facts"] = "saw-child-alone"
    response = client.post(node_url(scenario, 1), data)
    assert response.status_code == 200
    form = response.context["form"]
    assert form.formsets["choices"].forms[0].errors["requires_facts"] == [
        "No choice in this scenario sets “saw-child-alone”. Check the spelling, or name the "
        "fact in “sets facts” on the choice that makes it true."
    ]
    # Set by a choice on this very screen, it is known.
    data["choices-1-sets_facts"] = "saw-child-alone"
    assert client.post(node_url(scenario, 1), data).status_code == 302


def test_a_step_saved_by_someone_else_meanwhile_is_not_overwritten(client, trainer, scenario):
    client.force_login(trainer)
    data = node_post_data(scenario, 1, title="My change")
    client.post(node_url(scenario, 2), node_post_data(scenario, 2, title="Their change"))
    revisions = scenario.revisions.count()

    response = client.post(node_url(scenario, 1), data)
    assert response.status_code == 200
    assert "Someone has saved this scenario since you opened this step" in (
        response.content.decode()
    )
    assert 'value="My change"' in response.content.decode()
    assert scenario.revisions.count() == revisions
    assert latest_draft(scenario).node_list()[2].title == "Their change"


def test_a_node_added_in_a_draft_of_a_live_scenario_can_be_edited(client, trainer, home_page):
    from tests.scenarios.admin_forms import editor_post_data

    page = make_scenario(home_page)
    spec = small_spec()
    spec.nodes.append(
        NodeSpec(
            "meeting",
            "Strategy meeting",
            "information",
            "<p>Police and health come.</p>",
            choices=[ChoiceSpec("Continue", "end-good", 1)],
        )
    )
    client.force_login(trainer)
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert client.post(edit, editor_post_data(spec, page)).status_code == 302
    assert latest_draft(page).node_list()[7].choices.all()[0].pk is None  # a draft only

    data = node_post_data(page, 7, title="Strategy meeting today")
    data["choices-0-label"] = "Go on"
    response = client.post(node_url(page, 7), data)
    assert response.status_code == 302, response.context["form"].errors
    meeting = latest_draft(page).node_list()[7]
    assert meeting.title == "Strategy meeting today"
    assert [c.label for c in meeting.choices.all()] == ["Go on"]


def test_no_such_step_is_not_found(client, trainer, scenario):
    client.force_login(trainer)
    assert client.get(node_url(scenario, 7)).status_code == 404


def test_someone_who_cannot_edit_the_page_cannot_open_or_save_a_step(
    client, board_member, scenario
):
    client.force_login(board_member)
    assert client.get(node_url(scenario, 1)).status_code in (302, 403)
    revisions = scenario.revisions.count()
    response = client.post(node_url(scenario, 1), node_post_data(scenario, 1, title="Forged"))
    assert response.status_code in (302, 403)
    assert scenario.revisions.count() == revisions


def test_a_locked_scenario_cannot_be_saved_by_someone_else(
    client, trainer, administrator, scenario
):
    scenario.locked = True
    scenario.locked_by = administrator
    scenario.save()
    client.force_login(trainer)
    revisions = scenario.revisions.count()
    response = client.post(node_url(scenario, 1), node_post_data(scenario, 1, title="Mine"))
    assert response.status_code == 200
    assert "This scenario is locked" in response.content.decode()
    assert scenario.revisions.count() == revisions


@pytest.mark.parametrize("garbled", ['"', "-1", "not json", "[1, 2]"])
def test_narrative_the_editor_never_sends_is_an_error_on_its_field(
    client, trainer, scenario, garbled
):
    # A forged or garbled post (a script's, a broken tab's) was a server error.
    client.force_login(trainer)
    data = node_post_data(scenario, 1, title="Typed before the garbled text")
    data["narrative"] = garbled
    before = scenario.get_latest_revision()
    response = client.post(node_url(scenario, 1), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "This text could not be read" in html
    assert "Typed before the garbled text" in html  # what was typed is kept
    assert scenario.get_latest_revision() == before
