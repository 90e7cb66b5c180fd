"""Modules in the browser tests: axe-core on each page type, the journal's free text
against the XSS corpus, and a learner who enrols, completes a module and downloads the
certificate."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.courses.conftest import REFLECTION, build_course
from tests.e2e.browser import submit
from tests.e2e.registry import FreeTextField, JourneyStep, PageType, ShownOn, Visit


def build_world(world) -> None:
    from courses.models import JournalEntry
    from courses.services import enrol
    from learning_site.roles import Role
    from tests.factories import make_user

    course, lesson1, lesson2 = build_course(world.home_page)
    world.objects.update(course=course, lesson=lesson1, other_lesson=lesson2)
    # Enrolled. The module's 'before' survey (tests/evaluations/browser_registry.py sets
    # one for every wave) is still to answer; lessons do not wait for it.
    enrol(world.learner, course)
    # Another has just enrolled: the 'before' questions are still to answer.
    world.users["starting_learner"] = make_user(
        Role.LEARNER, world.partnership, full_name="Sam Starter"
    )
    enrol(world.starting_learner, course)
    world.objects["journal_entry"] = JournalEntry.objects.create(
        author=world.learner, title="After the home visit", body="The kitchen had no food."
    )


def _is_the_lesson(world):
    """The lesson itself: lessons do not wait for the module's 'before' survey."""

    def then(page: Page) -> None:
        expect(page.get_by_role("heading", level=1)).to_have_text(world.lesson.title)

    return then


PAGES = [
    PageType("my learning", lambda w: Visit("/learning/", "learner")),
    PageType("module index", lambda w: Visit(w.course.get_parent().url)),
    PageType("module page (signed out)", lambda w: Visit(w.course.url)),
    PageType("module page (enrolled learner)", lambda w: Visit(w.course.url, "learner")),
    PageType(
        "questions before the module",
        lambda w: Visit(f"/surveys/{w.course.pk}/baseline/", "starting_learner"),
    ),
    PageType("lesson page", lambda w: Visit(w.lesson.url, "learner", then=_is_the_lesson(w))),
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
    PageType("check a certificate, with errors", lambda w: Visit("/certificates/verify/?code=")),
]


def _reflection_in_the_journal(world) -> str:
    from courses.models import JournalEntry

    entry = JournalEntry.objects.get(
        author=world.learner, lesson=world.lesson, reflection_key=REFLECTION["key"]
    )
    return f"/learning/journal/{entry.pk}/"


FREE_TEXT_FIELDS = [
    FreeTextField(
        "journal entry body",
        form_path=lambda w: f"/learning/journal/{w.journal_entry.pk}/edit/",
        field="body",
        shown_on=(ShownOn(lambda w: f"/learning/journal/{w.journal_entry.pk}/"),),
    ),
    # The lesson's reflection prompt saves to the private journal; the lesson shows the
    # saved words back in its box, and the journal lists the entry and shows it in full.
    FreeTextField(
        "lesson reflection",
        form_path=lambda w: w.lesson.url,
        field=f"reflection-{REFLECTION['key']}-text",
        submit=f"#reflection-{REFLECTION['key']} button[type=submit]",
        payload_share=(0, 3),
        shown_on=(
            ShownOn(lambda w: w.lesson.url),
            ShownOn(lambda w: "/learning/journal/"),
            ShownOn(_reflection_in_the_journal),
        ),
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


def complete_the_module_and_download_the_certificate(page: Page, world) -> None:
    """Answer the 'before' questions, get a check wrong then right, write the required
    reflection, finish the lessons and download the certificate PDF."""
    from courses.models import Certificate
    from tests.evaluations.browser_registry import answer_the_closed_questions

    course = world.course
    page.goto(world.url(f"/surveys/{course.pk}/baseline/"))
    answer_the_closed_questions(page)
    submit(page, "main button[name=action][value=submit]")
    expect(page.get_by_role("heading", level=1)).to_have_text(world.lesson.title)

    page.locator("input[name='check-definition-answer'][value='1']").check()
    submit(page, "#check-definition button[type=submit]")
    expect(page.locator("#check-definition")).to_contain_text("Not quite")
    page.locator("input[name='check-definition-answer'][value='0']").check()
    submit(page, "#check-definition button[type=submit]")
    expect(page.locator("#check-definition")).to_contain_text("Correct")
    page.get_by_label(re.compile("Think of a child")).fill(
        "She makes her own breakfast. I will ask her."
    )
    submit(page, "#reflection-day-in-the-life button[type=submit]")
    expect(page.locator("main")).to_contain_text("saved in your journal")

    page.get_by_role("link", name=re.compile("^Next:")).click()
    for value in ("0", "1"):
        page.locator(f"input[name='check-hidden-children-answer'][value='{value}']").check()
    submit(page, "#check-hidden-children button[type=submit]")
    expect(page.locator("main")).to_contain_text("completed")

    page.goto(world.url(course.url))
    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile("Download your certificate")).click()
    download = download_info.value
    assert download.suggested_filename.startswith("certificate-")
    with open(download.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
    assert Certificate.objects.filter(completion__user=world.journey_learner).exists()


LEARNER_JOURNEY = [
    JourneyStep("enrol in a module", enrol_in_a_module),
    JourneyStep(
        "complete the module and download the certificate",
        complete_the_module_and_download_the_certificate,
    ),
]
