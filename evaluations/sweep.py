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
different times still agree on whose lease is current. Each row's lease is renewed
just before its email is built, conditional on still holding it, so a batch that sends
slowly keeps what it has not sent yet only as long as it keeps working, and a row
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
import uuid
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import get_connection
from django.db import connection, transaction
from django.db.models import F
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

    def skip(self, reason: str) -> None:
        self.skipped += 1
        self.skipped_reasons[reason] = self.skipped_reasons.get(reason, 0) + 1


def _candidates(action: str, now):
    base = FollowUpInvitation.objects.all()
    if action == SEND:
        return base.due_to_send(now)
    return base.due_for_reminder(now)


def _claim_batch(action: str, now, batch_size: int) -> tuple[str, list[int]]:
    """Claim up to ``batch_size`` rows for this sweep; returns (claim token, claimed ids)."""
    token = uuid.uuid4().hex
    with transaction.atomic():
        candidates = _candidates(action, now).unclaimed_or_stale().order_by("due_at", "pk")
        if connection.features.has_select_for_update_skip_locked:
            # Lock the invitation rows only: the query joins the partnership (its
            # "send follow-ups" switch), and locking that row too made every other
            # sweep skip all of the partnership's invitations and stop, so one sweep
            # did all the sending.
            candidates = candidates.select_for_update(skip_locked=True, of=("self",))
        ids = list(candidates.values_list("pk", flat=True)[:batch_size])
        if not ids:
            return token, []
        # The conditional UPDATE is what makes a claim exclusive on every database.
        _candidates(action, now).unclaimed_or_stale().filter(pk__in=ids).update(
            claim_token=token,
            claimed_at=timezone.now(),
            attempt_count=F("attempt_count") + 1,
            last_attempt_at=now,
        )
    claimed = list(
        FollowUpInvitation.objects.filter(claim_token=token).values_list("pk", flat=True)
    )
    return token, claimed


def _why_not(invitation: FollowUpInvitation, now) -> str | None:
    """Re-check at send time that the message still applies. Returns a skip reason,
    ``"opted_out"``, or None when it should be sent."""
    user = invitation.user
    if user is None:
        return SkipReason.ACCOUNT_DELETED
    if not user.is_active:
        return SkipReason.ACCOUNT_INACTIVE
    if SurveyOptOut.objects.filter(user=user).exists():
        return InvitationStatus.OPTED_OUT
    if SurveyResponse.objects.filter(
        user=user,
        course_id=invitation.course_id,
        wave=invitation.wave,
        status=ResponseStatus.SUBMITTED,
    ).exists():
        return SkipReason.ALREADY_ANSWERED
    course = invitation.course
    if course is None or not course.live:
        return SkipReason.MODULE_REMOVED
    if WaveInstrument.resolve(invitation.wave, course, invitation.partnership) is None:
        return SkipReason.WAVE_REMOVED
    if invitation.status == InvitationStatus.SCHEDULED:
        window = datetime.timedelta(days=settings.EVALUATION_EXPIRE_DAYS)
        if invitation.due_at + window <= now:
            return SkipReason.WINDOW_PASSED
    return None


def _release(pk: int, token: str, **fields) -> int:
    """Write the outcome to the row, only if our claim still holds."""
    return FollowUpInvitation.objects.filter(pk=pk, claim_token=token).update(
        claim_token=None, claimed_at=None, **fields
    )


def _reminders_due(invitation: FollowUpInvitation, now) -> int:
    """How many reminder days have passed since sending."""
    return sum(
        1
        for days in settings.EVALUATION_REMINDER_DAYS
        if invitation.sent_at + datetime.timedelta(days=days) <= now
    )


def _renew(pk: int, token: str) -> bool:
    """Renew our lease on one row; False if another sweep has taken it over."""
    return bool(
        FollowUpInvitation.objects.filter(pk=pk, claim_token=token).update(
            claimed_at=timezone.now()
        )
    )


def _deliver(
    action: str, pk: int, token: str, now, result: SweepResult, mail_connection=None
) -> None:
    if not _renew(pk, token):
        return  # another sweep took the claim over; it will deal with the row
    invitation = (
        FollowUpInvitation.objects.select_related("user", "partnership", "course")
        .filter(pk=pk, claim_token=token)
        .first()
    )
    if invitation is None:
        return  # another sweep took the claim over; it will deal with the row
    reason = _why_not(invitation, now)
    if reason == InvitationStatus.OPTED_OUT:
        if _release(pk, token, status=InvitationStatus.OPTED_OUT, opted_out_at=now):
            result.opted_out += 1
        return
    if reason == SkipReason.ALREADY_ANSWERED and action == REMIND:
        _release(pk, token, status=InvitationStatus.RESPONDED, responded_at=now)
        return
    if reason:
        if _release(pk, token, status=InvitationStatus.SKIPPED, skip_reason=reason, skipped_at=now):
            result.skip(reason)
        return
    raw_token = InvitationLinkToken.issue(invitation, now)
    closes_at = (
        now + datetime.timedelta(days=settings.EVALUATION_EXPIRE_DAYS)
        if action == SEND
        else invitation.closes_at
    )
    message = emails.build_invitation_email(
        invitation, raw_token, closes_at=closes_at, reminder=action == REMIND
    )
    if mail_connection is not None:
        message.connection = mail_connection
    try:
        emails.send(message)
    except Exception as error:  # noqa: BLE001 - any mail failure: keep the claim, retry later
        logger.exception("Follow-up invitation %s could not be sent", pk)
        FollowUpInvitation.objects.filter(pk=pk, claim_token=token).update(
            last_error=str(error)[:500]
        )
        result.failed += 1
        return
    if action == SEND:
        _release(
            pk,
            token,
            status=InvitationStatus.SENT,
            sent_at=now,
            closes_at=closes_at,
            last_error="",
        )
        result.sent += 1
    else:
        _release(
            pk,
            token,
            status=InvitationStatus.REMINDED,
            reminded_at=now,
            reminder_count=_reminders_due(invitation, now),
            last_error="",
        )
        result.reminded += 1


def _dry_run(now, result: SweepResult) -> SweepResult:
    result.expired = FollowUpInvitation.objects.due_to_expire(now).count()
    for invitation in (
        FollowUpInvitation.objects.due_to_send(now)
        .unclaimed_or_stale()
        .select_related("user", "partnership", "course")
    ):
        reason = _why_not(invitation, now)
        if reason == InvitationStatus.OPTED_OUT:
            result.opted_out += 1
        elif reason:
            result.skip(reason)
        else:
            result.sent += 1
    result.reminded = FollowUpInvitation.objects.due_for_reminder(now).count()
    return result


def deliver_batch(action: str, token: str, ids: list[int], now) -> SweepResult:
    """Send one claimed batch over one mail connection (a Celery task runs this when the
    beat sweep fans out; the plain sweep calls it in turn)."""
    result = SweepResult(now=now)
    with get_connection() as mail_connection:
        for pk in ids:
            _deliver(action, pk, token, now, result, mail_connection)
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
        while True:
            token, claimed = _claim_batch(action, now, batch_size)
            if not claimed:
                break
            if dispatch is not None:
                dispatch(action, token, claimed, now)
                result.queued += len(claimed)
                continue
            result.add(deliver_batch(action, token, claimed, now))
    return result
