"""Setting up a partnership is an administrator's job in the Wagtail admin, and nobody
chooses their own partnership: it comes from an invitation, a claimed domain or an
administrator (issue 13)."""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from learning_site.models import AuditEvent, Invitation, Partnership, PartnershipDomain, User
from learning_site.roles import Role
from tests.factories import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def partnership_admin(partnership):
    return make_user(Role.PARTNERSHIP_ADMIN, partnership, full_name="Pat Partnership-Admin")


def partnership_form(name="Eastborough Safeguarding Children Partnership", domains=(), agencies=()):
    return nested_form_data(
        {
            "name": name,
            "slug": "",
            "is_active": "on",
            "email_domains": inline_formset([{"domain": d} for d in domains]),
            "sign_on": inline_formset([]),
            "agencies": inline_formset(
                [{"kind": k, "name": n, "workforce": w} for k, n, w in agencies]
            ),
            "job_roles": "Social worker\nHealth visitor",
            "send_follow_ups": "on",
            "reach_target": "80",
            "email_from_name": "",
        }
    )


def test_platform_administrator_sets_up_a_partnership(client, administrator):
    client.force_login(administrator)
    url = reverse("partnership:add")
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        partnership_form(
            domains=["eastborough.gov.uk", "eastborough-nhs.uk"],
            agencies=[
                ("childrens_social_care", "Eastborough Children's Services", 420),
                ("health", "Eastborough Community Health", 310),
                ("police", "Eastshire Police, Eastborough district", 150),
            ],
        ),
    )
    assert response.status_code == 302, response.context["form"].errors
    east = Partnership.objects.get(name="Eastborough Safeguarding Children Partnership")
    assert sorted(d.domain for d in east.email_domains.all()) == [
        "eastborough-nhs.uk",
        "eastborough.gov.uk",
    ]
    assert [a.workforce for a in east.agencies.all()] == [420, 310, 150]
    assert Partnership.objects.claiming("ann@social.eastborough.gov.uk") == east
    assert Partnership.objects.claiming("ann@eastborough.gov.uk.evil.example") is None


@pytest.mark.parametrize(
    "domain, message",
    [
        ("council.gov.uk", "has already claimed"),
        ("social.council.gov.uk", "has already claimed"),
        ("nhs.net", "shared by many organisations"),
        ("not a domain", "Enter a domain like"),
    ],
)
def test_a_domain_cannot_be_claimed_twice_or_shared(
    client, administrator, partnership, domain, message
):
    PartnershipDomain.objects.create(partnership=partnership, domain="council.gov.uk")
    client.force_login(administrator)
    response = client.post(reverse("partnership:add"), partnership_form(domains=[domain]))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Partnership.objects.filter(name__startswith="Eastborough").exists()


def test_partnership_administrator_manages_only_their_own(
    client, partnership_admin, partnership, other_partnership
):
    client.force_login(partnership_admin)
    listing = client.get(reverse("partnership:index")).content.decode()
    assert partnership.name in listing
    assert other_partnership.name not in listing
    other_edit = reverse("partnership:edit", args=[other_partnership.pk])
    response = client.post(other_edit, partnership_form(name="Taken over"))
    other_partnership.refresh_from_db()
    assert other_partnership.name == "Riverside Safeguarding Children Partnership"
    assert response.status_code in (302, 403)
    # No new partnerships from a partnership administrator.
    client.post(reverse("partnership:add"), partnership_form(name="Another"))
    assert not Partnership.objects.filter(name="Another").exists()
    # Their own: yes, but they cannot switch it off.
    own_edit = reverse("partnership:edit", args=[partnership.pk])
    data = partnership_form(name=partnership.name, domains=["northshire.gov.uk"])
    data["is_active"] = ""
    response = client.post(own_edit, data)
    assert response.status_code == 302
    partnership.refresh_from_db()
    assert partnership.is_active
    assert partnership.email_domains.get().domain == "northshire.gov.uk"


def _invite(client, **data):
    return client.post(reverse("invitation:add"), data)


def _link_from_last_email() -> str:
    body = mail.outbox[-1].body
    return re.search(r"http://testserver(/accounts/invitation/[^\s]+/)", body).group(1)


def test_invitation_creates_the_account_in_the_partnership_with_the_role(
    client, partnership_admin, partnership, other_partnership
):
    client.force_login(partnership_admin)
    # A partnership administrator cannot invite into another partnership.
    response = _invite(
        client, email="x@else.example", role="Trainer", partnership=other_partnership.pk
    )
    assert response.status_code == 200
    assert not Invitation.objects.exists()
    response = _invite(
        client,
        email="Tomasz.Wisniewski@East.example",
        full_name="Tomasz Wiśniewski",
        role="Trainer",
        partnership=partnership.pk,
    )
    assert response.status_code == 302
    assert "Accept the invitation" in mail.outbox[-1].body
    path = _link_from_last_email()
    client.logout()
    page = client.get(path).content.decode()
    assert "tomasz.wisniewski@east.example" in page.lower()
    response = client.post(
        path,
        {
            "full_name": "Tomasz Wiśniewski",
            "agency": "police",
            "job_role": "Detective sergeant",
            "password1": "a-long-unusual-passphrase-42",
            "password2": "a-long-unusual-passphrase-42",
        },
    )
    assert response.status_code == 302
    person = User.objects.get(email="tomasz.wisniewski@east.example")
    assert person.partnership == partnership
    assert person.has_role(Role.TRAINER)
    # A trainer must set up two-factor before anything else.
    assert client.get("/admin/").url == reverse("mfa_activate_totp")
    # The link works once.
    client.logout()
    again = client.get(path)
    assert again.status_code == 410
    assert "already been used" in again.content.decode()
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.INVITATION_ACCEPTED, subject=person
    ).exists()


def test_bad_invitation_links_are_refused_with_a_reason(client, partnership, partnership_admin):
    invitation = Invitation.objects.create(
        partnership=partnership, email="late@east.example", invited_by=partnership_admin
    )
    path = invitation.get_accept_path()
    forged = path.replace(invitation.get_accept_path().split("/")[-2][:5], "AAAAA")
    response = client.get(forged)
    assert response.status_code == 410 and "not valid" in response.content.decode()
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    response = client.post(path, {"full_name": "Late", "password1": "x", "password2": "x"})
    assert response.status_code == 410 and "expired" in response.content.decode()
    assert not User.objects.filter(email="late@east.example").exists()


def test_invitation_for_someone_in_another_partnership_is_refused(
    client, partnership_admin, partnership, other_learner
):
    client.force_login(partnership_admin)
    response = _invite(
        client, email=other_learner.email, role="Learner", partnership=partnership.pk
    )
    assert response.status_code == 200
    assert "already belongs to another partnership" in response.content.decode()
    assert not Invitation.objects.exists()
    assert len(mail.outbox) == 0


def test_an_invitation_opened_by_someone_else_signed_in_changes_nothing(
    client, partnership, partnership_admin, other_learner
):
    invitation = Invitation.objects.create(
        partnership=partnership, email="new@east.example", role="Board member"
    )
    client.force_login(other_learner)
    response = client.get(invitation.get_accept_path())
    assert response.status_code == 403
    client.post(invitation.get_accept_path())
    other_learner.refresh_from_db()
    assert other_learner.partnership != partnership
    assert not other_learner.has_role(Role.BOARD_MEMBER)


def test_sign_up_with_a_claimed_domain_lands_in_that_partnership(client, partnership):
    east = Partnership.objects.create(name="Eastborough", slug="eastborough")
    PartnershipDomain.objects.create(partnership=east, domain="eastborough.gov.uk")
    data = {
        "full_name": "Nguyễn Thị Lan",
        "email": "lan.nguyen@eastborough.gov.uk",
        "agency": "health",
        "job_role": "Health visitor",
        "password1": "a-long-unusual-passphrase-42",
        "password2": "a-long-unusual-passphrase-42",
    }
    response = client.post(reverse("account_signup"), {**data, "partnership": partnership.pk})
    assert response.status_code == 302
    assert User.objects.get(email=data["email"]).partnership == east


def test_sign_up_from_an_unclaimed_domain_is_refused_and_keeps_what_was_typed(client, partnership):
    data = {
        "full_name": "Someone Unknown",
        "email": "someone@nowhere.example",
        "agency": "health",
        "job_role": "Health visitor",
        "password1": "a-long-unusual-passphrase-42",
        "password2": "a-long-unusual-passphrase-42",
        "partnership": partnership.pk,
    }
    response = client.post(reverse("account_signup"), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "No safeguarding partnership has set up sign-up for addresses ending in" in html
    assert 'value="Someone Unknown"' in html
    assert not User.objects.filter(email=data["email"]).exists()


def test_administrator_moves_a_person_and_it_is_recorded(
    client, administrator, learner, partnership, other_partnership
):
    client.force_login(administrator)
    url = reverse("wagtailusers_users:edit", args=[learner.pk])
    form = client.get(url).content.decode()
    assert 'name="partnership"' in form and 'name="job_role"' in form
    assert 'type="password"' not in form
    from django.contrib.auth.models import Group

    learner_group = Group.objects.get(name="Learner")
    response = client.post(
        url,
        {
            "email": learner.email,
            "full_name": learner.full_name,
            "partnership": other_partnership.pk,
            "agency": "police",
            "job_role": "Police constable",
            "is_active": "on",
            "groups": [learner_group.pk],
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    learner.refresh_from_db()
    assert learner.partnership == other_partnership
    event = AuditEvent.objects.get(action=AuditEvent.Action.PARTNERSHIP_CHANGED)
    assert event.actor == administrator and event.subject == learner
    assert event.detail == {"previous": partnership.name, "new": other_partnership.name}


def test_audit_log_is_read_only_and_scoped(
    client, partnership_admin, administrator, partnership, other_partnership, learner, other_learner
):
    from learning_site.models import record_event

    record_event(AuditEvent.Action.REPORT_VIEWED, actor=learner, partnership=partnership)
    record_event(
        AuditEvent.Action.REPORT_VIEWED, actor=other_learner, partnership=other_partnership
    )
    client.force_login(partnership_admin)
    listing = client.get(reverse("auditevent:index")).content.decode()
    assert learner.email in listing
    assert other_learner.email not in listing
    client.force_login(administrator)
    listing = client.get(reverse("auditevent:index")).content.decode()
    assert learner.email in listing and other_learner.email in listing
    event = AuditEvent.objects.first()
    response = client.post(reverse("auditevent:delete", args=[event.pk]))
    assert AuditEvent.objects.filter(pk=event.pk).exists()
    assert response.status_code in (302, 403, 404)


@pytest.mark.parametrize(
    "name", ["invitation:history", "invitation:usage", "partnership:history", "partnership:usage"]
)
def test_history_and_usage_of_another_partnership_are_not_found(
    client, partnership_admin, partnership, other_partnership, name
):
    """They showed another partnership's invitation (the invited address) or partnership
    by its id, and who had changed it."""
    theirs = Invitation.objects.create(
        partnership=other_partnership, email="someone@riverside.gov.uk"
    )
    own = Invitation.objects.create(partnership=partnership, email="someone@northshire.gov.uk")
    is_invitation = name.startswith("invitation")
    client.force_login(partnership_admin)
    other_pk = theirs.pk if is_invitation else other_partnership.pk
    response = client.get(reverse(name, args=[other_pk]))
    assert response.status_code == 404
    own_pk = own.pk if is_invitation else partnership.pk
    assert client.get(reverse(name, args=[own_pk])).status_code == 200


def test_site_history_is_for_platform_administrators_only(
    client, trainer, other_trainer, administrator, other_partnership
):
    """Wagtail's site history showed a trainer another partnership's surveys and the
    names of the staff who changed them."""
    from wagtail.log_actions import log

    from tests.evaluations.factories import make_instrument

    theirs = make_instrument(slug="theirs", title="Riverside survey", partnership=other_partnership)
    log(theirs, "wagtail.create", user=other_trainer)
    url = reverse("wagtailadmin_reports:site_history")
    client.force_login(trainer)
    response = client.get(url)
    assert response.status_code == 403
    assert "Riverside survey" not in response.content.decode()
    assert client.get(reverse("wagtailadmin_reports:site_history_results")).status_code == 403
    assert "site-history" not in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(administrator)
    assert "Riverside survey" in client.get(url).content.decode()


def test_a_partnership_with_people_cannot_be_deleted_and_the_page_says_why(
    client, administrator, partnership, learner
):
    client.force_login(administrator)
    response = client.post(reverse("partnership:delete", args=[partnership.pk]))
    assert response.status_code == 200  # was a ProtectedError 500
    html = response.content.decode()
    assert "cannot be deleted while other records refer to it (2 users)" in html
    assert "Switch it off instead." in html
    assert Partnership.objects.filter(pk=partnership.pk).exists()


@pytest.mark.parametrize("forged", ["99999999999999999999", "²", "abc"])
def test_a_forged_role_id_on_the_people_form_is_an_error_not_a_500(
    client, administrator, learner, forged
):
    client.force_login(administrator)
    url = reverse("wagtailusers_users:edit", args=[learner.pk])
    response = client.post(
        url,
        {
            "email": learner.email,
            "full_name": learner.full_name,
            "partnership": learner.partnership_id,
            "groups": [forged],
            "is_active": "on",
        },
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


def test_invitations_are_made_only_by_add_which_sends_and_records_them(
    client, partnership, partnership_admin
):
    """Wagtail's "Copy" would have made an invitation without sending or recording it."""
    invitation = Invitation.objects.create(
        email="copied@example.org", role=Role.LEARNER, partnership=partnership,
        invited_by=partnership_admin,
    )  # fmt: skip
    client.force_login(partnership_admin)
    listing = client.get("/admin/invitation/").content.decode()
    assert f"/admin/invitation/copy/{invitation.pk}/" not in listing
    response = client.post(
        f"/admin/invitation/copy/{invitation.pk}/",
        {"email": "smuggled@example.org", "role": Role.LEARNER, "partnership": partnership.pk},
    )
    assert response.status_code == 404
    assert not Invitation.objects.filter(email="smuggled@example.org").exists()


def test_a_partnership_sets_its_reach_target_within_0_to_100(client, partnership, administrator):
    client.force_login(administrator)
    url = reverse("partnership:edit", args=[partnership.pk])
    data = partnership_form(name=partnership.name) | {"reach_target": "150"}
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Ensure this value is less than or equal to 100" in response.content.decode()
    assert 'value="150"' in response.content.decode()  # what was typed is kept
    client.post(url, partnership_form(name=partnership.name) | {"reach_target": "65"})
    partnership.refresh_from_db()
    assert partnership.reach_target == 65
