from celery import shared_task

from research_digest.roundup import send_monthly_roundup


@shared_task
def send_monthly_digest_roundup() -> int:
    """Beat runs this once a month; safe to run again (see research_digest.roundup)."""
    return len(send_monthly_roundup().sent)
