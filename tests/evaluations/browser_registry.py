"""Follow-up surveys in the browser tests: axe-core on the survey pages, a keyboard pass
through a survey, and a learner who answers the 3-month follow-up from the emailed link.
Needs the module that ``tests/courses/browser_registry.py`` builds (``world.course``)."""

from __future__ import annotations

from tests.courses.conftest import REFLECTION
from tests.e2e.browser import submit
from tests.e2e.registry import FreeTextField, JourneyStep, KeyboardPage, PageType, ShownOn, Visit


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
    PageType(
        "follow-up link opened by someone else signed in",
        lambda w: Visit(_new_follow_up_link(w), "learner", status=403),
    ),
    PageType("survey answers saved from the link", lambda w: Visit("/surveys/saved/")),
]


def answer_the_closed_questions(page) -> None:
    """Choose an answer to every scale, choice and number question on a survey page."""
    main = page.locator("main")
    for name in set(main.locator("input[type=radio]").evaluate_all("els => els.map(e => e.name)")):
        main.locator(f"input[name='{name}']").last.check()
    for name in set(
        main.locator("input[type=checkbox]").evaluate_all("els => els.map(e => e.name)")
    ):
        main.locator(f"input[name='{name}']").first.check()
    for box in main.locator("input[type=number]").all():
        box.fill("2")


def _new_follow_up_link(world) -> str:
    """A new learner who completed the module three months ago, and the link of the
    follow-up the sweep has just emailed them. A new one each time: a link answers once."""
    import re

    from dateutil.relativedelta import relativedelta
    from django.utils import timezone

    from evaluations.sweep import sweep_due_invitations
    from learning_site.roles import Role
    from tests.e2e.browser import links_in, wait_for_email
    from tests.evaluations.factories import complete_module
    from tests.factories import make_user

    learner = make_user(Role.LEARNER, world.partnership)
    now = timezone.now()
    complete_module(learner, world.course, now - relativedelta(months=3, days=1))
    sweep_due_invitations(now)
    [link] = {
        u
        for u in links_in(wait_for_email(learner.email), "/surveys/follow-up/")
        if not u.rstrip("/").endswith("stop")
    }
    return re.sub(r"^https?://[^/]+", "", link)


def _what_changed_field(world) -> str:
    version = world.survey_instrument.current_version()
    return version.frozen_questions.get(key="changed").field_name


def _approve_for_the_report(page, word: str) -> None:
    from playwright.sync_api import expect

    answer = page.locator("main section.card", has_text=word)
    with page.expect_navigation():
        answer.get_by_role("button", name="Approve for the report").click()
    expect(page.locator("main")).to_contain_text("Comment approved")


def _lesson_of_a_module_completed_three_months_ago(world) -> str:
    """The lesson with the reflection prompt, for a learner who completed its module three
    months ago and has been sent the follow-up (set up once)."""
    from dateutil.relativedelta import relativedelta
    from django.utils import timezone

    from courses.models import CourseCompletion
    from evaluations.sweep import sweep_due_invitations
    from tests.evaluations.factories import complete_module

    if not CourseCompletion.objects.filter(user=world.learner, course=world.course).exists():
        now = timezone.now()
        complete_module(world.learner, world.course, now - relativedelta(months=3, days=1))
        sweep_due_invitations(now)
    return world.lesson.url


# A learner's answer to the survey's free-text question ("What do you do differently?"),
# sent from the emailed link without signing in. Trainers read it, without a name, on the
# comments page and approve it for the board; board members then read it in the report.
FREE_TEXT_FIELDS = [
    FreeTextField(
        "follow-up survey answer",
        form_path=_new_follow_up_link,
        field=_what_changed_field,
        role="anonymous",
        submit="main button[name=action][value=submit]",
        fill_other=answer_the_closed_questions,
        payload_share=(2, 3),
        shown_on=(
            ShownOn(lambda w: "/reports/comments/", role="trainer", then=_approve_for_the_report),
            ShownOn(lambda w: "/reports/", role="board_member"),
        ),
    ),
    # The lesson's reflection, shown back to its author (and no one else) under "You
    # wrote" when they open the 3-month follow-up from My learning.
    FreeTextField(
        "lesson reflection, in the follow-up survey",
        form_path=_lesson_of_a_module_completed_three_months_ago,
        field=f"reflection-{REFLECTION['key']}-text",
        submit=f"#reflection-{REFLECTION['key']} button[type=submit]",
        payload_share=(1, 3),
        shown_on=(ShownOn(lambda w: f"/surveys/{w.course.pk}/three_months/"),),
    ),
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
    answer_the_closed_questions(page)
    for area in page.locator("main textarea").all():
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
