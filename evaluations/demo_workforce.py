"""A county's worth of demo practitioners for ``seed_demo``, so the board report shows
real figures: about 140 Northshire practitioners (the 30 of ``evaluations.demo`` and 110
more) across the partnership's agencies, each taking one to three modules over two
years, with 'before' and 'after' answers, follow-ups, and scenario play-throughs.

The agencies are sized so that most have enough people for their figures to be shown
while housing, adult mental health and probation stay small enough that theirs are
suppressed, as they would be in a real partnership. Reach stays well below each
agency's workforce.

Idempotent: every choice comes from ``random.Random`` seeded by the learner's email and
every date from ``evaluations.demo.ANCHOR`` up to ``DEMO_TODAY``, never from the clock.
"""

import datetime
import random

from evaluations.demo import (
    AGENCIES,
    ANCHOR,
    DEMO_TODAY,
    FIRST_NAMES,
    _demo_courses,
    _learners,
    practitioner,
    take_module,
)
from learning_site.models import Agency

# How many more practitioners each agency brings (the first 30 add about three each;
# housing and adult mental health bring none, so their cells stay under five).
MORE_PRACTITIONERS = {
    Agency.CHILDRENS_SOCIAL_CARE: 22,
    Agency.HEALTH: 20,
    Agency.EDUCATION: 18,
    Agency.EARLY_HELP: 13,
    Agency.POLICE: 13,
    Agency.EARLY_YEARS: 13,
    Agency.VOLUNTARY_SECTOR: 8,
    Agency.DRUG_AND_ALCOHOL: 3,
    Agency.PROBATION: 3,
}
JOB_ROLES = dict(AGENCIES) | {
    Agency.VOLUNTARY_SECTOR: "Family support worker",
    Agency.PROBATION: "Probation officer",
}
FIRST_NUMBER = len(FIRST_NAMES) + 1  # practitioner31 onwards
# First enrolments run from early December 2024 to the autumn of 2026, so the report's
# last 12 months and the 12 months before both have completions.
FIRST_ENROLMENT = ANCHOR - datetime.timedelta(days=35)
ENROLMENT_SPAN_DAYS = 650
PLAYS_SCENARIOS = 0.6  # share of practitioners who play one or two scenarios
COMPLETES = 0.65  # share of enrolments completed
ANSWERS_AFTER = 0.85  # share of completers who answer the 'after' survey


def _more_learners(partnership) -> list:
    kinds = [kind for kind, n in MORE_PRACTITIONERS.items() for _ in range(n)]
    random.Random("northshire-workforce").shuffle(kinds)  # noqa: S311 - demo data
    return [
        practitioner(
            partnership,
            FIRST_NUMBER + offset,
            FIRST_NAMES[(FIRST_NUMBER + offset) % len(FIRST_NAMES)],
            kind,
            JOB_ROLES[kind],
        )
        for offset, kind in enumerate(kinds)
    ]


def _modules(user, offset: int, courses, versions, rng: random.Random) -> int:
    """One to three modules, a month or more apart, from the learner's first enrolment."""
    start = ENROLMENT_SPAN_DAYS * (offset + rng.random()) / sum(MORE_PRACTITIONERS.values())
    enrolled_at = FIRST_ENROLMENT + datetime.timedelta(days=start, hours=rng.randint(0, 8))
    count = rng.choices([1, 2, 3], weights=[5, 3, 2])[0]
    completions = 0
    for course in rng.sample(courses, min(count, len(courses))):
        if enrolled_at > DEMO_TODAY:
            break
        completed_at = enrolled_at + datetime.timedelta(days=rng.randint(6, 25))
        done = rng.random() < COMPLETES and completed_at <= DEMO_TODAY
        completions += take_module(
            user,
            course,
            versions,
            i=FIRST_NUMBER + offset,
            enrolled_at=enrolled_at,
            completed_at=completed_at if done else None,
            answers_after=rng.random() < ANSWERS_AFTER,
        )
        enrolled_at += datetime.timedelta(days=rng.randint(30, 120))
    return completions


def seed_workforce(partnership, instruments) -> tuple[int, int, int]:
    """The practitioners after the first 30 and their modules, then everyone's
    play-throughs. Returns (practitioners added, their completions, attempts)."""
    courses = _demo_courses()
    if not courses:
        return 0, 0, 0
    versions = {wave: instrument.current_version() for wave, instrument in instruments.items()}
    more = _more_learners(partnership)
    completions = 0
    for offset, user in enumerate(more):
        rng = random.Random(user.email)  # noqa: S311 - demo data, not secrets
        completions += _modules(user, offset, courses, versions, rng)
    attempts = _play_throughs(partnership, _learners(partnership) + more)
    return len(more), completions, attempts


def _play_throughs(partnership, learners) -> int:
    """About 60% of the practitioners play one or two demo scenarios, a few days after
    their first enrolment; returns how many first attempts they have."""
    from courses.models import Enrolment
    from scenarios.demo import play_through
    from scenarios.models import ScenarioAttempt, ScenarioPage

    scenarios = list(ScenarioPage.objects.live().order_by("pk"))
    if not scenarios:
        return 0
    first_enrolled = {}
    for user_id, enrolled_at in (
        Enrolment.objects.filter(
            user__partnership=partnership, user__email__startswith="practitioner"
        )
        .order_by("enrolled_at")
        .values_list("user_id", "enrolled_at")
    ):
        first_enrolled.setdefault(user_id, enrolled_at)
    for user in learners:
        rng = random.Random(f"{user.email}/scenarios")  # noqa: S311 - demo data, not secrets
        if user.pk not in first_enrolled or rng.random() >= PLAYS_SCENARIOS:
            continue
        started_at = first_enrolled[user.pk] + datetime.timedelta(days=rng.randint(1, 10))
        for page in rng.sample(scenarios, rng.choice([1, 1, 2])):
            play_through(user, page, rng, started_at)
            started_at += datetime.timedelta(days=rng.randint(2, 20))
    return ScenarioAttempt.objects.filter(user__in=learners).count()
