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


@shared_task
def send_invitation_import(import_id: str) -> str:
    """Make and email the invitations of one spreadsheet import; the import row records
    progress. Safe to run twice: rows are claimed, and marked once sent."""
    from learning_site.bulk_invitations import run_import

    return run_import(import_id)


@shared_task
def delete_old_invitation_imports() -> int:
    """Beat, nightly: delete uploaded spreadsheets of people (their rows of names and
    addresses) older than INVITATION_IMPORT_KEEP_DAYS. Invitations made from them stay.
    Returns how many were deleted."""
    from learning_site.bulk_invitations import delete_old_imports

    return delete_old_imports()
