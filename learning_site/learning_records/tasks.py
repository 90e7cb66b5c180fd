"""Celery tasks: thin wrappers around ``learning_records.sending``."""

from celery import shared_task


@shared_task(name="learning_site.learning_records.tasks.send_statements")
def send_statements() -> dict:
    """Send every due xAPI statement (beat every minute; also queued when a transaction
    that wrote statements commits, so they leave within seconds)."""
    from learning_site.learning_records.sending import send_due_statements

    return send_due_statements().as_dict()
