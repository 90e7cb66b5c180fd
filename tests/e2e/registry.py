"""What the browser tests cover, gathered from every app.

Each app adds its own entries in ``tests/<app>/browser_registry.py`` (no edit here
needed); every name below is optional in that module:

``PAGES``
    list of :class:`PageType` - each page type is loaded in Chromium and checked with
    axe-core (WCAG 2.0/2.1/2.2 A and AA) for zero violations.
``FREE_TEXT_FIELDS``
    list of :class:`FreeTextField` - every learner free-text field; each XSS payload in
    ``tests/security/xss_payloads.txt`` is submitted and every page that shows it (to the
    learner, or to a trainer or board member) is checked.
``LEARNER_JOURNEY`` / ``TRAINER_JOURNEY`` / ``BOARD_JOURNEY``
    list of :class:`JourneyStep` - appended, in ``INSTALLED_APPS`` order, to the journeys
    in ``tests/e2e/test_journeys.py`` after the account steps. A step is
    ``run(page, world)``; in the learner journey the person signed in is
    ``world.journey_learner`` (a new learner of ``world.partnership``).
``KEYBOARD_PAGES``
    list of :class:`KeyboardPage` - pages tabbed through with the keyboard only.
``build_world(world)``
    creates the app's objects for the tests (e.g. a published demo module); store them in
    ``world.objects["name"]`` and read them back as ``world.name``. A person the app needs
    besides the usual one per role goes in ``world.users["name"]``, so ``"name"`` can be
    a :class:`Visit`'s role.

A setup function gets the :class:`tests.e2e.world.World` (people per role, partnerships,
home page, base URL) and returns a :class:`Visit`: the path, who is signed in, and
optional actions once the page is open (e.g. submit an empty form to show its errors).

The harness can also register an app's pages in ``tests/e2e/fallback/<app>.py`` before
the app has a module of its own; once ``tests/<app>/browser_registry.py`` exists it is
used instead and the fallback file is ignored (move what you want across, then delete it).
No app needs a fallback at present: the directory holds only its ``__init__.py``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from tests.e2e.world import World

TESTS_DIR = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Visit:
    path: str
    # A key of World.users, or "anonymous".
    role: str = "anonymous"
    # Sign in through the real form rather than a session cookie (allauth asks for a
    # recent sign-in before two-factor set-up, for example).
    sign_in_with_form: bool = False
    # Runs after the page has loaded: fill in and submit a form to show its errors, etc.
    then: Callable[[Page], None] | None = None
    # The status the page is expected to answer with (404 for the not-found page).
    status: int = 200


@dataclass(frozen=True)
class PageType:
    name: str
    setup: Callable[[World], Visit]


@dataclass(frozen=True)
class ShownOn:
    """A page that shows what a learner wrote, and who opens it."""

    # Path of the page (may be the form's own page).
    path: Callable[[World], str]
    # A key of World.users, or "anonymous"; empty for the person who wrote it.
    role: str = ""
    # Runs on this page once it has been checked, given the payload's plain word (see
    # ``tests.security.payloads.marked``): e.g. a trainer approves the answer for the
    # board's report, which the next ShownOn opens.
    then: Callable[[Page, str], None] | None = None


@dataclass(frozen=True)
class FreeTextField:
    """One field where a learner types free text, and the pages where it is shown."""

    name: str
    # Path of the page with the form. Called once per payload, so a form that can be sent
    # only once (a survey) can give a fresh path each time, e.g. a new single-use link.
    form_path: Callable[[World], str]
    # The input's ``name`` attribute, or a function of the world giving it (for a name made
    # at run time, such as a survey question's).
    field: str | Callable[[World], str]
    # Every page that shows what was saved, checked in this order after each payload.
    shown_on: tuple[ShownOn, ...]
    # Who fills in the form: a key of World.users, or "anonymous" (an emailed link).
    role: str = "learner"
    # Selector of the button that submits the form holding the field.
    submit: str = "main form button[type=submit]"
    # Fill the form's other required inputs, if the form needs more than this field.
    fill_other: Callable[[Page], None] | None = None
    # Longest value the field accepts; longer payloads are cut to fit.
    max_length: int | None = None
    # Which payloads of the corpus this field takes in the browser: those whose index is
    # ``offset`` modulo ``step``. The three fields that take several pages per payload
    # (reflections, the follow-up answer) take a different third each, so every payload is
    # still rendered in the browser through those flows, and the fast test takes every
    # payload through the same cleaning and rendering. (It kept CI under 30 minutes: the
    # whole corpus on those three fields took 70% of the browser tests' time.)
    payload_share: tuple[int, int] = (0, 1)


@dataclass(frozen=True)
class JourneyStep:
    name: str
    run: Callable[[Page, World], None]
    # False when the step needs JavaScript (it is then left out of the no-JavaScript run).
    works_without_js: bool = True


@dataclass(frozen=True)
class KeyboardPage:
    """A page to tab through: focus must move in visual order, be visible, never trap."""

    name: str
    setup: Callable[[World], Visit]
    # CSS selectors that must receive focus, in this order, while tabbing.
    must_reach: tuple[str, ...] = ()


def app_registries() -> list[ModuleType]:
    """``tests/<app>/browser_registry.py`` modules, core first, then INSTALLED_APPS order."""
    from django.conf import settings

    order = {label.split(".")[0]: i for i, label in enumerate(settings.INSTALLED_APPS)}
    own = {p.parent.name for p in TESTS_DIR.glob("*/browser_registry.py")}
    # An app without its own registry may be covered by tests/e2e/fallback/<app>.py.
    fallback = {p.stem for p in (TESTS_DIR / "e2e" / "fallback").glob("*.py")} - {"__init__"}
    modules = [importlib.import_module("tests.e2e.core_registry")]
    for name in sorted(own | fallback, key=lambda n: (order.get(n, len(order)), n)):
        module = f"tests.{name}.browser_registry" if name in own else f"tests.e2e.fallback.{name}"
        modules.append(importlib.import_module(module))
    return modules


def collect(name: str) -> list:
    items: list = []
    for module in app_registries():
        items.extend(getattr(module, name, []))
    return items


def ids(items) -> list[str]:
    return [item.name for item in items]
