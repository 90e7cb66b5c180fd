"""Follow-up surveys in the browser tests: axe-core on the survey pages, a keyboard pass
through a survey, and a learner who answers the 3-month follow-up from the emailed link.
Needs the module that ``tests/courses/browser_registry.py`` builds (``world.course``)."""

from __future__ import annotations

from tests.e2e.browser import submit
from tests.e2e.registry import JourneyStep, KeyboardPage, PageType, Visit


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


def answer_the_three_month_follow_up_from_the_email(page, world) -> None:
    """Three months after completion the sweep sends the invitation; the learner opens
    the emailed link (no sign-in needed) and answers; the invitation is then answered."""
    import io
    import re

    from dateutil.relativedelta import relativedelta
    from django.core.management import call_command
    from playwright.sync_api import expect

    from courses.models import CourseCompletion
    from evaluations.models import FollowUpInvitation
    from tests.e2e.browser import links_in, wait_for_email

    learner = world.journey_learner
    completion = CourseCompletion.objects.get(user=learner, course=world.course)
    later = completion.completed_at + relativedelta(months=3, days=1)
    call_command("send_due_followups", "--now", later.isoformat(), stdout=io.StringIO())
    message = wait_for_email(learner.email)
    [link] = {
        u for u in links_in(message, "/surveys/follow-up/") if not u.rstrip("/").endswith("stop")
    }
    page.goto(world.url(re.sub(r"^https?://[^/]+", "", link)))
    main = page.locator("main")
    for name in set(main.locator("input[type=radio]").evaluate_all("els => els.map(e => e.name)")):
        main.locator(f"input[name='{name}']").last.check()
    for name in set(
        main.locator("input[type=checkbox]").evaluate_all("els => els.map(e => e.name)")
    ):
        main.locator(f"input[name='{name}']").first.check()
    for box in main.locator("input[type=number]").all():
        box.fill("2")
    for area in main.locator("textarea").all():
        area.fill("I now start every assessment with a chronology.")
    submit(page, "main button[name=action][value=submit]")
    expect(page.locator("main")).to_contain_text(re.compile("thank", re.I))
    invitation = FollowUpInvitation.objects.get(
        user=learner, course=world.course, wave="three_months"
    )
    assert invitation.status == "responded"


LEARNER_JOURNEY = [
    JourneyStep(
        "three months on, answer the follow-up from the emailed link",
        answer_the_three_month_follow_up_from_the_email,
    ),
]
