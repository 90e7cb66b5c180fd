"""A Celery worker of a test's own, in a subprocess on its own queue: another machine's
worker (its own environment, e.g. its own media folders) that a test can kill."""

import os
import subprocess
import sys
from pathlib import Path

from django.db import connection

ROOT = Path(__file__).resolve().parents[1]


def start_worker(queue: str, log: Path, **env: str) -> subprocess.Popen:
    """Start ``celery worker`` on ``queue`` against the test database, with ``env`` on top
    of this process's environment; its output goes to ``log``."""
    db = connection.settings_dict
    environment = {
        **os.environ,
        "PYTHONPATH": str(ROOT),  # this checkout's code, whatever the virtualenv points at
        "DJANGO_SETTINGS_MODULE": "learning_site.settings.test",
        "TEST_CELERY_EAGER": "0",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        **env,
    }
    celery = str(Path(sys.executable).with_name("celery"))
    return subprocess.Popen(  # noqa: S603 - our own venv's celery
        [celery, "-A", "learning_site", "worker", "--pool=solo", "-Q", queue,
         "--without-heartbeat", "--without-gossip", "--without-mingle", "--loglevel=INFO"],
        cwd=ROOT, env=environment, stdout=log.open("ab"), stderr=subprocess.STDOUT,
        start_new_session=True,
    )  # fmt: skip
