"""Shared file storage against a real S3-compatible server (moto's standalone server).

Each test plays two machines: a Celery worker and a web process, each with its own local
MEDIA_ROOT and PRIVATE_MEDIA_ROOT, sharing only the bucket. The worker's task runs in
this process with the worker's settings (a second process would add nothing the bucket
does not already separate). Skipped, saying why, when moto's server is not installed
(``.ci/setup-s3`` installs it).
"""

from __future__ import annotations

import datetime
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from wagtail.images.tests.utils import get_test_image_file

from courses import services
from courses.models import Certificate, Enrolment
from courses.tasks import store_certificate_pdf
from evaluations.reports.models import ExportStatus, ReportExport
from evaluations.reports.tasks import build_report_export
from learning_site.storage_settings import (
    StorageConfigurationError,
    bucket_origins,
    file_storages,
)
from tests import pdf_checks
from tests.learning_site.shared_storage import (
    REGION,
    Machine,
    bucket_keys,
    bucket_object,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def worker(tmp_path, bucket_env):
    return Machine(tmp_path / "worker", bucket_env)


@pytest.fixture
def web(tmp_path, bucket_env):
    return Machine(tmp_path / "web", bucket_env)


@pytest.fixture
def course(home_page):
    from tests.courses.conftest import build_course

    return build_course(home_page)[0]


def _fetch(url: str):
    """What a browser gets from the bucket at ``url``: (status, headers, body)."""
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:  # noqa: S310  (localhost)
            return answer.status, answer.headers, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def _queued_board_pack(board_member, partnership) -> ReportExport:
    return ReportExport.objects.create(
        requested_by=board_member, partnership=partnership, export_format="pdf"
    )


def test_a_board_pack_a_worker_builds_downloads_through_the_web_process_from_the_bucket(
    client, board_member, partnership, course, worker, web, bucket_env
):
    export = _queued_board_pack(board_member, partnership)
    with worker.settings():
        assert build_report_export.apply(args=[str(export.pk)]).get() == "ready"
    export.refresh_from_db()
    assert export.status == ExportStatus.READY
    key = f"private/{export.file.name}"
    assert bucket_keys(bucket_env) == [key]
    built = bucket_object(bucket_env, key)
    assert built.startswith(b"%PDF-")

    client.force_login(board_member)
    with web.settings():
        response = client.get(reverse("reports_export_download", args=[export.pk]))
        assert response.status_code == 302
        assert response["Cache-Control"] == "private, no-store"
        status, headers, body = _fetch(response["Location"])
        assert status == 200 and body == built
        assert headers["Content-Disposition"] == f'attachment; filename="{export.filename}"'
        assert headers["Content-Type"] == "application/pdf"

        # Where browsers cannot reach the bucket, the web process streams it instead.
        with override_settings(PRIVATE_FILES_STREAMED=True):
            streamed = client.get(reverse("reports_export_download", args=[export.pk]))
        assert streamed.status_code == 200 and streamed.getvalue() == built
        assert streamed["Cache-Control"] == "private, no-store"
    # Nothing was written to either machine's own disk: only the bucket is shared.
    assert worker.local_files() == [] and web.local_files() == []


def test_without_the_bucket_the_web_process_cannot_send_what_the_worker_built(
    client, board_member, partnership, course, tmp_path
):
    """The problem the bucket solves: on two machines' local disks, the board pack the
    worker wrote is not on the web server's disk."""
    worker, web = Machine(tmp_path / "worker", {}), Machine(tmp_path / "web", {})
    export = _queued_board_pack(board_member, partnership)
    with worker.settings():
        build_report_export.apply(args=[str(export.pk)])
    assert len(worker.local_files()) == 1
    client.force_login(board_member)
    with web.settings(), pytest.raises(FileNotFoundError):
        client.get(reverse("reports_export_download", args=[export.pk]))


def test_a_certificate_a_worker_draws_downloads_through_the_web_process_from_the_bucket(
    client, learner, course, worker, web, bucket_env, django_capture_on_commit_callbacks
):
    enrolment = Enrolment.objects.create(user=learner, course=course)
    # Completing queues the drawing task once committed; it runs with the worker's settings.
    with worker.settings(), django_capture_on_commit_callbacks(execute=True):
        services.record_completion(enrolment, knowledge_score=90)
    certificate = Certificate.objects.get(completion__user=learner)
    key = f"private/{certificate.file.name}"
    assert bucket_keys(bucket_env) == [key]
    drawn = bucket_object(bucket_env, key)
    assert "Lee Learner" in pdf_checks.text(drawn)

    client.force_login(learner)
    with web.settings():
        response = client.get(reverse("certificate_pdf", args=[certificate.code]))
        assert response.status_code == 302
        status, headers, body = _fetch(response["Location"])
    assert status == 200 and body == drawn  # sent as the worker drew it, not drawn again
    assert headers["Content-Disposition"] == f'attachment; filename="{certificate.filename}"'
    assert bucket_keys(bucket_env) == [key]
    assert worker.local_files() == [] and web.local_files() == []

    # A second run of the task (a redelivered message) keeps the one file.
    with worker.settings():
        store_certificate_pdf.apply(args=[certificate.pk])
    assert bucket_keys(bucket_env) == [key]


def test_a_signed_address_is_short_lived_and_only_for_the_person_allowed(
    client,
    learner,
    other_learner,
    board_member,
    other_board_member,
    partnership,
    course,
    web,
    bucket_env,
):
    enrolment = Enrolment.objects.create(user=learner, course=course)
    certificate = Certificate.objects.get(
        completion=services.record_completion(enrolment, knowledge_score=90)
    )
    export = _queued_board_pack(board_member, partnership)
    with web.settings():
        build_report_export.apply(args=[str(export.pk)])
        certificate_url = reverse("certificate_pdf", args=[certificate.code])
        board_pack_url = reverse("reports_export_download", args=[export.pk])
        refused = {
            (None, certificate_url): 302,  # sent to sign in
            (other_learner, certificate_url): 404,
            (board_member, certificate_url): 404,
            (None, board_pack_url): 302,
            (learner, board_pack_url): 403,
            (other_board_member, board_pack_url): 404,
        }
        for (person, url), status in refused.items():
            client.logout()
            if person:
                client.force_login(person)
            response = client.get(url)
            assert response.status_code == status, (person, url)
            assert bucket_env["S3_ENDPOINT_URL"] not in response.get("Location", ""), (person, url)

        client.force_login(learner)
        signed = client.get(certificate_url)["Location"]
    query = parse_qs(urlsplit(signed).query)
    # moto does not enforce expiry, so the address itself is checked: signed now, for
    # five minutes.
    assert query["X-Amz-Expires"] == ["300"]
    signed_at = datetime.datetime.strptime(query["X-Amz-Date"][0], "%Y%m%dT%H%M%SZ")
    now = datetime.datetime.now(datetime.UTC).replace(tzinfo=None)
    assert abs(now - signed_at) < datetime.timedelta(minutes=1)
    assert "X-Amz-Signature" in query
    # The same object without the signature is refused: the bucket is not public.
    unsigned = signed.split("?", 1)[0]
    assert _fetch(signed)[0] == 200
    assert _fetch(unsigned)[0] == 403


def test_private_documents_stay_private_and_images_come_from_the_bucket(
    client, learner, web, bucket_env
):
    from django.contrib.auth.models import Group
    from wagtail.documents.models import Document
    from wagtail.images.models import Image
    from wagtail.models import Collection, CollectionViewRestriction

    trainers_only = Collection.get_first_root_node().add_child(name="Trainers only")
    restriction = CollectionViewRestriction.objects.create(
        collection=trainers_only, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Case reviewers"))
    with web.settings():
        document = Document.objects.create(
            title="Case review notes",
            collection=trainers_only,
            file=SimpleUploadedFile("case-review.txt", b"Case review notes"),
        )
        image = Image.objects.create(title="Home visit", file=get_test_image_file())
        rendition_url = image.get_rendition("width-100").url

        client.force_login(learner)
        refused = client.get(document.url)
        assert refused.status_code == 403
        assert b"Case review notes" not in refused.content
        public = Document.objects.create(
            title="Leaflet", file=SimpleUploadedFile("leaflet.txt", b"Neglect leaflet")
        )
        served = client.get(public.url)
        assert served.status_code == 200 and served.getvalue() == b"Neglect leaflet"

    keys = bucket_keys(bucket_env)
    assert f"media/{document.file.name}" in keys and f"media/{image.file.name}" in keys
    # Documents have no address in the bucket that works without a signature.
    plain = f"{bucket_env['S3_ENDPOINT_URL']}/{bucket_env['AWS_STORAGE_BUCKET_NAME']}/media/{document.file.name}"
    assert _fetch(plain)[0] == 403
    # Images on pages come from the bucket, by a signed address.
    assert rendition_url.startswith(bucket_env["S3_ENDPOINT_URL"])
    status, headers, _ = _fetch(rendition_url)
    assert status == 200 and headers["Content-Type"].startswith("image/")
    assert web.local_files() == []


def test_the_environment_chooses_the_storage():
    local = file_storages({}, private_media_root=Path("/srv/private"))
    assert local["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert local["private"]["OPTIONS"]["location"] == Path("/srv/private")
    assert bucket_origins({}) == []

    env = {
        "AWS_STORAGE_BUCKET_NAME": "northshire-learning",
        "S3_ENDPOINT_URL": "https://s3.example.org:9000",
        "S3_PRIVATE_URL_SECONDS": "120",
    }
    shared = file_storages(env, private_media_root=Path("/srv/private"))
    assert shared["private"]["BACKEND"] == "learning_site.files.PrivateS3Storage"
    assert shared["private"]["OPTIONS"]["querystring_expire"] == 120
    assert shared["private"]["OPTIONS"]["location"] == "private"
    assert shared["default"]["OPTIONS"]["querystring_auth"] is True
    assert bucket_origins(env) == ["https://s3.example.org:9000"]
    assert bucket_origins({"AWS_STORAGE_BUCKET_NAME": "b", "AWS_S3_REGION_NAME": REGION}) == [
        "https://b.s3.amazonaws.com",
        f"https://b.s3.{REGION}.amazonaws.com",
    ]
    with pytest.raises(StorageConfigurationError, match="AWS_STORAGE_BUCKET_NAME"):
        file_storages({"S3_ENDPOINT_URL": "http://localhost:9000"}, private_media_root=Path("/p"))
