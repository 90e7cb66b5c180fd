"""Roles, permissions and authenticators are read once and cached across requests
(``learning_site.access_cache``); any change to them takes effect on the next request."""

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from learning_site.roles import Role, grant_role

pytestmark = pytest.mark.django_db


def _header(client) -> str:
    return client.get("/").content.decode()


def test_a_role_granted_applies_on_the_next_page(client, learner, home_page):
    client.force_login(learner)
    assert client.get("/").status_code == 200
    grant_role(learner, Role.BOARD_MEMBER)
    # Board members need two-factor: the very next page sends them to set it up.
    response = client.get("/")
    assert response.status_code == 302
    assert response.url == reverse("mfa_activate_totp")


def test_a_role_taken_away_hides_its_links_on_the_next_page(client, trainer, home_page):
    client.force_login(trainer)
    assert ">Admin<" in _header(client)
    trainer.groups.clear()
    assert ">Admin<" not in _header(client)


def test_a_permission_added_to_a_role_applies_to_its_members_at_once(client, learner, home_page):
    client.force_login(learner)
    assert ">Reports<" not in _header(client)
    learners = Group.objects.get(name=str(Role.LEARNER))
    learners.permissions.add(Permission.objects.get(codename="view_impact_reports"))
    assert ">Reports<" in _header(client)
    learners.permissions.remove(Permission.objects.get(codename="view_impact_reports"))
    assert ">Reports<" not in _header(client)


def test_an_own_permission_applies_at_once(client, learner, home_page):
    client.force_login(learner)
    assert ">Reports<" not in _header(client)
    learner.user_permissions.add(Permission.objects.get(codename="view_impact_reports"))
    assert ">Reports<" in _header(client)


def test_an_authenticator_added_elsewhere_signs_out_a_session_without_the_code(
    client, learner, home_page
):
    client.force_login(learner)
    assert client.get("/").status_code == 200
    Authenticator.objects.create(user=learner, type=Authenticator.Type.TOTP, data={})
    response = client.get("/")
    assert response.status_code == 302
    assert "/accounts/login/" in response.url
