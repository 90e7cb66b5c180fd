"""What every reader of a page sees alike is kept in the shared cache under the site's
content version (learning_site/content_version.py): a returning reader costs no
queries for it, and any change to the content shows at once, never a stale copy."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from courses.models import LearningOutcome
from research_digest.models import DigestTopic
from tests.courses.conftest import build_course
from tests.research_digest.factories import make_digest, make_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def digest(home_page, learner, client):
    client.force_login(learner)
    course, lesson1, _ = build_course(home_page)
    return make_digest(make_index(home_page), title="In the child's time", related=[course])


def _page(client, page) -> str:
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def test_a_digest_read_again_costs_no_query_for_its_text(client, digest):
    first = _page(client, digest)
    with CaptureQueriesContext(connection) as captured:
        again = _page(client, digest)
    assert "In the child&#x27;s time" in first and "In the child&#x27;s time" in again
    tables = " ".join(q["sql"] for q in captured.captured_queries)
    for table in ("wagtailcore_referenceindex", "research_digest_digesttopic"):
        assert table not in tables
    assert "Recognising neglect (test)" in again  # "Read next"


def test_a_new_revision_shows_at_once(client, digest):
    assert "Look at the child&#x27;s day" in _page(client, digest)
    digest.takeaway = "Count the missed appointments, not the promises. Ünïcödé ✓"
    digest.save_revision().publish()
    page = _page(client, digest)
    assert "Count the missed appointments" in page
    assert "Ünïcödé ✓" in page


def test_a_linked_page_renamed_elsewhere_shows_at_once(client, digest, home_page):
    """The "Read next" list names another page: publishing that page changes the
    content version, so the digest's cached text is not used again."""
    from courses.models import CoursePage

    assert "Recognising neglect (test)" in _page(client, digest)
    course = CoursePage.objects.get(slug="test-module")
    course.title = "Neglect: seeing the child"
    course.save_revision().publish()
    page = _page(client, digest)
    assert "Neglect: seeing the child" in page
    assert "Recognising neglect (test)" not in page


def test_a_renamed_topic_shows_at_once(client, digest):
    topic = DigestTopic.objects.order_by("pk").first()
    digest.topics.add(topic)
    digest.save_revision().publish()
    assert topic.name in _page(client, digest)
    topic.name = "Tên chủ đề mới"
    topic.save()
    assert "Tên chủ đề mới" in _page(client, digest)


def test_a_preview_shows_the_draft_not_the_cached_live_text(client, digest, trainer):
    assert "Look at the child&#x27;s day" in _page(client, digest)
    digest.takeaway = "A draft takeaway nobody has published"
    request = RequestFactory().get("/")
    request.user = trainer
    response = digest.make_preview_request(original_request=request)
    if hasattr(response, "render"):
        response.render()
    assert "A draft takeaway nobody has published" in response.content.decode()
    assert "A draft takeaway" not in _page(client, digest)


def test_a_module_outcome_changed_shows_at_once(client, home_page, learner):
    client.force_login(learner)
    course, _, _ = build_course(home_page)
    course.save_revision().publish()
    assert "Recognise neglect" in _page(client, course)
    course.outcomes = [LearningOutcome(text="Spot drift across a case file – كتابة")]
    course.save_revision().publish()
    page = _page(client, course)
    assert "Spot drift across a case file – كتابة" in page
    assert "Recognise neglect<" not in page
