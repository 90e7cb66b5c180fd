"""Bulk invitations on a real Celery worker (Redis broker, prefork pool, PostgreSQL), run
by ``.ci/run``: the same import queued three times at once sends each invitation once."""

import os

import pytest

from learning_site.bulk_invitations import create_import, read_csv
from learning_site.models import AuditEvent, Invitation, InvitationImport
from learning_site.models.invitation_imports import ImportStatus, RowStatus
from learning_site.roles import Role
from learning_site.tasks import send_invitation_import
from tests.factories import make_user

pytestmark = [
    pytest.mark.celery_worker,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_three_runs_of_one_import_at_once_send_each_invitation_once(partnership):
    assert os.environ.get("CELERY_BROKER_URL", "").startswith("redis://")
    admin = make_user(Role.PARTNERSHIP_ADMIN, partnership)
    lines = ["Email address,Full name"] + [f"w{n}@northshire.gov.uk,Worker {n}" for n in range(250)]
    record = create_import(partnership, read_csv("\n".join(lines).encode()), by=admin)
    InvitationImport.objects.filter(pk=record.pk).update(status=ImportStatus.QUEUED)

    results = [send_invitation_import.apply_async(args=[str(record.pk)]) for _ in range(3)]
    outcomes = sorted(result.get(timeout=120) for result in results)

    record.refresh_from_db()
    assert record.status == ImportStatus.DONE, outcomes
    assert record.invited == 250
    assert record.rows.filter(status=RowStatus.INVITED).count() == 250
    assert Invitation.objects.filter(partnership=partnership).count() == 250
    # One 'invitation sent' record per email the worker sent: none twice.
    sent = AuditEvent.objects.filter(action=AuditEvent.Action.INVITATION_SENT)
    assert sent.count() == 250
    assert len(set(sent.values_list("detail__email", flat=True))) == 250
