"""A learner's path without snags (issue 14): the module completes whatever the last
requirement met, the scenario's debrief leads back to the module, answers post to the
lesson's own addresses without JavaScript, and the knowledge-check wording reads right."""

import re

import pytest
from django.db import reset_queries
from django.urls import reverse
from django.utils.html import strip_tags

from courses.models import CheckAttempt, CourseCompletion, JournalEntry
from scenarios.models import ScenarioAttempt
from tests.courses.conftest import CHECK_TWO, build_course
from tests.courses.test_completion import enrol_and_start

pytestmark = pytest.mark.django_db


def form_action(html: str, anchor: str) -> str:
    """The address the form for ``anchor`` (``check-<key>`` …) posts to, as a browser
    without JavaScript would send it (the fragment is not sent)."""
    action = re.search(rf'<form method="post" action="([^"#]*)#{anchor}"', html)
    assert action, f"no form for {anchor}"
    return action.group(1)


def answer(client, lesson, key, selected):
    html = client.get(lesson.url).content.decode()
    return client.post(form_action(html, f"check-{key}"), {f"check-{key}-answer": selected})


def reflect(client, lesson, key, text):
    html = client.get(lesson.url).content.decode()
    return client.post(form_action(html, f"reflection-{key}"), {f"reflection-{key}-text": text})


def test_the_module_completes_when_its_scenario_is_the_last_thing_done(
    client, learner, module_with_scenario
):
    course, (lesson1, lesson2, lesson3), scenario = module_with_scenario
    enrol_and_start(client, learner, course)
    for lesson in (lesson1, lesson2, lesson3):
        client.get(lesson.url)
    answer(client, lesson1, "definition", "0")
    answer(client, lesson2, "hidden-children", ["0", "1"])
    reflect(client, lesson1, "day-in-the-life", "She gets herself up and finds cereal.")
    assert not CourseCompletion.objects.exists()

    # From the lesson's link to the scenario, through to an ending.
    lesson_html = client.get(lesson3.url).content.decode()
    scenario_link = re.search(rf'href="({re.escape(scenario.url)}[^"]*)"', lesson_html).group(1)
    scenario_html = client.get(scenario_link).content.decode()
    assert "The lesson" in scenario_html and lesson3.title in scenario_html
    start = re.search(r'action="(/[^"]*/start/)"', scenario_html).group(1)
    origin = re.search(r'name="from" value="(\d+)"', scenario_html).group(1)
    attempt_url = client.post(start, {"from": origin}).url
    move_url = attempt_url + "move/"
    nodes = scenario.nodes_by_key
    for at, label in (
        ("start", "Start an assessment now"),
        ("assess", "Convene a strategy meeting"),
    ):
        choice = next(c.pk for c in nodes[at].choices.all() if c.label == label)
        step = str(ScenarioAttempt.objects.get().step)
        response = client.post(move_url, {"at": at, "step": step, "choice": choice}, follow=True)

    debrief = response.content.decode()
    assert "You have completed &#x27;Recognising neglect (test)&#x27;" in debrief
    assert f'href="{lesson3.url}"' in debrief and f'href="{course.url}"' in debrief
    completion = CourseCompletion.objects.get(user=learner, course=course)
    assert completion.certificate.code
    module = client.get(course.url).content.decode()
    assert "You completed this module" in module
    assert reverse("certificate_pdf", args=[completion.certificate.code]) in module
    my_learning = client.get(reverse("my_learning")).content.decode()
    assert "You have no modules in progress." in my_learning


def test_finishing_the_scenario_last_completes_the_module_there_and_then(
    client, learner, module_with_scenario
):
    from tests.courses.test_demo_modules import play_to_an_ending

    course, (lesson1, lesson2, lesson3), scenario = module_with_scenario
    enrol_and_start(client, learner, course)
    for lesson in (lesson1, lesson2, lesson3):
        client.get(lesson.url)
    answer(client, lesson1, "definition", "0")
    answer(client, lesson2, "hidden-children", ["0", "1"])
    reflect(client, lesson1, "day-in-the-life", "She gets herself up and finds cereal.")
    play_to_an_ending(learner, scenario)
    # No lesson reopened: the module is complete, with its certificate, already.
    completion = CourseCompletion.objects.get(user=learner, course=course)
    assert completion.certificate.code
    my_learning = client.get(reverse("my_learning")).content.decode()
    assert "You have no modules in progress." in my_learning
    assert reverse("certificate_pdf", args=[completion.certificate.code]) in my_learning


def test_the_debrief_has_no_module_links_when_the_scenario_was_opened_on_its_own(
    client, learner, module_with_scenario
):
    course, _lessons, scenario = module_with_scenario
    client.force_login(learner)
    html = client.get(scenario.url + f"?from={course.pk}").content.decode()
    assert 'name="from"' not in html  # the module page does not ask for the scenario
    attempt_url = client.post(reverse("scenario_start", args=[scenario.pk])).url
    nodes = scenario.nodes_by_key
    for at, label in (
        ("start", "Start an assessment now"),
        ("assess", "Convene a strategy meeting"),
    ):
        choice = next(c.pk for c in nodes[at].choices.all() if c.label == label)
        step = str(ScenarioAttempt.objects.get().step)
        response = client.post(
            attempt_url + "move/", {"at": at, "step": step, "choice": choice}, follow=True
        )
    html = response.content.decode()
    assert "Back to your module" not in html
    assert "You have completed" not in html


def test_answers_post_to_the_lessons_own_addresses_without_javascript(client, learner, course_tree):
    course, lesson1, _ = course_tree
    enrol_and_start(client, learner, course)
    html = client.get(lesson1.url).content.decode()
    check_url = form_action(html, "check-definition")
    reflection_url = form_action(html, "reflection-day-in-the-life")
    assert check_url == f"{lesson1.url}checks/definition/"
    assert reflection_url == f"{lesson1.url}reflections/day-in-the-life/"
    assert 'name="action"' not in html

    response = client.post(check_url, {"check-definition-answer": "1"})
    assert response.status_code == 302 and response.url == f"{lesson1.url}#check-definition"
    assert CheckAttempt.objects.get().correct is False
    response = client.post(reflection_url, {"reflection-day-in-the-life-text": " "})
    assert response.status_code == 400
    assert "Write your reflection before saving." in response.content.decode()
    response = client.post(reflection_url, {"reflection-day-in-the-life-text": "Cold house."})
    assert response.url == f"{lesson1.url}#reflection-day-in-the-life"
    assert JournalEntry.objects.get().body == "Cold house."
    # Opening an answer's address (a bookmark, a refresh) goes back to the lesson.
    assert client.get(check_url).url == f"{lesson1.url}#check-definition"
    assert client.post(f"{lesson1.url}checks/no-such-check/").status_code == 404


def test_a_page_drawn_before_the_routes_still_posts_its_answers(client, learner, course_tree):
    course, lesson1, _ = course_tree
    enrol_and_start(client, learner, course)
    client.get(lesson1.url)
    response = client.post(
        lesson1.url, {"action": "check", "key": "definition", "check-definition-answer": "0"}
    )
    assert response.url == f"{lesson1.url}#check-definition"
    assert CheckAttempt.objects.get().correct
    assert client.post(lesson1.url, {"action": "delete"}).status_code == 404


def test_the_check_says_try_again_only_after_a_wrong_answer(client, learner, course_tree):
    course, lesson1, _ = course_tree
    body = list(lesson1.body.raw_data)
    body[1]["value"]["options"][0]["text"] += "."  # options are often full sentences
    lesson1.body = body
    lesson1.save_revision().publish()
    enrol_and_start(client, learner, course)
    client.get(lesson1.url)
    answer(client, lesson1, "definition", "1")
    html = client.get(lesson1.url).content.decode()
    assert "Not quite" in html and "Try again</button>" in html
    answer(client, lesson1, "definition", "0")
    html = client.get(lesson1.url).content.decode()
    assert "Correct" in html
    assert "Try again" not in html and "Check my answer</button>" in html
    # The chosen answer and its feedback read as two sentences, not "….: …".
    text = " ".join(strip_tags(html.replace("<br>", "\n")).split())
    assert ".:" not in text
    assert "A persistent failure to meet a child's basic needs. Yes: persistence" in (
        text.replace("&#x27;", "'")
    )


def test_select_all_that_apply_is_said_once(client, learner, home_page):
    course, _lesson1, lesson2 = build_course(home_page, slug="older-wording")
    # A question written before the editor refused the phrase.
    body = list(lesson2.body.raw_data)
    body[1]["value"]["question"] = CHECK_TWO["question"] + " Select all that apply."
    lesson2.body = body
    lesson2.save_revision().publish()
    from tests.evaluations.factories import make_instrument, use_everywhere

    use_everywhere(make_instrument(), waves=["baseline"])
    client.force_login(learner)
    client.post(reverse("course_enrol", args=[course.pk]))
    # The 'before' survey asks the module's knowledge questions too.
    questions = client.get(reverse("evaluations:survey", args=[course.pk, "baseline"]))
    assert "Knowledge question 2" in questions.content.decode()
    assert questions.content.decode().count("Select all that apply") == 1
    html = client.get(lesson2.url).content.decode()
    assert html.count("Select all that apply") == 1


def test_a_completed_learner_reads_lessons_without_the_before_questions(
    client, learner, course_tree
):
    from courses import services
    from courses.models import Enrolment

    course, lesson1, _ = course_tree
    # Completed elsewhere (an import, the demo): no 'before' answers on record.
    enrolment = Enrolment.objects.create(user=learner, course=course)
    services.record_completion(enrolment, knowledge_score=80)
    client.force_login(learner)
    response = client.get(lesson1.url)
    assert response.status_code == 200
    assert "What neglect is" in response.content.decode()


def test_a_module_without_lessons_cannot_be_enrolled_on(client, learner, home_page):
    from courses.models import CourseIndexPage, CoursePage, Enrolment

    course, *_ = build_course(home_page)
    index = CourseIndexPage.objects.get()
    empty = CoursePage(
        title="Empty module",
        slug="empty",
        summary="Nothing yet.",
        audience=["health"],
        estimated_minutes=10,
        cpd_hours=1,
    )
    index.add_child(instance=empty)
    client.force_login(learner)
    page = client.get(empty.url).content.decode()
    assert "This module has no lessons yet, so you cannot enrol on it." in page
    assert reverse("course_enrol", args=[empty.pk]) not in page
    response = client.post(reverse("course_enrol", args=[empty.pk]), follow=True)
    assert "This module has no lessons yet" in response.content.decode()
    assert not Enrolment.objects.filter(course=empty).exists()


def test_the_module_page_queries_do_not_grow_with_progress(
    client, learner, course_tree, django_assert_max_num_queries
):
    course, lesson1, lesson2 = course_tree
    enrol_and_start(client, learner, course)
    client.get(lesson1.url)
    client.get(course.url)
    reset_queries()  # the capture reads a log that holds only the last 9,000 queries
    with django_assert_max_num_queries(40) as early:
        client.get(course.url)
    early_count = len(early.captured_queries)
    client.get(lesson2.url)
    answer(client, lesson1, "definition", "1")
    answer(client, lesson1, "definition", "0")
    answer(client, lesson2, "hidden-children", ["0"])
    client.get(course.url)
    reset_queries()
    with django_assert_max_num_queries(early_count):
        response = client.get(course.url)
    assert "2 of 2 lessons opened" in response.content.decode()
