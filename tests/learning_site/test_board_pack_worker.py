"""A board pack built by a real Celery worker on "another machine" downloads through the
web process, with the file in the shared bucket only (issue 18, done when).

Run by .ci/run with the other ``celery_worker`` tests (Redis broker, PostgreSQL). The
suite's own worker shares the CI's environment (no bucket), so this test starts a worker
process of its own, on a queue of its own, with its own MEDIA_ROOT and
PRIVATE_MEDIA_ROOT and the bucket settings in its environment, as an operator would set
them. The web side is this process (the test client) with other local folders and the
same bucket: the only thing the two share is the bucket.
"""

import os
import signal
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from celery import current_app
from celery.app.routes import MapRoute
from django.db import connection
from django.test import override_settings
from django.urls import reverse

from evaluations.reports.models import ExportStatus, ReportExport
from tests import worker_process
from tests.learning_site.shared_storage import Machine, bucket_keys, bucket_object

pytestmark = [
    pytest.mark.celery_worker,
    # The flush after each test would take the roles and the root page with it.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

QUEUE = "board-pack-own-media-test"


def start_worker(machine: Machine, log: Path) -> subprocess.Popen:
    return worker_process.start_worker(
        QUEUE,
        log,
        **machine.env,  # AWS_STORAGE_BUCKET_NAME, S3_ENDPOINT_URL and the keys
        MEDIA_ROOT=str(machine.media),
        PRIVATE_MEDIA_ROOT=str(machine.private),
    )


@pytest.fixture
def own_worker(tmp_path, bucket_env):
    """The worker machine: a Celery process with its own folders, taking board packs."""
    machine = Machine(tmp_path / "worker", bucket_env)
    for folder in (machine.media, machine.private):
        folder.mkdir(parents=True)
    log = tmp_path / "worker.log"
    process = start_worker(machine, log)
    machine.log = log
    try:
        yield machine
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(10)


@pytest.fixture
def module(transactional_db):
    """A module for the report to count (the flush between transactional tests takes
    Wagtail's root page with it: put it back first)."""
    from learning_site.demo import seed_home_page
    from tests.courses.conftest import build_course
    from tests.e2e.world import ensure_wagtail_roots

    ensure_wagtail_roots()
    return build_course(seed_home_page())[0]


@pytest.fixture
def board_packs_to_own_worker(monkeypatch):
    """Route the view's build_report_export.delay() to this test's worker (Celery's own
    routing, as task_routes would), so the suite's worker never takes it."""
    router = current_app.amqp.router
    route = MapRoute({"evaluations.reports.tasks.build_report_export": {"queue": QUEUE}})
    monkeypatch.setattr(router, "routes", [route, *router.routes])


def wait_for_export(export_id, seconds: float, log: Path) -> ReportExport:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        export = ReportExport.objects.get(pk=export_id)
        if export.status in (ExportStatus.READY, ExportStatus.FAILED):
            return export
        time.sleep(0.5)
    raise AssertionError("the worker did not build the board pack:\n" + log.read_text()[-3000:])


@pytest.mark.parametrize(
    ("export_format", "content_type", "starts"),
    [("pdf", "application/pdf", b"%PDF-"), ("csv", "text/csv", None)],
)
def test_a_board_pack_built_by_a_worker_with_its_own_media_downloads_through_the_web(
    client,
    board_member,
    other_board_member,
    module,
    own_worker,
    board_packs_to_own_worker,
    bucket_env,
    tmp_path,
    export_format,
    content_type,
    starts,
):
    assert os.environ.get("CELERY_BROKER_URL", "").startswith("redis://")
    assert connection.vendor == "postgresql"
    web = Machine(tmp_path / "web", bucket_env)

    assert not current_app.conf.task_always_eager  # the view queues it for a worker
    client.force_login(board_member)
    with web.settings():
        asked = client.post(reverse("reports_export_new"), {"export_format": export_format})
        assert asked.status_code == 302
        export = ReportExport.objects.get(requested_by=board_member)
        assert asked["Location"] == reverse("reports_export", args=[export.pk])

        export = wait_for_export(export.pk, 120, own_worker.log)
        assert export.status == ExportStatus.READY, export.error

        # In the bucket, and on neither machine's own disk.
        key = f"private/{export.file.name}"
        assert key in bucket_keys(bucket_env)
        built = bucket_object(bucket_env, key)
        if starts:
            assert built.startswith(starts)
        else:
            assert built.decode("utf-8-sig").splitlines()[0].strip()
        assert own_worker.local_files() == [] and web.local_files() == []

        # The board member downloads it through the web process: streamed from the
        # bucket, or (the default) a short-lived signed address of the bucket.
        with override_settings(PRIVATE_FILES_STREAMED=True):
            download = client.get(reverse("reports_export_download", args=[export.pk]))
        assert download.status_code == 200
        assert download.getvalue() == built
        assert download["Content-Type"].startswith(content_type)
        assert download["Cache-Control"] == "private, no-store"
        assert export.filename in download["Content-Disposition"]
        signed = client.get(reverse("reports_export_download", args=[export.pk]))
        assert signed.status_code == 302
        assert signed["Location"].startswith(bucket_env["S3_ENDPOINT_URL"])
        with urllib.request.urlopen(signed["Location"], timeout=10) as answer:  # noqa: S310
            assert answer.read() == built

        # Another partnership's board member gets nothing, not even a signed address.
        client.force_login(other_board_member)
        for name in ("reports_export_download", "reports_export"):
            refused = client.get(reverse(name, args=[export.pk]))
            assert refused.status_code in (403, 404)
            assert "Location" not in refused
            assert built not in refused.content
    assert web.local_files() == []
