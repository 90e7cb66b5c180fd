"""Celery tasks: thin wrappers around plain functions."""

import datetime

from celery import shared_task

SWEEP_FIELDS = ("sent", "reminded", "expired", "opted_out", "skipped", "failed", "queued")


def _counts(result) -> dict:
    return {name: getattr(result, name) for name in SWEEP_FIELDS}


@shared_task(name="evaluations.tasks.sweep_due_invitations")
def sweep_due_invitations() -> dict:
    """Close expired invitations and claim the due ones in batches (beat); each batch is
    sent by its own task, so every worker on every machine shares the sending."""
    from evaluations.sweep import sweep_due_invitations as sweep

    def dispatch(action, token, ids, now):
        send_invitation_batch.delay(action, token, ids, now.isoformat())

    return _counts(sweep(dispatch=dispatch))


@shared_task(name="evaluations.tasks.send_invitation_batch")
def send_invitation_batch(action: str, token: str, ids: list[int], now: str) -> dict:
    """Send one claimed batch. A batch whose lease another sweep took over (this task
    waited in the queue past the stale period) sends nothing for those rows."""
    from evaluations.sweep import deliver_batch

    return _counts(deliver_batch(action, token, ids, datetime.datetime.fromisoformat(now)))
