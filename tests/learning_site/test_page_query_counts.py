"""Hot learner pages keep a small, fixed number of queries (issue 19). The figures are
today's counts: a change that adds a query to every view of these pages fails here and
has to say why. Each page is requested once first, as a returning learner would have.

With the embedded defaults the session is a query of its own (with Redis it is read from
the cache). Then: the person; Wagtail's page in one (the pages on the way: the page's
own object is kept, learning_site.page_routing); no query for the learner's progress
(courses.progress_rows) or for what every reader sees alike
(learning_site.content_version); and what the page itself needs."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.research_digest.factories import make_digest, make_index

pytestmark = pytest.mark.django_db

# The person's roles, permissions and authenticator: read once, then from the cache.
ACCESS_TABLES = ("auth_group", "auth_permission", "mfa_authenticator")


def _warm_then_count(client, url, max_queries, django_assert_max_num_queries):
    assert client.get(url).status_code == 200
    with django_assert_max_num_queries(max_queries) as captured:
        response = client.get(url)
    assert response.status_code == 200
    access = [
        q["sql"] for q in captured.captured_queries if any(t in q["sql"] for t in ACCESS_TABLES)
    ]
    assert access == [], "roles, permissions or authenticator read again"
    return response


def test_home_page(client, enrolled, django_assert_max_num_queries):
    response = _warm_then_count(client, "/", 3, django_assert_max_num_queries)
    assert "My learning" in response.content.decode()


def test_module_page(client, enrolled, django_assert_max_num_queries):
    course, _, _ = enrolled
    response = _warm_then_count(client, course.url, 4, django_assert_max_num_queries)
    assert "1 of 2 lessons opened" in response.content.decode()


def test_lesson_page(client, enrolled, django_assert_max_num_queries):
    _, lesson1, _ = enrolled
    response = _warm_then_count(client, lesson1.url, 3, django_assert_max_num_queries)
    assert "Which statement matches the definition of neglect?" in response.content.decode()


def test_digest_page(client, enrolled, home_page, django_assert_max_num_queries):
    digest = make_digest(make_index(home_page), title="In the child's time")
    # One more than before issue 18: whether the reader's partnership sends xAPI
    # statements to a learning record store (learning_site.learning_records.statements.store_for).
    response = _warm_then_count(client, digest.url, 4, django_assert_max_num_queries)
    assert "In the child&#x27;s time" in response.content.decode()


def test_my_learning(client, enrolled, django_assert_max_num_queries):
    response = _warm_then_count(client, reverse("my_learning"), 6, django_assert_max_num_queries)
    assert "Recognising neglect (test)" in response.content.decode()


def test_the_module_page_reads_no_lesson_blocks(client, enrolled, monkeypatch):
    """What a module asks is stored with each lesson: the module page and My learning
    never parse a lesson's content blocks (that was half the module page's time)."""
    from courses import requirements

    def parse(lesson):
        raise AssertionError(f"parsed the blocks of {lesson}")

    monkeypatch.setattr(requirements, "read_lesson_requirements", parse)
    course, _, _ = enrolled
    assert client.get(course.url).status_code == 200
    assert client.get(reverse("my_learning")).status_code == 200


def test_signing_in_reads_access_once_per_person_not_per_request(client, enrolled):
    course, _, _ = enrolled
    with CaptureQueriesContext(connection) as captured:
        for _ in range(3):
            client.get(course.url)
    access = [q for q in captured.captured_queries if any(t in q["sql"] for t in ACCESS_TABLES)]
    assert access == []
