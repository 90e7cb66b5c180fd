"""Celery tasks: thin wrappers around plain functions."""

from celery import shared_task


@shared_task(name="evaluations.tasks.sweep_due_invitations")
def sweep_due_invitations() -> dict:
    """Send due follow-up invitations and reminders, and close expired ones (beat)."""
    from evaluations.sweep import sweep_due_invitations as sweep

    result = sweep()
    return {
        "sent": result.sent,
        "reminded": result.reminded,
        "expired": result.expired,
        "opted_out": result.opted_out,
        "skipped": result.skipped,
        "failed": result.failed,
    }
