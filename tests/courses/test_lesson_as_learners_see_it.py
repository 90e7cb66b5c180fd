"""A trainer's "View live" shows the lesson a learner sees, and a reflection's guidance
reads after its question (issue 16, item 8)."""

import re

import pytest
from django.utils.html import escape

from courses.models import LessonVisit
from tests.courses.conftest import CHECK_ONE, REFLECTION
from tests.courses.test_completion import enrol_and_start

pytestmark = pytest.mark.django_db


def test_view_live_shows_a_trainer_the_questions_not_the_answers(client, trainer, course_tree):
    _, lesson, _ = course_tree
    client.force_login(trainer)

    html = client.get(lesson.url).content.decode()

    assert "as a learner sees it" in html
    assert html.count('type="radio"') == len(CHECK_ONE["options"])
    for option in CHECK_ONE["options"]:
        assert escape(option["text"]) in html
        assert escape(option["feedback"]) not in html
    assert escape(CHECK_ONE["explanation"]) not in html
    assert "Incorrect" not in html
    assert "<textarea" in html
    # Nothing to post: a trainer's answers are not recorded.
    body = html[html.index('class="lesson-body"') :]
    assert "Check my answer</button>" in body and 'type="submit"' not in body
    assert not LessonVisit.objects.exists()


@pytest.mark.parametrize("who", ["learner", "trainer"])
def test_reflection_guidance_follows_its_question(client, request, course_tree, who):
    course, lesson, _ = course_tree
    user = request.getfixturevalue(who)
    if who == "learner":
        enrol_and_start(client, user, course)
    else:
        client.force_login(user)

    html = client.get(lesson.url).content.decode()

    section = html[html.index('id="reflection-day-in-the-life"') :]
    prompt_at = section.index(escape(REFLECTION["prompt"]))
    guidance_at = section.index(REFLECTION["guidance"])
    assert prompt_at < guidance_at < section.index("<textarea")
    hint_id = re.search(r'id="([^"]+_helptext)">' + re.escape(REFLECTION["guidance"]), section)
    assert hint_id, "the guidance is the text box's hint"
    assert f'aria-describedby="{hint_id.group(1)}"' in section
