from celery import shared_task
from django.core.management import call_command


@shared_task
def clear_expired_sessions() -> None:
    call_command("clearsessions")


@shared_task
def ping(value: str) -> str:
    """Round trip used by CI and operators to prove a worker is consuming the broker."""
    return f"pong: {value}"
