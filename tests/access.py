"""The role x URL matrix: every URL of ours, every role, the status each should get.

Each app's tests declare their URLs in ``tests/<app>/access_cases.py`` as ``CASES``
(name -> AccessCase) and may provide ``build_world(world)`` to create the objects the
URLs point at. ``tests/test_access_matrix.py`` walks the URLconf and fails when a URL of
ours has no case, so a view cannot be added without saying who may see it;
``tests/security/test_hostile_input.py`` walks the same URLs and world with hostile values.
"""

import importlib
import pkgutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver

ROLES = ("anonymous", "learner", "other_learner", "trainer", "board_member", "administrator")

# Shorthands for expectations.
OK, REDIRECT, FORBIDDEN, NOT_FOUND, NOT_ALLOWED = 200, 302, 403, 404, 405


@dataclass
class AccessCase:
    """Who gets what for GET on one URL.

    ``kwargs`` builds the URL's arguments from the world (objects owned by ``learner`` in
    ``partnership``). ``expect`` maps each role to a status code; ``default`` covers roles
    not named.
    """

    expect: dict[str, int]
    kwargs: Callable[[Any], dict] = field(default=lambda world: {})
    default: int | None = None
    query: str = ""

    def status_for(self, role: str) -> int:
        if role in self.expect:
            return self.expect[role]
        if self.default is None:
            raise KeyError(role)
        return self.default


def signed_in_only(status: int = OK, **overrides: int) -> dict[str, int]:
    """Anonymous is sent to sign in; every signed-in role gets ``status``."""
    return {"anonymous": REDIRECT, **dict.fromkeys(ROLES[1:], status), **overrides}


def everyone(status: int = OK, **overrides: int) -> dict[str, int]:
    return {**dict.fromkeys(ROLES, status), **overrides}


# --- walking the URLconf ------------------------------------------------------------------
OUR_APPS = (
    "learning_site",
    "courses",
    "scenarios",
    "research_digest",
    "evaluations",
    "learning_records",
)


def our_url_patterns(resolver=None, namespace="", converters=None) -> Iterator[tuple[str, dict]]:
    """Every named URL whose view is ours, as (name with namespace, path converters)."""
    resolver = resolver or get_resolver()
    converters = converters or {}
    for pattern in resolver.url_patterns:
        found = {**converters, **getattr(pattern.pattern, "converters", {})}
        if isinstance(pattern, URLResolver):
            ns = namespace
            if pattern.namespace:
                ns = f"{namespace}{pattern.namespace}:"
            yield from our_url_patterns(pattern, ns, found)
        elif isinstance(pattern, URLPattern) and pattern.name:
            module = getattr(pattern.callback, "__module__", "") or ""
            view_class = getattr(pattern.callback, "view_class", None)
            if view_class is not None:
                module = view_class.__module__
            # Wagtail's page view, reached through our router (learning_site.page_routing):
            # its pages are walked one page type at a time, not as one URL.
            if pattern.name == "wagtail_serve":
                continue
            if module.split(".")[0] in OUR_APPS:
                yield f"{namespace}{pattern.name}", found


def load_cases() -> tuple[dict[str, AccessCase], list[Callable[[Any], None]]]:
    """Every app's ``CASES`` and ``build_world`` from ``tests/<app>/access_cases.py``."""
    import tests

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


def build_world(home_page) -> SimpleNamespace:
    """Two partnerships, one person per role, and every app's objects (owned by
    ``learner`` in ``partnership``) that the URLs point at."""
    from learning_site.roles import Role
    from tests.factories import make_partnership, make_user

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
    for build in load_cases()[1]:
        build(world)
    return world
