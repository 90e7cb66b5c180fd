"""Issue 14's "done when": two learners whose names need more than Latin-1, in Chromium,
from sign-up to the 3-month follow-up.

Sign up and confirm by the emailed link → enrol → the module's 'before' questions → the
lessons (a reflection in lesson 1) → a case scenario last, which completes the module →
the 'after' questions and their own before → after → the certificate PDF with the name
drawn (its text read back) → the CPD record as PDF and CSV → three months on, the
follow-up opened from the emailed link while signed in, quoting their reflection.
"""

import io
import re
import unicodedata

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

from learning_site import pdf_fonts
from tests import pdf_checks
from tests.e2e.browser import links_in, submit, wait_for_email
from tests.evaluations.browser_registry import answer_the_closed_questions

pytestmark = pytest.mark.browser

LEARNERS = [
    ("Łucja Wiśniewska-Nguyễn", "lucja.wisniewska@northshire.gov.uk"),
    ("زینب علی", "zainab.ali@northshire.gov.uk"),
]
PASSWORD = "a-long-and-unusual-passphrase"
REFLECTION = "She gets herself up and finds cereal. I will ask her about breakfast."


@pytest.fixture
def module_with_scenario_last(world):
    """A module whose third lesson asks for the world's case scenario."""
    from courses.models import LessonPage
    from tests.courses.conftest import build_course

    course, lesson1, lesson2 = build_course(world.home_page, slug="names-module")
    lesson3 = LessonPage(
        title="Play the case",
        slug="play-the-case",
        body=[{"type": "scenario", "value": {"scenario": world.scenario.pk, "intro": "Try it."}}],
    )
    course.add_child(instance=lesson3)
    lesson3.save_revision().publish()
    return course, (lesson1, lesson2, lesson3)


def sign_up(page: Page, world, name: str, email: str) -> None:
    page.goto(world.url("/accounts/signup/"))
    page.get_by_label("Full name").fill(name)
    page.get_by_label("Email").fill(email)
    page.get_by_label("Agency").select_option(label="Health")
    page.get_by_label("Job role").fill("Health visitor")
    page.fill("input[name=password1]", PASSWORD)
    page.fill("input[name=password2]", PASSWORD)
    submit(page)
    [link] = links_in(wait_for_email(email), "/accounts/confirm-email/")
    page.goto(world.url(re.sub(r"^https?://[^/]+", "", link)))
    submit(page)
    expect(page.locator("form[action$='/accounts/logout/']")).to_have_count(1)


def answer_survey(page: Page, confidence: str) -> None:
    """Every question answered; the confidence scale at ``confidence``; send."""
    answer_the_closed_questions(page)
    # The first question is the confidence scale (tests/evaluations/factories.py).
    page.locator(f"main input[type=radio][value='{confidence}']").first.check()
    submit(page, "main button[name=action][value=submit]")


def download(page: Page, link_name) -> bytes:
    with page.expect_download() as info:
        page.get_by_role("link", name=link_name).first.click()
    with open(info.value.path(), "rb") as handle:
        return handle.read()


def take_the_module(page: Page, world, course, lessons) -> None:
    lesson1, lesson2, lesson3 = lessons
    page.goto(world.url(course.url))
    page.get_by_role("button", name="Enrol on this module").click()
    # Enrolling leads to the 'before' questions: the survey and the module's knowledge
    # questions, with a way to skip them.
    expect(page.get_by_role("heading", level=1)).to_contain_text("Before you start")
    expect(page.get_by_role("link", name=re.compile("Skip for now"))).to_be_visible()
    expect(page.locator("main")).to_contain_text("Knowledge question 1")
    answer_survey(page, "2")
    expect(page.get_by_role("heading", level=1)).to_have_text(lesson1.title)

    page.locator("input[name='check-definition-answer'][value='0']").check()
    submit(page, "#check-definition button[type=submit]")
    page.get_by_label(re.compile("Think of a child")).fill(REFLECTION)
    submit(page, "#reflection-day-in-the-life button[type=submit]")
    expect(page.locator("main")).to_contain_text("saved in your journal")
    page.get_by_role("link", name=re.compile("^Next:")).click()
    for value in ("0", "1"):
        page.locator(f"input[name='check-hidden-children-answer'][value='{value}']").check()
    submit(page, "#check-hidden-children button[type=submit]")
    expect(page.locator("main")).not_to_contain_text("You have completed")

    # The scenario is the last thing done: finishing it completes the module.
    page.get_by_role("link", name=re.compile("^Next:")).click()
    page.locator("main").get_by_role("link", name="Play the scenario").click()
    page.get_by_role("button", name=re.compile("Start the scenario")).click()
    page.get_by_role("button", name="Start an assessment now").click()
    page.get_by_role("button", name="Convene a strategy meeting").click()
    expect(page).to_have_url(re.compile(r"/debrief/$"))
    expect(page.locator("main")).to_contain_text(f"You have completed '{course.title}'")
    # The debrief leads back to the module that asked for the scenario.
    page.locator(f"main a[href='{course.url}']").first.click()
    expect(page.locator("main")).to_contain_text("You completed this module")


def see_the_change(page: Page, world, course) -> None:
    page.get_by_role("link", name=re.compile("Answer the 'after' questions")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Now you have finished")
    answer_survey(page, "5")
    expect(page).to_have_url(world.url(course.url))
    change = page.locator("main")
    expect(change).to_contain_text("What changed for you")
    expect(change).to_contain_text(
        "Your confidence recognising disguised compliance went from 2 to 5"
    )
    page.goto(world.url("/learning/"))
    expect(page.locator("main")).to_contain_text(
        "Your confidence recognising disguised compliance went from 2 to 5"
    )


def certificate_and_cpd(page: Page, world, course, name: str) -> None:
    page.goto(world.url(course.url))
    pdf = download(page, re.compile("Download your certificate"))
    assert pdf.startswith(b"%PDF-")
    assert pdf_checks.tofu(pdf) == []
    text = pdf_checks.text(pdf)
    assert all(word in text for word in name.split()), text
    # The rendered page: PDFium draws every letter of the name (Arabic joined,
    # right-to-left) on the certificate's one name line.
    drawn = pdf_fonts.one_line(name).replace(" ", "")
    name_boxes, _ = pdf_checks.certificate_name_boxes(pdf)
    # (PDFium reports Arabic's joined forms as their letters, as NFKC folds them.)
    assert sorted(b.char for b in name_boxes) == sorted(unicodedata.normalize("NFKC", drawn))

    page.goto(world.url("/learning/cpd-record/"))
    expect(page.locator("main")).to_contain_text(course.title)
    cpd_pdf = download(page, re.compile("PDF"))
    assert cpd_pdf.startswith(b"%PDF-") and pdf_checks.tofu(cpd_pdf) == []
    cpd_text = pdf_checks.text(cpd_pdf)
    assert course.title in cpd_text
    assert all(word in cpd_text for word in name.split())
    csv_bytes = download(page, re.compile("spreadsheet|CSV"))
    rows = csv_bytes.decode("utf-8-sig").splitlines()
    assert len(rows) >= 2 and any(course.title in row for row in rows[1:])


def follow_up_from_the_email(page: Page, world, course, email: str) -> None:
    from dateutil.relativedelta import relativedelta

    from courses.models import CourseCompletion

    completion = CourseCompletion.objects.get(user__email=email, course=course)
    later = completion.completed_at + relativedelta(months=3, days=1)
    call_command("send_due_followups", "--now", later.isoformat(), stdout=io.StringIO())
    message = wait_for_email(email)
    [link] = {
        u for u in links_in(message, "/surveys/follow-up/") if not u.rstrip("/").endswith("stop")
    }
    page.goto(world.url(re.sub(r"^https?://[^/]+", "", link)))
    quoted = page.locator("main .survey-reflection")
    expect(quoted).to_contain_text("You wrote")
    expect(quoted).to_contain_text(REFLECTION)
    expect(quoted).to_contain_text("In lesson 1, What neglect is")


@pytest.mark.parametrize(("name", "email"), LEARNERS, ids=["polish-vietnamese", "urdu"])
def test_a_learner_named_in_any_script_goes_from_sign_up_to_the_follow_up(
    name, email, world, page, module_with_scenario_last
):
    course, lessons = module_with_scenario_last
    sign_up(page, world, name, email)
    take_the_module(page, world, course, lessons)
    see_the_change(page, world, course)
    certificate_and_cpd(page, world, course, name)
    follow_up_from_the_email(page, world, course, email)
