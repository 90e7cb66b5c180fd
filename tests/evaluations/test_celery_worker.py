"""The beat task on a real Celery worker (Redis broker, prefork pool, PostgreSQL), run
by ``.ci/run``: three sweeps dispatched at once send a due invitation exactly once."""

import datetime
import os
import time

import pytest
from dateutil.relativedelta import relativedelta
from django.utils import timezone

from evaluations.models import FollowUpInvitation, InvitationStatus, WaveKind
from evaluations.tasks import sweep_due_invitations
from tests.evaluations.factories import complete_module, make_instrument, use_everywhere

pytestmark = [
    pytest.mark.celery_worker,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_sweep_task_on_a_real_worker_sends_once(home_page, learner):
    from tests.courses.conftest import build_course

    assert os.environ.get("CELERY_BROKER_URL", "").startswith("redis://")
    use_everywhere(make_instrument(slug="worker"))
    course, _, _ = build_course(home_page, slug="worker-module")
    # Completed three months and two days ago: the 3-month invitation is due.
    completed = timezone.now() - relativedelta(months=3) - datetime.timedelta(days=2)
    complete_module(learner, course, completed)

    results = [sweep_due_invitations.apply_async() for _ in range(3)]
    totals = [result.get(timeout=60) for result in results]

    # The beat task claims and queues; a batch task on the worker sends. The invitation
    # was claimed by one sweep only, and is sent once.
    assert sum(t["queued"] for t in totals) == 1
    invitation = FollowUpInvitation.objects.get(wave=WaveKind.THREE_MONTHS)
    for _ in range(120):
        if invitation.status == InvitationStatus.SENT:
            break
        time.sleep(0.5)
        invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.SENT
    assert invitation.claim_token is None
    assert FollowUpInvitation.objects.get(wave=WaveKind.TWELVE_MONTHS).status == (
        InvitationStatus.SCHEDULED
    )


def test_report_refresh_on_a_real_worker_keeps_the_board_report_ready(
    client, board_member, partnership, home_page, settings
):
    """Beat's refresh, run by the worker, leaves each partnership's whole report in the
    shared Redis cache, so the board member's first visit does not add it up."""
    import time

    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from evaluations.reports.filters import ReportFilters
    from evaluations.reports.report import _cache_key
    from evaluations.reports.tasks import refresh_partnership_reports
    from tests.courses.conftest import build_course
    from tests.impact_reports.factories import at, enrol, learner

    settings.REPORT_CACHE_SECONDS = 600
    assert settings.CACHES["default"]["BACKEND"].endswith("RedisCache")
    course = build_course(home_page, slug="refresh-module")[0]
    for _ in range(6):
        enrol(learner(partnership), course, completed=at(2025, 7))
    key = _cache_key(ReportFilters(partnership))
    assert cache.get(key) is None

    assert refresh_partnership_reports.apply_async().get(timeout=60) >= 1
    for _ in range(120):  # the refresh queued one task per partnership; wait for ours
        if cache.get(key) is not None:
            break
        time.sleep(0.5)
    assert cache.get(key) is not None, "the worker did not add up the report"

    client.force_login(board_member)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(reverse("reports_home"))
    # Served as the worker left it: the visit reads none of the rows the add-up reads
    # (a count of queries would also count sign-in, two-factor and audit queries).
    added_up = (
        "courses_enrolment",
        "courses_coursecompletion",
        "evaluations_surveyanswer",
        "scenarios_scenarioattempt",
        "courses_coursequestionnaireresponse",
    )
    read = [q["sql"] for q in ctx.captured_queries if any(f'"{t}"' in q["sql"] for t in added_up)]
    assert read == []
    assert response.context["report"].reach.total.learners.value == 6
