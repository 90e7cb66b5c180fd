import re

import pytest
from django.db.utils import OperationalError
from django.urls import reverse

from learning_site import health

pytestmark = pytest.mark.django_db


def test_healthz_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"]["database"]["ok"] is True
    assert body["checks"]["broker"]["ok"] is True
    assert body["checks"]["cache"]["ok"] is True


def rows(html: str) -> dict[str, str]:
    found = re.findall(r'<th scope="row">(.*?)</th><td>.*?</td><td><strong>(.*?)</strong>', html)
    return dict(found)


def test_service_status_page_says_working_in_words(client):
    html = client.get(reverse("service_status")).content.decode()
    assert rows(html) == {"Database": "Working", "Cache": "Working", "Task queue": "Working"}
    assert "Everything is working." in html
    assert '"status"' not in html  # not the monitors' JSON


def test_service_status_page_names_the_part_that_is_not_working(client, monkeypatch):
    class ForgetfulCache:
        def set(self, *args, **kwargs):
            raise ConnectionError("cache server gone")

    monkeypatch.setattr(health, "cache", ForgetfulCache())
    html = client.get(reverse("service_status")).content.decode()
    assert rows(html) == {"Database": "Working", "Cache": "Not working", "Task queue": "Working"}
    assert "Part of the service is not working." in html
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["cache"] == {"ok": False, "detail": "ConnectionError"}


def test_healthz_reports_database_down(client, monkeypatch):
    class BrokenCursor:
        def __enter__(self):
            raise OperationalError("connection refused")

        def __exit__(self, *exc):
            return False

    monkeypatch.setattr(health.connection, "cursor", lambda: BrokenCursor())
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["database"] == {"ok": False, "detail": "OperationalError"}


def test_healthz_reports_broker_down(client, monkeypatch):
    from learning_site.celery import app

    # Celery reads CELERY_BROKER_URL from the environment before its config.
    monkeypatch.setenv("CELERY_BROKER_URL", "redis://127.0.0.1:1/0")
    old = (app.conf.task_always_eager, app.conf.broker_url)
    app.conf.task_always_eager = False
    app.conf.broker_url = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    try:
        response = client.get("/healthz")
    finally:
        app.conf.task_always_eager, app.conf.broker_url = old
    assert response.status_code == 503
    assert response.json()["checks"]["broker"]["ok"] is False
