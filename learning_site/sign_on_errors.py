"""What went wrong with a single sign-on, in words a person can act on.

allauth reports a failed sign-in as an error code and the exception it caught; this turns
each into a heading and a message for our own page. Whatever the cause, nobody has been
signed in and no account has been made.
"""

from __future__ import annotations

import jwt
from allauth.socialaccount.providers.base.constants import AuthError
from allauth.socialaccount.providers.oauth2.client import OAuth2Error
from requests import RequestException

START_AGAIN = "Go back to the sign-in page and start again."


def _cause(exception: BaseException | None) -> BaseException | None:
    seen = exception
    while seen is not None and seen.__cause__ is not None:
        seen = seen.__cause__
    return seen


def explain(provider, error, exception, extra_context: dict) -> tuple[str, str]:
    """(heading, message) for the problem page."""
    name = provider.name
    if error == AuthError.CANCELLED:
        return (
            "You did not finish signing in",
            f"You stopped signing in with {name}. {START_AGAIN}",
        )
    if isinstance(exception, RequestException):
        return (
            f"{name} is not answering",
            f"We could not reach {name}'s sign-in service, so you have not been signed in. "
            "Try again in a few minutes, or sign in with your email address and password.",
        )
    if isinstance(exception, OAuth2Error):
        cause = _cause(exception)
        if isinstance(cause, jwt.InvalidIssuerError):
            return (
                f"The answer did not come from {name}",
                f"The sign-in answer named a different issuer from the one your partnership "
                f"set up for {name}, so we did not trust it and you have not been signed in. "
                "Tell your partnership's administrator: the issuer URL in the set-up may be "
                "wrong.",
            )
        if isinstance(cause, jwt.InvalidAudienceError):
            return (
                "The answer was meant for another site",
                f"{name} sent a sign-in answer meant for another application, so we did not "
                "accept it and you have not been signed in. Tell your partnership's "
                "administrator: the client ID in the set-up may be wrong.",
            )
        if isinstance(cause, jwt.ExpiredSignatureError):
            return (
                "Your sign-in took too long",
                f"The sign-in answer from {name} had expired, so you have not been signed "
                f"in. {START_AGAIN}",
            )
        if "invalid_grant" in str(exception):
            return (
                "Your sign-in could not be completed",
                f"{name} said the sign-in code had expired, had already been used, or was "
                f"given to another application, so you have not been signed in. {START_AGAIN}",
            )
        if "invalid_client" in str(exception):
            return (
                f"This site is not set up correctly with {name}",
                f"{name} did not accept this site's client ID or secret, so you have not "
                "been signed in. Tell your partnership's administrator, and sign in with "
                "your email address and password meanwhile.",
            )
    if exception is None and "state_id" in extra_context:
        return (
            "This sign-in link has already been used",
            f"The sign-in had already been completed, had expired, or was started in "
            f"another browser, so you have not been signed in. {START_AGAIN}",
        )
    return (
        "You could not be signed in",
        f"Signing in with {name} did not work, so you have not been signed in. {START_AGAIN} "
        "If it happens again, sign in with your email address and password, and tell your "
        "partnership's administrator.",
    )
