"""The footer and the browser tab: no raw JSON for people, an icon of our own."""

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_footer_service_status_is_a_page_for_people_not_the_monitors_json(client, home_page):
    html = client.get(home_page.url).content.decode()
    assert "Check a certificate" in html
    assert f'<a href="{reverse("service_status")}">Service status</a>' in html
    assert 'href="/healthz"' not in html
    status = client.get(reverse("service_status"))
    assert status["Content-Type"] == "text/html; charset=utf-8"
    # The check itself stays, for load balancers and monitoring.
    assert client.get("/healthz")["Content-Type"] == "application/json"


def test_pages_have_an_svg_icon_served_from_our_static_files(client, home_page):
    html = client.get(home_page.url).content.decode()
    assert '<link rel="icon" href="/static/images/favicon.svg" type="image/svg+xml">' in html
    icon = finders.find("images/favicon.svg")
    with open(icon, encoding="utf-8") as svg:
        assert svg.read().startswith('<svg xmlns="http://www.w3.org/2000/svg"')
    response = client.get(reverse("favicon"))
    assert response.status_code == 302
    assert response.url == "/static/images/favicon.svg"
