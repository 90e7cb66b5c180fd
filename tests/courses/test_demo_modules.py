"""The demo modules as a learner meets them: every lesson renders, no link is broken, and
each module can be failed, retried and completed, with a certificate and a CPD record."""

import html
import re

import pytest
from django.urls import reverse

from courses.models import CourseCompletion, CoursePage
from courses.requirements import requirements_for
from scenarios.models import ScenarioPage
from scenarios.services import make_move, start_attempt
from tests.courses.test_completion import enrol_and_start
from tests.scenarios.test_demo import path_to

pytestmark = pytest.mark.django_db

DEMO_SLUGS = [
    "recognising-neglect",
    "assessment-chronologies-cumulative-harm",
    "working-with-resistance",
]


@pytest.fixture
def demo(demo_site):
    # In tree order: the third module requires the first.
    return {
        c.slug: c for c in CoursePage.objects.live().filter(slug__in=DEMO_SLUGS).order_by("path")
    }


@pytest.fixture
def learner(demo):
    from learning_site.models import User

    return User.objects.get(email="learner@northshire.example")


def internal_links(html: str) -> set[str]:
    main = html.split('id="main-content"', 1)[1]
    return {
        href for href in re.findall(r'href="(/[^"#]*)', main) if not href.startswith("/static/")
    }


def play_to_an_ending(user, scenario):
    attempt = start_attempt(user, scenario)
    ending = next(n for n in scenario.nodes_by_key.values() if n.is_ending)
    for at, choice_id in path_to(scenario, ending.key):
        make_move(attempt, at_node_key=at, step=attempt.step, choice_id=choice_id)


def test_demo_modules_are_complete_and_have_no_broken_links(client, demo):
    from learning_site.models import User

    assert set(demo) == set(DEMO_SLUGS)
    # The demo trainer reads every lesson without enrolling (answers are not recorded).
    client.force_login(User.objects.get(email="trainer@northshire.example"))
    checked: set[str] = set()
    for course in demo.values():
        assert client.get(course.url).status_code == 200
        lessons = list(course.lessons())
        assert len(lessons) >= 4
        reqs = requirements_for(lessons)
        assert reqs.checks and reqs.required_reflections
        for lesson in lessons:
            response = client.get(lesson.url)
            assert response.status_code == 200, lesson.url
            html = response.content.decode()
            assert "child-voice" in html or "knowledge-check" in html
            for href in internal_links(html) - checked:
                checked.add(href)
                status = client.get(href).status_code
                assert status in (200, 302), f"{href} linked from {lesson.url} gives {status}"


def test_a_learner_fails_retries_and_completes_each_demo_module(client, learner, demo):
    for course in demo.values():
        lessons = list(course.lessons())
        reqs = requirements_for(lessons)
        by_id = {lesson.pk: lesson for lesson in lessons}
        enrol_and_start(client, learner, course)
        for lesson in lessons:
            client.get(lesson.url)
        for spec in reqs.checks:
            lesson = by_id[spec.lesson_id]
            field = f"check-{spec.key}-answer"
            wrong = [i for i in range(len(spec.options)) if i not in spec.correct_indexes][:1]
            right = sorted(spec.correct_indexes)
            client.post(
                lesson.url, {"action": "check", "key": spec.key, field: [str(i) for i in wrong]}
            )
            client.post(
                lesson.url, {"action": "check", "key": spec.key, field: [str(i) for i in right]}
            )
        for spec in reqs.required_reflections:
            client.post(
                by_id[spec.lesson_id].url,
                {
                    "action": "reflection",
                    "key": spec.key,
                    f"reflection-{spec.key}-text": "I will ask the child about their day first.",
                },
            )
        for scenario in ScenarioPage.objects.filter(pk__in=reqs.scenario_ids):
            play_to_an_ending(learner, scenario)
        # Finishing the scenario, the last requirement, completes the module there and then.
        completion = CourseCompletion.objects.get(user=learner, course=course)
        pdf = client.get(reverse("certificate_pdf", args=[completion.certificate.code]))
        assert pdf.getvalue().startswith(b"%PDF-")
    csv_text = client.get(reverse("cpd_record_csv")).content.decode()
    assert all(course.title in csv_text for course in demo.values())


def test_the_before_survey_asks_the_modules_own_questions_not_the_lessons(client, learner, demo):
    """A learner meets each knowledge question once before the module and once at the end,
    never the same words they have already answered, with feedback, inside a lesson."""
    from courses.blocks import question_text
    from courses.demo_content import MODULES
    from learning_site.models import User
    from learning_site.roles import Role
    from tests.factories import make_user

    northshire = User.objects.get(email="learner@northshire.example").partnership
    newcomer = make_user(Role.LEARNER, northshire, full_name="Nia Newcomer")
    # The modules a newcomer can enrol on straight away (the rest need one completed first).
    for data in [module for module in MODULES if not module["prerequisites"]]:
        course = demo[data["slug"]]
        enrol_and_start(client, newcomer, course)
        page = client.get(reverse("evaluations:survey", args=[course.pk, "baseline"]))
        assert page.status_code == 200
        shown = html.unescape(page.content.decode())
        for question in data["before_after"]:
            assert question_text(question["question"]) in shown
        for spec in requirements_for(list(course.lessons())).checks:
            assert question_text(spec.question) not in shown, spec.key
