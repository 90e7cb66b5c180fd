"""One way in: every URL that takes a password is allauth's, and a staff password alone
opens no staff page and cannot change the second factor."""

import re

import pytest
from allauth.mfa.models import Authenticator
from django.core import mail
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from learning_site.demo import demo_totp_code
from learning_site.models import AuditEvent
from tests.factories import PASSWORD, TOTP_SECRET, has_totp

pytestmark = pytest.mark.django_db

# allauth's own views, each with its rate limits and two-factor step.
PASSWORD_VIEWS_ALLOWED = {
    "account_login",
    "account_signup",
    "account_change_password",
    "account_set_password",
    "account_reset_password_from_key",
    "account_reauthenticate",
    "account_delete",
}
SAMPLE = {
    "int": "1",
    "str": "x",
    "slug": "x",
    "path": "x",
    "uuid": "00000000-0000-0000-0000-000000000001",
}


def _all_routes(resolver=None, prefix=""):
    """(path, name) for every route in the URLconf that can be written out."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        text = str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            if text.startswith("^"):
                text = text.lstrip("^")
            yield from _all_routes(pattern, prefix + text)
        elif isinstance(pattern, URLPattern):
            if text.startswith("^"):
                # A regular expression: only the simple ones (no groups) can be written out.
                text = text.lstrip("^").rstrip("$")
                if re.search(r"[()\[\]\\*+?|]", text):
                    continue
            path = re.sub(
                r"<(?:(\w+):)?(\w+)>", lambda m: SAMPLE.get(m.group(1) or "str", "x"), text
            )
            yield "/" + prefix + path, pattern.name


def _takes_password(response) -> bool:
    return response.status_code == 200 and b'type="password"' in response.content


def test_every_url_that_takes_a_password_is_allauths(client, trainer, home_page):
    """Walk the whole URLconf (ours, Wagtail's, allauth's) signed out and signed in as
    staff: only allauth's views show a password field."""
    found = set()
    client.raise_request_exception = False  # some of Wagtail's routes need real ids
    routes = list(_all_routes())
    assert len(routes) > 100
    for signed_in in (False, True):
        if signed_in:
            client.force_login(trainer)
        for path, name in routes:
            response = client.get(path)
            if _takes_password(response):
                found.add(name or path)
    assert found, "the walk should at least find allauth's sign-in"
    assert "account_login" in found
    assert found <= PASSWORD_VIEWS_ALLOWED, found - PASSWORD_VIEWS_ALLOWED


@pytest.mark.parametrize("path", ["/_util/login/", "/admin/login/"])
def test_wagtails_login_views_do_not_sign_anyone_in(client, trainer, home_page, path):
    response = client.post(path, {"username": trainer.email, "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert client.get("/admin/").status_code == 302


@pytest.mark.parametrize(
    "path",
    ["/admin/", "/admin/users/", "/admin/api/main/pages/", "/reports/", "/reports/comments/"],
)
def test_a_session_that_skipped_the_second_factor_opens_no_staff_page(
    client, trainer, administrator, home_page, path
):
    for person in (trainer, administrator):
        client.force_login(person, second_factor=False)
        response = client.get(path)
        assert response.status_code == 302, (person, path)
        assert response.url.startswith(reverse("account_login"))
        # The half-signed-in session is ended, not left waiting for another try.
        assert "_auth_user_id" not in client.session


def test_a_session_that_skipped_the_second_factor_cannot_remove_it(client, trainer, home_page):
    client.force_login(trainer, second_factor=False)
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    client.post(reverse("mfa_deactivate_totp"), {})
    assert has_totp(trainer)


def test_removing_the_authenticator_needs_the_code_not_the_password(client, trainer, home_page):
    client.force_login(trainer)
    response = client.get(reverse("mfa_deactivate_totp"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("mfa_reauthenticate"))
    # The password page sends a person with an authenticator on to the code page.
    response = client.get(reverse("account_reauthenticate"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("mfa_reauthenticate"))
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    response = client.post(reverse("mfa_deactivate_totp"), {})
    assert has_totp(trainer)
    # With the code, it works.
    client.post(reverse("mfa_reauthenticate"), {"code": demo_totp_code(TOTP_SECRET)})
    response = client.post(reverse("mfa_deactivate_totp"), {})
    assert not has_totp(trainer)


@pytest.mark.parametrize(
    "name",
    ["mfa_generate_recovery_codes", "mfa_view_recovery_codes", "mfa_download_recovery_codes"],
)
def test_recovery_codes_need_the_code_again(client, trainer, home_page, name):
    client.force_login(trainer)
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response.url.startswith(reverse("mfa_reauthenticate"))


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_setting_up_an_authenticator_counts_as_the_second_factor(client, partnership, home_page):
    """A new trainer sets up their app and carries on, rather than being signed out.
    (allauth announces the new authenticator when its transaction commits, so this test
    runs with real transactions.)"""
    from learning_site.roles import Role
    from tests.factories import make_user

    person = make_user(Role.TRAINER, partnership, two_factor=False)
    client.force_login(person)
    assert client.get("/admin/").url == reverse("mfa_activate_totp")
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    response = client.get(reverse("mfa_activate_totp"))
    assert response.status_code == 200
    secret = client.session["mfa.totp.secret"]
    client.post(reverse("mfa_activate_totp"), {"code": demo_totp_code(secret)})
    assert Authenticator.objects.filter(user=person).exists()
    assert client.get("/admin/").status_code == 200


def test_wagtails_password_reset_goes_to_allauths_rate_limited_one(client, trainer, home_page):
    response = client.get("/admin/password_reset/")
    assert response.status_code == 302
    assert response.url == reverse("account_reset_password")
    client.post("/admin/password_reset/", {"email": trainer.email})
    assert len(mail.outbox) == 0
    statuses = [
        client.post(reverse("account_reset_password"), {"email": trainer.email}).status_code
        for _ in range(8)
    ]
    assert 429 in statuses
    assert len(mail.outbox) <= 5


def test_wagtails_account_page_has_no_password_change(client, trainer, home_page):
    client.force_login(trainer)
    response = client.get("/admin/account/")
    assert response.status_code == 200
    assert b'type="password"' not in response.content
    client.post(
        "/admin/account/",
        {
            "password-old_password": "wrong",
            "password-new_password1": "x" * 12,
            "password-new_password2": "x" * 12,
        },
    )
    trainer.refresh_from_db()
    assert trainer.check_password(PASSWORD)


def test_administrator_resets_a_persons_two_factor_and_it_is_recorded(
    client, administrator, trainer, home_page
):
    client.force_login(administrator)
    url = reverse("learning_site_reset_two_factor", args=[trainer.pk])
    listing = client.get(reverse("wagtailusers_users:index")).content.decode()
    assert url in listing
    assert client.get(url).status_code == 200
    assert has_totp(trainer)  # GET changes nothing
    response = client.post(url)
    assert response.status_code == 302
    assert not has_totp(trainer)
    event = AuditEvent.objects.get(action=AuditEvent.Action.TWO_FACTOR_RESET)
    assert event.actor == administrator and event.subject == trainer
    assert event.actor_email == administrator.email


def test_a_trainer_cannot_reset_anyones_two_factor(client, trainer, board_member, home_page):
    client.force_login(trainer)
    client.post(reverse("learning_site_reset_two_factor", args=[board_member.pk]))
    assert has_totp(board_member)
    assert not AuditEvent.objects.exists()
