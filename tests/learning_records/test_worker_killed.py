"""A real Celery worker killed mid-batch, then started again: every statement is stored
by the real LRS exactly once (issue 18, done when).

Run by .ci/run with the other ``celery_worker`` tests (Redis broker, PostgreSQL). The
test starts its own worker on a queue of its own (so the suite's worker never takes its
task) and kills it with SIGKILL while the store is answering its POST: the statements
are stored, and the worker never marks them sent. A proxy in front of ralph holds the
first answer back so the kill lands there."""

import http.server
import os
import signal
import subprocess
import threading
import time
from pathlib import Path

import pytest
import requests
from django.db import connection

from learning_site.learning_records.models import OutboxState, OutboxStatement
from learning_site.learning_records.tasks import send_statements
from tests import worker_process

pytestmark = [
    pytest.mark.celery_worker,
    pytest.mark.lrs,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

QUEUE = "xapi-kill-test"


class SlowFirstAnswer:
    """Forwards to the store; the first POST reaches it, then its answer is held back."""

    def __init__(self, target: str):
        self.target = target.rstrip("/")
        self.posted = threading.Event()
        self.first = True
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def _forward(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                headers = {
                    k: v
                    for k, v in self.headers.items()
                    if k.lower() not in ("host", "content-length")
                }
                answer = requests.request(
                    self.command, outer.target + self.path, data=body, headers=headers, timeout=30
                )
                if self.command == "POST" and outer.first:
                    outer.first = False
                    outer.posted.set()
                    time.sleep(60)  # the worker is killed while it waits
                self.send_response(answer.status_code)
                self.send_header("Content-Length", str(len(answer.content)))
                self.end_headers()
                self.wfile.write(answer.content)

            do_GET = do_POST = do_PUT = _forward

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/xAPI/"


def start_worker(log: Path) -> subprocess.Popen:
    # Short lease, so the test need not wait two minutes for it to run out; still longer
    # than the HTTP timeout, as in production.
    return worker_process.start_worker(
        QUEUE,
        log,
        XAPI_LEASE_SECONDS="8",
        XAPI_HTTP_TIMEOUT_SECONDS="5",
        XAPI_SEND_ON_COMMIT="0",
    )


def wait_for(condition, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.25)
    raise AssertionError(f"timed out waiting for {what}")


def test_killing_the_worker_mid_batch_stores_each_statement_once(
    client, learner, home_page, partnership, lrs_server, settings, tmp_path
):
    from learning_site.learning_records.models import LearningRecordStore
    from tests.courses.conftest import build_course
    from tests.courses.test_completion import enrol_and_start

    assert os.environ.get("CELERY_BROKER_URL", "").startswith("redis://")
    assert connection.vendor == "postgresql"
    settings.XAPI_SEND_ON_COMMIT = False  # this test hands the task to its own worker
    proxy = SlowFirstAnswer(lrs_server.url(""))
    LearningRecordStore.objects.create(
        partnership=partnership,
        endpoint=proxy.endpoint,
        username=lrs_server.username,
        secret=lrs_server.password,
    )
    course, lesson1, lesson2 = build_course(home_page, slug="killed-worker-module")
    enrol_and_start(client, learner, course)
    client.get(lesson1.url)
    client.get(lesson2.url)
    ids = {str(pk) for pk in OutboxStatement.objects.values_list("pk", flat=True)}
    assert len(ids) == 3

    log = tmp_path / "worker.log"
    worker = start_worker(log)
    try:
        send_statements.apply_async(queue=QUEUE)
        assert proxy.posted.wait(90), log.read_text()[-3000:]
        os.killpg(worker.pid, signal.SIGKILL)  # mid-batch: posted, not yet marked
        worker.wait(10)
    finally:
        if worker.poll() is None:
            os.killpg(worker.pid, signal.SIGKILL)

    stored = [line["id"] for line in lrs_server.stored_lines() if line["id"] in ids]
    assert sorted(stored) == sorted(ids)
    rows = list(OutboxStatement.objects.all())
    assert {r.state for r in rows} == {OutboxState.PENDING}
    assert all(r.lease_token is not None for r in rows)  # the dead worker's lease

    worker = start_worker(log)
    try:
        time.sleep(9)  # the dead worker's lease runs out
        send_statements.apply_async(queue=QUEUE).get(timeout=90)
        wait_for(
            lambda: (
                set(OutboxStatement.objects.values_list("state", flat=True)) == {OutboxState.SENT}
            ),
            60,
            "the restarted worker to mark the statements sent",
        )
    finally:
        os.killpg(worker.pid, signal.SIGTERM)
        worker.wait(30)

    stored = [line["id"] for line in lrs_server.stored_lines() if line["id"] in ids]
    assert sorted(stored) == sorted(ids)  # each once
    assert {s["id"] for s in lrs_server.statements() if s["id"] in ids} == ids
    assert set(OutboxStatement.objects.values_list("attempts", flat=True)) == {2}
