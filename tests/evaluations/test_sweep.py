"""Time-travel runs of the sweep through the command, and exactly once on SQLite."""

import datetime
import io

import pytest
from django.core import mail
from django.core.mail.backends import locmem
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


# --- One batch: a fixed number of queries, chunks, leases and outcomes --------------------


def due_rows(count, module, *, wave=WaveKind.THREE_MONTHS, **fields):
    """``count`` learners of one partnership, each with an invitation due at ``DUE``."""
    from tests.factories import make_partnership, make_user

    partnership = make_partnership()
    people = [make_user(partnership=partnership) for _ in range(count)]
    FollowUpInvitation.objects.bulk_create(
        FollowUpInvitation(
            user=person,
            partnership=partnership,
            course=module,
            wave=wave,
            completed_at=COMPLETED,
            due_at=DUE,
            **fields,
        )
        for person in people
    )
    return list(
        FollowUpInvitation.objects.filter(user__in=people).select_related("user").order_by("pk")
    )


def link_token(message) -> str:
    import re

    return re.search(r"/(?P<token>[\w-]{43})/", message.body)["token"]


@pytest.mark.parametrize("count", [5, 50])
def test_a_batch_takes_the_same_queries_whatever_its_size(
    count, module, instrument, settings, django_assert_num_queries
):
    """Renew the leases, read the rows, read opt-outs, answers and the wave's instrument,
    insert the links, mark the rows sent: seven queries for 5 invitations or for 50 (it
    was eight per invitation)."""
    from evaluations.models import InvitationLinkToken, hash_token
    from evaluations.sweep import _claim_batch, deliver_batch

    settings.EVALUATION_SWEEP_SEND_CHUNK = 50
    rows = due_rows(count, module)
    token, ids = _claim_batch("send", DUE, batch_size=100)
    assert len(ids) == count
    with django_assert_num_queries(7):
        assert deliver_batch("send", token, ids, DUE).sent == count
    assert len(mail.outbox) == count
    assert (
        FollowUpInvitation.objects.filter(
            status=InvitationStatus.SENT,
            sent_at=DUE,
            closes_at=DUE + datetime.timedelta(days=30),
            claim_token=None,
        ).count()
        == count
    )
    # Each email's link is that invitation's own, stored only as its SHA-256.
    by_email = {row.user.email: row.pk for row in rows}
    for message in mail.outbox:
        stored = InvitationLinkToken.objects.get(token_hash=hash_token(link_token(message)))
        assert stored.invitation_id == by_email[message.to[0]]
        assert stored.issued_at == DUE
        assert f"/{stored.invitation_id}/" in message.body
    assert InvitationLinkToken.objects.count() == count


@pytest.mark.parametrize("count", [6, 60])
def test_a_reminder_batch_takes_the_same_queries_and_counts_each_rows_reminders(
    count, module, instrument, settings, django_assert_num_queries
):
    """Rows a week on and rows a fortnight on in one batch: one UPDATE per reminder count."""
    from evaluations.sweep import _claim_batch, deliver_batch

    settings.EVALUATION_SWEEP_SEND_CHUNK = 100
    now = DUE + datetime.timedelta(days=15)
    week = due_rows(
        count // 2,
        module,
        status=InvitationStatus.SENT,
        sent_at=now - datetime.timedelta(days=8),
        closes_at=now + datetime.timedelta(days=20),
    )
    fortnight = due_rows(
        count // 2,
        module,
        status=InvitationStatus.SENT,
        sent_at=now - datetime.timedelta(days=14),
        closes_at=now + datetime.timedelta(days=16),
    )
    token, ids = _claim_batch("remind", now, batch_size=100)
    assert len(ids) == count
    with django_assert_num_queries(8):
        assert deliver_batch("remind", token, ids, now).reminded == count
    assert all(m.subject.startswith("Reminder: ") for m in mail.outbox)
    counts = dict(FollowUpInvitation.objects.values_list("pk", "reminder_count"))
    assert {counts[row.pk] for row in week} == {1}
    assert {counts[row.pk] for row in fortnight} == {2}
    closes = dict(FollowUpInvitation.objects.values_list("pk", "closes_at"))
    assert closes[week[0].pk] == now + datetime.timedelta(days=20)  # unchanged by a reminder
    assert "17 May 2026" in next(m for m in mail.outbox if m.to == [week[0].user.email]).body


def test_a_chunk_whose_leases_another_sweep_took_over_is_not_sent_by_us(
    module, instrument, settings, monkeypatch
):
    """The batch sends in chunks of two. While it sends the first chunk, its leases on the
    second chunk's rows go stale and another sweep takes them over: before the second
    chunk the batch renews what it still holds, leaves those two to the other sweep and
    sends the fifth."""
    from evaluations.sweep import _claim_batch, deliver_batch

    settings.EVALUATION_SWEEP_SEND_CHUNK = 2
    rows = due_rows(5, module)
    token, ids = _claim_batch("send", DUE, batch_size=10)
    send = sweep_module.emails.send

    def send_while_another_sweep_takes_over(message):
        send(message)
        FollowUpInvitation.objects.filter(pk__in=[rows[2].pk, rows[3].pk]).update(
            claim_token="other-sweep", claimed_at=timezone.now()
        )

    monkeypatch.setattr(sweep_module.emails, "send", send_while_another_sweep_takes_over)
    result = deliver_batch("send", token, ids, DUE)
    assert result.sent == 3
    assert [m.to[0] for m in mail.outbox] == [rows[i].user.email for i in (0, 1, 4)]
    taken = FollowUpInvitation.objects.filter(pk__in=[rows[2].pk, rows[3].pk])
    assert set(taken.values_list("status", "claim_token")) == {
        (InvitationStatus.SCHEDULED, "other-sweep")
    }
    assert not taken.filter(link_tokens__isnull=False).exists()  # no link issued for them


REFUSED = "refused@council.gov.uk"


class RefusingBackend(locmem.EmailBackend):
    """Django's in-memory email backend, with a server that refuses one recipient as SMTP
    does: the messages before it in a list have gone, then it raises."""

    def send_messages(self, messages):
        for message in messages:
            if REFUSED in message.to:
                raise OSError(f"550 mailbox unavailable: {REFUSED}")
            super().send_messages([message])
        return len(messages)


def test_a_message_the_mail_server_refuses_keeps_its_claim_and_the_others_are_sent(
    module, instrument, settings
):
    from evaluations.sweep import _claim_batch, deliver_batch

    settings.EMAIL_BACKEND = f"{__name__}.RefusingBackend"
    rows = due_rows(4, module)
    refused = rows[1]
    refused.user.email = REFUSED
    refused.user.save()
    token, ids = _claim_batch("send", DUE, batch_size=10)
    result = deliver_batch("send", token, ids, DUE)
    assert (result.sent, result.failed) == (3, 1)
    assert sorted(m.to[0] for m in mail.outbox) == sorted(rows[i].user.email for i in (0, 2, 3))
    refused.refresh_from_db()
    assert refused.status == InvitationStatus.SCHEDULED
    assert refused.claim_token == token  # kept: retried once the lease runs out
    assert "550 mailbox unavailable" in refused.last_error
    assert (
        FollowUpInvitation.objects.filter(
            status=InvitationStatus.SENT, claim_token=None, last_error=""
        ).count()
        == 3
    )


def test_one_mixed_batch_gives_each_row_its_outcome(
    module, instrument, home_page, learner, settings, django_assert_num_queries
):
    """Opted out, already answered, inactive, deleted, on a module since unpublished, and
    two to send, in one batch: one UPDATE per outcome."""
    import uuid

    from evaluations.models import ResponseStatus, SurveyResponse
    from evaluations.sweep import _claim_batch, deliver_batch
    from tests.courses.conftest import build_course

    removed_module, _, _ = build_course(home_page, slug="removed-module")
    rows = due_rows(6, module)
    gone = due_rows(1, removed_module)[0]
    opted, answered, inactive, deleted, *to_send = rows
    SurveyOptOut.objects.create(user=opted.user)
    SurveyResponse.objects.create(
        user=answered.user,
        respondent_key=uuid.uuid4(),
        partnership=answered.partnership,
        course=module,
        wave=WaveKind.THREE_MONTHS,
        instrument_version=instrument.current_version(),
        status=ResponseStatus.SUBMITTED,
    )
    inactive.user.is_active = False
    inactive.user.save()
    deleted.user.delete()
    removed_module.unpublish()
    token, ids = _claim_batch("send", DUE, batch_size=10)
    assert len(ids) == 7
    # The seven queries of a plain batch, and one UPDATE for each of the five outcomes.
    with django_assert_num_queries(12):
        result = deliver_batch("send", token, ids, DUE)
    assert (result.sent, result.opted_out, result.skipped) == (2, 1, 4)
    assert result.skipped_reasons == {
        SkipReason.ALREADY_ANSWERED: 1,
        SkipReason.ACCOUNT_INACTIVE: 1,
        SkipReason.ACCOUNT_DELETED: 1,
        SkipReason.MODULE_REMOVED: 1,
    }
    outcome = {
        row.pk: (row.status, row.skip_reason, row.claim_token)
        for row in FollowUpInvitation.objects.all()
    }
    assert outcome[opted.pk] == (InvitationStatus.OPTED_OUT, "", None)
    assert outcome[answered.pk] == (InvitationStatus.SKIPPED, SkipReason.ALREADY_ANSWERED, None)
    assert outcome[inactive.pk] == (InvitationStatus.SKIPPED, SkipReason.ACCOUNT_INACTIVE, None)
    assert outcome[deleted.pk] == (InvitationStatus.SKIPPED, SkipReason.ACCOUNT_DELETED, None)
    assert outcome[gone.pk] == (InvitationStatus.SKIPPED, SkipReason.MODULE_REMOVED, None)
    for row in to_send:
        assert outcome[row.pk] == (InvitationStatus.SENT, "", None)
    assert sorted(m.to[0] for m in mail.outbox) == sorted(r.user.email for r in to_send)
    assert FollowUpInvitation.objects.get(pk=opted.pk).opted_out_at == DUE
    assert FollowUpInvitation.objects.get(pk=gone.pk).skipped_at == DUE


def test_a_reminder_to_someone_who_has_answered_marks_the_invitation_responded(module, instrument):
    import uuid

    from evaluations.models import ResponseStatus, SurveyResponse

    now = DUE + datetime.timedelta(days=8)
    answered, other = due_rows(
        2,
        module,
        status=InvitationStatus.SENT,
        sent_at=DUE,
        closes_at=DUE + datetime.timedelta(days=30),
    )
    SurveyResponse.objects.create(
        user=answered.user,
        respondent_key=uuid.uuid4(),
        partnership=answered.partnership,
        course=module,
        wave=WaveKind.THREE_MONTHS,
        instrument_version=instrument.current_version(),
        status=ResponseStatus.SUBMITTED,
    )
    result = sweep_due_invitations(now)
    assert result.reminded == 1
    answered.refresh_from_db()
    assert (answered.status, answered.responded_at) == (InvitationStatus.RESPONDED, now)
    assert [m.to[0] for m in mail.outbox] == [other.user.email]


@pytest.mark.parametrize(("minutes_per_chunk", "renewed"), [(0, [2, 2]), (11, [4, 2])])
def test_each_chunk_renews_its_own_leases_and_the_rest_every_third_of_the_stale_period(
    module, instrument, settings, monkeypatch, minutes_per_chunk, renewed
):
    """Six rows in chunks of two: before the second and third chunk the batch renews the
    leases on that chunk's rows; when a third of the 30-minute stale period has passed
    since the rest were last extended, it extends all the rows it has not sent."""
    from evaluations.sweep import _claim_batch, deliver_batch

    settings.EVALUATION_SWEEP_SEND_CHUNK = 2
    settings.EVALUATION_CLAIM_STALE_MINUTES = 30
    rows = due_rows(6, module)
    token, ids = _claim_batch("send", DUE, batch_size=10)
    clock = [1000.0]
    monkeypatch.setattr(sweep_module, "_clock", lambda: clock[0])
    send = sweep_module.emails.send

    def slow_send(message):
        send(message)
        clock[0] += minutes_per_chunk * 60 / 2  # two emails a chunk

    monkeypatch.setattr(sweep_module.emails, "send", slow_send)
    sizes = []
    renew = sweep_module._renew

    def counting_renew(token, ids):
        sizes.append(len(ids))
        return renew(token, ids)

    monkeypatch.setattr(sweep_module, "_renew", counting_renew)
    assert deliver_batch("send", token, ids, DUE).sent == 6
    assert sizes == renewed
    assert sorted(m.to[0] for m in mail.outbox) == sorted(r.user.email for r in rows)
