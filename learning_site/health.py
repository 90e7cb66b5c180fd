"""Checks behind /healthz (JSON for monitors) and /status/ (the same, for people).
Each returns {"ok": bool, "detail": str} and never raises."""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.cache import cache
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


def check_cache() -> dict:
    key = "learning_site:health-check"
    try:
        cache.set(key, "ok", 30)
        kept = cache.get(key) == "ok"
    except Exception as exc:  # noqa: BLE001
        return {"ok": False, "detail": type(exc).__name__}
    if not kept:
        return {"ok": False, "detail": "a value set was not kept"}
    return {"ok": True, "detail": type(cache).__name__}


@dataclass(frozen=True)
class Check:
    key: str
    name: str
    what_it_does: str
    run: Callable[[], dict]


CHECKS = (
    Check(
        "database", "Database", "Keeps your learning record, answers and journal.", check_database
    ),
    Check("cache", "Cache", "Keeps pages quick to open.", check_cache),
    Check("broker", "Task queue", "Sends emails and prepares large downloads.", check_broker),
)


def run_checks() -> dict[str, dict]:
    return {check.key: check.run() for check in CHECKS}
