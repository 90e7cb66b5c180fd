"""allauth adapter: who may sign up, where each role lands after signing in, and how its
emails name the site and link to it."""

from dataclasses import dataclass

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.forms import ValidationError
from django.http import HttpRequest
from django.urls import reverse

from learning_site.urls_absolute import absolute_url, base_domain, site_name


def email_domain_allowed(email: str, allowed: list[str]) -> bool:
    """True when no list is set, or the address is at a listed domain or its subdomain."""
    if not allowed:
        return True
    domain = email.rsplit("@", 1)[-1].lower().strip()
    return any(
        domain == d.lower().lstrip("@") or domain.endswith("." + d.lower().lstrip("@"))
        for d in allowed
    )


@dataclass(frozen=True)
class EmailSite:
    """What allauth's email templates read as ``current_site``. Without the sites
    framework allauth uses the request's host, so emails said "Hello from
    127.0.0.1:8011!"."""

    name: str
    domain: str


class AccountAdapter(DefaultAccountAdapter):
    # allauth's own messages, in the site's words (the others are already plain).
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "email_password_mismatch": "The email address or password is not correct. "
        "Check both and try again.",
        "enter_current_password": "Enter your current password.",
        "incorrect_password": "The password is not correct.",
        "too_many_login_attempts": "Too many attempts to sign in. Wait a few minutes, "
        "then try again.",
        "rate_limited": "Too many attempts. Wait a few minutes, then try again.",
    }

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """Every allauth email greets from the site's name, and its links (confirm your
        address, reset your password, sign up) go to the base URL, never to whatever
        host the request named."""
        context = {
            key: absolute_url(value)
            if key.endswith("_url") and isinstance(value, str) and "://" in value
            else value
            for key, value in context.items()
        }
        context["current_site"] = EmailSite(name=site_name(), domain=base_domain())
        super().send_mail(template_prefix, email, context)

    def clean_email(self, email: str) -> str:
        email = super().clean_email(email)
        allowed = settings.SIGNUP_ALLOWED_EMAIL_DOMAINS
        if not email_domain_allowed(email, allowed):
            listed = ", ".join(allowed)
            raise ValidationError(
                f"Use your work email address. Sign-up is open to addresses ending in: {listed}. "
                "If your organisation is not listed, ask your partnership's learning lead."
            )
        return email

    def get_login_redirect_url(self, request: HttpRequest) -> str:
        return reverse("landing")

    def get_reauthentication_methods(self, user) -> list[dict]:
        """A person with an authenticator confirms it is them with a code, never the
        password alone: a stolen password must not be enough to remove or replace the
        second factor (or anything else allauth asks to confirm)."""
        methods = super().get_reauthentication_methods(user)
        with_code = [m for m in methods if m["id"].startswith("mfa_reauthenticate")]
        return with_code or methods

    def get_login_stages(self) -> list[str]:
        """allauth's stages, with its "enter your code" step skipped when the
        partnership's identity provider vouched for a second factor in this sign-in
        (learning_site.single_sign_on)."""
        return [
            "learning_site.single_sign_on.SecondFactorStage"
            if stage == "allauth.mfa.stages.AuthenticateStage"
            else stage
            for stage in super().get_login_stages()
        ]
