"""Single sign-on with a partnership's own identity provider (OpenID Connect).

allauth's ``openid_connect`` provider runs the sign-in; this module tells it which
providers exist (one per partnership that set one up, ``PartnershipSignOn``) and decides
who may come in by one:

- the address the provider gives must be at a domain the provider's partnership claimed;
- a new person joins that partnership as a learner (never a role from the token);
- an existing account with the same address is linked only when the provider says the
  address is verified and the account belongs to that partnership (or to none yet); if
  the account's own address was never confirmed, allauth removes its password, so whoever
  made it without owning the address cannot get back in;
- staff roles still need a second factor, unless the ID token's ``amr`` says the person
  used one at the provider (``settings.SSO_MULTI_FACTOR_AMR``).

Anything else ends on our own page with a plain message, and no account is made.
"""

from __future__ import annotations

import time

from allauth.core.exceptions import ImmediateHttpResponse
from allauth.mfa.stages import AuthenticateStage
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from allauth.socialaccount.models import SocialApp
from django.conf import settings
from django.shortcuts import render

from learning_site.sanitise import sanitise_text

PROVIDER = "openid_connect"
# The authentication record kept in the session when the provider vouched for a second
# factor; ``learning_site.two_factor.session_passed_two_factor`` counts it.
PROVIDER_SECOND_FACTOR = "identity_provider"


def sign_on_for_email(email: str):
    """The enabled single sign-on of the partnership that claimed the address's domain."""
    from learning_site.models import Partnership, PartnershipSignOn

    partnership = Partnership.objects.claiming(email) if "@" in email else None
    if partnership is None:
        return None
    return PartnershipSignOn.objects.filter(partnership=partnership, is_enabled=True).first()


def social_app(sign_on) -> SocialApp:
    """allauth's app for a partnership's provider (built, never stored: the row in
    ``PartnershipSignOn`` is the one home of the set-up)."""
    return SocialApp(
        provider=PROVIDER,
        provider_id=sign_on.provider_id,
        name=sign_on.provider_name,
        client_id=sign_on.client_id,
        secret=sign_on.client_secret,
        settings={
            "server_url": sign_on.issuer,
            # The ID token must name the issuer the administrator entered, not merely
            # whatever the discovery document at that address claims.
            "openid_configuration_overrides": {"issuer": sign_on.issuer},
            "oauth_pkce_enabled": True,
            "partnership_id": sign_on.partnership_id,
        },
    )


def amr_of(sociallogin) -> list[str]:
    id_token = (sociallogin.account.extra_data or {}).get("id_token") or {}
    amr = id_token.get("amr") or []
    return [str(v) for v in amr] if isinstance(amr, list) else []


def provider_gave_second_factor(sociallogin) -> bool:
    return bool(set(amr_of(sociallogin)) & set(settings.SSO_MULTI_FACTOR_AMR))


def problem(request, provider_name: str, heading: str, message: str, status: int = 400):
    """Our page for a sign-in that could not go ahead."""
    return render(
        request,
        "socialaccount/sign_on_problem.html",
        {"provider_name": provider_name, "heading": heading, "message": message},
        status=status,
    )


def refuse(request, sociallogin, message: str):
    raise ImmediateHttpResponse(
        problem(
            request,
            sociallogin.provider.name,
            "You could not be signed in",
            message,
            status=403,
        )
    )


class SingleSignOnAdapter(DefaultSocialAccountAdapter):
    def list_apps(self, request, provider=None, client_id=None) -> list[SocialApp]:
        from learning_site.models import PartnershipSignOn

        rows = PartnershipSignOn.objects.filter(
            is_enabled=True, partnership__is_active=True
        ).select_related("partnership")
        apps = [social_app(row) for row in rows]
        if provider:
            apps = [a for a in apps if provider in (a.provider, a.provider_id)]
        if client_id:
            apps = [a for a in apps if a.client_id == client_id]
        return apps

    @staticmethod
    def partnership_of(sociallogin):
        from learning_site.models import Partnership

        return Partnership.objects.get(pk=sociallogin.provider.app.settings["partnership_id"])

    def can_authenticate_by_email(self, login, email: str) -> bool:
        """Link to an existing account only at the provider's partnership's own domains."""
        from learning_site.models import Partnership

        partnership = Partnership.objects.claiming(email)
        return partnership is not None and partnership == self.partnership_of(login)

    def pre_social_login(self, request, sociallogin) -> None:
        from learning_site.models import Partnership, User

        partnership = self.partnership_of(sociallogin)
        # The address the provider gave (for a linked account, sociallogin.user is ours).
        given = [a.email for a in sociallogin.email_addresses if a.email]
        email = (given[0] if given else sociallogin.user.email or "").strip().lower()
        if not email:
            refuse(
                request,
                sociallogin,
                f"{sociallogin.provider.name} did not tell us your email address, so we "
                "cannot tell which account is yours. Ask your IT service desk to share your "
                "email address with this site, or sign in with your password.",
            )
        if Partnership.objects.claiming(email) != partnership:
            refuse(
                request,
                sociallogin,
                f"Your organisation's account gave the address {email}, which is not at an "
                f"email domain {partnership} has claimed. Sign in with your password, or ask "
                "your partnership's learning lead.",
            )
        if sociallogin.is_existing:
            user = sociallogin.user
            if user.partnership_id not in (None, partnership.pk):
                refuse(
                    request,
                    sociallogin,
                    f"Your account belongs to another partnership, not {partnership}. Sign "
                    "in with your email address and password.",
                )
        elif User.objects.filter(email__iexact=email).exists():
            refuse(
                request,
                sociallogin,
                f"An account with the address {email} already exists, and "
                f"{sociallogin.provider.name} did not confirm that the address is yours. Sign "
                "in with your password.",
            )
        if sociallogin.is_existing and provider_gave_second_factor(sociallogin):
            from allauth.account.internal.flows.login import record_authentication

            record_authentication(
                request,
                sociallogin.user,
                "mfa",
                type=PROVIDER_SECOND_FACTOR,
                provider=sociallogin.account.provider,
                amr=amr_of(sociallogin),
            )

    def populate_user(self, request, sociallogin, data):
        user = super().populate_user(request, sociallogin, data)
        user.email = (user.email or "").lower()
        name = sanitise_text(data.get("name") or "")
        user.full_name = name[:150] or user.email.split("@")[0]
        return user

    def save_user(self, request, sociallogin, form=None):
        from learning_site.models import AuditEvent, record_event
        from learning_site.models.partnerships import email_domain
        from learning_site.roles import Role, grant_role

        partnership = self.partnership_of(sociallogin)
        sociallogin.user.partnership = partnership
        user = super().save_user(request, sociallogin, form)
        grant_role(user, Role.LEARNER)
        record_event(
            AuditEvent.Action.PARTNERSHIP_CHANGED,
            actor=user,
            subject=user,
            request=request,
            previous=None,
            new=partnership.name,
            by_single_sign_on=sociallogin.account.provider,
            by_claimed_domain=email_domain(user.email),
        )
        return user

    def on_authentication_error(
        self, request, provider, error=None, exception=None, extra_context=None
    ) -> None:
        from learning_site.sign_on_errors import explain

        heading, message = explain(provider, error, exception, extra_context or {})
        raise ImmediateHttpResponse(problem(request, provider.name, heading, message))


class SecondFactorStage(AuthenticateStage):
    """allauth's "enter your code" step, skipped when the partnership's provider said in
    this sign-in that the person used a second factor there."""

    def _should_handle(self, request) -> bool:
        from allauth.account.authentication import get_authentication_records

        if self.login.user is not None:
            records = get_authentication_records(request, self.login.user)
            if any(
                r.get("method") == "mfa"
                and r.get("type") == PROVIDER_SECOND_FACTOR
                and time.time() - r.get("at", 0) < 300
                for r in records
            ):
                return False
        return super()._should_handle(request)
