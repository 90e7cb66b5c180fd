"""What a module asks of a learner is worked out when a lesson is saved or published and
stored with it (issue 19), so pages read it back instead of parsing content blocks."""

import pytest

from courses.models import LessonPage
from tests.courses.conftest import CHECK_ONE, CHECK_TWO, REFLECTION, build_course
from tests.courses.test_completion import enrol_and_start

pytestmark = pytest.mark.django_db


def test_publishing_stores_what_the_lesson_asks(home_page):
    _, lesson1, lesson2 = build_course(home_page)
    stored = LessonPage.objects.get(pk=lesson1.pk).requirements
    assert [c["key"] for c in stored["checks"]] == [CHECK_ONE["key"]]
    assert stored["checks"][0]["options"][0]["correct"] is True
    assert stored["reflections"] == [REFLECTION]
    assert (
        LessonPage.objects.get(pk=lesson2.pk).requirements["checks"][0]["question"]
        == (CHECK_TWO["question"])
    )


def test_a_draft_changes_nothing_until_it_is_published(client, learner, home_page):
    course, lesson1, _ = build_course(home_page)
    enrol_and_start(client, learner, course)
    draft = LessonPage.objects.get(pk=lesson1.pk)
    draft.body = [{"type": "text", "value": "<p>No questions any more.</p>"}]
    revision = draft.save_revision()
    assert (
        "Answer every knowledge check (2 not answered yet)"
        in client.get(course.url).content.decode()
    )
    revision.publish()
    html = client.get(course.url).content.decode()
    assert "Answer every knowledge check (1 not answered yet)" in html


def test_lessons_saved_before_get_their_requirements_on_first_read(client, learner, home_page):
    course, lesson1, lesson2 = build_course(home_page)
    LessonPage.objects.update(requirements=None)
    enrol_and_start(client, learner, course)
    html = client.get(course.url).content.decode()
    assert "Answer every knowledge check (2 not answered yet)" in html
    assert "Write the required reflections (1 still to write)" in html
    assert LessonPage.objects.get(pk=lesson1.pk).requirements["reflections"] == [REFLECTION]
    assert LessonPage.objects.filter(requirements=None).count() == 0


def test_a_deleted_scenario_no_longer_holds_up_the_module(client, learner, module_with_scenario):
    course, (_, _, lesson), scenario = module_with_scenario
    enrol_and_start(client, learner, course)
    html = client.get(course.url).content.decode()
    assert "Complete the case scenarios (1 still to finish)" in html
    scenario.delete()
    assert LessonPage.objects.get(pk=lesson.pk).requirements is None
    assert "Complete the case scenarios" not in client.get(course.url).content.decode()
