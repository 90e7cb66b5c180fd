"""Every way a person's roles or partnership change is recorded in the audit log, not
only the admin's edit screen: the people listing's bulk "Assign role", the full-access
tick box, joining by a claimed email domain, and an invitation that adds a role. A new
piece of code that writes roles or partnerships fails the last test until it is looked at.
"""

import re
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from learning_site.models import AuditEvent, Invitation, PartnershipDomain, User
from learning_site.roles import Role
from tests.factories import make_user

pytestmark = pytest.mark.django_db

Action = AuditEvent.Action


def test_bulk_assign_role_records_each_person_whose_roles_changed(
    client, administrator, learner, trainer
):
    board = Group.objects.get(name=str(Role.BOARD_MEMBER))
    trainer.groups.add(board)
    client.force_login(administrator)
    url = reverse("wagtail_bulk_action", args=("learning_site", "user", "assign_role"))
    response = client.post(f"{url}?id={learner.pk}&id={trainer.pk}", {"role": board.pk})
    assert response.status_code == 302
    assert learner.groups.filter(pk=board.pk).exists()
    # The trainer already had the role: nothing changed for them, nothing is recorded.
    (event,) = AuditEvent.objects.filter(action=Action.ROLES_CHANGED)
    assert event.actor == administrator and event.subject == learner
    assert event.detail == {"added": ["Board member"], "removed": []}


def test_giving_someone_full_access_is_recorded(client, administrator, learner):
    client.force_login(administrator)
    response = client.post(
        reverse("wagtailusers_users:edit", args=[learner.pk]),
        {
            "email": learner.email,
            "full_name": learner.full_name,
            "partnership": learner.partnership_id,
            "agency": learner.agency,
            "job_role": learner.job_role,
            "is_active": "on",
            "is_superuser": "on",
            "groups": list(learner.groups.values_list("pk", flat=True)),
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    learner.refresh_from_db()
    assert learner.is_superuser
    event = AuditEvent.objects.get(action=Action.ROLES_CHANGED)
    assert event.subject == learner
    assert event.detail == {"added": ["Full access (superuser)"], "removed": []}


def test_joining_by_a_claimed_domain_is_recorded(client, partnership):
    PartnershipDomain.objects.create(partnership=partnership, domain="northshire.gov.uk")
    response = client.post(
        reverse("account_signup"),
        {
            "full_name": "Dee Domain",
            "email": "dee@northshire.gov.uk",
            "agency": "health",
            "job_role": "Health visitor",
            "password1": "a-long-unusual-passphrase-42",
            "password2": "a-long-unusual-passphrase-42",
        },
    )
    assert response.status_code == 302
    person = User.objects.get(email="dee@northshire.gov.uk")
    event = AuditEvent.objects.get(action=Action.PARTNERSHIP_CHANGED)
    assert event.subject == person and event.actor == person
    assert event.partnership == partnership
    assert event.detail == {
        "previous": None,
        "new": partnership.name,
        "by_claimed_domain": "northshire.gov.uk",
    }


def test_an_invitation_that_adds_a_role_is_recorded(client, partnership, learner):
    admin = make_user(Role.PARTNERSHIP_ADMIN, partnership)
    invitation = Invitation.objects.create(
        partnership=partnership, email=learner.email, role=Role.TRAINER, invited_by=admin
    )
    client.force_login(learner)
    response = client.post(invitation.get_accept_path())
    assert response.status_code == 302
    event = AuditEvent.objects.get(action=Action.ROLES_CHANGED)
    assert event.subject == learner and event.partnership == partnership
    assert event.detail["added"] == ["Trainer"]
    assert event.detail["invited_by"] == admin.email


# --- no unrecorded way in ----------------------------------------------------------------
ROOT = Path(__file__).resolve().parents[2]
APPS = ("learning_site", "courses", "scenarios", "research_digest", "evaluations")
WRITES_SCOPE = re.compile(
    r"grant_role\(|\bgroups\.(add|set|remove|clear)\(|\buser_set\.(add|set|remove|clear)\("
    r"|\b(user|person|member|account|people)\.partnership(_id)?\s*=[^=]"
    r"|\bUser\.objects\b[^\n]*\.update\([^)]*partnership"
)
# Each place that writes a person's roles or partnership, and how it is recorded.
KNOWN_WRITERS = {
    "learning_site/roles.py": "grant_role itself; its callers are listed here",
    "learning_site/forms.py": "sign-up: joining by a claimed domain records PARTNERSHIP_CHANGED",
    "learning_site/invitations.py": "accepting records PARTNERSHIP_CHANGED and ROLES_CHANGED",
    "learning_site/single_sign_on.py": (
        "first sign-in with a partnership's provider records PARTNERSHIP_CHANGED "
        "(tests/learning_site/test_single_sign_on.py)"
    ),
    # Demonstration and benchmark data: made-up people in made-up partnerships.
    "learning_site/demo.py": "seed_demo only",
    "evaluations/demo.py": "seed_demo only",
    "evaluations/reports/management/commands/bench_reports.py": "its own bench partnership",
}


def test_every_piece_of_code_that_writes_roles_or_partnerships_is_known():
    found = set()
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            if WRITES_SCOPE.search(path.read_text(encoding="utf-8")):
                found.add(path.relative_to(ROOT).as_posix())
    unknown = sorted(found - set(KNOWN_WRITERS))
    assert not unknown, (
        f"{unknown} change people's roles or partnership: record the change in the audit "
        "log (learning_site.admin_people.record_changes_of_scope), test it, then list the "
        "file in KNOWN_WRITERS."
    )


def test_createsuperuser_is_recorded():
    from django.core.management import call_command

    call_command(
        "createsuperuser",
        interactive=False,
        email="root@northshire.gov.uk",
        full_name="Root Person",
        verbosity=0,
    )
    person = User.objects.get(email="root@northshire.gov.uk")
    event = AuditEvent.objects.get(action=Action.ROLES_CHANGED)
    assert event.subject == person and event.actor is None
    assert event.detail == {
        "added": ["Full access (superuser)"],
        "removed": [],
        "by": "manage.py createsuperuser",
    }
