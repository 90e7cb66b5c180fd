"""Operations on surveys that span models: schedule follow-ups, open and save responses,
opt out, the learner's waiting surveys, trainer counts, and account deletion.

The sweep that sends invitations lives in ``evaluations.sweep``.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone

from evaluations.models import (
    FOLLOW_UP_MONTHS,
    FOLLOW_UP_WAVES,
    OPEN_STATUSES,
    PENDING_STATUSES,
    FollowUpInvitation,
    FrozenQuestion,
    InvitationLinkToken,
    InvitationStatus,
    QuestionKind,
    Respondent,
    ResponseStatus,
    SkipReason,
    SurveyAnswer,
    SurveyOptOut,
    SurveyResponse,
    WaveInstrument,
    WaveKind,
    hash_token,
)
from evaluations.schedule import due_at
from learning_site import cache_tokens


class SurveyUnavailable(Exception):
    """Raised with a message a learner can act on."""


# --- Scheduling ------------------------------------------------------------------------


def schedule_follow_ups(completion) -> list[FollowUpInvitation]:
    """Create the 3- and 12-month invitations for a completion (idempotent).

    Called inside the completion transaction, so the invitations exist exactly when the
    completion does. Nothing is sent here: the sweep sends when each is due.
    """
    user = completion.user
    if user.partnership_id is None or not user.partnership.send_follow_ups:
        # The partnership has switched follow-up surveys off in its set-up.
        return []
    invitations = []
    for wave, months in FOLLOW_UP_MONTHS.items():
        if WaveInstrument.resolve(wave, completion.course, user.partnership) is None:
            continue
        invitation, _ = FollowUpInvitation.objects.get_or_create(
            completion=completion,
            wave=wave,
            defaults={
                "user": user,
                "partnership_id": user.partnership_id,
                "agency": user.agency,
                "course_id": completion.course_id,
                "completed_at": completion.completed_at,
                "due_at": due_at(completion.completed_at, months),
            },
        )
        invitations.append(invitation)
    return invitations


# --- Opting out ------------------------------------------------------------------------


def is_opted_out(user) -> bool:
    return SurveyOptOut.objects.filter(user=user).exists()


@transaction.atomic
def opt_out(user, now: datetime.datetime | None = None) -> int:
    """Stop every follow-up survey for ``user``; returns how many invitations it stopped."""
    now = now or timezone.now()
    SurveyOptOut.objects.get_or_create(user=user, defaults={"opted_out_at": now})
    return FollowUpInvitation.objects.filter(user=user, status__in=PENDING_STATUSES).update(
        status=InvitationStatus.OPTED_OUT, opted_out_at=now, claim_token=None, claimed_at=None
    )


def opt_back_in(user) -> None:
    """Future follow-ups are sent again (those already stopped stay stopped)."""
    SurveyOptOut.objects.filter(user=user).delete()


# --- Links -----------------------------------------------------------------------------


def invitation_for_link(invitation_id: int, raw_token: str) -> FollowUpInvitation | None:
    """The invitation a link belongs to, or None if the token is not one of its links.

    A token of another invitation, a made-up token and a changed id all give None.
    """
    if not raw_token or len(raw_token) > 100:
        return None
    return (
        FollowUpInvitation.objects.filter(
            pk=invitation_id, link_tokens__token_hash=hash_token(raw_token)
        )
        .select_related("user", "partnership", "course")
        .first()
    )


# --- Responses -------------------------------------------------------------------------


def _live_course(course):
    return course is not None and course.live


def follow_up_is_open(invitation: FollowUpInvitation, now=None) -> bool:
    return invitation.is_open(now) and invitation.user_id is not None


def available_instrument(user, course, wave: str, now=None):
    """The instrument ``user`` may answer now for this module and wave, or raise
    ``SurveyUnavailable`` saying why not. Returns (instrument, invitation or None)."""
    from courses.models import CourseCompletion, Enrolment

    now = now or timezone.now()
    if user.partnership_id is None or not _live_course(course):
        raise SurveyUnavailable("There is no survey for this module.")
    invitation = None
    if wave == WaveKind.BASELINE:
        enrolled = Enrolment.objects.active().filter(user=user, course=course).exists()
        done = CourseCompletion.objects.filter(user=user, course=course).exists()
        if not enrolled or done:
            raise SurveyUnavailable("The 'before' survey is for learners who have just started.")
    elif wave == WaveKind.POST:
        completion = CourseCompletion.objects.filter(user=user, course=course).first()
        window = datetime.timedelta(days=settings.EVALUATION_EXPIRE_DAYS)
        if completion is None or completion.completed_at + window <= now:
            raise SurveyUnavailable("The end-of-module survey opens when you complete it.")
    elif wave in FOLLOW_UP_WAVES:
        invitation = (
            FollowUpInvitation.objects.filter(user=user, course=course, wave=wave)
            .order_by("-pk")
            .first()
        )
        if invitation is None or not invitation.is_open(now):
            raise SurveyUnavailable("This follow-up survey is not open.")
    else:
        raise SurveyUnavailable("There is no such survey.")
    instrument = WaveInstrument.resolve(wave, course, user.partnership)
    if instrument is None:
        raise SurveyUnavailable("There is no survey for this module.")
    return instrument, invitation


def response_for(user, course, wave: str) -> SurveyResponse | None:
    return (
        SurveyResponse.objects.filter(user=user, course=course, wave=wave)
        .select_related("instrument_version")
        .first()
    )


def start_response(user, course, wave: str, instrument, invitation=None, now=None):
    """The learner's response for this module and wave, started now if need be.

    A response keeps the instrument version it started with, so editing the instrument
    afterwards changes neither its questions nor its answers. A follow-up counts for the
    partnership that invited the learner (as its invitation does)."""
    existing = response_for(user, course, wave)
    if existing:
        return existing
    now = now or timezone.now()
    version = instrument.current_version()
    try:
        with transaction.atomic():
            return SurveyResponse.objects.create(
                user=user,
                respondent_key=Respondent.key_for(user),
                partnership_id=invitation.partnership_id if invitation else user.partnership_id,
                agency=user.agency,
                course=course,
                wave=wave,
                instrument_version=version,
                invitation=invitation,
                started_at=now,
                saved_at=now,
            )
    except IntegrityError:
        # The same learner opened the survey twice at once; use the first.
        return response_for(user, course, wave)


def questions_of(response: SurveyResponse) -> list[FrozenQuestion]:
    return list(response.instrument_version.frozen_questions.select_related("measure"))


def initial_answers(response: SurveyResponse, checks=()) -> dict:
    """Saved answers as form initial data (field name → value), with the module's
    knowledge questions (``checks``) answered before and after it."""
    from evaluations.forms import knowledge_field_name

    initial = {}
    for spec in checks:
        chosen = [str(i) for i in response.knowledge_answers.get(spec.ref, [])]
        if chosen:
            initial[knowledge_field_name(spec)] = chosen if spec.multiple else chosen[0]
    for answer in response.answers.select_related("question"):
        kind = answer.question.kind
        name = answer.question.field_name
        if kind == QuestionKind.LIKERT:
            initial[name] = str(answer.number_value) if answer.number_value is not None else ""
        elif kind == QuestionKind.NUMBER:
            initial[name] = answer.number_value
        elif kind == QuestionKind.SINGLE:
            initial[name] = answer.choice
        elif kind == QuestionKind.MULTIPLE:
            initial[name] = list(answer.choices)
        else:
            initial[name] = answer.text_value
    return initial


def _answer_fields(question: FrozenQuestion, value) -> dict | None:
    """Column values for one cleaned answer, or None when it is blank."""
    if value in (None, "", []):
        return None
    if question.kind in (QuestionKind.LIKERT, QuestionKind.NUMBER):
        return {"number_value": int(value), "choice": "", "choices": [], "text_value": ""}
    if question.kind == QuestionKind.SINGLE:
        return {"number_value": None, "choice": value, "choices": [], "text_value": ""}
    if question.kind == QuestionKind.MULTIPLE:
        return {"number_value": None, "choice": "", "choices": list(value), "text_value": ""}
    return {"number_value": None, "choice": "", "choices": [], "text_value": value}


def save_answers(
    response: SurveyResponse,
    questions,
    cleaned: dict,
    *,
    submit: bool,
    checks=(),
    knowledge: dict | None = None,
    now=None,
) -> SurveyResponse:
    """Save what the learner has answered (a blank answer removes a saved one).

    Before and after the module, ``knowledge`` holds the answers to the module's knowledge
    questions (``checks``): kept and scored with the response, as is the mean of its
    confidence ratings. With ``submit`` the response is final and its invitation is
    marked responded; a response already sent is refused (``SurveyUnavailable``)."""
    from evaluations import before_after

    now = now or timezone.now()
    with transaction.atomic():
        locked = SurveyResponse.objects.select_for_update().get(pk=response.pk)
        if locked.is_submitted:
            raise SurveyUnavailable("You have already sent your answers to this survey.")
        existing = {a.question_id: a for a in locked.answers.all()}
        for question in questions:
            fields = _answer_fields(question, cleaned.get(question.field_name))
            answer = existing.get(question.pk)
            if fields is None:
                if answer:
                    answer.delete()
                continue
            if answer is None:
                SurveyAnswer.objects.create(
                    response=locked,
                    question=question,
                    measure_id=question.measure_id,
                    answered_at=now,
                    **fields,
                )
            elif any(getattr(answer, k) != v for k, v in fields.items()):
                for k, v in fields.items():
                    setattr(answer, k, v)
                answer.answered_at = now
                answer.save()
        locked.saved_at = now
        locked.mean_confidence = before_after.mean_confidence(questions, cleaned)
        if checks:
            locked.knowledge_answers = knowledge or {}
            locked.knowledge_score = before_after.knowledge_score(checks, locked.knowledge_answers)
        if submit:
            locked.status = ResponseStatus.SUBMITTED
            locked.submitted_at = now
        locked.save(
            update_fields=[
                "saved_at",
                "status",
                "submitted_at",
                "mean_confidence",
                "knowledge_answers",
                "knowledge_score",
            ]
        )
        if submit and locked.invitation_id:
            FollowUpInvitation.objects.filter(
                pk=locked.invitation_id, status__in=PENDING_STATUSES
            ).update(
                status=InvitationStatus.RESPONDED,
                responded_at=now,
                claim_token=None,
                claimed_at=None,
            )
    return locked


@dataclass(frozen=True)
class QuotedReflection:
    """The learner's own words, shown back to them (and only them) on a follow-up."""

    text: str
    prompt: str
    where: str  # "In lesson 2, Hidden children", or where else it was written


def latest_reflection(user, course) -> QuotedReflection | None:
    """The learner's own most recent reflection on this module, for "You wrote…", with
    the lesson it was written in. The one function both follow-up routes use: call it only
    for the signed-in learner whose survey it is."""
    from courses.models import JournalEntry

    if user is None or not user.is_authenticated:
        return None
    entries = (
        JournalEntry.objects.owned_by(user)
        .filter(course=course)
        .select_related("lesson", "course")
        .order_by("-updated_at", "-pk")
    )
    entry = next((e for e in entries[:20] if e.text()), None)
    if entry is None:
        return None
    return QuotedReflection(text=entry.text(), prompt=entry.prompt, where=_written_where(entry))


def _written_where(entry) -> str:
    lesson = entry.lesson
    if lesson is not None and entry.course is not None:
        lesson_ids = list(entry.course.lessons().values_list("pk", flat=True))
        if lesson.pk in lesson_ids:
            return f"In lesson {lesson_ids.index(lesson.pk) + 1}, {lesson.title}"
    if lesson is not None:
        return f"In the lesson {lesson.title}"
    if entry.source_label:
        return f"From {entry.source_label}"
    return "In your journal"


# --- What the learner has waiting ------------------------------------------------------


@dataclass
class WaitingSurvey:
    course: object
    wave: str
    started: bool
    closes_at: datetime.datetime | None = None

    @property
    def wave_label(self) -> str:
        return WaveKind(self.wave).label


def waiting_surveys(user, now=None) -> list[WaitingSurvey]:
    """Surveys the learner can answer now and has not sent: before/after surveys of the
    modules they are on, and open follow-ups. A constant number of queries."""
    return surveys_of(user, now)[0]


def surveys_of(user, now=None) -> tuple[list[WaitingSurvey], bool]:
    """(``waiting_surveys``, whether the learner has any survey response at all), for
    the My learning panel, from the same queries."""
    from courses import progress_rows
    from courses.services import modules_by_id

    now = now or timezone.now()
    if user.partnership_id is None:
        return [], user.survey_responses.exists()
    consider, waiting, responses = _waiting_list(user)
    # The learner's enrolments and completions from their progress rows (cached).
    enrolments = progress_rows.rows_for(user).enrolments
    courses = modules_by_id()
    modules = [
        (courses[course_id], enrolment.left_at is None, getattr(enrolment, "completion", None))
        for course_id, enrolment in enrolments.items()
        if course_id in courses
    ]
    completions = [(course, completion) for course, _, completion in modules if completion]
    _consider_before_after(consider, [m for m in modules if m[1]], completions, now)
    for invitation in (
        FollowUpInvitation.objects.filter(user=user).open(now).select_related("course")
    ):
        if invitation.course is not None:
            consider(invitation.course, invitation.wave, invitation.closes_at)
    return waiting, bool(responses)


def waiting_before_after(user, modules, now=None) -> list[WaitingSurvey]:
    """The before and after surveys waiting among ``modules``, given as (module, whether
    the learner is on it, their completion or None), as ``waiting_surveys`` finds them:
    for a page that has the learner's enrolments at hand, in two queries."""
    now = now or timezone.now()
    modules = list(modules)
    if user.partnership_id is None or not modules:
        return []
    consider, waiting, _ = _waiting_list(user)
    completions = [(course, completion) for course, _, completion in modules if completion]
    _consider_before_after(consider, [m for m in modules if m[1]], completions, now)
    return waiting


WAVE_INSTRUMENTS_VERSION_KEY = "wave-instruments-version"


def configured_waves(partnership_id) -> set[tuple[str, int | None]]:
    """(wave, module id or None for every module) for each active wave instrument that
    applies to the partnership, kept in the shared cache until one is saved or deleted
    (``evaluations.receivers``)."""
    return cache_tokens.cached(
        f"wave-instruments:{partnership_id}",
        WAVE_INSTRUMENTS_VERSION_KEY,
        lambda: {
            (row.wave, row.course_id)
            for row in WaveInstrument.objects.active()
            .filter(Q(partnership_id=partnership_id) | Q(partnership__isnull=True))
            .only("wave", "course_id")
        },
        3600,
    )


def wave_instruments_changed(**kwargs) -> None:
    cache_tokens.renew(WAVE_INSTRUMENTS_VERSION_KEY)


RESPONSES_IN_REQUEST = "survey-responses:"


def _responses_of(user) -> dict:
    """{(module id, wave): the learner's response}, read once per request (the module
    page and My learning's panel both ask); a saved response or answer forgets it
    (``evaluations.receivers``)."""

    def read():
        # "Started" means an answer is saved, not that the survey was opened once.
        return {
            (r.course_id, r.wave): r
            for r in SurveyResponse.objects.filter(user=user)
            .only("course_id", "wave", "status", "knowledge_answers")
            .annotate(has_answers=Exists(SurveyAnswer.objects.filter(response=OuterRef("pk"))))
        }

    return cache_tokens.once_per_request(f"{RESPONSES_IN_REQUEST}{user.pk}", read)


def responses_changed(**kwargs) -> None:
    cache_tokens.forget_in_request(RESPONSES_IN_REQUEST)


def _waiting_list(user):
    """``consider(course, wave, closes_at=None)``, which adds the survey to ``waiting``
    if it is open to the learner: not sent, the module live, an instrument set."""
    responses = _responses_of(user)
    configured = configured_waves(user.partnership_id)
    waiting = []

    def consider(course, wave, closes_at=None):
        response = responses.get((course.pk, wave))
        if response and response.is_submitted:
            return
        if not course.live:
            return
        if (wave, course.pk) not in configured and (wave, None) not in configured:
            return
        started = response is not None and (
            response.has_answers or bool(response.knowledge_answers)
        )
        waiting.append(WaitingSurvey(course, wave, started, closes_at))

    return consider, waiting, responses


def _consider_before_after(consider, active_modules, completions, now) -> None:
    """The 'before' survey of each module the learner is on and has not completed; the
    'after' survey of each (module, completion) still within its window."""
    for course, _, completion in active_modules:
        if completion is None:
            consider(course, WaveKind.BASELINE)
    window = datetime.timedelta(days=settings.EVALUATION_EXPIRE_DAYS)
    for course, completion in completions:
        if completion.completed_at + window > now:
            consider(course, WaveKind.POST, completion.completed_at + window)


# --- Trainer counts --------------------------------------------------------------------


@dataclass
class WaveCount:
    course_id: int | None
    course_title: str
    wave: str
    invited: int = 0
    scheduled: int = 0
    sent: int = 0
    responded: int = 0
    expired: int = 0
    opted_out: int = 0
    skipped: int = 0

    @property
    def wave_label(self) -> str:
        return WaveKind(self.wave).label

    @property
    def response_rate(self) -> int | None:
        """Responses as a whole percentage of invitations sent (None before any)."""
        if not self.sent:
            return None
        return round(100 * self.responded / self.sent)


def wave_counts(partnership) -> list[WaveCount]:
    """Per module and wave, how many were invited, sent, responded… for one partnership.

    Before/after surveys have no invitation: "invited" is learners enrolled (baseline) or
    completed (post), and "sent" the same. Counts only: never who answered or what."""
    from courses.models import CourseCompletion, CoursePage, Enrolment

    rows: dict[tuple, WaveCount] = {}
    titles = dict(CoursePage.objects.values_list("pk", "title"))

    def row(course_id, wave):
        key = (course_id, wave)
        if key not in rows:
            title = titles.get(course_id, "A module no longer available")
            rows[key] = WaveCount(course_id, title, wave)
        return rows[key]

    def count(status):
        return Count("pk", filter=Q(status=status))

    follow_ups = (
        FollowUpInvitation.objects.for_partnership(partnership)
        .values("course_id", "wave")
        .annotate(
            invited=Count("pk"),
            sent=Count("pk", filter=Q(sent_at__isnull=False)),
            scheduled=count(InvitationStatus.SCHEDULED),
            responded=count(InvitationStatus.RESPONDED),
            expired=count(InvitationStatus.EXPIRED),
            opted_out=count(InvitationStatus.OPTED_OUT),
            skipped=count(InvitationStatus.SKIPPED),
        )
    )
    for item in follow_ups:
        target = row(item["course_id"], item["wave"])
        for name in ("invited", "sent", "scheduled", "responded", "expired", "opted_out"):
            setattr(target, name, item[name])
        target.skipped = item["skipped"]
    enrolled = (
        Enrolment.objects.for_partnership(partnership).values("course_id").annotate(n=Count("pk"))
    )
    for item in enrolled:
        target = row(item["course_id"], WaveKind.BASELINE)
        target.invited = target.sent = item["n"]
    completed = (
        CourseCompletion.objects.filter(user__partnership=partnership)
        .values("course_id")
        .annotate(n=Count("pk"))
    )
    for item in completed:
        target = row(item["course_id"], WaveKind.POST)
        target.invited = target.sent = item["n"]
    answered = (
        SurveyResponse.objects.for_partnership(partnership)
        .submitted()
        .filter(wave__in=[WaveKind.BASELINE, WaveKind.POST])
        .values("course_id", "wave")
        .annotate(n=Count("pk"))
    )
    for item in answered:
        row(item["course_id"], item["wave"]).responded = item["n"]
    order = {wave: i for i, wave in enumerate(WaveKind.values)}
    return sorted(rows.values(), key=lambda r: (r.course_title, order[r.wave]))


# --- Data rights -----------------------------------------------------------------------


def answers_for_download(user):
    """The learner's own answers, oldest first, for their CSV download."""
    return (
        SurveyAnswer.objects.filter(response__user=user)
        .select_related("question", "response", "response__course", "measure")
        .order_by("response__started_at", "response__pk", "question__position")
    )


@transaction.atomic
def anonymise_user(user, now=None) -> None:
    """Detach a leaving learner's answers from them and cancel what is still to come.

    Sent answers stay (without a user) so partnership totals do not change; unfinished
    answers are deleted; pending invitations are skipped and their links deleted."""
    now = now or timezone.now()
    SurveyResponse.objects.filter(user=user, status=ResponseStatus.IN_PROGRESS).delete()
    SurveyResponse.objects.filter(user=user).update(user=None)
    # The report's summary of those answers forgets them too (a queryset update sends no
    # signal to refresh it).
    from evaluations.reports.models import ResponseFigure

    ResponseFigure.objects.filter(user=user).update(user=None)
    FollowUpInvitation.objects.filter(user=user, status__in=PENDING_STATUSES).update(
        status=InvitationStatus.SKIPPED,
        skip_reason=SkipReason.ACCOUNT_DELETED,
        skipped_at=now,
        claim_token=None,
        claimed_at=None,
    )
    InvitationLinkToken.objects.filter(invitation__user=user).delete()
    FollowUpInvitation.objects.filter(user=user).update(user=None, completion=None)


__all__ = [
    "OPEN_STATUSES",
    "QuotedReflection",
    "SurveyUnavailable",
    "WaitingSurvey",
    "WaveCount",
    "anonymise_user",
    "answers_for_download",
    "available_instrument",
    "follow_up_is_open",
    "initial_answers",
    "invitation_for_link",
    "is_opted_out",
    "latest_reflection",
    "opt_back_in",
    "opt_out",
    "questions_of",
    "response_for",
    "save_answers",
    "schedule_follow_ups",
    "start_response",
    "waiting_before_after",
    "waiting_surveys",
    "wave_counts",
]
