"""Demo surveys for ``seed_demo``: the measures, the default neglect-practice instruments
(one before and after the module, one with an 'applied the learning' question at 3 and
12 months), and a year and a half of backdated activity for 30 synthetic
Northshire practitioners, so the trainer counts and the impact reports have data.

Idempotent: everything is found by a natural key (slug, email, learner + module + wave)
and every date comes from the fixed ``ANCHOR``, never from today's date, so a second run
leaves the same database.

The questions turn the recommendations of Ofsted's thematic inspection *In the child's
time: professional responses to neglect* (2014) and the Stoke-on-Trent and Staffordshire
Safeguarding Children Board's *Multi-agency neglect guidance* (2020) into things a
practitioner can say they did: keep a chronology, challenge a family's lack of progress,
challenge another agency and escalate, take cases to reflective supervision, record the
child's lived experience, and use research.
"""

import datetime
import random
from decimal import Decimal

from evaluations import before_after
from evaluations.models import (
    BEFORE_AND_AFTER_WAVES,
    FollowUpInvitation,
    Instrument,
    InvitationStatus,
    Measure,
    Question,
    Respondent,
    ResponseStatus,
    SurveyAnswer,
    SurveyResponse,
    WaveInstrument,
    WaveKind,
    follow_up_months_text,
    wave_months,
)
from evaluations.reports import summary
from evaluations.schedule import LONDON, due_at
from evaluations.services import schedule_follow_ups

ANCHOR = datetime.datetime(2025, 1, 6, 10, 0, tzinfo=LONDON)
DEMO_MODULE_SLUGS = (
    "recognising-neglect",
    "assessment-chronologies-cumulative-harm",
    "working-with-resistance",
)
OFSTED = "Ofsted, In the child's time: professional responses to neglect, March 2014"
SSSCB = (
    "Stoke-on-Trent and Staffordshire Safeguarding Children Board, Multi-agency neglect "
    "guidance, August 2020"
)

MEASURES = [
    (
        "confidence-disguised-compliance",
        "Confidence recognising disguised compliance",
        "confidence",
        f"Seeing when a family appears to co-operate but nothing changes for the child ({SSSCB}).",
    ),
    (
        "confidence-childs-lived-experience",
        "Confidence describing the child's lived experience",
        "confidence",
        f"Writing down what a day is like for the child, not only what adults say ({OFSTED}).",
    ),
    (
        "used-chronology",
        "Used a chronology in an assessment",
        "practice",
        f"Chronologies show cumulative harm that single events hide ({SSSCB}).",
    ),
    (
        "challenged-parent-progress",
        "Challenged a parent's lack of progress",
        "practice",
        f"Drift happens when plans roll on without change for the child ({OFSTED}).",
    ),
    (
        "challenged-professional-escalation",
        "Challenged another professional or used the escalation policy",
        "practice",
        f"Professional challenge and escalation stop drift between agencies ({OFSTED}).",
    ),
    (
        "discussed-in-supervision",
        "Discussed a case in reflective supervision",
        "practice",
        f"Supervision is where the rule of optimism is tested ({SSSCB}).",
    ),
    (
        "applied-research",
        "Applied research to a case",
        "practice",
        f"Using evidence about neglect in decisions about a child ({OFSTED}).",
    ),
    (
        "applied-learning",
        "Applied the learning in practice",
        "confidence",
        "Agreement (1 to 5) that the learner has used the module in their work with a child "
        "or family; 4 or 5 counts as applied in the board report. Asked at "
        f"{follow_up_months_text()} months "
        f"only, as partnerships must evaluate whether training changed practice ({OFSTED}).",
    ),
]

LAST_3_MONTHS = "In the last 3 months, how many times have you"
QUESTIONS = [
    {
        "key": "disguised-compliance",
        "kind": "likert",
        "measure": "confidence-disguised-compliance",
        "text": "I can tell when a family seems to go along with a plan but nothing changes "
        "for the child.",
    },
    {
        "key": "lived-experience",
        "kind": "likert",
        "measure": "confidence-childs-lived-experience",
        "text": "I can describe in my records what an ordinary day is like for the child.",
    },
    {
        "key": "used-chronology",
        "kind": "number",
        "measure": "used-chronology",
        "text": f"{LAST_3_MONTHS} started or added to a chronology to look for a pattern of "
        "neglect?",
        "help_text": "Enter 0 if none.",
    },
    {
        "key": "challenged-parent",
        "kind": "number",
        "measure": "challenged-parent-progress",
        "text": f"{LAST_3_MONTHS} told a parent plainly that things had not changed enough "
        "for their child?",
        "help_text": "Enter 0 if none.",
    },
    {
        "key": "escalated",
        "kind": "number",
        "measure": "challenged-professional-escalation",
        "text": f"{LAST_3_MONTHS} challenged another professional's decision or used the "
        "partnership's escalation policy?",
        "help_text": "Enter 0 if none.",
    },
    {
        "key": "supervision",
        "kind": "number",
        "measure": "discussed-in-supervision",
        "text": f"{LAST_3_MONTHS} talked through a child who may be neglected in reflective "
        "supervision?",
        "help_text": "Enter 0 if none.",
    },
    {
        "key": "research",
        "kind": "number",
        "measure": "applied-research",
        "text": f"{LAST_3_MONTHS} used research, or a research digest, in a decision about "
        "a child?",
        "help_text": "Enter 0 if none.",
    },
    {
        "key": "barriers",
        "kind": "multiple",
        "measure": "",
        "text": "What has made it harder to act on neglect?",
        "help_text": "Choose any that apply.",
        "choices": [
            "My caseload",
            "Too little supervision",
            "Unclear thresholds between agencies",
            "Hard to reach other professionals",
            "Families not engaging",
            "Nothing has made it harder",
        ],
        "required": False,
    },
    {
        "key": "what-changed",
        "kind": "text",
        "measure": "",
        "text": "What do you do differently since the module, if anything?",
        "help_text": "Please do not name children, families or colleagues.",
        "required": False,
    },
]

# Asked only at the follow-ups: before the module there is nothing to have applied.
FOLLOW_UP_QUESTIONS = [
    {
        "key": "applied-learning",
        "kind": "likert",
        "measure": "applied-learning",
        "text": "Since the module, I have used what I learned in my work with a child or family.",
    },
]

FIRST_NAMES = [
    "Aisha", "Ben", "Carys", "Dev", "Ellie", "Femi", "Grace", "Harry", "Imran", "Jade",
    "Kieran", "Leah", "Marek", "Nia", "Owen", "Priya", "Quinn", "Rosa", "Sean", "Tess",
    "Usman", "Vicky", "Wes", "Xenia", "Yusuf", "Zara", "Alfie", "Bethan", "Callum", "Dana",
]  # fmt: skip
AGENCIES = [
    ("childrens_social_care", "Social worker"),
    ("health", "Health visitor"),
    ("education", "Designated safeguarding lead"),
    ("police", "Police officer"),
    ("early_help", "Family support worker"),
    ("adult_mental_health", "Community psychiatric nurse"),
    ("early_years", "Nursery manager"),
    ("drug_and_alcohol", "Recovery worker"),
    ("housing", "Housing officer"),
]
CHANGES = [
    "I keep a running chronology for every family where I worry about neglect.",
    "I ask what the child had for breakfast and write down the answer.",
    "I now phone the social worker when a plan is not changing anything, and follow it up "
    "in writing.",
    "I take one case to supervision each month and ask what we are being too hopeful about.",
    "I used the escalation policy for the first time and it moved the case on.",
]
# How many of the 30 learners take each demo module, and how many of those complete it.
TAKE_UP = [(30, 24), (18, 14), (12, 9)]


def seed_measures() -> dict[str, Measure]:
    return {
        slug: Measure.objects.update_or_create(
            slug=slug, defaults={"name": name, "kind": kind, "description": description}
        )[0]
        for slug, name, kind, description in MEASURES
    }


INTRO = (
    "These questions ask what you do at work when a child may be neglected, so your "
    "partnership can see whether its training changes practice. They follow the "
    "recommendations of Ofsted's inspection of responses to neglect (2014)."
)


def seed_instruments(measures) -> dict[str, Instrument]:
    """The default instruments by wave: the practice questions before and at the end of
    the module; the same questions plus 'applied the learning' at the follow-ups (the
    same measures, so answers still pair with the baseline)."""
    practice = _seed_instrument("neglect-practice", "Neglect in your practice", QUESTIONS, measures)
    follow_up = _seed_instrument(
        "neglect-practice-follow-up",
        "Neglect in your practice: follow-up",
        QUESTIONS[:-1] + FOLLOW_UP_QUESTIONS + QUESTIONS[-1:],
        measures,
    )
    by_wave = {
        WaveKind.BASELINE: practice,
        WaveKind.POST: practice,
        WaveKind.THREE_MONTHS: follow_up,
        WaveKind.TWELVE_MONTHS: follow_up,
    }
    for wave, instrument in by_wave.items():
        existing = WaveInstrument.objects.filter(
            wave=wave, partnership__isnull=True, course__isnull=True
        ).first()
        if existing is None:
            WaveInstrument.objects.create(wave=wave, instrument=instrument)
        elif existing.instrument_id != instrument.pk or not existing.is_active:
            existing.instrument, existing.is_active = instrument, True
            existing.save()
    return by_wave


def _seed_instrument(slug, title, questions, measures) -> Instrument:
    instrument, _ = Instrument.objects.update_or_create(
        slug=slug,
        defaults={
            "title": title,
            "partnership": None,
            "intro": INTRO,
            "estimated_minutes": 5,
        },
    )
    for position, q in enumerate(questions):
        Question.objects.update_or_create(
            instrument=instrument,
            key=q["key"],
            defaults={
                "sort_order": position,
                "kind": q["kind"],
                "text": q["text"],
                "help_text": q.get("help_text", ""),
                "measure": measures.get(q["measure"]),
                "choices": "\n".join(q.get("choices", [])),
                "scale_labels": "",
                "min_value": 0 if q["kind"] == "number" else None,
                "max_value": 50 if q["kind"] == "number" else None,
                "required": q.get("required", True),
            },
        )
    return instrument


def _demo_courses():
    from courses.models import CoursePage

    live = CoursePage.objects.live()
    by_slug = {c.slug: c for c in live.filter(slug__in=DEMO_MODULE_SLUGS)}
    courses = [by_slug[s] for s in DEMO_MODULE_SLUGS if s in by_slug]
    return courses or list(live.order_by("pk")[:1])


def practitioner(partnership, number: int, first_name: str, agency: str, job_role: str):
    """Demo learner ``practitioner<number>@northshire.example`` (no password)."""
    from learning_site.models import User
    from learning_site.roles import Role, grant_role

    user, created = User.objects.update_or_create(
        email=f"practitioner{number:02d}@northshire.example",
        defaults={
            "full_name": f"{first_name} Example",
            "partnership": partnership,
            "agency": agency,
            "job_role": job_role,
            "is_active": True,
        },
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
        grant_role(user, Role.LEARNER)
    return user


def _learners(partnership):
    return [
        practitioner(partnership, i, first, *AGENCIES[i % len(AGENCIES)])
        for i, first in enumerate(FIRST_NAMES, start=1)
    ]


def _value(question, rng: random.Random, stage: int):
    """A plausible answer; ``stage`` 0 baseline … 3 twelve months, practice grows."""
    if question.kind == "likert":
        return {"number_value": min(5, rng.choice([1, 2, 2, 3, 3, 4]) + (stage + 1) // 2)}
    if question.kind == "number":
        return {"number_value": rng.randint(0, 2) + rng.randint(0, stage + 1)}
    if question.kind == "multiple":
        picked = rng.sample(question.choices[:5], k=rng.randint(1, 2))
        return {"choices": [c for c in question.choices if c in picked]}
    if question.kind == "text" and stage >= 2 and rng.random() < 0.4:
        return {"text_value": rng.choice(CHANGES)}
    return None


def _respond(user, course, wave, version, when, invitation=None):
    response, _ = SurveyResponse.objects.update_or_create(
        user=user,
        course=course,
        wave=wave,
        defaults={
            "respondent_key": Respondent.key_for(user),
            "partnership_id": user.partnership_id,
            "agency": user.agency,
            "instrument_version": version,
            "invitation": invitation,
            "status": ResponseStatus.SUBMITTED,
            "started_at": when,
            "saved_at": when,
            "submitted_at": when,
        },
    )
    existing = set(response.answers.values_list("question_id", flat=True))
    stage = WaveKind.values.index(wave)
    rng = random.Random(f"{user.email}/{course.slug}/{wave}")  # noqa: S311 - demo data, not secrets
    new = []
    for question in version.frozen_questions.all():
        value = _value(question, rng, stage)
        if value is None or question.pk in existing:
            continue
        new.append(
            SurveyAnswer(
                response=response,
                question=question,
                measure_id=question.measure_id,
                answered_at=when,
                **value,
            )
        )
    SurveyAnswer.objects.bulk_create(new)
    if wave in BEFORE_AND_AFTER_WAVES:
        _before_and_after_scores(response, course, rng, stage)


def _before_and_after_scores(response, course, rng: random.Random, stage: int) -> None:
    """The module's knowledge questions answered in its 'before' and 'after' survey (more
    of them right at the end), scored, and the mean of the confidence ratings: what the
    learner sees as their change and the board report pairs."""
    checks = before_after.module_checks(course)
    right_share = 0.45 if stage == 0 else 0.85
    knowledge = {}
    for spec in checks:
        if rng.random() < right_share:
            chosen = sorted(spec.correct_indexes)
        else:
            chosen = [next(i for i in range(len(spec.options)) if i not in spec.correct_indexes)]
        knowledge[spec.ref] = chosen
    ratings = list(
        response.answers.filter(measure__kind="confidence", number_value__isnull=False).values_list(
            "number_value", flat=True
        )
    )
    SurveyResponse.objects.filter(pk=response.pk).update(
        knowledge_answers=knowledge,
        knowledge_score=before_after.knowledge_score(checks, knowledge),
        mean_confidence=(
            (Decimal(sum(ratings)) / len(ratings)).quantize(Decimal("0.01")) if ratings else None
        ),
    )


def _settle(invitation, i: int, version, course):
    """Give a past invitation the outcome it would have had."""
    sent = invitation.due_at
    closes = sent + datetime.timedelta(days=30)
    fields = {"sent_at": sent, "closes_at": closes, "claim_token": None, "claimed_at": None}
    share = 7 if invitation.wave == WaveKind.THREE_MONTHS else 5  # of every 10 answer
    if i % 10 < share:
        answered = sent + datetime.timedelta(days=1 + i % 12)
        reminded = answered > sent + datetime.timedelta(days=7)
        fields |= {
            "status": InvitationStatus.RESPONDED,
            "responded_at": answered,
            "reminder_count": 1 if reminded else 0,
            "reminded_at": sent + datetime.timedelta(days=7) if reminded else None,
        }
        _respond(invitation.user, course, invitation.wave, version, answered, invitation)
    elif i % 10 == 9 and invitation.wave == WaveKind.TWELVE_MONTHS:
        fields |= {"status": InvitationStatus.OPTED_OUT, "opted_out_at": sent}
    else:
        fields |= {
            "status": InvitationStatus.EXPIRED,
            "expired_at": closes,
            "reminder_count": 2,
            "reminded_at": sent + datetime.timedelta(days=14),
        }
    FollowUpInvitation.objects.filter(pk=invitation.pk).update(**fields)


# The demo's "today": activity is dated up to here and never from the real clock, so a
# second run (on any day) leaves the same database. Follow-ups due after it are still
# waiting to be sent.
DEMO_TODAY = datetime.datetime(2026, 11, 30, 17, 0, tzinfo=LONDON)


def take_module(
    user, course, versions, *, i: int, enrolled_at, completed_at=None, answers_after=True
) -> bool:
    """``user`` enrols on ``course`` at ``enrolled_at`` and answers the 'before' survey;
    with ``completed_at`` they complete it, answer the 'after' survey (if
    ``answers_after``) and their follow-ups due by ``DEMO_TODAY`` are settled, answered
    or not as the ``i``-th learner's would be. True if the module was completed."""
    from courses.models import Enrolment
    from courses.services import record_completion

    enrolment, _ = Enrolment.objects.update_or_create(
        user=user, course=course, defaults={"enrolled_at": enrolled_at, "left_at": None}
    )
    _respond(user, course, WaveKind.BASELINE, versions[WaveKind.BASELINE], enrolled_at)
    if completed_at is None:
        return False
    # Through the completion service, so the completion has its certificate (and its
    # follow-ups) like any other; a second run finds it and changes nothing.
    completion = record_completion(
        enrolment, completed_at=completed_at, knowledge_score=70 + (i * 7) % 31
    )
    if answers_after:
        _respond(user, course, WaveKind.POST, versions[WaveKind.POST], completed_at)
    for invitation in schedule_follow_ups(completion):
        # Keep the due date true to the backdated completion on every run.
        invitation.due_at = due_at(completed_at, wave_months(invitation.wave))
        FollowUpInvitation.objects.filter(pk=invitation.pk).update(
            due_at=invitation.due_at, completed_at=completed_at
        )
        if invitation.due_at <= DEMO_TODAY:
            _settle(invitation, i, versions[invitation.wave], course)
    return True


def seed_activity(partnership, instruments) -> int:
    courses = _demo_courses()
    if not courses:
        return 0
    versions = {wave: instrument.current_version() for wave, instrument in instruments.items()}
    learners = _learners(partnership)
    completions = 0
    for c, course in enumerate(courses):
        enrolled_n, completed_n = TAKE_UP[c % len(TAKE_UP)]
        for i, user in enumerate(learners[:enrolled_n]):
            enrolled_at = ANCHOR + datetime.timedelta(days=3 * i + 21 * c, hours=i % 5)
            completed_at = (
                enrolled_at + datetime.timedelta(days=8 + i % 6) if i < completed_n else None
            )
            completions += take_module(
                user,
                course,
                versions,
                i=i,
                enrolled_at=enrolled_at,
                completed_at=completed_at,
                answers_after=i % 4 != 3,
            )
    return completions


RETURNING_LEARNER = "learner@northshire.example"


def seed_returning_learner(context, instruments) -> str | None:
    """The README's Northshire learner comes back to a module they finished last month:
    their 'before' and 'after' answers are on record, so the module page and My learning
    show what changed for them."""
    from courses.models import Enrolment
    from courses.services import record_completion

    user = context.users.get(RETURNING_LEARNER)
    courses = _demo_courses()
    if user is None or user.partnership_id is None or not courses:
        return None
    course = courses[0]
    versions = {wave: instruments[wave].current_version() for wave in BEFORE_AND_AFTER_WAVES}
    enrolled_at = ANCHOR + datetime.timedelta(days=-30)
    enrolment, _ = Enrolment.objects.update_or_create(
        user=user, course=course, defaults={"enrolled_at": enrolled_at, "left_at": None}
    )
    _respond(user, course, WaveKind.BASELINE, versions[WaveKind.BASELINE], enrolled_at)
    completed_at = enrolled_at + datetime.timedelta(days=9)
    completion = record_completion(enrolment, completed_at=completed_at, knowledge_score=90)
    _respond(user, course, WaveKind.POST, versions[WaveKind.POST], completed_at)
    for invitation in schedule_follow_ups(completion):
        # Past due: settled as the practitioners' are (the 3-month one answered).
        invitation.due_at = due_at(completed_at, wave_months(invitation.wave))
        FollowUpInvitation.objects.filter(pk=invitation.pk).update(
            due_at=invitation.due_at, completed_at=completed_at
        )
        _settle(invitation, 5, instruments[invitation.wave].current_version(), course)
    return course.title


def seed(context) -> None:
    from evaluations.demo_workforce import seed_workforce

    measures = seed_measures()
    instruments = seed_instruments(measures)
    partnership = context.partnerships.get("northshire")
    # The report's summary of the answers is brought up to date once, at the end, rather
    # than person by person as each survey is saved (most answers are written in bulk,
    # which sends no signals anyway).
    with summary.paused():
        completions = seed_activity(partnership, instruments) if partnership else 0
        more, more_completions, attempts = (
            seed_workforce(partnership, instruments) if partnership else (0, 0, 0)
        )
        returning = seed_returning_learner(context, instruments)
    if summary.ResponseFigure.objects.exists():
        # Seeding again: rows already right are left alone, so nothing changes.
        summary.refresh_everyone()
    else:
        summary.rebuild()
    if returning:
        context.log.append(
            f"Surveys: {RETURNING_LEARNER} completed '{returning}' with 'before' and 'after' "
            "answers, so My learning shows what changed for them"
        )
    context.log.append(
        f"Surveys: '{instruments[WaveKind.BASELINE].title}' before and after each module, "
        f"'{instruments[WaveKind.THREE_MONTHS].title}' at {follow_up_months_text()} months; "
        f"{completions + more_completions} backdated completions with follow-up answers for "
        f"{len(FIRST_NAMES) + more} Northshire practitioners; {attempts} scenario "
        "play-throughs"
    )
