"""A learner downloads their own answers; deleting the account anonymises them."""

import csv
import datetime
import io

import pytest
from django.core import mail
from django.urls import reverse

from evaluations.models import (
    FollowUpInvitation,
    InvitationLinkToken,
    InvitationStatus,
    SkipReason,
    SurveyAnswer,
    SurveyResponse,
)
from evaluations.sweep import sweep_due_invitations
from learning_site.services import delete_account
from tests.evaluations.conftest import COMPLETED
from tests.evaluations.factories import complete_module, valid_answers
from tests.evaluations.test_links import link_in
from tests.evaluations.test_sweep import DUE

pytestmark = pytest.mark.django_db


@pytest.fixture
def answered(client, learner, module, instrument, time_machine):
    time_machine.move_to(DUE + datetime.timedelta(hours=1))
    complete_module(learner, module, COMPLETED)
    sweep_due_invitations(DUE)
    url = link_in(mail.outbox[0])
    client.get(url)
    response = SurveyResponse.objects.get(user=learner)
    client.post(url, valid_answers(response, changed="=HYPERLINK(1)"))
    return response


def test_learner_downloads_only_their_own_answers(client, answered, learner, other_learner):
    client.force_login(learner)
    download = client.get(reverse("evaluations:my_answers_csv"))
    assert download["Content-Type"].startswith("text/csv")
    assert download.content.startswith("\ufeff".encode())  # Excel reads it as UTF-8
    rows = list(csv.reader(io.StringIO(download.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Module", "Survey", "Status"]
    assert len(rows) == 1 + 5
    by_question = {r[5]: r[7] for r in rows[1:]}
    assert by_question["I can recognise disguised compliance."] == "4 (Agree)"
    assert by_question["What do you do differently?"] == "'=HYPERLINK(1)"  # no formula
    client.force_login(other_learner)
    other = client.get(reverse("evaluations:my_answers_csv")).content.decode("utf-8-sig")
    assert other.strip().count("\n") == 0


def test_deleting_an_account_anonymises_answers_and_cancels_invitations(answered, learner):
    twelve = FollowUpInvitation.objects.get(wave="twelve_months")
    InvitationLinkToken.issue(twelve)
    answer_count = SurveyAnswer.objects.count()
    key = answered.respondent_key
    delete_account(learner)

    response = SurveyResponse.objects.get(pk=answered.pk)
    assert response.user is None
    assert response.respondent_key == key  # pairs waves, names nobody
    assert response.partnership_id is not None
    assert SurveyAnswer.objects.count() == answer_count
    twelve.refresh_from_db()
    assert twelve.status == InvitationStatus.SKIPPED
    assert twelve.skip_reason == SkipReason.ACCOUNT_DELETED
    assert twelve.user is None
    assert not InvitationLinkToken.objects.exists()
    three = FollowUpInvitation.objects.get(wave="three_months")
    assert three.status == InvitationStatus.RESPONDED  # history kept, identity gone
    assert three.user is None
    sent = len(mail.outbox)
    sweep_due_invitations(DUE + datetime.timedelta(days=400))
    assert len(mail.outbox) == sent


def test_unfinished_answers_are_deleted_with_the_account(client, learner, module, instrument):
    from courses.models import Enrolment
    from evaluations.services import start_response

    Enrolment.objects.create(user=learner, course=module)
    start_response(learner, module, "baseline", instrument)
    delete_account(learner)
    assert not SurveyResponse.objects.exists()


def test_preferences_page_stops_and_restarts_follow_ups(client, learner):
    from evaluations.models import SurveyOptOut

    client.force_login(learner)
    url = reverse("evaluations:preferences")
    assert "Stop follow-up surveys" in client.get(url).content.decode()
    client.post(url, {"choice": "stop"})
    assert SurveyOptOut.objects.filter(user=learner).exists()
    client.post(url, {"choice": "start"})
    assert not SurveyOptOut.objects.filter(user=learner).exists()
