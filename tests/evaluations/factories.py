"""Factories for survey tests: an instrument with every kind of question, default waves,
and a completion that fires the real ``module_completed`` signal."""

import datetime

from django.db import transaction

from courses.models import Certificate, CourseCompletion, Enrolment
from courses.signals import module_completed
from evaluations.models import Instrument, Measure, Question, WaveInstrument, WaveKind


def make_instrument(slug="practice", title="Practice survey", partnership=None) -> Instrument:
    confidence, _ = Measure.objects.get_or_create(
        slug="confidence-disguised-compliance",
        defaults={"name": "Confidence recognising disguised compliance", "kind": "confidence"},
    )
    chronology, _ = Measure.objects.get_or_create(
        slug="used-chronology", defaults={"name": "Used a chronology", "kind": "practice"}
    )
    instrument = Instrument.objects.create(
        slug=slug, title=title, partnership=partnership, estimated_minutes=4
    )
    rows = [
        ("confidence", "likert", "I can recognise disguised compliance.", confidence, ""),
        ("chronology", "number", "How many chronologies have you used?", chronology, ""),
        ("role", "single", "Where do you work?", None, "Health\nPolice\nSchool"),
        ("tools", "multiple", "Which tools have you used?", None, "GCP2\nChronology\nNone"),
        ("changed", "text", "What do you do differently?", None, ""),
    ]
    for position, (key, kind, text, measure, choices) in enumerate(rows):
        Question.objects.create(
            instrument=instrument,
            sort_order=position,
            key=key,
            kind=kind,
            text=text,
            measure=measure,
            choices=choices,
            required=kind != "text",
        )
    return instrument


def use_everywhere(instrument, waves=None) -> None:
    for wave in waves or WaveKind.values:
        WaveInstrument.objects.create(wave=wave, instrument=instrument)


def complete_module(user, course, completed_at: datetime.datetime) -> CourseCompletion:
    """What ``courses.services.evaluate_completion`` does, at a chosen moment."""
    with transaction.atomic():
        enrolment, _ = Enrolment.objects.get_or_create(
            user=user, course=course, defaults={"enrolled_at": completed_at}
        )
        completion = CourseCompletion.objects.create(
            enrolment=enrolment,
            user=user,
            course=course,
            completed_at=completed_at,
            knowledge_score=100,
        )
        Certificate.objects.create(
            completion=completion,
            learner_name=user.full_name,
            course_title=course.title,
            cpd_hours=course.cpd_hours or 0,
        )
        module_completed.send(sender=CourseCompletion, completion=completion)
    return completion


def valid_answers(response_or_questions, **overrides) -> dict:
    """Form data answering every question of a response's version."""
    questions = (
        response_or_questions
        if isinstance(response_or_questions, list)
        else list(response_or_questions.instrument_version.frozen_questions.all())
    )
    data = {"action": "submit"}
    for q in questions:
        data[q.field_name] = {
            "likert": "4",
            "number": "3",
            "single": q.choices[0] if q.choices else "",
            "multiple": q.choices[:2],
            "text": "I start a chronology early.",
        }[q.kind]
    for key, value in overrides.items():
        question = next(q for q in questions if q.key == key)
        data[question.field_name] = value
    return data


def knowledge_answers(course, *, right: bool) -> dict:
    """Form data answering each of the module's knowledge questions (asked in its 'before'
    and 'after' surveys), every one right or every one wrong."""
    from evaluations.before_after import module_checks
    from evaluations.forms import knowledge_field_name

    data = {}
    for spec in module_checks(course):
        correct = sorted(spec.correct_indexes)
        wrong = [i for i in range(len(spec.options)) if i not in spec.correct_indexes][:1]
        chosen = [str(i) for i in (correct if right else wrong)]
        data[knowledge_field_name(spec)] = chosen if spec.multiple else chosen[0]
    return data
