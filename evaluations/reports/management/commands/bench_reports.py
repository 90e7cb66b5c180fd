"""Time the training-impact report at county scale.

Builds (once) a synthetic partnership of 20,000 practitioners with five years of
activity - about 100,000 module completions, 200,000 before/after surveys,
200,000 follow-up invitations, 100,000 survey responses with 500,000 answers, 40,000
scenario attempts - using ``bulk_create``, then times the report page (as a signed-in
board member, through the full middleware stack), the same page filtered to one module
and agency, the background refresh that keeps each partnership's whole report ready, the
page as served after it, the CSV export and the PDF, printing seconds and SQL query
counts.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/learning_site_bench_reports \\
        .venv/bin/python manage.py migrate
    DATABASE_URL=… .venv/bin/python manage.py bench_reports

It refuses to write to a database whose name does not contain "bench" unless --force.
"""

import argparse
import datetime
import os
import random
import statistics
import time
import uuid
from contextlib import nullcontext

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse
from django.utils import timezone

from evaluations.reports import summary

SLUG = "bench-county"
BATCH = 5000
AGENCY_WEIGHTS = [
    ("childrens_social_care", 22), ("early_help", 8), ("health", 24), ("education", 26),
    ("early_years", 8), ("police", 5), ("adult_mental_health", 2), ("drug_and_alcohol", 1),
    ("housing", 0), ("probation", 1), ("voluntary_sector", 3),
]  # fmt: skip
ROLES = [
    "Social worker", "Health visitor", "Teacher", "Designated safeguarding lead", "School nurse",
    "Family support worker", "Early years practitioner", "Police officer", "GP", "Midwife",
    "Youth worker", "Senior practitioner", "Team manager", "Paediatric nurse", "SENCO",
]  # fmt: skip
MODULES = 6
MEASURES = [
    ("bench-confidence-dc", "Confidence recognising disguised compliance", "confidence"),
    ("bench-used-chronology", "Used a chronology in an assessment", "practice"),
    ("bench-challenged-progress", "Challenged a parent's lack of progress", "practice"),
    ("bench-supervision", "Discussed a case in reflective supervision", "practice"),
    ("bench-escalation", "Challenged another professional or escalated", "practice"),
]


def whole_number(lowest: int, highest: int):
    """An argparse type: a whole number in a range, or a message saying which."""

    def parse(text: str) -> int:
        try:
            number = int(text)
        except ValueError:
            number = None
        if number is None or not lowest <= number <= highest:
            raise argparse.ArgumentTypeError(
                f"{text[:40]!r} is not a whole number from {lowest:,} to {highest:,}"
            )
        return number

    return parse


class Command(BaseCommand):
    help = "Build a county-sized synthetic partnership and time the impact report on it."

    def add_arguments(self, parser):
        # A county has up to about 20,000 practitioners; fifty times that is a stress test.
        parser.add_argument("--practitioners", type=whole_number(1, 1_000_000), default=20_000)
        parser.add_argument(
            "--repeat", type=whole_number(1, 1_000), default=5, help="Timed runs of each step."
        )
        parser.add_argument("--rebuild", action="store_true", help="Delete and rebuild the data.")
        parser.add_argument("--force", action="store_true", help="Allow a non-bench database.")

    def handle(self, *args, **options):
        name = str(connection.settings_dict.get("NAME", ""))
        if "bench" not in name and not options["force"]:
            raise CommandError(
                f"Refusing to write bench data into '{name}'. Use a *bench* database or --force."
            )
        from learning_site.models import Partnership

        partnership = Partnership.objects.filter(slug=SLUG).first()
        if partnership is not None and options["rebuild"]:
            self.stdout.write("Deleting the previous bench data…")
            _delete(partnership)
            partnership = None
        if partnership is None:
            started = time.perf_counter()
            partnership = build(options["practitioners"], self.stdout)
            self.stdout.write(f"Built in {time.perf_counter() - started:.0f} s.")
        if connection.vendor == "postgresql":
            # A bulk load leaves the planner without statistics until autovacuum gets to
            # it; a live database has them. Without them PostgreSQL picks nested loops
            # and the report takes twice as long.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        self.stdout.write(_sizes(partnership))
        self.stdout.write(time_report(partnership, options["repeat"]))


def _delete(partnership):
    from courses.models import Enrolment
    from evaluations.models import FollowUpInvitation, SurveyAnswer, SurveyResponse
    from learning_site.models import User
    from scenarios.models import ScenarioAttempt

    with summary.paused():
        SurveyAnswer.objects.filter(response__partnership=partnership).delete()
        SurveyResponse.objects.filter(partnership=partnership).delete()
    FollowUpInvitation.objects.filter(partnership=partnership).delete()
    ScenarioAttempt.objects.filter(user__partnership=partnership).delete()
    Enrolment.objects.filter(user__partnership=partnership).delete()
    User.objects.filter(partnership=partnership).delete()
    partnership.delete()


def _bulk(model, rows):
    made = []
    for start in range(0, len(rows), BATCH):
        made += model.objects.bulk_create(rows[start : start + BATCH])
    return made


def _pages():
    """Six modules and two scenarios to hang the activity on (made once, reused)."""
    from courses.models import CourseIndexPage, CoursePage, LearningOutcome
    from learning_site.demo import seed_home_page
    from scenarios.models import ScenarioIndexPage
    from scenarios.spec import ChoiceSpec, NodeSpec, ScenarioSpec, create_or_update_scenario

    home = seed_home_page()
    index = CourseIndexPage.objects.first()
    if index is None:
        index = CourseIndexPage(title="Modules", slug="modules")
        home.add_child(instance=index)
    courses = []
    for n in range(1, MODULES + 1):
        course = CoursePage.objects.filter(slug=f"bench-module-{n}").first()
        if course is None:
            course = CoursePage(
                title=f"Bench module {n}", slug=f"bench-module-{n}", summary="Bench.",
                audience=["health"], estimated_minutes=30, cpd_hours="1.0", pass_mark=70,
            )  # fmt: skip
            course.outcomes = [LearningOutcome(text="Recognise neglect")]
            index.add_child(instance=course)
        courses.append(course)
    scenario_index = ScenarioIndexPage.objects.first()
    if scenario_index is None:
        scenario_index = ScenarioIndexPage(title="Scenarios", slug="scenarios")
        home.add_child(instance=scenario_index)
    scenarios = []
    for n in (1, 2):
        spec = ScenarioSpec(
            title=f"Bench scenario {n}", slug=f"bench-scenario-{n}", introduction="<p>Bench.</p>",
            nodes=[
                NodeSpec("start", "Start", "decision", "<p>Start.</p>", is_start=True, choices=[
                    ChoiceSpec("Act", "good", 2, "child_focused", ["disguised-compliance"]),
                    ChoiceSpec("Wait", "late", 12, "optimistic", ["disguised-compliance"]),
                ]),
                NodeSpec("good", "Good", "ending", "<p>Good.</p>", outcome="protected_in_time"),
                NodeSpec("late", "Late", "ending", "<p>Late.</p>", outcome="protected_late"),
            ],
        )  # fmt: skip
        scenarios.append(create_or_update_scenario(scenario_index, spec, publish=True))
    return courses, scenarios


def _instrument():
    from evaluations.models import FrozenQuestion, Instrument, InstrumentVersion, Measure

    instrument, _ = Instrument.objects.get_or_create(
        slug="bench-follow-up", defaults={"title": "Bench follow-up"}
    )
    version, created = InstrumentVersion.objects.get_or_create(
        instrument=instrument, number=1,
        defaults={"title": instrument.title, "content_hash": "bench", "questions": []},
    )  # fmt: skip
    if created:
        for position, (slug, name, kind) in enumerate(MEASURES, start=1):
            measure, _ = Measure.objects.get_or_create(
                slug=slug, defaults={"name": name, "kind": kind}
            )
            FrozenQuestion.objects.create(
                version=version, position=position, key=slug, text=name,
                kind="likert" if kind == "confidence" else "number", measure=measure,
            )  # fmt: skip
    return version, list(version.frozen_questions.order_by("position"))


@transaction.atomic
def build(practitioners: int, out):
    from courses.models import CourseCompletion, Enrolment
    from courses.services import bulk_record_completions
    from evaluations.models import (
        FOLLOW_UP_MONTHS,
        FOLLOW_UP_WAVES,
        FollowUpInvitation,
        SurveyAnswer,
        SurveyResponse,
        WaveKind,
    )
    from evaluations.reports.demo import seed_indicator_values
    from learning_site.models import Partnership, User
    from learning_site.roles import Role, ensure_roles, grant_role
    from scenarios.models import ScenarioAttempt, ScenarioDecision

    rng = random.Random(2026)  # noqa: S311 - synthetic data, not secrets
    ensure_roles()
    courses, scenarios = _pages()
    version, questions = _instrument()
    partnership = Partnership.objects.create(
        name="Bench County Safeguarding Partnership", slug=SLUG
    )
    board = User.objects.create_user(
        email="board@bench.example", full_name="Bench Board", partnership=partnership
    )
    grant_role(board, Role.BOARD_MEMBER)
    from allauth.mfa.totp.internal.auth import TOTP

    TOTP.activate(board, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")

    agencies = [a for a, w in AGENCY_WEIGHTS for _ in range(w)]
    out.write(f"Creating {practitioners:,} practitioners…")
    users = _bulk(User, [
        User(email=f"p{i}@bench.example", full_name=f"Practitioner {i}", partnership=partnership,
             agency=rng.choice(agencies), job_role=rng.choice(ROLES) if i % 50 else f"Role {i}",
             password="!")  # noqa: S106 - unusable password marker
        for i in range(practitioners)
    ])  # fmt: skip
    start = timezone.now() - datetime.timedelta(days=5 * 365)
    # Leave room for the last follow-up wave (and its answer) after the latest completion.
    span = (5 * 365 - (30 * max(FOLLOW_UP_MONTHS.values()) + 40)) * 24 * 3600

    def moment(offset_days=0):
        return (
            start
            + datetime.timedelta(seconds=rng.randrange(span))
            + datetime.timedelta(days=offset_days)
        )

    out.write("Enrolments and completions…")
    enrolments, plan = [], []
    for user in users:
        for course in rng.sample(courses, k=rng.choice([4, 5, 5, 6, 6, 6])):
            when = moment()
            enrolments.append(Enrolment(user=user, course=course, enrolled_at=when))
            plan.append(rng.random() < 0.85)
    enrolments = _bulk(Enrolment, enrolments)
    completions = []
    for enrolment, completes in zip(enrolments, plan, strict=True):
        if completes:
            completions.append(CourseCompletion(
                enrolment=enrolment, user_id=enrolment.user_id, course_id=enrolment.course_id,
                completed_at=enrolment.enrolled_at + datetime.timedelta(days=rng.randint(1, 60)),
                knowledge_score=rng.randint(50, 100),
            ))  # fmt: skip
    completions = bulk_record_completions(completions)  # each with its certificate

    out.write(f"{len(completions):,} completions; before/after and follow-up surveys…")
    # The module's before (baseline) and after (post) survey: knowledge score and mean
    # confidence on each response, what the Learning section pairs.
    before_after = {}
    for c in completions:
        base = rng.randint(30, 80)
        conf = rng.choice([2.0, 2.5, 3.0])
        before_after[(c.pk, WaveKind.BASELINE)] = {"knowledge_score": base, "mean_confidence": conf}
        before_after[(c.pk, WaveKind.POST)] = {
            "knowledge_score": min(100, base + rng.randint(-5, 40)),
            "mean_confidence": min(5.0, conf + rng.choice([0, 0.5, 1.0, 1.5])),
        }

    out.write("Follow-up invitations and survey answers…")
    agency_of = {u.pk: u.agency for u in users}
    invitations, responses = [], []
    surveyed = set(rng.sample(range(len(completions)), k=min(40_000, len(completions))))
    keys = {u.pk: uuid.uuid4() for u in users}
    for index, c in enumerate(completions):
        for wave, months in FOLLOW_UP_MONTHS.items():
            due = c.completed_at + datetime.timedelta(days=30 * months)
            answered = index in surveyed and (wave == FOLLOW_UP_WAVES[0] or rng.random() < 0.75)
            invitations.append(FollowUpInvitation(
                user_id=c.user_id, partnership=partnership, agency=agency_of[c.user_id],
                course_id=c.course_id, completion=c, wave=wave, completed_at=c.completed_at,
                due_at=due, status="responded" if answered else "expired",
            ))  # fmt: skip
            if answered:
                responses.append((c, wave, due))
        responses.append((c, WaveKind.BASELINE, c.completed_at - datetime.timedelta(days=30)))
        responses.append((c, WaveKind.POST, c.completed_at))
    _bulk(FollowUpInvitation, invitations)
    response_rows = _bulk(SurveyResponse, [
        SurveyResponse(user_id=c.user_id, respondent_key=keys[c.user_id], partnership=partnership,
                       agency=agency_of[c.user_id], course_id=c.course_id, wave=wave,
                       instrument_version=version, status="submitted", submitted_at=when,
                       **before_after.get((c.pk, wave), {}))
        for c, wave, when in responses
    ])  # fmt: skip
    # Practice answers from the surveyed learners (their baseline and follow-ups).
    answered_by = {
        (c.user_id, c.course_id) for index, c in enumerate(completions) if index in surveyed
    }
    stage = {wave: index for index, wave in enumerate(WaveKind.values)}
    answers = []
    for response in response_rows:
        if (
            response.wave == WaveKind.POST
            or (response.user_id, response.course_id) not in answered_by
        ):
            continue
        for q in questions:
            value = (
                rng.randint(1, 3) + stage[response.wave] // 2
                if q.kind == "likert"
                else rng.randint(0, 1 + stage[response.wave])
            )
            answers.append(
                SurveyAnswer(
                    response=response,
                    question=q,
                    measure_id=q.measure_id,
                    number_value=min(value, 5),
                )
            )
    _bulk(SurveyAnswer, answers)  # fmt: skip

    out.write(f"{len(answers):,} answers; scenario attempts…")
    attempts = []
    for user in users:
        for scenario in scenarios:
            good = rng.random() < 0.6
            attempts.append(ScenarioAttempt(
                user=user, scenario=scenario, current_node_key="good" if good else "late", step=1,
                weeks_elapsed=2 if good else 12 + rng.randint(0, 20), ending_key="good" if good else "late",
                ending_outcome="protected_in_time" if good else "protected_late", completed_at=moment(),
                is_first=True,  # one attempt each; bulk_create does not work it out
            ))  # fmt: skip
    attempts = _bulk(ScenarioAttempt, attempts)
    _bulk(ScenarioDecision, [
        ScenarioDecision(attempt=a, sequence=1, from_node_key="start", choice_id=1,
                         choice_label="Act" if a.ending_key == "good" else "Wait",
                         to_node_key=a.ending_key, weeks=a.weeks_elapsed,
                         rating="child_focused" if a.ending_key == "good" else "optimistic",
                         concepts=["disguised-compliance"])
        for a in attempts
    ])  # fmt: skip
    seed_indicator_values(partnership)
    out.write("The report's summary of the answers (as after any bulk load)…")
    started = time.perf_counter()
    rows = summary.rebuild(partnership)
    out.write(f"{rows:,} summary rows in {time.perf_counter() - started:.0f} s.")
    return partnership


def _sizes(partnership) -> str:
    from courses.models import CourseCompletion, Enrolment
    from evaluations.models import FollowUpInvitation, SurveyAnswer
    from learning_site.models import User
    from scenarios.models import ScenarioAttempt

    return (
        f"Partnership '{partnership.name}': "
        f"{User.objects.filter(partnership=partnership).count():,} people, "
        f"{Enrolment.objects.for_partnership(partnership).count():,} enrolments, "
        f"{CourseCompletion.objects.filter(user__partnership=partnership).count():,} completions, "
        f"{FollowUpInvitation.objects.filter(partnership=partnership).count():,} invitations, "
        f"{SurveyAnswer.objects.filter(response__partnership=partnership).count():,} survey answers, "
        f"{ScenarioAttempt.objects.filter(user__partnership=partnership).count():,} scenario attempts."
    )


def _database_cpu():
    """A function giving the CPU time (ms) the database server has spent on this
    connection so far, or None when that cannot be read: on a shared machine wall times
    follow the load, CPU time much less. PostgreSQL on this machine only (Linux's
    ``/proc/<backend pid>/schedstat``)."""
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        # All the work in the one backend process, so its CPU time is all of it.
        cursor.execute("SET max_parallel_workers_per_gather = 0")
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    path = f"/proc/{pid}/schedstat"
    if not os.path.exists(path):
        return None

    def read() -> float:
        with open(path) as stat:
            return int(stat.read().split()[0]) / 1e6

    return read


def _timed(func, repeat, before=None, database_cpu=None):
    """``before`` runs untimed ahead of each timed run. Returns the median and slowest
    wall time, the queries of the last run, their time, and the median database CPU time
    (ms, or None)."""
    runs, cpu, queries, sql_seconds = [], [], None, 0.0
    func()  # warm: connection, templates, content types
    for _ in range(repeat):
        if before is not None:
            before()
        with CaptureQueriesContext(connection) as ctx:
            cpu_before = database_cpu() if database_cpu else 0
            started = time.perf_counter()
            func()
            runs.append(time.perf_counter() - started)
            if database_cpu:
                cpu.append(database_cpu() - cpu_before)
        queries = len(ctx.captured_queries)
        sql_seconds = sum(float(q["time"]) for q in ctx.captured_queries)
    return (
        statistics.median(runs), max(runs), queries, sql_seconds,
        statistics.median(cpu) if cpu else None,
    )  # fmt: skip


def _sign_in_with_second_factor(client, user) -> None:
    """``force_login`` plus the record allauth keeps of a code given at sign-in: board
    members have an authenticator, and a session without that record is signed out."""
    from allauth.account.authentication import AUTHENTICATION_METHODS_SESSION_KEY

    client.force_login(user)
    now = time.time()
    session = client.session
    session[AUTHENTICATION_METHODS_SESSION_KEY] = [
        {"method": "password", "at": now, "email": user.email},
        {"method": "mfa", "at": now, "type": "totp"},
    ]
    session["account_authentication_methods_user"] = str(user.pk)
    session.save()


def time_report(partnership, repeat: int) -> str:
    from courses.models import CoursePage
    from evaluations.reports.exports import report_csv
    from evaluations.reports.filters import ReportFilters
    from evaluations.reports.pdf import report_pdf
    from evaluations.reports.report import build_report, warm_report
    from learning_site.models import User

    board = User.objects.get(email="board@bench.example")
    client = Client(HTTP_HOST="localhost")
    _sign_in_with_second_factor(client, board)
    module = CoursePage.objects.filter(slug="bench-module-1").first()
    url = reverse("reports_home")
    filtered = f"{url}?module={module.pk}&agency=health"

    def page(target, cache_seconds=0):
        def run():
            with override_settings(REPORT_CACHE_SECONDS=cache_seconds):
                response = client.get(target)
            if response.status_code != 200:
                raise CommandError(f"{target} answered {response.status_code}")

        return run

    def refreshed():
        from django.core.cache import cache

        cache.clear()
        with override_settings(REPORT_CACHE_SECONDS=900):
            warm_report(partnership)

    filters = ReportFilters(partnership)
    one_module = ReportFilters(
        partnership, course_id=module.pk, course_title=module.title, agency="health"
    )
    steps = [
        ("Adding up alone (build_report), whole partnership", lambda: build_report(filters), None),
        ("Adding up alone (build_report), one module and one agency", lambda: build_report(one_module), None),
        ("Report page, whole partnership, adding up (cache off)", page(url), None),
        ("Report page, one module and one agency, adding up (cache off)", page(filtered), None),
        ("Refresh task: whole report added up in the background", refreshed, None),
        ("Report page, whole partnership, first visit after the refresh task", page(url, 900), refreshed),
        ("CSV export as the Celery task builds it (add up + write)", lambda: report_csv(build_report(filters)), None),
        ("CSV download over HTTP, after the refresh task", page(reverse("reports_csv"), 900), refreshed),
        ("PDF board pack as the Celery task builds it (add up + draw)", lambda: report_pdf(build_report(filters)), None),
    ]  # fmt: skip
    database_cpu = _database_cpu()
    lines = [f"Timings: median and slowest of {repeat} runs after one warm-up."]
    if database_cpu is None:
        lines.append("  (The database's CPU time is shown only for PostgreSQL on this machine.)")
    with open("/proc/loadavg") if os.path.exists("/proc/loadavg") else nullcontext() as load:
        if load is not None:
            lines.append(f"  Load average at the start: {load.read().split()[0]}")
    for label, func, before in steps:
        median, slowest, queries, sql_seconds, cpu = _timed(func, repeat, before, database_cpu)
        line = (
            f"  {label}: median {median * 1000:.0f} ms, slowest {slowest * 1000:.0f} ms, "
            f"{queries} SQL queries ({sql_seconds * 1000:.0f} ms of them in the database)"
        )
        if cpu is not None:
            line += f"; database CPU time {cpu:.0f} ms"
        lines.append(line)
    return "\n".join(lines)
