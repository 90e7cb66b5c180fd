"""The emailed link and the email: unguessable, one invitation, single use, closes with
the wave; one-click opt-out; only the first name."""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse

from evaluations.models import (
    FollowUpInvitation,
    InvitationLinkToken,
    InvitationStatus,
    ResponseStatus,
    SurveyOptOut,
    SurveyResponse,
    WaveKind,
)
from evaluations.sweep import sweep_due_invitations
from tests.evaluations.conftest import COMPLETED
from tests.evaluations.factories import complete_module, valid_answers
from tests.evaluations.test_sweep import DUE
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def link_in(message) -> str:
    return re.search(r"http://testserver(/surveys/follow-up/\d+/[\w-]+/)\n", message.body)[1]


@pytest.fixture
def sent(learner, module, instrument, time_machine):
    time_machine.move_to(DUE + datetime.timedelta(hours=1))
    learner.full_name = "Lee Quentin Learner"
    learner.save()
    completion = complete_module(learner, module, COMPLETED)
    sweep_due_invitations(DUE)
    invitation = FollowUpInvitation.objects.get(completion=completion, wave=WaveKind.THREE_MONTHS)
    return invitation, link_in(mail.outbox[0])


def test_email_is_from_the_partnership_with_first_name_only(sent, partnership):
    message = mail.outbox[0]
    assert message.from_email.startswith(f'"{partnership.name}"') or message.from_email.startswith(
        partnership.name
    )
    assert message.body.startswith("Hello Lee,")
    html = message.alternatives[0][0]
    assert "Hello Lee," in html
    for text in (message.body, html):
        assert "Quentin" not in text and "Learner" not in text
        assert "social care" not in text.lower()
        assert "about 4 minutes" in text
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "/stop/" in message.extra_headers["List-Unsubscribe"]


def test_only_a_hash_of_the_token_is_stored(sent):
    invitation, url = sent
    raw = url.rstrip("/").rsplit("/", 1)[1]
    assert len(raw) >= 40  # 32 random bytes
    stored = InvitationLinkToken.objects.get(invitation=invitation).token_hash
    assert raw not in stored and len(stored) == 64


def test_the_link_opens_the_survey_without_signing_in(client, sent):
    response = client.get(sent[1])
    assert response.status_code == 200
    assert "I can recognise disguised compliance." in response.content.decode()


def test_a_forged_or_altered_token_is_refused(client, sent):
    invitation, url = sent
    assert client.get(url[:-3] + "xx/").status_code == 404
    forged = reverse(
        "evaluations:follow_up_by_link",
        kwargs={"invitation_id": invitation.pk, "token": "A" * 43},
    )
    assert client.get(forged).status_code == 404
    assert client.post(forged, valid_answers([])).status_code == 404


def test_a_token_works_only_for_its_own_invitation(client, sent, partnership, module):
    invitation, url = sent
    other = make_user(partnership=partnership)
    complete_module(other, module, COMPLETED)
    sweep_due_invitations(DUE)
    other_invitation = FollowUpInvitation.objects.get(user=other, wave=WaveKind.THREE_MONTHS)
    raw = url.rstrip("/").rsplit("/", 1)[1]
    crossed = reverse(
        "evaluations:follow_up_by_link",
        kwargs={"invitation_id": other_invitation.pk, "token": raw},
    )
    assert client.get(crossed).status_code == 404
    assert not SurveyResponse.objects.filter(user=other).exists()


@pytest.mark.parametrize("who", ["other_learner_same_partnership", "trainer"])
def test_a_link_opened_by_another_signed_in_person_is_refused(client, sent, instrument, who):
    from learning_site.roles import Role

    invitation, url = sent
    role = Role.TRAINER if who == "trainer" else Role.LEARNER
    someone_else = make_user(role, partnership=invitation.partnership)
    client.force_login(someone_else)

    page = client.get(url)
    assert page.status_code == 403
    html = page.content.decode()
    assert "<h1>This survey link was sent to someone else</h1>" in html
    assert f"You are signed in as {someone_else.email}" in html
    assert "Nothing has been saved." in html
    assert reverse("account_logout") in html
    assert "I can recognise disguised compliance." not in html  # no questions shown

    # Sending answers is refused too, and nothing is recorded for anyone.
    questions = list(instrument.current_version().frozen_questions.all())
    refused = client.post(url, valid_answers(questions))
    assert refused.status_code == 403
    saved = client.post(url, {"action": "save"})
    assert saved.status_code == 403
    assert not SurveyResponse.objects.exists()
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.SENT

    # The page's button signs out and comes back to the link, which then works.
    signed_out = client.post(reverse("account_logout"), {"next": url})
    assert signed_out.status_code == 302 and signed_out.url == url
    assert client.get(url).status_code == 200


def test_a_link_is_single_use_for_sending_answers(client, sent):
    invitation, url = sent
    client.get(url)
    response = SurveyResponse.objects.get(invitation=invitation)
    assert client.post(url, valid_answers(response)).status_code == 302
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.RESPONDED
    assert SurveyResponse.objects.get(pk=response.pk).status == ResponseStatus.SUBMITTED
    again = client.post(url, valid_answers(response, chronology="40"))
    assert again.status_code == 410
    assert "already sent" in again.content.decode()
    assert response.answers.get(question__key="chronology").number_value == 3
    assert client.get(url).status_code == 410


def test_a_link_stops_working_when_the_wave_closes(client, sent):
    invitation, url = sent
    FollowUpInvitation.objects.filter(pk=invitation.pk).update(
        closes_at=datetime.datetime.now(datetime.UTC) - datetime.timedelta(seconds=1)
    )
    response = client.get(url)
    assert response.status_code == 410
    assert "closed" in response.content.decode()
    sweep_due_invitations(DUE + datetime.timedelta(days=30))
    assert client.get(url).status_code == 410


def test_every_reminder_has_its_own_link_and_all_work(client, sent):
    invitation, first_url = sent
    sweep_due_invitations(DUE + datetime.timedelta(days=7))
    second_url = link_in(mail.outbox[-1])
    assert second_url != first_url
    assert client.get(first_url).status_code == 200
    assert client.get(second_url).status_code == 200


def test_one_click_opt_out(client, sent, learner, module):
    invitation, url = sent
    stop = url + "stop/"
    page = client.get(stop)
    assert page.status_code == 200
    assert not SurveyOptOut.objects.exists()  # opening the link alone changes nothing
    response = client.post(stop)  # the button, or the mail program's one-click POST
    assert response.status_code == 200
    assert SurveyOptOut.objects.filter(user=learner).exists()
    statuses = set(FollowUpInvitation.objects.values_list("status", flat=True))
    assert statuses == {InvitationStatus.OPTED_OUT}
    assert client.get(url).status_code == 410
    sent_before = len(mail.outbox)
    sweep_due_invitations(DUE + datetime.timedelta(days=400))
    assert len(mail.outbox) == sent_before
    assert client.post(stop.replace(url.split("/")[-2], "forged-token")).status_code == 404
