"""The honest clock, checked for the author: warnings on the Graph tab, on the map and
after publishing, once each, never blocking publication."""

import pytest
from django.urls import reverse

from scenarios import clock
from scenarios.spec import ChoiceSpec, create_or_update_scenario, spec_graph_nodes
from tests.scenarios.admin_forms import editor_post_data
from tests.scenarios.factories import conditional_spec, make_index, small_spec


def misleading_spec():
    """small_spec with a collusive shortcut to "protected in good time" (1 week, faster
    than the 3-week child-focused route) and neglect after only 2 weeks."""
    spec = small_spec()
    spec.nodes[0].choices.append(
        ChoiceSpec("Take the parents' word", "end-good", 1, "collusive", [], "Quick.")
    )
    spec.nodes[0].choices.append(ChoiceSpec("Close the case", "end-bad", 2, "procedural"))
    return spec


def codes(spec) -> list[str]:
    return [w.code for w in clock.clock_warnings(spec_graph_nodes(spec))]


def test_an_honest_clock_gives_no_warning():
    assert codes(small_spec()) == []
    assert codes(conditional_spec()) == []


def test_a_missed_choice_that_protects_the_child_as_fast_is_warned_of_once():
    spec = misleading_spec()
    # A second collusive shortcut: still one warning, naming the quickest route.
    spec.nodes[1].choices.append(ChoiceSpec("Agree a plan", "end-good", 0, "collusive"))
    warnings = clock.clock_warnings(spec_graph_nodes(spec))
    missed = [w for w in warnings if w.code == clock.MISSED_AS_FAST]
    assert len(missed) == 1
    assert missed[0].route == ("start", "end-good")
    assert missed[0].message.startswith(
        "A route with a missed choice protects the child in good time in 1 week, as fast as "
        "or faster than the quickest child-focused route (3 weeks): First visit → Protected."
    )


def test_a_child_left_in_neglect_sooner_than_one_protected_in_time_is_warned_of():
    warnings = clock.clock_warnings(spec_graph_nodes(misleading_spec()))
    neglect = [w for w in warnings if w.code == clock.NEGLECT_SOONER]
    assert [w.route for w in neglect] == [("start", "end-bad")]
    assert neglect[0].message.startswith(
        "“Still waiting” leaves the child in neglect after 2 weeks (First visit → Still "
        "waiting), less waiting than a child protected in good time on another route (3 weeks"
    )


def test_protected_late_as_fast_as_the_child_focused_route_is_warned_of():
    spec = small_spec()
    spec.nodes[1].choices[1].weeks = 1  # close and refer: late, but 3 weeks in all
    assert codes(spec) == [clock.LATE_AS_FAST]


def test_a_shortcut_hidden_by_a_condition_is_not_a_route():
    spec = conditional_spec()
    spec.nodes[1].choices.append(
        ChoiceSpec(
            "Agree a plan with the parents",
            "end-good",
            0,
            "collusive",
            requires=["saw-child-alone"],
            unless=["saw-child-alone"],
        )
    )
    assert codes(spec) == []
    spec.nodes[1].choices[-1].unless = []  # now open after seeing Kai alone: 2 weeks
    assert codes(spec) == [clock.MISSED_AS_FAST]


def test_a_huge_story_is_checked_on_its_first_routes_and_says_so(monkeypatch):
    monkeypatch.setattr(clock, "MAX_ROUTES", 2)
    assert codes(misleading_spec())[-1] == clock.NOT_EVERY_ROUTE


@pytest.mark.django_db
class TestWhereTheAuthorSeesIt:
    def test_the_graph_tab_and_the_map_show_the_warnings(self, client, trainer, home_page):
        page = create_or_update_scenario(make_index(home_page), misleading_spec(), publish=False)
        client.force_login(trainer)
        edit = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
        assert edit.count("Check the child’s clock") == 1
        assert "A route with a missed choice protects the child in good time" in edit
        assert "The saved version passes every check." in edit
        map_html = client.get(reverse("scenarios_admin_map", args=[page.pk])).content.decode()
        assert "<h2>Check the child’s clock</h2>" in map_html
        assert "“Still waiting” leaves the child in neglect after 2 weeks" in map_html

    def publish_in_editor(self, client, trainer, home_page, spec):
        page = create_or_update_scenario(make_index(home_page), small_spec(), publish=False)
        client.force_login(trainer)
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[page.pk]),
            editor_post_data(spec, page, **{"action-publish": "action-publish"}),
            follow=True,
        )
        page.refresh_from_db()
        return page, response

    def test_publishing_is_allowed_and_warns_once(self, client, trainer, home_page):
        page, response = self.publish_in_editor(client, trainer, home_page, misleading_spec())
        assert page.live
        html = response.content.decode()
        assert html.count("Published, but check the child’s clock") == 1
        # The next page the trainer opens does not repeat it.
        again = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
        assert "Published, but check the child’s clock" not in again

    def test_an_honest_scenario_shows_no_clock_warning(self, client, trainer, home_page):
        page, response = self.publish_in_editor(client, trainer, home_page, small_spec())
        assert page.live
        assert "child’s clock" not in response.content.decode()
        edit = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
        assert "Check the child’s clock" not in edit
