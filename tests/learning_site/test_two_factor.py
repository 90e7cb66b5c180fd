import pytest
from django.urls import reverse

from learning_site.demo import demo_totp_code
from learning_site.roles import Role
from tests.factories import PASSWORD, TOTP_SECRET, make_user

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", [Role.TRAINER, Role.BOARD_MEMBER, Role.ADMINISTRATOR])
def test_staff_roles_without_totp_are_sent_to_set_it_up(client, partnership, home_page, role):
    user = make_user(role, partnership, two_factor=False)
    client.force_login(user)
    for path in ("/admin/", "/", reverse("landing")):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response.url == reverse("mfa_activate_totp")
    # Account pages stay reachable so they can set it up (allauth asks for the password
    # again first), rather than looping back to the same redirect.
    response = client.get(reverse("mfa_activate_totp"))
    assert response.status_code == 302 and "reauthenticate" in response.url


def test_learner_does_not_need_totp(client, learner, home_page):
    client.force_login(learner)
    assert client.get("/").status_code == 200


def test_trainer_sign_in_asks_for_code_then_reaches_admin(client, trainer, home_page):
    response = client.post(reverse("account_login"), {"login": trainer.email, "password": PASSWORD})
    assert response.url == reverse("mfa_authenticate")
    assert client.get("/admin/").status_code == 302  # not signed in until the code is given
    response = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert "_auth_user_id" not in client.session
    response = client.post(reverse("mfa_authenticate"), {"code": demo_totp_code(TOTP_SECRET)})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_board_member_lands_outside_the_admin(client, board_member, home_page):
    client.force_login(board_member)
    assert client.get("/admin/").status_code == 302
    assert "/admin/" not in client.get(reverse("landing")).url


def test_wagtail_admin_login_goes_through_allauth(client, home_page):
    response = client.get("/admin/login/")
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize("role", ["learner", "board_member"])
def test_signed_in_people_without_admin_access_are_refused_not_looped(
    client, request, role, home_page
):
    client.force_login(request.getfixturevalue(role))
    response = client.get("/admin/", follow=True)
    assert response.status_code == 403
    assert len(response.redirect_chain) <= 2
    assert "You do not have access to this page" in response.content.decode()
