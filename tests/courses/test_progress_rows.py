"""A learner's progress rows are kept in the shared cache between their requests
(courses/progress_rows.py), and any change to them shows on the next page at once, by
whichever path it is made."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from courses.models import CheckAttempt, Enrolment, JournalEntry, LessonVisit
from courses.services import bulk_record_completions
from tests.courses.test_completion import answer

pytestmark = pytest.mark.django_db

PROGRESS_TABLES = (
    "courses_enrolment",
    "courses_lessonvisit",
    "courses_checkattempt",
    "courses_journalentry",
    "scenarios_scenarioattempt",
)


def _progress_queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    sql = [q["sql"] for q in captured.captured_queries]
    return response, [q for q in sql if any(f'"{t}"' in q for t in PROGRESS_TABLES)]


def test_a_returning_learner_costs_no_progress_queries(client, enrolled):
    course, lesson1, _ = enrolled
    client.get(course.url)
    for url in (course.url, lesson1.url):
        response, progress = _progress_queries(client, url)
        assert progress == [], progress
    assert "1 of 2 lessons opened" in client.get(course.url).content.decode()


def test_an_answer_shows_on_the_next_page(client, enrolled):
    course, lesson1, _ = enrolled
    assert client.get(course.url).status_code == 200  # rows now cached
    answer(client, lesson1, "definition", ["0"])
    page = client.get(lesson1.url).content.decode()
    assert "Correct." in page or "Not quite" in page
    assert CheckAttempt.objects.count() == 1


def test_changes_made_outside_the_pages_show_at_once(client, enrolled, learner):
    """Rows written by other code (a worker, the admin, an erasure) send the signal that
    gives the learner a new token: the cached rows are never shown after them."""
    course, lesson1, lesson2 = enrolled
    assert "1 of 2 lessons opened" in client.get(course.url).content.decode()
    enrolment = Enrolment.objects.get(user=learner, course=course)
    now = timezone.now()
    LessonVisit.objects.create(
        enrolment=enrolment, lesson=lesson2, first_visited_at=now, last_visited_at=now
    )
    assert "2 of 2 lessons opened" in client.get(course.url).content.decode()
    LessonVisit.objects.filter(lesson=lesson2).delete()
    assert "1 of 2 lessons opened" in client.get(course.url).content.decode()
    enrolment.delete()
    assert "Enrol on this module" in client.get(course.url).content.decode()


def test_a_reflection_deleted_from_the_journal_goes_from_the_lesson(client, enrolled, learner):
    _, lesson1, _ = enrolled
    text = "Łucja gets herself up and finds cereal. 🥣"
    client.post(
        lesson1.url,
        {
            "action": "reflection",
            "key": "day-in-the-life",
            "reflection-day-in-the-life-text": text,
        },
    )
    entry = JournalEntry.objects.get(author=learner, reflection_key="day-in-the-life")
    assert "Łucja gets herself up" in client.get(lesson1.url).content.decode()
    response = client.post(reverse("journal_delete", args=[entry.pk]))
    assert response.status_code == 302
    assert not JournalEntry.objects.filter(pk=entry.pk).exists()
    assert "Łucja gets herself up" not in client.get(lesson1.url).content.decode()


def test_bulk_completions_are_seen_although_bulk_create_sends_no_signal(client, enrolled, learner):
    from courses.models import CourseCompletion

    course, _, _ = enrolled
    assert "You completed this module" not in client.get(course.url).content.decode()
    enrolment = Enrolment.objects.get(user=learner, course=course)
    bulk_record_completions(
        [
            CourseCompletion(
                enrolment=enrolment,
                user=learner,
                course=course,
                completed_at=timezone.now(),
                knowledge_score=100,
            )
        ]
    )
    assert "You completed this module" in client.get(course.url).content.decode()


def test_a_lesson_opened_again_within_a_sitting_is_not_written_again(client, enrolled):
    """The time a lesson was last opened is kept to the sitting (15 minutes), so a
    reader going back and forth writes nothing; later it is written again."""
    _, lesson1, _ = enrolled
    visit = LessonVisit.objects.get(lesson=lesson1)
    start = visit.last_visited_at
    with CaptureQueriesContext(connection) as captured:
        client.get(lesson1.url)
    assert not [q for q in captured.captured_queries if q["sql"].startswith("UPDATE")]
    with time_machine.travel(start + datetime.timedelta(minutes=16)):
        client.get(lesson1.url)
    visit.refresh_from_db()
    assert visit.last_visited_at >= start + datetime.timedelta(minutes=16)
