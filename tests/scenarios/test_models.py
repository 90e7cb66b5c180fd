"""Publishing checks the graph; drafts may be unfinished. Errors land on the right field."""

import copy

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from scenarios.models import ScenarioChoice, ScenarioNode, ScenarioPage
from scenarios.spec import ChoiceSpec, create_or_update_scenario
from tests.scenarios.admin_forms import editor_post_data
from tests.scenarios.factories import make_index, make_scenario, small_spec

pytestmark = pytest.mark.django_db


def broken_spec():
    spec = small_spec()
    spec.nodes[1].choices[0] = ChoiceSpec(
        "Convene a strategy meeting", "nowhere", 1, "child_focused"
    )
    return spec


def test_a_valid_scenario_publishes(home_page):
    page = make_scenario(home_page)
    assert page.live
    assert [n.key for n in page.nodes.all()][:2] == ["start", "assess"]
    assert page.graph_errors() == []


def test_an_invalid_scenario_saves_as_a_draft_but_will_not_publish(home_page):
    index = make_index(home_page)
    page = create_or_update_scenario(index, broken_spec(), publish=False)
    assert not page.live
    with pytest.raises(ValidationError, match="No node has the key “nowhere”"):
        page.get_latest_revision().publish()
    page.refresh_from_db()
    assert not page.live


def test_reseeding_keeps_node_and_choice_ids(home_page):
    page = make_scenario(home_page)
    before = sorted(ScenarioNode.objects.filter(page=page).values_list("pk", flat=True))
    choices_before = sorted(ScenarioChoice.objects.values_list("pk", flat=True))
    make_scenario(home_page)
    assert sorted(ScenarioNode.objects.values_list("pk", flat=True)) == before
    assert sorted(ScenarioChoice.objects.values_list("pk", flat=True)) == choices_before
    assert ScenarioPage.objects.count() == 1


class TestEditor:
    def edit_url(self, page):
        return reverse("wagtailadmin_pages:edit", args=[page.pk])

    def test_publishing_an_invalid_graph_is_refused_with_errors_on_the_fields(
        self, client, trainer, home_page
    ):
        page = create_or_update_scenario(make_index(home_page), small_spec(), publish=False)
        client.force_login(trainer)
        data = editor_post_data(broken_spec(), page, **{"action-publish": "action-publish"})
        response = client.post(self.edit_url(page), data)
        assert response.status_code == 200
        form = response.context["form"]
        choice_form = form.formsets["nodes"].forms[1].formsets["choices"].forms[0]
        assert "No node has the key “nowhere”." in choice_form.errors["target_key"]
        assert "cannot be published yet" in str(form.non_field_errors())
        page.refresh_from_db()
        assert not page.live

    def test_unreachable_and_duplicate_nodes_are_marked_on_their_key(
        self, client, trainer, home_page
    ):
        page = create_or_update_scenario(make_index(home_page), small_spec(), publish=False)
        spec = small_spec()
        spec.nodes.append(copy.deepcopy(spec.nodes[-1]))  # a second "end-bad"
        client.force_login(trainer)
        response = client.post(
            self.edit_url(page),
            editor_post_data(spec, page, **{"action-publish": "action-publish"}),
        )
        node_forms = response.context["form"].formsets["nodes"].forms
        assert "Keys must be unique" in " ".join(node_forms[-1].errors["key"])

    def test_saving_an_invalid_graph_as_a_draft_works_and_warns(self, client, trainer, home_page):
        page = create_or_update_scenario(make_index(home_page), small_spec(), publish=False)
        client.force_login(trainer)
        response = client.post(
            self.edit_url(page), editor_post_data(broken_spec(), page), follow=True
        )
        assert response.status_code == 200
        page.refresh_from_db()
        draft = page.get_latest_revision_as_object()
        assert draft.nodes.all()[1].choices.all()[0].target_key == "nowhere"
        assert not page.live
        assert "Saved as a draft. It cannot be published until" in response.content.decode()

    def test_publishing_a_valid_graph_from_the_editor(self, client, trainer, home_page):
        page = create_or_update_scenario(make_index(home_page), small_spec(), publish=False)
        client.force_login(trainer)
        spec = small_spec()
        spec.nodes[0].choices[0].weeks = 5
        response = client.post(
            self.edit_url(page),
            editor_post_data(spec, page, **{"action-publish": "action-publish"}),
        )
        assert response.status_code == 302
        page.refresh_from_db()
        assert page.live
        assert page.nodes.get(key="start").choices.first().weeks == 5

    def test_a_live_scenario_can_take_an_invalid_draft_without_going_offline(
        self, client, trainer, home_page
    ):
        page = make_scenario(home_page)
        client.force_login(trainer)
        response = client.post(self.edit_url(page), editor_post_data(broken_spec(), page))
        assert response.status_code == 302
        page.refresh_from_db()
        assert page.live and page.has_unpublished_changes
        # The live rows (what learners play) are unchanged.
        assert page.nodes.get(key="assess").choices.first().target_key == "end-good"

    def test_the_map_shows_every_node_and_the_problems(self, client, trainer, home_page):
        page = create_or_update_scenario(make_index(home_page), broken_spec(), publish=False)
        client.force_login(trainer)
        response = client.get(reverse("scenarios_admin_map", args=[page.pk]))
        html = response.content.decode()
        assert response.status_code == 200
        assert "<svg" in html and "Still waiting" in html
        assert "missing node “nowhere”" in html
        assert "No node has the key “nowhere”" in html


def test_the_map_preview_mode(home_page):
    page = make_scenario(home_page)
    response = page.make_preview_request(preview_mode="map")
    html = (
        response.rendered_content
        if hasattr(response, "rendered_content")
        else response.content.decode()
    )
    assert "<svg" in html and 'role="img"' in html
    assert "The graph passes every check." in html
    assert "The longest path has 2 decisions." in html
    assert "The child-focused path takes 3 weeks." in html
    # The accessible list names every choice with where it leads.
    assert "Give the family time → " in html
    # Framed inside the editor, the preview's map links nowhere in the admin, but says
    # how long the routes to each ending take.
    assert "/admin/pages/" not in html
    assert "Routes: 10 to 13 weeks" in html


def test_the_index_lists_live_scenarios_and_is_in_the_header(client, home_page):
    page = make_scenario(home_page)
    index = page.get_parent()
    html = client.get(index.url).content.decode()
    assert page.title in html
    assert f'href="{index.url}"' in client.get("/").content.decode()


def test_the_editor_offers_nested_nodes_and_choices(client, trainer, home_page):
    index = make_index(home_page)
    client.force_login(trainer)
    add_url = reverse("wagtailadmin_pages:add", args=["scenarios", "scenariopage", index.pk])
    html = client.get(add_url).content.decode()
    assert 'name="nodes-TOTAL_FORMS"' in html
    # The empty node form carries its own (nested) choices formset.
    assert "nodes-__prefix__-choices-TOTAL_FORMS" in html
    assert "Map of the graph" in html  # the preview mode


def test_a_trainer_creates_and_publishes_a_scenario_in_the_editor(client, trainer, home_page):
    index = make_index(home_page)
    client.force_login(trainer)
    add_url = reverse("wagtailadmin_pages:add", args=["scenarios", "scenariopage", index.pk])
    response = client.post(add_url, editor_post_data(small_spec(), **{"action-publish": "1"}))
    assert response.status_code == 302
    page = ScenarioPage.objects.get(slug="test-case")
    assert page.live and len(page.node_list()) == 7
    assert page.graph_errors() == []


def test_the_graph_tab_lists_the_drafts_problems(client, trainer, home_page):
    page = create_or_update_scenario(make_index(home_page), broken_spec(), publish=False)
    client.force_login(trainer)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "Before this scenario can be published (2 problems in the saved version)" in html
    assert "Node “Assessment”, choice “Convene a strategy meeting”: No node has the key" in html


def test_links_in_node_narratives_are_indexed_once_per_save(
    home_page, django_assert_max_num_queries
):
    # Wagtail indexes a page's references after each row saved; ScenarioPage saves its
    # nodes and choices with that paused and indexes the page once.
    from wagtail.models import ReferenceIndex

    spec = small_spec()
    link = f'<p>See <a linktype="page" id="{home_page.pk}">home</a>.</p>'
    spec.nodes[2].narrative = link
    page = create_or_update_scenario(make_index(home_page), spec)
    references = ReferenceIndex.get_references_to(home_page).filter(object_id=str(page.pk))
    assert [r.content_path for r in references] == [f"nodes.{page.node_list()[2].pk}.narrative."]

    spec.nodes[2].narrative = "<p>No link now.</p>"
    spec.nodes[3].narrative = link
    create_or_update_scenario(make_index(home_page), spec)
    assert [r.content_path for r in references.all()] == [
        f"nodes.{page.node_list()[3].pk}.narrative."
    ]
