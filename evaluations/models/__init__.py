"""Evaluation models, shaped for reports (SQL aggregates, joins, indexes on filters).

How a report reaches everything from one answer::

    SurveyAnswer.number_value        Likert 1-5 or a count; Avg/Sum directly
    SurveyAnswer.measure             the Measure (slug, name, kind) the question measures
    SurveyAnswer.question            FrozenQuestion (kind, text, position) of a version
    SurveyAnswer.response            SurveyResponse:
        .wave                        a WaveKind (before, after, each follow-up)
        .course                      courses.CoursePage (module), null if deleted
        .partnership, .agency        copied when the response started
        .respondent_key              pairs one learner's waves without naming them
        .instrument_version          InstrumentVersion -> .instrument (Instrument)
        .status, .submitted_at       only "submitted" responses count
        .invitation                  FollowUpInvitation for follow-up waves, else null
    FollowUpInvitation               partnership, agency, course, wave, completed_at,
                                     status and the time of each step (sent_at, …)

``user`` on responses and invitations becomes null when an account is deleted; every
column a report groups by is copied onto the row, so totals do not change.
"""

from evaluations.models.instruments import (
    BEFORE_AND_AFTER_WAVES,
    DEFAULT_LIKERT_LABELS,
    FOLLOW_UP_MONTHS,
    FOLLOW_UP_WAVES,
    LATER_WAVES,
    NUMERIC_KINDS,
    WAVE_SHORT_LABELS,
    FrozenQuestion,
    Instrument,
    InstrumentVersion,
    Measure,
    Question,
    QuestionKind,
    WaveInstrument,
    WaveKind,
    follow_up_months_text,
    wave_label,
    wave_months,
)
from evaluations.models.invitations import (
    OPEN_STATUSES,
    PENDING_STATUSES,
    FollowUpInvitation,
    InvitationLinkToken,
    InvitationStatus,
    SkipReason,
    SurveyOptOut,
    hash_token,
)
from evaluations.models.responses import (
    Respondent,
    ResponseStatus,
    SurveyAnswer,
    SurveyResponse,
)

__all__ = [
    "follow_up_months_text",
    "wave_label",
    "wave_months",
    "BEFORE_AND_AFTER_WAVES",
    "DEFAULT_LIKERT_LABELS",
    "FOLLOW_UP_MONTHS",
    "FOLLOW_UP_WAVES",
    "LATER_WAVES",
    "NUMERIC_KINDS",
    "WAVE_SHORT_LABELS",
    "OPEN_STATUSES",
    "PENDING_STATUSES",
    "FollowUpInvitation",
    "FrozenQuestion",
    "Instrument",
    "InstrumentVersion",
    "InvitationLinkToken",
    "InvitationStatus",
    "Measure",
    "Question",
    "QuestionKind",
    "Respondent",
    "ResponseStatus",
    "SkipReason",
    "SurveyAnswer",
    "SurveyOptOut",
    "SurveyResponse",
    "WaveInstrument",
    "WaveKind",
    "hash_token",
]
