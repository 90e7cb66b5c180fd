"""Issue 18's single sign-on in Chromium, against a real OpenID provider (oidc-provider
from npm on localhost): a learner at a claimed domain finds "Sign in with …", signs in
at the council's page, and lands back here signed in, in that partnership, as a learner.
"""

import pytest
from playwright.sync_api import Page, expect

from learning_site.models import User
from tests.e2e.single_sign_on import COUNCIL_EMAIL, sign_in_with_the_council
from tests.identity_provider import needs_identity_provider

pytestmark = [pytest.mark.browser, *needs_identity_provider]


@pytest.mark.parametrize("java_script", [True, False], ids=["with-js", "without-js"])
def test_a_learner_signs_in_with_the_councils_account(
    new_context, world, council_provider, java_script
):
    page: Page = new_context(java_script=java_script).new_page()
    sign_in_with_the_council(page, world, council_provider)

    person = User.objects.get(email=COUNCIL_EMAIL)
    assert person.partnership == world.partnership
    assert person.role_names == {"Learner"}
    assert person.full_name == "Sam Single-Sign-On"
    page.goto(world.url("/accounts/profile/"))
    expect(page.get_by_text(COUNCIL_EMAIL).first).to_be_visible()
