"""Answering: saved and resumable, errors that keep answers, free text cleaned and
limited, the learner's own reflection shown only to them when signed in."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse

from courses import services as course_services
from courses.models import Enrolment, JournalEntry
from evaluations.models import FollowUpInvitation, ResponseStatus, SurveyResponse, WaveKind
from evaluations.sweep import sweep_due_invitations
from tests.evaluations.conftest import COMPLETED
from tests.evaluations.factories import complete_module, knowledge_answers, valid_answers
from tests.evaluations.test_links import link_in
from tests.evaluations.test_sweep import DUE
from tests.factories import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def survey_url(learner, module, instrument, time_machine):
    time_machine.move_to(DUE - datetime.timedelta(days=100))
    completion = complete_module(learner, module, COMPLETED)
    course_services.save_journal_entry(
        JournalEntry(author=learner, course=module, reflection_key="day-in-the-life"),
        body="Her day starts with no breakfast and nobody walks her to school.",
    )
    time_machine.move_to(DUE + datetime.timedelta(hours=1))
    sweep_due_invitations(DUE)
    invitation = FollowUpInvitation.objects.get(completion=completion, wave=WaveKind.THREE_MONTHS)
    return invitation, link_in(mail.outbox[0])


def _ticked(page: str, field_name: str, value: str) -> bool:
    marker = f'name="{field_name}" value="{value}"'
    return marker in page and "checked" in page[page.index(marker) : page.index(marker) + 120]


def test_partial_answers_are_saved_and_resumed(client, survey_url, learner):
    invitation, url = survey_url
    client.get(url)
    response = SurveyResponse.objects.get(invitation=invitation)
    confidence = response.instrument_version.frozen_questions.get(key="confidence")
    partial = {"action": "save", confidence.field_name: "2"}
    saved = client.post(url, partial)
    # Not signed in: the answers are kept, and the page says how to see them again.
    assert saved.status_code == 302 and saved.url == reverse("evaluations:saved")
    page = client.get(saved.url).content.decode()
    assert "<h1>Your answers are saved</h1>" in page
    response.refresh_from_db()
    assert response.status == ResponseStatus.IN_PROGRESS
    assert response.answers.get().number_value == 2
    # Come back later, signed in: the saved answer is ticked.
    client.force_login(learner)
    page = client.get(url).content.decode()
    assert _ticked(page, confidence.field_name, "2")
    # Saving again signed in comes back to the survey, answers shown.
    resaved = client.post(url, {"action": "save", confidence.field_name: "4"}, follow=True)
    assert "Your answers are saved." in resaved.content.decode()
    assert _ticked(resaved.content.decode(), confidence.field_name, "4")


def test_saved_answers_are_not_shown_to_whoever_holds_the_link(client, survey_url, learner):
    invitation, url = survey_url
    client.force_login(learner)
    client.get(url)
    response = SurveyResponse.objects.get(invitation=invitation)
    confidence = response.instrument_version.frozen_questions.get(key="confidence")
    changed = response.instrument_version.frozen_questions.get(key="changed")
    secret = "I now ask the health visitor about the Smith family's rent arrears."
    client.post(url, {"action": "save", confidence.field_name: "2", changed.field_name: secret})
    assert response.answers.count() == 2

    # Someone else with the link (a forwarded email, a shared inbox) and not signed in.
    client.logout()
    page = client.get(url)
    html = page.content.decode()
    assert page.status_code == 200
    assert "rent arrears" not in html
    assert not _ticked(html, confidence.field_name, "2")
    assert "You saved some answers earlier" in html
    assert reverse("account_login") + "?next=" in html

    # The author, signed in, sees them.
    client.force_login(learner)
    html = client.get(url).content.decode()
    assert "rent arrears" in html
    assert _ticked(html, confidence.field_name, "2")
    assert "You saved some answers earlier" not in html


def test_sent_answers_are_not_shown_again_through_the_link(client, survey_url, learner):
    invitation, url = survey_url
    client.get(url)
    response = SurveyResponse.objects.get(invitation=invitation)
    assert client.post(url, valid_answers(response, changed="A secret answer")).status_code == 302
    for signed_in in (False, True):
        if signed_in:
            client.force_login(learner)
        page = client.get(url)
        assert page.status_code == 410
        html = page.content.decode()
        assert "You have already sent your answers to this survey. Thank you." in html
        assert "A secret answer" not in html


def test_validation_errors_are_clear_and_keep_answers(client, survey_url):
    invitation, url = survey_url
    client.get(url)
    response = SurveyResponse.objects.get(invitation=invitation)
    data = valid_answers(response, chronology="lots")
    data.pop(next(k for k in data if k != "action" and data[k] == "Health"))
    result = client.post(url, data)
    assert result.status_code == 400
    page = result.content.decode()
    assert "There is a problem" in page or "error-summary" in page
    assert "Enter a whole number from 0 to 999" in page
    assert "Choose an answer to &#x27;Where do you work?&#x27;" in page
    assert "I start a chronology early." in page  # what they typed is still there
    assert not response.answers.exists()


def test_free_text_is_stripped_of_markup_and_limited(client, survey_url, settings):
    invitation, url = survey_url
    client.get(url)
    response = SurveyResponse.objects.get(invitation=invitation)

    settings.SURVEY_FREE_TEXT_MAX_CHARS = 20
    long_text = "I now keep a chronology for every family."
    result = client.post(url, valid_answers(response, changed=long_text) | {"action": "save"})
    assert result.status_code == 400
    page = result.content.decode()
    assert "Your answer is 41 characters long. Keep it to 20 characters or fewer" in page
    assert long_text in page
    assert not response.answers.exists()

    settings.SURVEY_FREE_TEXT_MAX_CHARS = 2000
    data = valid_answers(
        response, changed='<script>alert(1)</script><b>I ask</b> about <a href="x">food</a>.'
    )
    assert client.post(url, data).status_code == 302
    stored = response.answers.get(question__key="changed").text_value
    # No markup kept (bleach strips the tags and keeps the words).
    assert "<" not in stored and ">" not in stored
    assert stored.endswith("I ask about food.")


def test_signed_in_follow_up_shows_the_learners_own_reflection(client, survey_url, learner, module):
    invitation, link = survey_url
    url = reverse("evaluations:survey", args=[module.pk, WaveKind.THREE_MONTHS])
    client.force_login(learner)
    page = client.get(url).content.decode()
    assert "You wrote" in page
    assert "Her day starts with no breakfast" in page
    assert "What has changed since?" in page
    # Never in the email and never through the emailed link.
    assert "breakfast" not in mail.outbox[0].body
    assert "breakfast" not in mail.outbox[0].alternatives[0][0]
    client.logout()
    assert "breakfast" not in client.get(link).content.decode()


def test_answers_from_the_link_and_from_my_learning_are_the_same_response(
    client, survey_url, learner, module
):
    invitation, link = survey_url
    client.get(link)
    response = SurveyResponse.objects.get(invitation=invitation)
    confidence = response.instrument_version.frozen_questions.get(key="confidence")
    client.post(link, {"action": "save", confidence.field_name: "5"})
    client.force_login(learner)
    url = reverse("evaluations:survey", args=[module.pk, WaveKind.THREE_MONTHS])
    assert client.post(url, valid_answers(response)).status_code == 302
    assert SurveyResponse.objects.get().status == ResponseStatus.SUBMITTED
    invitation.refresh_from_db()
    assert invitation.status == "responded"


def test_my_learning_lists_waiting_surveys(client, learner, module, instrument):
    course_services.enrol(learner, module)
    client.force_login(learner)
    page = client.get(reverse("my_learning")).content.decode()
    baseline = reverse("evaluations:survey", args=[module.pk, WaveKind.BASELINE])
    assert baseline in page
    response = client.get(baseline)
    assert response.status_code == 200
    version_questions = SurveyResponse.objects.get().instrument_version.frozen_questions.all()
    data = valid_answers(list(version_questions)) | knowledge_answers(module, right=False)
    assert client.post(baseline, data).status_code == 302
    assert baseline not in client.get(reverse("my_learning")).content.decode()
    # The end-of-module survey is not open before completion.
    post = reverse("evaluations:survey", args=[module.pk, WaveKind.POST])
    assert client.get(post).status_code == 404
    complete_module(learner, module, datetime.datetime.now(datetime.UTC))
    assert post in client.get(reverse("my_learning")).content.decode()
    assert client.get(post).status_code == 200


def test_a_learner_cannot_open_someone_elses_survey(
    client, other_learner, learner, module, instrument
):
    Enrolment.objects.create(user=learner, course=module)
    client.force_login(other_learner)
    url = reverse("evaluations:survey", args=[module.pk, WaveKind.BASELINE])
    assert client.get(url).status_code == 404


def test_my_learning_panel_queries_do_not_grow_with_surveys(
    client, learner, instrument, home_page, django_assert_max_num_queries
):
    from evaluations.panels import surveys_waiting
    from tests.courses.conftest import build_course

    class Request:
        user = learner

    for n in range(4):
        course, _, _ = build_course(home_page, slug=f"panel-module-{n}")
        complete_module(learner, course, datetime.datetime.now(datetime.UTC))
    # The first time, the learner's progress rows are read too (five queries, shared
    # with the module pages and kept in the cache); then five queries in all.
    with django_assert_max_num_queries(11):
        panel = surveys_waiting(Request())
    assert len(panel["context"]["waiting"]) == 4
    with django_assert_max_num_queries(5):
        panel = surveys_waiting(Request())
    assert len(panel["context"]["waiting"]) == 4


def test_the_emailed_link_quotes_the_invitees_reflection_with_its_lesson(
    client, survey_url, learner, module
):
    invitation, link = survey_url
    lesson2 = list(module.lessons())[1]
    course_services.save_journal_entry(
        JournalEntry(
            author=learner,
            course=module,
            lesson=lesson2,
            reflection_key="hidden",
            prompt="Who does not see this child?",
        ),
        body="Nobody outside the family sees the baby.",
    )
    where = f"In lesson 2, {lesson2.title}, in answer to: Who does not see this child?"
    # Signed out, holding the link: nothing of the reflection.
    page = client.get(link).content.decode()
    assert "You wrote" not in page and "Nobody outside the family" not in page
    # Someone else signed in: refused, nothing shown.
    client.force_login(make_user(partnership=invitation.partnership))
    refused = client.get(link)
    assert refused.status_code == 403 and "Nobody outside" not in refused.content.decode()
    # The invitee signed in: their own words, with the lesson they were written in.
    client.force_login(learner)
    page = client.get(link).content.decode()
    assert "You wrote" in page and "Nobody outside the family sees the baby." in page
    assert where in page and "At the end of the module" not in page
    # My learning's route says the same, from the same function.
    url = reverse("evaluations:survey", args=[module.pk, WaveKind.THREE_MONTHS])
    page = client.get(url).content.decode()
    assert where in page and "Nobody outside the family sees the baby." in page


def test_a_survey_is_started_only_once_an_answer_is_saved(client, survey_url, learner, module):
    invitation, link = survey_url
    client.force_login(learner)
    url = reverse("evaluations:survey", args=[module.pk, WaveKind.THREE_MONTHS])

    def tag_shown() -> bool:
        page = client.get(reverse("my_learning")).content.decode()
        assert url in page  # the survey is listed as waiting
        return '<strong class="tag">Started</strong>' in page

    # Opening it, by either route, is not starting it.
    client.get(url)
    client.get(link)
    assert not tag_shown()
    # Saving without answering anything is not starting it either.
    client.post(url, {"action": "save"})
    assert not tag_shown()
    response = SurveyResponse.objects.get(invitation=invitation)
    confidence = response.instrument_version.frozen_questions.get(key="confidence")
    client.post(url, {"action": "save", confidence.field_name: "3"})
    assert tag_shown()
