"""Done when: a learner completes a module; three months later `send_due_followups --now`
writes exactly one invitation whose link opens the survey; answering shows in the
trainer's counts; running again sends nothing new; twelve months on the second wave goes
out."""

import datetime
import io
import re

import pytest
from dateutil.relativedelta import relativedelta
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from courses.models import CourseCompletion
from evaluations.schedule import LONDON
from tests.courses.conftest import build_course
from tests.courses.test_completion import answer, enrol_and_start
from tests.evaluations.factories import valid_answers

pytestmark = pytest.mark.django_db


def sweep(now) -> str:
    out = io.StringIO()
    call_command("send_due_followups", "--now", now.isoformat(), stdout=out)
    return out.getvalue()


def test_follow_up_journey(client, learner, trainer, instrument, home_page, time_machine):
    course, lesson1, lesson2 = build_course(home_page)
    # The learner completes the module for real (lessons, checks, reflection).
    enrol_and_start(client, learner, course)
    client.get(lesson1.url)
    answer(client, lesson1, "definition", "0")
    client.get(lesson2.url)
    answer(client, lesson2, "hidden-children", ["0", "1"])
    client.post(
        lesson1.url,
        {
            "action": "reflection",
            "key": "day-in-the-life",
            "reflection-day-in-the-life-text": "She makes her own breakfast most days.",
        },
    )
    completion = CourseCompletion.objects.get(user=learner)
    client.logout()

    completed_day = completion.completed_at.astimezone(LONDON).date()
    three_months = datetime.datetime.combine(
        completed_day + relativedelta(months=3), datetime.time(12, 0), tzinfo=LONDON
    )
    assert "sent 0" in sweep(three_months - datetime.timedelta(days=1))
    assert "sent 1," in sweep(three_months)
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(/surveys/follow-up/\S+/)", mail.outbox[0].body)[1]

    # The link opens the survey (as the learner would, on that day, without signing in).
    time_machine.move_to(three_months + datetime.timedelta(hours=2))
    page = client.get(link)
    assert page.status_code == 200
    assert instrument.title in page.content.decode()
    from evaluations.models import SurveyResponse

    response = SurveyResponse.objects.get(user=learner, wave="three_months")
    assert client.post(link, valid_answers(response)).status_code == 302

    # It shows in the trainer's counts.
    client.force_login(trainer)
    counts = client.get(reverse("evaluations:trainer_counts"))
    row = next(r for r in counts.context["rows"] if r.wave == "three_months")
    assert (row.invited, row.sent, row.responded, row.response_rate) == (1, 1, 1, 100)
    assert learner.full_name not in counts.content.decode()

    # Running again sends nothing new.
    assert "sent 0, reminded 0" in sweep(three_months + datetime.timedelta(minutes=15))
    assert "sent 0, reminded 0" in sweep(three_months + datetime.timedelta(days=8))
    assert len(mail.outbox) == 1

    # Twelve months on, the second wave goes out, once.
    twelve_months = datetime.datetime.combine(
        completed_day + relativedelta(months=12), datetime.time(12, 0), tzinfo=LONDON
    )
    assert "sent 1," in sweep(twelve_months)
    assert "sent 0," in sweep(twelve_months)
    assert len(mail.outbox) == 2
    assert mail.outbox[1].subject.startswith("12 months on from")
