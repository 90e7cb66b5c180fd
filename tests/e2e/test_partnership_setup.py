"""Issue 13's journey in Chromium: a platform administrator sets up a partnership, its
partnership administrator (invited by email, two-factor set up) invites a trainer and a
board member, a learner signs up with the partnership's address and lands in it, and the
board member sees that partnership's report and nothing of the others."""

import re

import pytest
from playwright.sync_api import Page, expect

from learning_site.models import Partnership, User
from learning_site.roles import Role
from tests.e2e.browser import (
    links_in,
    sign_in_with_form,
    sign_out,
    submit,
    totp_code,
    wait_for_email,
)
from tests.factories import TOTP_SECRET

pytestmark = pytest.mark.browser

EAST = "Eastborough Safeguarding Children Partnership"
PASSWORD = "a-long-and-unusual-passphrase"


def _local(world, url: str) -> str:
    return world.url(re.sub(r"^https?://[^/]+", "", url))


def create_partnership(page: Page, world) -> None:
    page.goto(world.url("/admin/partnership/new/"))
    page.locator("#id_name").fill(EAST)
    for index, domain in enumerate(["eastborough.gov.uk", "eastborough-health.example"]):
        page.get_by_role("button", name="Add email domain").click()
        page.locator(f"#id_email_domains-{index}-domain").fill(domain)
    agencies = [
        ("Children's social care", "Eastborough Children's Services", "420"),
        ("Health", "Eastborough Community Health", "310"),
        ("Police", "Eastshire Police", "150"),
    ]
    for index, (kind, name, workforce) in enumerate(agencies):
        page.get_by_role("button", name="Add agency").click()
        page.locator(f"#id_agencies-{index}-kind").select_option(label=kind)
        page.locator(f"#id_agencies-{index}-name").fill(name)
        page.locator(f"#id_agencies-{index}-workforce").fill(workforce)
    with page.expect_navigation():
        page.locator("button[type=submit]", has_text="Create").first.click()
    expect(page.get_by_text(EAST).first).to_be_visible()
    east = Partnership.objects.get(name=EAST)
    assert east.email_domains.count() == 2 and east.agencies.count() == 3


def invite(page: Page, world, email: str, role: str, partnership: str | None = None) -> None:
    page.goto(world.url("/admin/invitation/new/"))
    page.locator("#id_email").fill(email)
    page.locator("#id_role").select_option(label=role)
    if partnership:
        page.locator("#id_partnership").select_option(label=partnership)
    with page.expect_navigation():
        page.locator("button[type=submit]", has_text="Create").first.click()
    expect(page.get_by_text(f"Invitation sent to {email}")).to_be_visible()


def accept_invitation(page: Page, world, email: str, full_name: str, agency: str) -> str:
    """Open the emailed link signed out, make the account; returns the TOTP secret set up
    (staff roles) or an empty string."""
    [link] = links_in(wait_for_email(email), "/accounts/invitation/")
    page.goto(_local(world, link))
    expect(page.get_by_text(email)).to_be_visible()
    page.get_by_label("Full name").fill(full_name)
    page.get_by_label("Agency").select_option(label=agency)
    page.get_by_label("Job role").fill("Partnership business manager")
    page.get_by_label("Create a password").fill(PASSWORD)
    page.get_by_label("Type the password again").fill(PASSWORD)
    submit(page)
    person = User.objects.get(email=email)
    if not person.has_role(Role.TRAINER, Role.BOARD_MEMBER, Role.PARTNERSHIP_ADMIN):
        return ""
    # Staff roles set up two-factor first: confirm the password, then add the app.
    expect(page).to_have_url(re.compile(r"/accounts/(reauthenticate|2fa/totp/activate)/"))
    if "reauthenticate" in page.url:
        page.fill("input[name=password]", PASSWORD)
        submit(page)
    secret = page.locator("#authenticator_secret").input_value()
    page.fill("input[name=code]", totp_code(secret))
    submit(page)
    expect(page).not_to_have_url(re.compile(r"/accounts/2fa/totp/activate/"))
    return secret


def test_a_partnership_is_set_up_by_its_administrators_not_by_its_people(page: Page, world):
    # 1. A platform administrator creates Eastborough and invites its administrator.
    sign_in_with_form(page, world.base_url, world.administrator.email, totp_secret=TOTP_SECRET)
    create_partnership(page, world)
    invite(page, world, "pa@eastborough.gov.uk", "Partnership administrator", EAST)
    sign_out_admin(page, world)

    # 2. The partnership administrator accepts, sets up two-factor, invites two people.
    accept_invitation(
        page, world, "pa@eastborough.gov.uk", "Łucja Wiśniewska-Nguyễn", "Eastshire Police"
    )
    east = Partnership.objects.get(name=EAST)
    pa = User.objects.get(email="pa@eastborough.gov.uk")
    assert pa.partnership == east and pa.is_partnership_admin
    invite(page, world, "trainer@eastborough.gov.uk", "Trainer")
    invite(page, world, "board@eastborough.gov.uk", "Board member")
    # Their listing of partnerships is theirs alone.
    page.goto(world.url("/admin/partnership/"))
    expect(page.get_by_role("main")).to_contain_text(EAST)
    expect(page.get_by_role("main")).not_to_contain_text(world.partnership.name)
    sign_out_admin(page, world)

    # 3. A learner signs up with an Eastborough address and lands in Eastborough.
    page.goto(world.url("/accounts/signup/"))
    expect(page.locator("#id_partnership")).to_have_count(0)
    page.get_by_label("Full name").fill("محمد الأحمد")
    page.get_by_label("Email").fill("m.alahmad@social.eastborough.gov.uk")
    page.get_by_label("Agency").select_option(label="Health")
    page.get_by_label("Job role").fill("Health visitor")
    page.fill("input[name=password1]", PASSWORD)
    page.fill("input[name=password2]", PASSWORD)
    submit(page)
    assert User.objects.get(email="m.alahmad@social.eastborough.gov.uk").partnership == east

    # 4. The board member accepts and reads Eastborough's report, nothing else.
    accept_invitation(
        page, world, "board@eastborough.gov.uk", "Bảo Trần", "Eastborough Children's Services"
    )
    page.goto(world.url("/reports/"))
    main = page.get_by_role("main")
    expect(main).to_contain_text(EAST)
    for other in (world.partnership, world.other_partnership):
        expect(main).not_to_contain_text(other.name)
        page.goto(world.url(f"/reports/?partnership={other.pk}"))
        expect(page.get_by_role("main")).to_contain_text(EAST)
        expect(page.get_by_role("main")).not_to_contain_text(other.name)


def sign_out_admin(page: Page, world) -> None:
    """Sign out from wherever we are (the admin has its own menu): through the site."""
    page.goto(world.url("/accounts/profile/"))
    sign_out(page)
