"""Follow-up survey rows for report tests, written straight to the evaluations tables."""

import uuid
from itertools import count

from evaluations.models import (
    FollowUpInvitation,
    FrozenQuestion,
    Instrument,
    InstrumentVersion,
    Measure,
    SurveyAnswer,
    SurveyResponse,
)
from tests.impact_reports.factories import at

_seq = count(1)


class Survey:
    """One instrument version with a Likert question per measure and a free-text one."""

    def __init__(self, *measure_slugs):
        n = next(_seq)
        instrument = Instrument.objects.create(title=f"Follow-up {n}", slug=f"follow-up-{n}")
        self.version = InstrumentVersion.objects.create(
            instrument=instrument, number=1, title=instrument.title, content_hash=f"h{n}",
            questions=[],
        )  # fmt: skip
        self.questions = {}
        for position, slug in enumerate(measure_slugs, start=1):
            measure, _ = Measure.objects.get_or_create(
                slug=slug, defaults={"name": slug.replace("-", " ").capitalize()}
            )
            self.questions[slug] = FrozenQuestion.objects.create(
                version=self.version, position=position, key=slug, kind="likert",
                text=f"How often: {slug}?", measure=measure,
            )  # fmt: skip
        self.text_question = FrozenQuestion.objects.create(
            version=self.version, position=99, key="comment", kind="text",
            text="What has changed in your practice?", required=False,
        )  # fmt: skip

    def respond(self, user, course, wave, answers: dict, *, key=None, when=None, text=""):
        # The module's 'before' survey may already hold the learner's knowledge score and
        # confidence (factories.questionnaire): one response per learner, module and wave.
        response, _ = SurveyResponse.objects.update_or_create(
            user=user, course=course, wave=wave,
            defaults={
                "respondent_key": key or uuid.uuid4(), "partnership": user.partnership,
                "agency": user.agency, "instrument_version": self.version,
                "status": "submitted", "submitted_at": when or at(2025, 10),
            },
        )  # fmt: skip
        for slug, value in answers.items():
            question = self.questions[slug]
            SurveyAnswer.objects.create(
                response=response, question=question, measure=question.measure,
                number_value=value,
            )  # fmt: skip
        if text:
            SurveyAnswer.objects.create(
                response=response, question=self.text_question, text_value=text
            )
        return response


def invite(user, course, wave, status, when=None):
    return FollowUpInvitation.objects.create(
        user=user, partnership=user.partnership, agency=user.agency, course=course, wave=wave,
        completed_at=at(2025, 1), due_at=when or at(2025, 4), status=status,
    )  # fmt: skip
