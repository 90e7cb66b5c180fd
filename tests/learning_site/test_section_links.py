"""The header's section links (Modules, Scenarios, Research) are read from the page tree
once, then cached until a page changes: publishing or unpublishing a section's index
shows in the header at once."""

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
