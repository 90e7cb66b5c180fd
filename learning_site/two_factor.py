"""Two-factor authentication per session, on top of allauth's MFA.

allauth asks for the code at sign-in when a person has an authenticator, and keeps a
record of how this session authenticated (``account_authentication_methods``). These
helpers read that record, so staff pages can require that *this session* passed the
second factor, not merely that the person has an authenticator.
"""

import time

from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.http import HttpRequest


def has_authenticator(user) -> bool:
    return Authenticator.objects.filter(
        user=user, type__in=[Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN]
    ).exists()


def needs_two_factor(user) -> bool:
    """Roles that may not use the site without an authenticator."""
    return user.is_superuser or user.has_role(*settings.ROLES_REQUIRING_TWO_FACTOR)


def session_passed_two_factor(request: HttpRequest) -> bool:
    """True when this session gave a second factor (at sign-in or since): a code here, or
    at the partnership's identity provider when its ID token said so (``amr``, see
    learning_site.single_sign_on)."""
    records = get_authentication_records(request, request.user)
    return any(r.get("method") == "mfa" for r in records)


def recently_reauthenticated_with_two_factor(request: HttpRequest) -> bool:
    """True when this session gave a code on the 'confirm it is you' page just now.

    Changing or removing an authenticator, or its recovery codes, needs this: a password
    alone must never be enough to take over someone's second factor.
    """
    from allauth.account import app_settings

    records = get_authentication_records(request, request.user)
    timeout = app_settings.REAUTHENTICATION_TIMEOUT
    return any(
        r.get("method") == "mfa"
        and r.get("reauthenticated")
        and time.time() - r.get("at", 0) < timeout
        for r in records
    )


def record_second_factor_given(request: HttpRequest, user, authenticator) -> None:
    """Setting up an authenticator proves the person holds it: this session counts as
    having passed the second factor, so they are not signed out straight away."""
    from allauth.account.internal.flows.login import record_authentication

    if request is None or not getattr(request, "user", None) or request.user.pk != user.pk:
        return
    record_authentication(request, user, "mfa", id=authenticator.pk, type=authenticator.type)


def reset_two_factor(user, *, by, request=None) -> int:
    """Remove a person's authenticators and recovery codes (they set up a new one at their
    next sign-in), sign them out everywhere, and record who did it. Returns how many
    authenticators were removed."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.sessions.models import Session

    from learning_site.models import AuditEvent, record_event

    removed, _ = Authenticator.objects.filter(user=user).delete()
    # Sessions signed in with the old authenticator must not live on: deleted through
    # the session engine, so a copy kept in the cache (cached_db) goes too.
    store = import_module(settings.SESSION_ENGINE).SessionStore
    for session in Session.objects.all().iterator():
        data = session.get_decoded()
        if str(data.get("_auth_user_id")) == str(user.pk):
            store(session_key=session.session_key).delete()
    record_event(
        AuditEvent.Action.TWO_FACTOR_RESET,
        actor=by,
        subject=user,
        request=request,
        authenticators_removed=removed,
    )
    return removed
