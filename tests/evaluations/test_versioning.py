"""Editing a live instrument never changes answers already given."""

import datetime

import pytest

from evaluations.models import InstrumentVersion, Question, SurveyResponse, WaveKind
from evaluations.services import save_answers, start_response
from tests.evaluations.factories import valid_answers

pytestmark = pytest.mark.django_db


def test_first_use_freezes_a_version_and_unchanged_content_reuses_it(instrument):
    assert not InstrumentVersion.objects.exists()
    first = instrument.current_version()
    assert first.number == 1
    assert [q.key for q in first.frozen_questions.all()] == [
        "confidence",
        "chronology",
        "role",
        "tools",
        "changed",
    ]
    assert first.frozen_questions.get(key="confidence").measure.slug == (
        "confidence-disguised-compliance"
    )
    assert instrument.current_version() == first
    assert InstrumentVersion.objects.count() == 1


def test_editing_an_instrument_in_use_keeps_old_answers_on_the_old_version(
    instrument, learner, other_learner, module
):
    from courses.models import Enrolment

    Enrolment.objects.create(user=learner, course=module)
    response = start_response(learner, module, WaveKind.BASELINE, instrument)
    questions = list(response.instrument_version.frozen_questions.all())
    from evaluations.forms import SurveyForm

    form = SurveyForm(questions, valid_answers(questions))
    assert form.is_valid(), form.errors
    save_answers(response, questions, form.cleaned_data, submit=True)

    # A trainer rewords a question and removes another.
    question = Question.objects.get(instrument=instrument, key="confidence")
    question.text = "I spot disguised compliance quickly."
    question.save()
    Question.objects.get(instrument=instrument, key="role").delete()
    instrument.refresh_from_db()

    new = start_response(
        other_learner,
        module,
        WaveKind.BASELINE,
        instrument,
        now=datetime.datetime.now(datetime.UTC),
    )
    assert new.instrument_version.number == 2
    assert [q.key for q in new.instrument_version.frozen_questions.all()] == [
        "confidence",
        "chronology",
        "tools",
        "changed",
    ]
    old = SurveyResponse.objects.get(pk=response.pk)
    assert old.instrument_version.number == 1
    answer = old.answers.get(question__key="confidence")
    assert answer.question.text == "I can recognise disguised compliance."
    assert answer.number_value == 4
    assert old.answers.get(question__key="role").choice == "Health"
    assert old.instrument_version.questions[0]["text"] == "I can recognise disguised compliance."


def test_a_started_response_keeps_its_version_after_an_edit(instrument, learner, module):
    from courses.models import Enrolment

    Enrolment.objects.create(user=learner, course=module)
    response = start_response(learner, module, WaveKind.BASELINE, instrument)
    Question.objects.filter(instrument=instrument, key="chronology").update(text="Changed")
    again = start_response(learner, module, WaveKind.BASELINE, instrument)
    assert again.pk == response.pk
    assert again.instrument_version.number == 1


def test_answers_are_rows_with_numbers_for_averaging(instrument, learner, module):
    from django.db.models import Avg

    from courses.models import Enrolment

    Enrolment.objects.create(user=learner, course=module)
    response = start_response(learner, module, WaveKind.BASELINE, instrument)
    questions = list(response.instrument_version.frozen_questions.all())
    from evaluations.forms import SurveyForm

    form = SurveyForm(questions, valid_answers(questions, confidence="2"))
    assert form.is_valid()
    save_answers(response, questions, form.cleaned_data, submit=True)
    from evaluations.models import SurveyAnswer

    mean = SurveyAnswer.objects.filter(
        measure__slug="confidence-disguised-compliance", response__wave="baseline"
    ).aggregate(m=Avg("number_value"))["m"]
    assert mean == 2
    tools = SurveyAnswer.objects.get(question__key="tools")
    assert tools.choices == ["GCP2", "Chronology"]
