"""Board packs and CSV exports are private files: kept outside MEDIA_ROOT with no /media/
address, and sent only by the download view to the person who asked for them, while they
may still read that partnership's reports."""

import importlib
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages
from django.urls import reverse

from evaluations.reports.models import ExportStatus, ReportExport
from learning_site.roles import Role
from tests.dev_server import dev_server  # noqa: F401  (a fixture)
from tests.factories import make_user

pytestmark = pytest.mark.django_db

BOARD_PACK = b"%PDF-1.4 Northshire annual training-impact report"


def _body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.fixture
def ready_export(board_member, partnership):
    export = ReportExport.objects.create(
        requested_by=board_member,
        partnership=partnership,
        export_format="pdf",
        status=ExportStatus.READY,
        progress=100,
    )
    export.file.save(export.filename, ContentFile(BOARD_PACK), save=True)
    return export


def test_a_built_board_pack_is_kept_outside_media_with_no_address(
    client, board_member, course, django_capture_on_commit_callbacks
):
    client.force_login(board_member)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("reports_export_new"), {"export_format": "pdf"})
    export = ReportExport.objects.get()
    assert export.status == ExportStatus.READY
    stored = Path(export.file.path).resolve()
    assert stored.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT).resolve())
    assert not stored.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    assert not default_storage.exists(export.file.name)
    with pytest.raises(NotImplementedError):
        export.file.url  # noqa: B018  (no public address to hand out)
    download = client.get(reverse("reports_export_download", args=[export.pk]))
    assert _body(download).startswith(b"%PDF-")
    assert download["Cache-Control"] == "private, no-store"


@pytest.mark.usefixtures("dev_server")
def test_a_board_pack_path_under_media_is_404_for_everyone_in_development(
    client, ready_export, board_member, administrator
):
    guesses = [
        "/media/" + ready_export.file.name,
        f"/media/impact_reports/exports/{ready_export.pk}/{ready_export.filename}",
        f"/media/private/{ready_export.file.name}",
    ]
    for person in (None, board_member, administrator):
        client.logout()
        if person:
            client.force_login(person)
        for url in guesses:
            response = client.get(url)
            assert response.status_code == 404, (person, url)
            assert BOARD_PACK not in _body(response)


def test_only_the_person_who_asked_downloads_a_board_pack(
    client, ready_export, board_member, partnership, other_board_member, learner, trainer
):
    url = reverse("reports_export_download", args=[ready_export.pk])
    colleague = make_user(Role.BOARD_MEMBER, partnership)
    expected = {
        None: 302,  # sent to sign in
        learner: 403,  # learners never read reports
        other_board_member: 404,  # another partnership's board
        colleague: 404,  # the same board, but not theirs
        trainer: 404,
    }
    for person, status in expected.items():
        client.logout()
        if person:
            client.force_login(person)
        response = client.get(url)
        assert response.status_code == status, person
        assert BOARD_PACK not in _body(response)

    client.force_login(board_member)
    response = client.get(url)
    assert response.status_code == 200
    assert _body(response) == BOARD_PACK
    assert "attachment" in response["Content-Disposition"]


def test_a_board_member_who_moves_partnership_loses_the_old_board_packs(
    client, ready_export, board_member, other_partnership
):
    board_member.partnership = other_partnership
    board_member.save()
    client.force_login(board_member)
    assert client.get(reverse("reports_export", args=[ready_export.pk])).status_code == 404
    response = client.get(reverse("reports_export_download", args=[ready_export.pk]))
    assert response.status_code == 404
    assert BOARD_PACK not in _body(response)


def test_exports_written_under_media_before_are_moved_to_private_storage(board_member, partnership):
    export = ReportExport.objects.create(
        requested_by=board_member,
        partnership=partnership,
        export_format="csv",
        status=ExportStatus.READY,
    )
    name = f"impact_reports/exports/{export.pk}/old.csv"
    default_storage.save(name, ContentFile(b"section\n"))
    ReportExport.objects.filter(pk=export.pk).update(file=name)
    missing = ReportExport.objects.create(
        requested_by=board_member, partnership=partnership, export_format="csv"
    )
    ReportExport.objects.filter(pk=missing.pk).update(file="impact_reports/exports/gone.csv")

    migration = importlib.import_module(
        "evaluations.reports.migrations.0003_exports_in_private_storage"
    )
    migration.move_exports_to_private_storage(apps, None)

    export.refresh_from_db()
    assert not default_storage.exists(name)
    assert storages["private"].exists(export.file.name)
    with export.file.open("rb") as moved:
        assert moved.read() == b"section\n"
    missing.refresh_from_db()
    assert missing.file.name == "impact_reports/exports/gone.csv"  # left, nothing to move
