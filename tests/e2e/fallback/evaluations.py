"""Follow-up surveys' pages for the browser tests, registered here by the harness until
``tests/evaluations/browser_registry.py`` exists (which then replaces this file). Needs
the module that ``tests/e2e/fallback/courses.py`` (or courses' own registry) builds."""

from __future__ import annotations

from tests.e2e.browser import submit
from tests.e2e.registry import KeyboardPage, PageType, Visit


def build_world(world) -> None:
    from tests.evaluations.factories import make_instrument, use_everywhere

    instrument = make_instrument()
    use_everywhere(instrument)
    world.objects["survey_instrument"] = instrument


def _baseline(world) -> str:
    return f"/surveys/{world.course.pk}/baseline/"


PAGES = [
    PageType("survey, before the module", lambda w: Visit(_baseline(w), "learner")),
    PageType(
        "survey, with errors",
        lambda w: Visit(_baseline(w), "learner", then=lambda page: submit(page)),
    ),
    PageType("survey preferences", lambda w: Visit("/surveys/preferences/", "learner")),
]

KEYBOARD_PAGES = [
    KeyboardPage(
        "survey, before the module",
        lambda w: Visit(_baseline(w), "learner"),
        must_reach=("main form button[type=submit]",),
    ),
]
