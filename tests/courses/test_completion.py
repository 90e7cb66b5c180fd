import pytest
from django.urls import reverse

from courses import services
from courses.models import Certificate, CheckAttempt, CourseCompletion, JournalEntry
from courses.signals import module_completed

pytestmark = pytest.mark.django_db


def enrol_and_start(client, user, course):
    """Enrol through the page's button: it leads to the 'before' survey where one is set
    up (the demo's), which these learners skip for now, else straight to lesson 1."""
    client.force_login(user)
    response = client.post(reverse("course_enrol", args=[course.pk]))
    assert response.status_code == 302
    survey = reverse("evaluations:survey", args=[course.pk, "baseline"])
    assert response.url in (course.lessons().first().url, survey)


def answer(client, lesson, key, selected):
    prefix = f"check-{key}-answer"
    return client.post(lesson.url, {"action": "check", "key": key, prefix: selected})


def test_completion_needs_every_rule_and_keeps_first_and_best_attempts(
    client, learner, course_tree
):
    course, lesson1, lesson2 = course_tree
    fired = []
    module_completed.connect(
        lambda sender, completion, **kw: fired.append(completion), weak=False, dispatch_uid="t"
    )
    try:
        enrol_and_start(client, learner, course)
        assert client.get(lesson1.url).status_code == 200
        # Wrong, then right: both attempts kept.
        answer(client, lesson1, "definition", "1")
        answer(client, lesson1, "definition", "0")
        attempts = CheckAttempt.objects.filter(check_key="definition").order_by("attempt_number")
        assert [a.correct for a in attempts] == [False, True]
        status = services.course_status_for(learner, course)
        assert not status.rules_met
        assert "Open every lesson (1 not opened yet)" in status.outstanding

        client.get(lesson2.url)
        answer(client, lesson2, "hidden-children", ["0", "1"])
        status = services.course_status_for(learner, course)
        # Partial progress: the required reflection is still missing.
        assert status.outstanding == ["Write the required reflections (1 still to write)"]
        assert not CourseCompletion.objects.exists()

        client.post(
            lesson1.url,
            {
                "action": "reflection",
                "key": "day-in-the-life",
                "reflection-day-in-the-life-text": "She gets herself up and finds cereal.",
            },
        )
        completion = CourseCompletion.objects.get()
        assert completion.knowledge_score == 100
        assert Certificate.objects.filter(completion=completion).exists()
        # Visiting again does not complete twice or fire the signal again.
        client.get(lesson1.url)
        assert CourseCompletion.objects.count() == 1
        assert fired == [completion]
    finally:
        module_completed.disconnect(dispatch_uid="t")


def test_pass_mark_uses_best_attempt(client, learner, home_page):
    from tests.courses.conftest import build_course

    course, lesson1, lesson2 = build_course(home_page, pass_mark=100, slug="strict")
    enrol_and_start(client, learner, course)
    client.get(lesson1.url)
    client.get(lesson2.url)
    client.post(
        lesson1.url,
        {
            "action": "reflection",
            "key": "day-in-the-life",
            "reflection-day-in-the-life-text": "Text",
        },
    )
    answer(client, lesson1, "definition", "0")
    answer(client, lesson2, "hidden-children", ["0"])  # incomplete answer: wrong
    status = services.course_status_for(learner, course)
    assert status.knowledge_score == 50
    assert any("at least 100%" in item for item in status.outstanding)
    answer(client, lesson2, "hidden-children", ["0", "1"])
    assert CourseCompletion.objects.filter(user=learner, course=course).exists()


def test_lessons_of_a_module_not_enrolled_are_refused(client, learner, course_tree):
    _, lesson1, _ = course_tree
    client.force_login(learner)
    response = client.get(lesson1.url)
    assert response.status_code == 403
    assert "Enrol to see this lesson" in response.content.decode()


def test_answer_to_a_check_in_a_lesson_not_opened_is_refused(client, learner, course_tree):
    course, _, lesson2 = course_tree
    enrol_and_start(client, learner, course)
    response = answer(client, lesson2, "hidden-children", ["0", "1"])
    assert response.status_code == 302
    assert not CheckAttempt.objects.exists()


def test_check_without_answer_says_so(client, learner, course_tree):
    course, lesson1, _ = course_tree
    enrol_and_start(client, learner, course)
    client.get(lesson1.url)
    response = client.post(lesson1.url, {"action": "check", "key": "definition"})
    assert response.status_code == 400
    assert "Select an answer." in response.content.decode()


def test_empty_and_oversized_reflections_are_refused_with_text_kept(
    client, learner, course_tree, settings
):
    settings.REFLECTION_MAX_CHARS = 50
    course, lesson1, _ = course_tree
    enrol_and_start(client, learner, course)
    client.get(lesson1.url)
    field = "reflection-day-in-the-life-text"
    response = client.post(
        lesson1.url, {"action": "reflection", "key": "day-in-the-life", field: "   "}
    )
    assert "Write your reflection before saving." in response.content.decode()
    long_text = "word " * 30
    response = client.post(
        lesson1.url, {"action": "reflection", "key": "day-in-the-life", field: long_text}
    )
    html = response.content.decode()
    assert "must be 50 characters or fewer" in html
    assert "word word word" in html
    assert not JournalEntry.objects.exists()


def test_reflection_is_sanitised_and_plain_text_kept(client, learner, course_tree):
    course, lesson1, _ = course_tree
    enrol_and_start(client, learner, course)
    client.get(lesson1.url)
    payload = '<script>alert(1)</script><img src=x onerror=alert(2)><a href="javascript:alert(3)">She</a> was hungry'
    client.post(
        lesson1.url,
        {
            "action": "reflection",
            "key": "day-in-the-life",
            "reflection-day-in-the-life-text": payload,
        },
    )
    entry = JournalEntry.objects.get()
    assert "<" not in entry.body
    assert "She was hungry" in entry.body
    page = client.get(reverse("journal_entry", args=[entry.pk])).content.decode()
    assert "<script>alert" not in page and "onerror" not in page


def test_leaving_and_rejoining_keeps_progress(client, learner, course_tree):
    course, lesson1, _ = course_tree
    enrol_and_start(client, learner, course)
    client.get(lesson1.url)
    client.post(reverse("course_leave", args=[course.pk]))
    assert client.get(lesson1.url).status_code == 403
    client.post(reverse("course_enrol", args=[course.pk]))
    assert client.get(lesson1.url).status_code == 200
    assert services.course_status_for(learner, course).lessons_visited == 1


def test_prerequisites_are_enforced(client, learner, home_page, course):
    from tests.courses.conftest import build_course

    advanced, _, _ = build_course(home_page, slug="advanced")
    advanced.prerequisites = [course]
    advanced.save()
    client.force_login(learner)
    response = client.post(reverse("course_enrol", args=[advanced.pk]), follow=True)
    assert (
        "Complete &#x27;Recognising neglect (test)&#x27; before you start"
        in response.content.decode()
    )


def test_linked_scenario_must_be_completed(client, learner, module_with_scenario):
    from django.utils import timezone

    from scenarios.models import ScenarioAttempt

    course, (lesson1, lesson2, lesson3), scenario = module_with_scenario
    enrol_and_start(client, learner, course)
    for lesson in (lesson1, lesson2, lesson3):
        assert client.get(lesson.url).status_code == 200
    answer(client, lesson1, "definition", "0")
    answer(client, lesson2, "hidden-children", ["0", "1"])
    client.post(
        lesson1.url,
        {
            "action": "reflection",
            "key": "day-in-the-life",
            "reflection-day-in-the-life-text": "Text",
        },
    )
    status = services.course_status_for(learner, course)
    assert status.outstanding == ["Complete the case scenarios (1 still to finish)"]
    assert "Play the scenario" in client.get(lesson3.url).content.decode()
    ScenarioAttempt.objects.create(
        user=learner,
        scenario=scenario,
        current_node_key="end",
        ending_key="end",
        completed_at=timezone.now(),
    )
    client.get(lesson3.url)
    assert CourseCompletion.objects.filter(user=learner, course=course).exists()
