"""The page router (learning_site.page_routing) finds what Wagtail's own routing finds,
in a fixed number of queries, and sees changes to sites and view restrictions at once."""

import pytest
from django.db import connection
from django.http import Http404
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction, Site

from courses.models import CoursePage
from learning_site import page_routing
from tests.courses.conftest import build_course

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(home_page):
    course, lesson1, lesson2 = build_course(home_page)
    return course


def _both(path):
    """(our route, Wagtail's route) for ``path``, each on a request of its own."""
    factory = RequestFactory()
    try:
        found = page_routing.route(factory.get(path), path)
    except Http404:
        found = None  # as Wagtail's route_for_request answers a 404
    except Exception as error:  # noqa: BLE001 - compared with Wagtail's below
        found = type(error)
    try:
        expected = Page.route_for_request(factory.get(path), path)
    except Exception as error:  # noqa: BLE001
        expected = type(error)
    return found, expected


def _same(found, expected):
    if found is None or expected is None or isinstance(found, type):
        assert found == expected
        return
    assert (found.page.pk, type(found.page)) == (expected.page.pk, type(expected.page))
    assert found.args[1:] == expected.args[1:]
    assert found.kwargs == expected.kwargs


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/modules/",
        "/modules/test-module/",
        "/modules/test-module/what-neglect-is/",
        "/modules/test-module/what-neglect-is/checks/definition/",
        "/modules/test-module/what-neglect-is/nowhere/",
        "/modules/nowhere/",
        "/nowhere/at/all/",
        "/modules/test-module/what-neglect-is/extra/levels/below/",
    ],
)
def test_finds_what_wagtail_finds(course, path):
    _same(*_both(path))


def test_a_draft_is_not_found_but_a_live_page_below_one_is(course):
    """Wagtail's rule: the page asked for must be live; its ancestors need not be."""
    CoursePage.objects.filter(pk=course.pk).update(live=False)
    found, expected = _both("/modules/test-module/")
    assert found is None and expected is None
    found, expected = _both("/modules/test-module/what-neglect-is/")
    _same(found, expected)
    assert found.page.title == "What neglect is"


def test_a_module_four_levels_down_costs_three_queries(client, course):
    """The site and its root page come from the cache; then the pages on the way (one
    query), the page's own row, and nothing for view restrictions when there are none."""
    lesson_path = "/modules/test-module/what-neglect-is/"
    # The site and the pages that carry a restriction, read once into the cache:
    home = page_routing.route(RequestFactory().get("/"), "/")
    list(home.page.get_view_restrictions())
    with CaptureQueriesContext(connection) as captured:
        result = page_routing.route(RequestFactory().get(lesson_path), lesson_path)
        list(result.page.get_view_restrictions())
    assert result.page.title == "What neglect is"
    assert len(captured.captured_queries) == 2, [q["sql"] for q in captured.captured_queries]


def test_a_restriction_added_later_is_applied_at_once(client, course, learner):
    """The restricted pages are cached; adding a restriction clears them."""
    assert client.get(course.url).status_code == 200
    PageViewRestriction.objects.create(page=course.get_parent(), restriction_type="login")
    response = client.get(course.url)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    client.force_login(learner)
    assert client.get(course.url).status_code == 200


def test_a_restriction_removed_is_lifted_at_once(client, course):
    restriction = PageViewRestriction.objects.create(page=course, restriction_type="login")
    assert client.get(course.url).status_code == 302
    restriction.delete()
    assert client.get(course.url).status_code == 200


def test_a_new_site_root_is_used_at_once(client, course, home_page):
    """The site is cached with its root page; pointing the site elsewhere clears it."""
    assert client.get("/modules/").status_code == 200
    site = Site.objects.get(is_default_site=True)
    site.root_page = course
    site.save()
    response = client.get("/")
    assert response.status_code == 200
    assert "Recognising neglect (test)" in response.content.decode()
    assert client.get("/modules/").status_code == 404


def test_a_page_read_again_is_not_read_from_the_database(client, course, learner):
    """The routed page's own object is kept under the content version: the second
    reader's request reads only the pages on the way, not the page's row again."""
    client.force_login(learner)
    assert client.get(course.url).status_code == 200
    with CaptureQueriesContext(connection) as captured:
        assert client.get(course.url).status_code == 200
    page_reads = [q["sql"] for q in captured.captured_queries if '"courses_coursepage"' in q["sql"]]
    assert page_reads == []


def test_a_page_changed_without_a_signal_is_read_afresh(client, course):
    """Code that updates rows directly sends no signal; the row read on the way says
    the page changed, so its kept object is not used."""
    assert client.get(course.url).status_code == 200
    CoursePage.objects.filter(pk=course.pk).update(live=False)
    assert client.get(course.url).status_code == 404
    CoursePage.objects.filter(pk=course.pk).update(live=True)
    assert client.get(course.url).status_code == 200
