"""Walk every URL of ours for every role and check the status (see tests/access.py)."""

import importlib
import pkgutil
from types import SimpleNamespace

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

import tests
from learning_site.roles import Role
from tests.access import ROLES, AccessCase
from tests.factories import make_partnership, make_user

OUR_APPS = ("learning_site", "courses", "scenarios", "research_digest", "evaluations")


def _our_named_patterns(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            ns = namespace
            if pattern.namespace:
                ns = f"{namespace}{pattern.namespace}:"
            yield from _our_named_patterns(pattern, ns)
        elif isinstance(pattern, URLPattern) and pattern.name:
            module = getattr(pattern.callback, "__module__", "") or ""
            view_class = getattr(pattern.callback, "view_class", None)
            if view_class is not None:
                module = view_class.__module__
            if module.split(".")[0] in OUR_APPS:
                yield f"{namespace}{pattern.name}"


def _all_cases() -> tuple[dict[str, AccessCase], list]:
    cases, builders = {}, []
    for info in pkgutil.iter_modules(tests.__path__):
        try:
            module = importlib.import_module(f"tests.{info.name}.access_cases")
        except ModuleNotFoundError:
            continue
        cases.update(module.CASES)
        if hasattr(module, "build_world"):
            builders.append(module.build_world)
    return cases, builders


CASES, BUILDERS = _all_cases()


def test_every_url_of_ours_has_an_access_case():
    missing = sorted(set(_our_named_patterns()) - set(CASES))
    assert not missing, f"Add these URLs to an access_cases.py: {missing}"


@pytest.fixture
def world(db, home_page):
    partnership = make_partnership("Northshire Safeguarding Children Partnership")
    other = make_partnership("Riverside Safeguarding Children Partnership")
    world = SimpleNamespace(
        home=home_page,
        partnership=partnership,
        other_partnership=other,
        anonymous=None,
        learner=make_user(Role.LEARNER, partnership),
        other_learner=make_user(Role.LEARNER, other),
        trainer=make_user(Role.TRAINER, partnership),
        board_member=make_user(Role.BOARD_MEMBER, partnership),
        administrator=make_user(Role.ADMINISTRATOR, partnership),
    )
    for build in BUILDERS:
        build(world)
    return world


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
