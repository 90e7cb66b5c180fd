"""The module's one before/after instrument: the baseline survey before lesson 1 (with
"Skip for now" unless the module waits for it), the post survey at the end, and the
learner's own change shown back to them, and to nobody else."""

import datetime

import pytest
from django.urls import reverse

from evaluations.models import ResponseStatus, SurveyResponse, WaveKind
from evaluations.reports.filters import ReportFilters
from evaluations.reports.sections.learning import learning_section
from tests.evaluations.factories import complete_module, knowledge_answers, valid_answers

pytestmark = pytest.mark.django_db


def survey_url(course, wave):
    return reverse("evaluations:survey", args=[course.pk, wave])


def answer(client, course, wave, *, confidence: str, right: bool):
    """Open the learner's survey of ``wave`` and send it."""
    assert client.get(survey_url(course, wave)).status_code == 200
    user_id = int(client.session["_auth_user_id"])
    response = SurveyResponse.objects.get(course=course, wave=wave, user_id=user_id)
    data = valid_answers(response, confidence=confidence) | knowledge_answers(course, right=right)
    return client.post(survey_url(course, wave), data)


def test_enrolling_leads_to_the_before_survey_which_can_be_skipped(
    client, learner, module, instrument
):
    client.force_login(learner)
    response = client.post(reverse("course_enrol", args=[module.pk]))
    assert response.url == survey_url(module, WaveKind.BASELINE)
    page = client.get(response.url).content.decode()
    assert "Before you start" in page
    assert "Knowledge question 1" in page  # the module's own questions, in the same survey
    first = module.lessons().first()
    assert f'href="{first.url}">Skip for now' in page
    # Skipping records nothing and the lesson opens.
    lesson = client.get(first.url)
    assert lesson.status_code == 200
    assert not SurveyResponse.objects.filter(status=ResponseStatus.SUBMITTED).exists()
    # The module page still offers the 'before' questions.
    assert survey_url(module, WaveKind.BASELINE) in client.get(module.url).content.decode()


def test_a_module_that_waits_for_the_before_survey_opens_lessons_once_it_is_sent(
    client, learner, module, instrument
):
    module.before_questions_required = True
    module.save_revision().publish()
    client.force_login(learner)
    client.post(reverse("course_enrol", args=[module.pk]))
    first = module.lessons().first()
    assert client.get(first.url).url == survey_url(module, WaveKind.BASELINE)
    assert "Skip for now" not in client.get(survey_url(module, WaveKind.BASELINE)).content.decode()
    sent = answer(client, module, WaveKind.BASELINE, confidence="2", right=False)
    assert sent.url == first.url  # sending leads to lesson 1
    assert client.get(first.url).status_code == 200
    saved = SurveyResponse.objects.get(wave=WaveKind.BASELINE)
    assert saved.knowledge_score == 0 and saved.mean_confidence == 2
    assert saved.knowledge_answers  # the learner's choices are kept


def test_the_learner_sees_their_own_before_and_after_and_no_one_elses(
    client, learner, other_learner, module, instrument
):
    client.force_login(learner)
    client.post(reverse("course_enrol", args=[module.pk]))
    answer(client, module, WaveKind.BASELINE, confidence="2", right=False)
    complete_module(learner, module, datetime.datetime.now(datetime.UTC))
    # At the end the module page asks the 'after' questions, and sending leads back to it.
    page = client.get(module.url).content.decode()
    assert survey_url(module, WaveKind.POST) in page
    assert "went from" not in page
    sent = answer(client, module, WaveKind.POST, confidence="4", right=True)
    assert sent.url == module.url
    expected = [
        "Your confidence recognising disguised compliance went from 2 to 4",
        "Your score on the module's knowledge questions went from 0% to 100%",
        "Used a chronology: 3 before the module, 3 at the end (times in the last 3 months)",
    ]
    for where in (module.url, reverse("my_learning")):
        page = client.get(where).content.decode().replace("&#x27;", "'")
        for sentence in expected:
            assert sentence in page, (where, sentence)
        assert survey_url(module, WaveKind.POST) not in page

    # Another learner on the same module, who answered differently, sees only their own.
    client.force_login(other_learner)
    other_learner.partnership = learner.partnership
    other_learner.save()
    client.post(reverse("course_enrol", args=[module.pk]))
    answer(client, module, WaveKind.BASELINE, confidence="5", right=True)
    complete_module(other_learner, module, datetime.datetime.now(datetime.UTC))
    answer(client, module, WaveKind.POST, confidence="5", right=True)
    page = client.get(module.url).content.decode()
    assert "Your confidence recognising disguised compliance stayed at 5" in page
    assert "went from 2 to 4" not in page and "from 0%" not in page


def test_the_board_report_pairs_the_same_before_and_after_answers(
    client, learner, module, instrument, partnership
):
    client.force_login(learner)
    client.post(reverse("course_enrol", args=[module.pk]))
    answer(client, module, WaveKind.BASELINE, confidence="2", right=False)
    complete_module(learner, module, datetime.datetime.now(datetime.UTC))
    answer(client, module, WaveKind.POST, confidence="4", right=True)
    learning = learning_section(ReportFilters(partnership))
    # One person: counted as a pair, its figures hidden (fewer than 5 people).
    assert learning.knowledge.pairs == 1 and learning.confidence.pairs == 1
    assert learning.knowledge.change.hidden


def test_a_half_finished_survey_is_started_only_once_an_answer_is_saved(
    client, learner, module, instrument
):
    client.force_login(learner)
    client.post(reverse("course_enrol", args=[module.pk]))
    client.get(survey_url(module, WaveKind.BASELINE))
    assert "Started" not in client.get(reverse("my_learning")).content.decode()
    response = SurveyResponse.objects.get()
    data = {"action": "save"} | knowledge_answers(module, right=True)
    assert client.post(survey_url(module, WaveKind.BASELINE), data).status_code == 302
    assert "Started" in client.get(reverse("my_learning")).content.decode()
    response.refresh_from_db()
    # The knowledge answers saved for later come back when the survey is opened again.
    assert response.knowledge_answers and response.status == ResponseStatus.IN_PROGRESS
    form = client.get(survey_url(module, WaveKind.BASELINE)).context["form"]
    assert all(form.initial.get(name) for name in knowledge_answers(module, right=True))
