"""The header's section links (Modules, Scenarios, Research) are read from the page tree
once, then cached until a page changes: publishing or unpublishing a section's index
shows in the header at once."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from scenarios.models import ScenarioIndexPage

pytestmark = pytest.mark.django_db


def nav_labels(response) -> list[str]:
    return [link["label"] for link in response.context["site_nav_links"]]


def test_a_new_section_shows_in_the_header_at_once_and_goes_when_unpublished(client, home_page):
    assert "Scenarios" not in nav_labels(client.get("/"))
    index = home_page.add_child(instance=ScenarioIndexPage(title="Case scenarios", slug="cases"))
    assert "Scenarios" in nav_labels(client.get("/"))
    index.unpublish()
    assert "Scenarios" not in nav_labels(client.get("/"))
    index.save_revision().publish()
    response = client.get("/")
    assert "Scenarios" in nav_labels(response)
    link = next(link for link in response.context["site_nav_links"] if link["label"] == "Scenarios")
    assert link["url"] == "/cases/"


def test_the_header_does_not_read_the_page_tree_on_every_request(client, home_page):
    home_page.add_child(instance=ScenarioIndexPage(title="Case scenarios", slug="cases"))
    client.get("/")  # reads the sections and keeps them
    with CaptureQueriesContext(connection) as ctx:
        response = client.get("/")
    assert "Scenarios" in nav_labels(response)
    content_type_lookups = [
        q["sql"] for q in ctx.captured_queries if '"content_type_id" IN' in q["sql"]
    ]
    assert content_type_lookups == []


def test_home_page_cards_are_one_link_each_with_a_sentence(client, home_page):
    from courses.models import CourseIndexPage

    home_page.add_child(instance=ScenarioIndexPage(title="Case scenarios", slug="cases"))
    home_page.add_child(
        instance=CourseIndexPage(
            title="Modules", slug="modules", search_description="Our own modules, in brief."
        )
    )
    html = client.get("/").content.decode()
    cards = re.findall(r'<li class="card card--link">(.*?)</li>', html, re.S)
    expected = [("/modules/", "Modules"), ("/cases/", "Scenarios")]
    for card, (url, heading) in zip(cards, expected, strict=True):
        # One link per card, the heading, so a screen reader hears each card once.
        assert re.findall(r"<a [^>]*>", card) == [f'<a class="card__link" href="{url}">']
        assert f'<h3><a class="card__link" href="{url}">{heading}</a></h3>' in card
    # An editor's search description, else the sentence from settings.
    assert "<p>Our own modules, in brief.</p>" in cards[0]
    assert "<p>Work through a family&#x27;s case, make the decisions" in cards[1]
