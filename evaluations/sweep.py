"""The sweep: send follow-up invitations that are due, remind, and close.

``sweep_due_invitations(now)`` is a plain function; the Celery beat task and the
``send_due_followups`` command are a few lines around it.

Exactly once
------------
Each row is *claimed* before it is emailed, with one conditional UPDATE::

    UPDATE … SET claim_token = <this sweep>, claimed_at = <the clock>
    WHERE pk IN (…) AND status = 'scheduled' AND due_at <= now
      AND (claim_token IS NULL OR claimed_at < <the clock> - stale)

A claim is a lease on the real clock, not on the sweep's ``now`` (which the command
lets an operator set, and which two sweeps may see differently): sweeps run "as of"
different times still agree on whose lease is current. A batch renews the leases on
the rows of each chunk of emails before sending it, conditional on still holding them
(and extends the rest of the batch every third of the stale period), so a batch that
sends slowly keeps what it has not sent only as long as it keeps working, and a row
whose lease another sweep has taken over is left to that sweep.

The database lets only one transaction change a row from unclaimed to claimed, so two
sweeps at once (two workers) split the rows between them; on PostgreSQL the candidate
rows are also read with ``SELECT … FOR UPDATE SKIP LOCKED`` so the sweeps do not queue
behind each other. The claim commits before any email goes out; after sending, the
status and the sending time are written to the same row, conditional on the claim still
being ours. A sweep run again finds nothing left in the old status. A worker killed
after claiming leaves a claim that becomes stale after ``EVALUATION_CLAIM_STALE_MINUTES``
and is then taken over, so nothing is skipped.

This function must run outside a transaction (the Celery task and the command do), so
each claim is committed before its email is sent.
"""

from __future__ import annotations

import datetime
import logging
import time
import uuid
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import get_connection
from django.db import connection, transaction
from django.db.models import F, Q
from django.utils import timezone

from evaluations import emails
from evaluations.models import (
    FollowUpInvitation,
    InvitationLinkToken,
    InvitationStatus,
    ResponseStatus,
    SkipReason,
    SurveyOptOut,
    SurveyResponse,
    WaveInstrument,
)

logger = logging.getLogger(__name__)

SEND, REMIND = "send", "remind"


@dataclass
class SweepResult:
    now: datetime.datetime
    dry_run: bool = False
    sent: int = 0
    reminded: int = 0
    expired: int = 0
    opted_out: int = 0
    skipped: int = 0
    failed: int = 0
    queued: int = 0  # handed to batch tasks (the fanned-out beat sweep)
    skipped_reasons: dict[str, int] = field(default_factory=dict)

    def add(self, other: SweepResult) -> None:
        for name in ("sent", "reminded", "opted_out", "skipped", "failed"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for reason, count in other.skipped_reasons.items():
            self.skipped_reasons[reason] = self.skipped_reasons.get(reason, 0) + count

    def summary(self) -> str:
        verb = "Would have" if self.dry_run else "Done:"
        reasons = ", ".join(f"{k} {v}" for k, v in sorted(self.skipped_reasons.items()))
        return (
            f"{verb} sent {self.sent}, reminded {self.reminded}, expired {self.expired}, "
            f"opted out {self.opted_out}, skipped {self.skipped}"
            + (f" ({reasons})" if reasons else "")
            + f", failed {self.failed}"
        )

    def skip(self, reason: str, count: int = 1) -> None:
        if count:
            self.skipped += count
            self.skipped_reasons[reason] = self.skipped_reasons.get(reason, 0) + count


def _candidates(action: str, now):
    base = FollowUpInvitation.objects.all()
    if action == SEND:
        return base.due_to_send(now)
    return base.due_for_reminder(now)


def _claim_batch(action: str, now, batch_size: int, after=None) -> tuple[str, list[int]]:
    """Claim up to ``batch_size`` rows for this sweep; returns (claim token, claimed ids)."""
    token, claimed, _last = _claim_next(action, now, batch_size, after)
    return token, claimed


def _claim_next(action: str, now, batch_size: int, after=None):
    """Claim up to ``batch_size`` rows after ``after`` (the ``(due_at, pk)`` of the last
    row this sweep looked at, or None); returns (claim token, claimed ids, the last row
    looked at, or None when there was none).

    A sweep walks the due rows once, in order: a claimed row keeps its old status until
    its batch is sent, so starting each claim from the beginning would step over every row
    claimed so far, and claiming 100,000 would take time growing with the square of that.
    A row behind the walk that another sweep held, or whose lease runs out meanwhile, is
    left to the next sweep."""
    token = uuid.uuid4().hex
    with transaction.atomic():
        candidates = _candidates(action, now).unclaimed_or_stale().order_by("due_at", "pk")
        if after is not None:
            due_at, pk = after
            candidates = candidates.filter(due_at__gte=due_at).filter(
                Q(due_at__gt=due_at) | Q(pk__gt=pk)
            )
        if connection.features.has_select_for_update_skip_locked:
            # Lock the invitation rows only: the query joins the partnership (its
            # "send follow-ups" switch), and locking that row too made every other
            # sweep skip all of the partnership's invitations and stop, so one sweep
            # did all the sending.
            candidates = candidates.select_for_update(skip_locked=True, of=("self",))
        rows = list(candidates.values_list("pk", "due_at")[:batch_size])
        if not rows:
            return token, [], None
        # The conditional UPDATE is what makes a claim exclusive on every database.
        _candidates(action, now).unclaimed_or_stale().filter(pk__in=[pk for pk, _ in rows]).update(
            claim_token=token,
            claimed_at=timezone.now(),
            attempt_count=F("attempt_count") + 1,
            last_attempt_at=now,
        )
    claimed = list(
        FollowUpInvitation.objects.filter(claim_token=token).values_list("pk", flat=True)
    )
    last_pk, last_due_at = rows[-1]
    return token, claimed, (last_due_at, last_pk)


@dataclass
class _Checks:
    """What the send-time checks need for a batch, read with one query each."""

    opted_out: set[int]  # user ids
    answered: set[tuple]  # (user id, course id, wave) with a submitted response
    instruments: dict[tuple, object]  # (wave, course id, partnership id) -> instrument

    @classmethod
    def read(cls, invitations: list[FollowUpInvitation]) -> _Checks:
        user_ids = {i.user_id for i in invitations if i.user_id is not None}
        course_ids = {i.course_id for i in invitations}
        opted_out, answered = set(), set()
        if user_ids:
            opted_out = set(
                SurveyOptOut.objects.filter(user_id__in=user_ids).values_list("user_id", flat=True)
            )
            on_course = Q(course_id__in=course_ids - {None})
            if None in course_ids:
                on_course |= Q(course__isnull=True)
            answered = set(
                SurveyResponse.objects.filter(
                    on_course,
                    user_id__in=user_ids,
                    wave__in={i.wave for i in invitations},
                    status=ResponseStatus.SUBMITTED,
                ).values_list("user_id", "course_id", "wave")
            )
        instruments = WaveInstrument.resolve_many(
            _instrument_key(i) for i in invitations if i.course is not None and i.course.live
        )
        return cls(opted_out=opted_out, answered=answered, instruments=instruments)


def _instrument_key(invitation: FollowUpInvitation) -> tuple:
    return (invitation.wave, invitation.course_id, invitation.partnership_id)


def _why_not(invitation: FollowUpInvitation, now, checks: _Checks) -> str | None:
    """Re-check at send time that the message still applies. Returns a skip reason,
    ``"opted_out"``, or None when it should be sent."""
    user = invitation.user
    if user is None:
        return SkipReason.ACCOUNT_DELETED
    if not user.is_active:
        return SkipReason.ACCOUNT_INACTIVE
    if user.pk in checks.opted_out:
        return InvitationStatus.OPTED_OUT
    if (user.pk, invitation.course_id, invitation.wave) in checks.answered:
        return SkipReason.ALREADY_ANSWERED
    course = invitation.course
    if course is None or not course.live:
        return SkipReason.MODULE_REMOVED
    if checks.instruments.get(_instrument_key(invitation)) is None:
        return SkipReason.WAVE_REMOVED
    if invitation.status == InvitationStatus.SCHEDULED:
        window = datetime.timedelta(days=settings.EVALUATION_EXPIRE_DAYS)
        if invitation.due_at + window <= now:
            return SkipReason.WINDOW_PASSED
    return None


def _held(token: str, ids):
    """The rows among ``ids`` on which this sweep still holds the lease."""
    return FollowUpInvitation.objects.filter(pk__in=ids, claim_token=token)


def _renew(token: str, ids: list[int]) -> set[int]:
    """Renew our lease on ``ids`` with one conditional UPDATE; returns the ids we still
    hold (a row another sweep has taken over is that sweep's now)."""
    if not ids:
        return set()
    renewed = _held(token, ids).update(claimed_at=timezone.now())
    if renewed == len(ids):
        return set(ids)
    return set(_held(token, ids).values_list("pk", flat=True))


def _release(token: str, ids, **fields) -> int:
    """Write one outcome to the rows, only where our claim still holds."""
    if not ids:
        return 0
    return _held(token, ids).update(claim_token=None, claimed_at=None, **fields)


def _reminders_due(invitation: FollowUpInvitation, now) -> int:
    """How many reminder days have passed since sending."""
    return sum(
        1
        for days in settings.EVALUATION_REMINDER_DAYS
        if invitation.sent_at + datetime.timedelta(days=days) <= now
    )


# Only what the checks and the email need: the module page's own columns (its body
# among them) would be read and decoded for every row.
_BATCH_FIELDS = (
    "user_id",
    "partnership_id",
    "course_id",
    "wave",
    "status",
    "due_at",
    "sent_at",
    "closes_at",
    "reminder_count",
    "user__full_name",
    "user__email",
    "user__is_active",
    "partnership__name",
    "partnership__email_from_name",
    "course__title",
    "course__live",
)


def _read_held(token: str, ids: list[int]) -> list[FollowUpInvitation]:
    """Renew the batch's leases (one UPDATE) and read the rows still ours, with their
    learner, partnership and module (one query)."""
    if not ids or not _held(token, ids).update(claimed_at=timezone.now()):
        return []
    return list(
        _held(token, ids)
        .select_related("user", "partnership", "course")
        .only(*_BATCH_FIELDS)
        .order_by("due_at", "pk")
    )


def _write_skips(action, token, invitations, now, checks: _Checks, result: SweepResult):
    """Record every row that is not to be emailed, one UPDATE per outcome; returns the
    rows to email."""
    to_send, outcomes = [], defaultdict(list)
    for invitation in invitations:
        reason = _why_not(invitation, now, checks)
        if reason is None:
            to_send.append(invitation)
        elif reason == SkipReason.ALREADY_ANSWERED and action == REMIND:
            outcomes[InvitationStatus.RESPONDED].append(invitation.pk)
        else:
            outcomes[reason].append(invitation.pk)
    for outcome, ids in outcomes.items():
        if outcome == InvitationStatus.OPTED_OUT:
            result.opted_out += _release(token, ids, status=outcome, opted_out_at=now)
        elif outcome == InvitationStatus.RESPONDED:
            _release(token, ids, status=outcome, responded_at=now)
        else:
            written = _release(
                token, ids, status=InvitationStatus.SKIPPED, skip_reason=outcome, skipped_at=now
            )
            result.skip(outcome, written)
    return to_send


def _write_sent(action, token, invitations, now, closes_at) -> None:
    """Record the rows whose emails went out: one UPDATE for a send (they share the
    sending and closing times), one per reminder count for reminders."""
    if action == SEND:
        _release(
            token,
            [i.pk for i in invitations],
            status=InvitationStatus.SENT,
            sent_at=now,
            closes_at=closes_at,
            last_error="",
        )
        return
    by_count = defaultdict(list)
    for invitation in invitations:
        by_count[_reminders_due(invitation, now)].append(invitation.pk)
    for count, ids in sorted(by_count.items()):
        _release(
            token,
            ids,
            status=InvitationStatus.REMINDED,
            reminded_at=now,
            reminder_count=count,
            last_error="",
        )


def _write_failed(token: str, errors: dict[int, str]) -> None:
    """Keep the claim on rows whose email failed, with why: the lease runs out and a later
    sweep tries again."""
    by_error = defaultdict(list)
    for pk, error in errors.items():
        by_error[error].append(pk)
    for error, ids in by_error.items():
        _held(token, ids).update(last_error=error)


def _send_chunk(action, chunk, checks, now, closes_at, mail_connection, builder):
    """Issue the chunk's links (one INSERT), build its emails and send them over the open
    connection. Returns (the rows sent, {pk: error} for the rows that failed).

    Each message is handed to the connection on its own: a connection that fails part
    way through a list (SMTP sends one message after another and raises at the first
    that fails) does not say which went out, and a retry would send those twice."""
    raw_tokens = InvitationLinkToken.issue_many(chunk, now)
    sent, errors = [], {}
    for invitation, raw_token in zip(chunk, raw_tokens, strict=True):
        message = builder.build(
            invitation,
            raw_token,
            closes_at=closes_at or invitation.closes_at,
            reminder=action == REMIND,
            instrument=checks.instruments[_instrument_key(invitation)],
        )
        message.connection = mail_connection
        try:
            emails.send(message)
        except Exception as error:  # noqa: BLE001 - any mail failure: keep the claim, retry later
            logger.exception("Follow-up invitation %s could not be sent", invitation.pk)
            errors[invitation.pk] = (str(error) or type(error).__name__)[:500]
        else:
            sent.append(invitation)
    return sent, errors


def _clock() -> float:
    """Seconds on a clock that only goes forward (tests move it)."""
    return time.monotonic()


def deliver_batch(action: str, token: str, ids: list[int], now) -> SweepResult:
    """Send one claimed batch over one mail connection (a Celery task runs this when the
    beat sweep fans out; the plain sweep calls it in turn).

    The number of queries does not grow with the batch: the leases are renewed and the
    rows read once, the send-time checks read once for all of them, and the outcomes are
    written one UPDATE per outcome. The emails go out in chunks of
    ``EVALUATION_SWEEP_SEND_CHUNK``. Before each chunk after the first, the leases on
    that chunk's rows are renewed, conditional on still holding them: a row another sweep
    has taken over meanwhile is dropped (that sweep sends it), and each row is emailed
    only straight after its own lease was renewed. The leases on the rest of the batch
    are extended too once a third of the stale period has passed since they last were,
    so a slow batch keeps them; renewing all of the rest before every chunk wrote each
    row of a batch of 500 in chunks of 100 three times over."""
    result = SweepResult(now=now)
    invitations = _read_held(token, ids)
    if not invitations:
        return result
    extended_at = _clock()
    checks = _Checks.read(invitations)
    remaining = _write_skips(action, token, invitations, now, checks, result)
    if not remaining:
        return result
    closes_at = (
        now + datetime.timedelta(days=settings.EVALUATION_EXPIRE_DAYS) if action == SEND else None
    )
    chunk_size = max(1, settings.EVALUATION_SWEEP_SEND_CHUNK)
    extend_after = settings.EVALUATION_CLAIM_STALE_MINUTES * 60 / 3
    builder = emails.InvitationEmails()
    with get_connection() as mail_connection:
        first = True
        while remaining:
            chunk, remaining = remaining[:chunk_size], remaining[chunk_size:]
            if not first:
                if _clock() - extended_at >= extend_after:
                    held = _renew(token, [i.pk for i in chunk + remaining])
                    remaining = [i for i in remaining if i.pk in held]
                    extended_at = _clock()
                else:
                    held = _renew(token, [i.pk for i in chunk])
                chunk = [i for i in chunk if i.pk in held]
                if not chunk:
                    continue
            first = False
            sent, errors = _send_chunk(
                action, chunk, checks, now, closes_at, mail_connection, builder
            )
            _write_sent(action, token, sent, now, closes_at)
            _write_failed(token, errors)
            if action == SEND:
                result.sent += len(sent)
            else:
                result.reminded += len(sent)
            result.failed += len(errors)
    return result


def _dry_run(now, result: SweepResult) -> SweepResult:
    result.expired = FollowUpInvitation.objects.due_to_expire(now).count()
    due = (
        FollowUpInvitation.objects.due_to_send(now)
        .unclaimed_or_stale()
        .select_related("user", "partnership", "course")
        .only(*_BATCH_FIELDS)
        .order_by("pk")
    )
    last = 0
    while batch := list(due.filter(pk__gt=last)[:1000]):
        last = batch[-1].pk
        checks = _Checks.read(batch)
        for invitation in batch:
            reason = _why_not(invitation, now, checks)
            if reason == InvitationStatus.OPTED_OUT:
                result.opted_out += 1
            elif reason:
                result.skip(reason)
            else:
                result.sent += 1
    result.reminded = FollowUpInvitation.objects.due_for_reminder(now).count()
    return result


def sweep_due_invitations(
    now: datetime.datetime | None = None,
    *,
    dry_run: bool = False,
    batch_size: int | None = None,
    dispatch=None,
) -> SweepResult:
    """Close what has run out, send what is due and remind, as of ``now``.

    With ``dispatch``, each claimed batch is handed to ``dispatch(action, token, ids,
    now)`` (the beat task queues a Celery task per batch, so several workers share the
    sending) and the result counts what was closed and queued; without it, each batch is
    sent here in turn.
    """
    now = now or timezone.now()
    result = SweepResult(now=now, dry_run=dry_run)
    if dry_run:
        return _dry_run(now, result)
    batch_size = batch_size or settings.EVALUATION_SWEEP_BATCH_SIZE
    # Closing needs no email: one conditional UPDATE, so two sweeps cannot both count it.
    result.expired = (
        FollowUpInvitation.objects.due_to_expire(now)
        .unclaimed_or_stale()
        .update(status=InvitationStatus.EXPIRED, expired_at=now, claim_token=None)
    )
    for action in (SEND, REMIND):
        after = None
        while True:
            token, claimed, after = _claim_next(action, now, batch_size, after)
            if after is None:
                break  # nothing left to look at
            if not claimed:
                continue  # another sweep claimed these first
            if dispatch is not None:
                dispatch(action, token, claimed, now)
                result.queued += len(claimed)
                continue
            result.add(deliver_batch(action, token, claimed, now))
    return result
