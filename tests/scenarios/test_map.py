"""The map as a tool (issue 16, item 2): nodes link to their editor, problems and broken
links are drawn and named in words, and each ending says how long the routes to it take,
in the picture and in the list."""

import pytest
from django.urls import reverse

from scenarios.spec import ChoiceSpec, NodeSpec, create_or_update_scenario
from tests.scenarios.factories import make_index, make_scenario, small_spec

pytestmark = pytest.mark.django_db


def broken_spec():
    spec = small_spec()
    spec.nodes[1].choices[0] = ChoiceSpec("Convene a strategy meeting", "nowhere", 1)
    spec.nodes.append(
        NodeSpec(
            "aside",
            "An aside",
            "information",
            "<p>No choice leads here.</p>",
            choices=[ChoiceSpec("Continue", "end-good", 1)],
        )
    )
    return spec


def admin_map(client, trainer, page) -> str:
    client.force_login(trainer)
    response = client.get(reverse("scenarios_admin_map", args=[page.pk]))
    assert response.status_code == 200
    return response.content.decode()


def svg_of(html: str) -> str:
    start = html.index('<svg xmlns="http://www.w3.org/2000/svg" class="scenario-map"')
    return html[start : html.index("</svg>", start)]


def test_each_node_links_to_its_own_screen_and_to_the_full_editor(client, trainer, home_page):
    page = make_scenario(home_page)
    html = admin_map(client, trainer, page)
    svg = svg_of(html)
    step = reverse("scenarios_admin_node", args=[page.pk, 1])
    assert f'<a href="{step}" aria-label="Edit “Assessment”">' in svg
    last = reverse("scenarios_admin_node", args=[page.pk, 6])
    assert f'<a href="{last}" aria-label="Edit “Still waiting”">' in svg
    assert 'role="group"' in svg  # links inside role="img" would be hidden
    # The list offers both: the step on its own, or its panel in the whole form.
    listing = html[html.index("Every node and choice") :]
    assessment = listing[listing.index("<strong>Assessment</strong>") :]
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert f'<a href="{step}">Edit this step' in assessment
    assert f'<a href="{edit}#inline_child_nodes-1">open it in the full editor' in assessment


def test_the_editor_lists_every_step_to_edit_on_its_own(client, trainer, home_page):
    page = make_scenario(home_page)
    client.force_login(trainer)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "Edit one step at a time (7 steps saved)" in html
    step = reverse("scenarios_admin_node", args=[page.pk, 1])
    assert f'<a href="{step}">Assessment</a>' in html


def test_problem_nodes_and_broken_links_are_drawn_and_named(client, trainer, home_page):
    page = create_or_update_scenario(make_index(home_page), broken_spec(), publish=False)
    html = admin_map(client, trainer, page)
    svg = svg_of(html)

    assert "8 nodes, 3 with problems, 1 missing" in svg
    # The broken choice is drawn, dashed, to a box that names the missing key.
    assert "Missing: nowhere" in svg and "No node has this key" in svg
    assert "Convene a strategy meeting (broken: no node has the key “nowhere”)" in svg
    # The node with the broken choice and the nodes it cut off say so in words.
    assert 'aria-label="Edit “Assessment” (problem to fix: 1)"' in svg
    assert 'aria-label="Edit “An aside” (problem to fix: 1)"' in svg
    assert 'aria-label="Edit “Protected” (problem to fix: 1)"' in svg
    assert svg.count("Problem to fix: 1") == 3
    # The list says the same, beside the node.
    listing = html[html.index("Every node and choice") :]
    aside = listing[listing.index("An aside") :]
    assert "Problem to fix:" in aside
    assert "No path from the start reaches this node." in aside
    assert "missing node “nowhere” (broken link)" in listing


def test_each_ending_shows_the_fewest_and_most_weeks_to_it(client, trainer, home_page):
    # start → assess (2) → protected (1) = 3; → late (8) = 10; start → wait (6) →
    # relapse (4) → late (3) = 13; → still waiting (10) = 20.
    page = make_scenario(home_page)
    html = admin_map(client, trainer, page)
    svg = svg_of(html)
    assert "Routes: 3 weeks" in svg
    assert "Routes: 10 to 13 weeks" in svg
    assert "Routes: 20 weeks" in svg
    listing = html[html.index("Every node and choice") :]
    assert "Routes to this ending take 10 to 13 weeks." in listing
    assert 'Edit this step<span class="visually-hidden">: “Protected late”</span></a>' in listing


def test_an_ending_no_route_reaches_says_so(client, trainer, home_page):
    spec = small_spec()
    spec.nodes.append(
        NodeSpec("end-alone", "Nobody comes", "ending", "<p>.</p>", outcome="left_in_neglect")
    )
    page = create_or_update_scenario(make_index(home_page), spec, publish=False)
    html = admin_map(client, trainer, page)
    assert "No route reaches this ending." in html


def test_a_problem_is_listed_beside_the_node_it_is_about_when_keys_repeat(
    client, trainer, home_page
):
    spec = small_spec()
    spec.nodes.append(
        NodeSpec("end-bad", "Waiting still", "ending", "<p>.</p>", outcome="left_in_neglect")
    )
    page = create_or_update_scenario(make_index(home_page), spec, publish=False)
    html = admin_map(client, trainer, page)
    listing = html[html.index("Every node and choice") :]
    first, second = listing.index("Still waiting"), listing.index("Waiting still")
    assert "Problem to fix:" not in listing[first:second]
    assert "Keys must be unique" in listing[second:]
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert f'href="{edit}#inline_child_nodes-7"' in listing[second:]
