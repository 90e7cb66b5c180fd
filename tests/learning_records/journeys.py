"""A learner's whole journey, through the site's own views and services, as the xAPI
tests need it: enrol, lessons, knowledge checks, a reflection, completion, a scenario
played to its end, a research digest, and the 3-month follow-up survey answered."""

from __future__ import annotations

import datetime
import io
import re

from dateutil.relativedelta import relativedelta
from django.core import mail
from django.core.management import call_command

from courses.models import CourseCompletion
from evaluations.schedule import LONDON
from tests.courses.conftest import build_course
from tests.courses.test_completion import answer, enrol_and_start
from tests.evaluations.factories import valid_answers

REFLECTION_TEXT = "She makes her own breakfast most days and hides it from her mum."
SURVEY_TEXT = "I now start a chronology at the first visit, says Lee."


def play_scenario(user, scenario, first_choice: str = "Start an assessment now"):
    """Play to an ending: the named choice first, then the first choice at each node."""
    from scenarios.services import current_node, make_move, start_attempt

    attempt = start_attempt(user, scenario)
    label = first_choice
    while not attempt.is_complete:
        node = current_node(attempt)
        choices = list(node.choices.all())
        choice = next((c for c in choices if c.label == label), choices[0])
        make_move(attempt, at_node_key=node.key, step=attempt.step, choice_id=choice.pk)
        attempt.refresh_from_db()
        label = None
    return attempt


def whole_journey(client, learner, home_page, time_machine):
    from evaluations.models import SurveyResponse
    from tests.research_digest.factories import make_digest
    from tests.research_digest.factories import make_index as make_digest_index
    from tests.scenarios.factories import make_scenario

    course, lesson1, lesson2 = build_course(home_page)
    enrol_and_start(client, learner, course)
    client.get(lesson1.url)
    answer(client, lesson1, "definition", "1")  # wrong first
    answer(client, lesson1, "definition", "0")
    client.get(lesson2.url)
    answer(client, lesson2, "hidden-children", ["0", "1"])
    client.post(
        lesson1.url,
        {
            "action": "reflection",
            "key": "day-in-the-life",
            "reflection-day-in-the-life-text": REFLECTION_TEXT,
        },
    )
    completion = CourseCompletion.objects.get(user=learner)

    scenario = make_scenario(home_page)
    attempt = play_scenario(learner, scenario)

    digest = make_digest(make_digest_index(home_page), title="Neglect in adolescence")
    assert client.get(digest.url).status_code == 200
    client.get(digest.url)  # read twice: experienced once
    client.logout()

    completed_day = completion.completed_at.astimezone(LONDON).date()
    three_months = datetime.datetime.combine(
        completed_day + relativedelta(months=3), datetime.time(12, 0), tzinfo=LONDON
    )
    call_command("send_due_followups", "--now", three_months.isoformat(), stdout=io.StringIO())
    link = re.search(r"https?://[^/\s]+(/surveys/follow-up/\S+/)", mail.outbox[-1].body)[1]
    time_machine.move_to(three_months + datetime.timedelta(hours=2))
    client.get(link)
    response = SurveyResponse.objects.get(user=learner, wave="three_months")
    questions = list(response.instrument_version.frozen_questions.all())
    text_keys = [q.key for q in questions if q.kind == "text"]
    assert text_keys, "the instrument needs a free-text question for this test"
    answers = valid_answers(response, **dict.fromkeys(text_keys, SURVEY_TEXT))
    assert client.post(link, answers).status_code == 302
    return course, completion, attempt, digest
