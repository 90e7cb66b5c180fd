"""Checks behind /healthz. Each returns {"ok": bool, "detail": str} and never raises."""

from django.db import connection


def check_database() -> dict:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # noqa: BLE001 - any failure means unhealthy
        return {"ok": False, "detail": type(exc).__name__}
    return {"ok": True, "detail": connection.vendor}


def check_broker() -> dict:
    from learning_site.celery import app

    if app.conf.task_always_eager:
        return {"ok": True, "detail": "tasks run in-process (eager)"}
    try:
        with app.connection_for_write(url=app.conf.broker_url) as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
            transport = conn.transport_cls
    except Exception as exc:  # noqa: BLE001
        return {"ok": False, "detail": type(exc).__name__}
    return {"ok": True, "detail": str(transport)}
