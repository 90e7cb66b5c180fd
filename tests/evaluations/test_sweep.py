"""Time-travel runs of the sweep through the command, and exactly once on SQLite."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.db.models import F
from django.utils import timezone

from evaluations import sweep as sweep_module
from evaluations.models import (
    FollowUpInvitation,
    InvitationStatus,
    SkipReason,
    SurveyOptOut,
    WaveInstrument,
    WaveKind,
)
from evaluations.schedule import LONDON
from evaluations.sweep import sweep_due_invitations
from tests.evaluations.conftest import COMPLETED
from tests.evaluations.factories import complete_module

pytestmark = pytest.mark.django_db

DUE = datetime.datetime(2026, 4, 12, 9, 0, tzinfo=LONDON)  # COMPLETED + 3 months, 09:00


def run(now: datetime.datetime, *extra: str) -> str:
    out = io.StringIO()
    call_command("send_due_followups", "--now", now.isoformat(), *extra, stdout=out)
    return out.getvalue()


def three_months(completion) -> FollowUpInvitation:
    return FollowUpInvitation.objects.get(completion=completion, wave=WaveKind.THREE_MONTHS)


@pytest.fixture
def completion(learner, module, instrument):
    return complete_module(learner, module, COMPLETED)


def test_time_travel_scheduled_sent_reminded_expired(completion):
    invitation = three_months(completion)
    assert "sent 0" in run(DUE - datetime.timedelta(minutes=1))
    assert mail.outbox == []

    out = run(DUE)
    assert "sent 1," in out
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.SENT
    assert invitation.sent_at == DUE
    assert invitation.closes_at == DUE + datetime.timedelta(days=30)
    assert len(mail.outbox) == 1

    assert "reminded 0" in run(DUE + datetime.timedelta(days=6))
    assert "reminded 1" in run(DUE + datetime.timedelta(days=7))
    invitation.refresh_from_db()
    assert (invitation.status, invitation.reminder_count) == (InvitationStatus.REMINDED, 1)
    assert mail.outbox[-1].subject.startswith("Reminder: ")
    assert "reminded 0" in run(DUE + datetime.timedelta(days=8))
    assert "reminded 1" in run(DUE + datetime.timedelta(days=14))
    invitation.refresh_from_db()
    assert invitation.reminder_count == 2
    assert len(mail.outbox) == 3

    assert "expired 0" in run(DUE + datetime.timedelta(days=29))
    assert "expired 1" in run(DUE + datetime.timedelta(days=30))
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.EXPIRED
    assert invitation.expired_at == DUE + datetime.timedelta(days=30)
    assert len(mail.outbox) == 3
    # The 12-month wave is still to come.
    assert FollowUpInvitation.objects.filter(status=InvitationStatus.SCHEDULED).count() == 1


def test_a_late_sweep_sends_one_reminder_not_two(completion):
    run(DUE)
    run(DUE + datetime.timedelta(days=20))
    invitation = three_months(completion)
    assert invitation.reminder_count == 2
    assert len(mail.outbox) == 2
    assert "reminded 0" in run(DUE + datetime.timedelta(days=21))


def test_repeated_sweeps_send_each_invitation_exactly_once(completion, other_learner, module):
    complete_module(other_learner, module, COMPLETED)  # other partnership, same due date
    for _ in range(3):
        run(DUE)
        run(DUE + datetime.timedelta(minutes=15))
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [completion.user.email, other_learner.email]
    )


def test_dry_run_counts_and_changes_nothing(completion):
    out = run(DUE, "--dry-run")
    assert "Would have sent 1" in out
    assert mail.outbox == []
    assert three_months(completion).status == InvitationStatus.SCHEDULED


def test_now_must_be_a_date_time():
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="not an ISO date-time"):
        call_command("send_due_followups", "--now", "next tuesday")


def lease_taken(invitation, minutes_ago, token="dead-worker"):  # noqa: S107 - a claim name
    """A lease as a worker took it ``minutes_ago`` on the real clock."""
    FollowUpInvitation.objects.filter(pk=invitation.pk).update(
        claim_token=token,
        claimed_at=timezone.now() - datetime.timedelta(minutes=minutes_ago),
        attempt_count=F("attempt_count") + 1,
    )


def test_a_fresh_claim_is_left_alone_and_a_stale_one_is_taken_over(completion):
    """A worker that claimed a row and died: its claim is retried once it is stale."""
    invitation = three_months(completion)
    lease_taken(invitation, minutes_ago=10)
    assert sweep_due_invitations(DUE).sent == 0
    assert mail.outbox == []
    lease_taken(invitation, minutes_ago=31)
    FollowUpInvitation.objects.filter(pk=invitation.pk).update(attempt_count=1)
    result = sweep_due_invitations(DUE)
    assert result.sent == 1
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.SENT
    assert invitation.claim_token is None
    assert invitation.attempt_count == 2
    assert len(mail.outbox) == 1


def test_a_failed_send_keeps_the_claim_and_is_retried_later(completion, monkeypatch):
    def broken(message):
        raise OSError("mail server down")

    monkeypatch.setattr(sweep_module.emails, "send", broken)
    result = sweep_due_invitations(DUE)
    assert result.failed == 1
    invitation = three_months(completion)
    assert invitation.status == InvitationStatus.SCHEDULED
    assert "mail server down" in invitation.last_error
    monkeypatch.undo()
    # The failed sweep's lease holds (on the real clock) until it is stale.
    assert sweep_due_invitations(DUE + datetime.timedelta(minutes=45)).sent == 0
    invitation.refresh_from_db()
    lease_taken(invitation, minutes_ago=45, token=invitation.claim_token)
    assert sweep_due_invitations(DUE).sent == 1
    assert len(mail.outbox) == 1


def test_sweeps_run_as_of_different_times_do_not_take_over_a_live_lease(completion):
    """The hole issue 19 found: with leases measured against ``--now``, a sweep run as of
    T + 31 minutes took over a lease a sweep run as of T had just taken, and sent again."""
    invitation = three_months(completion)
    lease_taken(invitation, minutes_ago=0, token="sweep-as-of-T")
    for minutes in (31, 60 * 24, 60 * 24 * 20):
        assert sweep_due_invitations(DUE + datetime.timedelta(minutes=minutes)).sent == 0
    assert mail.outbox == []


def test_a_slow_batch_keeps_its_lease_row_by_row(completion, other_learner, module, monkeypatch):
    """A batch slower than the stale period renews each row's lease as it reaches it; a
    row another sweep took over meanwhile is left to that sweep, and sent once."""
    from evaluations.sweep import _claim_batch, deliver_batch

    complete_module(other_learner, module, COMPLETED)
    token, ids = _claim_batch("send", DUE, batch_size=10)
    assert len(ids) == 2
    first, second = FollowUpInvitation.objects.filter(pk__in=ids).order_by("due_at", "pk")
    # 40 minutes pass before this batch reaches its second row: its lease went stale and
    # another sweep took the row over and sent it.
    lease_taken(second, minutes_ago=40, token=token)
    assert sweep_due_invitations(DUE).sent == 1
    assert deliver_batch("send", token, ids, DUE).sent == 1  # the first row only
    assert sorted(m.to[0] for m in mail.outbox) == sorted([first.user.email, second.user.email])


def test_a_batch_is_sent_over_one_mail_connection(completion, other_learner, module, monkeypatch):
    from django.core.mail.backends.locmem import EmailBackend

    from evaluations.sweep import _claim_batch, deliver_batch

    complete_module(other_learner, module, COMPLETED)
    opened = []
    original = EmailBackend.open

    def count_open(self):
        opened.append(self)
        return original(self)

    monkeypatch.setattr(EmailBackend, "open", count_open)
    token, ids = _claim_batch("send", DUE, batch_size=10)
    assert deliver_batch("send", token, ids, DUE).sent == 2
    assert len(mail.outbox) == 2
    assert len({id(backend) for backend in opened}) == 1


def test_send_time_checks_record_why_an_invitation_was_skipped(
    completion, learner, module, instrument
):
    learner.is_active = False
    learner.save()
    result = sweep_due_invitations(DUE)
    assert (result.sent, result.skipped) == (0, 1)
    invitation = three_months(completion)
    assert invitation.status == InvitationStatus.SKIPPED
    assert invitation.skip_reason == SkipReason.ACCOUNT_INACTIVE
    assert invitation.skipped_at == DUE
    assert mail.outbox == []


def test_unpublished_module_and_removed_wave_are_skipped(
    learner, other_learner, module, instrument, home_page
):
    from tests.courses.conftest import build_course

    first = complete_module(learner, module, COMPLETED)
    second_module, _, _ = build_course(home_page, slug="second-module")
    second = complete_module(learner, second_module, COMPLETED)
    module.unpublish()
    WaveInstrument.objects.filter(wave=WaveKind.THREE_MONTHS).delete()
    sweep_due_invitations(DUE)
    assert three_months(first).skip_reason == SkipReason.MODULE_REMOVED
    assert three_months(second).skip_reason == SkipReason.WAVE_REMOVED
    assert mail.outbox == []


def test_an_invitation_found_after_its_window_is_skipped_not_sent(completion):
    result = sweep_due_invitations(DUE + datetime.timedelta(days=31))
    assert result.skipped_reasons == {SkipReason.WINDOW_PASSED: 1}
    assert mail.outbox == []


def test_opted_out_learner_is_not_sent_anything(completion, learner):
    SurveyOptOut.objects.create(user=learner)
    result = sweep_due_invitations(DUE)
    assert (result.sent, result.opted_out) == (0, 1)
    assert three_months(completion).status == InvitationStatus.OPTED_OUT
    assert mail.outbox == []


def test_the_celery_task_runs_the_sweep(completion, monkeypatch):
    from evaluations.tasks import sweep_due_invitations as task

    monkeypatch.setattr(sweep_module.timezone, "now", lambda: DUE)
    # The beat task claims and queues; each batch's own task sends it.
    assert task.delay().get()["queued"] == 1
    assert len(mail.outbox) == 1


def test_the_sweep_is_on_the_beat_schedule(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["evaluations-sweep-due-invitations"]
    assert entry["task"] == "evaluations.tasks.sweep_due_invitations"


def test_now_without_an_offset_is_london_time(completion):
    # 09:00 on 12 April 2026 in London is 08:00 UTC (summer time).
    assert "sent 0" in run_text("2026-04-12T08:59")
    assert "sent 1," in run_text("2026-04-12T09:00")


def run_text(now: str) -> str:
    out = io.StringIO()
    call_command("send_due_followups", "--now", now, stdout=out)
    return out.getvalue()


def test_a_partnership_that_switches_follow_ups_off_gets_none(
    completion, learner, other_learner, module
):
    """The partnership's set-up says whether follow-up surveys are sent: switched off,
    nothing new is scheduled and what was scheduled waits unsent; switched back on, the
    waiting ones go out."""
    partnership = learner.partnership
    partnership.send_follow_ups = False
    partnership.save()
    other_learner.partnership.send_follow_ups = False
    other_learner.partnership.save()
    later = complete_module(other_learner, module, COMPLETED)
    assert not FollowUpInvitation.objects.filter(completion=later).exists()
    assert "sent 0" in run(DUE)
    assert mail.outbox == []
    assert three_months(completion).status == InvitationStatus.SCHEDULED
    partnership.send_follow_ups = True
    partnership.save()
    assert "sent 1," in run(DUE + datetime.timedelta(minutes=15))
    assert [m.to[0] for m in mail.outbox] == [learner.email]
