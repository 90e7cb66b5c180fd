"""Single sign-on with a partnership's own identity provider (issue 18, item 1).

Every sign-in here goes through a real OpenID provider (oidc-provider from npm, started on
localhost by tests/identity_provider.py): Django's test client plays our site, and a
``requests`` session plays the person's browser at the provider. Only the "token meant
for another application" check of the ID token's audience is tested without it, because
a real provider does not issue a token for one client to another (the code for another
client, which it can produce, is tested with it).
"""

from __future__ import annotations

import html
import re
import time
from urllib.parse import parse_qs, urlencode, urljoin, urlsplit, urlunsplit

import pytest
import requests
from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount
from django.urls import reverse

from learning_site.models import (
    AuditEvent,
    Partnership,
    PartnershipDomain,
    PartnershipSignOn,
    User,
)
from learning_site.roles import Role
from tests.factories import make_user
from tests.identity_provider import free_port, needs_identity_provider, start_identity_provider

SECRET = "eastborough-client-secret"  # noqa: S105
OTHER_SECRET = "other-app-secret"  # noqa: S105
CALLBACK = "http://testserver/accounts/oidc/eastborough/login/callback/"
USERS = {
    "new.learner@eastborough.gov.uk": {"name": "Nia New"},
    "existing@eastborough.gov.uk": {"name": "Eli Existing"},
    "unconfirmed@eastborough.gov.uk": {"name": "Una Unconfirmed", "email_verified": False},
    "tara.trainer@eastborough.gov.uk": {"name": "Tara Trainer"},
    "rita@riverside.gov.uk": {"name": "Rita Riverside"},
}


def provider_clients():
    return [
        {"client_id": "learning-site", "client_secret": SECRET, "redirect_uris": [CALLBACK]},
        # Another council application with the same redirect address registered.
        {"client_id": "other-app", "client_secret": OTHER_SECRET, "redirect_uris": [CALLBACK]},
    ]


@pytest.fixture(scope="module")
def identity_provider():
    provider = start_identity_provider(clients=provider_clients(), users=USERS)
    yield provider
    provider.stop()


@pytest.fixture
def eastborough(db):
    partnership = Partnership.objects.create(
        name="Eastborough Safeguarding Children Partnership", slug="eastborough"
    )
    PartnershipDomain.objects.create(partnership=partnership, domain="eastborough.gov.uk")
    riverside = Partnership.objects.create(name="Riverside Partnership", slug="riverside")
    PartnershipDomain.objects.create(partnership=riverside, domain="riverside.gov.uk")
    return partnership


def set_up_sign_on(partnership, issuer: str, *, client_id="learning-site", secret=SECRET):
    return PartnershipSignOn.objects.create(
        partnership=partnership,
        provider_name="Eastborough Council",
        issuer=issuer,
        client_id=client_id,
        client_secret=secret,
    )


@pytest.fixture
def sign_on(eastborough, identity_provider):
    return set_up_sign_on(eastborough, identity_provider.issuer)


def start(client) -> str:
    """Press "Sign in with Eastborough Council": our site sends the browser on."""
    response = client.post("/accounts/oidc/eastborough/login/", {"process": "login"})
    assert response.status_code == 302, response.content.decode()[:500]
    return response["Location"]


def at_provider(authorize_url: str, email: str, *, mfa: bool = False) -> str:
    """Sign in at the provider as a person would; returns where it sends the browser back
    to (our callback with the code)."""
    browser = requests.Session()
    page = browser.get(authorize_url, timeout=10)
    assert page.status_code == 200, page.text
    action = re.search(r'action="([^"]+)"', page.text).group(1)
    response = browser.post(
        urljoin(page.url, action),
        data={"email": email, **({"mfa": "yes"} if mfa else {})},
        allow_redirects=False,
        timeout=10,
    )
    while response.is_redirect:
        location = urljoin(response.url, response.headers["Location"])
        if location.startswith("http://testserver/"):
            return location
        response = browser.get(location, allow_redirects=False, timeout=10)
    raise AssertionError(f"The provider did not send the browser back: {response.text[:500]}")


def come_back(client, callback_url: str):
    parts = urlsplit(callback_url)
    return client.get(f"{parts.path}?{parts.query}")


def sign_in(client, email: str, *, mfa: bool = False):
    return come_back(client, at_provider(start(client), email, mfa=mfa))


def signed_in_user(client):
    response = client.get(reverse("profile"))
    if response.status_code != 200:
        return None
    return response.wsgi_request.user


def problem_text(response) -> str:
    assert response.status_code in (400, 403, 503), response.status_code
    return re.sub(r"\s+", " ", html.unescape(response.content.decode()))


pytestmark = [pytest.mark.django_db, *needs_identity_provider]


# --- Signing in -----------------------------------------------------------------------------
def test_first_sign_in_joins_the_partnership_as_a_learner(client, sign_on, eastborough):
    response = sign_in(client, "new.learner@eastborough.gov.uk")

    assert response.status_code == 302
    assert response["Location"] == reverse("landing")
    user = User.objects.get(email="new.learner@eastborough.gov.uk")
    assert user.full_name == "Nia New"
    assert user.partnership == eastborough
    assert user.role_names == {"Learner"}
    assert not user.has_usable_password()
    assert EmailAddress.objects.get(user=user).verified
    assert SocialAccount.objects.get(user=user).provider == "eastborough"
    assert signed_in_user(client) == user
    assert client.get(reverse("landing")).status_code == 302  # on to their learning
    event = AuditEvent.objects.get(action=AuditEvent.Action.PARTNERSHIP_CHANGED, subject=user)
    assert event.partnership == eastborough

    # Signing in again is the same person, not a second account.
    client.logout()
    sign_in(client, "new.learner@eastborough.gov.uk")
    assert User.objects.filter(email__iexact="new.learner@eastborough.gov.uk").count() == 1
    assert signed_in_user(client) == user


def test_an_existing_account_with_the_verified_address_is_linked_not_duplicated(
    client, sign_on, eastborough
):
    existing = make_user(Role.LEARNER, eastborough, email="existing@eastborough.gov.uk")
    people = User.objects.count()

    response = sign_in(client, "existing@eastborough.gov.uk")

    assert response.status_code == 302
    assert User.objects.count() == people
    assert SocialAccount.objects.get(provider="eastborough").user == existing
    assert signed_in_user(client) == existing
    existing.refresh_from_db()
    assert existing.has_usable_password()  # their own address was confirmed: nothing wiped


def test_an_address_the_provider_did_not_verify_is_not_linked(client, sign_on, eastborough):
    existing = make_user(Role.LEARNER, eastborough, email="unconfirmed@eastborough.gov.uk")
    people = User.objects.count()

    response = sign_in(client, "unconfirmed@eastborough.gov.uk")

    text = problem_text(response)
    assert "already exists" in text and "did not confirm" in text
    assert User.objects.count() == people
    assert not SocialAccount.objects.exists()
    assert signed_in_user(client) is None
    existing.refresh_from_db()
    assert existing.has_usable_password()


def test_an_address_at_another_partnerships_domain_is_refused(client, sign_on):
    people = User.objects.count()

    response = sign_in(client, "rita@riverside.gov.uk")

    text = problem_text(response)
    assert "rita@riverside.gov.uk" in text
    assert (
        "not at an email domain Eastborough Safeguarding Children Partnership has claimed" in text
    )
    assert User.objects.count() == people
    assert not SocialAccount.objects.exists()
    assert signed_in_user(client) is None


def test_roles_come_from_the_partnership_never_from_the_sign_in(client, sign_on, eastborough):
    trainer = make_user(
        Role.TRAINER, eastborough, email="tara.trainer@eastborough.gov.uk", two_factor=False
    )
    sign_in(client, "tara.trainer@eastborough.gov.uk", mfa=True)
    trainer.refresh_from_db()
    assert trainer.role_names == {"Trainer"}
    new = sign_in(Client_(), "new.learner@eastborough.gov.uk", mfa=True)
    assert new.status_code == 302
    assert User.objects.get(email="new.learner@eastborough.gov.uk").role_names == {"Learner"}


def Client_():  # noqa: N802 - a second browser
    from django.test import Client

    return Client()


# --- Two-factor for staff roles -------------------------------------------------------------
def test_staff_who_used_multi_factor_at_the_provider_skip_our_code(client, sign_on, eastborough):
    trainer = make_user(
        Role.TRAINER, eastborough, email="tara.trainer@eastborough.gov.uk", two_factor=True
    )

    response = sign_in(client, "tara.trainer@eastborough.gov.uk", mfa=True)

    assert response.status_code == 302
    assert response["Location"] == reverse("landing")
    assert signed_in_user(client) == trainer
    assert client.get("/admin/").status_code == 200


def test_staff_without_multi_factor_at_the_provider_still_give_our_code(
    client, sign_on, eastborough
):
    make_user(Role.TRAINER, eastborough, email="tara.trainer@eastborough.gov.uk", two_factor=True)

    response = sign_in(client, "tara.trainer@eastborough.gov.uk", mfa=False)

    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_authenticate")
    assert signed_in_user(client) is None
    assert client.get("/admin/").status_code == 302


def test_staff_without_an_authenticator_must_set_one_up_unless_the_provider_did_mfa(
    client, sign_on, eastborough
):
    make_user(Role.TRAINER, eastborough, email="tara.trainer@eastborough.gov.uk", two_factor=False)

    sign_in(client, "tara.trainer@eastborough.gov.uk", mfa=False)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")

    client.logout()
    sign_in(client, "tara.trainer@eastborough.gov.uk", mfa=True)
    assert client.get("/admin/").status_code == 200


# --- Bad input: each a clear message on our page, and no account -----------------------------
def test_a_token_from_the_wrong_issuer_is_refused(client, eastborough, identity_provider):
    # The administrator typed "localhost"; the provider names itself 127.0.0.1. The
    # discovery document answers from either, but the ID token names the issuer.
    set_up_sign_on(eastborough, f"http://localhost:{identity_provider.port}")

    response = sign_in(client, "new.learner@eastborough.gov.uk")

    text = problem_text(response)
    assert "named a different issuer" in text
    assert "the issuer URL in the set-up may be wrong" in text
    assert not User.objects.filter(email="new.learner@eastborough.gov.uk").exists()
    assert signed_in_user(client) is None


def test_a_replayed_code_is_refused(client, sign_on):
    callback = at_provider(start(client), "new.learner@eastborough.gov.uk")
    assert come_back(client, callback).status_code == 302
    client.logout()
    people = User.objects.count()

    # The same answer again: its sign-in is already over.
    text = problem_text(come_back(client, callback))
    assert "This sign-in link has already been used" in text
    # The old code with a sign-in of this browser that is still open: the provider refuses it.
    fresh_state = parse_qs(urlsplit(start(client)).query)["state"][0]
    old_code = parse_qs(urlsplit(callback).query)["code"][0]
    text = problem_text(
        client.get(
            urlsplit(CALLBACK).path + "?" + urlencode({"code": old_code, "state": fresh_state})
        )
    )
    assert "the sign-in code had expired, had already been used" in text
    assert User.objects.count() == people
    assert signed_in_user(client) is None


def test_an_expired_code_is_refused(client, eastborough):
    provider = start_identity_provider(clients=provider_clients(), users=USERS, code_ttl=1)
    try:
        set_up_sign_on(eastborough, provider.issuer)
        callback = at_provider(start(client), "new.learner@eastborough.gov.uk")
        time.sleep(2.5)
        text = problem_text(come_back(client, callback))
    finally:
        provider.stop()
    assert "the sign-in code had expired" in text
    assert not User.objects.filter(email="new.learner@eastborough.gov.uk").exists()
    assert signed_in_user(client) is None


def test_a_code_given_to_another_application_is_refused(client, sign_on):
    ours = urlsplit(start(client))
    query = parse_qs(ours.query)
    query["client_id"] = ["other-app"]
    for_other_app = urlunsplit(ours._replace(query=urlencode(query, doseq=True)))

    callback = at_provider(for_other_app, "new.learner@eastborough.gov.uk")
    text = problem_text(come_back(client, callback))

    assert "given to another application" in text
    assert not User.objects.filter(email="new.learner@eastborough.gov.uk").exists()
    assert signed_in_user(client) is None


def test_a_provider_that_is_down_when_signing_in_starts(client, eastborough):
    set_up_sign_on(eastborough, f"http://127.0.0.1:{free_port()}")

    response = client.post("/accounts/oidc/eastborough/login/", {"process": "login"})

    text = problem_text(response)
    assert response.status_code == 503
    assert "We could not reach Eastborough Council's sign-in service" in text
    assert (
        not User.objects.exclude(is_superuser=True)
        .filter(email__endswith="eastborough.gov.uk")
        .exists()
    )


def test_a_provider_that_goes_down_before_the_code_is_exchanged(client, eastborough):
    provider = start_identity_provider(clients=provider_clients(), users=USERS)
    try:
        set_up_sign_on(eastborough, provider.issuer)
        callback = at_provider(start(client), "new.learner@eastborough.gov.uk")
    finally:
        provider.stop()

    text = problem_text(come_back(client, callback))

    assert "We could not reach Eastborough Council's sign-in service" in text
    assert not User.objects.filter(email="new.learner@eastborough.gov.uk").exists()
    assert signed_in_user(client) is None


# --- The sign-in page ------------------------------------------------------------------------
def test_the_button_appears_for_addresses_of_the_claimed_domains(client, sign_on):
    page = client.get(reverse("account_login")).content.decode()
    assert reverse("organisation_sign_in") in page

    response = client.get(
        reverse("organisation_sign_in"), {"email": "Ann@Social.Eastborough.gov.uk"}
    )
    page = response.content.decode()
    assert "Sign in with Eastborough Council" in page
    assert 'action="/accounts/oidc/eastborough/login/"' in page
    assert 'method="post"' in page
    # The browser may follow the button's redirect to the provider, and only there.
    form_action = re.search(r"form-action ([^;]+)", response["Content-Security-Policy"]).group(1)
    assert form_action.split() == ["'self'", sign_on.issuer]

    response = client.get(reverse("organisation_sign_in"), {"email": "ann@riverside.gov.uk"})
    page = response.content.decode()
    assert "Sign in with Eastborough Council" not in page
    assert "has not set up single sign-on here for addresses ending in @riverside.gov.uk" in page
    assert 'value="ann@riverside.gov.uk"' in page  # what they typed is kept

    response = client.get(reverse("organisation_sign_in"), {"email": "not an address"})
    assert "Enter an email address in the correct format" in response.content.decode()


def test_a_switched_off_sign_on_shows_no_button_and_cannot_be_started(client, sign_on):
    sign_on.is_enabled = False
    sign_on.save()
    page = client.get(reverse("organisation_sign_in"), {"email": "ann@eastborough.gov.uk"})
    assert "Sign in with Eastborough Council" not in page.content.decode()
    response = client.post("/accounts/oidc/eastborough/login/", {"process": "login"})
    assert response.status_code == 404
