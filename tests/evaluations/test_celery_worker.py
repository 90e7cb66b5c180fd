"""The beat task on a real Celery worker (Redis broker, prefork pool, PostgreSQL), run
by ``.ci/run``: three sweeps dispatched at once send a due invitation exactly once."""

import datetime
import os

import pytest
from dateutil.relativedelta import relativedelta
from django.utils import timezone

from evaluations.models import FollowUpInvitation, InvitationStatus
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

    assert sum(t["sent"] for t in totals) == 1
    invitation = FollowUpInvitation.objects.get(wave="three_months")
    assert invitation.status == InvitationStatus.SENT
    assert invitation.claim_token is None
    assert FollowUpInvitation.objects.get(wave="twelve_months").status == (
        InvitationStatus.SCHEDULED
    )
