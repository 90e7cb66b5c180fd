"""The trainer finds scenario analytics in the Reports menu and the Twee guide from the
import page (issue 16, item 8)."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from tests.scenarios.factories import make_scenario

pytestmark = pytest.mark.django_db


def test_the_reports_menu_leads_to_each_scenarios_analytics(client, trainer, home_page):
    scenario = make_scenario(home_page)
    client.force_login(trainer)

    admin_home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("scenarios_admin_analytics") in admin_home

    listing = client.get(reverse("scenarios_admin_analytics")).content.decode()
    assert f'href="{reverse("scenario_analytics", args=[scenario.pk])}"' in listing
    assert escape(scenario.title) in listing


def test_the_twine_import_page_links_to_the_guide_it_mentions(client, trainer, home_page):
    make_scenario(home_page)
    client.force_login(trainer)

    page = client.get(reverse("scenarios_admin_twee_import")).content.decode()
    assert f'href="{reverse("scenarios_admin_twee_guide")}"' in page

    guide = client.get(reverse("scenarios_admin_twee_guide"))
    assert guide.status_code == 200
    assert "Scenarios in Twee 3 (Twine)" in guide.content.decode()
