"""The people and pages every browser test starts from.

Browser tests use ``transactional_db`` (the live server thread must see committed rows),
and each test ends with a flush that also removes the rows Wagtail's data migrations made
(the root page, root collection, default locale). ``build_world`` puts those back, then
creates one person per role with the factories, the home page, and lets each app add its
own objects through ``build_world(world)`` in ``tests/<app>/browser_registry.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from learning_site.roles import Role
from tests.factories import make_partnership, make_user

ROLES = ("anonymous", "learner", "other_learner", "trainer", "board_member", "administrator")


def ensure_wagtail_roots() -> None:
    from django.conf import settings
    from django.utils.translation import get_supported_language_variant
    from wagtail.models import Collection, Locale, Page

    code = get_supported_language_variant(settings.LANGUAGE_CODE)
    if not Locale.objects.exists():
        Locale.objects.create(language_code=code)
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root", live=True))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")


@dataclass
class World:
    base_url: str
    partnership: Any = None
    other_partnership: Any = None
    home_page: Any = None
    users: dict[str, Any] = field(default_factory=dict)
    # Apps put their objects here in their build_world(world), keyed by their own names.
    objects: dict[str, Any] = field(default_factory=dict)

    def user(self, role: str):
        return self.users[role]

    def url(self, path: str) -> str:
        return self.base_url + path

    def __getattr__(self, name: str):
        users = self.__dict__.get("users", {})
        if name in users:
            return users[name]
        objects = self.__dict__.get("objects", {})
        if name in objects:
            return objects[name]
        raise AttributeError(name)


def build_world(base_url: str) -> World:
    from learning_site.demo import seed_home_page
    from learning_site.models import PartnershipDomain
    from learning_site.roles import ensure_roles
    from tests.e2e.registry import app_registries

    ensure_wagtail_roots()
    ensure_roles()
    world = World(base_url=base_url)
    world.home_page = seed_home_page()
    world.partnership = make_partnership("Northshire Safeguarding Children Partnership")
    world.other_partnership = make_partnership("Riverside Safeguarding Children Partnership")
    p, other = world.partnership, world.other_partnership
    # Sign-ups at these domains join the partnership (nobody picks their own).
    PartnershipDomain.objects.create(partnership=p, domain="northshire.gov.uk")
    PartnershipDomain.objects.create(partnership=other, domain="riverside.gov.uk")
    world.users = {
        "learner": make_user(Role.LEARNER, p, full_name="Lee Learner"),
        "other_learner": make_user(Role.LEARNER, other, full_name="Olu Otherplace"),
        "trainer": make_user(Role.TRAINER, p, full_name="Tara Trainer"),
        "board_member": make_user(Role.BOARD_MEMBER, p, full_name="Bea Board"),
        "administrator": make_user(Role.ADMINISTRATOR, p, full_name="Ada Admin"),
        # A staff role that has not set up two-factor yet: for the set-up pages.
        "trainer_without_2fa": make_user(
            Role.TRAINER, p, full_name="Nia Newtrainer", two_factor=False
        ),
    }
    for module in app_registries():
        hook = getattr(module, "build_world", None)
        if hook is not None:
            hook(world)
    return world
