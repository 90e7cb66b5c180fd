"""Every completion has its certificate: one service writes both, the stored data is
brought into line by a migration, and the pages still open if a row were missing."""

import datetime
import importlib
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import timezone

from courses import services
from courses.models import Certificate, CourseCompletion, Enrolment
from courses.signals import module_completed

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


def test_a_completion_is_written_with_its_certificate_once(learner, course):
    fired = []
    module_completed.connect(
        lambda sender, completion, **kw: fired.append(completion), weak=False, dispatch_uid="c"
    )
    try:
        enrolment = Enrolment.objects.create(user=learner, course=course)
        when = timezone.now() - datetime.timedelta(days=200)
        completion = services.record_completion(enrolment, knowledge_score=90, completed_at=when)
        again = services.record_completion(enrolment, knowledge_score=10)
    finally:
        module_completed.disconnect(dispatch_uid="c")
    assert again == completion and fired == [completion]
    certificate = Certificate.objects.get()
    assert certificate.completion == completion and certificate.issued_at == when
    assert (certificate.learner_name, certificate.course_title) == (
        "Lee Learner",
        "Recognising neglect (test)",
    )
    assert certificate.cpd_hours == Decimal("1.5")


def test_completions_made_in_bulk_have_certificates_too(learner, other_learner, course):
    made = services.bulk_record_completions(
        [
            CourseCompletion(
                enrolment=Enrolment.objects.create(user=user, course=course),
                user=user,
                course=course,
                knowledge_score=75,
            )
            for user in (learner, other_learner)
        ]
    )
    assert len(made) == 2
    assert sorted(Certificate.objects.values_list("learner_name", flat=True)) == [
        "Lee Learner",
        "Olu Otherplace",
    ]


def completion_without_certificate(user, course, when=None):
    """A completion as the demo seeder used to write it: no certificate."""
    enrolment = Enrolment.objects.create(user=user, course=course)
    return CourseCompletion.objects.create(
        enrolment=enrolment,
        user=user,
        course=course,
        completed_at=when or timezone.now(),
        knowledge_score=80,
    )


def test_the_migration_issues_the_missing_certificates(learner, course):
    when = timezone.now() - datetime.timedelta(days=30)
    completion = completion_without_certificate(learner, course, when)
    migration = importlib.import_module("courses.migrations.0003_certificate_for_every_completion")
    migration.issue_missing_certificates(apps, None)
    certificate = Certificate.objects.get(completion=completion)
    assert certificate.issued_at == when and certificate.learner_name == "Lee Learner"
    assert re.fullmatch(r"[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}", certificate.code)
    migration.issue_missing_certificates(apps, None)  # nothing left to do
    assert Certificate.objects.count() == 1


def test_pages_open_without_the_link_when_a_certificate_is_missing(client, learner, course):
    completion_without_certificate(learner, course)
    client.force_login(learner)
    for url in (course.url, reverse("my_learning"), reverse("cpd_record")):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "/certificates/" not in response.content.decode().replace(
            "/certificates/verify/", ""
        )
    assert "You completed this module" in client.get(course.url).content.decode()


def test_only_the_completion_service_writes_completions_and_certificates():
    """A completion written anywhere else could lack its certificate, as the demo's did."""
    writes = re.compile(
        r"(CourseCompletion|Certificate)\.objects\.(create|get_or_create|update_or_create|"
        r"bulk_create)|_bulk\(\s*(CourseCompletion|Certificate)\b"
    )
    offenders = []
    for app in ("courses", "scenarios", "evaluations", "research_digest", "learning_site"):
        for path in (ROOT / app).rglob("*.py"):
            relative = path.relative_to(ROOT).as_posix()
            if "/migrations/" in relative or relative == "courses/services.py":
                continue
            if writes.search(path.read_text()):
                offenders.append(relative)
    assert offenders == []


def test_a_certificate_pdf_is_kept_privately_and_goes_with_the_account(
    client, learner, course, django_capture_on_commit_callbacks
):
    from django.core.files.storage import storages

    from learning_site.services import delete_account

    enrolment = Enrolment.objects.create(user=learner, course=course)
    with django_capture_on_commit_callbacks(execute=True):
        services.record_completion(enrolment, knowledge_score=90)
    certificate = Certificate.objects.get()
    name = certificate.file.name  # drawn by the task once the completion was committed
    assert name.startswith(f"certificates/{certificate.code}/") and storages["private"].exists(name)

    client.force_login(learner)
    response = client.get(reverse("certificate_pdf", args=[certificate.code]))
    assert response.getvalue() == storages["private"].open(name).read()
    assert response["Cache-Control"] == "private, no-store"

    with django_capture_on_commit_callbacks(execute=True):
        delete_account(learner)
    assert not storages["private"].exists(name)
