"""An ID token meant for another application, or from another issuer, is refused by
allauth's own check, and the page says which in plain words.

A real provider never hands one client's ID token to another through the code flow (the
code for another client is refused at the provider, tested against oidc-provider in
test_single_sign_on.py), so here a token is made with PyJWT and put through allauth's
verification, the network left out.
"""

import time
from types import SimpleNamespace

import jwt
import pytest
from allauth.socialaccount.internal import jwtkit
from allauth.socialaccount.providers.oauth2.client import OAuth2Error

from learning_site.sign_on_errors import explain

ISSUER = "https://login.eastborough.gov.uk"


def refusal(**claims) -> OAuth2Error:
    token = jwt.encode(
        {"iss": ISSUER, "aud": "learning-site", "sub": "1", "exp": time.time() + 60, **claims},
        "key-the-test-does-not-need",
        algorithm="HS256",
    )
    with pytest.raises(OAuth2Error) as caught:
        jwtkit.verify_and_decode(
            credential=token,
            keys_url="",
            issuer=ISSUER,
            audience="learning-site",
            lookup_kid=jwtkit.lookup_kid_jwk,
            verify_signature=False,
        )
    return caught.value


PROVIDER = SimpleNamespace(name="Eastborough Council")


@pytest.mark.parametrize(
    "claims, heading, words",
    [
        ({"aud": "other-app"}, "The answer was meant for another site", "the client ID"),
        (
            {"iss": "https://evil.example"},
            "The answer did not come from Eastborough Council",
            "issuer URL",
        ),
        ({"exp": time.time() - 600}, "Your sign-in took too long", "start again"),
    ],
)
def test_a_token_that_fails_allauths_checks_is_explained(claims, heading, words):
    got_heading, message = explain(PROVIDER, "unknown", refusal(**claims), {})
    assert got_heading == heading
    assert words in message
    assert "you have not been signed in" in message
