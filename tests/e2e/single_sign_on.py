"""The partnership's council provider (a real oidc-provider on localhost) and the
learner's sign-in through it, for the browser tests that start signed in that way."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.identity_provider import start_identity_provider

COUNCIL_EMAIL = "sam.sso@northshire.gov.uk"
COUNCIL_NAME = "Sam Single-Sign-On"


@pytest.fixture
def council_provider(world):
    """Northshire's OpenID provider, configured for the partnership as an administrator
    would in the admin."""
    from learning_site.models import PartnershipSignOn

    partnership = world.partnership
    callback = world.url(f"/accounts/oidc/{partnership.slug}/login/callback/")
    provider = start_identity_provider(
        clients=[
            {"client_id": "learning-site", "client_secret": "s3cret", "redirect_uris": [callback]}
        ],
        users={COUNCIL_EMAIL: {"name": COUNCIL_NAME}},
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


def sign_in_with_the_council(page: Page, world, provider, email: str = COUNCIL_EMAIL) -> None:
    """From the sign-in page, through the council's own page, back here signed in."""
    page.goto(world.url("/accounts/login/"))
    page.get_by_role("link", name="Sign in with your organisation's account").click()
    page.get_by_label("Work email address").fill(email)
    page.get_by_role("button", name="Continue").click()

    page.get_by_role("button", name="Sign in with Northshire Council").click()

    # The council's own sign-in page, on the provider.
    expect(page.get_by_role("heading", name="Test council sign-in")).to_be_visible()
    assert page.url.startswith(provider.issuer)
    page.get_by_label("Council email address").fill(email)
    page.get_by_role("button", name="Sign in to the council").click()

    # Back here, signed in, on their learning.
    page.wait_for_url(lambda url: url.startswith(world.base_url) and "/accounts/" not in url)
    expect(page.get_by_role("button", name="Sign out").first).to_be_attached()
