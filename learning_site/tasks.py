from celery import shared_task
from django.core.management import call_command


@shared_task
def clear_expired_sessions() -> None:
    call_command("clearsessions")


@shared_task
def ping(value: str) -> str:
    """Round trip used by CI and operators to prove a worker is consuming the broker."""
    return f"pong: {value}"


@shared_task
def delete_expired_audit_events() -> int:
    """Nightly: the audit log is kept for AUDIT_LOG_RETENTION_DAYS, then deleted."""
    from learning_site.auditing import delete_expired_events

    return delete_expired_events()
