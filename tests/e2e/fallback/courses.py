"""Modules' pages for the browser tests, registered here by the harness until
``tests/courses/browser_registry.py`` exists (which then replaces this file)."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.e2e.browser import submit
from tests.e2e.registry import FreeTextField, JourneyStep, PageType, Visit


def build_world(world) -> None:
    from courses.models import JournalEntry
    from courses.services import enrol
    from tests.courses.conftest import build_course

    course, lesson1, lesson2 = build_course(world.home_page)
    world.objects.update(course=course, lesson=lesson1, other_lesson=lesson2)
    enrol(world.learner, course)
    world.objects["journal_entry"] = JournalEntry.objects.create(
        author=world.learner, title="After the home visit", body="The kitchen had no food."
    )


PAGES = [
    PageType("my learning", lambda w: Visit("/learning/", "learner")),
    PageType("module index", lambda w: Visit(w.course.get_parent().url)),
    PageType("module page (signed out)", lambda w: Visit(w.course.url)),
    PageType("module page (enrolled learner)", lambda w: Visit(w.course.url, "learner")),
    PageType("lesson page", lambda w: Visit(w.lesson.url, "learner")),
    PageType("journal", lambda w: Visit("/learning/journal/", "learner")),
    PageType(
        "journal entry", lambda w: Visit(f"/learning/journal/{w.journal_entry.pk}/", "learner")
    ),
    PageType(
        "new journal entry, with errors",
        lambda w: Visit("/learning/journal/new/", "learner", then=lambda page: submit(page)),
    ),
    PageType("CPD record", lambda w: Visit("/learning/cpd-record/", "learner")),
    PageType("check a certificate", lambda w: Visit("/certificates/verify/")),
]

FREE_TEXT_FIELDS = [
    FreeTextField(
        "journal entry body",
        form_path=lambda w: f"/learning/journal/{w.journal_entry.pk}/edit/",
        field="body",
        rendered_path=lambda w: f"/learning/journal/{w.journal_entry.pk}/",
    ),
]


def enrol_in_a_module(page: Page, world) -> None:
    from courses.services import active_enrolment

    course = world.course
    page.goto(world.url(course.url))
    page.locator(f"form[action$='/modules/{course.pk}/enrol/'] button").click()
    page.wait_for_load_state()
    assert active_enrolment(world.journey_learner, course) is not None
    expect(page.locator("main")).to_contain_text(re.compile("enrolled|Continue|Start", re.I))


LEARNER_JOURNEY = [JourneyStep("enrol in a module", enrol_in_a_module)]
