"""Rows for report tests, written straight to the tables the reports read (no services,
so each test states exactly the data its hand-worked figures come from)."""

import datetime
from decimal import Decimal
from itertools import count

from django.utils import timezone

from courses.models import CourseCompletion, Enrolment
from evaluations.models import Instrument, Respondent, SurveyResponse
from learning_site.models import Agency, User


def at(year, month, day=1):
    return timezone.make_aware(datetime.datetime(year, month, day, 12, 0))


_seq = count(1)


def learner(partnership, agency=Agency.CHILDRENS_SOCIAL_CARE, job_role="Social worker"):
    """A learner row only: reports never look at passwords, groups or sign-in methods."""
    n = next(_seq)
    return User.objects.create(
        email=f"report-learner-{n}@council.gov.uk",
        full_name=f"Report Learner {n}",
        partnership=partnership,
        agency=agency,
        job_role=job_role,
    )


def enrol(user, course, when=None, *, completed=None, score=80):
    enrolment = Enrolment.objects.create(user=user, course=course, enrolled_at=when or at(2025, 5))
    if completed:
        CourseCompletion.objects.create(
            enrolment=enrolment, user=user, course=course, completed_at=completed,
            knowledge_score=score,
        )  # fmt: skip
    return enrolment


def questionnaire(enrolment, stage, knowledge, confidence):
    """The module's before ("baseline") or after ("post") survey, sent, with the knowledge
    score and mean confidence the Learning section pairs."""
    instrument, _ = Instrument.objects.get_or_create(
        slug="report-before-after", defaults={"title": "Before and after"}
    )
    user = enrolment.user
    return SurveyResponse.objects.create(
        user=user,
        respondent_key=Respondent.key_for(user),
        partnership=user.partnership,
        agency=user.agency,
        course=enrolment.course,
        wave=stage,
        instrument_version=instrument.current_version(),
        status="submitted",
        submitted_at=timezone.now(),
        knowledge_score=knowledge,
        mean_confidence=Decimal(str(confidence)),
    )
