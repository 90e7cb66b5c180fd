""" "Play from here" (issue 16, item 2): a trainer plays the latest draft from any node of
the map, saying which facts hold; nothing is recorded and learners cannot reach it."""

import re
from html import unescape

import pytest
from django.urls import reverse

from scenarios.models import ScenarioAttempt
from tests.scenarios.factories import conditional_spec, make_scenario

pytestmark = pytest.mark.django_db


def play_url(page, **query):
    from urllib.parse import urlencode

    return reverse("scenarios_admin_play", args=[page.pk]) + "?" + urlencode(query, doseq=True)


def links(html: str) -> dict[str, str]:
    """Link text → address, within the choices a learner is shown."""
    start = html.index('class="scenario-trial-choices"')
    block = html[start : html.index("</ul>", start)]
    return {
        text: unescape(href) for href, text in re.findall(r'<a href="([^"]+)">([^<]+)</a>', block)
    }


def hidden(html: str) -> str:
    if 'class="scenario-trial-hidden"' not in html:
        return ""
    start = html.index('class="scenario-trial-hidden"')
    return html[start : html.index("</ul>", start)]


def test_the_map_offers_play_from_here_on_each_node(client, trainer, home_page):
    page = make_scenario(home_page)
    client.force_login(trainer)
    html = client.get(reverse("scenarios_admin_map", args=[page.pk])).content.decode()
    assert f'<a href="{play_url(page, at="assess")}">Play from here' in html


def test_a_trainer_plays_the_draft_from_a_node_without_facts(client, trainer, home_page):
    page = make_scenario(home_page, conditional_spec())
    client.force_login(trainer)
    response = client.get(play_url(page, at="conference"))
    html = response.content.decode()

    assert response.status_code == 200
    assert "Case conference" in html and "No facts hold and no choices have been made." in html
    shown = links(html)
    # Without "saw-child-alone", the choice that needs it is hidden, and says why.
    assert set(shown) == {"Ask to see Kai alone now", "Accept the parents&#x27; account"}
    assert "Tell them what Kai told you (shown only if “saw-child-alone” holds)" in hidden(html)
    # Each choice goes on, carrying the weeks that pass.
    assert shown["Ask to see Kai alone now"] == play_url(
        page, at="end-late", weeks=8, facts=["chose:conference/ask-to-see-kai-alone-now"]
    )
    # Nothing is recorded.
    assert not ScenarioAttempt.objects.exists()


def test_the_trainer_can_say_which_facts_hold(client, trainer, home_page):
    page = make_scenario(home_page, conditional_spec())
    client.force_login(trainer)
    html = client.get(play_url(page, at="conference", facts="saw-child-alone")).content.decode()

    assert 'name="facts" value="saw-child-alone" id="fact-1" checked' in html
    assert "What holds: the fact “saw-child-alone”." in html
    assert set(links(html)) == {"Tell them what Kai told you", "Accept the parents&#x27; account"}
    assert "Ask to see Kai alone now (hidden if “saw-child-alone” holds)" in hidden(html)


def test_a_choice_that_sets_a_fact_carries_it_on(client, trainer, home_page):
    page = make_scenario(home_page, conditional_spec())
    client.force_login(trainer)
    html = client.get(play_url(page)).content.decode()  # from the start
    assert "First visit" in html
    see_kai = links(html)["See Kai alone"]
    assert see_kai == play_url(
        page,
        at="conference",
        weeks=2,
        facts=["chose:first-visit/see-kai-alone", "saw-child-alone"],
    )
    html = client.get(see_kai).content.decode()
    assert "The child has waited 2 weeks" in html
    assert "Tell them what Kai told you" in links(html)


def test_it_plays_the_latest_draft_not_the_live_version(client, trainer, home_page):
    page = make_scenario(home_page)
    draft = page.get_latest_revision_as_object()
    assess = draft.nodes.get(key="assess")
    assess.title = "Assessment, redrafted"
    draft.nodes = [n if n.key != "assess" else assess for n in draft.nodes.all()]
    draft.save_revision()
    client.force_login(trainer)
    html = client.get(play_url(page, at="assess")).content.decode()
    assert "Assessment, redrafted" in html


def test_facts_no_choice_sets_and_unknown_nodes_are_refused(client, trainer, home_page):
    page = make_scenario(home_page, conditional_spec())
    client.force_login(trainer)
    html = client.get(play_url(page, at="conference", facts="made-up")).content.decode()
    assert "No facts hold and no choices have been made." in html
    assert client.get(play_url(page, at="nowhere")).status_code == 404


@pytest.mark.parametrize("who", ["learner", "board_member"])
def test_learners_and_board_members_cannot_reach_it(client, request, who, home_page):
    page = make_scenario(home_page, conditional_spec())
    client.force_login(request.getfixturevalue(who))
    response = client.get(play_url(page, at="conference"))
    assert response.status_code in (302, 403)
    assert "Case conference" not in response.content.decode()
