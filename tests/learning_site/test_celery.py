import os

import pytest

from learning_site.celery import app
from learning_site.tasks import ping


def test_tasks_are_autodiscovered():
    app.loader.import_default_modules()
    assert "learning_site.tasks.ping" in app.tasks
    assert "learning_site.tasks.clear_expired_sessions" in app.tasks


def test_beat_schedule_names_real_tasks():
    app.loader.import_default_modules()
    for entry in app.conf.beat_schedule.values():
        assert entry["task"] in app.tasks


@pytest.mark.celery_worker
def test_round_trip_through_a_real_worker():
    """Run by .ci/run with a Redis broker and a `celery worker` process started."""
    assert os.environ.get("CELERY_BROKER_URL", "").startswith("redis://")
    result = ping.apply_async(args=["hello"])
    assert result.get(timeout=30) == "pong: hello"
