"""My learning reads every module's progress in the same few queries, and shows exactly
what each module's own page would."""

import pytest
from django.urls import reverse

from courses.models import Enrolment
from courses.services import (
    answer_check,
    course_status_for,
    course_statuses_for,
    enrol,
    record_visit,
    save_reflection,
)
from tests.courses.conftest import build_course

pytestmark = pytest.mark.django_db


def modules(home_page, how_many):
    return [build_course(home_page, slug=f"module-{n}") for n in range(how_many)]


def summary(status):
    return (
        status.course.pk,
        status.enrolled,
        sorted(status.visited_ids),
        {key: len(state.attempts) for key, state in status.check_states.items()},
        sorted(status.reflections),
        status.percent,
        status.resume_lesson.pk if status.resume_lesson else None,
    )


def test_my_learning_shows_the_same_progress_as_each_module_page(learner, home_page):
    (a, a1, a2), (b, b1, _b2), (c, *_rest) = modules(home_page, 3)
    ea, eb = enrol(learner, a), enrol(learner, b)
    enrol(learner, c)
    record_visit(ea, a1)
    record_visit(ea, a2)
    reqs = course_status_for(learner, a).requirements
    answer_check(ea, a1, reqs.check(a1.pk, "definition"), [1])
    save_reflection(ea, a1, reqs.reflections[0], "She gets her own breakfast.")
    record_visit(eb, b1)

    enrolments = Enrolment.objects.filter(user=learner).select_related("course", "completion")
    batched = [summary(s) for s in course_statuses_for(learner, enrolments)]
    one_by_one = [summary(course_status_for(learner, e.course)) for e in enrolments]
    assert batched == one_by_one
    by_course = {row[0]: row for row in batched}
    assert len(by_course[a.pk][2]) == 2 and len(by_course[b.pk][2]) == 1
    assert by_course[a.pk][4] and not by_course[b.pk][4]  # the reflection is a's only


def test_my_learning_queries_do_not_grow_with_the_number_of_modules(
    client, learner, home_page, django_assert_max_num_queries
):
    courses = modules(home_page, 4)
    enrol(learner, courses[0][0])
    client.force_login(learner)
    client.get(reverse("my_learning"))
    with django_assert_max_num_queries(60) as one:
        client.get(reverse("my_learning"))
    with_one = len(one.captured_queries)
    for course, lesson, _ in courses[1:]:
        record_visit(enrol(learner, course), lesson)
    client.get(reverse("my_learning"))
    with django_assert_max_num_queries(with_one):
        response = client.get(reverse("my_learning"))
    assert response.content.decode().count("Recognising neglect (test)") >= 4
