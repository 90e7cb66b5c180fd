"""Whole journeys a person takes, in Chromium against the live server.

(a) A learner signs up through the real form, confirms the emailed link, edits their
    profile, signs out and in again - with JavaScript on and off - then every app's
    ``LEARNER_JOURNEY`` steps run in order (enrol, play a scenario, answer a survey...).
(b) A trainer signs in with the two-factor code and reaches the Wagtail admin, then the
    apps' ``TRAINER_JOURNEY`` steps (e.g. build and publish a scenario).
(c) A board member signs in with the two-factor code and lands outside the admin, then
    the apps' ``BOARD_JOURNEY`` steps (e.g. open the impact report).
"""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.browser import (
    links_in,
    sign_in_with_form,
    sign_out,
    submit,
    totp_code,
    wait_for_email,
)
from tests.e2e.registry import collect
from tests.factories import PASSWORD, TOTP_SECRET

pytestmark = pytest.mark.browser

NEW_LEARNER = {
    "full_name": "Jo Newcomer",
    "email": "jo.newcomer@northshire.gov.uk",
    "agency": "Health",
    "job_role": "Health visitor",
    "password": "a-long-and-unusual-passphrase",
}


def sign_up(page: Page, world) -> None:
    page.goto(world.url("/"))
    page.get_by_role("main").get_by_role("link", name="Create an account").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    page.get_by_label("Full name").fill(NEW_LEARNER["full_name"])
    page.get_by_label("Email").fill(NEW_LEARNER["email"])
    page.get_by_label("Agency").select_option(label=NEW_LEARNER["agency"])
    page.get_by_label("Job role").fill(NEW_LEARNER["job_role"])
    page.fill("input[name=password1]", NEW_LEARNER["password"])
    page.fill("input[name=password2]", NEW_LEARNER["password"])
    submit(page)
    expect(page).to_have_url(re.compile(r"/accounts/confirm-email/$"))


def confirm_email(page: Page, world) -> None:
    message = wait_for_email(NEW_LEARNER["email"])
    [link] = links_in(message, "/accounts/confirm-email/")
    # The link in the email names the site's configured host; open it on the live server.
    path = re.sub(r"^https?://[^/]+", "", link)
    page.goto(world.url(path))
    submit(page)
    # Confirming signs the learner in (ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION).
    expect(page.locator("form[action$='/accounts/logout/']")).to_have_count(1)
    from learning_site.models import User

    # Later steps (apps' LEARNER_JOURNEY) read the signed-in learner from here.
    world.objects["journey_learner"] = User.objects.get(email=NEW_LEARNER["email"])


def edit_profile(page: Page, world) -> None:
    page.get_by_role("navigation", name="Account").get_by_role("link", name="Your account").click()
    expect(page.get_by_label("Full name")).to_have_value(NEW_LEARNER["full_name"])
    page.get_by_label("Job role").fill("Specialist health visitor")
    submit(page)
    expect(page.get_by_text("Your profile has been updated.")).to_be_visible()
    expect(page.get_by_label("Job role")).to_have_value("Specialist health visitor")


def sign_out_and_in(page: Page, world) -> None:
    sign_out(page)
    sign_in_with_form(page, world.base_url, NEW_LEARNER["email"], NEW_LEARNER["password"])


def learner_account_steps():
    from tests.e2e.registry import JourneyStep

    return [
        JourneyStep("sign up", sign_up),
        JourneyStep("confirm the emailed link", confirm_email),
        JourneyStep("edit profile", edit_profile),
        JourneyStep("sign out and in again", sign_out_and_in),
    ]


def run_steps(page: Page, world, steps, *, java_script: bool = True) -> list[str]:
    done = []
    for step in steps:
        if not java_script and not step.works_without_js:
            continue
        try:
            step.run(page, world)
        except Exception as error:
            raise AssertionError(
                f"Journey failed at step {step.name!r} (after {done}) on {page.url}: {error}"
            ) from error
        done.append(step.name)
    return done


@pytest.mark.parametrize("java_script", [True, False], ids=["javascript", "no-javascript"])
def test_learner_journey(java_script, world, new_context):
    page = new_context(java_script=java_script).new_page()
    steps = learner_account_steps() + collect("LEARNER_JOURNEY")
    done = run_steps(page, world, steps, java_script=java_script)
    assert done[:4] == [
        "sign up",
        "confirm the emailed link",
        "edit profile",
        "sign out and in again",
    ]

    from learning_site.models import User

    learner = User.objects.get(email=NEW_LEARNER["email"])
    assert learner.is_learner and learner.partnership == world.partnership
    assert learner.job_role == "Specialist health visitor"


def test_trainer_journey(world, page):
    trainer = world.trainer
    page.goto(world.url("/accounts/login/"))
    page.fill("input[name=login]", trainer.email)
    page.fill("input[name=password]", PASSWORD)
    submit(page)
    # Not signed in until the code is given: the admin still sends them to sign in.
    expect(page).to_have_url(re.compile(r"/accounts/2fa/authenticate/"))
    page.fill("input[name=code]", "000000")
    submit(page)
    expect(page).to_have_url(re.compile(r"/accounts/2fa/authenticate/"))
    expect(page.locator(".error-summary")).to_be_visible()
    page.fill("input[name=code]", totp_code(TOTP_SECRET))
    submit(page)
    # Trainers land in the Wagtail admin.
    expect(page).to_have_url(re.compile(r"/admin/$"))
    expect(page.locator("body")).to_contain_text("Neglect learning")
    run_steps(page, world, collect("TRAINER_JOURNEY"))


def test_board_member_journey(world, page):
    board = world.board_member
    sign_in_with_form(page, world.base_url, board.email, PASSWORD, totp_secret=TOTP_SECRET)
    # Board members land outside the Wagtail admin.
    assert "/admin/" not in page.url
    run_steps(page, world, collect("BOARD_JOURNEY"))
