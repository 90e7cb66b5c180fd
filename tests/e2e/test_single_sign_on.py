"""Issue 18's single sign-on in Chromium, against a real OpenID provider (oidc-provider
from npm on localhost): a learner at a claimed domain finds "Sign in with …", signs in
at the council's page, and lands back here signed in, in that partnership, as a learner.
"""

import pytest
from playwright.sync_api import Page, expect

from learning_site.models import PartnershipSignOn, User
from tests.identity_provider import needs_identity_provider, start_identity_provider

pytestmark = [pytest.mark.browser, *needs_identity_provider]

EMAIL = "sam.sso@northshire.gov.uk"


@pytest.fixture
def council_provider(world):
    partnership = world.partnership
    callback = world.url(f"/accounts/oidc/{partnership.slug}/login/callback/")
    provider = start_identity_provider(
        clients=[
            {"client_id": "learning-site", "client_secret": "s3cret", "redirect_uris": [callback]}
        ],
        users={EMAIL: {"name": "Sam Single-Sign-On"}},
    )
    PartnershipSignOn.objects.create(
        partnership=partnership,
        provider_name="Northshire Council",
        issuer=provider.issuer,
        client_id="learning-site",
        client_secret="s3cret",  # noqa: S106
    )
    yield provider
    provider.stop()


@pytest.mark.parametrize("java_script", [True, False], ids=["with-js", "without-js"])
def test_a_learner_signs_in_with_the_councils_account(
    new_context, world, council_provider, java_script
):
    page: Page = new_context(java_script=java_script).new_page()
    page.goto(world.url("/accounts/login/"))
    page.get_by_role("link", name="Sign in with your organisation's account").click()
    page.get_by_label("Work email address").fill(EMAIL)
    page.get_by_role("button", name="Continue").click()

    page.get_by_role("button", name="Sign in with Northshire Council").click()

    # The council's own sign-in page, on the provider.
    expect(page.get_by_role("heading", name="Test council sign-in")).to_be_visible()
    assert page.url.startswith(council_provider.issuer)
    page.get_by_label("Council email address").fill(EMAIL)
    page.get_by_role("button", name="Sign in to the council").click()

    # Back here, signed in, on their learning.
    page.wait_for_url(lambda url: url.startswith(world.base_url) and "/accounts/" not in url)
    expect(page.get_by_role("button", name="Sign out").first).to_be_attached()
    person = User.objects.get(email=EMAIL)
    assert person.partnership == world.partnership
    assert person.role_names == {"Learner"}
    assert person.full_name == "Sam Single-Sign-On"
    page.goto(world.url("/accounts/profile/"))
    expect(page.get_by_text(EMAIL).first).to_be_visible()
