"""Exactly once with real concurrent workers on PostgreSQL.

Several sweeps run at the same time in threads, each with its own database connection,
against committed rows (``transactional_db``). Every invitation must produce exactly one
email, whichever sweep claimed it. CI runs this (``.ci/run`` selects the postgres marker);
``make test`` on SQLite deselects it.
"""

import datetime
import threading
from collections import Counter

import pytest
from django.core import mail
from django.db import connection, connections
from django.utils import timezone

from evaluations.models import FollowUpInvitation, InvitationStatus
from evaluations.sweep import sweep_due_invitations
from tests.evaluations.conftest import COMPLETED
from tests.evaluations.factories import complete_module, make_instrument, use_everywhere
from tests.evaluations.test_sweep import DUE
from tests.factories import make_partnership, make_user

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WORKERS = 6
LEARNERS = 40


def run_concurrently(target, count):
    barrier = threading.Barrier(count)
    results, errors = [], []

    def worker():
        try:
            barrier.wait()
            results.append(target())
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=600)  # a busy CI machine is slow; a hung sweep still fails
    assert not any(thread.is_alive() for thread in threads), "a sweep did not finish"
    assert not errors, errors
    return results


@pytest.fixture
def due_invitations(home_page):
    from tests.courses.conftest import build_course

    assert connection.vendor == "postgresql", "run with DATABASE_URL=postgres://…"
    use_everywhere(make_instrument(slug="concurrency"))
    course, _, _ = build_course(home_page, slug="concurrency-module")
    partnership = make_partnership()
    learners = [make_user(partnership=partnership) for _ in range(LEARNERS)]
    for learner in learners:
        complete_module(learner, course, COMPLETED)
    return learners


def test_concurrent_sweeps_send_each_invitation_exactly_once(due_invitations, monkeypatch):
    # Small batches make the sweeps interleave claim after claim. A sweep's first batch
    # waits (up to ten seconds) until a second sweep is delivering too, so the test does
    # not depend on one sweep finishing all 40 before the others start on a busy machine.
    from evaluations import sweep

    delivering, lock, two_at_once = set(), threading.Lock(), threading.Event()
    deliver = sweep.deliver_batch

    def deliver_once_two_are_at_work(*args, **kwargs):
        with lock:
            delivering.add(threading.get_ident())
            if len(delivering) >= 2:
                two_at_once.set()
        two_at_once.wait(timeout=10)
        return deliver(*args, **kwargs)

    monkeypatch.setattr(sweep, "deliver_batch", deliver_once_two_are_at_work)
    results = run_concurrently(lambda: sweep_due_invitations(DUE, batch_size=3), WORKERS)
    monkeypatch.setattr(sweep, "deliver_batch", deliver)
    recipients = Counter(message.to[0] for message in mail.outbox)
    assert set(recipients) == {learner.email for learner in due_invitations}
    assert set(recipients.values()) == {1}
    assert sum(r.sent for r in results) == LEARNERS
    # The sweeps really did share the work (each claimed and sent some).
    assert sum(1 for r in results if r.sent) >= 2
    assert (
        FollowUpInvitation.objects.filter(
            wave="three_months", status=InvitationStatus.SENT, claim_token__isnull=True
        ).count()
        == LEARNERS
    )

    # Sweeps again, all at once, a week later: one reminder each, still no duplicates.
    week_on = DUE + datetime.timedelta(days=7)
    results = run_concurrently(lambda: sweep_due_invitations(week_on, batch_size=3), WORKERS)
    assert sum(r.reminded for r in results) == LEARNERS
    assert sum(r.sent for r in results) == 0
    assert len(mail.outbox) == 2 * LEARNERS
    assert set(Counter(m.to[0] for m in mail.outbox).values()) == {2}


def test_concurrent_sweeps_take_over_a_dead_workers_claims_once(due_invitations):
    # A worker claimed a third of the rows and was killed before sending any.
    dead = FollowUpInvitation.objects.filter(wave="three_months").order_by("pk")[: LEARNERS // 3]
    dead_ids = [i.pk for i in dead]
    FollowUpInvitation.objects.filter(pk__in=dead_ids).update(
        claim_token="killed-worker", claimed_at=timezone.now(), attempt_count=1
    )
    # Before the lease is stale (on the real clock), the live sweeps leave those rows
    # alone, even a sweep run as of 40 minutes later…
    run_concurrently(lambda: sweep_due_invitations(DUE + datetime.timedelta(minutes=40)), 3)
    assert len(mail.outbox) == LEARNERS - LEARNERS // 3
    # …and once it is stale, exactly one of them sends each.
    FollowUpInvitation.objects.filter(pk__in=dead_ids).update(
        claimed_at=timezone.now() - datetime.timedelta(minutes=40)
    )
    run_concurrently(lambda: sweep_due_invitations(DUE, batch_size=2), WORKERS)
    assert sorted(m.to[0] for m in mail.outbox) == sorted(u.email for u in due_invitations)


def test_a_sweep_claims_while_another_holds_the_partnership_row(due_invitations):
    """A claim locks invitation rows only: the candidates query joins the partnership (its
    "send follow-ups" switch), and when the claim locked that row too, every other sweep
    skipped all of the partnership's invitations and stopped."""
    from django.db import transaction

    from evaluations.sweep import _claim_batch
    from learning_site.models import Partnership

    holding, release = threading.Event(), threading.Event()

    def hold_the_partnership_row():
        try:
            with transaction.atomic():
                Partnership.objects.select_for_update().get(pk=due_invitations[0].partnership_id)
                holding.set()
                release.wait(30)
        finally:
            connections.close_all()

    thread = threading.Thread(target=hold_the_partnership_row)
    thread.start()
    assert holding.wait(30)
    try:
        _token, claimed = _claim_batch("send", DUE, batch_size=3)
    finally:
        release.set()
        thread.join(30)
    assert len(claimed) == 3
