"""Walk every URL of ours for every role and check the status (see tests/access.py)."""

import pytest
from django.urls import reverse

from tests.access import ROLES, build_world, load_cases, our_url_patterns

CASES, _ = load_cases()


def test_every_url_of_ours_has_an_access_case():
    missing = sorted({name for name, _ in our_url_patterns()} - set(CASES))
    assert not missing, f"Add these URLs to an access_cases.py: {missing}"


@pytest.fixture
def world(db, home_page):
    return build_world(home_page)


@pytest.mark.parametrize("name", sorted(CASES))
def test_role_gets_expected_status(client, world, name):
    case = CASES[name]
    url = reverse(name, kwargs=case.kwargs(world)) + case.query
    got = {}
    for role in ROLES:
        client.logout()
        user = getattr(world, role)
        if user is not None:
            client.force_login(user)
        got[role] = client.get(url).status_code
    want = {role: case.status_for(role) for role in ROLES}
    assert got == want, url
